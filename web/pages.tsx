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
import type { Permission } from '../common/roles';
import type { MeUser } from '../common/schemas/auth';
import { hasPermission } from './access';
import type { zhCN } from './i18n/zh-CN';

/** A lazily loaded page that can also be asked to load ahead of its first render. */
export type LazyPage = LazyExoticComponent<ComponentType> & { preload(): Promise<unknown> };
export function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
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
