import { Drawer, Grid, List, Skeleton, Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FILING_STATUS_LABELS } from '../../../common/filings';
import {
  type CellState,
  DASHBOARD_METRIC_LABELS,
  DASHBOARD_METRICS,
  type DashboardCell,
  type DashboardResponse,
} from '../../../common/schemas/dashboard';
import { LEDGER_KINDS } from '../../../common/schemas/ledger';
import { REPORT_STATUS_LABELS } from '../../../common/schemas/reports';
import { ExportButton } from '../../components/ExportButton';
import { DetailTable } from '../../components/ListPage';
import { PageCard } from '../../components/PageCard';
import { ErrorAlert } from '../../components/QueryStatus';
import { YearSelect } from '../../components/YearSelect';
import { yearInForce } from '../../components/years';
import { label } from '../../i18n';
import { useUrlParams } from '../../lib/searchParams';
import { safePath } from '../home/MyWorkPage';
import { dashboardCellPath, useDashboard, useDashboardCell } from './api';

const EChart = lazy(() => import('../../components/EChart'));

type UnitRow = DashboardResponse['units'][number];
type PairRow = DashboardResponse['pairs'][number];

/** A drill-down query of the server, checked: only GET /dashboard/cell?… is followed. */
function cellPath(drill: string | null): string | null {
  return drill?.startsWith('/dashboard/cell?') ? `/api/v1${drill}` : null;
}

/**
 * One cell: with records behind it, a button opening them (the drawer leads on to the page); else a link to
 * the page of its subject (未制定 → the plans where it is made); a cell with no subject (n/a) is text.
 */
function Cell({
  cell,
  onOpen,
  t,
}: {
  cell: DashboardCell;
  onOpen: (drill: string, page: string | null) => void;
  t: (k: 'dashboard.na') => string;
}) {
  const drill = cellPath(cell.drill);
  const page = safePath(cell.link);
  const text =
    cell.value === null || cell.value === ''
      ? cell.state === 'na'
        ? t('dashboard.na')
        : '—'
      : String(cell.value);
  const className = `liaison-cell liaison-cell-${cell.state}`;
  if (drill)
    return (
      <button
        type="button"
        className={className}
        data-testid="dashboard-cell"
        data-state={cell.state}
        onClick={() => onOpen(drill, page)}
      >
        {text}
      </button>
    );
  if (page)
    return (
      <Link to={page} className={className} data-testid="dashboard-cell" data-state={cell.state}>
        {text}
      </Link>
    );
  return (
    <span className={className} data-testid="dashboard-cell" data-state={cell.state}>
      {text}
    </span>
  );
}

