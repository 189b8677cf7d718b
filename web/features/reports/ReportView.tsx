import {
  ArrowLeftOutlined,
  CheckOutlined,
  EditOutlined,
  FileWordOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SaveOutlined,
  SendOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Descriptions,
  Empty,
  Input,
  List,
  Modal,
  Popconfirm,
  Popover,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ReportDto, ReportSectionDto, SentenceDto } from '../../../common/schemas/reports';
import { errorText, withQuery } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { ReasonModal } from '../../components/ReasonModal';
import { reportApi, useReport, useReportMutation, useReportVersion } from './api';
import { DaysLeft, ReportStatusTag } from './labels';
import { MutualEvaluation } from './ReportExtras';

const pre = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const };
type SectionKey = ReportSectionDto['key'];

/** Where a sentence's record opens in the app. */
function sourcePath(source: SentenceDto['sources'][number]): string {
  switch (source.type) {
    case 'ledger':
      return `/ledger?record=${source.id}`;
    case 'consultation':
      return `/consultations/matters/${source.id}`;
    case 'suggestion':
      return `/consultations/items/${source.id}`;
    default:
      return '/plans';
  }
}

/** The generated text, each sentence clickable to the records it was written from. */
function Sentences({ sentences }: { sentences: SentenceDto[] }) {
  const { t } = useTranslation();
  if (sentences.length === 0)
    return <Typography.Text type="secondary">{t('reports.nothingGenerated')}</Typography.Text>;
  return (
    <span style={pre}>
      {sentences.map((s, i) =>
        s.sources.length > 0 ? (
          <Popover
            // biome-ignore lint/suspicious/noArrayIndexKey: the sentences of a text have no other identity
            key={i}
            trigger="click"
            title={t('reports.sources', { count: s.sources.length })}
            content={
              <List
                size="small"
                style={{ maxWidth: 320, maxHeight: 300, overflow: 'auto' }}
                dataSource={s.sources}
                renderItem={(src) => (
                  <List.Item>
                    <Link to={sourcePath(src)} data-testid="sentence-source">
                      {t(`reports.sourceTypes.${src.type}`)} #{src.id}
                    </Link>
                  </List.Item>
                )}
              />
            }
          >
            <span className="liaison-sentence" data-testid="sentence">
              {s.text}
            </span>
          </Popover>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the sentences of a text have no other identity
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

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
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('reports.formTitle', { year })}
          </Typography.Title>
          {query.data ? <ReportStatusTag status={query.data.status} /> : null}
        </Space>
      }
    >
      {query.isPending ? <Skeleton active /> : null}
      {query.isError ? <Alert type="error" showIcon title={errorText(query.error)} /> : null}
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
  const [version, setVersion] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [commentSection, setCommentSection] = useState<SectionKey | undefined>(undefined);
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
  const addComment = useReportMutation(() =>
    reportApi.comment(d, y, { body: comment.trim(), sectionKey: commentSection ?? null }),
  );
  const error = save.error ?? submit.error ?? accept.error ?? addComment.error;
  const sectionTitle = useMemo(
    () => new Map(report.sections.map((s) => [s.key, s.title])),
    [report.sections],
  );

  const h = report.header;
  const person = (p: { name: string; phone: string | null } | null) =>
    p ? `${p.name}${p.phone ? `（${p.phone}）` : ''}` : '—';

  return (
    <div data-testid="report-view">
      <Space wrap style={{ marginBottom: 12 }}>
        {a.canEdit ? (
          <Button
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate(undefined, { onSuccess: done(t('common.saved')) })}
            data-testid="report-save"
          >
            {t('common.save')}
          </Button>
        ) : null}
        {a.canSubmit ? (
          <Popconfirm
            title={t('reports.submitConfirm')}
            onConfirm={() => submit.mutate(undefined, { onSuccess: done(t('reports.submitted')) })}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              loading={submit.isPending}
              data-testid="report-submit"
            >
              {report.status === 'returned' ? t('reports.resubmit') : t('reports.submit')}
            </Button>
          </Popconfirm>
        ) : null}
        {a.canReview ? (
          <>
            <Popconfirm
              title={t('reports.acceptConfirm')}
              onConfirm={() => accept.mutate(undefined, { onSuccess: done(t('reports.acceptedMsg')) })}
            >
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={accept.isPending}
                data-testid="report-accept"
              >
                {t('reports.accept')}
              </Button>
            </Popconfirm>
            <Button
              danger
              icon={<RollbackOutlined />}
              onClick={() => setReturning(true)}
              data-testid="report-return"
            >
              {t('reports.return')}
            </Button>
          </>
        ) : null}
        <Button
          icon={<FileWordOutlined />}
          href={withQuery('/api/v1/documents/annual-report.docx', { year: y, departmentId: d })}
          download
          data-testid="report-docx"
        >
          {t('reports.downloadDocx')}
        </Button>
        <Link to={`/reports/${d}/${y}/print`} data-testid="report-print">
          <Button icon={<PrinterOutlined />}>{t('print.open')}</Button>
        </Link>
        {user.role === 'department' ? (
          <Select
            style={{ width: 110 }}
            value={y}
            options={[y + 1, y, y - 1, y - 2]
              .filter((x) => x <= new Date().getFullYear())
              .map((x) => ({ value: x, label: t('common.yearSuffix', { year: x }) }))}
            onChange={(v: number) => navigate(`/reports/${d}/${v}`)}
          />
        ) : null}
      </Space>
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} /> : null}
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
        {report.sections.map((s, i) => {
          const draft = drafts[s.key];
          const isEditing = editing[s.key] ?? false;
          const changed = draft !== undefined;
          const edited = changed ? draft !== null : s.edited;
          const generatedChanged =
            s.edited && s.generatedWhenSaved !== null && s.generatedWhenSaved !== s.generated.text;
          return (
            <Card
              key={s.key}
              size="small"
              data-testid={`section-${s.key}`}
              title={
                <Space wrap>
                  <span>
                    {i + 1}. {s.title}
                  </span>
                  {edited ? (
                    <Tag color="blue">{t('reports.edited')}</Tag>
                  ) : (
                    <Tag>{t('reports.generated')}</Tag>
                  )}
                  {changed ? <Tag color="orange">{t('reports.unsaved')}</Tag> : null}
                </Space>
              }
              extra={
                a.canEdit ? (
                  <Space size={4}>
                    {edited ? (
                      <Button
                        size="small"
                        icon={<UndoOutlined />}
                        onClick={() => {
                          setDrafts((x) => ({ ...x, [s.key]: null }));
                          setEditing((x) => ({ ...x, [s.key]: false }));
                        }}
                      >
                        {t('reports.useGenerated')}
                      </Button>
                    ) : null}
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing((x) => ({ ...x, [s.key]: !isEditing }))}
                      data-testid={`section-edit-${s.key}`}
                    >
                      {isEditing ? t('reports.doneEditing') : t('common.edit')}
                    </Button>
                  </Space>
                ) : null
              }
            >
              {isEditing ? (
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 16 }}
                  maxLength={20000}
                  value={draft ?? (draft === null ? s.generated.text : s.text)}
                  onChange={(e) => setDrafts((x) => ({ ...x, [s.key]: e.target.value }))}
                  data-testid={`section-text-${s.key}`}
                />
              ) : changed ? (
                <Typography.Paragraph style={pre}>{draft ?? s.generated.text}</Typography.Paragraph>
              ) : s.edited ? (
                <Typography.Paragraph style={pre} data-testid={`section-view-${s.key}`}>
                  {s.text}
                </Typography.Paragraph>
              ) : (
                <Typography.Paragraph data-testid={`section-view-${s.key}`}>
                  <Sentences sentences={s.generated.sentences} />
                </Typography.Paragraph>
              )}
              {edited || isEditing ? (
                <Collapse
                  size="small"
                  ghost
                  items={[
                    {
                      key: 'generated',
                      label: generatedChanged ? t('reports.generatedChanged') : t('reports.showGenerated'),
                      children: <Sentences sentences={s.generated.sentences} />,
                    },
                  ]}
                />
              ) : null}
            </Card>
          );
        })}
      </Space>

      <Card size="small" title={t('reports.comments')} style={{ marginTop: 16 }}>
        <List
          size="small"
          dataSource={report.comments}
          locale={{ emptyText: t('reports.noComments') }}
          data-testid="report-comments"
          renderItem={(c) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <span>{c.organisation.name}</span>
                    {c.author ? <Typography.Text type="secondary">{c.author}</Typography.Text> : null}
                    {c.sectionKey ? <Tag>{sectionTitle.get(c.sectionKey)}</Tag> : null}
                  </Space>
                }
                description={
                  <>
                    <div style={{ ...pre, color: 'rgba(0,0,0,0.88)' }}>{c.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(c.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
        {a.canComment ? (
          <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
            <Select<SectionKey>
              allowClear
              style={{ width: '100%', maxWidth: 320 }}
              placeholder={t('reports.commentWhole')}
              value={commentSection}
              onChange={setCommentSection}
              options={report.sections.map((s) => ({ value: s.key, label: s.title }))}
            />
            <Input.TextArea
              rows={3}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="report-comment-text"
            />
            <Button
              disabled={!comment.trim()}
              loading={addComment.isPending}
              onClick={() =>
                addComment.mutate(undefined, {
                  onSuccess: () => {
                    setComment('');
                    message.success(t('reports.commented'));
                  },
                })
              }
              data-testid="report-comment-add"
            >
              {t('reports.addComment')}
            </Button>
          </Space>
        ) : null}
      </Card>

      <Card size="small" title={t('reports.versions')} style={{ marginTop: 16 }}>
        {report.versions.length === 0 ? (
          <Empty description={t('reports.noVersions')} />
        ) : (
          <Timeline
            data-testid="report-versions"
            items={report.versions.map((v) => ({
              key: v.version,
              color: v.action === 'returned' ? 'red' : v.action === 'accepted' ? 'green' : 'blue',
              content: (
                <div>
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => setVersion(v.version)}
                  >
                    {t('reports.versionN', { n: v.version })} · {t(`reports.actions.${v.action}`)}
                  </Button>
                  <div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(v.at)}
                      {v.actor ? ` · ${v.actor}` : ''}
                    </Typography.Text>
                  </div>
                  {v.note ? <div style={pre}>{v.note}</div> : null}
                </div>
              ),
            }))}
          />
        )}
      </Card>

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
      {version !== null ? (
        <VersionModal departmentId={d} year={y} version={version} onClose={() => setVersion(null)} />
      ) : null}
      {user.role === 'department' && user.organisation.id === d ? <MutualEvaluation year={y} /> : null}
    </div>
  );
}

function VersionModal({
  departmentId,
  year,
  version,
  onClose,
}: {
  departmentId: number;
  year: number;
  version: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const query = useReportVersion(departmentId, year, version);
  return (
    <Modal open title={t('reports.versionN', { n: version })} onCancel={onClose} footer={null} width={760}>
      {query.isPending ? <Skeleton active /> : null}
      {query.isError ? <Alert type="error" showIcon title={errorText(query.error)} /> : null}
      {query.data
        ? query.data.sections.map((s) => (
            <div key={s.key} style={{ marginBottom: 12 }}>
              <Typography.Text strong>{s.title}</Typography.Text>
              <Typography.Paragraph style={pre}>{s.text}</Typography.Paragraph>
            </div>
          ))
        : null}
    </Modal>
  );
}
