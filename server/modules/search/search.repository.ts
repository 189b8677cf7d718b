import { sql } from 'kysely';
import type { SearchEntityType } from '../../../common/schemas/search.js';
import { inRegion, overseenRegion, type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { isPostgres } from '../../db/dialect.js';
import { containsPattern } from '../../db/like.js';

/** Who sees which index rows: the shared Scope (server/access/scope.ts). */
export type SearchScope = Scope;

/** An FTS5 string: the whole query as one phrase (a trigram phrase is a substring match). */
const ftsPhrase = (q: string): string => `"${q.replace(/"/g, '""')}"`;

/**
 * Is the scope one region with none under it (a district's 统战部)? Its rows are few (a district: ~6,000 at
 * ten years) and LIKE over them (~3 ms) beats the FTS index, which answers for every region at once and
 * then looks up each of its matches (a common word in a province: ~23,000 rows, ~75 ms).
 */
async function oneRegion(db: Executor, scope: SearchScope): Promise<boolean> {
  const region = overseenRegion(scope);
  if (region === null) return false;
  const row = await db
    .selectFrom('regions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('path', 'like', `${region}%`)
    .executeTakeFirst();
  return Number(row?.n ?? 0) === 1;
}

/**
 * Index rows matching `q` that the scope may see, title matches first, newest first; `limit + 1` rows are
 * fetched so the caller knows whether there are more.
 *
 * Text: on PostgreSQL `ILIKE '%q%'` over title || ' ' || body, served by the pg_trgm GIN index; on SQLite the
 * FTS5 trigram table for queries of three characters or more, and LIKE over the same rows for two (a trigram
 * index cannot answer a two-character query) and within a single district (see `oneRegion`).
 */
export async function searchRows(
  db: Executor,
  f: { scope: SearchScope; q: string; type?: SearchEntityType; limit: number },
) {
  const scope = f.scope;
  const pattern = containsPattern(f.q);
  let query = db
    .selectFrom('search_index as s')
    .select(['s.entity_type', 's.entity_id', 's.title', 's.body', 's.link', 's.updated_at'])
    .where((eb) =>
      scopeWhere(eb, scope, {
        region: { id: 's.region_id' },
        // a unit: the directory of its region, and whatever names it
        organisation: (unit) =>
          eb.or([
            eb.and([eb('s.directory', '=', 1), inRegion(eb, { id: 's.region_id' }, unit.regionPath)]),
            eb('s.org_ids', 'like', `%,${unit.organisationId},%`),
          ]),
      }),
    );
  if (f.type) query = query.where('s.entity_type', '=', f.type);
  if (isPostgres(db)) {
    query = query.where(sql<boolean>`(s.title || ' ' || s.body) ilike ${pattern}`);
  } else if ([...f.q].length >= 3 && !(await oneRegion(db, scope))) {
    query = query.where(
      sql<boolean>`s.id in (select rowid from search_fts where search_fts match ${ftsPhrase(f.q)})`,
    );
  } else {
    query = query.where(
      sql<boolean>`(s.title like ${pattern} escape '\\' or s.body like ${pattern} escape '\\')`,
    );
  }
  const titleFirst = isPostgres(db)
    ? sql`case when s.title ilike ${pattern} then 0 else 1 end`
    : sql`case when s.title like ${pattern} escape '\\' then 0 else 1 end`;
  return query
    .orderBy(titleFirst)
    .orderBy('s.updated_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
