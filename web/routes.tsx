import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  CommentOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  FileProtectOutlined,
  FundOutlined,
  HomeOutlined,
  IdcardOutlined,
  KeyOutlined,
  LinkOutlined,
  MailOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import type { Permission } from '../common/roles';
import type { MeUser } from '../common/schemas/auth';
import { hasPermission } from './access';
import { NoPages, NotFound, RequirePermission, RequireSession, useCurrentUser } from './components/guards';
import type { zhCN } from './i18n/zh-CN';

/** A lazily loaded page that can also be asked to load ahead of its first render. */
type LazyPage = LazyExoticComponent<ComponentType> & { preload(): Promise<unknown> };
function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  return Object.assign(lazy(load), { preload: load });
}

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
  Component: LazyPage;
  /** the page also answers paths under it (`/filings/3/12`), which it reads itself */
  nested?: boolean;
  /** reached from elsewhere (the header's search box, the user menu), not from the menu */
  hidden?: boolean;
}

/** 我的工作: `/` for every business role (the admins keep their first page). */
export const MY_WORK = {
  path: '/',
  permission: 'mywork:read' as Permission,
  label: 'nav.myWork' as const,
  icon: <HomeOutlined />,
};
const MyWorkPage = lazyPage(() => import('./features/home/MyWorkPage'));

export const PAGES: readonly PageDef[] = [
  {
    path: '/dashboard',
    permission: 'dashboard:read',
    label: 'nav.dashboard',
    icon: <DashboardOutlined />,
    Component: lazyPage(() => import('./features/dashboard/DashboardPage')),
  },
  {
    path: '/pairings',
    permission: 'pairings:read',
    label: 'nav.pairings',
    icon: <LinkOutlined />,
    Component: lazyPage(() => import('./features/pairings/PairingsPage')),
  },
  {
    path: '/ledger',
    permission: 'ledger:read',
    label: 'nav.ledger',
    icon: <BookOutlined />,
    Component: lazyPage(() => import('./features/ledger/LedgerPage')),
  },
  {
    path: '/plans',
    permission: 'plans:read',
    label: 'nav.plans',
    icon: <ScheduleOutlined />,
    Component: lazyPage(() => import('./features/plans/PlansPage')),
  },
  {
    path: '/consultations',
    permission: 'consultations:read',
    label: 'nav.consultations',
    icon: <CommentOutlined />,
    Component: lazyPage(() => import('./features/consultations/ConsultationsPage')),
    nested: true,
  },
  {
    path: '/consultations/items',
    permission: 'consultations:read',
    label: 'nav.consultationItems',
    icon: <MessageOutlined />,
    Component: lazyPage(() => import('./features/consultations/ItemsPage')),
    nested: true,
  },
  {
    path: '/reports',
    permission: 'reports:read',
    label: 'nav.reports',
    icon: <FileDoneOutlined />,
    Component: lazyPage(() => import('./features/reports/ReportsPage')),
    nested: true,
  },
  {
    path: '/conference',
    permission: 'conference:read',
    label: 'nav.conference',
    icon: <FundOutlined />,
    Component: lazyPage(() => import('./features/conference/ConferencePage')),
  },
  {
    path: '/calendar',
    permission: 'calendar:read',
    label: 'nav.calendar',
    icon: <CalendarOutlined />,
    Component: lazyPage(() => import('./features/calendar/CalendarPage')),
  },
  {
    path: '/filings',
    permission: 'filings:read',
    label: 'nav.filings',
    icon: <FileProtectOutlined />,
    Component: lazyPage(() => import('./features/filings/FilingsPage')),
    nested: true,
  },
  {
    path: '/roster',
    permission: 'roster:read',
    label: 'nav.roster',
    icon: <IdcardOutlined />,
    Component: lazyPage(() => import('./features/roster/RosterPage')),
    nested: true,
  },
  {
    path: '/organisations',
    permission: 'organisations:read',
    label: 'nav.organisations',
    icon: <BankOutlined />,
    Component: lazyPage(() => import('./features/organisations/OrganisationsPage')),
  },
  {
    path: '/regions',
    permission: 'regions:read',
    label: 'nav.regions',
    icon: <ApartmentOutlined />,
    Component: lazyPage(() => import('./features/organisations/RegionsPage')),
  },
  {
    path: '/accounts',
    permission: 'accounts:manage',
    label: 'nav.accounts',
    icon: <KeyOutlined />,
    Component: lazyPage(() => import('./features/accounts/AccountsPage')),
  },
  {
    path: '/users',
    permission: 'users:read',
    label: 'nav.users',
    icon: <UserOutlined />,
    Component: lazyPage(() => import('./features/users/UsersPage')),
  },
  {
    path: '/audit',
    permission: 'audit:read',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    Component: lazyPage(() => import('./features/audit/AuditPage')),
  },
  {
    path: '/access-log',
    permission: 'access-log:read',
    label: 'nav.accessLog',
    icon: <AuditOutlined />,
    Component: lazyPage(() => import('./features/audit/AccessLogPage')),
  },
  {
    path: '/security',
    permission: 'security:read',
    label: 'nav.security',
    icon: <SafetyCertificateOutlined />,
    Component: lazyPage(() => import('./features/security/SecurityPage')),
  },
  {
    path: '/notifications/deliveries',
    permission: 'notifications:admin',
    label: 'nav.deliveries',
    icon: <MailOutlined />,
    Component: lazyPage(() => import('./features/notifications/DeliveriesPage')),
  },
  {
    path: '/notifications/preferences',
    permission: 'notifications:read',
    label: 'nav.preferences',
    icon: <MailOutlined />,
    Component: lazyPage(() => import('./features/notifications/PreferencesPage')),
    hidden: true,
  },
  {
    path: '/search',
    permission: 'search:read',
    label: 'nav.search',
    icon: <MailOutlined />,
    Component: lazyPage(() => import('./features/search/SearchPage')),
    hidden: true,
  },
];

