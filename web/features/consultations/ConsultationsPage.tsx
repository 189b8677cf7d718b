import { Button, Checkbox, Select, Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MATTER_KINDS, type MatterDto, type MatterKind } from '../../../common/schemas/consultations';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/ListPage';
import { PageCard } from '../../components/PageCard';
import { AddButton, UnitFilter } from '../../components/Toolbar';
import { YearSelect } from '../../components/YearSelect';
import { yearInForce } from '../../components/years';
import { positiveInt, useUrlParams } from '../../lib/searchParams';
import { usePairsOfYear } from '../ledger/api';
import { useMatters } from './api';
import { MatterKindTag, useConsultationLabels, ViolationTag } from './labels';

const MatterDrawer = lazy(() => import('./MatterDrawer').then((m) => ({ default: m.MatterDrawer })));
const MatterFormModal = lazy(() => import('./MatterFormModal').then((m) => ({ default: m.MatterFormModal })));
const FiguresPanel = lazy(() => import('./FiguresPanel'));
const SettingsPanel = lazy(() => import('./SettingsPanel'));

/** 重大事项协商: the matters in scope (/consultations, /consultations/matters/:id), figures and settings. */
export default function ConsultationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const routeParams = useParams();
  const [params, setParam] = useUrlParams();
  const labels = useConsultationLabels();
  const [creating, setCreating] = useState(false);

  // /consultations, /consultations/matters/:id, /consultations/figures, /consultations/settings
  const [section, idPart] = (routeParams['*'] ?? '').split('/');
  const matterId = section === 'matters' ? (positiveInt(idPart) ?? null) : null;
  const tab = section === 'figures' || section === 'settings' ? section : 'matters';

  const year = positiveInt(params.get('year')) ?? yearInForce();
  const kindParam = params.get('kind');
  const kind = MATTER_KINDS.find((k) => k === kindParam);
  const departmentId = positiveInt(params.get('departmentId'));
  const counterpartId = positiveInt(params.get('counterpartId'));
  const violation = params.get('violation') === '1';

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
    <ListTable<MatterDto>
      toolbar={
        <>
          <Select<MatterKind>
            allowClear
            style={{ width: 180 }}
            placeholder={t('consultations.kindAll')}
            aria-label={t('consultations.kindAll')}
            value={kind}
            options={labels.kindOptions}
            onChange={(value) => setParam({ kind: value })}
            data-testid="matters-kind"
          />
          <UnitFilter
            side="department"
            value={departmentId}
            options={departmentOptions}
            onChange={(value) => setParam({ departmentId: value })}
            testId="matters-department"
          />
          <UnitFilter
            side="counterpart"
            value={counterpartId}
            options={counterpartOptions}
            onChange={(value) => setParam({ counterpartId: value })}
            testId="matters-counterpart"
          />
          <Checkbox
            checked={violation}
            onChange={(e) => setParam({ violation: e.target.checked ? '1' : undefined })}
            data-testid="matters-violation"
          >
            {t('consultations.onlyViolations')}
          </Checkbox>
        </>
      }
      list={list}
      table={{
        columns,
        locale: { emptyText: t('consultations.noMatters', { year }) },
        'data-testid': 'matters-table',
      }}
    />
  );

  return (
    <PageCard title={t('consultations.title')}>
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
          <AddButton onClick={() => setCreating(true)} testId="matter-create">
            {t('consultations.newMatter')}
          </AddButton>
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
    </PageCard>
  );
}
