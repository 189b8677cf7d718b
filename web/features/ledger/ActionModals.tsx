import { App, Checkbox, Form, Input, Modal, Radio, Select, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADOPTIONS, type Adoption, type LedgerRecordDto } from '../../../common/schemas/ledger';
import { OptionalText, Text } from '../../../common/schemas/shared';
import { FormModal } from '../../components/FormModal';
import { blankToNull, zodRule } from '../../components/formRules';
import { ErrorAlert } from '../../components/QueryStatus';
import { ledgerApi, useRecordMutation } from './api';
import { useAdoptionLabel } from './labels';

/** What every action modal of a record takes. */
interface RecordModalProps {
  record: LedgerRecordDto;
  open: boolean;
  onClose: () => void;
}

/** An invitee answers: 参加 (with who goes) or 不参加. */
export function ReplyModal({
  record,
  organisationId,
  open,
  onClose,
}: RecordModalProps & { organisationId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  type Values = { reply: 'attend' | 'decline'; attendees?: string; note?: string };
  const save = useRecordMutation((values: Values) =>
    ledgerApi.reply(record.id, {
      reply: values.reply,
      attendees: values.reply === 'attend' ? blankToNull(values.attendees) : null,
      note: blankToNull(values.note),
    }),
  );
  const mine = record.responses.find((r) => r.organisation.id === organisationId);
  return (
    <FormModal<Values>
      open={open}
      title={t('ledger.replyTitle')}
      okText={t('ledger.sendReply')}
      width={520}
      onClose={onClose}
      initialValues={{
        reply: mine?.reply === 'decline' ? 'decline' : 'attend',
        attendees: mine?.replyAttendees ?? undefined,
        note: mine?.replyNote ?? undefined,
      }}
      onSubmit={async (values) => {
        await save.mutateAsync(values);
        message.success(t('ledger.replied'));
      }}
    >
      <Form.Item name="reply" label={t('ledger.reply')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'attend', label: t('ledger.replies.attend') },
            { value: 'decline', label: t('ledger.replies.decline') },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle dependencies={['reply']}>
        {({ getFieldValue }) =>
          getFieldValue('reply') === 'attend' ? (
            <Form.Item
              name="attendees"
              label={t('ledger.whoGoes')}
              rules={[zodRule(Text(500), t('ledger.whoGoes'), t)]}
            >
              <Input
                maxLength={500}
                placeholder={t('ledger.whoGoesPlaceholder')}
                data-testid="reply-attendees"
              />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item
        name="note"
        label={t('ledger.replyNote')}
        rules={[zodRule(OptionalText(1000), t('ledger.replyNote'), t)]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

interface AttendanceRow {
  organisationId: number;
  name: string;
  attended: boolean;
  attendees: string;
}

/** The host records who attended, per invited organisation, with a summary of the event. */
export function AttendanceModal({ record, open, onClose }: RecordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [rows, setRows] = useState<AttendanceRow[]>([]);
  const [summary, setSummary] = useState('');
  const save = useRecordMutation(() =>
    ledgerApi.attendance(record.id, {
      attendance: rows.map((r) => ({
        organisationId: r.organisationId,
        attended: r.attended,
        attendees: r.attended ? blankToNull(r.attendees) : null,
      })),
      summary: blankToNull(summary),
    }),
  );
  useEffect(() => {
    if (!open) return;
    setRows(
      record.responses.map((r) => ({
        organisationId: r.organisation.id,
        name: r.organisation.name,
        attended: r.attended ?? r.reply === 'attend',
        attendees: r.attendees ?? r.replyAttendees ?? '',
      })),
    );
    setSummary(record.summary ?? '');
    save.reset();
  }, [open, record, save.reset]);

  const update = (id: number, change: Partial<AttendanceRow>) =>
    setRows((prev) => prev.map((r) => (r.organisationId === id ? { ...r, ...change } : r)));

  const columns: TableColumnsType<AttendanceRow> = [
    { title: t('ledger.organisation'), dataIndex: 'name' },
    {
      title: t('ledger.attended'),
      key: 'attended',
      render: (_, r) => (
        <Checkbox
          checked={r.attended}
          onChange={(e) => update(r.organisationId, { attended: e.target.checked })}
          aria-label={`${r.name} ${t('ledger.attended')}`}
        />
      ),
    },
    {
      title: t('ledger.attendees'),
      key: 'attendees',
      render: (_, r) => (
        <Input
          value={r.attendees}
          disabled={!r.attended}
          maxLength={500}
          onChange={(e) => update(r.organisationId, { attendees: e.target.value })}
          aria-label={`${r.name} ${t('ledger.attendees')}`}
          style={{ minWidth: 160 }}
        />
      ),
    },
  ];

  return (
    <Modal
      open={open}
      title={t('ledger.attendanceTitle')}
      onCancel={onClose}
      onOk={() =>
        save.mutate(undefined, {
          onSuccess: () => {
            message.success(t('ledger.attendanceDone'));
            onClose();
          },
        })
      }
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      <Table<AttendanceRow>
        rowKey="organisationId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        style={{ marginBottom: 16 }}
        data-testid="attendance-table"
      />
      <Form layout="vertical">
        <Form.Item label={t('ledger.summary')}>
          <Input.TextArea
            rows={4}
            maxLength={5000}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
            data-testid="attendance-summary"
            placeholder={t('ledger.summaryPlaceholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The department records whether the research results were adopted, and the leader's instruction. */
export function AdoptionModal({ record, open, onClose }: RecordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const adoptionLabel = useAdoptionLabel();
  type Values = { adoption: Adoption; note?: string; instruction?: string };
  const save = useRecordMutation((values: Values) =>
    ledgerApi.adoption(record.id, {
      adoption: values.adoption,
      note: blankToNull(values.note),
      instruction: blankToNull(values.instruction),
    }),
  );
  return (
    <FormModal<Values>
      open={open}
      title={t('ledger.adoptionTitle')}
      okText={t('common.save')}
      width={520}
      onClose={onClose}
      initialValues={{
        adoption: record.research?.adoption ?? 'none',
        note: record.research?.adoptionNote ?? undefined,
        instruction: record.research?.instruction ?? undefined,
      }}
      onSubmit={async (values) => {
        await save.mutateAsync(values);
        message.success(t('common.saved'));
      }}
    >
      <Form.Item name="adoption" label={t('ledger.adoption')}>
        <Select options={ADOPTIONS.map((a) => ({ value: a, label: adoptionLabel(a) }))} />
      </Form.Item>
      <Form.Item noStyle dependencies={['adoption']}>
        {({ getFieldValue }) => {
          const implemented = getFieldValue('adoption') === 'implemented';
          return (
            <Form.Item
              name="note"
              label={t('ledger.adoptionNote')}
              rules={[zodRule(implemented ? Text(5000) : OptionalText(5000), t('ledger.adoptionNote'), t)]}
              extra={implemented ? t('ledger.implementedNeedsNote') : undefined}
            >
              <Input.TextArea rows={3} maxLength={5000} />
            </Form.Item>
          );
        }}
      </Form.Item>
      <Form.Item
        name="instruction"
        label={t('ledger.instruction')}
        rules={[zodRule(OptionalText(5000), t('ledger.instruction'), t)]}
      >
        <Input.TextArea rows={2} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}

/** Minutes of a symposium that took place. */
export function MinutesModal({ record, open, onClose }: RecordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  type Values = { minutes: string; summary?: string };
  const save = useRecordMutation((values: Values) =>
    ledgerApi.minutes(record.id, { minutes: values.minutes, summary: blankToNull(values.summary) }),
  );
  return (
    <FormModal<Values>
      open={open}
      title={t('ledger.minutesTitle')}
      okText={t('common.save')}
      width={720}
      onClose={onClose}
      initialValues={{
        minutes: record.symposium?.minutes ?? undefined,
        summary: record.summary ?? undefined,
      }}
      onSubmit={async (values) => {
        await save.mutateAsync(values);
        message.success(t('common.saved'));
      }}
    >
      <Form.Item
        name="minutes"
        label={t('ledger.minutes')}
        rules={[zodRule(Text(50_000), t('ledger.minutes'), t)]}
      >
        <Input.TextArea rows={10} maxLength={50_000} />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('ledger.summary')}
        rules={[zodRule(OptionalText(5000), t('ledger.summary'), t)]}
      >
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}
