import { LockOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Segmented } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Lang } from '../../../common/errors';
import type { SessionResponse } from '../../../common/schemas/auth';
import { errorText } from '../../api/client';
import { login, SESSION_KEY, useSession } from '../../api/session';
import { FullPageSpin } from '../../components/guards';
import { changeLanguage, LANGUAGES } from '../../i18n';

// The login page is the first thing every user downloads: it stays small (no zod, no Typography);
// the rarely needed change-password form comes on demand.
const ChangePasswordForm = lazy(() => import('./ChangePasswordForm'));

interface LoginValues {
  username: string;
  password: string;
}

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
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [typedPassword, setTypedPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (session.isPending) return <FullPageSpin />;
  const user = session.data?.user;
  if (user && !user.mustChangePassword) return <Navigate to={next} replace />;

  const signedIn = (response: SessionResponse) => {
    queryClient.setQueryData(SESSION_KEY, response);
    if (!response.user.mustChangePassword) navigate(next, { replace: true });
  };

  const onLogin = async (values: LoginValues) => {
    setError(null);
    setBusy(true);
    try {
      setTypedPassword(values.password);
      signedIn(await login({ username: values.username.trim(), password: values.password }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, whitespace: true, message: t('validation.required', { field }) }];

  return (
    <div className="liaison-login">
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 28 } }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <TeamOutlined style={{ fontSize: 36, color: '#1d5fbf' }} />
          <h1 style={{ margin: '8px 0 4px', fontSize: 24, letterSpacing: 2 }}>{t('app.title')}</h1>
          <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 13 }}>{t('app.subtitle')}</div>
        </div>
        {user?.mustChangePassword ? (
          <Suspense fallback={<FullPageSpin />}>
            <ChangePasswordForm currentPassword={typedPassword} onChanged={signedIn} />
          </Suspense>
        ) : (
          <>
            {error ? (
              <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
            ) : null}
            <Form<LoginValues> layout="vertical" onFinish={onLogin} requiredMark={false}>
              <Form.Item name="username" label={t('login.username')} rules={required(t('login.username'))}>
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
              </Form.Item>
              <Form.Item name="password" label={t('login.password')} rules={required(t('login.password'))}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={256} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block size="large" loading={busy} data-testid="login-submit">
                {t('login.submit')}
              </Button>
            </Form>
          </>
        )}
        <div style={{ textAlign: 'center', marginTop: 20 }}>
          <Segmented<Lang>
            size="small"
            value={i18n.language === 'en' ? 'en' : 'zh-CN'}
            options={LANGUAGES.map((l) => ({ value: l.value, label: l.label }))}
            onChange={(value) => void changeLanguage(value)}
          />
        </div>
      </Card>
    </div>
  );
}
