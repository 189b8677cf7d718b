import { EditOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Popconfirm, Select, Spin, Tag } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { FilingRoundDto } from '../../../common/schemas/filings';
import { useCurrentUser } from '../../components/guards';
import { PageCard } from '../../components/PageCard';
import { ErrorAlert, QueryStatus } from '../../components/QueryStatus';
import { AddButton } from '../../components/Toolbar';
import { positiveInt } from '../../lib/searchParams';
import { filingApi, useFilingMutation, useRounds } from './api';

// 统战部 loads the board, a unit the form: neither carries the other's code.
const Board = lazy(() => import('./Board'));
const FilingForm = lazy(() => import('./FilingForm').then((m) => ({ default: m.FilingForm })));
const RoundModal = lazy(() => import('./RoundModal'));

/** 登记报送 (附件2): 统战部 opens rounds and reviews; a unit's 联络员 fills in and submits its form. */
export default function FilingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const rounds = useRounds();
  const params = useParams();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<FilingRoundDto | null>(null);
  const close = useFilingMutation((roundId: number) => filingApi.closeRound(roundId));

  // /filings, /filings/:roundId, /filings/:roundId/:organisationId (the links of notifications)
  const [roundPart, orgPart] = (params['*'] ?? '').split('/');
  const roundFromUrl = positiveInt(roundPart) ?? null;
  const orgFromUrl = positiveInt(orgPart) ?? null;
  const items = rounds.data?.items ?? [];
  const canManage = rounds.data?.abilities.canManage ?? false;
  const isUnit = user.role === 'department' || user.role === 'counterpart';

  const round = useMemo(() => {
    if (roundFromUrl) return items.find((r) => r.id === roundFromUrl) ?? null;
    return items.find((r) => r.status === 'open') ?? items[0] ?? null;
  }, [items, roundFromUrl]);

  const go = (roundId: number | null, organisationId?: number | null) =>
    navigate(roundId ? `/filings/${roundId}${organisationId ? `/${organisationId}` : ''}` : '/filings', {
      replace: true,
    });

  const roundOptions = items.map((r) => ({
    value: r.id,
    label: `${t('common.yearSuffix', { year: r.year })} · ${t('filings.deadlineShort', { deadline: r.deadline })} · ${
      r.status === 'open' ? t('filings.open') : t('filings.closed')
    }`,
  }));

  return (
    <PageCard title={t('filings.title')}>
      <div className="liaison-toolbar">
        {items.length > 0 ? (
          <Select<number>
            style={{ minWidth: 240, maxWidth: '100%' }}
            value={round?.id}
            options={roundOptions}
            onChange={(id) => go(id)}
            aria-label={t('filings.roundSelect')}
            data-testid="round-select"
          />
        ) : null}
        {round ? (
          <Tag color={round.status === 'open' ? 'processing' : 'default'}>
            {round.status === 'open' ? t('filings.open') : t('filings.closed')}
          </Tag>
        ) : null}
        <div className="liaison-toolbar-spacer" />
        {canManage && round?.status === 'open' ? (
          <>
            <Button icon={<EditOutlined />} onClick={() => setEditing(round)}>
              {t('filings.editRoundButton')}
            </Button>
            <Popconfirm
              title={t('filings.closeConfirm', { year: round.year })}
              onConfirm={() => close.mutate(round.id)}
            >
              <Button icon={<StopOutlined />} loading={close.isPending}>
                {t('filings.closeRound')}
              </Button>
            </Popconfirm>
          </>
        ) : null}
        {canManage ? (
          <AddButton onClick={() => setCreating(true)} testId="round-create">
            {t('filings.openRound')}
          </AddButton>
        ) : null}
      </div>
      <QueryStatus query={rounds} />
      <ErrorAlert error={close.error} style={{ marginBottom: 12 }} />
      {!rounds.isPending && !round ? (
        <Empty description={canManage ? t('filings.noRoundsManager') : t('filings.noRounds')} />
      ) : null}
      <Suspense fallback={<Spin />}>
        {round && canManage ? (
          <Board round={round} reviewing={orgFromUrl} onReview={(org) => go(round.id, org)} />
        ) : null}
        {round && !canManage && isUnit ? (
          <FilingForm key={round.id} round={round} organisationId={user.organisation.id} />
        ) : null}
      </Suspense>
      {round && !canManage && !isUnit ? <Alert type="info" showIcon title={t('filings.readOnly')} /> : null}
      {canManage && (creating || editing !== null) ? (
        <Suspense fallback={null}>
          <RoundModal
            open={creating || editing !== null}
            round={editing}
            onClose={() => {
              setCreating(false);
              setEditing(null);
            }}
            onSaved={(saved) => go(saved.id)}
          />
        </Suspense>
      ) : null}
    </PageCard>
  );
}
