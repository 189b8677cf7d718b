import { BellOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, type TableColumnsType, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import type { ReportStatusItem } from '../../../common/schemas/reports';
import { shanghaiDate } from '../../../common/shanghai-time';
import { hasPermission } from '../../access';
import { ExportButton } from '../../components/ExportButton';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { ListPage } from '../../components/ListPage';
import { ErrorAlert } from '../../components/QueryStatus';
import { YearSelect } from '../../components/YearSelect';
import { yearInForce } from '../../components/years';
import { positiveInt } from '../../lib/searchParams';
import { reportApi, useReportList } from './api';
import { DaysLeft, ReportStatusTag } from './labels';
import { MutualEvaluation, ReportDeadline } from './ReportExtras';

const ReportView = lazy(() => import('./ReportView'));

/** The year a report is about by default: last year's in January (due late January), else this year's draft. */
export function defaultReportYear(now: Date = new Date()): number {
  const year = yearInForce(now);
  return shanghaiDate(now.toISOString()).slice(5, 7) === '01' ? year - 1 : year;
}

/** 年度报告 (附件3): /reports (the list, or one's own), /reports/:departmentId/:year (one report). */
export default function ReportsPage() {
  const user = useCurrentUser();
  const params = useParams();
  const [search] = useSearchParams();
  const [depPart, yearPart] = (params['*'] ?? '').split('/');
  const departmentId = positiveInt(depPart);
  const year = positiveInt(yearPart);
  if (departmentId !== undefined && year !== undefined && year > 1948) {
    return (
      <Suspense fallback={null}>
        <ReportView key={`${departmentId}-${year}`} departmentId={departmentId} year={year} />
      </Suspense>
    );
  }
  const y = positiveInt(search.get('year')) ?? defaultReportYear();
  // a department's own report is the page
  if (user.role === 'department') return <Navigate to={`/reports/${user.organisation.id}/${y}`} replace />;
  return <ReportBoard year={y} />;
}

function ReportBoard({ year }: { year: number }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const review = hasPermission(user, 'reports:review');
  const list = useReportList(year, review);
  const remind = useMutation({
    mutationFn: () => reportApi.remind(year),
    onSuccess: (r) =>
      message.success(t('reports.reminded', { notified: r.notified, departments: r.departments.length })),
  });
  const counts = list.data?.counts;

  const columns: TableColumnsType<ReportStatusItem> = [
    {
      title: t('reports.department'),
      key: 'department',
      render: (_, r) => (
        <Link to={`/reports/${r.department.id}/${year}`} data-testid="report-link">
          {r.department.name}
        </Link>
      ),
    },
    { title: t('common.status'), key: 'status', render: (_, r) => <ReportStatusTag status={r.status} /> },
    { title: t('reports.deadline'), dataIndex: 'deadline' },
    { title: t('reports.daysLeft'), key: 'days', render: (_, r) => <DaysLeft item={r} /> },
    {
      title: t('reports.submittedAt'),
      key: 'submitted',
      render: (_, r) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(r.submittedAt) || '—'}
          {r.submittedLate ? (
            <Tag color="orange" style={{ marginInlineStart: 4 }}>
              {t('reports.late')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      title: t('reports.acceptedAt'),
      key: 'accepted',
      render: (_, r) => formatDateTime(r.acceptedAt) || '—',
    },
  ];

  return (
    <ListPage<ReportStatusItem>
      title={t('reports.title')}
      toolbar={
        <>
          <YearSelect
            value={year}
            onChange={(v) => navigate(`/reports?year=${v}`, { replace: true })}
            testId="reports-year"
          />
          {review ? <ReportDeadline year={year} /> : null}
          <div className="liaison-toolbar-spacer" />
          {review ? (
            <Button
              icon={<BellOutlined />}
              loading={remind.isPending}
              onClick={() => remind.mutate()}
              data-testid="reports-remind"
            >
              {t('reports.remind')}
            </Button>
          ) : null}
          <ExportButton url="/api/v1/documents/annual-report.docx" query={{ year, all: '1' }}>
            {t('reports.downloadAllDocx')}
          </ExportButton>
          <ExportButton url="/api/v1/reports/export.xlsx" query={{ year }}>
            {t('pairings.exportXlsx')}
          </ExportButton>
        </>
      }
      header={<ErrorAlert error={remind.error} style={{ marginBottom: 12 }} />}
      list={list}
      notice={
        counts ? (
          <Space wrap style={{ marginBottom: 12 }} data-testid="reports-counts">
            {(['not_started', 'draft', 'submitted', 'returned', 'accepted'] as const).map((s) => (
              <span key={s}>
                <ReportStatusTag status={s} /> {counts[s] ?? 0}
              </span>
            ))}
          </Space>
        ) : null
      }
      pageSize={false}
      table={{
        rowKey: (r) => r.department.id,
        columns,
        'data-testid': 'reports-table',
      }}
    >
      {user.role === 'counterpart' ? <MutualEvaluation year={year} /> : null}
    </ListPage>
  );
}
