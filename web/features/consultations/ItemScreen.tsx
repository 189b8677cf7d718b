import {
  ArrowLeftOutlined,
  CheckOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  LikeOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { ExtensionDto, ItemScreenResponse, ReplyDto } from '../../../common/schemas/consultations';
import { OptionalText, Text } from '../../../common/schemas/shared';
import { errorText } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { blankToNull, zodRule } from '../../components/formRules';
import { consultationApi, useItemMutation, useItemScreen } from './api';
import { FormModal } from './FormModal';
import {
  DueTag,
  ItemStatusTag,
  MatterKindTag,
  ReplyClassTag,
  useConsultationLabels,
  VerdictTag,
  ViolationTag,
} from './labels';

const pre = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const };

type Action = 'analysis' | 'reply' | 'extension' | 'grant' | 'refuse' | 'verdict' | 'close' | null;

/** The reply screen: the matter with its minutes, the item, every round's reply, extensions and the timeline. */
export default function ItemScreen({ id }: { id: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screen = useItemScreen(id);
  return (
    <Card
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('/consultations/items')}
            aria-label={t('consultations.backToItems')}
          />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('consultations.item')}
          </Typography.Title>
        </Space>
      }
    >
      {screen.isPending ? <Skeleton active /> : null}
      {screen.isError ? <Alert type="error" showIcon title={errorText(screen.error)} /> : null}
      {screen.data ? <Screen data={screen.data} /> : null}
    </Card>
  );
}