/** 履职督查 (liaison oversight): a colour-coded matrix per unit and per pair, trends over the year, the records behind each cell. */
export default function DashboardPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [params, set] = useUrlParams();
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam > 1948 ? yearParam : yearInForce();
  const cell = params.get('cell');
  const cellPage = safePath(params.get('page'));
  const tab = params.get('tab') ?? 'units';
  const open = (path: string, page: string | null) => set({ cell: path, page: page ?? undefined });

  const board = useDashboard(year);
  const data = board.data;
  const metricLabel = (m: (typeof DASHBOARD_METRICS)[number]) => label(DASHBOARD_METRIC_LABELS[m], lang);

  const unitColumns: TableColumnsType<UnitRow> = [
    {
      title: t('dashboard.unit'),
      key: 'unit',
      fixed: 'left',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.organisation.name}</span>,
    },
    ...DASHBOARD_METRICS.map((m) => ({
      title: metricLabel(m),
      key: m,
      align: 'center' as const,
      render: (_: unknown, r: UnitRow) => <Cell cell={r.cells[m]} onOpen={open} t={t} />,
    })),
  ];
  const pairColumns: TableColumnsType<PairRow> = [
    {
      title: t('dashboard.pair'),
      key: 'pair',
      fixed: 'left',
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {r.department.name} — {r.counterpart.name}
        </span>
      ),
    },
    ...(['symposia', 'records', 'consultation', 'replies'] as const).map((k) => ({
      title: t(`dashboard.pairMetrics.${k}`),
      key: k,
      align: 'center' as const,
      render: (_: unknown, r: PairRow) => <Cell cell={r[k]} onOpen={open} t={t} />,
    })),
  ];

  const trendOptions = useMemo(() => {
    if (!data) return null;
    const months = data.trends.months.map((m) => t('dashboard.month', { m }));
    const kindName = (k: string) =>
      (LEDGER_KINDS as readonly string[]).includes(k)
        ? t(`ledger.kinds.${k as (typeof LEDGER_KINDS)[number]}`)
        : k;
    return {
      records: {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: Object.entries(data.trends.records).map(([k, values]) => ({
          name: kindName(k),
          type: 'line',
          smooth: true,
          data: values,
        })),
      },
      replies: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          {
            name: t('dashboard.onTime'),
            type: 'bar',
            stack: 'r',
            data: data.trends.replies.onTime,
            itemStyle: { color: '#52c41a' },
          },
          {
            name: t('dashboard.late'),
            type: 'bar',
            stack: 'r',
            data: data.trends.replies.late,
            itemStyle: { color: '#ff4d4f' },
          },
        ],
      },
    };
  }, [data, t]);

  const totals = data ? (
    <div className="liaison-dashboard-totals" data-testid="dashboard-totals">
      {DASHBOARD_METRICS.map((m) => {
        const counts = data.totals[m] ?? {};
        return (
          <div key={m}>
            <Typography.Text strong>{metricLabel(m)}</Typography.Text>
            <div>
              {(['ok', 'warn', 'bad'] as CellState[]).map((s) => (
                <span key={s} className={`liaison-cell liaison-cell-${s}`} style={{ marginInlineEnd: 4 }}>
                  {counts[s] ?? 0}
                </span>
              ))}
            </div>
          </div>
        );
      })}
    </div>
  ) : null;

  return (
    <PageCard title={t('dashboard.title')}>
      <div className="liaison-toolbar">
        <YearSelect value={year} onChange={(v) => set({ year: v })} testId="dashboard-year" />
        <Space size={4} wrap>
          <span className="liaison-cell liaison-cell-ok">{t('dashboard.states.ok')}</span>
          <span className="liaison-cell liaison-cell-warn">{t('dashboard.states.warn')}</span>
          <span className="liaison-cell liaison-cell-bad">{t('dashboard.states.bad')}</span>
          <span className="liaison-cell liaison-cell-na">{t('dashboard.states.na')}</span>
        </Space>
        <div className="liaison-toolbar-spacer" />
        <ExportButton url="/api/v1/dashboard/export.xlsx" query={{ year }} testId="dashboard-export">
          {t('pairings.exportXlsx')}
        </ExportButton>
      </div>
      <ErrorAlert error={board.error} style={{ marginBottom: 16 }} />
      {board.isPending ? <Skeleton active /> : null}
      {data ? (
        <>
          {data.today ? (
            <Typography.Paragraph type="secondary">
              {data.region.name} · {t('dashboard.asOf', { today: data.today })}
            </Typography.Paragraph>
          ) : null}
          {totals}
          <Tabs
            activeKey={tab}
            onChange={(k) => set({ tab: k === 'units' ? undefined : k })}
            items={[
              {
                key: 'units',
                label: t('dashboard.byUnit'),
                children: (
                  <DetailTable<UnitRow>
                    rowKey={(r) => r.organisation.id}
                    bordered
                    columns={unitColumns}
                    dataSource={data.units}
                    loading={board.isFetching}
                    data-testid="dashboard-matrix"
                  />
                ),
              },
              {
                key: 'pairs',
                label: t('dashboard.byPair'),
                children: (
                  <DetailTable<PairRow>
                    rowKey={(r) => `${r.department.id}-${r.counterpart.id}`}
                    bordered
                    columns={pairColumns}
                    dataSource={data.pairs}
                    data-testid="dashboard-pairs"
                  />
                ),
              },
              {
                key: 'trends',
                label: t('dashboard.trends'),
                children: trendOptions ? (
                  <Suspense fallback={<Skeleton active />}>
                    <Typography.Title level={5}>{t('dashboard.recordsTrend')}</Typography.Title>
                    <EChart option={trendOptions.records} height={300} testId="dashboard-chart-records" />
                    <Typography.Title level={5}>{t('dashboard.repliesTrend')}</Typography.Title>
                    <EChart option={trendOptions.replies} height={260} testId="dashboard-chart-replies" />
                  </Suspense>
                ) : null,
              },
            ]}
          />
        </>
      ) : null}
      {cell ? (
        <CellDrawer path={cell} page={cellPage} onClose={() => set({ cell: undefined, page: undefined })} />
      ) : null}
    </PageCard>
  );
}

