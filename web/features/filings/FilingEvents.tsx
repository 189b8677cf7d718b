import { Divider, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FilingDto } from '../../../common/schemas/filings';
import { formatDateTime } from '../../components/format';

const COLORS = { saved: 'gray', submitted: 'blue', returned: 'red', filed: 'green' } as const;

/** What happened to a form: saved, submitted, returned (with the reason), filed. */
export function FilingEvents({ filing }: { filing: FilingDto }) {
  const { t } = useTranslation();
  if (filing.events.length === 0) return null;
  return (
    <>
      <Divider titlePlacement="start">{t('filings.history')}</Divider>
      <Timeline
        items={[...filing.events].reverse().map((e) => ({
          key: e.id,
          color: COLORS[e.action],
          content: (
            <>
              <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>{' '}
              <Typography.Text strong>{t(`filings.events.${e.action}`)}</Typography.Text>
              {e.actor ? <Typography.Text type="secondary"> · {e.actor}</Typography.Text> : null}
              {e.note ? <div style={{ whiteSpace: 'pre-wrap' }}>{e.note}</div> : null}
            </>
          ),
        }))}
      />
    </>
  );
}
