import { List, Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SentenceDto } from '../../../common/schemas/reports';
import { preWrap as pre } from '../../lib/styles';

/** Where a sentence's record opens in the app. */
function sourcePath(source: SentenceDto['sources'][number]): string {
  switch (source.type) {
    case 'ledger':
      return `/ledger?record=${source.id}`;
    case 'consultation':
      return `/consultations/matters/${source.id}`;
    case 'suggestion':
      return `/consultations/items/${source.id}`;
    default:
      return '/plans';
  }
}

/** The generated text, each sentence clickable to the records it was written from. */
export function Sentences({ sentences }: { sentences: SentenceDto[] }) {
  const { t } = useTranslation();
  if (sentences.length === 0)
    return <Typography.Text type="secondary">{t('reports.nothingGenerated')}</Typography.Text>;
  return (
    <span style={pre}>
      {sentences.map((s, i) =>
        s.sources.length > 0 ? (
          <Popover
            // biome-ignore lint/suspicious/noArrayIndexKey: the sentences of a text have no other identity
            key={i}
            trigger="click"
            title={t('reports.sources', { count: s.sources.length })}
            content={
              <List
                size="small"
                style={{ maxWidth: 320, maxHeight: 300, overflow: 'auto' }}
                dataSource={s.sources}
                renderItem={(src) => (
                  <List.Item>
                    <Link to={sourcePath(src)} data-testid="sentence-source">
                      {t(`reports.sourceTypes.${src.type}`)} #{src.id}
                    </Link>
                  </List.Item>
                )}
              />
            }
          >
            <span className="liaison-sentence" data-testid="sentence">
              {s.text}
            </span>
          </Popover>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the sentences of a text have no other identity
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}
