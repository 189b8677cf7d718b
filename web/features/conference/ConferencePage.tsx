import { FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Col,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  type ConferenceCounts,
  type ConferenceResponse,
  type JobType,
  REPORT_STATUSES,
} from '../../../common/schemas/reports';
import { errorText } from '../../api/client';
import { DetailTable } from '../../components/ListPage';
import { PageCard } from '../../components/PageCard';
import { QueryStatus } from '../../components/QueryStatus';
import { YearSelect } from '../../components/YearSelect';
import { positiveInt, useUrlParams } from '../../lib/searchParams';
import { ReportStatusTag } from '../reports/labels';
import { defaultReportYear } from '../reports/ReportsPage';
import { useConference, useJob, useStartJob } from './api';

const EChart = lazy(() => import('../../components/EChart'));
type Pair = z.infer<typeof ConferenceResponse>['pairs'][number];
const COUNT_KEYS: (keyof ConferenceCounts)[] = [
  'symposia',
  'consultations',
  'suggestions',
  'invitationsDeptToCp',
  'invitationsCpToDept',
  'notices',
  'research',
  'services',
];
const pct = (r: number | null) => (r === null ? '—' : `${Math.round(r * 100)}%`);

/** A pack built on the server as a job: start it, watch its progress, download the result. */
function PackButton({
  type,
  year,
  icon,
  text,
}: {
  type: JobType;
  year: number;
  icon: React.ReactNode;
  text: string;
}) {
  const { t } = useTranslation();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartJob((id) => setJobId(id));
  const job = useJob(jobId);
  const j = job.data;
  const url =
    j?.status === 'done'
      ? j.resultUrl?.startsWith('/api/v1/jobs/')
        ? j.resultUrl
        : `/api/v1/jobs/${j.id}/result`
      : null;
  return (
    <Space orientation="vertical" size={4} style={{ minWidth: 220 }} data-testid={`pack-${type}`}>
      <Button
        icon={icon}
        loading={start.isPending || (j !== undefined && (j.status === 'queued' || j.status === 'running'))}
        onClick={() => {
          setJobId(null);
          start.mutate({ type, year });
        }}
      >
        {text}
      </Button>
      {j ? (
        <Progress
          percent={j.progress}
          aria-label={`${j.progress}%`}
          size="small"
          status={j.status === 'failed' ? 'exception' : j.status === 'done' ? 'success' : 'active'}
          data-testid="pack-progress"
        />
      ) : null}
      {j?.message && j.status !== 'done' ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {j.message}
        </Typography.Text>
      ) : null}
      {url ? (
        <Button type="link" href={url} download style={{ padding: 0 }} data-testid="pack-download">
          {t('conference.download')}
        </Button>
      ) : null}
      {j?.status === 'failed' ? (
        <Typography.Text type="danger">{j.error ?? t('conference.failed')}</Typography.Text>
      ) : null}
      {start.isError ? <Typography.Text type="danger">{errorText(start.error)}</Typography.Text> : null}
    </Space>
  );
}

