import { Table, type TablePaginationConfig, type TableProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageCard } from './PageCard';
import { ErrorAlert } from './QueryStatus';

/** The pagination every list uses: `pageSize` rows a page, "共 N 条"; `more` adds to it (e.g. server paging). */
export function listPagination(
  t: TFunction,
  pageSize = 20,
  more?: TablePaginationConfig,
): TablePaginationConfig {
  return { defaultPageSize: pageSize, ...more, showTotal: (n) => t('common.total', { count: n }) };
}

type ListTableTable<T> = TableProps<T> & { 'data-testid'?: string };

/** A list query as the table reads it: the rows in `data.items`, fetching, failed. */
export interface ListQuery<T> {
  data: { items: T[] } | undefined;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
}

export interface ListTableProps<T> {
  /** filters and buttons above the table (`.liaison-toolbar`) */
  toolbar?: ReactNode;
  /** between the toolbar and the error: tabs, a filter form */
  header?: ReactNode;
  /** the list query: its rows fill the table, its fetching shows as loading, its error above the table */
  list?: ListQuery<T>;
  /** an error shown above the table (the list query's, when `list` is not given) */
  error?: unknown;
  /** between the error and the table: a notice about the rows */
  notice?: ReactNode;
  /**
   * the table; rows keyed by `id`, size, horizontal scroll and pagination have the lists' defaults (a
   * `pagination` object is added to the defaults, `false` turns it off)
   */
  table: ListTableTable<T>;
  /** rows per page (20); `false`: no pagination */
  pageSize?: number | false;
  /** offer 20/50/100 rows per page */
  sizeChanger?: boolean;
}

/** Toolbar, error and table with the pagination every list uses ("共 N 条"). */
export function ListTable<T extends object>({
  toolbar,
  header,
  list,
  error,
  notice,
  table,
  pageSize = 20,
  sizeChanger = false,
}: ListTableProps<T>) {
  const { t } = useTranslation();
  const { pagination, ...rest } = table;
  return (
    <>
      {toolbar ? <div className="liaison-toolbar">{toolbar}</div> : null}
      {header}
      <ErrorAlert error={error ?? (list?.isError ? list.error : null)} style={{ marginBottom: 16 }} />
      {notice}
      <Table<T>
        rowKey="id"
        {...(list ? { loading: list.isFetching, dataSource: list.data?.items ?? [] } : {})}
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={
          pageSize === false || pagination === false
            ? false
            : listPagination(t, pageSize, {
                ...(sizeChanger ? { showSizeChanger: true } : {}),
                ...pagination,
              })
        }
        {...rest}
      />
    </>
  );
}

/** A table inside a detail view: small, every row (no pagination), scrolled sideways when wide. */
export function DetailTable<T extends object>(props: ListTableTable<T>) {
  return <Table<T> size="small" pagination={false} scroll={{ x: 'max-content' }} {...props} />;
}

/** A page that is a list: a card with the page title (and `extra` beside it), then a ListTable. */
export function ListPage<T extends object>({
  title,
  extra,
  children,
  testId,
  ...list
}: ListTableProps<T> & {
  title: ReactNode;
  extra?: ReactNode;
  /** after the table: the page's modals and drawers */
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <PageCard title={title} extra={extra} testId={testId}>
      <ListTable<T> {...list} />
      {children}
    </PageCard>
  );
}
