import { ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Segmented, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DELIVERY_STATUSES,
  type DeliveryDto,
  type DeliveryStatus,
  NOTIFICATION_KIND_LABELS,
} from '../../../common/schemas/mail';
import { formatDateTime } from '../../components/format';
import { PageCard } from '../../components/PageCard';
import { ErrorAlert } from '../../components/QueryStatus';
import { label } from '../../i18n';
import { notificationKeys } from './api';
import { notificationSettingsApi, useDeliveries } from './settingsApi';

const COLORS: Record<DeliveryStatus, string> = { pending: 'processing', sent: 'success', failed: 'error' };

/** 邮件投递: the system admin sees the e-mail deliveries (never their content) and retries failed ones. */
export default function DeliveriesPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | 'all'>('failed');
  const list = useDeliveries(status);
  const retry = useMutation({
    mutationFn: notificationSettingsApi.retry,
    onSuccess: () => {
      message.success(t('deliveries.retried'));
      void queryClient.invalidateQueries({ queryKey: notificationKeys.allDeliveries });
    },
  });
  const kindLabel = (k: string) =>
    k in NOTIFICATION_KIND_LABELS
      ? label(NOTIFICATION_KIND_LABELS[k as keyof typeof NOTIFICATION_KIND_LABELS], lang)
      : k;

  const columns: TableColumnsType<DeliveryDto> = [
    {
      title: t('deliveries.createdAt'),
      key: 'at',
      render: (_, d) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(d.createdAt)}</span>,
    },
    { title: t('deliveries.user'), dataIndex: 'username' },
    { title: t('deliveries.recipient'), dataIndex: 'recipient' },
    { title: t('deliveries.kind'), key: 'kind', render: (_, d) => kindLabel(d.kind) },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, d) => <Tag color={COLORS[d.status]}>{t(`deliveries.statuses.${d.status}`)}</Tag>,
    },
    { title: t('deliveries.attempts'), dataIndex: 'attempts' },
    {
      title: t('deliveries.lastError'),
      key: 'err',
      render: (_, d) => (
        <Typography.Text type="danger" style={{ wordBreak: 'break-word' }}>
          {d.lastError ?? ''}
        </Typography.Text>
      ),
    },
    {
      title: t('common.actions'),
      key: 'retry',
      render: (_, d) =>
        d.status === 'failed' ? (
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={retry.isPending && retry.variables === d.id}
            onClick={() => retry.mutate(d.id)}
            data-testid="delivery-retry"
          >
            {t('deliveries.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <PageCard title={t('deliveries.title')}>
      <Typography.Paragraph type="secondary">{t('deliveries.hint')}</Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 12 }}
        value={status}
        onChange={(v) => setStatus(v as DeliveryStatus | 'all')}
        options={[
          ...DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`deliveries.statuses.${s}`) })),
          { value: 'all', label: t('common.all') },
        ]}
      />
      <ErrorAlert error={list.error} />
      <ErrorAlert error={retry.error} style={{ marginBottom: 12 }} />
      <Table<DeliveryDto>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 'max-content' }}
        pagination={{ defaultPageSize: 50 }}
        data-testid="deliveries-table"
      />
    </PageCard>
  );
}
