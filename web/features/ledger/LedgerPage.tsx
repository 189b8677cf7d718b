import { PaperClipOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Space, type TableColumnsType, Tabs, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_KINDS, type LedgerKind, type LedgerRecordDto } from '../../../common/schemas/ledger';
import { ExportButton } from '../../components/ExportButton';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { ListTable } from '../../components/ListPage';
import { PageCard } from '../../components/PageCard';
import { AddButton, hasUnitFilter, UnitFilter } from '../../components/Toolbar';
import { YearSelect } from '../../components/YearSelect';
import { yearInForce } from '../../components/years';
import { positiveInt, useUrlParams } from '../../lib/searchParams';
import { type LedgerFilter, useLedger, usePairsOfYear } from './api';
import { LedgerSummary } from './LedgerSummary';
import { KindTag, StatusTag, useKindLabels, useSubtypeLabel } from './labels';

// The drawer and the form (date pickers, uploads, descriptions) load when first opened.
const RecordDrawer = lazy(() => import('./RecordDrawer').then((m) => ({ default: m.RecordDrawer })));
const RecordFormModal = lazy(() => import('./RecordFormModal').then((m) => ({ default: m.RecordFormModal })));

const TABS = ['records', 'summary'] as const;
type Tab = (typeof TABS)[number];

