import { can } from '../../../common/roles.js';
import type {
  CreatePairingRequest,
  EndPairingRequest,
  PairingDto,
  PairingEventDto,
  PairingListQuery,
  PairingListResponse,
  PairingMatrixResponse,
} from '../../../common/schemas/pairings.js';
import { shanghaiYear } from '../../../common/shanghai-time.js';
import { overseenRegion, scopeOf } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, conflict, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { listOrganisations, visibleOrganisation } from '../organisations/index.js';
import {
  endPairingRow,
  insertPairing,
  insertPairingEvent,
  listPairingEvents,
  listPairings,
  overlappingPairings,
  type PairingRow,
} from './pairings.repository.js';

export function presentPairing(row: PairingRow): PairingDto {
  return {
    id: row.id,
    counterpart: { id: row.counterpart_id, name: row.counterpart_name },
    department: { id: row.department_id, name: row.department_name },
    validFrom: row.valid_from,
    validTo: row.valid_to,
    source: row.source,
    shared: row.shared === 1,
    endSource: row.end_source,
    endReason: row.end_reason,
  };
}

export async function listPairingsFor(
  ctx: RequestContext,
  query: PairingListQuery,
): Promise<PairingListResponse> {
  const rows = await listPairings(ctx.db, { scope: scopeOf(ctx.actor), ...query });
  return { items: rows.map(presentPairing), abilities: { canWrite: can(ctx.actor.role, 'pairings:write') } };
}

/** A pairing the actor may see; anything else answers NOT_FOUND, as if it did not exist. */
export async function visiblePairing(ctx: RequestContext, id: number): Promise<PairingRow> {
  const [row] = await listPairings(ctx.db, { scope: scopeOf(ctx.actor), ids: [id] });
  if (!row) throw notFound();
  return row;
}

/** The years a year selector should offer: from the first pairing to this year (or the last pairing). */
export async function pairingYears(ctx: RequestContext): Promise<number[]> {
  const rows = await listPairings(ctx.db, { scope: scopeOf(ctx.actor) });
  const current = shanghaiYear(nowIso());
  if (!rows.length) return [current];
  const min = Math.min(...rows.map((r) => r.valid_from));
  const max = Math.max(current, ...rows.map((r) => r.valid_from));
  return Array.from({ length: max - min + 1 }, (_, i) => max - i);
}

export async function pairingMatrix(ctx: RequestContext, year: number): Promise<PairingMatrixResponse> {
  const scope = scopeOf(ctx.actor);
  const rows = await listPairings(ctx.db, { scope, year });
  const counterparts = new Map<number, { id: number; name: string; order: number }>();
  const departments = new Map<number, { id: number; name: string; order: number }>();
  for (const r of rows) {
    counterparts.set(r.counterpart_id, {
      id: r.counterpart_id,
      name: r.counterpart_name,
      order: r.counterpart_order,
    });
    departments.set(r.department_id, {
      id: r.department_id,
      name: r.department_name,
      order: r.department_order,
    });
  }
  // Overseers also see the active units that have no pairing this year: the gaps are what they look for.
  const region = overseenRegion(scope);
  if (region !== null) {
    const units = await listOrganisations(ctx.db, { regionPath: region, active: true });
    for (const o of units) {
      const entry = { id: o.id, name: o.name, order: o.sort_order };
      if (o.kind === 'counterpart' && !counterparts.has(o.id)) counterparts.set(o.id, entry);
      if (o.kind === 'department' && !departments.has(o.id)) departments.set(o.id, entry);
    }
  }
  const byOrder = (a: { order: number; id: number }, b: { order: number; id: number }) =>
    a.order - b.order || a.id - b.id;
  return {
    year,
    counterparts: [...counterparts.values()].sort(byOrder).map(({ id, name }) => ({ id, name })),
    departments: [...departments.values()].sort(byOrder).map(({ id, name }) => ({ id, name })),
    cells: rows.map((r) => ({
      counterpartId: r.counterpart_id,
      departmentId: r.department_id,
      pairingId: r.id,
      shared: r.shared === 1,
    })),
  };
}

export async function createPairing(ctx: RequestContext, input: CreatePairingRequest): Promise<PairingDto> {
  const counterpart = await visibleOrganisation(ctx, input.counterpartId);
  const department = await visibleOrganisation(ctx, input.departmentId);
  if (counterpart.kind !== 'counterpart') throw new AppError('NOT_A_COUNTERPART', { name: counterpart.name });
  if (department.kind !== 'department') throw new AppError('NOT_A_DEPARTMENT', { name: department.name });
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo < input.validFrom) throw new AppError('END_BEFORE_START');
  const id = await ctx.db.transaction().execute(async (trx) => {
    const overlap = await overlappingPairings(trx, counterpart.id, department.id, input.validFrom, validTo);
    if (overlap.length) throw conflict(`${counterpart.name} — ${department.name}`);
    const created = await insertPairing(trx, {
      regionId: department.region_id,
      counterpartId: counterpart.id,
      departmentId: department.id,
      validFrom: input.validFrom,
      validTo,
      source: input.source ?? null,
      shared: input.shared,
    });
    await insertPairingEvent(trx, {
      pairingId: created.id,
      action: 'created',
      year: input.validFrom,
      source: input.source ?? null,
      note: null,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'pairing.create',
      entityType: 'pairing',
      entityId: created.id,
      regionId: created.region_id,
      after: created,
    });
    return created.id;
  });
  return presentPairing(await visiblePairing(ctx, id));
}

/** Ending keeps the pairing and everything recorded under it; it only closes its years. */
export async function endPairing(
  ctx: RequestContext,
  id: number,
  input: EndPairingRequest,
): Promise<PairingDto> {
  const before = await visiblePairing(ctx, id);
  if (before.valid_to !== null) throw new AppError('PAIRING_ENDED', { year: before.valid_to });
  if (input.validTo < before.valid_from)
    throw new AppError('PAIRING_ENDS_BEFORE_START', { validFrom: before.valid_from });
  await ctx.db.transaction().execute(async (trx) => {
    await endPairingRow(trx, id, {
      validTo: input.validTo,
      source: input.source ?? null,
      reason: input.reason ?? null,
    });
    await insertPairingEvent(trx, {
      pairingId: id,
      action: 'ended',
      year: input.validTo,
      source: input.source ?? null,
      note: input.reason ?? null,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'pairing.end',
      entityType: 'pairing',
      entityId: id,
      regionId: before.region_id,
      before: presentPairing(before),
      after: input,
    });
  });
  return presentPairing(await visiblePairing(ctx, id));
}

export async function pairingHistory(ctx: RequestContext, pairingId?: number): Promise<PairingEventDto[]> {
  const rows = await listPairings(ctx.db, {
    scope: scopeOf(ctx.actor),
    ids: pairingId ? [pairingId] : undefined,
  });
  if (pairingId && !rows.length) throw notFound();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const events = await listPairingEvents(ctx.db, [...byId.keys()]);
  return events.map((e) => {
    const p = byId.get(e.pairing_id) as PairingRow;
    return {
      id: e.id,
      pairingId: e.pairing_id,
      counterpart: { id: p.counterpart_id, name: p.counterpart_name },
      department: { id: p.department_id, name: p.department_name },
      action: e.action as 'created' | 'ended',
      year: e.year,
      source: e.source,
      note: e.note,
      actor: e.actor_name,
      at: e.at,
    };
  });
}
