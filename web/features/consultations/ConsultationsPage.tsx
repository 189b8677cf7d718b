import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { MATTER_KINDS, type MatterDto, type MatterKind } from '../../../common/schemas/consultations';
import { errorText } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { YearSelect } from '../../components/YearSelect';
import { usePairsOfYear } from '../ledger/api';
import { useMatters } from './api';
import { MatterKindTag, useConsultationLabels, ViolationTag } from './labels';

const MatterDrawer = lazy(() => import('./MatterDrawer').then((m) => ({ default: m.MatterDrawer })));
const MatterFormModal = lazy(() => import('./MatterFormModal').then((m) => ({ default: m.MatterFormModal })));
const FiguresPanel = lazy(() => import('./FiguresPanel'));
const SettingsPanel = lazy(() => import('./SettingsPanel'));

const positiveInt = (value: string | null | undefined): number | undefined => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/** 重大事项协商: the matters in scope (/consultations, /consultations/matters/:id), figures and settings. */
export default function ConsultationsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const routeParams = useParams();
  const [params, setParams] = useSearchParams();
  const labels = useConsultationLabels();
  const [creating, setCreating] = useState(false);

  // /consultations, /consultations/matters/:id, /consultations/figures, /consultations/settings
  const [section, idPart] = (routeParams['*'] ?? '').split('/');
  const matterId = section === 'matters' ? (positiveInt(idPart) ?? null) : null;
  const tab = section === 'figures' || section === 'settings' ? section : 'matters';

  const year = positiveInt(params.get('year')) ?? new Date().getFullYear();
  const kindParam = params.get('kind');
  const kind = MATTER_KINDS.find((k) => k === kindParam);
  const departmentId = positiveInt(params.get('departmentId'));
  const counterpartId = positiveInt(params.get('counterpartId'));
  const violation = params.get('violation') === '1';

  const setParam = (changes: Record<string, string | number | undefined | null>) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(changes)) {
          if (value === undefined || value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace: true },
    );
  };
  const go = (path: string) => navigate({ pathname: path, search: params.toString() });

  const list = useMatters({ year, kind, departmentId, counterpartId, violation });
  const pairs = usePairsOfYear(year);
  const canCreate = list.data?.abilities.canCreate ?? false;
  const departmentOptions = useMemo(
    () => (pairs.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
    [pairs.data],
  );
  const counterpartOptions = useMemo(
    () => (pairs.data?.counterparts ?? []).map((c) => ({ value: c.id, label: c.name })),
    [pairs.data],
  );

  const columns: TableColumnsType<MatterDto> = [
    {
      title: t('consultations.matterTitle'),
      key: 'title',
      render: (_, m) => (
        <Space size={4} wrap>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            onClick={() => go(`/consultations/matters/${m.id}`)}
            data-testid="matter-link"
          >
            {m.title}
          </Button>
          {m.violation ? <ViolationTag /> : null}
        </Space>
      ),
    },
    { title: t('consultations.kind'), key: 'kind', render: (_, m) => <MatterKindTag kind={m.kind} /> },
    { title: t('consultations.department'), key: 'department', render: (_, m) => m.department.name },
    {
      title: t('consultations.counterparts'),
      key: 'counterparts',
      render: (_, m) => m.counterparts.map((c) => c.name).join('、'),
    },
    {
      title: t('consultations.symposium'),
      key: 'symposium',
      render: (_, m) => (
        <Space size={0} orientation="vertical">
          <Tag
            color={
              m.symposium.status === 'held'
                ? 'success'
                : m.symposium.status === 'scheduled'
                  ? 'processing'
                  : 'default'
            }
          >
            {t(`consultations.symposiumStatuses.${m.symposium.status}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatDateTime(m.symposium.heldAt ?? m.symposium.scheduledAt)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('consultations.decision'),
      key: 'decision',
      render: (_, m) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {m.decidedAt ? formatDateTime(m.decidedAt) : (m.plannedDecisionDate ?? '—')}
        </span>
      ),
    },
    {
      title: t('consultations.suggestions'),
      key: 'items',
      render: (_, m) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {m.itemCounts.total}
          {m.itemCounts.open > 0 ? ` · ${t('consultations.openCount', { count: m.itemCounts.open })}` : ''}
          {m.itemCounts.overdue > 0 ? (
            <Tag color="red" style={{ marginInlineStart: 4 }}>
              {t('consultations.overdueCount', { count: m.itemCounts.overdue })}
            </Tag>
          ) : null}
        </span>
      ),
    },
  ];

  const matters = (
    <>
      <div className="liaison-toolbar">
        <Select<MatterKind>
          allowClear
          style={{ width: 180 }}
          placeholder={t('consultations.kindAll')}
          value={kind}
          options={labels.kindOptions}
          onChange={(value) => setParam({ kind: value })}
          data-testid="matters-kind"
        />
        {user.role !== 'department' ? (
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('ledger.departmentAll')}
            value={departmentId}
            options={departmentOptions}
            onChange={(value) => setParam({ departmentId: value })}
            data-testid="matters-department"
          />
        ) : null}
        {user.role !== 'counterpart' ? (
          <Select<number>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            placeholder={t('ledger.counterpartAll')}
            value={counterpartId}
            options={counterpartOptions}
            onChange={(value) => setParam({ counterpartId: value })}
            data-testid="matters-counterpart"
          />
        ) : null}
        <Checkbox
          checked={violation}
          onChange={(e) => setParam({ violation: e.target.checked ? '1' : undefined })}
          data-testid="matters-violation"
        >
          {t('consultations.onlyViolations')}
        </Checkbox>
      </div>
      {list.isError ? (
        <Alert type="error" showIcon title={errorText(list.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Table<MatterDto>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('consultations.noMatters', { year }) }}
        pagination={{ defaultPageSize: 20, showTotal: (n) => t('common.total', { count: n }) }}
        data-testid="matters-table"
      />
    </>
  );

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('consultations.title')}
        </Typography.Title>
      }
    >
      <div className="liaison-toolbar">
        <YearSelect
          value={year}
          onChange={(value) => setParam({ year: value, departmentId: undefined, counterpartId: undefined })}
          testId="matters-year"
        />
        <div className="liaison-toolbar-spacer" />
        <Button onClick={() => navigate('/consultations/items')} data-testid="to-items">
          {t('consultations.toItems')}
        </Button>
        {canCreate ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="matter-create"
          >
            {t('consultations.newMatter')}
          </Button>
        ) : null}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => go(key === 'matters' ? '/consultations' : `/consultations/${key}`)}
        destroyOnHidden
        items={[
          { key: 'matters', label: t('consultations.tabMatters'), children: matters },
          {
            key: 'figures',
            label: t('consultations.tabFigures'),
            children: (
              <Suspense fallback={null}>
                <FiguresPanel year={year} />
              </Suspense>
            ),
          },
          {
            key: 'settings',
            label: t('consultations.tabSettings'),
            children: (
              <Suspense fallback={null}>
                <SettingsPanel />
              </Suspense>
            ),
          },
        ]}
      />
      <Suspense fallback={null}>
        {matterId !== null ? <MatterDrawer id={matterId} onClose={() => go('/consultations')} /> : null}
        {creating ? (
          <MatterFormModal
            open
            matter={null}
            onClose={() => setCreating(false)}
            onSaved={(m) => go(`/consultations/matters/${m.id}`)}
          />
        ) : null}
      </Suspense>
    </Card>
  );
}
