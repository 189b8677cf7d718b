import { CheckCircleOutlined, EyeOutlined, FileWordOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Grid,
  Popconfirm,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FilingDto, FilingRoundDto } from '../../../common/schemas/filings';
import type { FormPersonDto } from '../../../common/schemas/roster';
import { errorText, withQuery } from '../../api/client';
import { formatDateTime } from '../../components/format';
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
  const screens = Grid.useBreakpoint();
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
    <Drawer
      open={organisationId !== null}
      onClose={close}
      size={screens.md ? 680 : '100%'}
      title={shown ? shown.organisation.name : t('filings.form')}
      destroyOnHidden
      data-testid="review-drawer"
    >
      {query.isPending ? <Skeleton active /> : null}
      {query.isError ? <Alert type="error" showIcon title={errorText(query.error)} /> : null}
      {shown ? (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            {shown.abilities.canReview ? (
              <>
                <Popconfirm
                  title={t('filings.fileConfirm', { name: shown.organisation.name })}
                  onConfirm={() =>
                    file.mutate(undefined, {
                      onSuccess: () => {
                        setRevealed(null);
                        message.success(t('filings.filedDone'));
                      },
                    })
                  }
                >
                  <Button
                    type="primary"
                    icon={<CheckCircleOutlined />}
                    loading={file.isPending}
                    data-testid="review-file"
                  >
                    {t('filings.file')}
                  </Button>
                </Popconfirm>
                <Button
                  danger
                  icon={<RollbackOutlined />}
                  onClick={() => setAsking('return')}
                  data-testid="review-return"
                >
                  {t('filings.return')}
                </Button>
              </>
            ) : null}
            {shown.abilities.canReveal && shown.phonesMasked ? (
              <Button icon={<EyeOutlined />} onClick={() => setAsking('reveal')} data-testid="review-reveal">
                {t('roster.reveal')}
              </Button>
            ) : null}
            <Button
              icon={<FileWordOutlined />}
              href={withQuery('/api/v1/documents/registration-form.docx', {
                organisationId: shown.organisation.id,
                year: round.year,
              })}
              download
            >
              {t('filings.downloadFilled')}
            </Button>
          </Space>
          {file.isError ? (
            <Alert type="error" showIcon title={errorText(file.error)} style={{ marginBottom: 16 }} />
          ) : null}
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
          <Table<Row>
            rowKey="role"
            size="small"
            bordered
            pagination={false}
            columns={columns}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
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
    </Drawer>
  );
}
