import { Button, Input, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairingDto } from '../../../common/schemas/pairings';
import { ListTable } from '../../components/ListPage';

function distinct(values: string[]) {
  return [...new Set(values)].map((v) => ({ text: v, value: v }));
}

export function PairingTable({
  items,
  loading,
  error,
  canWrite,
  onEnd,
}: {
  items: PairingDto[];
  loading: boolean;
  error: Error | null;
  canWrite: boolean;
  onEnd: (pairing: PairingDto) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');

  const rows = useMemo(() => {
    const q = search.trim();
    if (!q) return items;
    return items.filter(
      (p) => p.counterpart.name.includes(q) || p.department.name.includes(q) || (p.source ?? '').includes(q),
    );
  }, [items, search]);

  const columns: TableColumnsType<PairingDto> = [
    {
      title: t('pairings.counterpart'),
      key: 'counterpart',
      render: (_, p) => p.counterpart.name,
      filters: distinct(items.map((p) => p.counterpart.name)),
      onFilter: (value, p) => p.counterpart.name === value,
      sorter: (a, b) => a.counterpart.name.localeCompare(b.counterpart.name, 'zh-CN'),
    },
    {
      title: t('pairings.department'),
      key: 'department',
      render: (_, p) => p.department.name,
      filters: distinct(items.map((p) => p.department.name)),
      filterSearch: true,
      onFilter: (value, p) => p.department.name === value,
    },
    {
      title: t('pairings.validity'),
      key: 'validity',
      render: (_, p) => `${p.validFrom} – ${p.validTo ?? t('pairings.untilNow')}`,
    },
    { title: t('pairings.source'), dataIndex: 'source', render: (v: string | null) => v ?? '—' },
    {
      title: t('pairings.shared'),
      key: 'shared',
      render: (_, p) => (p.shared ? <Tag color="purple">{t('pairings.shared')}</Tag> : null),
      filters: [
        { text: t('common.yes'), value: true },
        { text: t('common.no'), value: false },
      ],
      onFilter: (value, p) => p.shared === value,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, p) =>
        p.validTo === null ? (
          <Button size="small" danger type="link" onClick={() => onEnd(p)}>
            {t('pairings.end')}
          </Button>
        ) : (
          <Tag>{t('pairings.ended')}</Tag>
        ),
    });
  }

  return (
    <ListTable<PairingDto>
      toolbar={
        <Input.Search
          allowClear
          placeholder={t('pairings.searchPlaceholder')}
          aria-label={t('pairings.searchPlaceholder')}
          style={{ maxWidth: 360 }}
          onSearch={setSearch}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="pairing-search"
        />
      }
      error={error}
      sizeChanger
      table={{ loading, columns, dataSource: rows, 'data-testid': 'pairing-table' }}
    />
  );
}