/** 工作台账: one year's records of the pairs the user sees, filtered; the detail drawer; counts per pair. */
export default function LedgerPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParam] = useUrlParams();
  const kinds = useKindLabels();
  const subtypeLabel = useSubtypeLabel();
  const [creating, setCreating] = useState(false);

  const year = positiveInt(params.get('year')) ?? yearInForce();
  const kindParam = params.get('kind');
  const kind = LEDGER_KINDS.find((k) => k === kindParam);
  const departmentId = positiveInt(params.get('departmentId'));
  const counterpartId = positiveInt(params.get('counterpartId'));
  const q = params.get('q') ?? '';
  const recordId = positiveInt(params.get('record')) ?? null;
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? 'records';
  const [search, setSearch] = useState(q);

  const filter: LedgerFilter = { year, kind, departmentId, counterpartId, q: q || undefined };
  const list = useLedger(filter);
  const pairs = usePairsOfYear(year);
  const canCreate = list.data?.abilities.canCreate ?? false;

  const showDepartmentFilter = hasUnitFilter(user.role, 'department');
  const showCounterpartFilter = hasUnitFilter(user.role, 'counterpart');
  const departmentOptions = useMemo(
    () => (pairs.data?.departments ?? []).map((d) => ({ value: d.id, label: d.name })),
    [pairs.data],
  );
  const counterpartOptions = useMemo(
    () =>
      (pairs.data?.counterparts ?? [])
        .filter(
          (c) =>
            departmentId === undefined ||
            (pairs.data?.pairs ?? []).some(
              (p) => p.department.id === departmentId && p.counterpart.id === c.id,
            ),
        )
        .map((c) => ({ value: c.id, label: c.name })),
    [pairs.data, departmentId],
  );

  const columns: TableColumnsType<LedgerRecordDto> = [
    {
      title: t('ledger.time'),
      key: 'startsAt',
      width: 150,
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.startsAt)}</span>,
    },
    {
      title: t('ledger.kind'),
      key: 'kind',
      render: (_, r) => (
        <Space size={0} orientation="vertical">
          <KindTag kind={r.kind} />
          {r.kind !== 'symposium' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {subtypeLabel(r.subtype)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('ledger.recordTitle'),
      key: 'title',
      render: (_, r) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => setParam({ record: r.id })}
          data-testid="record-link"
        >
          {r.title}
          {r.attachments.length > 0 ? <PaperClipOutlined style={{ marginInlineStart: 4 }} /> : null}
        </Button>
      ),
    },
    { title: t('ledger.department'), key: 'department', render: (_, r) => r.department.name },
    {
      title: t('ledger.counterparts'),
      key: 'counterparts',
      render: (_, r) => r.counterparts.map((c) => c.name).join('、'),
    },
    { title: t('ledger.status'), key: 'status', render: (_, r) => <StatusTag record={r} /> },
    {
      title: t('ledger.attendance'),
      key: 'attendance',
      render: (_, r) => {
        if (r.kind === 'invitation') {
          const went = r.responses.filter((x) => x.attended).map((x) => x.attendees || x.organisation.name);
          if (r.status === 'attended') return went.length ? went.join('；') : t('ledger.attendedNo');
          const replied = r.responses.filter((x) => x.reply !== 'pending').length;
          return t('ledger.repliedCount', { replied, total: r.responses.length });
        }
        if (r.kind === 'notice') {
          const read = r.responses.filter((x) => x.readAt).length;
          return t('ledger.readCount', { read, total: r.responses.length });
        }
        return '—';
      },
    },
  ];

  // The exports take the list's filter.
  const exportQuery = { ...filter };

  return (
    <PageCard title={t('ledger.title')}>
      <div className="liaison-toolbar">
        <YearSelect
          value={year}
          onChange={(value) => setParam({ year: value, departmentId: undefined, counterpartId: undefined })}
          testId="ledger-year"
        />
        <div className="liaison-toolbar-spacer" />
        {canCreate ? (
          <AddButton onClick={() => setCreating(true)} testId="ledger-create">
            {t('ledger.add')}
          </AddButton>
        ) : null}
        <ExportButton url="/api/v1/ledger/export.xlsx" query={exportQuery} testId="ledger-export-xlsx">
          {t('pairings.exportXlsx')}
        </ExportButton>
        <ExportButton url="/api/v1/ledger/export.docx" query={exportQuery} testId="ledger-export-docx">
          {t('pairings.exportDocx')}
        </ExportButton>
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam({ tab: key === 'records' ? undefined : key })}
        destroyOnHidden
        items={[
          {
            key: 'records',
            label: t('ledger.tabRecords'),
            children: (
              <ListTable<LedgerRecordDto>
                toolbar={
                  <>
                    <Select<LedgerKind>
                      allowClear
                      data-testid="ledger-kind"
                      style={{ width: 140 }}
                      placeholder={t('ledger.kindAll')}
                      aria-label={t('ledger.kindAll')}
                      value={kind}
                      options={kinds.options}
                      onChange={(value) => setParam({ kind: value })}
                    />
                    <UnitFilter
                      side="department"
                      testId="ledger-department"
                      loading={pairs.isPending}
                      value={departmentId}
                      options={departmentOptions}
                      onChange={(value) => setParam({ departmentId: value })}
                    />
                    <UnitFilter
                      side="counterpart"
                      testId="ledger-counterpart"
                      loading={pairs.isPending}
                      value={counterpartId}
                      options={counterpartOptions}
                      onChange={(value) => setParam({ counterpartId: value })}
                    />
                    <Input.Search
                      allowClear
                      style={{ maxWidth: 280 }}
                      placeholder={t('ledger.searchPlaceholder')}
                      aria-label={t('ledger.searchPlaceholder')}
                      value={search}
                      onChange={(e) => {
                        setSearch(e.target.value);
                        if (!e.target.value) setParam({ q: undefined });
                      }}
                      onSearch={(value) => setParam({ q: value.trim() || undefined })}
                      data-testid="ledger-search"
                    />
                  </>
                }
                list={list}
                notice={
                  list.data && list.data.total > list.data.items.length ? (
                    <Alert
                      type="info"
                      showIcon
                      style={{ marginBottom: 16 }}
                      title={t('ledger.truncated', { shown: list.data.items.length, total: list.data.total })}
                    />
                  ) : null
                }
                sizeChanger
                table={{
                  columns,
                  locale: { emptyText: t('ledger.noRecords', { year }) },
                  'data-testid': 'ledger-table',
                }}
              />
            ),
          },
          {
            key: 'summary',
            label: t('ledger.tabSummary'),
            children: (
              <LedgerSummary
                year={year}
                onPair={(d, c) =>
                  setParam({
                    tab: undefined,
                    departmentId: showDepartmentFilter ? d : undefined,
                    counterpartId: showCounterpartFilter ? c : undefined,
                  })
                }
              />
            ),
          },
        ]}
      />
      <Suspense fallback={null}>
        {recordId !== null ? (
          <RecordDrawer id={recordId} onClose={() => setParam({ record: undefined })} />
        ) : null}
        {canCreate && creating ? (
          <RecordFormModal
            open={creating}
            year={year}
            record={null}
            initialKind={kind}
            onClose={() => setCreating(false)}
            onSaved={(saved) => setParam({ record: saved.id, year: saved.year })}
          />
        ) : null}
      </Suspense>
    </PageCard>
  );
}
