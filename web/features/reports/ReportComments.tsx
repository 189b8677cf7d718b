import { App, Button, Card, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportSectionTitle } from '../../../common/report-prose';
import { CommentReportRequest, type ReportDto, type ReportSectionDto } from '../../../common/schemas/reports';
import { formatDateTime } from '../../components/format';
import { schemaRules } from '../../components/formRules';
import { preWrap as pre } from '../../lib/styles';
import { reportApi, useReportMutation } from './api';

type SectionKey = ReportSectionDto['key'];

/** The comments on a report, and a new one (on the whole or on a section) where allowed. */
export function ReportComments({
  report,
  onError,
}: {
  report: ReportDto;
  onError: (error: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const a = report.abilities;
  const [comment, setComment] = useState('');
  const [commentSection, setCommentSection] = useState<SectionKey | undefined>(undefined);
  const rules = schemaRules(CommentReportRequest, t);
  const addComment = useReportMutation(() =>
    reportApi.comment(report.department.id, report.year, {
      body: comment.trim(),
      sectionKey: commentSection ?? null,
    }),
  );
  const sectionTitle = useMemo(
    () => new Map(report.sections.map((s) => [s.key, reportSectionTitle(s.key, s.title, lang)])),
    [report.sections, lang],
  );
  return (
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
            aria-label={t('reports.commentWhole')}
            value={commentSection}
            onChange={setCommentSection}
            options={report.sections.map((s) => ({
              value: s.key,
              label: reportSectionTitle(s.key, s.title, lang),
            }))}
          />
          <Input.TextArea
            rows={3}
            maxLength={rules.max('body')}
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
                  onError(null);
                  message.success(t('reports.commented'));
                },
                onError,
              })
            }
            data-testid="report-comment-add"
          >
            {t('reports.addComment')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}
