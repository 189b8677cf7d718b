import { Alert, App, Checkbox, Form, Input, Modal, Radio, Select, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ADOPTIONS, type Adoption, type LedgerRecordDto } from '../../../common/schemas/ledger';
import { OptionalText, Text } from '../../../common/schemas/shared';
import { errorText } from '../../api/client';
import { blankToNull, zodRule } from '../../components/formRules';
import { ledgerApi, useRecordMutation } from './api';
import { useAdoptionLabel } from './labels';

/** An invitee answers: 参加 (with who goes) or 不参加. */
export function ReplyModal({
  record,
  organisationId,
  open,
  onClose,
}: {
  record: LedgerRecordDto;
  organisationId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reply: 'attend' | 'decline'; attendees?: string; note?: string }>();
  const reply = Form.useWatch('reply', form);
  const save = useRecordMutation(
    (values: { reply: 'attend' | 'decline'; attendees?: string; note?: string }) =>
      ledgerApi.reply(record.id, {
        reply: values.reply,
        attendees: values.reply === 'attend' ? blankToNull(values.attendees) : null,
        note: blankToNull(values.note),
      }),
  );
  useEffect(() => {
    if (!open) return;
    const mine = record.responses.find((r) => r.organisation.id === organisationId);
    form.resetFields();
    form.setFieldsValue({
      reply: mine?.reply === 'decline' ? 'decline' : 'attend',
      attendees: mine?.replyAttendees ?? undefined,
      note: mine?.replyNote ?? undefined,
    });
    save.reset();
  }, [open, record, organisationId, form, save.reset]);

  return (
    <Modal
      open={open}
      title={t('ledger.replyTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('ledger.sendReply')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: () => {
              message.success(t('ledger.replied'));
              onClose();
            },
          })
        }
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
        {reply === 'attend' ? (
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
        ) : null}
        <Form.Item
          name="note"
          label={t('ledger.replyNote')}
          rules={[zodRule(OptionalText(1000), t('ledger.replyNote'), t)]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AttendanceRow {
  organisationId: number;
  name: string;
  attended: boolean;
  attendees: string;
}

/** The host records who attended, per invited organisation, with a summary of the event. */
export function AttendanceModal({
  record,
  open,
  onClose,
}: {
  record: LedgerRecordDto;
  open: boolean;
  onClose: () => void;
}) {
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
      {save.isError ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      ) : null}
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
export function AdoptionModal({
  record,
  open,
  onClose,
}: {
  record: LedgerRecordDto;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const adoptionLabel = useAdoptionLabel();
  const [form] = Form.useForm<{ adoption: Adoption; note?: string; instruction?: string }>();
  const adoption = Form.useWatch('adoption', form);
  const save = useRecordMutation((values: { adoption: Adoption; note?: string; instruction?: string }) =>
    ledgerApi.adoption(record.id, {
      adoption: values.adoption,
      note: blankToNull(values.note),
      instruction: blankToNull(values.instruction),
    }),
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      adoption: record.research?.adoption ?? 'none',
      note: record.research?.adoptionNote ?? undefined,
      instruction: record.research?.instruction ?? undefined,
    });
    save.reset();
  }, [open, record, form, save.reset]);

  return (
    <Modal
      open={open}
      title={t('ledger.adoptionTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: () => {
              message.success(t('common.saved'));
              onClose();
            },
          })
        }
      >
        <Form.Item name="adoption" label={t('ledger.adoption')}>
          <Select options={ADOPTIONS.map((a) => ({ value: a, label: adoptionLabel(a) }))} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('ledger.adoptionNote')}
          rules={[
            zodRule(
              adoption === 'implemented' ? Text(5000) : OptionalText(5000),
              t('ledger.adoptionNote'),
              t,
            ),
          ]}
          extra={adoption === 'implemented' ? t('ledger.implementedNeedsNote') : undefined}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="instruction"
          label={t('ledger.instruction')}
          rules={[zodRule(OptionalText(5000), t('ledger.instruction'), t)]}
        >
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Minutes of a symposium that took place. */
export function MinutesModal({
  record,
  open,
  onClose,
}: {
  record: LedgerRecordDto;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ minutes: string; summary?: string }>();
  const save = useRecordMutation((values: { minutes: string; summary?: string }) =>
    ledgerApi.minutes(record.id, { minutes: values.minutes, summary: blankToNull(values.summary) }),
  );
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      minutes: record.symposium?.minutes ?? undefined,
      summary: record.summary ?? undefined,
    });
    save.reset();
  }, [open, record, form, save.reset]);

  return (
    <Modal
      open={open}
      title={t('ledger.minutesTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={720}
    >
      {save.isError ? (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: () => {
              message.success(t('common.saved'));
              onClose();
            },
          })
        }
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
      </Form>
    </Modal>
  );
}
