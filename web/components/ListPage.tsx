import { Alert, Card, Table, type TableProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/client';

export interface ListTableProps<T> {
  /** filters and buttons above the table (`.liaison-toolbar`) */
  toolbar?: ReactNode;
  /** the list query's error, shown above the table */
  error?: unknown;
  /** the table; size, horizontal scroll and pagination have the lists' defaults */
  table: TableProps<T>;
  /** rows per page (20); `false`: no pagination */
  pageSize?: number | false;
  /** offer 20/50/100 rows per page */
  sizeChanger?: boolean;
}

/** Toolbar, error and table with the pagination every list uses ("共 N 条"). */
export function ListTable<T extends object>({
  toolbar,
  error,
  table,
  pageSize = 20,
  sizeChanger = false,
}: ListTableProps<T>) {
  const { t } = useTranslation();
  return (
    <>
      {toolbar ? <div className="liaison-toolbar">{toolbar}</div> : null}
      {error ? <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} /> : null}
      <Table<T>
        size="middle"
        scroll={{ x: 'max-content' }}
        pagination={
          pageSize === false
            ? false
            : {
                defaultPageSize: pageSize,
                ...(sizeChanger ? { showSizeChanger: true } : {}),
                showTotal: (n) => t('common.total', { count: n }),
              }
        }
        {...table}
      />
    </>
  );
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
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      }
      extra={extra}
      data-testid={testId}
    >
      <ListTable<T> {...list} />
      {children}
    </Card>
  );
}
