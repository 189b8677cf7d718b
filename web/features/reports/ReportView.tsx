import {
  ArrowLeftOutlined,
  CheckOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ReportDto, ReportSectionDto } from '../../../common/schemas/reports';
import { ActionBar } from '../../components/ActionBar';
import { ExportButton } from '../../components/ExportButton';
import { useCurrentUser } from '../../components/guards';
import { PageTitle } from '../../components/PageCard';
import { ErrorAlert, QueryStatus } from '../../components/QueryStatus';
import { ReasonModal } from '../../components/ReasonModal';
import { YearSelect } from '../../components/YearSelect';
import { yearInForce } from '../../components/years';
import { preWrap as pre } from '../../lib/styles';
import { reportApi, useReport, useReportMutation } from './api';
import { DaysLeft, ReportStatusTag } from './labels';
import { ReportComments } from './ReportComments';
import { MutualEvaluation } from './ReportExtras';
import { ReportSectionCard } from './ReportSectionCard';
import { ReportVersions } from './ReportVersions';

type SectionKey = ReportSectionDto['key'];

/** One department's 附件3 for a year: header, the seven sections, review, comments and versions. */
export default function ReportView({ departmentId, year }: { departmentId: number; year: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const query = useReport(departmentId, year);
  return (
    <Card
      title={
        <Space wrap>
          {user.role !== 'department' ? (
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              aria-label={t('reports.backToList')}
              onClick={() => navigate(`/reports?year=${year}`)}
            />
          ) : null}
          <PageTitle>{t('reports.formTitle', { year })}</PageTitle>
          {query.data ? <ReportStatusTag status={query.data.status} /> : null}
        </Space>
      }
    >
      <QueryStatus query={query} />
      {query.data ? <Report report={query.data} /> : null}
    </Card>
  );
}

function Report({ report }: { report: ReportDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const a = report.abilities;
  const d = report.department.id;
  const y = report.year;
  const [drafts, setDrafts] = useState<Partial<Record<SectionKey, string | null>>>({});
  const [editing, setEditing] = useState<Partial<Record<SectionKey, boolean>>>({});
  const [returning, setReturning] = useState(false);
  const [commentError, setCommentError] = useState<unknown>(null);
  const dirty = Object.keys(drafts).length > 0;

  const sectionsBody = () => ({
    sections: Object.fromEntries(
      Object.entries(drafts).map(([k, v]) => [k, v === null ? null : (v ?? '').trim() || null]),
    ),
  });
  const done = (text: string) => () => {
    setDrafts({});
    setEditing({});
    message.success(text);
  };
  const save = useReportMutation(() => reportApi.save(d, y, sectionsBody()));
  const submit = useReportMutation(() => reportApi.submit(d, y, dirty ? sectionsBody() : {}));
  const accept = useReportMutation(() => reportApi.accept(d, y, null));
  const ret = useReportMutation((c: string) => reportApi.ret(d, y, c));
  const error = save.error ?? submit.error ?? accept.error ?? commentError;
  const h = report.header;
  const person = (p: { name: string; phone: string | null } | null) =>
    p ? `${p.name}${p.phone ? `（${p.phone}）` : ''}` : '—';

  return (
    <div data-testid="report-view">
      <ActionBar
        style={{ marginBottom: 12 }}
        actions={[
          {
            key: 'save',
            show: a.canEdit,
            label: t('common.save'),
            icon: <SaveOutlined />,
            disabled: !dirty,
            loading: save.isPending,
            onClick: () => save.mutate(undefined, { onSuccess: done(t('common.saved')) }),
            testId: 'report-save',
          },
          {
            key: 'submit',
            show: a.canSubmit,
            label: report.status === 'returned' ? t('reports.resubmit') : t('reports.submit'),
            icon: <SendOutlined />,
            primary: true,
            loading: submit.isPending,
            confirm: t('reports.submitConfirm'),
            onClick: () => submit.mutate(undefined, { onSuccess: done(t('reports.submitted')) }),
            testId: 'report-submit',
          },
          {
            key: 'accept',
            show: a.canReview,
            label: t('reports.accept'),
            icon: <CheckOutlined />,
            primary: true,
            loading: accept.isPending,
            confirm: t('reports.acceptConfirm'),
            onClick: () => accept.mutate(undefined, { onSuccess: done(t('reports.acceptedMsg')) }),
            testId: 'report-accept',
          },
          {
            key: 'return',
            show: a.canReview,
            label: t('reports.return'),
            icon: <RollbackOutlined />,
            danger: true,
            onClick: () => setReturning(true),
            testId: 'report-return',
          },
        ]}
      >
        <ExportButton
          url="/api/v1/documents/annual-report.docx"
          query={{ year: y, departmentId: d }}
          testId="report-docx"
        >
          {t('reports.downloadDocx')}
        </ExportButton>
        <Link to={`/reports/${d}/${y}/print`} data-testid="report-print">
          <Button icon={<PrinterOutlined />}>{t('print.open')}</Button>
        </Link>
        {user.role === 'department' ? (
          <YearSelect
            label={false}
            value={y}
            years={[y + 1, y, y - 1, y - 2].filter((x) => x <= yearInForce())}
            onChange={(v) => navigate(`/reports/${d}/${v}`)}
          />
        ) : null}
      </ActionBar>
      <ErrorAlert error={error} style={{ marginBottom: 12 }} />
      {report.status === 'returned' && report.returnComment ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reports.returnedWith')}
          description={
            <span style={pre} data-testid="report-return-comment">
              {report.returnComment}
            </span>
          }
        />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'dep', label: t('reports.department'), children: report.department.name },
          { key: 'date', label: t('reports.date'), children: h.date },
          {
            key: 'cps',
            label: t('reports.counterparts'),
            span: 'filled',
            children: h.counterparts.map((c) => c.name).join('、') || '—',
          },
          { key: 'leader', label: t('reports.leader'), children: person(h.leader) },
          { key: 'liaison', label: t('reports.liaison'), children: person(h.liaison) },
          {
            key: 'deadline',
            label: t('reports.deadline'),
            children: (
              <Space>
                {report.deadline}
                <DaysLeft item={report} />
              </Space>
            ),
          },
          { key: 'version', label: t('reports.version'), children: report.version },
        ]}
      />
      <Space orientation="vertical" style={{ width: '100%' }} size={12}>
        {report.sections.map((s, i) => (
          <ReportSectionCard
            key={s.key}
            section={s}
            index={i}
            draft={drafts[s.key]}
            isEditing={editing[s.key] ?? false}
            canEdit={a.canEdit}
            onDraft={(draft) => setDrafts((x) => ({ ...x, [s.key]: draft }))}
            onEditing={(on) => setEditing((x) => ({ ...x, [s.key]: on }))}
          />
        ))}
      </Space>

      <ReportComments report={report} onError={setCommentError} />

      <ReportVersions report={report} />

      <ReasonModal
        open={returning}
        title={t('reports.returnTitle', { name: report.department.name })}
        label={t('reports.returnComment')}
        okText={t('reports.return')}
        danger
        testId="report-return-input"
        onSubmit={(c) => ret.mutateAsync(c ?? '')}
        onClose={() => setReturning(false)}
      />
      {user.role === 'department' && user.organisation.id === d ? <MutualEvaluation year={y} /> : null}
    </div>
  );
}
