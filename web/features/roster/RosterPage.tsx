import { ArrowLeftOutlined, EyeOutlined, FileExcelOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { RosterPersonDto, RosterUnitDto } from '../../../common/schemas/roster';
import { hasPermission } from '../../access';
import { withQuery } from '../../api/client';
import { ExportButton } from '../../components/ExportButton';
import { useCurrentUser } from '../../components/guards';
import { listPagination } from '../../components/ListPage';
import { PageTitle } from '../../components/PageCard';
import { ErrorAlert } from '../../components/QueryStatus';
import { ReasonModal } from '../../components/ReasonModal';
import { rosterApi, useChangeReports, useRosterList, useRosterMutation } from './api';
import { ChangeReports, orDash, RosterDetail } from './RosterDetail';

type KindFilter = 'all' | 'department' | 'counterpart';

function PersonCell({ person }: { person: RosterPersonDto | null }) {
  if (!person) return <Typography.Text type="secondary">—</Typography.Text>;
  const phones = [person.officePhone, person.mobile].filter(Boolean).join(' / ');
  return (
    <div style={{ minWidth: 140 }}>
      <div>
        {person.name}
        <Typography.Text type="secondary">（{person.position}）</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {orDash(phones)}
      </Typography.Text>
    </div>
  );
}

/** 统战部 / 区府办: every unit's persons in force on a day (phones masked), pending change reports, export. */
function RosterList() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [date, setDate] = useState<string | undefined>(undefined);
  const [kind, setKind] = useState<KindFilter>('all');
  const [exportingFull, setExportingFull] = useState(false);
  const list = useRosterList(date, kind === 'all' ? undefined : kind, true);
  const canReview = hasPermission(user, 'filings:review');
  const reports = useChangeReports('reported', true);
  const acknowledge = useRosterMutation((id: number) => rosterApi.acknowledge(id, null));
  const canReveal = list.data?.abilities.canReveal ?? false;

  const columns: TableColumnsType<RosterUnitDto> = [
    {
      title: t('filings.unit'),
      key: 'unit',
      fixed: 'left',
      render: (_, u) => (
        <Link to={`/roster/${u.organisation.id}`} style={{ whiteSpace: 'nowrap' }}>
          {u.organisation.name}
        </Link>
      ),
    },
    {
      title: t('roster.roles.principal'),
      key: 'principal',
      render: (_, u) => <PersonCell person={u.principal} />,
    },
    { title: t('roster.roles.leader'), key: 'leader', render: (_, u) => <PersonCell person={u.leader} /> },
    { title: t('roster.roles.liaison'), key: 'liaison', render: (_, u) => <PersonCell person={u.liaison} /> },
  ];
  if (canReveal) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) =>
        u.phonesMasked && (u.principal || u.leader || u.liaison) ? (
          <Button
            type="link"
            size="small"
            icon={<EyeOutlined />}
            onClick={() => navigate(`/roster/${u.organisation.id}?reveal=1`)}
          >
            {t('roster.reveal')}
          </Button>
        ) : null,
    });
  }

  const exportBase = '/api/v1/documents/roster.xlsx';
  return (
    <>
      <div className="liaison-toolbar">
        <Space wrap>
          <Typography.Text>{t('roster.asOf')}</Typography.Text>
          <DatePicker
            value={dayjs(date ?? list.data?.date)}
            allowClear={false}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => setDate(d ? d.format('YYYY-MM-DD') : undefined)}
          />
          <Segmented<KindFilter>
            value={kind}
            onChange={setKind}
            options={[
              { value: 'all', label: t('common.all') },
              { value: 'department', label: t('filings.kinds.department') },
              { value: 'counterpart', label: t('filings.kinds.counterpart') },
            ]}
          />
        </Space>
        <div className="liaison-toolbar-spacer" />
        <ExportButton url={exportBase} query={{ date }} testId="roster-export">
          {t('roster.exportMasked')}
        </ExportButton>
        {canReveal ? (
          <Button icon={<FileExcelOutlined />} onClick={() => setExportingFull(true)}>
            {t('roster.exportFull')}
          </Button>
        ) : null}
      </div>
      {canReview && (reports.data?.items.length ?? 0) > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('roster.pendingReports', { count: reports.data?.items.length ?? 0 })}
          description={
            <ChangeReports
              showUnit
              reports={reports.data?.items ?? []}
              canAcknowledge
              pending={acknowledge.isPending}
              onAcknowledge={(id) =>
                acknowledge.mutate(id, { onSuccess: () => message.success(t('roster.acknowledged')) })
              }
            />
          }
        />
      ) : null}
      <ErrorAlert error={list.error} />
      <Typography.Paragraph type="secondary">{t('roster.phonesMasked')}</Typography.Paragraph>
      <Table<RosterUnitDto>
        rowKey={(u) => u.organisation.id}
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={listPagination(t, 50)}
        data-testid="roster-table"
      />
      <ReasonModal
        open={exportingFull}
        title={t('roster.exportFull')}
        hint={t('roster.exportFullHint')}
        label={t('roster.revealReason')}
        okText={t('common.export')}
        onClose={() => setExportingFull(false)}
        onSubmit={async (reason) => {
          // The server records the export with the reason; the browser downloads the file.
          window.location.assign(withQuery(exportBase, { date, full: 1, reason }));
        }}
      />
    </>
  );
}

/** 责任人: a unit's own roster for its 联络员; every unit's for 统战部 / 区府办, one unit at /roster/:id. */
export default function RosterPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const params = useParams();
  const [search] = useSearchParams();
  const isUnit = user.role === 'department' || user.role === 'counterpart';
  const fromUrl = Number((params['*'] ?? '').split('/')[0]) || null;
  const organisationId = isUnit ? user.organisation.id : fromUrl;

  return (
    <Card
      title={
        <Space wrap>
          {!isUnit && organisationId ? (
            <Link to="/roster" aria-label={t('roster.backToList')}>
              <ArrowLeftOutlined />
            </Link>
          ) : null}
          <PageTitle>{t('roster.title')}</PageTitle>
          {isUnit ? <Tag>{user.organisation.name}</Tag> : null}
        </Space>
      }
    >
      {organisationId ? (
        <RosterDetail
          key={organisationId}
          organisationId={organisationId}
          askReveal={search.get('reveal') === '1'}
        />
      ) : (
        <RosterList />
      )}
    </Card>
  );
}
