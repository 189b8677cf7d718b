import { type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PairingEventDto } from '../../../common/schemas/pairings';
import { formatDateTime } from '../../components/format';
import { ListTable } from '../../components/ListPage';
import { ErrorAlert } from '../../components/QueryStatus';
import { usePairingHistory } from './api';

export function PairingHistory() {
  const { t } = useTranslation();
  const history = usePairingHistory(true);

  const columns: TableColumnsType<PairingEventDto> = [
    { title: t('pairings.historyAt'), dataIndex: 'at', render: (v: string) => formatDateTime(v) },
    {
      title: t('pairings.historyAction'),
      dataIndex: 'action',
      render: (v: PairingEventDto['action']) =>
        v === 'created' ? (
          <Tag color="green">{t('pairings.actionCreated')}</Tag>
        ) : (
          <Tag color="red">{t('pairings.actionEnded')}</Tag>
        ),
      filters: [
        { text: t('pairings.actionCreated'), value: 'created' },
        { text: t('pairings.actionEnded'), value: 'ended' },
      ],
      onFilter: (value, e) => e.action === value,
    },
    { title: t('pairings.historyYear'), dataIndex: 'year' },
    { title: t('pairings.counterpart'), key: 'counterpart', render: (_, e) => e.counterpart.name },
    { title: t('pairings.department'), key: 'department', render: (_, e) => e.department.name },
    { title: t('pairings.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
    { title: t('pairings.historyNote'), dataIndex: 'note', render: (v: string | null) => v ?? '' },
    { title: t('pairings.historyActor'), dataIndex: 'actor', render: (v: string | null) => v ?? '—' },
  ];

  if (history.isError) return <ErrorAlert error={history.error} />;
  return (
    <ListTable<PairingEventDto>
      sizeChanger
      table={{ loading: history.isPending, columns, dataSource: history.data?.items ?? [] }}
    />
  );
}
