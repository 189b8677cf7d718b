import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, InputNumber, Skeleton, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSULTATION_DEFAULTS, type ConsultationSettings } from '../../../common/schemas/consultations';
import { errorText } from '../../api/client';
import { consultationApi, consultationKeys, useConsultationSettings } from './api';

/** The working days a department has to reply, and how early it is reminded (统战部 sets them). */
export default function SettingsPanel() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useConsultationSettings();
  const [form] = Form.useForm<ConsultationSettings>();
  const save = useMutation({
    mutationFn: (values: ConsultationSettings) => consultationApi.saveSettings(values),
    onSuccess: (data) => {
      queryClient.setQueryData(consultationKeys.settings, data);
      message.success(t('common.saved'));
    },
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.isPending) return <Skeleton active />;
  if (settings.isError) return <Alert type="error" showIcon title={errorText(settings.error)} />;
  const canEdit = settings.data.abilities.canEdit;
  return (
    <div style={{ maxWidth: 480 }} data-testid="consultation-settings">
      <Typography.Paragraph type="secondary">
        {t('consultations.settingsHint', {
          days: CONSULTATION_DEFAULTS.replyWorkingDays,
          lead: CONSULTATION_DEFAULTS.reminderLeadDays,
        })}
      </Typography.Paragraph>
      <Tag>{settings.data.customised ? t('consultations.customised') : t('consultations.defaults')}</Tag>
      {save.isError ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ margin: '12px 0' }} />
      ) : null}
      <Form<ConsultationSettings>
        form={form}
        layout="vertical"
        disabled={!canEdit}
        onFinish={(values) => save.mutate(values)}
        style={{ marginTop: 12 }}
      >
        <Form.Item
          name="replyWorkingDays"
          label={t('consultations.replyWorkingDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} data-testid="settings-days" />
        </Form.Item>
        <Form.Item
          name="reminderLeadDays"
          label={t('consultations.reminderLeadDays')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={30} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {canEdit ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t('common.save')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{t('consultations.settingsReadOnly')}</Typography.Text>
        )}
      </Form>
    </div>
  );
}
