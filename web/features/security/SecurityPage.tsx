import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, InputNumber, Skeleton, Switch, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { type SecurityPolicy, SecurityPolicySchema } from '../../../common/security-policy';
import { hasPermission } from '../../access';
import { zodRule } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import { ErrorAlert } from '../../components/QueryStatus';
import { useSaveSecurityPolicy, useSecurityPolicy } from './api';

const FIELDS = [
  'sessionIdleMinutes',
  'sessionAbsoluteHours',
  'passwordMinLength',
  'passwordMinClasses',
  'lockoutThreshold',
  'lockoutMinutes',
  'passwordHistory',
  'passwordMaxAgeDays',
] as const satisfies readonly (keyof SecurityPolicy)[];

/** On/off rules; each is its own setting because the ASVS and 等保 views differ. */
const SWITCHES = [
  'passwordRejectUsername',
  'totpRequiredForAdmins',
] as const satisfies readonly (keyof SecurityPolicy)[];

export default function SecurityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const canWrite = hasPermission(user, 'security:write');
  const [form] = Form.useForm<SecurityPolicy>();
  const { message } = App.useApp();

  const policy = useSecurityPolicy();
  const save = useSaveSecurityPolicy(() => message.success(t('common.saved')));

  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('security.title')}
        </Typography.Title>
      }
    >
      <Alert
        type={canWrite ? 'info' : 'warning'}
        showIcon
        title={canWrite ? t('security.hint') : t('security.readOnly')}
        style={{ marginBottom: 24, maxWidth: 640 }}
      />
      <ErrorAlert error={policy.error} style={{ marginBottom: 16 }} />
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      {policy.isPending ? (
        <Skeleton active />
      ) : (
        <Form<SecurityPolicy>
          form={form}
          layout="vertical"
          disabled={!canWrite}
          onFinish={(values) => save.mutate(values)}
          style={{ maxWidth: 640 }}
        >
          {FIELDS.map((name) => {
            // The bounds come from the shared schema, so the form refuses what the server would.
            const field = SecurityPolicySchema.shape[name];
            const schema = 'unwrap' in field ? field.unwrap() : field;
            const min = schema.minValue ?? 0;
            const max = schema.maxValue ?? Number.MAX_SAFE_INTEGER;
            return (
              <Form.Item
                key={name}
                name={name}
                label={t(`security.${name}`)}
                extra={
                  name === 'passwordMinClasses'
                    ? `${t('security.passwordMinClassesHelp')}（${t('security.range', { min, max })}）`
                    : t('security.range', { min, max })
                }
                rules={[zodRule(schema, t(`security.${name}`), t)]}
              >
                <InputNumber min={min} max={max} precision={0} style={{ width: 200 }} />
              </Form.Item>
            );
          })}
          {SWITCHES.map((name) => (
            <Form.Item key={name} name={name} label={t(`security.${name}`)} valuePropName="checked">
              <Switch />
            </Form.Item>
          ))}
          {canWrite ? (
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
              {t('common.save')}
            </Button>
          ) : null}
        </Form>
      )}
    </Card>
  );
}
