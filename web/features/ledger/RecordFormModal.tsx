import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateLedgerRecordRequest, LedgerKind, LedgerRecordDto } from '../../../common/schemas/ledger';
import { OptionalText, Text } from '../../../common/schemas/shared';
import { DateTimePicker } from '../../components/DateTimePicker';
import { blankToNull, zodRule } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import { ErrorAlert } from '../../components/QueryStatus';
import { usePlans } from '../plans/api';
import { ledgerApi, usePairsOfYear, useRecordMutation } from './api';
import { kindsFor, subtypesFor, useKindLabels, useSubtypeLabel } from './labels';

interface Values {
  kind: LedgerKind;
  subtype?: string;
  departmentId?: number;
  counterpartIds?: number[];
  title: string;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  place?: string;
  summary?: string;
  planItemId?: number | null;
  docNumber?: string;
  teamDepartment?: string[];
  teamCounterpart?: string[];
  instruction?: string;
  participants?: string;
  beneficiaries?: string;
  fundsWan?: number | null;
  peopleServed?: number | null;
  projectsLanded?: number | null;
  outcome?: string;
}

const nullable = (n: number | null | undefined) => (n === undefined ? null : n);

/** Create a ledger record of any kind the user's side may create, or edit one (record given). */
export function RecordFormModal({
  open,
  year,
  record,
  initialKind,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** the ledger's year: the default date of a new record lies in it */
  year: number;
  record: LedgerRecordDto | null;
  initialKind?: LedgerKind;
  onClose: () => void;
  onSaved?: (record: LedgerRecordDto) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const editing = record !== null;
  const side: 'department' | 'counterpart' = user.role === 'counterpart' ? 'counterpart' : 'department';
  const kinds = useKindLabels();
  const subtypeLabel = useSubtypeLabel();

  const kind = Form.useWatch('kind', form) ?? record?.kind;
  const startsAt = Form.useWatch('startsAt', form);
  const watchedDepartment = Form.useWatch('departmentId', form);
  // A department user's own department is not a field of the form.
  const departmentId =
    record?.department.id ?? (side === 'department' ? user.organisation.id : watchedDepartment);
  const counterpartIds = Form.useWatch('counterpartIds', form) ?? record?.counterparts.map((c) => c.id);
  const recordYear = startsAt ? startsAt.year() : (record?.year ?? year);

  const pairs = usePairsOfYear(recordYear, open && !editing);
  const plans = usePlans(recordYear, departmentId, open && departmentId !== undefined);

  const departmentOptions = useMemo(
    () => (pairs.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
    [pairs.data],
  );
  const counterpartOptions = useMemo(
    () =>
      (pairs.data?.pairs ?? [])
        .filter((p) => p.department.id === departmentId)
        .map((p) => ({ value: p.counterpart.id, label: p.counterpart.name })),
    [pairs.data, departmentId],
  );
  const planItemOptions = useMemo(() => {
    const plan = plans.data?.items.find((p) => p.department.id === departmentId);
    return (plan?.items ?? [])
      .filter((i) => i.kind === kind)
      .filter((i) => i.counterpart === null || (counterpartIds ?? []).includes(i.counterpart.id))
      .map((i) => ({
        value: i.id,
        label: `${t('plans.monthShort', { month: i.targetMonth })} · ${i.title}${
          i.counterpart ? `（${i.counterpart.name}）` : ''
        }`,
      }));
  }, [plans.data, departmentId, kind, counterpartIds, t]);

  const save = useRecordMutation(async (values: Values) => {
    const base = {
      title: values.title,
      startsAt: values.startsAt.format(),
      endsAt: values.endsAt ? values.endsAt.format() : null,
      place: blankToNull(values.place),
      summary: blankToNull(values.summary),
      planItemId: values.planItemId ?? null,
    };
    const k = editing ? record.kind : values.kind;
    const extra =
      k === 'notice'
        ? { docNumber: blankToNull(values.docNumber) }
        : k === 'research'
          ? {
              team: { department: values.teamDepartment ?? [], counterpart: values.teamCounterpart ?? [] },
              instruction: blankToNull(values.instruction),
            }
          : k === 'service'
            ? {
                service: {
                  participants: blankToNull(values.participants),
                  beneficiaries: blankToNull(values.beneficiaries),
                  fundsWan: nullable(values.fundsWan),
                  peopleServed: nullable(values.peopleServed),
                  projectsLanded: nullable(values.projectsLanded),
                  outcome: blankToNull(values.outcome),
                },
              }
            : {};
    if (editing) {
      return ledgerApi.update(record.id, { ...base, ...extra });
    }
    // The form's values do not narrow the kinds' union; the schema checks the body before it is sent.
    return ledgerApi.create({
      ...base,
      ...extra,
      kind: values.kind,
      subtype: values.kind === 'symposium' ? undefined : values.subtype,
      direction:
        values.kind === 'invitation' ? (side === 'department' ? 'dept_to_cp' : 'cp_to_dept') : undefined,
      departmentId: side === 'department' ? user.organisation.id : values.departmentId,
      counterpartIds: side === 'counterpart' ? [user.organisation.id] : values.counterpartIds,
    } as CreateLedgerRecordRequest);
  });

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    save.reset();
    if (record) {
      form.setFieldsValue({
        kind: record.kind,
        subtype: record.subtype,
        title: record.title,
        startsAt: dayjs(record.startsAt),
        endsAt: record.endsAt ? dayjs(record.endsAt) : null,
        place: record.place ?? undefined,
        summary: record.summary ?? undefined,
        planItemId: record.planItemId,
        docNumber: record.notice?.docNumber ?? undefined,
        teamDepartment: record.research?.team.department,
        teamCounterpart: record.research?.team.counterpart,
        instruction: record.research?.instruction ?? undefined,
        participants: record.service?.participants ?? undefined,
        beneficiaries: record.service?.beneficiaries ?? undefined,
        fundsWan: record.service?.fundsWan,
        peopleServed: record.service?.peopleServed,
        projectsLanded: record.service?.projectsLanded,
        outcome: record.service?.outcome ?? undefined,
      });
    } else {
      const now = dayjs();
      const start = now.year() === year ? now.startOf('hour') : dayjs(`${year}-01-01T09:00`);
      const k = initialKind ?? 'invitation';
      form.setFieldsValue({
        kind: k,
        subtype: subtypesFor(k, side)[0],
        startsAt: start,
        departmentId: side === 'department' ? user.organisation.id : undefined,
        counterpartIds: [],
      });
    }
  }, [open, record, year, initialKind, side, user.organisation.id, form, save.reset]);

  const onKindChange = (k: LedgerKind) => {
    form.setFieldsValue({ subtype: subtypesFor(k, side)[0], planItemId: null });
  };

  const subtypeOptions = kind
    ? subtypesFor(kind, side).map((s) => ({ value: s, label: subtypeLabel(s) }))
    : [];
  const allowedKinds = kindsFor(side);

  return (
    <Modal
      open={open}
      title={editing ? t('ledger.editTitle') : t('ledger.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={680}
    >
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: (saved) => {
              message.success(editing ? t('common.saved') : t('ledger.created'));
              onSaved?.(saved);
              onClose();
            },
          })
        }
      >
        {editing ? (
          <Typography.Paragraph type="secondary">
            {kinds.of(record.kind)} · {subtypeLabel(record.subtype)} · {record.department.name} ·{' '}
            {record.counterparts.map((c) => c.name).join('、')}
          </Typography.Paragraph>
        ) : (
          <>
            <Form.Item name="kind" label={t('ledger.kind')} rules={[{ required: true }]}>
              <Select
                data-testid="record-kind"
                options={kinds.options.filter((o) => allowedKinds.includes(o.value))}
                onChange={onKindChange}
              />
            </Form.Item>
            {subtypeOptions.length > 0 ? (
              <Form.Item
                name="subtype"
                label={t('ledger.subtype')}
                rules={[
                  { required: true, message: t('validation.required', { field: t('ledger.subtype') }) },
                ]}
              >
                <Select data-testid="record-subtype" options={subtypeOptions} />
              </Form.Item>
            ) : null}
            {kind === 'invitation' ? (
              <Typography.Paragraph type="secondary">
                {side === 'department'
                  ? t('ledger.directions.dept_to_cp')
                  : t('ledger.directions.cp_to_dept')}
              </Typography.Paragraph>
            ) : null}
            {side === 'counterpart' ? (
              <Form.Item
                name="departmentId"
                label={t('ledger.department')}
                rules={[
                  { required: true, message: t('validation.required', { field: t('ledger.department') }) },
                ]}
              >
                <Select
                  data-testid="record-department"
                  loading={pairs.isPending}
                  options={departmentOptions}
                  placeholder={t('ledger.selectDepartment')}
                  notFoundContent={t('ledger.noPairs', { year: recordYear })}
                />
              </Form.Item>
            ) : (
              <Form.Item
                name="counterpartIds"
                label={
                  kind === 'invitation' || kind === 'notice' ? t('ledger.invitees') : t('ledger.counterparts')
                }
                rules={[
                  {
                    required: true,
                    type: 'array',
                    min: 1,
                    message: t('validation.required', { field: t('ledger.counterpart') }),
                  },
                ]}
              >
                <Select
                  mode="multiple"
                  data-testid="record-counterparts"
                  loading={pairs.isPending}
                  options={counterpartOptions}
                  placeholder={t('ledger.selectCounterparts')}
                  notFoundContent={t('ledger.noPairs', { year: recordYear })}
                  onChange={() => form.setFieldValue('planItemId', null)}
                />
              </Form.Item>
            )}
          </>
        )}
        <Form.Item
          name="title"
          label={t('ledger.recordTitle')}
          rules={[zodRule(Text(200), t('ledger.recordTitle'), t)]}
        >
          <Input data-testid="record-title" maxLength={200} />
        </Form.Item>
        <div className="liaison-form-row">
          <Form.Item
            name="startsAt"
            label={kind === 'notice' ? t('ledger.sentAt') : t('ledger.startsAt')}
            rules={[{ required: true, message: t('validation.required', { field: t('ledger.startsAt') }) }]}
          >
            <DateTimePicker />
          </Form.Item>
          {kind !== 'notice' ? (
            <Form.Item name="endsAt" label={t('ledger.endsAt')}>
              <DateTimePicker />
            </Form.Item>
          ) : null}
        </div>
        {kind !== 'notice' ? (
          <Form.Item
            name="place"
            label={t('ledger.place')}
            rules={[zodRule(OptionalText(200), t('ledger.place'), t)]}
          >
            <Input maxLength={200} />
          </Form.Item>
        ) : null}
        {kind === 'notice' ? (
          <Form.Item
            name="docNumber"
            label={t('ledger.docNumber')}
            rules={[zodRule(OptionalText(100), t('ledger.docNumber'), t)]}
          >
            <Input maxLength={100} placeholder={t('ledger.docNumberPlaceholder')} />
          </Form.Item>
        ) : null}
        {kind === 'research' ? (
          <>
            <Form.Item name="teamDepartment" label={t('ledger.teamDepartment')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
            </Form.Item>
            <Form.Item name="teamCounterpart" label={t('ledger.teamCounterpart')}>
              <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} suffixIcon={null} />
            </Form.Item>
            <Form.Item
              name="instruction"
              label={t('ledger.instruction')}
              rules={[zodRule(OptionalText(5000), t('ledger.instruction'), t)]}
            >
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </>
        ) : null}
        {kind === 'service' ? (
          <>
            <Form.Item name="participants" label={t('ledger.participants')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Form.Item name="beneficiaries" label={t('ledger.beneficiaries')}>
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <div className="liaison-form-row">
              <Form.Item name="fundsWan" label={t('ledger.fundsWan')}>
                <InputNumber min={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="peopleServed" label={t('ledger.peopleServed')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
              <Form.Item name="projectsLanded" label={t('ledger.projectsLanded')}>
                <InputNumber min={0} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </div>
            <Form.Item name="outcome" label={t('ledger.outcome')}>
              <Input.TextArea rows={2} maxLength={5000} />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="summary"
          label={kind === 'notice' ? t('ledger.noticeContent') : t('ledger.summary')}
          rules={[zodRule(OptionalText(5000), t('ledger.summary'), t)]}
        >
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="planItemId" label={t('ledger.planItem')} extra={t('ledger.planItemHint')}>
          <Select
            allowClear
            data-testid="record-plan-item"
            loading={plans.isFetching}
            options={planItemOptions}
            placeholder={t('ledger.selectPlanItem')}
            notFoundContent={t('ledger.noPlanItems')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
