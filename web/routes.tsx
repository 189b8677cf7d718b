import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  FileProtectOutlined,
  IdcardOutlined,
  LinkOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import type { Permission } from '../common/roles';
import type { MeUser } from '../common/schemas/auth';
import { hasPermission } from './access';
import { NoPages, NotFound, RequirePermission, RequireSession, useCurrentUser } from './components/guards';
import type { zhCN } from './i18n/zh-CN';

/**
 * The route table: every page of the menu, the one permission it needs (the menu shows it and the
 * guard lets it open only when the user's permissions from /auth/me include it), and its lazily
 * loaded component — so the login page does not carry the code of the pages behind it.
 */
export interface PageDef {
  path: string;
  permission: Permission;
  label: `nav.${keyof typeof zhCN.nav}`;
  icon: ReactNode;
  Component: LazyExoticComponent<ComponentType>;
  /** the page also answers paths under it (`/filings/3/12`), which it reads itself */
  nested?: boolean;
}

export const PAGES: readonly PageDef[] = [
  {
    path: '/pairings',
    permission: 'pairings:read',
    label: 'nav.pairings',
    icon: <LinkOutlined />,
    Component: lazy(() => import('./features/pairings/PairingsPage')),
  },
  {
    path: '/ledger',
    permission: 'ledger:read',
    label: 'nav.ledger',
    icon: <BookOutlined />,
    Component: lazy(() => import('./features/ledger/LedgerPage')),
  },
  {
    path: '/plans',
    permission: 'plans:read',
    label: 'nav.plans',
    icon: <ScheduleOutlined />,
    Component: lazy(() => import('./features/plans/PlansPage')),
  },
  {
    path: '/calendar',
    permission: 'calendar:read',
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    Component: lazy(() => import('./features/calendar/CalendarPage')),
  },
  {
    path: '/filings',
    permission: 'filings:read',
    label: 'nav.filings',
    icon: <FileProtectOutlined />,
    Component: lazy(() => import('./features/filings/FilingsPage')),
    nested: true,
  },
  {
    path: '/roster',
    permission: 'roster:read',
    label: 'nav.roster',
    icon: <IdcardOutlined />,
    Component: lazy(() => import('./features/roster/RosterPage')),
    nested: true,
  },
  {
    path: '/organisations',
    permission: 'organisations:read',
    label: 'nav.organisations',
    icon: <BankOutlined />,
    Component: lazy(() => import('./features/organisations/OrganisationsPage')),
  },
  {
    path: '/regions',
    permission: 'regions:read',
    label: 'nav.regions',
    icon: <ApartmentOutlined />,
    Component: lazy(() => import('./features/organisations/RegionsPage')),
  },
  {
    path: '/users',
    permission: 'users:read',
    label: 'nav.users',
    icon: <UserOutlined />,
    Component: lazy(() => import('./features/users/UsersPage')),
  },
  {
    path: '/audit',
    permission: 'audit:read',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    Component: lazy(() => import('./features/audit/AuditPage')),
  },
  {
    path: '/security',
    permission: 'security:read',
    label: 'nav.security',
    icon: <SafetyCertificateOutlined />,
    Component: lazy(() => import('./features/security/SecurityPage')),
  },
];

// Where `/` leads: the business list first, then each admin role's own page, then the directories.
const HOME_ORDER = ['/pairings', '/ledger', '/users', '/audit', '/security', '/organisations', '/regions'];

/** The first page this user may open, by HOME_ORDER; null when there is none. */
export function firstAllowedPath(user: Pick<MeUser, 'permissions'>): string | null {
  const allowed = PAGES.filter((page) => hasPermission(user, page.permission)).map((page) => page.path);
  return HOME_ORDER.find((path) => allowed.includes(path)) ?? allowed[0] ?? null;
}

/** `/`: the first page the role may see. */
function HomeRedirect() {
  const user = useCurrentUser();
  const path = firstAllowedPath(user);
  return path ? <Navigate to={path} replace /> : <NoPages />;
}

const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const AppLayout = lazy(() => import('./components/AppLayout'));

/** The route table rendered: /login outside the shell, every page inside it behind its permission. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        path="/"
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomeRedirect />} />
        {PAGES.map((page) => (
          <Route
            key={page.path}
            path={page.nested ? `${page.path.slice(1)}/*` : page.path.slice(1)}
            element={
              <RequirePermission permission={page.permission}>
                <page.Component />
              </RequirePermission>
            }
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
