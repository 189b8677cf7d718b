import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SessionResponse, TotpEnableRequest, TotpSetupResponse } from '../../../common/schemas/auth';
import { api, errorText } from '../../api/client';
import { enableTotp } from '../../api/session';
import { AntdProvider } from '../../components/AntdProvider';
import { zodRule } from '../../components/formRules';
import { useSubmitting } from '../../lib/useSubmitting';

interface Values {
  code: string;
}

/**
 * Enrolment of the TOTP second factor, required of the three admins when the security policy says so:
 * the secret is shown as text and as an otpauth:// link for the authenticator app, then confirmed with
 * the first code. Loaded only when needed.
 */
export default function TotpEnrolForm({ onEnrolled }: { onEnrolled: (session: SessionResponse) => void }) {
  const { t } = useTranslation();
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const { busy, error, setError, submit } = useSubmitting();

  useEffect(() => {
    api
      .post('/api/v1/auth/totp/setup', undefined, TotpSetupResponse)
      .then(setSetup)
      .catch((e: unknown) => setError(e));
  }, [setError]);

  const onFinish = (values: Values) =>
    submit(async () => {
      const body = TotpEnableRequest.parse(values);
      onEnrolled(await enableTotp(body));
    });

  return (
    <AntdProvider>
      <h4 style={{ margin: '0 0 12px', fontSize: 16 }}>{t('login.enrolTitle')}</h4>
      <Alert type="warning" showIcon title={t('login.enrolHint')} style={{ marginBottom: 16 }} />
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      {setup ? (
        <>
          <Typography.Paragraph>
            {t('login.enrolSecret')}
            <br />
            <Typography.Text code copyable data-testid="totp-secret">
              {setup.secret}
            </Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            <a href={setup.uri}>{t('login.enrolLink')}</a>
          </Typography.Paragraph>
          <Form<Values> layout="vertical" onFinish={onFinish} requiredMark={false}>
            <Form.Item
              name="code"
              label={t('login.totp')}
              rules={[zodRule(TotpEnableRequest.shape.code, t('login.totp'), t)]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={16} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.enrolSubmit')}
            </Button>
          </Form>
        </>
      ) : error ? null : (
        <Spin />
      )}
    </AntdProvider>
  );
}
