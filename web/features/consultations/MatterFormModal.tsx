import { DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { MATTER_KINDS, type MatterDto, type MatterKind } from '../../../common/schemas/consultations';
import { OptionalText, Text } from '../../../common/schemas/shared';
import { blankToNull, zodRule } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import { ErrorAlert } from '../../components/QueryStatus';
import { yearInForce } from '../../components/years';
import { notAhead } from '../../lib/dates';
import { usePairsOfYear } from '../ledger/api';
import { useAllOrganisations } from '../organisations/api';
import { consultationApi, useMatterMutation } from './api';
import { useConsultationLabels } from './labels';

interface Values {
  kind: MatterKind;
  title: string;
  summary?: string;
  plannedDecisionDate?: Dayjs | null;
  counterpartIds: number[];
}

/** Register a major matter (a department), or edit one (matter given). */
export function MatterFormModal({
  open,
  matter,
  onClose,
  onSaved,
}: {
  open: boolean;
  matter: MatterDto | null;
  onClose: () => void;
  onSaved?: (matter: MatterDto) => void;
}) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useConsultationLabels();
  const [form] = Form.useForm<Values>();
  const year = matter?.year ?? yearInForce();
  const departmentId = matter?.department.id ?? user.organisation.id;
  const pairs = usePairsOfYear(year, open);
  const orgs = useAllOrganisations(open);

  // The department's pairs of the year come first and are the default; any counterpart of the region may be added.
  const paired = useMemo(
    () => (pairs.data?.pairs ?? []).filter((p) => p.department.id === departmentId).map((p) => p.counterpart),
    [pairs.data, departmentId],
  );
  const options = useMemo(() => {
    const seen = new Set(paired.map((c) => c.id));
    const others = (orgs.data?.items ?? [])
      .filter((o) => o.kind === 'counterpart' && !seen.has(o.id))
      .map((o) => ({ value: o.id, label: o.name }));
    return [
      ...paired.map((c) => ({ value: c.id, label: `${c.name}（${t('consultations.pairedMark')}）` })),
      ...others,
    ];
  }, [paired, orgs.data, t]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (matter) {
      form.setFieldsValue({
        kind: matter.kind,
        title: matter.title,
        summary: matter.summary ?? undefined,
        plannedDecisionDate: matter.plannedDecisionDate ? dayjs(matter.plannedDecisionDate) : null,
        counterpartIds: matter.counterparts.map((c) => c.id),
      });
    }
  }, [open, matter, form]);

  useEffect(() => {
    if (open && !matter && paired.length > 0 && !form.isFieldTouched('counterpartIds')) {
      form.setFieldValue(
        'counterpartIds',
        paired.map((c) => c.id),
      );
    }
  }, [open, matter, paired, form]);

  const save = useMatterMutation((values: Values) => {
    const body = {
      kind: values.kind,
      title: values.title.trim(),
      summary: blankToNull(values.summary),
      plannedDecisionDate: values.plannedDecisionDate
        ? values.plannedDecisionDate.format('YYYY-MM-DD')
        : null,
      counterpartIds: values.counterpartIds,
    };
    return matter
      ? consultationApi.update(matter.id, body)
      : consultationApi.create({ ...body, departmentId });
  });

  return (
    <Modal
      open={open}
      title={matter ? t('consultations.editMatter') : t('consultations.newMatter')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('consultations.newMatterHint')}</Typography.Paragraph>
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: MATTER_KINDS[0] }}
        onFinish={(values) =>
          save.mutate(values, {
            onSuccess: (saved) => {
              onClose();
              onSaved?.(saved);
            },
          })
        }
      >
        <Form.Item name="kind" label={t('consultations.kind')} rules={[{ required: true }]}>
          <Select options={labels.kindOptions} data-testid="matter-kind" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('consultations.matterTitle')}
          rules={[zodRule(Text(200), t('consultations.matterTitle'), t)]}
        >
          <Input maxLength={200} data-testid="matter-title" />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('consultations.summary')}
          rules={[zodRule(OptionalText(10000), t('consultations.summary'), t)]}
        >
          <Input.TextArea rows={4} maxLength={10000} data-testid="matter-summary" />
        </Form.Item>
        <Form.Item name="plannedDecisionDate" label={t('consultations.plannedDecisionDate')}>
          <DatePicker style={{ width: '100%' }} disabledDate={notAhead} data-testid="matter-planned" />
        </Form.Item>
        <Form.Item
          name="counterpartIds"
          label={t('consultations.counterparts')}
          extra={t('consultations.counterpartsHint')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('consultations.counterpartsRequired') },
          ]}
        >
          <Select<number[]>
            mode="multiple"
            loading={pairs.isPending || orgs.isPending}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="matter-counterparts"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
