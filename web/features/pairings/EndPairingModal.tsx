import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { EndPairingRequest, type PairingDto } from '../../../common/schemas/pairings';
import { api, errorText } from '../../api/client';
import { blankToNull, zodRule } from '../../components/formRules';
import { pairingKeys } from './api';

interface Values {
  validTo: number;
  source?: string;
  reason?: string;
}

const fields = EndPairingRequest.shape;

export function EndPairingModal({
  pairing,
  year,
  onClose,
}: {
  pairing: PairingDto | null;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const end = useMutation({
    mutationFn: ({ id, values }: { id: number; values: Values }) =>
      api.postIgnoringBody(
        `/api/v1/pairings/${id}/end`,
        EndPairingRequest.parse({
          validTo: values.validTo,
          source: blankToNull(values.source),
          reason: blankToNull(values.reason),
        }),
      ),
    onSuccess: () => {
      message.success(t('pairings.endDone'));
      void queryClient.invalidateQueries({ queryKey: pairingKeys.all });
      onClose();
    },
  });

  useEffect(() => {
    if (pairing) {
      form.resetFields();
      form.setFieldsValue({ validTo: Math.max(year, pairing.validFrom) });
      end.reset();
    }
  }, [pairing, year, form, end.reset]);

  return (
    <Modal
      open={pairing !== null}
      title={t('pairings.endTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ danger: true }}
      okText={t('pairings.end')}
      confirmLoading={end.isPending}
      destroyOnHidden
    >
      {pairing ? (
        <Typography.Paragraph>
          {t('pairings.endHint', {
            counterpart: pairing.counterpart.name,
            department: pairing.department.name,
          })}
        </Typography.Paragraph>
      ) : null}
      {end.isError ? (
        <Alert type="error" showIcon title={errorText(end.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (pairing) end.mutate({ id: pairing.id, values });
        }}
      >
        <Form.Item
          name="validTo"
          label={t('pairings.validTo')}
          rules={[zodRule(fields.validTo, t('pairings.validTo'), t)]}
        >
          <InputNumber style={{ width: 160 }} min={pairing?.validFrom ?? 1949} max={2100} precision={0} />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('pairings.source')}
          rules={[zodRule(fields.source, t('pairings.source'), t)]}
        >
          <Input placeholder={t('pairings.sourcePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('pairings.endReason')}
          rules={[zodRule(fields.reason, t('pairings.endReason'), t)]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
