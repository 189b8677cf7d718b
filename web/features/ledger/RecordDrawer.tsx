import {
  CheckOutlined,
  EditOutlined,
  EyeOutlined,
  FileDoneOutlined,
  FormOutlined,
  SendOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import {
  App,
  Descriptions,
  type DescriptionsProps,
  Divider,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LedgerRecordDto, LedgerResponseDto } from '../../../common/schemas/ledger';
import { ActionBar } from '../../components/ActionBar';
import { DetailDrawer } from '../../components/DetailDrawer';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { DetailTable } from '../../components/ListPage';
import { ErrorAlert } from '../../components/QueryStatus';
import { preWrap as pre } from '../../lib/styles';
import { AdoptionModal, AttendanceModal, MinutesModal, ReplyModal } from './ActionModals';
import { Attachments } from './Attachments';
import { ledgerApi, useLedgerRecord, useRecordMutation } from './api';
import { KindTag, ReplyTag, StatusTag, useAdoptionLabel, useSubtypeLabel } from './labels';
import { RecordFormModal } from './RecordFormModal';

type Action = 'reply' | 'attendance' | 'adoption' | 'minutes' | 'edit' | null;

const orDash = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : v;

function Paragraphs({ text }: { text: string | null }) {
  return text ? <span style={pre}>{text}</span> : <>—</>;
}

/** A titled block of a record's fields, one a row (research results, service outcome). */
function FieldsSection({ title, items }: { title: string; items: DescriptionsProps['items'] }) {
  return (
    <>
      <Divider titlePlacement="start">{title}</Divider>
      <Descriptions bordered size="small" column={1} items={items} />
    </>
  );
}

/** One record: everything of its kind, its responses, files, and the actions its abilities allow. */
export function RecordDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { t } = useTranslation();
  const query = useLedgerRecord(id);
  const record = query.data;
  return (
    <DetailDrawer
      open={id !== null}
      onClose={onClose}
      width={720}
      title={record ? record.title : t('ledger.record')}
      testId="record-drawer"
      query={query}
    >
      {record ? <RecordDetail record={record} /> : null}
    </DetailDrawer>
  );
}

