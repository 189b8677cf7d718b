import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerKind } from '../../../common/schemas/ledger';
import { type PlanDto, type PlanItemDto, PlanItemInput } from '../../../common/schemas/plans';
import type { Ref } from '../../../common/schemas/shared';
import { blankToNull, zodRule } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import { ErrorAlert } from '../../components/QueryStatus';
import { useLedger, usePairsOfYear } from '../ledger/api';
import { useKindLabels } from '../ledger/labels';
import { planApi, usePlanMutation } from './api';

interface ItemValues {
  kind: LedgerKind;
  title: string;
  targetMonth: number;
  counterpartId?: number | null;
  note?: string;
}

const itemFields = PlanItemInput.shape;

function useMonthOptions() {
  const { t } = useTranslation();
  return Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: t('plans.monthShort', { month: i + 1 }),
  }));
}

/** The form's values as a plan item; planApi checks it against PlanItemInput before it is sent. */
const toItemInput = (v: ItemValues): PlanItemInput => ({
  kind: v.kind,
  title: v.title,
  targetMonth: v.targetMonth,
  counterpartId: v.counterpartId ?? null,
  note: blankToNull(v.note),
});

/** A department writes its plan for a year: a note, the symposium that agreed it, and the first items. */
export function CreatePlanModal({
  open,
  year,
  onClose,
}: {
  open: boolean;
  year: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [form] = Form.useForm<{ note?: string; symposiumId?: number | null; items: ItemValues[] }>();
  const kinds = useKindLabels();
  const months = useMonthOptions();
  const pairs = usePairsOfYear(year, open);
  const symposia = useLedger(open ? { year, kind: 'symposium' } : null);
  const counterpartOptions = (pairs.data?.pairs ?? [])
    .filter((p) => p.department.id === user.organisation.id)
    .map((p) => ({ value: p.counterpart.id, label: p.counterpart.name }));

  const create = usePlanMutation(
    (values: { note?: string; symposiumId?: number | null; items: ItemValues[] }) =>
      planApi.create({
        departmentId: user.organisation.id,
        year,
        symposiumId: values.symposiumId ?? null,
        note: blankToNull(values.note),
        items: (values.items ?? []).map(toItemInput),
      }),
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    const now = new Date();
    form.setFieldsValue({
      items: [
        {
          kind: 'symposium',
          title: '',
          targetMonth: now.getFullYear() === year ? now.getMonth() + 1 : 3,
        },
      ],
    });
    create.reset();
  }, [open, year, form, create.reset]);

  return (
    <Modal
      open={open}
      title={t('plans.createTitle', { year })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
      width={760}
    >
      <ErrorAlert error={create.error} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          create.mutate(values, {
            onSuccess: () => {
              message.success(t('plans.created'));
              onClose();
            },
          })
        }
      >
        <Form.Item name="symposiumId" label={t('plans.symposium')} extra={t('plans.symposiumHint')}>
          <Select
            allowClear
            loading={symposia.isPending}
            options={(symposia.data?.items ?? []).map((s) => ({ value: s.id, label: s.title }))}
            notFoundContent={t('plans.noSymposia')}
          />
        </Form.Item>
        <Form.Item name="note" label={t('plans.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} className="liaison-plan-item-row" data-testid={`plan-item-row-${index}`}>
                  <Form.Item
                    name={[field.name, 'kind']}
                    label={index === 0 ? t('ledger.kind') : undefined}
                    rules={[
                      { required: true, message: t('validation.required', { field: t('ledger.kind') }) },
                    ]}
                  >
                    <Select
                      options={kinds.options}
                      style={{ width: 120 }}
                      data-testid={`plan-item-kind-${index}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={index === 0 ? t('plans.itemTitle') : undefined}
                    rules={[zodRule(itemFields.title, t('plans.itemTitle'), t)]}
                    style={{ flex: 1, minWidth: 180 }}
                  >
                    <Input
                      maxLength={200}
                      data-testid={`plan-item-title-${index}`}
                      placeholder={t('plans.itemTitle')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'targetMonth']}
                    label={index === 0 ? t('plans.targetMonth') : undefined}
                    rules={[
                      {
                        required: true,
                        message: t('validation.required', { field: t('plans.targetMonth') }),
                      },
                    ]}
                  >
                    <Select options={months} style={{ width: 90 }} data-testid={`plan-item-month-${index}`} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'counterpartId']}
                    label={index === 0 ? t('plans.counterpart') : undefined}
                  >
                    <Select
                      allowClear
                      options={counterpartOptions}
                      placeholder={t('plans.allCounterparts')}
                      style={{ width: 170 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    aria-label={t('common.delete')}
                    onClick={() => remove(field.name)}
                    style={{ marginTop: index === 0 ? 30 : 0 }}
                  />
                </div>
              ))}
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    kind: 'invitation',
                    title: '',
                    targetMonth: new Date().getMonth() + 1,
                  } satisfies ItemValues)
                }
                data-testid="plan-add-row"
              >
                {t('plans.addItem')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** Add an item to a plan, or edit one (item given). */
export function PlanItemModal({
  open,
  plan,
  item,
  onClose,
}: {
  open: boolean;
  plan: PlanDto;
  item: PlanItemDto | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemValues>();
  const kinds = useKindLabels();
  const months = useMonthOptions();
  const counterparts: Ref[] = plan.counterparts;

  const save = usePlanMutation((values: ItemValues) =>
    item
      ? planApi.updateItem(plan.id, item.id, toItemInput(values))
      : planApi.addItem(plan.id, toItemInput(values)),
  );

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    save.reset();
    if (item) {
      form.setFieldsValue({
        kind: item.kind,
        title: item.title,
        targetMonth: item.targetMonth,
        counterpartId: item.counterpart?.id ?? null,
        note: item.note ?? undefined,
      });
    } else {
      const now = new Date();
      form.setFieldsValue({
        kind: 'invitation',
        targetMonth: now.getFullYear() === plan.year ? now.getMonth() + 1 : 1,
      });
    }
  }, [open, item, plan.year, form, save.reset]);

  return (
    <Modal
      open={open}
      title={item ? t('plans.editItem') : t('plans.addItem')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} style={{ marginBottom: 16 }} />
      <Form<ItemValues>
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
        <Form.Item name="kind" label={t('ledger.kind')} rules={[{ required: true }]}>
          <Select
            options={kinds.options}
            disabled={item !== null && item.links.length > 0}
            data-testid="item-kind"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('plans.itemTitle')}
          rules={[zodRule(itemFields.title, t('plans.itemTitle'), t)]}
        >
          <Input maxLength={200} data-testid="item-title" />
        </Form.Item>
        <Form.Item name="targetMonth" label={t('plans.targetMonth')} rules={[{ required: true }]}>
          <Select options={months} data-testid="item-month" />
        </Form.Item>
        <Form.Item name="counterpartId" label={t('plans.counterpart')}>
          <Select
            allowClear
            placeholder={t('plans.allCounterparts')}
            options={counterparts.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('plans.note')} rules={[zodRule(itemFields.note, t('plans.note'), t)]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
