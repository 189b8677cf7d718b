import {
  CalendarOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileTextOutlined,
  PlusOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Descriptions, Divider, Skeleton, Space, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemDto, MatterDto } from '../../../common/schemas/consultations';
import { ActionBar } from '../../components/ActionBar';
import { AttachmentList } from '../../components/AttachmentList';
import { DetailDrawer } from '../../components/DetailDrawer';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { DetailTable } from '../../components/ListPage';
import { ErrorAlert } from '../../components/QueryStatus';
import { preWrap as pre } from '../../lib/styles';
import { consultationKeys, useItems, useMatter } from './api';
import { DueTag, ItemStatusTag, MatterKindTag, ReplyClassTag, ViolationTag } from './labels';
import { type MatterAction, MatterActionModals } from './MatterActionModals';
import { MatterFormModal } from './MatterFormModal';

/** One matter: its symposium, decision, documents and the suggestions on it, with the actions allowed. */
export function MatterDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useMatter(id);
  const matter = query.data;
  return (
    <DetailDrawer
      onClose={onClose}
      width={760}
      title={matter ? matter.title : t('consultations.matter')}
      testId="matter-drawer"
      query={query}
    >
      {matter ? <MatterDetail matter={matter} /> : null}
    </DetailDrawer>
  );
}

