import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import type { Permission } from '../common/roles';
import { hasPermission } from './access';
import { NoPages, NotFound, RequirePermission, RequireSession, useCurrentUser } from './components/guards';
import { firstAllowedPath, type LazyPage, lazyPage, MY_WORK, PAGES, pageOf } from './pages';

const MyWorkPage = lazyPage(() => import('./features/home/MyWorkPage'));

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
