import { Alert, Skeleton } from 'antd';
import type { CSSProperties } from 'react';
import { errorText } from '../api/client';

/** A query's or a mutation's error as an alert; nothing while there is none. */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  return error ? <Alert type="error" showIcon title={errorText(error)} style={style} /> : null;
}

/** What a query's `isPending` / `isError` / `error` say. */
export interface QueryState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
}

/** A query still loading (a skeleton) or failed (its error); nothing once it has data. */
export function QueryStatus({ query, errorStyle }: { query: QueryState; errorStyle?: CSSProperties }) {
  return (
    <>
      {query.isPending ? <Skeleton active /> : null}
      <ErrorAlert error={query.isError ? query.error : null} style={errorStyle} />
    </>
  );
}