function MatterDetail({ matter }: { matter: MatterDto }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [action, setAction] = useState<MatterAction | 'edit' | null>(null);
  const a = matter.abilities;
  const s = matter.symposium;
  const items = useItems({ matterId: matter.id });
  const close = () => setAction(null);

  const isCounterpart = user.role === 'counterpart';

  const itemColumns: TableColumnsType<ItemDto> = [
    {
      title: t('consultations.suggestion'),
      key: 'text',
      render: (_, i) => (
        <Link to={`/consultations/items/${i.id}`} data-testid="matter-item-link">
          <Typography.Text style={{ ...pre, color: 'inherit' }}>
            {i.text.length > 80 ? `${i.text.slice(0, 80)}…` : i.text}
          </Typography.Text>
        </Link>
      ),
    },
    { title: t('consultations.counterpart'), key: 'cp', render: (_, i) => i.counterpart.name },
    { title: t('common.status'), key: 'status', render: (_, i) => <ItemStatusTag status={i.status} /> },
    { title: t('consultations.dueDate'), key: 'due', render: (_, i) => <DueTag item={i} /> },
    {
      title: t('consultations.replyClass'),
      key: 'class',
      render: (_, i) => (i.latestReply ? <ReplyClassTag value={i.latestReply.replyClass} /> : '—'),
    },
  ];

  return (
    <div data-testid="matter-detail">
      <Space wrap style={{ marginBottom: 12 }}>
        <MatterKindTag kind={matter.kind} />
        {matter.violation ? <ViolationTag /> : null}
        <Tag>{t(`consultations.symposiumStatuses.${s.status}`)}</Tag>
        {matter.decidedAt ? <Tag color="success">{t('consultations.decided')}</Tag> : null}
      </Space>
      <ActionBar
        style={{ marginBottom: 12 }}
        actions={[
          {
            key: 'edit',
            show: a.canEdit,
            icon: <EditOutlined />,
            label: t('common.edit'),
            onClick: () => setAction('edit'),
            testId: 'matter-edit',
          },
          {
            key: 'schedule',
            show: a.canSchedule,
            icon: <CalendarOutlined />,
            label: s.status === 'scheduled' ? t('consultations.reschedule') : t('consultations.schedule'),
            onClick: () => setAction('schedule'),
            testId: 'matter-schedule',
          },
          {
            key: 'hold',
            show: a.canHold,
            icon: <TeamOutlined />,
            label: t('consultations.hold'),
            onClick: () => setAction('hold'),
            testId: 'matter-hold',
          },
          {
            key: 'minutes',
            show: a.canRecordMinutes,
            icon: <FileTextOutlined />,
            label: t('consultations.recordMinutes'),
            onClick: () => setAction('minutes'),
            testId: 'matter-minutes',
          },
          {
            key: 'decide',
            show: a.canDecide,
            icon: <CheckCircleOutlined />,
            label: t('consultations.recordDecision'),
            onClick: () => setAction('decide'),
            testId: 'matter-decide',
          },
          {
            key: 'item',
            show: a.canAddItem,
            primary: true,
            icon: <PlusOutlined />,
            label: isCounterpart ? t('consultations.submitSuggestion') : t('consultations.addSuggestion'),
            onClick: () => setAction('item'),
            testId: 'matter-add-item',
          },
        ]}
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 112 } }}
        items={[
          { key: 'department', label: t('consultations.department'), children: matter.department.name },
          {
            key: 'counterparts',
            label: t('consultations.counterparts'),
            children: (
              <Space orientation="vertical" size={2}>
                {matter.counterparts.map((c) => (
                  <span key={c.id}>
                    {c.name}
                    {c.paired ? null : (
                      <Tag style={{ marginInlineStart: 6 }}>{t('consultations.addedMark')}</Tag>
                    )}
                    {c.invitee ? (
                      <Typography.Text type="secondary">
                        {' '}
                        · {t('consultations.invitee')}：{c.invitee}
                      </Typography.Text>
                    ) : null}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            key: 'summary',
            label: t('consultations.summary'),
            children: <span style={pre}>{matter.summary || '—'}</span>,
          },
          {
            key: 'planned',
            label: t('consultations.plannedDecisionDate'),
            children: matter.plannedDecisionDate ?? '—',
          },
          {
            key: 'symposium',
            label: t('consultations.symposium'),
            children:
              s.status === 'none' ? (
                t('consultations.symposiumStatuses.none')
              ) : (
                <span data-testid="matter-symposium">
                  {s.status === 'held'
                    ? t('consultations.heldAt', { at: formatDateTime(s.heldAt) })
                    : t('consultations.scheduledAt', { at: formatDateTime(s.scheduledAt) })}
                  {s.place ? ` · ${s.place}` : ''}
                </span>
              ),
          },
          ...(s.attendees
            ? [
                {
                  key: 'attendees',
                  label: t('consultations.attendees'),
                  children: <span style={pre}>{s.attendees}</span>,
                },
              ]
            : []),
          {
            key: 'minutes',
            label: t('consultations.minutes'),
            children: (
              <span style={pre} data-testid="matter-minutes-text">
                {s.minutes || '—'}
              </span>
            ),
          },
          {
            key: 'decision',
            label: t('consultations.decision'),
            children: matter.decidedAt ? (
              <span style={pre}>
                {formatDateTime(matter.decidedAt)}
                {matter.decisionNote ? `\n${matter.decisionNote}` : ''}
              </span>
            ) : (
              t('consultations.notDecided')
            ),
          },
        ]}
      />
      <Divider titlePlacement="start">{t('consultations.documents')}</Divider>
      <MatterAttachments matter={matter} />
      <Divider titlePlacement="start">
        {t('consultations.suggestions')}（{matter.itemCounts.total}）
      </Divider>
      <ErrorAlert error={items.error} />
      {/* "none yet" only once the suggestions are in: while they load, a skeleton beside the count */}
      {items.isPending ? (
        <div data-testid="matter-items-loading" aria-busy="true">
          <Skeleton
            active
            title={false}
            paragraph={{ rows: Math.min(Math.max(matter.itemCounts.total, 1), 4) }}
          />
        </div>
      ) : items.data ? (
        <DetailTable<ItemDto>
          rowKey="id"
          columns={itemColumns}
          dataSource={items.data.items}
          locale={{ emptyText: t('consultations.noSuggestions') }}
          data-testid="matter-items"
        />
      ) : null}

      {action === 'edit' ? <MatterFormModal open matter={matter} onClose={close} /> : null}
      <MatterActionModals
        matter={matter}
        action={action === 'edit' ? null : action}
        isCounterpart={isCounterpart}
        onClose={close}
      />
    </div>
  );
}

/** A matter's documents (the shared AttachmentList). */
function MatterAttachments({ matter }: { matter: MatterDto }) {
  const queryClient = useQueryClient();
  return (
    <AttachmentList
      testId="matter-attachments"
      baseUrl={`/api/v1/consultations/matters/${matter.id}/attachments`}
      files={matter.attachments}
      canAttach={matter.abilities.canAttach}
      onChanged={() => void queryClient.invalidateQueries({ queryKey: consultationKeys.matter(matter.id) })}
    />
  );
}
