import { PostgresAdapter, type QueryExecutorProvider } from 'kysely';

/** Any Kysely instance or transaction, of the app's schema or of a migration's. */
export function isPostgres(db: { getExecutor(): ReturnType<QueryExecutorProvider['getExecutor']> }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

export const nowIso = (): string => new Date().toISOString();
