import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ChangePasswordRequest, type SessionResponse } from '../../../common/schemas/auth';
import { errorText } from '../../api/client';
import { changePassword } from '../../api/session';
import { AntdProvider } from '../../components/AntdProvider';
import { zodRule } from '../../components/formRules';
import { useSubmitting } from '../../lib/useSubmitting';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const fields = ChangePasswordRequest.shape;

/** The forced change of an initial or reset password (loaded only when needed). */
export default function ChangePasswordForm({
  currentPassword,
  onChanged,
}: {
  currentPassword: string;
  onChanged: (session: SessionResponse) => void;
}) {
  const { t } = useTranslation();
  const { busy, error, submit } = useSubmitting();

  const onFinish = (values: Values) =>
    submit(async () => {
      const body = ChangePasswordRequest.parse({
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      });
      onChanged(await changePassword(body));
    });

  return (
    <AntdProvider>
      <h4 style={{ margin: '0 0 12px', fontSize: 16 }}>{t('login.changeTitle')}</h4>
      <Alert type="warning" showIcon title={t('login.changeHint')} style={{ marginBottom: 16 }} />
      {error ? (
        <Alert
          type="error"
          showIcon
          title={errorText(error)}
          style={{ marginBottom: 16 }}
          data-testid="change-error"
        />
      ) : null}
      <Form<Values>
        layout="vertical"
        onFinish={onFinish}
        requiredMark={false}
        initialValues={{ currentPassword }}
      >
        <Form.Item
          name="currentPassword"
          label={t('login.currentPassword')}
          rules={[zodRule(fields.currentPassword, t('login.currentPassword'), t)]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('login.newPassword')}
          rules={[zodRule(fields.newPassword, t('login.newPassword'), t)]}
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
    </AntdProvider>
  );
}
