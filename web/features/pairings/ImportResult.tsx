import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResponse } from '../../../common/schemas/pairings';
import type { GridRow } from './ImportGrid';

/**
 * What an import did, kept in the drawer until the user closes it: pairs created, pairs already there (not
 * imported twice), pairs the user removed, units and aliases created, and each line of the notice that could
 * not be read (nothing of it was imported).
 */
export function ImportResult({
  result,
  rows,
  onClose,
  onAgain,
}: {
  result: ImportResponse;
  rows: GridRow[];
  onClose: () => void;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const removed = rows.filter((r) => r.kind === 'pair' && r.removed).length;
  const unread = rows.flatMap((r) => (r.kind === 'issue' ? [r] : []));
  return (
    <Alert
      type={unread.length > 0 ? 'warning' : 'success'}
      showIcon
      data-testid="import-result"
      title={t('import.resultTitle')}
      description={
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <div>
            {t('import.result', {
              created: result.created,
              alreadyPresent: result.alreadyPresent,
              orgs: result.organisationsCreated.length,
              aliases: result.aliasesAdded,
            })}
          </div>
          {result.organisationsCreated.length > 0 ? (
            <div>
              {t('import.resultOrgs', { names: result.organisationsCreated.map((o) => o.name).join('、') })}
            </div>
          ) : null}
          {removed > 0 ? (
            <div data-testid="import-result-removed">{t('import.resultRemoved', { count: removed })}</div>
          ) : null}
          {unread.length > 0 ? (
            <div data-testid="import-result-lines">
              <div>{t('import.resultLines', { count: unread.length })}</div>
              <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
                {unread.map((r) => (
                  <li key={r.key} style={{ wordBreak: 'break-word' }}>
                    {t('import.resultLine', { line: r.line, text: r.text, message: r.message })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <Space wrap>
            <Button type="primary" onClick={onClose} data-testid="import-result-close">
              {t('common.close')}
            </Button>
            <Button onClick={onAgain} data-testid="import-again">
              {t('import.again')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
