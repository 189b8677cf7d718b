import type { OrganisationKind } from '../../../common/organisations.js';
import { can } from '../../../common/roles.js';
import type {
  AddAliasRequest,
  CreateOrganisationRequest,
  OrganisationDto,
  OrganisationListQuery,
  UpdateOrganisationRequest,
} from '../../../common/schemas/organisations.js';
import { regionWithin } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import { conflict, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { findRegion } from '../regions/index.js';
import {
  aliasesOf,
  deleteAlias,
  deleteAliasNamed,
  findOrganisation,
  hasAlias,
  insertAlias,
  insertOrganisation,
  listOrganisations,
  nameTaken,
  type OrganisationRow,
  updateOrganisationRow,
} from './organisations.repository.js';

async function present(db: Executor, rows: OrganisationRow[]): Promise<OrganisationDto[]> {
  const aliases = await aliasesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    kind: r.kind as OrganisationKind,
    name: r.name,
    shortName: r.short_name,
    aliases: aliases
      .filter((a) => a.organisation_id === r.id)
      .map((a) => ({ id: a.id, alias: a.alias, note: a.note })),
    sortOrder: r.sort_order,
    active: r.active === 1,
  }));
}

export async function listOrganisationsFor(
  ctx: RequestContext,
  query: OrganisationListQuery,
): Promise<{ items: OrganisationDto[]; abilities: { canWrite: boolean } }> {
  const rows = await listOrganisations(ctx.db, {
    regionPath: ctx.actor.regionPath,
    kind: query.kind,
    regionId: query.regionId,
    q: query.q || undefined,
    active: query.active === 'all' ? undefined : query.active === 'true',
  });
  return {
    items: await present(ctx.db, rows),
    abilities: { canWrite: can(ctx.actor.role, 'organisations:write') },
  };
}

/** An organisation in the actor's region (or under it); anything else answers NOT_FOUND. */
export async function visibleOrganisation(ctx: RequestContext, id: number): Promise<OrganisationRow> {
  const row = await findOrganisation(ctx.db, id);
  if (!row || !regionWithin(ctx.actor, row.region_path)) throw notFound();
  return row;
}

export async function getOrganisation(ctx: RequestContext, id: number): Promise<OrganisationDto> {
  const row = await visibleOrganisation(ctx, id);
  return (await present(ctx.db, [row]))[0] as OrganisationDto;
}

export async function createOrganisation(ctx: RequestContext, input: CreateOrganisationRequest) {
  const region = await findRegion(ctx.db, input.regionId);
  if (!region || !regionWithin(ctx.actor, region.path)) throw notFound();
  const id = await ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, input.regionId, input.name)) throw conflict(input.name);
    const org = await insertOrganisation(trx, {
      region_id: input.regionId,
      kind: input.kind,
      name: input.name,
      short_name: input.shortName ?? null,
      sort_order: input.sortOrder,
      active: 1,
    });
    await appendAudit(trx, ctx, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: org.id,
      regionId: org.region_id,
      after: org,
    });
    return org.id;
  });
  return getOrganisation(ctx, id);
}

export async function updateOrganisation(ctx: RequestContext, id: number, input: UpdateOrganisationRequest) {
  const before = await visibleOrganisation(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const renamed = input.name !== undefined && input.name !== before.name;
    if (renamed && input.name && (await nameTaken(trx, before.region_id, input.name, id)))
      throw conflict(input.name);
    await updateOrganisationRow(trx, id, {
      name: input.name,
      short_name: input.shortName === undefined ? undefined : input.shortName,
      sort_order: input.sortOrder,
      active: input.active === undefined ? undefined : input.active ? 1 : 0,
    });
    if (renamed && input.name) {
      // Renamed back to one of its former names: that name is the name again, no longer an alias.
      await deleteAliasNamed(trx, id, input.name);
      // 机构改革: a renamed department keeps its old name as an alias, so old notices and records still find it.
      if (input.keepOldNameAsAlias !== false && !(await hasAlias(trx, id, before.name))) {
        await insertAlias(trx, id, before.name, '曾用名');
      }
    }
    const after = await findOrganisation(trx, id);
    await appendAudit(trx, ctx, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      regionId: before.region_id,
      before,
      after,
    });
  });
  return getOrganisation(ctx, id);
}

export async function addAlias(ctx: RequestContext, id: number, input: AddAliasRequest) {
  const org = await visibleOrganisation(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, org.region_id, input.alias)) throw conflict(input.alias);
    const alias = await insertAlias(trx, id, input.alias, input.note ?? null);
    await appendAudit(trx, ctx, {
      action: 'organisation.alias.add',
      entityType: 'organisation',
      entityId: id,
      regionId: org.region_id,
      after: alias,
    });
  });
  return getOrganisation(ctx, id);
}

export async function removeAlias(ctx: RequestContext, id: number, aliasId: number) {
  const org = await visibleOrganisation(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    const alias = await trx
      .selectFrom('organisation_aliases')
      .selectAll()
      .where('id', '=', aliasId)
      .where('organisation_id', '=', id)
      .executeTakeFirst();
    if (!alias || (await deleteAlias(trx, id, aliasId)) === 0) throw notFound();
    await appendAudit(trx, ctx, {
      action: 'organisation.alias.remove',
      entityType: 'organisation',
      entityId: id,
      regionId: org.region_id,
      before: alias,
    });
  });
  return getOrganisation(ctx, id);
}
