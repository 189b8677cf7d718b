import type { RegionLevel } from '../../../common/organisations.js';
import type { Executor } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import type { Region } from '../../db/schema.js';

/** Regions whose path lies under (or equals) the given path, plus the ancestors named in it. */
export async function listRegionsAround(db: Executor, path: string): Promise<Region[]> {
  const ancestorIds = path.split('/').filter(Boolean).map(Number);
  return db
    .selectFrom('regions')
    .selectAll()
    .where((eb) =>
      eb.or([eb('path', 'like', `${path}%`), eb('id', 'in', ancestorIds.length ? ancestorIds : [-1])]),
    )
    .orderBy('path')
    .execute();
}

export async function findRegion(db: Executor, id: number): Promise<Region | undefined> {
  return db.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findRegionByPathNames(db: Executor, names: string[]): Promise<Region | undefined> {
  let parent: Region | undefined;
  for (const name of names) {
    let query = db.selectFrom('regions').selectAll().where('name', '=', name);
    query = parent ? query.where('parent_id', '=', parent.id) : query.where('parent_id', 'is', null);
    parent = await query.executeTakeFirst();
    if (!parent) return undefined;
  }
  return parent;
}

/** Insert, then set the materialised path, which needs the new id. */
export async function insertRegion(
  db: Executor,
  values: { parentId: number | null; name: string; level: RegionLevel },
): Promise<Region> {
  const parent = values.parentId == null ? null : await findRegion(db, values.parentId);
  const { id } = await db
    .insertInto('regions')
    .values({
      parent_id: values.parentId,
      name: values.name,
      level: values.level,
      path: '',
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${parent?.path ?? '/'}${id}/`;
  await db.updateTable('regions').set({ path }).where('id', '=', id).execute();
  return (await findRegion(db, id)) as Region;
}

/** A region of that name under the same parent (other than `exceptId`): names are unique among siblings. */
export async function siblingNamed(
  db: Executor,
  parentId: number | null,
  name: string,
  exceptId?: number,
): Promise<boolean> {
  let query = db.selectFrom('regions').select('id').where('name', '=', name);
  query = parentId === null ? query.where('parent_id', 'is', null) : query.where('parent_id', '=', parentId);
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function renameRegion(db: Executor, id: number, name: string): Promise<void> {
  await db.updateTable('regions').set({ name }).where('id', '=', id).execute();
}

/** '浙江省宁波市奉化区' for a region, from its ancestors' names. */
export async function regionFullName(db: Executor, region: Pick<Region, 'path'>): Promise<string> {
  const ids = region.path.split('/').filter(Boolean).map(Number);
  const rows = await db.selectFrom('regions').select(['id', 'name']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return ids.map((id) => byId.get(id) ?? '').join('');
}
