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
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Grid,
  Input,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ITEM_SOURCES, type ItemDto, type MatterDto } from '../../../common/schemas/consultations';
import { OptionalText, Text } from '../../../common/schemas/shared';
import { errorText } from '../../api/client';
import { AttachmentList } from '../../components/AttachmentList';
import { formatDateTime } from '../../components/format';
import { blankToNull, zodRule } from '../../components/formRules';
import { useCurrentUser } from '../../components/guards';
import {
  consultationApi,
  consultationKeys,
  useItemMutation,
  useItems,
  useMatter,
  useMatterMutation,
} from './api';
import { FormModal } from './FormModal';
import {
  DueTag,
  ItemStatusTag,
  MatterKindTag,
  ReplyClassTag,
  useConsultationLabels,
  ViolationTag,
} from './labels';
import { MatterFormModal } from './MatterFormModal';

const pre = { whiteSpace: 'pre-wrap' as const, wordBreak: 'break-word' as const };

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

type Action = 'edit' | 'schedule' | 'hold' | 'minutes' | 'decide' | 'item' | null;

function MatterDetail({ matter }: { matter: MatterDto }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const labels = useConsultationLabels();
  const [action, setAction] = useState<Action>(null);
  const a = matter.abilities;
  const s = matter.symposium;
  const items = useItems({ matterId: matter.id });
  const close = () => setAction(null);

  const schedule = useMatterMutation((v: { scheduledAt: Dayjs; place: string }) =>
    consultationApi.schedule(matter.id, { scheduledAt: v.scheduledAt.toISOString(), place: v.place.trim() }),
  );
  const hold = useMatterMutation((v: { heldAt: Dayjs; attendees?: string; minutes?: string }) =>
    consultationApi.hold(matter.id, {
      heldAt: v.heldAt.toISOString(),
      attendees: blankToNull(v.attendees),
      minutes: blankToNull(v.minutes),
    }),
  );
  const minutes = useMatterMutation((v: { minutes: string }) =>
    consultationApi.minutes(matter.id, { minutes: v.minutes.trim() }),
  );
  const decide = useMatterMutation((v: { decidedAt: Dayjs; note?: string }) =>
    consultationApi.decide(matter.id, { decidedAt: v.decidedAt.toISOString(), note: blankToNull(v.note) }),
  );
  const addItem = useItemMutation(
    (v: { counterpartId?: number; source: string; text: string; receivedOn?: Dayjs | null }) =>
      consultationApi.addItem(matter.id, {
        counterpartId: v.counterpartId,
        source: v.source,
        text: v.text.trim(),
        receivedOn: v.receivedOn ? v.receivedOn.format('YYYY-MM-DD') : undefined,
      }),
  );

  const now = dayjs().second(0).millisecond(0);
  const scheduled = s.scheduledAt ? dayjs(s.scheduledAt) : null;
  const heldDefault = scheduled?.isBefore(now) ? scheduled : now;
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
      <FormModal<{ scheduledAt: Dayjs; place: string }>
        open={action === 'schedule'}
        title={t('consultations.schedule')}
        hint={t('consultations.scheduleHint')}
        initialValues={{
          scheduledAt: scheduled ?? now.add(1, 'day').hour(9).minute(30),
          place: s.place ?? undefined,
        }}
        onSubmit={(v) => schedule.mutateAsync(v)}
        onClose={close}
        testId="schedule-form"
      >
        <Form.Item name="scheduledAt" label={t('consultations.time')} rules={[{ required: true }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="place"
          label={t('consultations.place')}
          rules={[zodRule(Text(200), t('consultations.place'), t)]}
        >
          <Input maxLength={200} data-testid="schedule-place" />
        </Form.Item>
      </FormModal>
      <FormModal<{ heldAt: Dayjs; attendees?: string; minutes?: string }>
        open={action === 'hold'}
        title={t('consultations.hold')}
        initialValues={{ heldAt: heldDefault }}
        onSubmit={(v) => hold.mutateAsync(v)}
        onClose={close}
        testId="hold-form"
      >
        <Form.Item name="heldAt" label={t('consultations.heldTime')} rules={[{ required: true }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="attendees"
          label={t('consultations.attendees')}
          rules={[zodRule(OptionalText(2000), t('consultations.attendees'), t)]}
        >
          <Input.TextArea rows={2} maxLength={2000} data-testid="hold-attendees" />
        </Form.Item>
        <Form.Item
          name="minutes"
          label={t('consultations.minutes')}
          rules={[zodRule(OptionalText(20000), t('consultations.minutes'), t)]}
        >
          <Input.TextArea rows={5} maxLength={20000} data-testid="hold-minutes" />
        </Form.Item>
      </FormModal>
      <FormModal<{ minutes: string }>
        open={action === 'minutes'}
        title={t('consultations.recordMinutes')}
        initialValues={{ minutes: s.minutes ?? undefined }}
        onSubmit={(v) => minutes.mutateAsync(v)}
        onClose={close}
        testId="minutes-form"
      >
        <Form.Item
          name="minutes"
          label={t('consultations.minutes')}
          rules={[zodRule(Text(20000), t('consultations.minutes'), t)]}
        >
          <Input.TextArea rows={8} maxLength={20000} data-testid="minutes-text" />
        </Form.Item>
      </FormModal>
      <FormModal<{ decidedAt: Dayjs; note?: string }>
        open={action === 'decide'}
        title={t('consultations.recordDecision')}
        hint={s.status !== 'held' ? t('consultations.decideBeforeHeldWarning') : undefined}
        danger={s.status !== 'held'}
        initialValues={{ decidedAt: now }}
        onSubmit={(v) => decide.mutateAsync(v)}
        onClose={close}
        testId="decide-form"
      >
        <Form.Item name="decidedAt" label={t('consultations.decidedTime')} rules={[{ required: true }]}>
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: '100%' }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('consultations.decisionNote')}
          rules={[zodRule(OptionalText(2000), t('consultations.decisionNote'), t)]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal<{ counterpartId?: number; source: string; text: string; receivedOn?: Dayjs | null }>
        open={action === 'item'}
        title={isCounterpart ? t('consultations.submitSuggestion') : t('consultations.addSuggestion')}
        hint={isCounterpart ? t('consultations.submitSuggestionHint') : undefined}
        initialValues={{
          source: isCounterpart ? 'written' : 'symposium',
          counterpartId: isCounterpart ? undefined : matter.counterparts[0]?.id,
        }}
        onSubmit={(v) => addItem.mutateAsync(v)}
        onClose={close}
        testId="item-form"
      >
        {!isCounterpart ? (
          <Form.Item name="counterpartId" label={t('consultations.author')} rules={[{ required: true }]}>
            <Select options={matter.counterparts.map((c) => ({ value: c.id, label: c.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="source" label={t('consultations.source')} rules={[{ required: true }]}>
          <Select
            disabled={isCounterpart}
            options={ITEM_SOURCES.map((x) => ({ value: x, label: labels.source(x) }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('consultations.suggestionText')}
          rules={[zodRule(Text(10000), t('consultations.suggestionText'), t)]}
        >
          <Input.TextArea rows={6} maxLength={10000} data-testid="item-text" />
        </Form.Item>
        <Form.Item
          name="receivedOn"
          label={t('consultations.receivedOn')}
          extra={t('consultations.receivedOnHint')}
        >
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </FormModal>
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
