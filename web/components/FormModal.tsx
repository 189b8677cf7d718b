import { Alert, Form, type FormInstance, Modal, Typography } from 'antd';
import { type ReactNode, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';
import { useSubmitting } from '../lib/useSubmitting';

/**
 * The one modal around a form: `onSubmit` runs the action with the form's values; its error stays in the
 * modal, success closes it. The form is reset to `initialValues` each time the modal opens. Fields take
 * their rules from the shared request schema (see `schemaRules` in formRules.ts).
 */
export function FormModal<V extends object>({
  open,
  title,
  hint,
  okText,
  danger,
  initialValues,
  onSubmit,
  onClose,
  children,
  testId,
  width = 600,
}: {
  open: boolean;
  title: string;
  hint?: string;
  okText?: string;
  danger?: boolean;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
  testId?: string;
  /** default 600; 520 is antd's own */
  width?: number;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const { busy, error, setError, submit } = useSubmitting();

  // a layout effect: the reset comes before any effect of the fields that fills in a default
  useLayoutEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
    }
  }, [open, form, setError]);

  const finish = async (values: V) => {
    if (await submit(() => onSubmit(values))) onClose();
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText ?? t('common.confirm')}
      okButtonProps={{ danger }}
      confirmLoading={busy}
      destroyOnHidden
      width={width}
    >
      {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => void finish(values)}
        data-testid={testId}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
