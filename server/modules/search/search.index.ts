// Keeping the search index current. Each module calls the index function of its entity after a write, inside
// the same transaction, so the index row commits or rolls back with the change. `rebuildSearchIndex` (the
// `liaison search reindex` command) recreates every row from the source tables.
//
// This file reads the source tables of organisations, persons, consultations and reports itself (it imports no
// other module), so repositories may call it without an import cycle; the ledger indexes its own records
// (`ledger/ledger.search.ts`) with `indexEntity`.

import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../common/organisations.js';
import type { SearchEntityType } from '../../../common/schemas/search.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { inForceSql } from '../../year-rules.js';

export interface IndexEntry {
  entityType: SearchEntityType;
  entityId: number;
  regionId: number;
  /** the units whose users may see it (besides the overseers of its region) */
  orgIds: readonly number[];
  /** directory data (organisations): everyone in its region and above sees it */
  directory?: boolean;
  title: string;
  body: string;
  link: string;
}

/** ',3,17,': a list a LIKE '%,17,%' finds a member of, on both engines. */
export const orgIdList = (ids: readonly number[]): string =>
  ids.length ? `,${[...new Set(ids)].sort((a, b) => a - b).join(',')},` : ',';

export const clean = (parts: readonly (string | null | undefined)[]): string =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Insert or replace the row of one entity. */
export async function indexEntity(db: Executor, e: IndexEntry): Promise<void> {
  const row = {
    entity_type: e.entityType,
    entity_id: e.entityId,
    region_id: e.regionId,
    org_ids: orgIdList(e.orgIds),
    directory: e.directory ? 1 : 0,
    title: e.title,
    body: e.body,
    link: e.link,
    updated_at: nowIso(),
  };
  await db
    .insertInto('search_index')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['entity_type', 'entity_id']).doUpdateSet({
        region_id: row.region_id,
        org_ids: row.org_ids,
        directory: row.directory,
        title: row.title,
        body: row.body,
        link: row.link,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function removeFromIndex(db: Executor, entityType: SearchEntityType, entityId: number) {
  await db
    .deleteFrom('search_index')
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .execute();
}

/** An organisation: its name, short name and aliases (曾用名); directory data. */
export async function indexOrganisation(db: Executor, organisationId: number): Promise<void> {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'region_id', 'kind', 'name', 'short_name'])
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!org) return removeFromIndex(db, 'organisation', organisationId);
  const aliases = await db
    .selectFrom('organisation_aliases')
    .select('alias')
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();
  await indexEntity(db, {
    entityType: 'organisation',
    entityId: org.id,
    regionId: org.region_id,
    orgIds: [org.id],
    directory: true,
    title: org.name,
    body: clean([
      org.short_name,
      ...aliases.map((a) => a.alias),
      ORGANISATION_KIND_LABELS[org.kind as OrganisationKind]?.zh ?? org.kind,
    ]),
    link: `/organisations/${org.id}`,
  });
}

const PERSON_ROLE_ZH: Record<string, string> = {
  principal: '主要负责人',
  leader: '分管领导',
  liaison: '联络员',
};

/**
 * A responsible person's version: only the current one (served_to null) is in the index; a closed version is
 * removed. No phone numbers are indexed (they are masked for most readers).
 */
export async function indexPerson(db: Executor, personId: number): Promise<void> {
  const p = await db
    .selectFrom('responsible_persons as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['p.id', 'p.role', 'p.name', 'p.position', 'p.served_to', 'o.id as org_id', 'o.name as org_name'])
    .select('o.region_id')
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!p || p.served_to !== null) return removeFromIndex(db, 'person', personId);
  await indexEntity(db, {
    entityType: 'person',
    entityId: p.id,
    regionId: p.region_id,
    orgIds: [p.org_id],
    title: p.name,
    body: clean([p.org_name, PERSON_ROLE_ZH[p.role] ?? p.role, p.position]),
    link: `/roster/${p.org_id}`,
  });
}

/** Counterparts consulted on a matter: they see the matter and every item's text. */
async function matterCounterparts(db: Executor, matterId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('consultation_matter_counterparts')
    .select('counterpart_id')
    .where('matter_id', '=', matterId)
    .execute();
  return rows.map((r) => r.counterpart_id);
}

/** A consultation matter (issue 5): its department and the counterparts consulted on it. */
export async function indexMatter(db: Executor, matterId: number): Promise<void> {
  const m = await db
    .selectFrom('consultation_matters as m')
    .innerJoin('organisations as d', 'd.id', 'm.department_id')
    .select(['m.id', 'm.region_id', 'm.department_id', 'm.title', 'm.summary', 'd.name as department_name'])
    .where('m.id', '=', matterId)
    .executeTakeFirst();
  if (!m) return removeFromIndex(db, 'matter', matterId);
  await indexEntity(db, {
    entityType: 'matter',
    entityId: m.id,
    regionId: m.region_id,
    orgIds: [m.department_id, ...(await matterCounterparts(db, m.id))],
    title: m.title,
    body: clean([m.summary, m.department_name]),
    link: `/consultations/matters/${m.id}`,
  });
}

