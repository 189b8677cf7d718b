import { Alert, Button, Card, Descriptions, Form, Input, Result } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { ActivationCheckResponse } from '../../../common/schemas/activation';
import { errorText } from '../../api/client';
import { AntdProvider } from '../../components/AntdProvider';
import { formatDateTime } from '../../components/format';
import { activationApi } from './api';

/**
 * The holder's page (public): the one-time code from the e-mail or the 开通通知单, then a password only they
 * know. Nobody else — 统战部, the system admin — ever sees it.
 */
function Activate() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [code, setCode] = useState(params.get('code') ?? '');
  const [account, setAccount] = useState<ActivationCheckResponse | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setAccount(await activationApi.check({ code }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const redeem = async (values: { password: string }) => {
    setBusy(true);
    setError(null);
    try {
      const res = await activationApi.redeem({ code, newPassword: values.password });
      setDone(res.username);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <Result
        status="success"
        title={t('activation.done')}
        subTitle={t('activation.doneHint', { username: done })}
        extra={
          <Link to="/login" data-testid="activation-to-login">
            <Button type="primary">{t('login.submit')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Card title={t('activation.title')} style={{ maxWidth: 520, margin: '48px auto' }}>
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          style={{ marginBottom: 16 }}
          data-testid="activation-error"
        />
      ) : null}
      {account ? (
        <>
          <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('activation.organisation')}>{account.organisation}</Descriptions.Item>
            <Descriptions.Item label={t('activation.username')}>
              <span data-testid="activation-username">{account.username}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('activation.name')}>{account.displayName}</Descriptions.Item>
            <Descriptions.Item label={t('activation.validUntil')}>
              {formatDateTime(account.expiresAt)}
            </Descriptions.Item>
          </Descriptions>
          <Form layout="vertical" onFinish={redeem}>
            <Form.Item
              name="password"
              label={t('login.newPassword')}
              rules={[{ required: true, min: 8 }]}
              extra={t('activation.passwordHint')}
            >
              <Input.Password autoComplete="new-password" data-testid="activation-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('login.confirmPassword')}
              dependencies={['password']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, v) =>
                    v === getFieldValue('password')
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('login.passwordsDiffer'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" data-testid="activation-confirm" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block data-testid="activation-submit">
              {t('activation.submit')}
            </Button>
          </Form>
        </>
      ) : (
        <Form layout="vertical" onFinish={check}>
          <Form.Item label={t('activation.code')} extra={t('activation.codeHint')} required>
            <Input
              value={code}
              onChange={(e) => setCode(e.target.value)}
              maxLength={40}
              autoComplete="one-time-code"
              data-testid="activation-code"
              style={{ fontFamily: 'monospace', fontSize: 18 }}
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            disabled={code.trim().length < 8}
            block
            data-testid="activation-check"
          >
            {t('activation.next')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

export default function ActivatePage() {
  return (
    <AntdProvider>
      <Activate />
    </AntdProvider>
  );
}
