import type { Executor } from '../context.js';
import { ledgerReindexer } from '../modules/ledger/index.js';
import { rebuildSearchIndex } from '../modules/search/index.js';

/** `liaison search reindex`: every row of the search index again, of every entity kind. */
export const reindexSearch = (db: Executor): Promise<Record<string, number>> =>
  rebuildSearchIndex(db, [ledgerReindexer]);