/** 全区对口联系工作会议: every pair's year in one view, with charts; the pack as .docx / .xlsx. */
export default function ConferencePage() {
  const { t } = useTranslation();
  const [params, setParam] = useUrlParams();
  const year = positiveInt(params.get('year')) ?? defaultReportYear();
  const data = useConference(year, true);
  const c = data.data;

  const chart = useMemo(() => {
    if (!c) return null;
    const pairs = c.pairs;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        data: pairs.map((p) => `${p.department.name}—${p.counterpart.name}`),
        axisLabel: { width: 200, overflow: 'truncate' },
      },
      series: COUNT_KEYS.map((k) => ({
        name: t(`conference.counts.${k}`),
        type: 'bar',
        stack: 'all',
        barMaxWidth: 16,
        data: pairs.map((p) => p.counts[k]),
      })),
    };
  }, [c, t]);

  const columns: TableColumnsType<Pair> = [
    {
      title: t('conference.pair'),
      key: 'pair',
      fixed: 'left',
      render: (_, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {p.department.name} — {p.counterpart.name}
          {p.empty ? (
            <Tag color="red" style={{ marginInlineStart: 4 }}>
              {t('conference.empty')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    ...COUNT_KEYS.map((k) => ({
      title: t(`conference.counts.${k}`),
      key: k,
      align: 'center' as const,
      render: (_: unknown, p: Pair) => p.counts[k],
    })),
    {
      title: t('conference.deptScore'),
      key: 'ds',
      align: 'center',
      render: (_, p) => p.departmentScore ?? '—',
    },
    {
      title: t('conference.cpScore'),
      key: 'cs',
      align: 'center',
      render: (_, p) => p.counterpartScore ?? '—',
    },
  ];

  return (
    <PageCard title={t('conference.title')}>
      <div className="liaison-toolbar">
        <YearSelect value={year} onChange={(v) => setParam({ year: v })} testId="conference-year" />
      </div>
      <Space wrap align="start" style={{ marginBottom: 16 }}>
        <PackButton
          type="conference-pack-docx"
          year={year}
          icon={<FileWordOutlined />}
          text={t('conference.buildDocx')}
        />
        <PackButton
          type="conference-pack-xlsx"
          year={year}
          icon={<FileExcelOutlined />}
          text={t('conference.buildXlsx')}
        />
        <PackButton
          type="annual-reports-docx"
          year={year}
          icon={<FileWordOutlined />}
          text={t('conference.buildReports')}
        />
        <Link to={`/conference/${year}/print`} data-testid="conference-print">
          <Button icon={<PrinterOutlined />}>{t('print.open')}</Button>
        </Link>
      </Space>
      <QueryStatus query={data} />
      {c ? (
        <div data-testid="conference-view">
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            {COUNT_KEYS.map((k) => (
              <Col key={k} xs={12} md={6} lg={3}>
                <Statistic title={t(`conference.counts.${k}`)} value={c.totals[k]} />
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={24} md={8}>
              <Card size="small" title={t('conference.replies')}>
                <Space orientation="vertical" size={2}>
                  <span>
                    {t('conference.matters')}：{c.consultation.matters}
                  </span>
                  <span>
                    {t('conference.suggestions')}：{c.consultation.suggestions}，{t('conference.replied')}{' '}
                    {c.consultation.replied}
                  </span>
                  <span>
                    {t('conference.onTimeRate')}：{pct(c.consultation.onTimeRate)}
                  </span>
                  <span>
                    {t('conference.adoptionRate')}：{pct(c.consultation.adoptionRate)}
                  </span>
                  <span>
                    {t('conference.satisfactionRate')}：{pct(c.consultation.satisfactionRate)}
                  </span>
                </Space>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title={t('conference.plans')}>
                <Space orientation="vertical" size={2}>
                  <span>{t('conference.withPlan', { n: c.plans.withPlan, total: c.plans.departments })}</span>
                  <span>{t('conference.planItems', { done: c.plans.done, total: c.plans.items })}</span>
                  <span>{t('conference.planOverdue', { n: c.plans.overdue })}</span>
                </Space>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title={t('conference.reports')}>
                <Space wrap size={4}>
                  {REPORT_STATUSES.map((s) => (
                    <span key={s}>
                      <ReportStatusTag status={s} />
                      {c.reports.counts[s] ?? 0}
                    </span>
                  ))}
                </Space>
                <div>{t('conference.submittedLate', { n: c.reports.submittedLate })}</div>
              </Card>
            </Col>
          </Row>
          {chart ? (
            <Suspense fallback={<Skeleton active />}>
              <EChart
                option={chart}
                height={Math.max(260, c.pairs.length * 24 + 80)}
                testId="conference-chart"
              />
            </Suspense>
          ) : null}
          <DetailTable<Pair>
            rowKey={(p) => `${p.department.id}-${p.counterpart.id}`}
            bordered
            columns={columns}
            dataSource={[
              ...c.pairs,
              // suggestions from a counterpart not paired with the department: their own rows, so the
              // suggestions column adds up to the total
              ...c.others.map((o) => ({
                department: o.department,
                counterpart: {
                  ...o.counterpart,
                  name: t('conference.unpaired', { name: o.counterpart.name }),
                },
                counts: {
                  ...Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])),
                  suggestions: o.suggestions,
                } as ConferenceCounts,
                empty: false,
                departmentScore: null,
                counterpartScore: null,
              })),
            ]}
            style={{ marginTop: 16 }}
            data-testid="conference-pairs"
          />
          <Card
            size="small"
            title={t('conference.unitsWithNothing', { n: c.unitsWithNothing.length })}
            style={{ marginTop: 16 }}
          >
            {c.unitsWithNothing.length === 0
              ? t('conference.none')
              : c.unitsWithNothing.map((u) => (
                  <Tag key={u.id} color="red">
                    {u.name}
                  </Tag>
                ))}
          </Card>
          <Card
            size="small"
            title={t('conference.evaluations', { n: c.evaluations.count })}
            style={{ marginTop: 16 }}
          >
            <Space wrap>
              <span>
                {t('conference.avgDept')}：{c.evaluations.averageOfDepartments?.toFixed(1) ?? '—'}
              </span>
              <span>
                {t('conference.avgCp')}：{c.evaluations.averageOfCounterparts?.toFixed(1) ?? '—'}
              </span>
            </Space>
          </Card>
        </div>
      ) : null}
    </PageCard>
  );
}
