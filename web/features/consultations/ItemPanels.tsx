import { Card, Descriptions, Space, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExtensionDto, ItemScreenResponse, ReplyDto } from '../../../common/schemas/consultations';
import { formatDateTime } from '../../components/format';
import { preWrap as pre } from '../../lib/styles';
import { MatterKindTag, ReplyClassTag, VerdictTag, ViolationTag } from './labels';

/** The matter an item answers: title, kind, department, symposium, summary and minutes. */
export function ItemMatterCard({ matter }: { matter: ItemScreenResponse['matter'] }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('consultations.matter')}
      extra={<Link to={`/consultations/matters/${matter.id}`}>{t('consultations.openMatter')}</Link>}
    >
      <Typography.Paragraph strong style={pre}>
        {matter.title}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 8 }}>
        <MatterKindTag kind={matter.kind} />
        {matter.violation ? <ViolationTag /> : null}
      </Space>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'd', label: t('consultations.department'), children: matter.department.name },
          {
            key: 's',
            label: t('consultations.symposium'),
            children: matter.symposium.heldAt
              ? `${formatDateTime(matter.symposium.heldAt)} ${matter.symposium.place ?? ''}`
              : t(`consultations.symposiumStatuses.${matter.symposium.status}`),
          },
          {
            key: 'sum',
            label: t('consultations.summary'),
            children: <span style={pre}>{matter.summary || '—'}</span>,
          },
          {
            key: 'min',
            label: t('consultations.minutes'),
            children: (
              <span style={pre} data-testid="item-matter-minutes">
                {matter.symposium.minutes || '—'}
              </span>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** What happened to an item, oldest first. */
export function ItemTimeline({ timeline }: { timeline: ItemScreenResponse['timeline'] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('consultations.timeline')} style={{ marginTop: 16 }}>
      <Timeline
        data-testid="item-timeline"
        items={timeline.map((e) => ({
          key: e.id,
          color:
            e.action === 'verdict' || e.action === 'reopened'
              ? 'red'
              : e.action === 'closed'
                ? 'green'
                : 'blue',
          content: (
            <div>
              <Typography.Text strong>{t(`consultations.events.${e.action}`)}</Typography.Text>
              {e.stage ? (
                <Tag style={{ marginInlineStart: 6 }}>{t(`consultations.stages.${e.stage}`)}</Tag>
              ) : null}
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                  {e.actor ? ` · ${e.actor}` : ''}
                  {e.round > 1 ? ` · ${t('consultations.roundN', { n: e.round })}` : ''}
                </Typography.Text>
              </div>
              {e.note ? <div style={pre}>{e.note}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

/** One round's reply with its verdict. */
export function ReplyCard({ reply }: { reply: ReplyDto }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      type="inner"
      data-testid="reply-card"
      title={
        <Space wrap>
          <span>{t('consultations.roundN', { n: reply.round })}</span>
          <ReplyClassTag value={reply.replyClass} />
          {reply.onTime ? (
            <Tag color="success">{t('consultations.onTime')}</Tag>
          ) : (
            <Tag color="red">{t('consultations.late')}</Tag>
          )}
        </Space>
      }
    >
      <Typography.Paragraph style={pre}>{reply.text}</Typography.Paragraph>
      {reply.reason ? (
        <Typography.Paragraph style={pre}>
          <Typography.Text strong>{t('consultations.reason')}：</Typography.Text>
          {reply.reason}
        </Typography.Paragraph>
      ) : null}
      {reply.analysis !== null ? (
        <Typography.Paragraph type="secondary" style={pre}>
          <Typography.Text strong type="secondary">
            {t('consultations.analysisInternal')}：
          </Typography.Text>
          {reply.analysis}
        </Typography.Paragraph>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('consultations.repliedOn', { on: reply.repliedOn, due: reply.dueDate })}
        {reply.repliedBy ? ` · ${reply.repliedBy}` : ''}
      </Typography.Text>
      {reply.verdict ? (
        <div style={{ marginTop: 8 }}>
          <VerdictTag value={reply.verdict} />
          {reply.verdictComment ? <span style={pre}>{reply.verdictComment}</span> : null}
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
            {formatDateTime(reply.verdictAt)}
          </Typography.Text>
        </div>
      ) : null}
    </Card>
  );
}

/** An extension request and how it was decided. */
export function ExtensionLine({ ext }: { ext: ExtensionDto }) {
  const { t } = useTranslation();
  const color =
    ext.status === 'granted'
      ? 'success'
      : ext.status === 'refused'
        ? 'error'
        : ext.status === 'requested'
          ? 'processing'
          : 'default';
  return (
    <div style={{ marginTop: 8 }} data-testid="extension-line">
      <Tag color={color}>{t(`consultations.extensionStatuses.${ext.status}`)}</Tag>
      <span style={pre}>
        {t('consultations.extensionLine', { days: ext.daysRequested, before: ext.dueBefore })}
        {ext.dueAfter ? ` → ${ext.dueAfter}` : ''}：{ext.reason}
      </span>
      {ext.decisionNote ? <div style={{ ...pre, color: '#666' }}>{ext.decisionNote}</div> : null}
    </div>
  );
}
