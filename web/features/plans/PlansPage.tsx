import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanDto, PlanItemDto, PlanItemStatus } from '../../../common/schemas/plans';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { DetailTable } from '../../components/ListPage';
import { PageCard } from '../../components/PageCard';
import { ErrorAlert, QueryStatus } from '../../components/QueryStatus';
import { AddButton, hasUnitFilter, UnitFilter } from '../../components/Toolbar';
import { YearSelect } from '../../components/YearSelect';
import { yearInForce } from '../../components/years';
import { positiveInt, useUrlParams } from '../../lib/searchParams';
import { KindTag } from '../ledger/labels';
import { planApi, usePlanMutation, usePlans } from './api';
import { CreatePlanModal, PlanItemModal } from './PlanModals';

const STATUS_COLORS: Record<PlanItemStatus, string> = {
  done: 'success',
  pending: 'processing',
  overdue: 'error',
};

export function PlanStatusTag({ status }: { status: PlanItemStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="plan-item-status">
      {t(`plans.statuses.${status}`)}
    </Tag>
  );
}

function PlanCard({ plan }: { plan: PlanDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<PlanItemDto | null>(null);
  const [adding, setAdding] = useState(false);
  const canEdit = plan.abilities.canEdit;
  const remove = usePlanMutation((itemId: number) => planApi.deleteItem(plan.id, itemId));

  const columns: TableColumnsType<PlanItemDto> = [
    {
      title: t('plans.targetMonth'),
      key: 'month',
      width: 90,
      sorter: (a, b) => a.targetMonth - b.targetMonth,
      defaultSortOrder: 'ascend',
      render: (_, i) => t('plans.monthShort', { month: i.targetMonth }),
    },
    { title: t('ledger.kind'), key: 'kind', render: (_, i) => <KindTag kind={i.kind} /> },
    {
      title: t('plans.itemTitle'),
      key: 'title',
      render: (_, i) => (
        <>
          <div>{i.title}</div>
          {i.note ? <Typography.Text type="secondary">{i.note}</Typography.Text> : null}
        </>
      ),
    },
    {
      title: t('plans.counterpart'),
      key: 'counterpart',
      render: (_, i) =>
        i.counterpart?.name ?? (
          <Typography.Text type="secondary">{t('plans.allCounterparts')}</Typography.Text>
        ),
    },
    {
      title: t('plans.status'),
      key: 'status',
      filters: (['done', 'pending', 'overdue'] as const).map((s) => ({
        text: t(`plans.statuses.${s}`),
        value: s,
      })),
      onFilter: (value, i) => i.status === value,
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <PlanStatusTag status={i.status} />
          {i.status !== 'done' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('plans.dueBy', { date: i.dueDate })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('plans.links'),
      key: 'links',
      render: (_, i) =>
        i.links.length ? (
          <Space orientation="vertical" size={0}>
            {i.links.map((l) => (
              <Link key={l.id} to={`/ledger?year=${plan.year}&record=${l.id}`}>
                {formatDateTime(l.startsAt).slice(0, 10)} {l.title}
              </Link>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
  ];
  if (canEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, i) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(i)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('plans.deleteConfirm', { title: i.title })}
            onConfirm={() =>
              remove.mutate(i.id, { onSuccess: () => message.success(t('plans.itemDeleted')) })
            }
            disabled={i.links.length > 0}
          >
            <Button
              type="link"
              size="small"
              danger
              icon={<DeleteOutlined />}
              disabled={i.links.length > 0}
              title={i.links.length > 0 ? t('plans.cannotDeleteLinked') : undefined}
            >
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="plan-card"
      title={
        <span style={{ whiteSpace: 'normal' }}>
          {t('plans.planOf', { department: plan.department.name, year: plan.year })}
        </span>
      }
    >
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        <Tag color="success">{t('plans.countDone', { count: plan.counts.done })}</Tag>
        <Tag color="processing">{t('plans.countPending', { count: plan.counts.pending })}</Tag>
        <Tag color="error">{t('plans.countOverdue', { count: plan.counts.overdue })}</Tag>
        <Typography.Text type="secondary">
          {t('plans.withCounterparts', { names: plan.counterparts.map((c) => c.name).join('、') || '—' })}
        </Typography.Text>
        {/* 三(四): the plan is settled at the yearly symposium — the card says which record, or that none is linked */}
        {plan.symposiumId ? (
          <Link to={`/ledger?year=${plan.year}&record=${plan.symposiumId}`} data-testid="plan-symposium">
            {t('plans.settledAt')}
          </Link>
        ) : (
          <Typography.Text type="secondary" data-testid="plan-symposium-none">
            {t('plans.noSymposium')}
          </Typography.Text>
        )}
        {canEdit ? (
          <AddButton size="small" onClick={() => setAdding(true)} testId="plan-add-item">
            {t('plans.addItem')}
          </AddButton>
        ) : null}
      </Space>
      {plan.note ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{plan.note}</Typography.Paragraph>
      ) : null}
      <ErrorAlert error={remove.error} style={{ marginBottom: 12 }} />
      <DetailTable<PlanItemDto>
        rowKey="id"
        columns={columns}
        dataSource={plan.items}
        locale={{ emptyText: t('plans.noItems') }}
        data-testid="plan-items"
      />
      <PlanItemModal
        open={adding || editing !== null}
        plan={plan}
        item={editing}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
      />
    </Card>
  );
}

/** 年度对口联系工作计划: the plans of a year the user sees, items with their status and linked records. */
export default function PlansPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParam] = useUrlParams();
  const [creating, setCreating] = useState(false);
  const year = positiveInt(params.get('year')) ?? yearInForce();
  const departmentId = positiveInt(params.get('departmentId'));
  const plans = usePlans(year, departmentId);
  // The department list for the filter: every plan of the year, unfiltered.
  const allPlans = usePlans(year, undefined, hasUnitFilter(user.role, 'department'));

  const items = plans.data?.items ?? [];
  const own =
    user.role === 'department' ? items.find((p) => p.department.id === user.organisation.id) : undefined;
  const canCreate = (plans.data?.abilities.canCreate ?? false) && user.role === 'department' && !own;
  const departmentOptions = useMemo(
    () => (allPlans.data?.items ?? []).map((p) => ({ value: p.department.id, label: p.department.name })),
    [allPlans.data],
  );

  return (
    <PageCard title={t('plans.title')}>
      <div className="liaison-toolbar">
        <YearSelect value={year} onChange={(value) => setParam({ year: value })} testId="plans-year" />
        <UnitFilter
          side="department"
          value={departmentId}
          options={departmentOptions}
          onChange={(value) => setParam({ departmentId: value })}
        />
        <div className="liaison-toolbar-spacer" />
        {canCreate ? (
          <AddButton onClick={() => setCreating(true)} testId="plan-create">
            {t('plans.create', { year })}
          </AddButton>
        ) : null}
      </div>
      <QueryStatus query={plans} />
      {!plans.isPending && items.length === 0 ? (
        <Empty
          description={
            user.role === 'department' ? t('plans.noPlanOwn', { year }) : t('plans.noPlans', { year })
          }
        >
          {canCreate ? (
            <Button type="primary" onClick={() => setCreating(true)}>
              {t('plans.create', { year })}
            </Button>
          ) : null}
        </Empty>
      ) : null}
      {items.map((plan) => (
        <PlanCard key={plan.id} plan={plan} />
      ))}
      {canCreate ? <CreatePlanModal open={creating} year={year} onClose={() => setCreating(false)} /> : null}
    </PageCard>
  );
}
