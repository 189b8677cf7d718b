import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from '../../common/roles';
import type { MeUser } from '../../common/schemas/auth';
import { hasPermission } from '../access';
import { errorText } from '../api/client';
import { useSession } from '../api/session';

// antd's Result (with its illustrations) only when a status page is shown.
const StatusPage = lazy(() => import('./StatusPage'));

/** A CSS spinner: the guards and the login page load before antd does. */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div className="liaison-spin-wrap">
      <div className="liaison-spin" role="status" aria-label={t('app.loading')} />
    </div>
  );
}

/** Everything under it needs a signed-in user who need not change the password first. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const session = useSession();
  if (session.isPending) return <FullPageSpin />;
  if (session.isError) {
    return (
      <Suspense fallback={<FullPageSpin />}>
        <StatusPage
          kind="error"
          title={t('app.loadFailed')}
          subTitle={errorText(session.error)}
          onRetry={() => void session.refetch()}
        />
      </Suspense>
    );
  }
  if (!session.data || session.data.user.mustChangePassword || session.data.user.mustEnrolTotp) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

/** The signed-in user; only inside RequireSession. */
export function useCurrentUser(): MeUser {
  const session = useSession();
  if (!session.data) throw new Error('useCurrentUser outside RequireSession');
  return session.data.user;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Suspense fallback={<FullPageSpin />}>
      {hasPermission(user, permission) ? (
        children
      ) : (
        <StatusPage kind="403" title="403" subTitle={t('app.forbidden')} />
      )}
    </Suspense>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<FullPageSpin />}>
      <StatusPage kind="404" title="404" subTitle={t('app.notFound')} />
    </Suspense>
  );
}

export function NoPages() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<FullPageSpin />}>
      <StatusPage kind="info" title={t('app.noPages')} />
    </Suspense>
  );
}