function Screen({ data }: { data: ItemScreenResponse }) {
  const { t } = useTranslation();
  const labels = useConsultationLabels();
  const { matter, item } = data;
  const a = item.abilities;
  const [action, setAction] = useState<Action>(null);
  const close = () => setAction(null);
  const run = useItemMutation(({ kind, body }: { kind: Exclude<Action, null>; body: unknown }) => {
    switch (kind) {
      case 'analysis':
        return consultationApi.analyse(item.id, body);
      case 'reply':
        return consultationApi.reply(item.id, body);
      case 'extension':
        return consultationApi.extension(item.id, body);
      case 'grant':
        return consultationApi.grant(item.id, body);
      case 'refuse':
        return consultationApi.refuse(item.id, body);
      case 'verdict':
        return consultationApi.verdict(item.id, body);
      case 'close':
        return consultationApi.close(item.id, body);
    }
  });
  const [replyClass, setReplyClass] = useState<string>('adopted');
  const [verdict, setVerdict] = useState<string>('satisfied');

  const actions = (
    <Space wrap>
      {a.canReply ? (
        <Button
          type="primary"
          icon={<SendOutlined />}
          onClick={() => setAction('reply')}
          data-testid="item-reply"
        >
          {item.status === 'rehandling' ? t('consultations.replyAgain') : t('consultations.reply')}
        </Button>
      ) : null}
      {a.canAnalyse ? (
        <Button icon={<EditOutlined />} onClick={() => setAction('analysis')} data-testid="item-analyse">
          {t('consultations.analysis')}
        </Button>
      ) : null}
      {a.canRequestExtension ? (
        <Button
          icon={<ClockCircleOutlined />}
          onClick={() => setAction('extension')}
          data-testid="item-extension"
        >
          {t('consultations.requestExtension')}
        </Button>
      ) : null}
      {a.canDecideExtension ? (
        <>
          <Button icon={<CheckOutlined />} onClick={() => setAction('grant')} data-testid="item-grant">
            {t('consultations.grant')}
          </Button>
          <Button
            danger
            icon={<CloseCircleOutlined />}
            onClick={() => setAction('refuse')}
            data-testid="item-refuse"
          >
            {t('consultations.refuse')}
          </Button>
        </>
      ) : null}
      {a.canRate ? (
        <Button
          type="primary"
          icon={<LikeOutlined />}
          onClick={() => setAction('verdict')}
          data-testid="item-rate"
        >
          {t('consultations.rate')}
        </Button>
      ) : null}
      {a.canClose ? (
        <Button icon={<StopOutlined />} onClick={() => setAction('close')} data-testid="item-close">
          {t('consultations.closeItem')}
        </Button>
      ) : null}
    </Space>
  );

  return (
    <div data-testid="item-screen">
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={t('consultations.theItem')}
            extra={<ItemStatusTag status={item.status} />}
          >
            <Typography.Paragraph style={pre} data-testid="item-text-view">
              {item.text}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2 }}
              items={[
                { key: 'cp', label: t('consultations.author'), children: item.counterpart.name },
                { key: 'src', label: t('consultations.source'), children: labels.source(item.source) },
                { key: 'recv', label: t('consultations.receivedOn'), children: item.receivedOn },
                { key: 'due', label: t('consultations.dueDate'), children: <DueTag item={item} /> },
                { key: 'round', label: t('consultations.round'), children: item.round },
                { key: 'by', label: t('consultations.enteredBy'), children: item.enteredBy.name },
              ]}
            />
            {item.analysis !== null ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title={t('consultations.analysisInternal')}
                description={
                  <span style={pre} data-testid="item-analysis">
                    {item.analysis}
                  </span>
                }
              />
            ) : null}
            {item.pendingExtension ? <ExtensionLine ext={item.pendingExtension} /> : null}
            {item.closedAt ? (
              <Alert
                type="success"
                showIcon
                style={{ marginTop: 8 }}
                title={t('consultations.closedAt', { at: formatDateTime(item.closedAt) })}
                description={item.closeNote ? <span style={pre}>{item.closeNote}</span> : undefined}
              />
            ) : null}
            <div style={{ marginTop: 12 }}>{actions}</div>
          </Card>
          <Card size="small" title={t('consultations.rounds')} style={{ marginTop: 16 }}>
            {!item.repliesVisible ? (
              <Typography.Text type="secondary">{t('consultations.repliesHidden')}</Typography.Text>
            ) : data.rounds.length === 0 ? (
              <Empty description={t('consultations.noReplies')} />
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }} data-testid="item-rounds">
                {data.rounds.map((r) => (
                  <ReplyCard key={r.round} reply={r} />
                ))}
              </Space>
            )}
          </Card>
          {data.extensions.length > 0 ? (
            <Card size="small" title={t('consultations.extensions')} style={{ marginTop: 16 }}>
              {data.extensions.map((e) => (
                <ExtensionLine key={e.id} ext={e} />
              ))}
            </Card>
          ) : null}
        </Col>
        <Col xs={24} lg={10}>
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
          <Card size="small" title={t('consultations.timeline')} style={{ marginTop: 16 }}>
            <Timeline
              data-testid="item-timeline"
              items={data.timeline.map((e) => ({
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
        </Col>
      </Row>

      <FormModal<{ analysis: string }>
        open={action === 'analysis'}
        title={t('consultations.analysis')}
        hint={t('consultations.analysisHint')}
        initialValues={{ analysis: item.analysis ?? undefined }}
        onSubmit={(v) => run.mutateAsync({ kind: 'analysis', body: { analysis: v.analysis.trim() } })}
        onClose={close}
        testId="analysis-form"
      >
        <Form.Item
          name="analysis"
          label={t('consultations.analysis')}
          rules={[zodRule(Text(10000), t('consultations.analysis'), t)]}
        >
          <Input.TextArea rows={6} maxLength={10000} data-testid="analysis-text" />
        </Form.Item>
      </FormModal>
      <FormModal<{ replyClass: string; text: string; reason?: string; analysis?: string }>
        open={action === 'reply'}
        title={item.status === 'rehandling' ? t('consultations.replyAgain') : t('consultations.reply')}
        initialValues={{ replyClass: 'adopted' }}
        onSubmit={(v) =>
          run.mutateAsync({
            kind: 'reply',
            body: {
              replyClass: v.replyClass,
              text: v.text.trim(),
              reason: blankToNull(v.reason),
              analysis: blankToNull(v.analysis),
            },
          })
        }
        onClose={() => {
          close();
          setReplyClass('adopted');
        }}
        testId="reply-form"
      >
        <Form.Item name="replyClass" label={t('consultations.replyClass')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={labels.replyClassOptions}
            onChange={(e) => setReplyClass(String(e.target.value))}
            data-testid="reply-class"
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('consultations.replyText')}
          rules={[zodRule(Text(10000), t('consultations.replyText'), t)]}
        >
          <Input.TextArea rows={5} maxLength={10000} data-testid="reply-text" />
        </Form.Item>
        {replyClass === 'not_adopted' ? (
          <Form.Item
            name="reason"
            label={t('consultations.reason')}
            extra={t('consultations.reasonRequired')}
            rules={[zodRule(Text(5000), t('consultations.reason'), t)]}
          >
            <Input.TextArea rows={3} maxLength={5000} data-testid="reply-reason" />
          </Form.Item>
        ) : null}
        {a.canAnalyse ? (
          <Form.Item
            name="analysis"
            label={t('consultations.analysis')}
            extra={t('consultations.analysisHint')}
            rules={[zodRule(OptionalText(10000), t('consultations.analysis'), t)]}
          >
            <Input.TextArea rows={3} maxLength={10000} />
          </Form.Item>
        ) : null}
      </FormModal>
      <FormModal<{ reason: string; days: number }>
        open={action === 'extension'}
        title={t('consultations.requestExtension')}
        initialValues={{ days: 5 }}
        onSubmit={(v) =>
          run.mutateAsync({ kind: 'extension', body: { reason: v.reason.trim(), days: v.days } })
        }
        onClose={close}
        testId="extension-form"
      >
        <Form.Item name="days" label={t('consultations.extensionDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('consultations.reason')}
          rules={[zodRule(Text(2000), t('consultations.reason'), t)]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ days?: number; note?: string }>
        open={action === 'grant'}
        title={t('consultations.grant')}
        initialValues={{ days: item.pendingExtension?.daysRequested }}
        onSubmit={(v) =>
          run.mutateAsync({ kind: 'grant', body: { days: v.days ?? undefined, note: blankToNull(v.note) } })
        }
        onClose={close}
        testId="grant-form"
      >
        <Form.Item name="days" label={t('consultations.extensionDays')}>
          <InputNumber min={1} max={60} precision={0} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('consultations.note')}
          rules={[zodRule(OptionalText(2000), t('consultations.note'), t)]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ note: string }>
        open={action === 'refuse'}
        title={t('consultations.refuse')}
        danger
        onSubmit={(v) => run.mutateAsync({ kind: 'refuse', body: { note: v.note.trim() } })}
        onClose={close}
        testId="refuse-form"
      >
        <Form.Item
          name="note"
          label={t('consultations.reason')}
          rules={[zodRule(Text(2000), t('consultations.reason'), t)]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ verdict: string; comment?: string }>
        open={action === 'verdict'}
        title={t('consultations.rate')}
        hint={t('consultations.rateHint')}
        initialValues={{ verdict: 'satisfied' }}
        onSubmit={(v) =>
          run.mutateAsync({ kind: 'verdict', body: { verdict: v.verdict, comment: blankToNull(v.comment) } })
        }
        onClose={() => {
          close();
          setVerdict('satisfied');
        }}
        testId="verdict-form"
      >
        <Form.Item name="verdict" label={t('consultations.verdict')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={labels.verdictOptions}
            onChange={(e) => setVerdict(String(e.target.value))}
            data-testid="verdict-choice"
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('consultations.verdictComment')}
          extra={verdict === 'not_satisfied' ? t('consultations.commentRequired') : undefined}
          rules={[
            zodRule(
              verdict === 'not_satisfied' ? Text(5000) : OptionalText(5000),
              t('consultations.verdictComment'),
              t,
            ),
          ]}
        >
          <Input.TextArea rows={4} maxLength={5000} data-testid="verdict-comment" />
        </Form.Item>
      </FormModal>
      <FormModal<{ note: string }>
        open={action === 'close'}
        title={t('consultations.closeItem')}
        onSubmit={(v) => run.mutateAsync({ kind: 'close', body: { note: v.note.trim() } })}
        onClose={close}
        testId="close-form"
      >
        <Form.Item
          name="note"
          label={t('consultations.note')}
          rules={[zodRule(Text(2000), t('consultations.note'), t)]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </div>
  );
}

function ReplyCard({ reply }: { reply: ReplyDto }) {
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

function ExtensionLine({ ext }: { ext: ExtensionDto }) {
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
