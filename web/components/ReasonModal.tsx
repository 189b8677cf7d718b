import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Text } from '../../common/schemas/shared';
import { errorText } from '../api/client';
import { zodRule } from './formRules';

/**
 * Asks for a reason before an action the server records with it (revealing phone numbers, returning a
 * form, exporting in full). `onSubmit` runs the action; its error stays in the modal.
 */
export function ReasonModal({
  open,
  title,
  hint,
  label,
  okText,
  danger,
  required = true,
  onSubmit,
  onClose,
  testId,
}: {
  open: boolean;
  title: string;
  hint?: string;
  label: string;
  okText: string;
  danger?: boolean;
  required?: boolean;
  onSubmit: (reason: string | null) => Promise<unknown>;
  onClose: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form]);

  const finish = async ({ reason }: { reason?: string }) => {
    setBusy(true);
    setError(null);
    try {
      await onSubmit(reason?.trim() || null);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      destroyOnHidden
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={(values) => void finish(values)}>
        <Form.Item
          name="reason"
          label={label}
          rules={required ? [zodRule(Text(500), label, t)] : [{ max: 500 }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid={testId} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
