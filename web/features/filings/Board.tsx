import { BellOutlined } from '@ant-design/icons';
import { Alert, App, Button, Progress, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FILING_STATUSES, type FilingStatus } from '../../../common/filings';
import type { BoardUnitDto, FilingRoundDto } from '../../../common/schemas/filings';
import { formatDateTime } from '../../components/format';
import { listPagination } from '../../components/ListPage';
import { ErrorAlert, QueryStatus } from '../../components/QueryStatus';
import { filingApi, useBoard, useFilingMutation } from './api';
import { FilingStatusTag } from './labels';

// The review drawer (descriptions, timeline, reason modals) when a form is opened.
const ReviewDrawer = lazy(() => import('./ReviewDrawer').then((m) => ({ default: m.ReviewDrawer })));

/** A notice naming units (the late ones, the changed ones). */
function UnitsAlert({
  type,
  title,
  units,
  action,
}: {
  type: 'warning' | 'info';
  title: string;
  units: { name: string }[];
  action?: ReactNode;
}) {
  return (
    <Alert
      type={type}
      showIcon
      style={{ marginBottom: 12 }}
      title={title}
      description={units.map((u) => u.name).join('、')}
      action={action}
    />
  );
}

/** 统战部's completeness board: N / M filed, the units by status, reminders to the late ones, review. */
export default function Board({
  round,
  reviewing,
  onReview,
}: {
  round: FilingRoundDto;
  reviewing: number | null;
  onReview: (organisationId: number | null) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const board = useBoard(round.id);
  const remind = useFilingMutation(() => filingApi.remind(round.id));
  const data = board.data;

  const onRemind = () =>
    remind.mutate(undefined, {
      onSuccess: (r) => {
        message.success(
          t('filings.reminded', { units: r.units.length, notified: r.notified, already: r.alreadyNotified }),
        );
        if (r.unitsWithoutUsers.length) {
          modal.info({
            title: t('filings.noAccountTitle'),
            content: r.unitsWithoutUsers.map((u) => u.name).join('、'),
          });
        }
      },
    });

  const columns: TableColumnsType<BoardUnitDto> = [
    {
      title: t('filings.unit'),
      key: 'unit',
      render: (_, u) => (
        <Space size={4} wrap={false}>
          <span style={{ whiteSpace: 'nowrap' }}>{u.organisation.name}</span>
          <Tag>{t(`filings.kinds.${u.organisation.kind}`)}</Tag>
        </Space>
      ),
      filters: [
        { text: t('filings.kinds.department'), value: 'department' },
        { text: t('filings.kinds.counterpart'), value: 'counterpart' },
      ],
      onFilter: (value, u) => u.organisation.kind === value,
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4}>
          <FilingStatusTag status={u.status} />
          {u.submittedLate ? <Tag color="warning">{t('filings.lateSubmission')}</Tag> : null}
        </Space>
      ),
      filters: FILING_STATUSES.map((s) => ({ text: t(`filings.statuses.${s}`), value: s })),
      onFilter: (value, u) => u.status === value,
    },
    {
      title: t('filings.submittedAtLabel'),
      key: 'submittedAt',
      render: (_, u) => (u.submittedAt ? formatDateTime(u.submittedAt) : '—'),
    },
    {
      title: t('filings.filedAtLabel'),
      key: 'filedAt',
      render: (_, u) => (u.filedAt ? formatDateTime(u.filedAt) : '—'),
    },
    {
      title: t('filings.changes'),
      key: 'changes',
      render: (_, u) =>
        u.changedSinceFiling || u.pendingChangeReports ? (
          <Link to={`/roster/${u.organisation.id}`}>
            <Space size={4}>
              {u.changedSinceFiling ? <Tag color="purple">{t('filings.changedSinceFiling')}</Tag> : null}
              {u.pendingChangeReports ? (
                <Tag color="orange">{t('filings.pendingReports', { count: u.pendingChangeReports })}</Tag>
              ) : null}
            </Space>
          </Link>
        ) : (
          '—'
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <Button
          type="link"
          size="small"
          onClick={() => onReview(u.organisation.id)}
          data-testid={`board-open-${u.organisation.id}`}
        >
          {u.formStatus === 'submitted' ? t('filings.review') : t('filings.view')}
        </Button>
      ),
    },
  ];

  if (board.isPending || board.isError) return <QueryStatus query={board} />;
  if (!data) return null;
  const percent = data.total ? Math.round((data.filed / data.total) * 100) : 0;

  return (
    <div data-testid="filing-board">
      <div className="filing-board-summary">
        <div>
          <div className="filing-board-count" data-testid="board-count">
            {t('filings.filedOf', { filed: data.filed, total: data.total })}
          </div>
          <Typography.Text type="secondary">
            {t('filings.deadlineOn', { deadline: data.round.deadline, today: data.today })}
          </Typography.Text>
        </div>
        <Progress
          percent={percent}
          aria-label={t('filings.filedOf', { filed: data.filed, total: data.total })}
          style={{ flex: 1, minWidth: 160, margin: 0 }}
        />
      </div>
      <Space wrap size={[8, 8]} style={{ marginBottom: 12 }}>
        {FILING_STATUSES.map((s: FilingStatus) => (
          <span key={s}>
            <FilingStatusTag status={s} /> {data.counts[s] ?? 0}
          </span>
        ))}
      </Space>
      {data.late.length > 0 ? (
        <UnitsAlert
          type="warning"
          title={t('filings.lateUnits', { count: data.late.length })}
          units={data.late}
          action={
            round.status === 'open' ? (
              <Button
                size="small"
                icon={<BellOutlined />}
                loading={remind.isPending}
                onClick={onRemind}
                data-testid="board-remind"
              >
                {t('filings.remind')}
              </Button>
            ) : undefined
          }
        />
      ) : null}
      <ErrorAlert error={remind.error} style={{ marginBottom: 12 }} />
      {data.changedSinceFiling.length > 0 ? (
        <UnitsAlert
          type="info"
          title={t('filings.changedUnits', { count: data.changedSinceFiling.length })}
          units={data.changedSinceFiling}
        />
      ) : null}
      <Table<BoardUnitDto>
        rowKey={(u) => u.organisation.id}
        size="small"
        columns={columns}
        dataSource={data.units}
        scroll={{ x: 'max-content' }}
        pagination={listPagination(t, 50)}
        data-testid="board-table"
      />
      <Suspense fallback={null}>
        {reviewing !== null ? (
          <ReviewDrawer round={round} organisationId={reviewing} onClose={() => onReview(null)} />
        ) : null}
      </Suspense>
    </div>
  );
}
