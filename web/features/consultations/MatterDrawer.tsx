import {
  CalendarOutlined,
  CheckCircleOutlined,
  EditOutlined,
  FileTextOutlined,
  PlusOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Grid,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ItemDto, MatterDto } from '../../../common/schemas/consultations';
import { errorText } from '../../api/client';
import { AttachmentList } from '../../components/AttachmentList';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { preWrap as pre } from '../../lib/styles';
import { consultationKeys, useItems, useMatter } from './api';
import { DueTag, ItemStatusTag, MatterKindTag, ReplyClassTag, ViolationTag } from './labels';
import { type MatterAction, MatterActionModals } from './MatterActionModals';
import { MatterFormModal } from './MatterFormModal';

/** One matter: its symposium, decision, documents and the suggestions on it, with the actions allowed. */
export function MatterDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const query = useMatter(id);
  const matter = query.data;
  return (
    <Drawer
      open
      onClose={onClose}
      size={screens.md ? 760 : '100%'}
      title={matter ? matter.title : t('consultations.matter')}
      destroyOnHidden
      data-testid="matter-drawer"
    >
      {query.isPending ? <Skeleton active /> : null}
      {query.isError ? <Alert type="error" showIcon title={errorText(query.error)} /> : null}
      {matter ? <MatterDetail matter={matter} /> : null}
    </Drawer>
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
      <Space wrap style={{ marginBottom: 12 }}>
        {a.canEdit ? (
          <Button icon={<EditOutlined />} onClick={() => setAction('edit')} data-testid="matter-edit">
            {t('common.edit')}
          </Button>
        ) : null}
        {a.canSchedule ? (
          <Button
            icon={<CalendarOutlined />}
            onClick={() => setAction('schedule')}
            data-testid="matter-schedule"
          >
            {s.status === 'scheduled' ? t('consultations.reschedule') : t('consultations.schedule')}
          </Button>
        ) : null}
        {a.canHold ? (
          <Button icon={<TeamOutlined />} onClick={() => setAction('hold')} data-testid="matter-hold">
            {t('consultations.hold')}
          </Button>
        ) : null}
        {a.canRecordMinutes ? (
          <Button
            icon={<FileTextOutlined />}
            onClick={() => setAction('minutes')}
            data-testid="matter-minutes"
          >
            {t('consultations.recordMinutes')}
          </Button>
        ) : null}
        {a.canDecide ? (
          <Button
            icon={<CheckCircleOutlined />}
            onClick={() => setAction('decide')}
            data-testid="matter-decide"
          >
            {t('consultations.recordDecision')}
          </Button>
        ) : null}
        {a.canAddItem ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAction('item')}
            data-testid="matter-add-item"
          >
            {isCounterpart ? t('consultations.submitSuggestion') : t('consultations.addSuggestion')}
          </Button>
        ) : null}
      </Space>
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
      {items.isError ? <Alert type="error" showIcon title={errorText(items.error)} /> : null}
      <Table<ItemDto>
        rowKey="id"
        size="small"
        loading={items.isPending}
        columns={itemColumns}
        dataSource={items.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('consultations.noSuggestions') }}
        data-testid="matter-items"
      />

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
