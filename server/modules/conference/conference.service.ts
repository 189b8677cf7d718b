// 全区对口联系工作会议 (四(三)): every pair's year in one view for 区府办 and 统战部 — counts per section and pair,
// consultations and reply performance, plans kept, reports submitted, units with nothing recorded, and the
// mutual evaluations; the same data feeds the meeting brief (.docx) and the workbook (.xlsx).
import type {
  ConferenceCounts,
  ConferenceResponse,
  EvaluationDto,
  EvaluationRequest,
} from '../../../common/schemas/reports.js';
import { allowed } from '../../access/authorize.js';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { forbidden, notFound } from '../../errors.js';
import { appendAudit } from '../audit/audit.writer.js';
import { ledgerScope } from '../ledger/ledger.policy.js';
import { countByPair, findRecordIds, pairedWith } from '../ledger/ledger.repository.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { listPairings } from '../pairings/pairings.repository.js';
import { regionConsultations } from '../reports/report-consultations.js';
import { planFacts } from '../reports/report-facts.js';
import type { OnProgress } from '../reports/reports.export.js';
import { reportStatusItems } from '../reports/reports.service.js';
import { evaluationsIn, upsertEvaluation } from './conference.repository.js';

const zero = (): ConferenceCounts => ({
  symposia: 0,
  consultations: 0,
  suggestions: 0,
  invitationsDeptToCp: 0,
  invitationsCpToDept: 0,
  notices: 0,
  research: 0,
  services: 0,
});

const total = (c: ConferenceCounts): number => Object.values(c).reduce((a, b) => a + b, 0);
const rate = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);
const mean = (xs: number[]): number | null =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;

