import { FileExcelOutlined, FileWordOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PairingDto } from '../../../common/schemas/pairings';
import { hasPermission } from '../../access';
import { errorText, withQuery } from '../../api/client';
import { useCurrentUser } from '../../components/guards';
import { usePairings, usePairingYears } from './api';
import { CreatePairingModal } from './CreatePairingModal';
import { EndPairingModal } from './EndPairingModal';
import { ImportDrawer } from './ImportDrawer';
import { PairingHistory } from './PairingHistory';
import { PairingMatrix } from './PairingMatrix';
import { PairingTable } from './PairingTable';

const TABS = ['table', 'matrix', 'history'] as const;
type Tab = (typeof TABS)[number];

export default function PairingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const years = usePairingYears();
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<PairingDto | null>(null);
  const [importing, setImporting] = useState(false);

  const knownYears = years.data?.years ?? [];
  const latest = knownYears.length > 0 ? Math.max(...knownYears) : new Date().getFullYear();
  const fromUrl = Number(params.get('year'));
  const year = years.isPending ? null : Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl : latest;
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? 'table';

  const list = usePairings(year);
  const canWrite = list.data?.abilities.canWrite ?? false;
  const canExport = hasPermission(user, 'documents:read');

  const setParam = (key: string, value: string) => {
    setParams(
      (prev) => {
        const nextParams = new URLSearchParams(prev);
        nextParams.set(key, value);
        return nextParams;
      },
      { replace: true },
    );
  };

  const yearOptions = [...new Set([...knownYears, ...(year ? [year] : [])])]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: t('common.yearSuffix', { year: y }) }));

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('pairings.title')}
        </Typography.Title>
      }
    >
      <div className="liaison-toolbar">
        <Space>
          <Typography.Text>{t('pairings.year')}</Typography.Text>
          <Select
            data-testid="year-select"
            style={{ width: 120 }}
            loading={years.isPending}
            value={year ?? undefined}
            options={yearOptions}
            onChange={(value: number) => setParam('year', String(value))}
          />
        </Space>
        <div className="liaison-toolbar-spacer" />
        {canWrite ? (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('pairings.add')}
            </Button>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              {t('common.import')}
            </Button>
          </>
        ) : null}
        {canExport && year ? (
          <>
            <Button
              icon={<FileWordOutlined />}
              href={withQuery('/api/v1/documents/pairing-list.docx', { year })}
              download
              data-testid="export-docx"
            >
              {t('pairings.exportDocx')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              href={withQuery('/api/v1/documents/pairing-list.xlsx', { year })}
              download
              data-testid="export-xlsx"
            >
              {t('pairings.exportXlsx')}
            </Button>
          </>
        ) : null}
      </div>
      {years.isError ? <Alert type="error" showIcon title={errorText(years.error)} /> : null}
      {!years.isPending && knownYears.length === 0 ? (
        <Alert type="info" showIcon title={t('pairings.noYears')} style={{ marginBottom: 16 }} />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam('tab', key)}
        destroyOnHidden
        items={[
          {
            key: 'table',
            label: t('pairings.tabTable'),
            children: (
              <PairingTable
                loading={list.isPending}
                error={list.error}
                items={list.data?.items ?? []}
                canWrite={canWrite}
                onEnd={setEnding}
              />
            ),
          },
          { key: 'matrix', label: t('pairings.tabMatrix'), children: <PairingMatrix year={year} /> },
          { key: 'history', label: t('pairings.tabHistory'), children: <PairingHistory /> },
        ]}
      />
      {canWrite ? (
        <>
          <CreatePairingModal open={creating} year={year ?? latest} onClose={() => setCreating(false)} />
          <EndPairingModal pairing={ending} year={year ?? latest} onClose={() => setEnding(null)} />
          <ImportDrawer open={importing} year={year ?? latest} onClose={() => setImporting(false)} />
        </>
      ) : null}
    </Card>
  );
}
