import { ImportOutlined } from '@ant-design/icons';
import { Alert, Button, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PairingDto } from '../../../common/schemas/pairings';
import { hasPermission } from '../../access';
import { ExportButton } from '../../components/ExportButton';
import { useCurrentUser } from '../../components/guards';
import { PageCard } from '../../components/PageCard';
import { ErrorAlert } from '../../components/QueryStatus';
import { AddButton } from '../../components/Toolbar';
import { YearSelect } from '../../components/YearSelect';
import { yearInForce } from '../../components/years';
import { positiveInt, useUrlParams } from '../../lib/searchParams';
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
  const [params, setParam] = useUrlParams();
  const years = usePairingYears();
  const [creating, setCreating] = useState(false);
  const [ending, setEnding] = useState<PairingDto | null>(null);
  const [importing, setImporting] = useState(false);

  const knownYears = years.data?.years ?? [];
  // the list in force today, unless the user picks another (in December next year's may exist already)
  const current = yearInForce();
  const year = years.isPending ? null : (positiveInt(params.get('year')) ?? current);
  const tabParam = params.get('tab');
  const tab: Tab = TABS.find((x) => x === tabParam) ?? 'table';

  const list = usePairings(year);
  const canWrite = list.data?.abilities.canWrite ?? false;
  const canExport = hasPermission(user, 'documents:read');

  const yearChoices = [...new Set([...knownYears, ...(year ? [year] : [])])].sort((a, b) => b - a);

  return (
    <PageCard title={t('pairings.title')}>
      <div className="liaison-toolbar">
        <YearSelect
          testId="year-select"
          loading={years.isPending}
          value={year ?? undefined}
          years={yearChoices}
          onChange={(value) => setParam({ year: value })}
        />
        <div className="liaison-toolbar-spacer" />
        {canWrite ? (
          <>
            <AddButton onClick={() => setCreating(true)}>{t('pairings.add')}</AddButton>
            <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
              {t('common.import')}
            </Button>
          </>
        ) : null}
        {canExport && year ? (
          <>
            <ExportButton url="/api/v1/documents/pairing-list.docx" query={{ year }} testId="export-docx">
              {t('pairings.exportDocx')}
            </ExportButton>
            <ExportButton url="/api/v1/documents/pairing-list.xlsx" query={{ year }} testId="export-xlsx">
              {t('pairings.exportXlsx')}
            </ExportButton>
          </>
        ) : null}
      </div>
      <ErrorAlert error={years.error} />
      {!years.isPending && knownYears.length === 0 ? (
        <Alert type="info" showIcon title={t('pairings.noYears')} style={{ marginBottom: 16 }} />
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParam({ tab: key })}
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
          <CreatePairingModal open={creating} year={year ?? current} onClose={() => setCreating(false)} />
          <EndPairingModal pairing={ending} year={year ?? current} onClose={() => setEnding(null)} />
          <ImportDrawer open={importing} year={year ?? current} onClose={() => setImporting(false)} />
        </>
      ) : null}
    </PageCard>
  );
}
