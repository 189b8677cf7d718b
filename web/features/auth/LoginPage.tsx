import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { SessionResponse } from '../../../common/schemas/auth';
import { ApiError, errorText } from '../../api/client';
import { login, SESSION_KEY, useSession } from '../../api/session';
import { FullPageSpin } from '../../components/guards';
import { changeLanguage, LANGUAGES } from '../../i18n';

// The login page is the first thing every user downloads, so it is plain HTML and CSS styled like
// antd: no antd, no zod. The rarely needed change-password form (antd + zod) comes on demand.
const ChangePasswordForm = lazy(() => import('./ChangePasswordForm'));
const TotpEnrolForm = lazy(() => import('./TotpEnrolForm'));

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Asked for only after the server answers TOTP_REQUIRED: most users have no second factor.
  const [needTotp, setNeedTotp] = useState(false);
  const [totp, setTotp] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (session.isPending) return <FullPageSpin />;
  const user = session.data?.user;
  const blocked = (u: SessionResponse['user']) => u.mustChangePassword || u.mustEnrolTotp;
  if (user && !blocked(user)) return <Navigate to={next} replace />;

  const signedIn = (response: SessionResponse) => {
    queryClient.setQueryData(SESSION_KEY, response);
    if (!blocked(response.user)) navigate(next, { replace: true });
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const gaps = { username: !username.trim(), password: !password };
    setMissing(gaps);
    if (gaps.username || gaps.password) return;
    setError(null);
    setBusy(true);
    try {
      signedIn(
        await login({ username: username.trim(), password, ...(needTotp ? { totp: totp.trim() } : {}) }),
      );
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED') setNeedTotp(true);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  return (
    <div className="liaison-login">
      <main className="liaison-login-card">
        <div className="liaison-login-brand">
          <div className="liaison-login-emblem" aria-hidden="true">
            联
          </div>
          <h1>{t('app.title')}</h1>
          <p>{t('app.subtitle')}</p>
        </div>
        {user?.mustChangePassword ? (
          <Suspense fallback={<FullPageSpin />}>
            <ChangePasswordForm currentPassword={password} onChanged={signedIn} />
          </Suspense>
        ) : user?.mustEnrolTotp ? (
          <Suspense fallback={<FullPageSpin />}>
            <TotpEnrolForm onEnrolled={signedIn} />
          </Suspense>
        ) : (
          <form onSubmit={onSubmit} noValidate aria-label={t('login.title')}>
            {error ? (
              <div className="liaison-login-error" role="alert" data-testid="login-error">
                {error}
              </div>
            ) : null}
            <label className="liaison-field">
              <span>{t('login.username')}</span>
              <input
                name="username"
                autoComplete="username"
                maxLength={64}
                value={username}
                aria-invalid={missing.username || undefined}
                onChange={(e) => setUsername(e.target.value)}
              />
              {missing.username ? <em>{t('validation.required', { field: t('login.username') })}</em> : null}
            </label>
            <label className="liaison-field">
              <span>{t('login.password')}</span>
              <input
                name="password"
                type="password"
                autoComplete="current-password"
                maxLength={256}
                value={password}
                aria-invalid={missing.password || undefined}
                onChange={(e) => setPassword(e.target.value)}
              />
              {missing.password ? <em>{t('validation.required', { field: t('login.password') })}</em> : null}
            </label>
            {needTotp ? (
              <label className="liaison-field">
                <span>{t('login.totp')}</span>
                <input
                  name="totp"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={16}
                  value={totp}
                  onChange={(e) => setTotp(e.target.value)}
                />
              </label>
            ) : null}
            <button type="submit" className="liaison-login-submit" disabled={busy} data-testid="login-submit">
              {busy ? t('app.loading') : t('login.submit')}
            </button>
          </form>
        )}
        <p className="liaison-login-activate">
          <a href="/activate" data-testid="login-activate">
            {t('login.activateLink')}
          </a>
        </p>
        <div className="liaison-login-langs">
          {LANGUAGES.map((l) => (
            <button
              key={l.value}
              type="button"
              aria-pressed={lang === l.value}
              onClick={() => void changeLanguage(l.value)}
            >
              {l.label}
            </button>
          ))}
        </div>
      </main>
    </div>
  );
}
