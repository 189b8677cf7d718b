import { Alert, Col, Row, Skeleton, Statistic, Table, type TableColumnsType } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type FiguresRow, REPLY_CLASSES, VERDICTS } from '../../../common/schemas/consultations';
import { errorText } from '../../api/client';
import { useFigures } from './api';
import { useConsultationLabels } from './labels';

const EChart = lazy(() => import('../../components/EChart'));

const pct = (n: number, d: number) => (d > 0 ? `${Math.round((n / d) * 100)}%` : '—');

/** Received, replied, on time, overdue, adoption and satisfaction: totals, a chart and a row per pair. */
export default function FiguresPanel({ year }: { year: number }) {
  const { t } = useTranslation();
  const labels = useConsultationLabels();
  const figures = useFigures(year);
  const totals = figures.data?.totals;

  const option = useMemo(() => {
    if (!totals) return null;
    const verdictNames = [...VERDICTS.map((v) => labels.verdict(v)), t('consultations.unrated')];
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, type: 'scroll' },
      series: [
        {
          name: t('consultations.adoption'),
          type: 'pie',
          radius: ['25%', '45%'],
          center: ['25%', '45%'],
          data: REPLY_CLASSES.map((c) => ({ name: labels.replyClass(c), value: totals.adoption[c] ?? 0 })),
        },
        {
          name: t('consultations.satisfaction'),
          type: 'pie',
          radius: ['25%', '45%'],
          center: ['75%', '45%'],
          data: [...VERDICTS, 'unrated' as const].map((v, i) => ({
            name: verdictNames[i],
            value: totals.satisfaction[v] ?? 0,
          })),
        },
      ],
    };
  }, [totals, labels, t]);

  const columns: TableColumnsType<FiguresRow> = [
    { title: t('consultations.department'), key: 'd', render: (_, r) => r.department.name },
    { title: t('consultations.counterpart'), key: 'c', render: (_, r) => r.counterpart.name },
    { title: t('consultations.received'), dataIndex: 'received' },
    { title: t('consultations.replied'), dataIndex: 'replied' },
    {
      title: t('consultations.onTime'),
      key: 'onTime',
      render: (_, r) => `${r.repliedOnTime}（${pct(r.repliedOnTime, r.replied)}）`,
    },
    {
      title: t('consultations.overdue'),
      key: 'overdue',
      render: (_, r) => (r.overdue > 0 ? <span style={{ color: '#cf1322' }}>{r.overdue}</span> : 0),
    },
    { title: t('consultations.closedCount'), dataIndex: 'closed' },
    ...REPLY_CLASSES.map((c) => ({
      title: labels.replyClass(c),
      key: c,
      render: (_: unknown, r: FiguresRow) => r.adoption[c] ?? 0,
    })),
  ];

  if (figures.isPending) return <Skeleton active />;
  if (figures.isError) return <Alert type="error" showIcon title={errorText(figures.error)} />;
  if (!totals) return null;
  return (
    <div data-testid="figures">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={4}>
          <Statistic title={t('consultations.received')} value={totals.received} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('consultations.replied')} value={totals.replied} />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('consultations.onTimeRate')}
            value={pct(totals.repliedOnTime, totals.replied)}
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic
            title={t('consultations.overdue')}
            value={totals.overdue}
            styles={{ content: { color: totals.overdue > 0 ? '#cf1322' : undefined } }}
          />
        </Col>
        <Col xs={12} md={4}>
          <Statistic title={t('consultations.closedCount')} value={totals.closed} />
        </Col>
      </Row>
      {option && totals.replied > 0 ? (
        <Suspense fallback={<Skeleton active />}>
          <EChart option={option} height={280} testId="figures-chart" />
        </Suspense>
      ) : null}
      <Table<FiguresRow>
        rowKey={(r) => `${r.year}-${r.department.id}-${r.counterpart.id}`}
        size="small"
        columns={columns}
        dataSource={figures.data.rows}
        scroll={{ x: 'max-content' }}
        pagination={false}
        data-testid="figures-table"
      />
    </div>
  );
}