function RecordDetail({ record }: { record: LedgerRecordDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const subtypeLabel = useSubtypeLabel();
  const adoptionLabel = useAdoptionLabel();
  const [action, setAction] = useState<Action>(null);
  const a = record.abilities;

  const receipt = useRecordMutation((read: boolean) => ledgerApi.receipt(record.id, { read }));
  const takeUp = useRecordMutation(() => ledgerApi.takeUp(record.id));
  const actionError = receipt.error ?? takeUp.error;

  const items: DescriptionsProps['items'] = [
    {
      key: 'kind',
      label: t('ledger.kind'),
      children: (
        <Space size={4} wrap>
          <KindTag kind={record.kind} />
          {record.kind !== 'symposium' ? <span>{subtypeLabel(record.subtype)}</span> : null}
        </Space>
      ),
    },
    { key: 'status', label: t('ledger.status'), children: <StatusTag record={record} /> },
    ...(record.direction
      ? [
          {
            key: 'direction',
            label: t('ledger.direction'),
            children: t(`ledger.directions.${record.direction}`),
          },
        ]
      : []),
    {
      key: 'time',
      label: record.kind === 'notice' ? t('ledger.sentAt') : t('ledger.time'),
      children: record.endsAt
        ? `${formatDateTime(record.startsAt)} – ${formatDateTime(record.endsAt)}`
        : formatDateTime(record.startsAt),
    },
    ...(record.kind !== 'notice'
      ? [{ key: 'place', label: t('ledger.place'), children: orDash(record.place) }]
      : []),
    { key: 'department', label: t('ledger.department'), children: record.department.name },
    {
      key: 'counterparts',
      label: t('ledger.counterparts'),
      children: record.counterparts.map((c) => c.name).join('、'),
    },
    { key: 'host', label: t('ledger.host'), children: record.host.name },
    ...(record.notice
      ? [{ key: 'doc', label: t('ledger.docNumber'), children: orDash(record.notice.docNumber) }]
      : []),
    {
      key: 'plan',
      label: t('ledger.planItem'),
      children: record.planItemId ? (
        <Link to={`/plans?year=${record.year}`}>{t('ledger.linkedToPlan')}</Link>
      ) : (
        '—'
      ),
    },
    {
      key: 'summary',
      label: record.kind === 'notice' ? t('ledger.noticeContent') : t('ledger.summary'),
      span: 'filled',
      children: <Paragraphs text={record.summary} />,
    },
  ];

  const replyColumns: TableColumnsType<LedgerResponseDto> = [
    { title: t('ledger.organisation'), key: 'org', render: (_, r) => r.organisation.name },
    {
      title: t('ledger.reply'),
      key: 'reply',
      render: (_, r) => (
        <Space orientation="vertical" size={0}>
          <ReplyTag reply={r.reply} />
          {r.repliedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.repliedBy} {formatDateTime(r.repliedAt)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('ledger.whoGoes'),
      key: 'replyAttendees',
      render: (_, r) => (
        <>
          {orDash(r.replyAttendees)}
          {r.replyNote ? (
            <div>
              <Typography.Text type="secondary">{r.replyNote}</Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    {
      title: t('ledger.attendanceCol'),
      key: 'attended',
      render: (_, r) =>
        r.attended === null ? (
          '—'
        ) : r.attended ? (
          <Space size={4} wrap>
            <Tag color="success">{t('ledger.attendedYes')}</Tag>
            {r.attendees ? <span>{r.attendees}</span> : null}
          </Space>
        ) : (
          <Tag>{t('ledger.attendedNo')}</Tag>
        ),
    },
  ];

  const receiptColumns: TableColumnsType<LedgerResponseDto> = [
    { title: t('ledger.organisation'), key: 'org', render: (_, r) => r.organisation.name },
    {
      title: t('ledger.received'),
      key: 'received',
      render: (_, r) => (r.receivedAt ? `${r.receivedBy ?? ''} ${formatDateTime(r.receivedAt)}` : '—'),
    },
    {
      title: t('ledger.read'),
      key: 'read',
      render: (_, r) => (r.readAt ? `${r.readBy ?? ''} ${formatDateTime(r.readAt)}` : '—'),
    },
  ];

  const mine = record.responses.find((r) => r.organisation.id === user.organisation.id);

  return (
    <div data-testid="record-detail">
      <ActionBar
        actions={[
          {
            key: 'reply',
            show: a.canReply,
            primary: true,
            icon: <SendOutlined />,
            label: mine && mine.reply !== 'pending' ? t('ledger.changeReply') : t('ledger.replyAction'),
            onClick: () => setAction('reply'),
            testId: 'action-reply',
          },
          {
            key: 'attendance',
            show: a.canRecordAttendance,
            primary: true,
            icon: <TeamOutlined />,
            label: t('ledger.recordAttendance'),
            onClick: () => setAction('attendance'),
            testId: 'action-attendance',
          },
          {
            key: 'receipt',
            show: a.canAcknowledge && !mine?.receivedAt,
            icon: <CheckOutlined />,
            loading: receipt.isPending,
            label: t('ledger.confirmReceipt'),
            onClick: () => receipt.mutate(false),
            testId: 'action-receipt',
          },
          {
            key: 'read',
            show: a.canAcknowledge && !mine?.readAt,
            primary: true,
            icon: <EyeOutlined />,
            loading: receipt.isPending,
            label: t('ledger.markRead'),
            onClick: () => receipt.mutate(true, { onSuccess: () => message.success(t('ledger.markedRead')) }),
            testId: 'action-read',
          },
          {
            key: 'takeUp',
            show: a.canTakeUp,
            primary: true,
            icon: <FileDoneOutlined />,
            loading: takeUp.isPending,
            label: t('ledger.takeUp'),
            confirm: t('ledger.takeUpConfirm'),
            onClick: () => takeUp.mutate(undefined),
          },
          {
            key: 'adoption',
            show: a.canAdopt,
            icon: <FileDoneOutlined />,
            label: t('ledger.recordAdoption'),
            onClick: () => setAction('adoption'),
          },
          {
            key: 'minutes',
            show: a.canRecordMinutes,
            icon: <FormOutlined />,
            label: record.symposium?.minutes ? t('ledger.editMinutes') : t('ledger.recordMinutes'),
            onClick: () => setAction('minutes'),
          },
          {
            key: 'edit',
            show: a.canEdit,
            icon: <EditOutlined />,
            label: t('common.edit'),
            onClick: () => setAction('edit'),
            testId: 'action-edit',
          },
        ]}
      />
      <ErrorAlert error={actionError} style={{ marginTop: 12 }} />
      <Descriptions
        style={{ marginTop: 16 }}
        bordered
        size="small"
        column={{ xs: 1, sm: 1, md: 2 }}
        items={items}
      />

      {record.kind === 'invitation' ? (
        <>
          <Divider titlePlacement="start">{t('ledger.repliesAndAttendance')}</Divider>
          <DetailTable<LedgerResponseDto>
            rowKey={(r) => r.organisation.id}
            columns={replyColumns}
            dataSource={record.responses}
            data-testid="responses-table"
          />
        </>
      ) : null}

      {record.kind === 'notice' ? (
        <>
          <Divider titlePlacement="start">{t('ledger.receipts')}</Divider>
          <DetailTable<LedgerResponseDto>
            rowKey={(r) => r.organisation.id}
            columns={receiptColumns}
            dataSource={record.responses}
          />
        </>
      ) : null}

      {record.research ? (
        <FieldsSection
          title={t('ledger.researchResults')}
          items={[
            {
              key: 'teamD',
              label: t('ledger.teamDepartment'),
              children: orDash(record.research.team.department.join('、')),
            },
            {
              key: 'teamC',
              label: t('ledger.teamCounterpart'),
              children: orDash(record.research.team.counterpart.join('、')),
            },
            ...(record.subtype === 'offered'
              ? [
                  {
                    key: 'taken',
                    label: t('ledger.takenUpBy'),
                    children: record.research.takenUpBy
                      ? `${record.research.takenUpBy.name} ${formatDateTime(record.research.takenUpAt)}`
                      : t('ledger.notTakenUp'),
                  },
                ]
              : []),
            {
              key: 'adoption',
              label: t('ledger.adoption'),
              children: (
                <Space size={4} wrap>
                  <Tag color={record.research.adoption === 'none' ? 'default' : 'success'}>
                    {adoptionLabel(record.research.adoption)}
                  </Tag>
                  {record.research.adoptedAt ? formatDateTime(record.research.adoptedAt) : null}
                </Space>
              ),
            },
            {
              key: 'adoptionNote',
              label: t('ledger.adoptionNote'),
              children: <Paragraphs text={record.research.adoptionNote} />,
            },
            {
              key: 'instruction',
              label: t('ledger.instruction'),
              children: <Paragraphs text={record.research.instruction} />,
            },
          ]}
        />
      ) : null}

      {record.service ? (
        <FieldsSection
          title={t('ledger.serviceOutcome')}
          items={[
            {
              key: 'p',
              label: t('ledger.participants'),
              children: <Paragraphs text={record.service.participants} />,
            },
            {
              key: 'b',
              label: t('ledger.beneficiaries'),
              children: <Paragraphs text={record.service.beneficiaries} />,
            },
            { key: 'f', label: t('ledger.fundsWan'), children: orDash(record.service.fundsWan) },
            { key: 's', label: t('ledger.peopleServed'), children: orDash(record.service.peopleServed) },
            {
              key: 'l',
              label: t('ledger.projectsLanded'),
              children: orDash(record.service.projectsLanded),
            },
            {
              key: 'o',
              label: t('ledger.outcome'),
              children: <Paragraphs text={record.service.outcome} />,
            },
          ]}
        />
      ) : null}

      {record.symposium ? (
        <>
          <Divider titlePlacement="start">{t('ledger.minutes')}</Divider>
          {record.symposium.heldAt ? (
            <Typography.Paragraph type="secondary">
              {t('ledger.heldAt', { at: formatDateTime(record.symposium.heldAt) })}
            </Typography.Paragraph>
          ) : null}
          <Typography.Paragraph>
            <Paragraphs text={record.symposium.minutes} />
          </Typography.Paragraph>
        </>
      ) : null}

      <Divider titlePlacement="start">{t('ledger.attachments')}</Divider>
      <Attachments record={record} />

      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('ledger.createdUpdated', {
          created: formatDateTime(record.createdAt),
          updated: formatDateTime(record.updatedAt),
        })}
      </Typography.Paragraph>

      {mine ? (
        <ReplyModal
          record={record}
          organisationId={mine.organisation.id}
          open={action === 'reply'}
          onClose={() => setAction(null)}
        />
      ) : null}
      <AttendanceModal record={record} open={action === 'attendance'} onClose={() => setAction(null)} />
      <AdoptionModal record={record} open={action === 'adoption'} onClose={() => setAction(null)} />
      <MinutesModal record={record} open={action === 'minutes'} onClose={() => setAction(null)} />
      <RecordFormModal
        open={action === 'edit'}
        year={record.year}
        record={record}
        onClose={() => setAction(null)}
      />
    </div>
  );
}
