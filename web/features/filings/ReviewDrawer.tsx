import { CheckCircleOutlined, EyeOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Descriptions, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingDto, FilingRoundDto } from '../../../common/schemas/filings';
import type { FormPersonDto } from '../../../common/schemas/roster';
import { ActionBar } from '../../components/ActionBar';
import { DetailDrawer } from '../../components/DetailDrawer';
import { ExportButton } from '../../components/ExportButton';
import { formatDateTime } from '../../components/format';
import { DetailTable } from '../../components/ListPage';
import { ErrorAlert } from '../../components/QueryStatus';
import { ReasonModal } from '../../components/ReasonModal';
import { filingApi, useFiling, useFilingMutation } from './api';
import { FilingEvents } from './FilingEvents';
import { RoundNote } from './FilingForm';
import { FilingStatusTag } from './labels';

interface Row extends FormPersonDto {
  role: 'leader' | 'liaison';
}

/** 统战部 reviews one unit's form: reads it (phones masked unless revealed with a reason), files or returns it. */
export function ReviewDrawer({
  round,
  organisationId,
  onClose,
}: {
  round: FilingRoundDto;
  organisationId: number | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const query = useFiling(round.id, organisationId);
  const [revealed, setRevealed] = useState<FilingDto | null>(null);
  const [asking, setAsking] = useState<'return' | 'reveal' | null>(null);
  const shown = revealed && revealed.organisation.id === organisationId ? revealed : query.data;

  const file = useFilingMutation(() => filingApi.file(round.id, organisationId ?? 0, null));
  const ret = useFilingMutation((reason: string) =>
    filingApi.returnFiling(round.id, organisationId ?? 0, reason),
  );

  const rows: Row[] = shown
    ? [
        { role: 'leader', ...shown.leader },
        { role: 'liaison', ...shown.liaison },
      ]
    : [];
  const columns: TableColumnsType<Row> = [
    { title: '', key: 'role', render: (_, r) => t(`filings.roles.${r.role}`) },
    { title: t('filings.name'), key: 'name', render: (_, r) => r.name ?? '—' },
    { title: t('filings.position'), key: 'position', render: (_, r) => r.position ?? '—' },
    {
      title: t('filings.phone'),
      key: 'phone',
      render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.phone ?? '—'}</span>,
    },
  ];

  const close = () => {
    setRevealed(null);
    file.reset();
    onClose();
  };

  return (
    <DetailDrawer
      open={organisationId !== null}
      onClose={close}
      width={680}
      title={shown ? shown.organisation.name : t('filings.form')}
      testId="review-drawer"
      query={query}
    >
      {shown ? (
        <>
          <ActionBar
            style={{ marginBottom: 16 }}
            actions={[
              {
                key: 'file',
                show: shown.abilities.canReview,
                primary: true,
                icon: <CheckCircleOutlined />,
                loading: file.isPending,
                label: t('filings.file'),
                confirm: t('filings.fileConfirm', { name: shown.organisation.name }),
                onClick: () =>
                  file.mutate(undefined, {
                    onSuccess: () => {
                      setRevealed(null);
                      message.success(t('filings.filedDone'));
                    },
                  }),
                testId: 'review-file',
              },
              {
                key: 'return',
                show: shown.abilities.canReview,
                danger: true,
                icon: <RollbackOutlined />,
                label: t('filings.return'),
                onClick: () => setAsking('return'),
                testId: 'review-return',
              },
              {
                key: 'reveal',
                show: shown.abilities.canReveal && shown.phonesMasked,
                icon: <EyeOutlined />,
                label: t('roster.reveal'),
                onClick: () => setAsking('reveal'),
                testId: 'review-reveal',
              },
            ]}
          >
            <ExportButton
              url="/api/v1/documents/registration-form.docx"
              query={{ organisationId: shown.organisation.id, year: round.year }}
            >
              {t('filings.downloadFilled')}
            </ExportButton>
          </ActionBar>
          <ErrorAlert error={file.error} style={{ marginBottom: 16 }} />
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, sm: 2 }}
            items={[
              {
                key: 'status',
                label: t('common.status'),
                children: <FilingStatusTag status={shown.status} />,
              },
              {
                key: 'submitted',
                label: t('filings.submittedAtLabel'),
                children: shown.submittedAt ? (
                  <>
                    {formatDateTime(shown.submittedAt)}
                    {shown.submittedLate ? (
                      <Typography.Text type="warning"> · {t('filings.submittedLate')}</Typography.Text>
                    ) : null}
                  </>
                ) : (
                  '—'
                ),
              },
              {
                key: 'filed',
                label: t('filings.filedAtLabel'),
                children: shown.filedAt ? formatDateTime(shown.filedAt) : '—',
              },
              ...(shown.returnReason
                ? [{ key: 'reason', label: t('filings.returnReason'), children: shown.returnReason }]
                : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('filings.formTitle')}
          </Typography.Title>
          <DetailTable<Row>
            rowKey="role"
            bordered
            columns={columns}
            dataSource={rows}
            data-testid="review-persons"
          />
          {shown.phonesMasked ? (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              {t('roster.phonesMasked')}
            </Typography.Paragraph>
          ) : null}
          <RoundNote round={round} />
          <FilingEvents filing={shown} />
          <ReasonModal
            open={asking === 'return'}
            title={t('filings.returnTitle', { name: shown.organisation.name })}
            label={t('filings.returnReason')}
            okText={t('filings.return')}
            danger
            testId="return-reason-input"
            onClose={() => setAsking(null)}
            onSubmit={async (reason) => {
              await ret.mutateAsync(reason ?? '');
              setRevealed(null);
              message.success(t('filings.returnedDone'));
            }}
          />
          <ReasonModal
            open={asking === 'reveal'}
            title={t('roster.revealTitle')}
            hint={t('roster.revealHint')}
            label={t('roster.revealReason')}
            okText={t('roster.reveal')}
            onClose={() => setAsking(null)}
            onSubmit={async (reason) => {
              setRevealed(await filingApi.reveal(round.id, shown.organisation.id, reason ?? ''));
            }}
          />
        </>
      ) : null}
    </DetailDrawer>
  );
}