async function inSlices<T>(ids: number[], fn: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

/** Only the region's overseers (统战部, 区府办) read the pack; the route's permission says so too. */
function regionOf(ctx: RequestContext): string {
  const scope = ledgerScope(ctx.actor);
  if (scope.kind !== 'region') throw forbidden();
  return scope.regionPath;
}

export function presentEvaluation(e: Awaited<ReturnType<typeof evaluationsIn>>[number]): EvaluationDto {
  return {
    id: e.id,
    year: e.year,
    department: { id: e.department_id, name: e.department_name },
    counterpart: { id: e.counterpart_id, name: e.counterpart_name },
    raterSide: e.rater_side as EvaluationDto['raterSide'],
    score: e.score,
    comment: e.comment,
    updatedAt: e.updated_at,
  };
}

export async function conferenceData(
  ctx: RequestContext,
  year: number,
  onProgress: OnProgress = async () => {},
): Promise<ConferenceResponse> {
  const regionPath = regionOf(ctx);
  const scope = { kind: 'region' as const, regionPath };
  const pairings = await listPairings(ctx.db, { scope, year });
  const recordIds = await findRecordIds(ctx.db, { scope, year });
  const counts = await inSlices(recordIds, (s) => countByPair(ctx.db, s));
  const consultations = await regionConsultations(ctx.db, regionPath, year);
  const evaluations = await evaluationsIn(ctx.db, regionPath, year);

  const pairs = new Map<string, ConferenceResponse['pairs'][number]>();
  for (const p of pairings) {
    const key = `${p.department_id}:${p.counterpart_id}`;
    if (pairs.has(key)) continue;
    pairs.set(key, {
      department: { id: p.department_id, name: p.department_name },
      counterpart: { id: p.counterpart_id, name: p.counterpart_name },
      counts: zero(),
      empty: true,
      departmentScore: null,
      counterpartScore: null,
    });
  }
  const totals = zero();
  for (const c of counts) {
    const p = pairs.get(`${c.department_id}:${c.counterpart_id}`);
    const n = Number(c.n);
    const field: keyof ConferenceCounts | null =
      c.kind === 'symposium'
        ? 'symposia'
        : c.kind === 'invitation'
          ? c.direction === 'cp_to_dept'
            ? 'invitationsCpToDept'
            : 'invitationsDeptToCp'
          : c.kind === 'notice'
            ? 'notices'
            : c.kind === 'research'
              ? 'research'
              : c.kind === 'service'
                ? 'services'
                : null;
    if (!field || !p) continue;
    p.counts[field] += n;
  }
  for (const [key, n] of consultations.mattersByPair) {
    const p = pairs.get(key);
    if (p) p.counts.consultations += n;
  }
  for (const r of consultations.rows) {
    const p = pairs.get(`${r.department.id}:${r.counterpart.id}`);
    if (p) p.counts.suggestions += r.received;
  }
  for (const e of evaluations) {
    const p = pairs.get(`${e.department_id}:${e.counterpart_id}`);
    if (!p) continue;
    // departmentScore: the department's rating (given by the counterpart); counterpartScore: the counterpart's
    if (e.rater_side === 'counterpart') p.departmentScore = e.score;
    else p.counterpartScore = e.score;
  }
  for (const p of pairs.values()) {
    p.empty = total(p.counts) === 0;
    for (const k of Object.keys(totals) as (keyof ConferenceCounts)[]) totals[k] += p.counts[k];
  }
  // Records are counted once in the totals, however many counterparts share them.
  const byKind = await ctx.db
    .selectFrom('ledger_records')
    .select(['kind', 'direction'])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where(
      'region_id',
      'in',
      ctx.db.selectFrom('regions').select('regions.id').where('regions.path', 'like', `${regionPath}%`),
    )
    .where('year', '=', year)
    .groupBy(['kind', 'direction'])
    .execute();
  const sum = (kind: string, direction?: string) =>
    byKind
      .filter((r) => r.kind === kind && (direction === undefined || r.direction === direction))
      .reduce((a, r) => a + Number(r.n), 0);
  totals.symposia = sum('symposium');
  totals.invitationsDeptToCp = sum('invitation', 'dept_to_cp');
  totals.invitationsCpToDept = sum('invitation', 'cp_to_dept');
  totals.notices = sum('notice');
  totals.research = sum('research');
  totals.services = sum('service');
  totals.consultations = consultations.matters;
  totals.suggestions = consultations.totals.received;
  await onProgress(10, 100, '台账与协商 / ledger and consultations');

  // Plans and reports, department by department (the long part: yields between departments).
  const { items: reportItems, departments } = await reportStatusItems(ctx, year, scope);
  const plans = { departments: departments.length, withPlan: 0, items: 0, done: 0, overdue: 0 };
  for (const [i, d] of departments.entries()) {
    const plan = await planFacts(ctx.db, d.id, year);
    if (plan) {
      plans.withPlan += 1;
      plans.items += plan.items.length;
      plans.done += plan.items.filter((x) => x.status === 'done').length;
      plans.overdue += plan.items.filter((x) => x.status === 'overdue').length;
    }
    await onProgress(10 + Math.round(((i + 1) / Math.max(1, departments.length)) * 80), 100, d.name);
  }
  const reportCounts = { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };
  for (const r of reportItems) reportCounts[r.status] += 1;

  // Units with nothing: departments and counterparts of the year's pairs with no pair count above zero.
  const active = new Map<
    string,
    { id: number; name: string; kind: 'department' | 'counterpart'; any: boolean }
  >();
  for (const p of pairs.values()) {
    const d = active.get(`d${p.department.id}`) ?? {
      ...p.department,
      kind: 'department' as const,
      any: false,
    };
    const c = active.get(`c${p.counterpart.id}`) ?? {
      ...p.counterpart,
      kind: 'counterpart' as const,
      any: false,
    };
    d.any ||= !p.empty;
    c.any ||= !p.empty;
    active.set(`d${p.department.id}`, d);
    active.set(`c${p.counterpart.id}`, c);
  }
  const t = consultations.totals;
  const answered =
    t.adoption.adopted + t.adoption.partly_adopted + t.adoption.not_adopted + t.adoption.for_reference;
  const rated = t.satisfaction.satisfied + t.satisfaction.basically_satisfied + t.satisfaction.not_satisfied;
  const evals = evaluations.map(presentEvaluation);
  return {
    year,
    generatedAt: nowIso(),
    totals,
    pairs: [...pairs.values()],
    consultation: {
      available: true,
      matters: consultations.matters,
      suggestions: t.received,
      replied: t.replied,
      repliedOnTime: t.repliedOnTime,
      onTimeRate: rate(t.repliedOnTime, t.replied),
      adopted: t.adoption.adopted,
      partly: t.adoption.partly_adopted,
      notAdopted: t.adoption.not_adopted,
      adoptionRate: rate(t.adoption.adopted + t.adoption.partly_adopted, answered),
      satisfied: t.satisfaction.satisfied + t.satisfaction.basically_satisfied,
      dissatisfied: t.satisfaction.not_satisfied,
      satisfactionRate: rate(t.satisfaction.satisfied + t.satisfaction.basically_satisfied, rated),
    },
    plans,
    reports: {
      departments: reportItems.length,
      counts: reportCounts,
      submittedLate: reportItems.filter((r) => r.submittedLate).length,
    },
    unitsWithNothing: [...active.values()]
      .filter((u) => !u.any)
      .map(({ id, name, kind }) => ({ id, name, kind })),
    evaluations: {
      count: evals.length,
      averageOfDepartments: mean(evals.filter((e) => e.raterSide === 'counterpart').map((e) => e.score)),
      averageOfCounterparts: mean(evals.filter((e) => e.raterSide === 'department').map((e) => e.score)),
      items: evals,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Mutual evaluation (beyond the seed): each side of a pair rates the other's liaison work of the year

/** A department rates a counterpart paired with it in the year; a counterpart rates a department. */
export async function ratePartner(ctx: RequestContext, input: EvaluationRequest): Promise<EvaluationDto> {
  const { organisationId } = ctx.actor;
  const side = allowed(ctx.actor, 'conference.ratesAsDepartment', null) ? 'department' : 'counterpart';
  const departmentId = side === 'department' ? organisationId : input.partnerId;
  const counterpartId = side === 'department' ? input.partnerId : organisationId;
  const paired = await pairedWith(ctx.db, 'department', departmentId, input.year);
  const department = await findOrganisation(ctx.db, departmentId);
  if (!paired.has(counterpartId) || !department) throw notFound();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const row = await upsertEvaluation(trx, {
      regionId: department.region_id,
      year: input.year,
      departmentId,
      counterpartId,
      raterSide: side,
      score: input.score,
      comment: input.comment ?? null,
      ratedBy: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: 'evaluation.rate',
      entityType: 'pair_evaluation',
      entityId: row.id,
      after: {
        year: input.year,
        departmentId,
        counterpartId,
        side,
        score: input.score,
        comment: input.comment,
      },
    });
    return row.id;
  });
  const [row] = (await evaluationsIn(ctx.db, null, input.year, { ids: [id] })).map(presentEvaluation);
  if (!row) throw notFound();
  return row;
}

/** Evaluations of a year the actor sees: overseers the region's; a unit those it gave and those about it. */
export async function listEvaluations(
  ctx: RequestContext,
  year: number,
): Promise<{ items: EvaluationDto[] }> {
  const scope = ledgerScope(ctx.actor);
  if (scope.kind === 'none') return { items: [] };
  const rows =
    scope.kind === 'region'
      ? await evaluationsIn(ctx.db, scope.regionPath, year)
      : await evaluationsIn(ctx.db, null, year, { organisationId: scope.organisationId });
  return { items: rows.map(presentEvaluation) };
}
