import { App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FILING_ROUND_DEFAULTS } from '../../../common/filings';
import type { FilingRoundDto } from '../../../common/schemas/filings';
import { Phone } from '../../../common/schemas/roster';
import { Text } from '../../../common/schemas/shared';
import { ApiError } from '../../api/client';
import { zodRule } from '../../components/formRules';
import { ErrorAlert } from '../../components/QueryStatus';
import { notAhead } from '../../lib/dates';
import { filingApi, useFilingMutation } from './api';

interface RoundValues {
  year: number;
  deadline: Dayjs;
  recipient: string;
  contactPerson: string;
  contactPhone: string;
  fax: string;
}

/** Open a round (year given) or edit an open one's deadline and contact line (round given). */
export default function RoundModal({
  open,
  round,
  onClose,
  onSaved,
}: {
  open: boolean;
  round: FilingRoundDto | null;
  onClose: () => void;
  onSaved: (round: FilingRoundDto) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<RoundValues>();
  const save = useFilingMutation((v: RoundValues & { confirmAnother?: boolean }) => {
    const body = {
      deadline: v.deadline.format('YYYY-MM-DD'),
      recipient: v.recipient,
      contactPerson: v.contactPerson,
      contactPhone: v.contactPhone,
      fax: v.fax,
    };
    return round
      ? filingApi.updateRound(round.id, body)
      : filingApi.createRound({ ...body, year: v.year, confirmAnother: v.confirmAnother });
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    save.reset();
    form.setFieldsValue(
      round
        ? {
            year: round.year,
            deadline: dayjs(round.deadline),
            recipient: round.recipient,
            contactPerson: round.contactPerson,
            contactPhone: round.contactPhone,
            fax: round.fax,
          }
        : {
            year: dayjs().year(),
            deadline: dayjs().add(30, 'day'),
            ...FILING_ROUND_DEFAULTS,
          },
    );
  }, [open, round, form, save.reset]);

  return (
    <Modal
      open={open}
      title={round ? t('filings.editRound', { year: round.year }) : t('filings.openRound')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={round ? t('common.save') : t('filings.openRoundOk')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      <Form<RoundValues>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          const done = {
            onSuccess: (saved: FilingRoundDto) => {
              message.success(round ? t('common.saved') : t('filings.roundOpened'));
              onSaved(saved);
              onClose();
            },
          };
          save.mutate(values, {
            ...done,
            // the year had a round already: say so, and open another only when confirmed
            onError: (e) => {
              if (!(e instanceof ApiError) || e.code !== 'FILING_ROUND_EXISTS') return;
              modal.confirm({
                title: t('filings.anotherRound', { year: values.year }),
                content: e.message,
                okText: t('filings.openRoundOk'),
                onOk: () => save.mutate({ ...values, confirmAnother: true }, done),
              });
            },
          });
        }}
      >
        <div className="liaison-form-row">
          <Form.Item name="year" label={t('filings.year')} rules={[{ required: true }]}>
            <InputNumber
              min={1949}
              max={2100}
              precision={0}
              disabled={round !== null}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item
            name="deadline"
            label={t('filings.deadline')}
            rules={[{ required: true, message: t('validation.required', { field: t('filings.deadline') }) }]}
          >
            <DatePicker style={{ width: '100%' }} disabledDate={notAhead} data-testid="round-deadline" />
          </Form.Item>
        </div>
        <Form.Item
          name="recipient"
          label={t('filings.recipient')}
          rules={[zodRule(Text(100), t('filings.recipient'), t)]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <div className="liaison-form-row">
          <Form.Item
            name="contactPerson"
            label={t('filings.contactPerson')}
            rules={[zodRule(Text(50), t('filings.contactPerson'), t)]}
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('filings.contactPhone')}
            rules={[zodRule(Phone, t('filings.contactPhone'), t)]}
          >
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="fax" label={t('filings.fax')} rules={[zodRule(Phone, t('filings.fax'), t)]}>
            <Input maxLength={30} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