/** An opinion or suggestion: seen where its matter is (the department's internal analysis is not indexed). */
export async function indexSuggestion(db: Executor, itemId: number): Promise<void> {
  const i = await db
    .selectFrom('consultation_items as i')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .innerJoin('organisations as c', 'c.id', 'i.counterpart_id')
    .select(['i.id', 'i.text', 'i.matter_id', 'm.region_id', 'm.department_id', 'm.title', 'c.name'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!i) return removeFromIndex(db, 'suggestion', itemId);
  const text = [...i.text];
  await indexEntity(db, {
    entityType: 'suggestion',
    entityId: i.id,
    regionId: i.region_id,
    orgIds: [i.department_id, ...(await matterCounterparts(db, i.matter_id))],
    title: text.length > 60 ? `${text.slice(0, 60).join('')}…` : i.text,
    body: clean([i.text, i.name, i.title]),
    link: `/consultations/items/${i.id}`,
  });
}

/** A reply: only the department and the counterpart whose suggestion it answers (seesReplies). */
export async function indexReply(db: Executor, replyId: number): Promise<void> {
  const r = await db
    .selectFrom('consultation_replies as r')
    .innerJoin('consultation_items as i', 'i.id', 'r.item_id')
    .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
    .select([
      'r.id',
      'r.text',
      'r.reason',
      'r.item_id',
      'i.counterpart_id',
      'm.region_id',
      'm.department_id',
      'm.title',
    ])
    .where('r.id', '=', replyId)
    .executeTakeFirst();
  if (!r) return removeFromIndex(db, 'reply', replyId);
  await indexEntity(db, {
    entityType: 'reply',
    entityId: r.id,
    regionId: r.region_id,
    orgIds: [r.department_id, r.counterpart_id],
    title: `答复：${r.title}`,
    body: clean([r.text, r.reason]),
    link: `/consultations/items/${r.item_id}`,
  });
}

/** The replies of an item (its reply rows are found by item and round). */
export async function indexRepliesOfItem(db: Executor, itemId: number): Promise<void> {
  const rows = await db
    .selectFrom('consultation_replies')
    .select('id')
    .where('item_id', '=', itemId)
    .execute();
  for (const r of rows) await indexReply(db, r.id);
}

/** A matter with its items (their visibility follows the matter's counterparts). */
export async function indexMatterTree(db: Executor, matterId: number): Promise<void> {
  await indexMatter(db, matterId);
  const items = await db
    .selectFrom('consultation_items')
    .select('id')
    .where('matter_id', '=', matterId)
    .execute();
  for (const i of items) await indexSuggestion(db, i.id);
}

/** An annual report (issue 6): the department and the counterparts paired with it in the report's year. */
export async function indexReport(db: Executor, reportId: number): Promise<void> {
  const r = await db
    .selectFrom('reports as r')
    .innerJoin('organisations as d', 'd.id', 'r.department_id')
    .select([
      'r.id',
      'r.region_id',
      'r.department_id',
      'r.year',
      'r.sections_json',
      'r.generated_json',
      'd.name',
    ])
    .where('r.id', '=', reportId)
    .executeTakeFirst();
  if (!r) return removeFromIndex(db, 'report', reportId);
  const paired = await db
    .selectFrom('pairings')
    .select('counterpart_id')
    .where('department_id', '=', r.department_id)
    .where(inForceSql(r.year, 'pairings'))
    .execute();
  let texts: string[] = [];
  try {
    const sections = JSON.parse(r.sections_json) as Record<string, string | null>;
    const generated = JSON.parse(r.generated_json) as Record<string, string | null>;
    const keys = new Set([...Object.keys(generated), ...Object.keys(sections)]);
    texts = [...keys].map((k) => sections[k] ?? generated[k] ?? '').filter(Boolean);
  } catch {
    texts = [];
  }
  await indexEntity(db, {
    entityType: 'report',
    entityId: r.id,
    regionId: r.region_id,
    orgIds: [r.department_id, ...paired.map((p) => p.counterpart_id)],
    title: `${r.name}${r.year}年度对口联系工作情况报告表`,
    body: clean(texts),
    link: `/reports/${r.department_id}/${r.year}`,
  });
}

/**
 * How one entity kind is rebuilt: ids of all rows, and indexer. The kinds whose owner indexes them itself (the
 * ledger: `ledgerReindexer`) are passed to `rebuildSearchIndex` by its caller (`server/cli/search-reindex.ts`).
 */
export interface Reindexer {
  entityType: SearchEntityType;
  ids(db: Executor): Promise<number[]>;
  index(db: Executor, id: number): Promise<void>;
}

export const REINDEXERS: Reindexer[] = [
  {
    entityType: 'organisation',
    ids: async (db) => (await db.selectFrom('organisations').select('id').execute()).map((r) => r.id),
    index: indexOrganisation,
  },
  {
    entityType: 'person',
    ids: async (db) =>
      (await db.selectFrom('responsible_persons').select('id').where('served_to', 'is', null).execute()).map(
        (r) => r.id,
      ),
    index: indexPerson,
  },
  {
    entityType: 'matter',
    ids: async (db) => (await db.selectFrom('consultation_matters').select('id').execute()).map((r) => r.id),
    index: indexMatter,
  },
  {
    entityType: 'suggestion',
    ids: async (db) => (await db.selectFrom('consultation_items').select('id').execute()).map((r) => r.id),
    index: indexSuggestion,
  },
  {
    entityType: 'reply',
    ids: async (db) => (await db.selectFrom('consultation_replies').select('id').execute()).map((r) => r.id),
    index: indexReply,
  },
  {
    entityType: 'report',
    ids: async (db) => (await db.selectFrom('reports').select('id').execute()).map((r) => r.id),
    index: indexReport,
  },
];

/** Drop every row and index everything again (liaison search reindex). Returns rows per entity type. */
export async function rebuildSearchIndex(
  db: Executor,
  more: readonly Reindexer[],
): Promise<Record<string, number>> {
  await db.deleteFrom('search_index').execute();
  const counts: Record<string, number> = {};
  for (const r of [...REINDEXERS, ...more]) {
    const ids = await r.ids(db);
    for (const id of ids) await r.index(db, id);
    counts[r.entityType] = ids.length;
  }
  return counts;
}
