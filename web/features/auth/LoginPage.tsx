import { LockOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Lang } from '../../../common/errors';
import { ChangePasswordRequest, LoginRequest, type SessionResponse } from '../../../common/schemas/auth';
import { errorText } from '../../api/client';
import { changePassword, login, SESSION_KEY, useSession } from '../../api/session';
import { FullPageSpin } from '../../components/guards';
import { zodRule } from '../../components/formRules';
import { changeLanguage, LANGUAGES } from '../../i18n';

interface LoginValues {
  username: string;
  password: string;
}

interface ChangeValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
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
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [typedPassword, setTypedPassword] = useState('');
  const next = safeNext(params.get('next'));

  if (session.isPending) return <FullPageSpin />;
  const user = session.data?.user;
  if (user && !user.mustChangePassword) return <Navigate to={next} replace />;
  const mustChange = Boolean(user?.mustChangePassword);

  const signedIn = (response: SessionResponse) => {
    queryClient.setQueryData(SESSION_KEY, response);
    if (!response.user.mustChangePassword) navigate(next, { replace: true });
  };

  const onLogin = async (values: LoginValues) => {
    setError(null);
    setBusy(true);
    try {
      const body = LoginRequest.parse(values);
      setTypedPassword(body.password);
      signedIn(await login(body));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const onChange = async (values: ChangeValues) => {
    setError(null);
    setBusy(true);
    try {
      const body = ChangePasswordRequest.parse({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      const response = await changePassword(body);
      message.success(t('login.changed'));
      signedIn(response);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="liaison-login">
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 28 } }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <TeamOutlined style={{ fontSize: 36, color: '#1d5fbf' }} />
          <Typography.Title level={3} style={{ margin: '8px 0 4px', letterSpacing: 2 }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('app.subtitle')}
          </Typography.Text>
        </div>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
        ) : null}
        {mustChange ? (
          <>
            <Typography.Title level={5}>{t('login.changeTitle')}</Typography.Title>
            <Alert type="warning" showIcon title={t('login.changeHint')} style={{ marginBottom: 16 }} />
            <Form<ChangeValues>
              layout="vertical"
              onFinish={onChange}
              requiredMark={false}
              initialValues={{ currentPassword: typedPassword }}
            >
              <Form.Item
                name="currentPassword"
                label={t('login.currentPassword')}
                rules={[zodRule(ChangePasswordRequest.shape.currentPassword, t('login.currentPassword'), t)]}
              >
                <Input.Password autoComplete="current-password" />
              </Form.Item>
              <Form.Item
                name="newPassword"
                label={t('login.newPassword')}
                rules={[zodRule(ChangePasswordRequest.shape.newPassword, t('login.newPassword'), t)]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Form.Item
                name="confirmPassword"
                label={t('login.confirmPassword')}
                dependencies={['newPassword']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_rule, value: unknown) => {
                      if (value !== getFieldValue('newPassword')) throw new Error(t('login.passwordsDiffer'));
                    },
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                {t('login.changeSubmit')}
              </Button>
            </Form>
          </>
        ) : (
          <Form<LoginValues> layout="vertical" onFinish={onLogin} requiredMark={false}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[zodRule(LoginRequest.shape.username, t('login.username'), t)]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[zodRule(LoginRequest.shape.password, t('login.password'), t)]}
            >
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
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
