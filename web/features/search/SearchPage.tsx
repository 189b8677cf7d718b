import { Alert, Card, Empty, Input, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  SEARCH_ENTITY_LABELS,
  SEARCH_ENTITY_TYPES,
  SEARCH_MIN_CHARS,
  type SearchHit,
} from '../../../common/schemas/search';
import { errorText } from '../../api/client';
import { formatDateTime } from '../../components/format';
import { label } from '../../i18n';
import { safePath } from '../home/MyWorkPage';
import { searchable, useSearch } from './api';
import { Highlight } from './Highlight';

/** /search?q=: the hits in scope, grouped by type, the matches highlighted. */
export default function SearchPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [params, setParams] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const long = searchable(q);
  const search = useSearch(q);
  const groups = useMemo(() => {
    const by = new Map<string, SearchHit[]>();
    for (const hit of search.data?.items ?? []) by.set(hit.type, [...(by.get(hit.type) ?? []), hit]);
    return SEARCH_ENTITY_TYPES.filter((type) => by.has(type)).map((type) => ({
      type,
      hits: by.get(type) ?? [],
    }));
  }, [search.data]);

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('search.title')}
        </Typography.Title>
      }
    >
      <Input.Search
        allowClear
        enterButton
        maxLength={50}
        style={{ maxWidth: 520, marginBottom: 16 }}
        placeholder={t('search.placeholder')}
        aria-label={t('search.placeholder')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(value) => setParams(value.trim() ? { q: value.trim() } : {})}
        data-testid="search-page-input"
      />
      {q && !long ? (
        <Alert type="info" showIcon title={t('search.tooShort', { min: SEARCH_MIN_CHARS })} />
      ) : null}
      {search.isError ? <Alert type="error" showIcon title={errorText(search.error)} /> : null}
      {search.isFetching && !search.data ? <Skeleton active /> : null}
      {search.data ? (
        <div data-testid="search-results">
          <Typography.Paragraph type="secondary">
            {search.data.truncated
              ? t('search.truncated', { count: search.data.items.length })
              : t('search.count', { count: search.data.items.length, q: search.data.q })}
          </Typography.Paragraph>
          {groups.length === 0 ? <Empty description={t('search.nothing')} /> : null}
          {groups.map((g) => (
            <Card
              key={g.type}
              size="small"
              style={{ marginBottom: 16 }}
              title={
                <Space>
                  {label(SEARCH_ENTITY_LABELS[g.type], lang)}
                  <Tag>{g.hits.length}</Tag>
                </Space>
              }
              data-testid={`search-group-${g.type}`}
            >
              <List
                size="small"
                dataSource={g.hits}
                renderItem={(hit) => {
                  const path = safePath(hit.link);
                  const title = <Highlight html={hit.titleHtml} />;
                  return (
                    <List.Item data-testid="search-hit">
                      <List.Item.Meta
                        title={path ? <Link to={path}>{title}</Link> : title}
                        description={
                          <>
                            <div className="liaison-snippet" style={{ wordBreak: 'break-word' }}>
                              <Highlight html={hit.snippet} />
                            </div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {formatDateTime(hit.updatedAt)}
                            </Typography.Text>
                          </>
                        }
                      />
                    </List.Item>
                  );
                }}
              />
            </Card>
          ))}
        </div>
      ) : null}
    </Card>
  );
}
