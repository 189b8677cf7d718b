import { Alert, Button, Segmented, Spin, Table, type TableColumnsType } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LedgerSummaryResponse } from '../../../common/schemas/ledger';
import { errorText } from '../../api/client';
import { useLedgerSummary } from './api';

// ECharts only when the chart is shown.
const SummaryChart = lazy(() => import('./SummaryChart'));

type Pair = LedgerSummaryResponse['pairs'][number];
const COUNTS = [
  'invitationsDeptToCp',
  'invitationsCpToDept',
  'notices',
  'research',
  'services',
  'symposia',
] as const satisfies readonly (keyof Pair)[];

const total = (p: Pair) => COUNTS.reduce((sum, k) => sum + p[k], 0);

/** What each pair did in a year, per kind: a table, or a stacked bar chart. */
export function LedgerSummary({
  year,
  onPair,
}: {
  year: number;
  onPair: (departmentId: number, counterpartId: number) => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'table' | 'chart'>('table');
  const summary = useLedgerSummary(year, true);
  const pairs = summary.data?.pairs ?? [];

  const columns: TableColumnsType<Pair> = [
    { title: t('ledger.department'), key: 'd', fixed: 'left', render: (_, p) => p.department.name },
    { title: t('ledger.counterpart'), key: 'c', render: (_, p) => p.counterpart.name },
    ...COUNTS.map((k) => ({
      title: t(`ledger.counts.${k}`),
      key: k,
      align: 'right' as const,
      sorter: (a: Pair, b: Pair) => a[k] - b[k],
      render: (_: unknown, p: Pair) => p[k] || '',
    })),
    {
      title: t('ledger.counts.total'),
      key: 'total',
      align: 'right',
      sorter: (a, b) => total(a) - total(b),
      render: (_, p) => <strong>{total(p)}</strong>,
    },
    {
      title: t('common.actions'),
      key: 'open',
      render: (_, p) => (
        <Button type="link" size="small" onClick={() => onPair(p.department.id, p.counterpart.id)}>
          {t('ledger.showRecords')}
        </Button>
      ),
    },
  ];

  const chart = useMemo(
    () => ({
      categories: pairs.map((p) => `${p.department.name} – ${p.counterpart.name}`),
      series: COUNTS.map((k) => ({ name: t(`ledger.counts.${k}`), values: pairs.map((p) => p[k]) })),
    }),
    [pairs, t],
  );

  return (
    <div data-testid="ledger-summary">
      <div className="liaison-toolbar">
        <Segmented<'table' | 'chart'>
          value={view}
          onChange={setView}
          options={[
            { value: 'table', label: t('ledger.viewTable') },
            { value: 'chart', label: t('ledger.viewChart') },
          ]}
        />
      </div>
      {summary.isError ? <Alert type="error" showIcon title={errorText(summary.error)} /> : null}
      {view === 'table' ? (
        <Table<Pair>
          rowKey={(p) => `${p.department.id}-${p.counterpart.id}`}
          size="small"
          loading={summary.isPending}
          columns={columns}
          dataSource={pairs}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('ledger.noRecords', { year }) }}
          summary={(rows) =>
            rows.length > 1 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={2}>
                  <strong>{t('ledger.counts.total')}</strong>
                </Table.Summary.Cell>
                {COUNTS.map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 2} align="right">
                    {rows.reduce((sum, p) => sum + p[k], 0)}
                  </Table.Summary.Cell>
                ))}
                <Table.Summary.Cell index={COUNTS.length + 2} align="right">
                  <strong>{rows.reduce((sum, p) => sum + total(p), 0)}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={COUNTS.length + 3} />
              </Table.Summary.Row>
            ) : null
          }
        />
      ) : pairs.length === 0 ? (
        <Alert type="info" showIcon title={t('ledger.noRecords', { year })} />
      ) : (
        <Suspense fallback={<Spin />}>
          <SummaryChart categories={chart.categories} series={chart.series} />
        </Suspense>
      )}
    </div>
  );
}
