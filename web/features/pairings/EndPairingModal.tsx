import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { EndPairingRequest, type PairingDto } from '../../../common/schemas/pairings';
import { FormModal } from '../../components/FormModal';
import { blankToNull, zodRule } from '../../components/formRules';
import { pairingKeys, pairingsApi } from './api';

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
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  return (
    <FormModal<Values>
      open={pairing !== null}
      title={t('pairings.endTitle')}
      okText={t('pairings.end')}
      danger
      width={520}
      onClose={onClose}
      hint={
        pairing
          ? t('pairings.endHint', {
              counterpart: pairing.counterpart.name,
              department: pairing.department.name,
            })
          : undefined
      }
      initialValues={{ validTo: Math.max(year, pairing?.validFrom ?? year) }}
      onSubmit={async (values) => {
        if (!pairing) return;
        await pairingsApi.end(pairing.id, {
          validTo: values.validTo,
          source: blankToNull(values.source),
          reason: blankToNull(values.reason),
        });
        message.success(t('pairings.endDone'));
        void queryClient.invalidateQueries({ queryKey: pairingKeys.all });
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
    </FormModal>
  );
}
