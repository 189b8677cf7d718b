import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  LinkOutlined,
  SafetyCertificateOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
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

/** The first page of the menu this user may open; null when there is none. */
export function firstAllowedPath(user: Pick<MeUser, 'permissions'>): string | null {
  return PAGES.find((page) => hasPermission(user, page.permission))?.path ?? null;
}

/** `/`: the first page the role may see. */
function HomeRedirect() {
  const user = useCurrentUser();
  const path = firstAllowedPath(user);
  return path ? <Navigate to={path} replace /> : <NoPages />;
}

const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const AppLayout = lazy(() => import('./components/AppLayout'));

const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <HomeRedirect /> },
      ...PAGES.map(
        (page): RouteObject => ({
          path: page.path.slice(1),
          element: (
            <RequirePermission permission={page.permission}>
              <page.Component />
            </RequirePermission>
          ),
        }),
      ),
      { path: '*', element: <NotFound /> },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
