import { CheckOutlined, EditOutlined, EyeOutlined, HistoryOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ChangeReportDto,
  PERSON_ROLES,
  type PersonRole,
  type RosterDetailResponse,
  type RosterPersonDto,
} from '../../../common/schemas/roster';
import { hasPermission } from '../../access';
import { formatDateTime } from '../../components/format';
import { useCurrentUser } from '../../components/guards';
import { DetailTable } from '../../components/ListPage';
import { ErrorAlert, QueryStatus } from '../../components/QueryStatus';
import { ReasonModal } from '../../components/ReasonModal';
import { rosterApi, useRosterDetail, useRosterMutation } from './api';
import { PersonModal } from './PersonModal';

export const orDash = (v: string | null | undefined) => v || '—';

function served(p: Pick<RosterPersonDto, 'servedFrom' | 'servedTo'>, t: (k: 'roster.untilNow') => string) {
  return `${p.servedFrom} – ${p.servedTo ?? t('roster.untilNow')}`;
}

/** One unit's responsible persons: in force on a day, the 附件2 on file that day, every version, change reports. */
export function RosterDetail({
  organisationId,
  askReveal = false,
}: {
  organisationId: number;
  askReveal?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const [date, setDate] = useState<string | undefined>(undefined);
  const [revealed, setRevealed] = useState<RosterDetailResponse | null>(null);
  const [revealing, setRevealing] = useState(askReveal);
  const [editing, setEditing] = useState<PersonRole | null>(null);
  const query = useRosterDetail(organisationId, date);
  const shown = revealed && revealed.date === (date ?? query.data?.date) ? revealed : query.data;
  const acknowledge = useRosterMutation((id: number) => rosterApi.acknowledge(id, null));

  if (query.isPending || query.isError) return <QueryStatus query={query} />;
  if (!shown) return null;

  // No date chosen: the server's today (Asia/Shanghai), the only day that can be changed.
  const viewingToday = date === undefined;
  const canWrite = shown.abilities.canWrite && viewingToday;

  const inForceRows = PERSON_ROLES.map((role) => ({ role, person: shown.inForce[role] }));
  const inForceColumns: TableColumnsType<{ role: PersonRole; person: RosterPersonDto | null }> = [
    {
      title: t('roster.role'),
      key: 'role',
      render: (_, r) => <strong>{t(`roster.roles.${r.role}`)}</strong>,
    },
    { title: t('roster.name'), key: 'name', render: (_, r) => orDash(r.person?.name) },
    { title: t('roster.position'), key: 'position', render: (_, r) => orDash(r.person?.position) },
    {
      title: t('roster.officePhone'),
      key: 'office',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{orDash(r.person?.officePhone)}</span>,
    },
    {
      title: t('roster.mobile'),
      key: 'mobile',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{orDash(r.person?.mobile)}</span>,
    },
    {
      title: t('roster.period'),
      key: 'period',
      render: (_, r) =>
        r.person ? <span style={{ whiteSpace: 'nowrap' }}>{served(r.person, t)}</span> : '—',
    },
    {
      title: t('roster.source'),
      key: 'source',
      render: (_, r) =>
        r.person ? (
          <Tag color={r.person.source === 'filing' ? 'green' : 'default'}>
            {t(`roster.sources.${r.person.source}`)}
          </Tag>
        ) : null,
    },
  ];
  if (canWrite) {
    inForceColumns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, r) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(r.role)}
          data-testid={`roster-edit-${r.role}`}
        >
          {r.person ? t('roster.change') : t('roster.set')}
        </Button>
      ),
    });
  }

  const historyColumns: TableColumnsType<RosterPersonDto> = [
    { title: t('roster.role'), key: 'role', render: (_, p) => t(`roster.roles.${p.role}`) },
    { title: t('roster.name'), dataIndex: 'name' },
    { title: t('roster.position'), dataIndex: 'position' },
    {
      title: t('roster.phones'),
      key: 'phones',
      render: (_, p) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {[p.officePhone, p.mobile].filter(Boolean).join(' / ') || '—'}
        </span>
      ),
    },
    {
      title: t('roster.period'),
      key: 'period',
      render: (_, p) => <span style={{ whiteSpace: 'nowrap' }}>{served(p, t)}</span>,
    },
    { title: t('roster.source'), key: 'source', render: (_, p) => t(`roster.sources.${p.source}`) },
    {
      title: t('roster.recorded'),
      key: 'recorded',
      render: (_, p) => `${p.recordedBy ?? ''} ${formatDateTime(p.recordedAt)}`,
    },
  ];

  return (
    <div data-testid="roster-detail">
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {shown.organisation.name}
        </Typography.Title>
        <Tag>{t(`filings.kinds.${shown.organisation.kind}`)}</Tag>
      </Space>
      <div className="liaison-toolbar">
        <Space wrap>
          <HistoryOutlined />
          <Typography.Text>{t('roster.asOf')}</Typography.Text>
          <DatePicker
            value={dayjs(shown.date)}
            allowClear={false}
            onChange={(d) => {
              setRevealed(null);
              setDate(d ? d.format('YYYY-MM-DD') : undefined);
            }}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            data-testid="roster-date"
          />
          {!viewingToday ? (
            <Button size="small" onClick={() => setDate(undefined)}>
              {t('roster.today')}
            </Button>
          ) : null}
        </Space>
        <div className="liaison-toolbar-spacer" />
        {shown.abilities.canReveal && shown.phonesMasked ? (
          <Button icon={<EyeOutlined />} onClick={() => setRevealing(true)} data-testid="roster-reveal">
            {t('roster.reveal')}
          </Button>
        ) : null}
      </div>
      {shown.phonesMasked ? (
        <Typography.Paragraph type="secondary">{t('roster.phonesMasked')}</Typography.Paragraph>
      ) : null}

      <Divider titlePlacement="start">{t('roster.inForce', { date: shown.date })}</Divider>
      <DetailTable
        rowKey="role"
        bordered
        columns={inForceColumns}
        dataSource={inForceRows}
        data-testid="roster-in-force"
      />
      {shown.abilities.canWrite && !viewingToday ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          {t('roster.editOnlyToday')}
        </Typography.Paragraph>
      ) : null}

      <Divider titlePlacement="start">{t('roster.filedOn', { date: shown.date })}</Divider>
      {shown.filed ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          data-testid="roster-filed"
          items={[
            {
              key: 'at',
              label: t('roster.filedAt'),
              children: `${formatDateTime(shown.filed.filedAt)}（${t('common.yearSuffix', { year: shown.filed.year })}）`,
            },
            ...(['leader', 'liaison'] as const).map((role) => {
              const p = shown.filed?.[role];
              return {
                key: role,
                label: t(`roster.roles.${role}`),
                children: p ? [p.name, p.position, p.phone].map(orDash).join('　') : '—',
              };
            }),
          ]}
        />
      ) : (
        <Typography.Paragraph type="secondary">{t('roster.noFiling')}</Typography.Paragraph>
      )}

      <Divider titlePlacement="start">{t('roster.changeReports')}</Divider>
      <ChangeReports
        reports={shown.changeReports}
        canAcknowledge={hasPermission(user, 'filings:review')}
        pending={acknowledge.isPending}
        onAcknowledge={(id) =>
          acknowledge.mutate(id, { onSuccess: () => message.success(t('roster.acknowledged')) })
        }
      />
      <ErrorAlert error={acknowledge.error} />

      <Divider titlePlacement="start">{t('roster.history')}</Divider>
      <DetailTable<RosterPersonDto>
        rowKey="id"
        columns={historyColumns}
        dataSource={shown.history}
        locale={{ emptyText: t('roster.noHistory') }}
      />

      {editing ? (
        <PersonModal
          open
          organisationId={organisationId}
          role={editing}
          current={shown.inForce[editing]}
          filed={shown.filed !== null}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <ReasonModal
        open={revealing}
        title={t('roster.revealTitle')}
        hint={t('roster.revealHint')}
        label={t('roster.revealReason')}
        okText={t('roster.reveal')}
        testId="reveal-reason"
        onClose={() => setRevealing(false)}
        onSubmit={async (reason) => setRevealed(await rosterApi.reveal(organisationId, reason ?? '', date))}
      />
    </div>
  );
}