/** The page a path belongs to: the longest page path it is, or lies under. */
export function pageOf(pathname: string): PageDef | undefined {
  return PAGES.filter((p) => pathname === p.path || pathname.startsWith(`${p.path}/`)).sort(
    (a, b) => b.path.length - a.path.length,
  )[0];
}

// Where `/` leads: the business list first, then each admin role's own page, then the directories.
const HOME_ORDER = ['/pairings', '/ledger', '/users', '/audit', '/security', '/organisations', '/regions'];

/** The first page this user may open, by HOME_ORDER; null when there is none. */
export function firstAllowedPath(user: Pick<MeUser, 'permissions'>): string | null {
  const allowed = PAGES.filter((page) => !page.hidden && hasPermission(user, page.permission)).map(
    (page) => page.path,
  );
  return HOME_ORDER.find((path) => allowed.includes(path)) ?? allowed[0] ?? null;
}

/** `/`: 我的工作 for a business role, else the first page the role may see. */
function Home() {
  const user = useCurrentUser();
  if (hasPermission(user, MY_WORK.permission)) {
    return (
      <RequirePermission permission={MY_WORK.permission}>
        <MyWorkPage />
      </RequirePermission>
    );
  }
  const path = firstAllowedPath(user);
  return path ? <Navigate to={path} replace /> : <NoPages />;
}

/** The links the server writes (`/ledger/12`, `/plans/3`, `/organisations/5`) to the pages that show them. */
function LedgerLink() {
  const { id } = useParams();
  return <Navigate to={`/ledger?record=${Number(id) || ''}`} replace />;
}

const LoginPage = lazyPage(() => import('./features/auth/LoginPage'));
const ReportPrint = lazyPage(() => import('./features/print/ReportPrint'));
const ConferencePrint = lazyPage(() => import('./features/print/ConferencePrint'));

/** A print view: signed in, behind its permission, outside the app's shell (nothing but the document prints). */
function PrintRoute({ permission, children }: { permission: Permission; children: ReactNode }) {
  return (
    <RequireSession>
      <RequirePermission permission={permission}>{children}</RequirePermission>
    </RequireSession>
  );
}
const ActivatePage = lazyPage(() => import('./features/activation/ActivatePage'));
const SetupPage = lazyPage(() => import('./features/activation/SetupPage'));
const AppLayout = lazyPage(() => import('./components/AppLayout'));

/**
 * Start loading what the first screen at this path needs — the shell and the page's code — at start-up,
 * while the session is being asked for, instead of one after the other (session, then shell, then page).
 * A load that fails here fails again when the page renders, which shows the error.
 */
export function preloadRoute(pathname: string): void {
  const outside: Record<string, LazyPage> = {
    '/login': LoginPage,
    '/activate': ActivatePage,
    '/setup': SetupPage,
  };
  const pages = outside[pathname]
    ? [outside[pathname]]
    : pathname.endsWith('/print')
      ? []
      : [AppLayout, pathname === '/' ? MyWorkPage : pageOf(pathname)?.Component];
  for (const page of pages) page?.preload().catch(() => undefined);
}

/** The route table rendered: /login outside the shell, every page inside it behind its permission. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/activate" element={<ActivatePage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route
        path="/reports/:departmentId/:year/print"
        element={
          <PrintRoute permission="reports:read">
            <ReportPrint />
          </PrintRoute>
        }
      />
      <Route
        path="/conference/:year/print"
        element={
          <PrintRoute permission="conference:read">
            <ConferencePrint />
          </PrintRoute>
        }
      />
      <Route
        path="/"
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route path="ledger/:id" element={<LedgerLink />} />
        <Route path="plans/:id" element={<Navigate to="/plans" replace />} />
        <Route path="organisations/:id" element={<Navigate to="/organisations" replace />} />
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