const RECORD_STATUSES = [
  'done',
  'overdue',
  'pending',
  'violation',
  'decided',
  'open',
  'on_time',
  'late',
] as const;
const LEDGER_STATUSES = ['attended', 'sent', 'ongoing', 'offered', 'taken', 'scheduled', 'held'] as const;
const RED = new Set(['overdue', 'violation', 'late', 'returned']);
const GREEN = new Set(['done', 'on_time', 'decided', 'filed', 'accepted', 'attended', 'held']);

/** A drill-down record's status code in words: the dashboard's own, a ledger record's, a form's or a report's. */
function useRecordStatus() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return (type: string, status: string): string => {
    if (type === 'filing' && status in FILING_STATUS_LABELS)
      return label(FILING_STATUS_LABELS[status as keyof typeof FILING_STATUS_LABELS], lang);
    if (type === 'report' && status in REPORT_STATUS_LABELS)
      return label(REPORT_STATUS_LABELS[status as keyof typeof REPORT_STATUS_LABELS], lang);
    if ((RECORD_STATUSES as readonly string[]).includes(status))
      return t(`dashboard.recordStatuses.${status as (typeof RECORD_STATUSES)[number]}`);
    if ((LEDGER_STATUSES as readonly string[]).includes(status))
      return t(`ledger.statuses.${status as (typeof LEDGER_STATUSES)[number]}`);
    return status;
  };
}

function CellDrawer({ path, page, onClose }: { path: string; page: string | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const screens = Grid.useBreakpoint();
  const statusText = useRecordStatus();
  const safe = dashboardCellPath(path);
  const query = useDashboardCell(safe);
  const data = query.data;
  const metric = data?.metric;
  const metricName =
    metric && (DASHBOARD_METRICS as readonly string[]).includes(metric)
      ? label(DASHBOARD_METRIC_LABELS[metric as (typeof DASHBOARD_METRICS)[number]], lang)
      : metric === 'records'
        ? t('dashboard.pairMetrics.records')
        : (metric ?? '');
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 640 : '100%'}
      title={
        data
          ? `${data.organisation.name}${data.counterpart ? ` — ${data.counterpart.name}` : ''} · ${metricName}`
          : t('dashboard.cellTitle')
      }
      extra={
        page ? (
          <Link to={page} data-testid="cell-page">
            {t('dashboard.openPage')}
          </Link>
        ) : null
      }
      data-testid="cell-drawer"
    >
      {query.isPending && safe ? <Skeleton active /> : null}
      <ErrorAlert error={query.error} />
      {data ? (
        <List
          dataSource={data.records}
          locale={{ emptyText: t('dashboard.noRecords') }}
          data-testid="cell-records"
          renderItem={(r) => {
            const link = safePath(r.link);
            return (
              <List.Item data-testid="cell-record">
                <List.Item.Meta
                  title={link ? <Link to={link}>{r.title}</Link> : r.title}
                  description={
                    <Space wrap size={4}>
                      {r.date ? <span>{r.date}</span> : null}
                      {r.status ? (
                        <Tag color={RED.has(r.status) ? 'red' : GREEN.has(r.status) ? 'green' : 'default'}>
                          {statusText(r.type, r.status)}
                        </Tag>
                      ) : null}
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      ) : null}
    </Drawer>
  );
}
