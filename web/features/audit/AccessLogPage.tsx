import { Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntryDto } from '../../../common/schemas/audit';
import { formatDateTime } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { ErrorAlert } from '../../components/QueryStatus';
import { type AccessLogKind as Kind, useAccessLog } from './api';

/** 统战部: the refused requests of its region's users and the reveals of its units' phone numbers. */
export default function AccessLogPage() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [page, setPage] = useState(1);
  const list = useAccessLog(kind, page);
  const columns: TableColumnsType<AccessLogEntryDto> = [
    { title: t('audit.at'), dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 150 },
    {
      title: t('accessLog.kind'),
      dataIndex: 'kind',
      render: (v: Kind) => <Tag color={v === 'refusals' ? 'orange' : 'blue'}>{t(`accessLog.${v}`)}</Tag>,
    },
    { title: t('audit.actor'), dataIndex: 'actor', render: (v: string | null) => v ?? '—' },
    { title: t('audit.ip'), dataIndex: 'ip', render: (v: string | null) => v ?? '' },
    { title: t('accessLog.entity'), dataIndex: 'entity', render: (v: string | null) => v ?? '' },
    { title: t('audit.detail'), dataIndex: 'detail', render: (v: string | null) => v ?? '' },
  ];
  return (
    <PageCard title={t('accessLog.title')}>
      <Typography.Paragraph type="secondary">{t('accessLog.hint')}</Typography.Paragraph>
      <Segmented<Kind | 'all'>
        value={kind}
        onChange={(v) => {
          setKind(v);
          setPage(1);
        }}
        options={(['all', 'refusals', 'reveals'] as const).map((k) => ({
          value: k,
          label: t(`accessLog.${k}`),
        }))}
        style={{ marginBottom: 12 }}
      />
      <ErrorAlert error={list.error} />
      <Table<AccessLogEntryDto>
        rowKey="id"
        size="small"
        data-testid="access-log"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 50,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </PageCard>
  );
}
