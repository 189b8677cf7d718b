import { REGION_LEVELS, type RegionLevel } from '../../../common/organisations.js';
import type { CreateRegionRequest, RegionDto } from '../../../common/schemas/organisations.js';
import { regionWithin } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import type { Region } from '../../db/schema.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import {
  findRegion,
  insertRegion,
  listRegionsAround,
  renameRegion,
  siblingNamed,
} from './regions.repository.js';

function present(region: Region, all: Map<number, Region>): RegionDto {
  const fullName = region.path
    .split('/')
    .filter(Boolean)
    .map((id) => all.get(Number(id))?.name ?? '')
    .join('');
  return {
    id: region.id,
    parentId: region.parent_id,
    name: region.name,
    level: region.level as RegionLevel,
    path: region.path,
    fullName,
  };
}

export async function listRegions(ctx: RequestContext): Promise<RegionDto[]> {
  const rows = await listRegionsAround(ctx.db, ctx.actor.regionPath);
  const all = new Map(rows.map((r) => [r.id, r]));
  return rows.map((r) => present(r, all));
}

/** A region the actor may manage: its own or one under it. Others answer NOT_FOUND. */
async function manageableRegion(ctx: RequestContext, id: number): Promise<Region> {
  const region = await findRegion(ctx.db, id);
  if (!region || !regionWithin(ctx.actor, region.path)) throw notFound();
  return region;
}

/** A region the actor may manage (its own or one under it); others answer NOT_FOUND. */
export const regionToManage = manageableRegion;

/**
 * Add a region under `parent` inside the caller's transaction, with its audit entry: a child sits at a deeper
 * level than its parent (省 ⊃ 市 ⊃ 区县) and its name is unique among its siblings.
 */
export async function addRegion(
  trx: Executor,
  ctx: RequestContext,
  parent: Region,
  input: CreateRegionRequest,
): Promise<Region> {
  if (REGION_LEVELS.indexOf(input.level) <= REGION_LEVELS.indexOf(parent.level as RegionLevel)) {
    throw new AppError('REGION_LEVEL_INVALID', { level: input.level, parent: parent.level });
  }
  if (await siblingNamed(trx, parent.id, input.name)) throw conflict(input.name);
  const region = await insertRegion(trx, input);
  await appendAudit(trx, ctx, {
    action: 'region.create',
    entityType: 'region',
    entityId: region.id,
    after: region,
  });
  return region;
}

export async function createRegion(ctx: RequestContext, input: CreateRegionRequest): Promise<RegionDto> {
  const parent = await manageableRegion(ctx, input.parentId);
  const created = await ctx.db.transaction().execute((trx) => addRegion(trx, ctx, parent, input));
  const all = await listRegions(ctx);
  return all.find((r) => r.id === created.id) as RegionDto;
}

export async function updateRegion(ctx: RequestContext, id: number, name: string): Promise<RegionDto> {
  const before = await manageableRegion(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (await siblingNamed(trx, before.parent_id, name, id)) throw conflict(name);
    await renameRegion(trx, id, name);
    await appendAudit(trx, ctx, {
      action: 'region.update',
      entityType: 'region',
      entityId: id,
      before: { name: before.name },
      after: { name },
    });
  });
  const all = await listRegions(ctx);
  return all.find((r) => r.id === id) as RegionDto;
}
