import type { OrganisationKind } from '../../../common/organisations.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { likeContains } from '../../db/like.js';
import type { NewOrganisation, Organisation, OrganisationUpdate } from '../../db/schema.js';
import { indexOrganisation } from '../search/index.js';

export interface OrganisationFilter {
  /** organisations whose region path starts with this (the scope) */
  regionPath: string;
  kind?: OrganisationKind;
  regionId?: number;
  q?: string;
  active?: boolean;
  ids?: number[];
}

export interface OrganisationRow extends Organisation {
  region_name: string;
  region_path: string;
}

export async function listOrganisations(db: Executor, f: OrganisationFilter): Promise<OrganisationRow[]> {
  let query = db
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .selectAll('o')
    .select(['r.name as region_name', 'r.path as region_path'])
    .where('r.path', 'like', `${f.regionPath}%`);
  if (f.kind) query = query.where('o.kind', '=', f.kind);
  if (f.regionId) query = query.where('o.region_id', '=', f.regionId);
  if (f.active !== undefined) query = query.where('o.active', '=', f.active ? 1 : 0);
  if (f.ids) query = query.where('o.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.q) {
    const q = f.q;
    query = query.where((eb) =>
      eb.or([
        likeContains('o.name', q),
        likeContains('o.short_name', q),
        eb.exists(
          eb
            .selectFrom('organisation_aliases as a')
            .select('a.id')
            .whereRef('a.organisation_id', '=', 'o.id')
            .where(likeContains('a.alias', q)),
        ),
      ]),
    );
  }
  return query.orderBy('o.kind').orderBy('o.sort_order').orderBy('o.id').execute();
}

export async function aliasesOf(db: Executor, organisationIds: number[]) {
  if (!organisationIds.length) return [];
  return db
    .selectFrom('organisation_aliases')
    .select(['id', 'organisation_id', 'alias', 'note'])
    .where('organisation_id', 'in', organisationIds)
    .orderBy('id')
    .execute();
}

export async function findOrganisation(db: Executor, id: number): Promise<OrganisationRow | undefined> {
  return db
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .selectAll('o')
    .select(['r.name as region_name', 'r.path as region_path'])
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export async function insertOrganisation(
  db: Executor,
  values: Omit<NewOrganisation, 'created_at' | 'updated_at'>,
): Promise<Organisation> {
  const now = nowIso();
  const created = await db
    .insertInto('organisations')
    .values({ ...values, created_at: now, updated_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  await indexOrganisation(db, created.id);
  return created;
}

export async function updateOrganisationRow(
  db: Executor,
  id: number,
  values: OrganisationUpdate,
): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ ...values, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
  await indexOrganisation(db, id);
}

export async function insertAlias(db: Executor, organisationId: number, alias: string, note: string | null) {
  const row = await db
    .insertInto('organisation_aliases')
    .values({ organisation_id: organisationId, alias, note, created_at: nowIso() })
    .returningAll()
    .executeTakeFirstOrThrow();
  await indexOrganisation(db, organisationId);
  return row;
}

export async function deleteAlias(db: Executor, organisationId: number, aliasId: number): Promise<number> {
  const result = await db
    .deleteFrom('organisation_aliases')
    .where('id', '=', aliasId)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  await indexOrganisation(db, organisationId);
  return Number(result.numDeletedRows);
}

export async function deleteAliasNamed(db: Executor, organisationId: number, alias: string): Promise<void> {
  await db
    .deleteFrom('organisation_aliases')
    .where('organisation_id', '=', organisationId)
    .where('alias', '=', alias)
    .execute();
  await indexOrganisation(db, organisationId);
}

export async function hasAlias(db: Executor, organisationId: number, alias: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisation_aliases')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('alias', '=', alias)
    .executeTakeFirst();
  return row !== undefined;
}

/** Same name in the same region, as a name or an alias of another organisation. */
export async function nameTaken(
  db: Executor,
  regionId: number,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  let byName = db
    .selectFrom('organisations')
    .select('id')
    .where('region_id', '=', regionId)
    .where('name', '=', name);
  if (exceptId) byName = byName.where('id', '<>', exceptId);
  if (await byName.executeTakeFirst()) return true;
  let byAlias = db
    .selectFrom('organisation_aliases as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select('a.id')
    .where('o.region_id', '=', regionId)
    .where('a.alias', '=', name);
  if (exceptId) byAlias = byAlias.where('o.id', '<>', exceptId);
  return (await byAlias.executeTakeFirst()) !== undefined;
}

/** An organisation as a name may refer to it: its name, short name and aliases (for imports' name matching). */
export interface NamedOrganisation {
  id: number;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  aliases: string[];
}

/** The organisations of a region and under it with their aliases (active ones only when asked). */
export async function organisationsWithAliases(
  db: Executor,
  regionPath: string,
  options: { active?: boolean } = {},
): Promise<NamedOrganisation[]> {
  const orgs = await listOrganisations(db, { regionPath, active: options.active });
  const aliases = await aliasesOf(
    db,
    orgs.map((o) => o.id),
  );
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind,
    aliases: aliases.filter((a) => a.organisation_id === o.id).map((a) => a.alias),
  }));
}
