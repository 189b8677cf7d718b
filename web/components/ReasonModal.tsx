import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Text } from '../../common/schemas/shared';
import { FormModal } from './FormModal';
import { zodRule } from './formRules';

/**
 * Asks for a reason before an action the server records with it (revealing phone numbers, returning a
 * form, exporting in full). `onSubmit` runs the action; its error stays in the modal (a FormModal).
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
  return (
    <FormModal<{ reason?: string }>
      open={open}
      title={title}
      hint={hint}
      okText={okText}
      danger={danger}
      width={520}
      onSubmit={({ reason }) => onSubmit(reason?.trim() || null)}
      onClose={onClose}
    >
      <Form.Item
        name="reason"
        label={label}
        rules={required ? [zodRule(Text(500), label, t)] : [{ max: 500 }]}
      >
        <Input.TextArea rows={3} maxLength={500} data-testid={testId} />
      </Form.Item>
    </FormModal>
  );
}