export function ChangeReports({
  reports,
  canAcknowledge,
  pending,
  onAcknowledge,
  showUnit = false,
}: {
  reports: ChangeReportDto[];
  canAcknowledge: boolean;
  pending: boolean;
  onAcknowledge: (id: number) => void;
  showUnit?: boolean;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<ChangeReportDto> = [
    ...(showUnit
      ? [
          {
            title: t('filings.unit'),
            key: 'unit',
            render: (_: unknown, r: ChangeReportDto) => r.organisation.name,
          },
        ]
      : []),
    { title: t('roster.role'), key: 'role', render: (_, r) => t(`roster.roles.${r.role}`) },
    {
      title: t('roster.replacement'),
      key: 'who',
      render: (_, r) =>
        `${r.previous ? `${r.previous.name}（${r.previous.position}）` : '—'} → ${r.next.name}（${r.next.position}）`,
    },
    { title: t('roster.effectiveFrom'), dataIndex: 'effectiveDate' },
    { title: t('roster.changeReason'), dataIndex: 'reason' },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, r) =>
        r.status === 'acknowledged' ? (
          <Tag color="success">{t('roster.reportStatuses.acknowledged')}</Tag>
        ) : (
          <Tag color="orange">{t('roster.reportStatuses.reported')}</Tag>
        ),
    },
    {
      title: t('roster.reported'),
      key: 'reported',
      render: (_, r) => `${r.reportedBy ?? ''} ${formatDateTime(r.reportedAt)}`,
    },
  ];
  if (canAcknowledge) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, r) =>
        r.status === 'reported' ? (
          <Button
            size="small"
            type="link"
            icon={<CheckOutlined />}
            loading={pending}
            onClick={() => onAcknowledge(r.id)}
          >
            {t('roster.acknowledge')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{`${r.acknowledgedBy ?? ''} ${formatDateTime(r.acknowledgedAt)}`}</Typography.Text>
        ),
    });
  }
  return (
    <DetailTable<ChangeReportDto>
      rowKey="id"
      columns={columns}
      dataSource={reports}
      locale={{ emptyText: t('roster.noChangeReports') }}
      data-testid="change-reports"
    />
  );
}
