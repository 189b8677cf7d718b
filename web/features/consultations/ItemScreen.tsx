import {
  ArrowLeftOutlined,
  BellOutlined,
  CheckOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  EditOutlined,
  LikeOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ItemScreenResponse } from '../../../common/schemas/consultations';
import { ActionBar } from '../../components/ActionBar';
import { formatDateTime } from '../../components/format';
import { PageTitle } from '../../components/PageCard';
import { QueryStatus } from '../../components/QueryStatus';
import { preWrap as pre } from '../../lib/styles';
import { useItemScreen } from './api';
import { type ItemAction, ItemActionModals } from './ItemActionModals';
import { ExtensionLine, ItemMatterCard, ItemTimeline, ReplyCard } from './ItemPanels';
import { DueTag, ItemStatusTag, useConsultationLabels } from './labels';

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
          <PageTitle>{t('consultations.item')}</PageTitle>
        </Space>
      }
    >
      <QueryStatus query={screen} />
      {screen.data ? <Screen data={screen.data} /> : null}
    </Card>
  );
}

function Screen({ data }: { data: ItemScreenResponse }) {
  const { t } = useTranslation();
  const labels = useConsultationLabels();
  const { matter, item } = data;
  const a = item.abilities;
  const [action, setAction] = useState<ItemAction | null>(null);
  const close = () => setAction(null);
  const actions = (
    <ActionBar
      actions={[
        {
          key: 'reply',
          show: a.canReply,
          primary: true,
          icon: <SendOutlined />,
          label: item.status === 'rehandling' ? t('consultations.replyAgain') : t('consultations.reply'),
          onClick: () => setAction('reply'),
          testId: 'item-reply',
        },
        {
          key: 'analysis',
          show: a.canAnalyse,
          icon: <EditOutlined />,
          label: t('consultations.analysis'),
          onClick: () => setAction('analysis'),
          testId: 'item-analyse',
        },
        {
          key: 'extension',
          show: a.canRequestExtension,
          icon: <ClockCircleOutlined />,
          label: t('consultations.requestExtension'),
          onClick: () => setAction('extension'),
          testId: 'item-extension',
        },
        {
          key: 'grant',
          show: a.canDecideExtension,
          icon: <CheckOutlined />,
          label: t('consultations.grant'),
          onClick: () => setAction('grant'),
          testId: 'item-grant',
        },
        {
          key: 'refuse',
          show: a.canDecideExtension,
          danger: true,
          icon: <CloseCircleOutlined />,
          label: t('consultations.refuse'),
          onClick: () => setAction('refuse'),
          testId: 'item-refuse',
        },
        {
          key: 'verdict',
          show: a.canRate,
          primary: true,
          icon: <LikeOutlined />,
          label: t('consultations.rate'),
          onClick: () => setAction('verdict'),
          testId: 'item-rate',
        },
        {
          key: 'urge',
          show: a.canUrge,
          danger: true,
          icon: <BellOutlined />,
          label: t('consultations.urge'),
          onClick: () => setAction('urge'),
          testId: 'item-urge',
        },
        {
          key: 'close',
          show: a.canClose,
          icon: <StopOutlined />,
          label: t('consultations.closeItem'),
          onClick: () => setAction('close'),
          testId: 'item-close',
        },
      ]}
    />
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
          <ItemMatterCard matter={matter} />
          <ItemTimeline timeline={data.timeline} />
        </Col>
      </Row>

      <ItemActionModals item={item} action={action} onClose={close} />
    </div>
  );
}
