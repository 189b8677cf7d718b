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
import { overseenRegion, regionScope } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { forbidden, notFound } from '../../errors.js';
import { type AsOf, asOf } from '../../year-rules.js';
import { appendAudit } from '../audit/index.js';
import {
  counterpartsOf,
  loadYearFacts,
  pairCounts,
  planCounts,
  totalCounts,
  unpairedSuggestions,
  type WorkCounts,
} from '../facts/index.js';
import { ledgerScope, pairedWith } from '../ledger/index.js';
import { findOrganisation } from '../organisations/index.js';
import { type OnProgress, reportStatusItems } from '../reports/index.js';
import { evaluationsIn, upsertEvaluation } from './conference.repository.js';
import { type PackFigures, packProse } from './pack-prose.js';

const total = (c: ConferenceCounts): number => Object.values(c).reduce((a, b) => a + b, 0);
const rate = (n: number, d: number): number | null => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);
const mean = (xs: number[]): number | null =>
  xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100 : null;

/** What took place, as the pack's tables count it: symposia held, invitations whose day has come. */
export function tookPlace(w: WorkCounts): ConferenceCounts {
  return {
    symposia: w.symposia.held,
    consultations: w.matters.total,
    suggestions: w.suggestions.received,
    invitationsDeptToCp: w.invitationsOut.total - w.invitationsOut.ahead,
    invitationsCpToDept: w.invitationsIn.total - w.invitationsIn.ahead,
    notices: w.notices,
    research: w.research,
    services: w.services,
  };
}

/** Only the region's overseers (统战部, 区府办) read the pack; the route's permission says so too. */
function regionOf(ctx: RequestContext): string {
  const region = overseenRegion(ledgerScope(ctx.actor));
  if (region === null) throw forbidden();
  return region;
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

/** The pack's figures and text of a region's year, as of `at` (default now) — all from the year's facts. */
export async function conferenceData(
  ctx: RequestContext,
  year: number,
  onProgress: OnProgress = async () => {},
  at: AsOf = asOf(),
): Promise<ConferenceResponse> {
  const regionPath = regionOf(ctx);
  const scope = regionScope(regionPath);
  const facts = await loadYearFacts(ctx.db, scope, year, at);
  const evaluations = await evaluationsIn(ctx.db, scope, year);
  const names = new Map(facts.units.map((u) => [u.id, u.name]));
  const ref = (id: number) => ({ id, name: names.get(id) ?? '' });
  await onProgress(10, 100, '台账与协商 / ledger and consultations');

  const pairs = facts.pairs.map((p) => {
    const counts = tookPlace(pairCounts(facts, p.departmentId, p.counterpartId));
    const mine = evaluations.filter(
      (e) => e.department_id === p.departmentId && e.counterpart_id === p.counterpartId,
    );
    return {
      department: ref(p.departmentId),
      counterpart: ref(p.counterpartId),
      counts,
      empty: total(counts) === 0,
      // departmentScore: the department's rating (given by the counterpart); counterpartScore: the counterpart's
      departmentScore: mine.find((e) => e.rater_side === 'counterpart')?.score ?? null,
      counterpartScore: mine.find((e) => e.rater_side === 'department')?.score ?? null,
    };
  });
  const others = unpairedSuggestions(facts).map((o) => ({
    department: { id: o.departmentId, name: names.get(o.departmentId) ?? '' },
    counterpart: { id: o.counterpartId, name: o.counterpartName },
    suggestions: o.suggestions.length,
  }));
  const all = totalCounts(facts);
  const totals = tookPlace(all);
  const aheadSymposia = facts.records.filter((r) => r.kind === 'symposium' && r.state === 'scheduled');

  const { items: reportItems, departments } = await reportStatusItems(ctx, year, scope);
  await onProgress(90, 100, '年度报告 / reports');
  const plan = planCounts(facts);
  const reportCounts = { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 };
  for (const r of reportItems) reportCounts[r.status] += 1;

  // Units with nothing: departments and counterparts of the year's pairs with no pair count above zero.
  const busy = new Set<number>();
  for (const p of pairs) {
    if (p.empty) continue;
    busy.add(p.department.id);
    busy.add(p.counterpart.id);
  }
  const s = all.suggestions;
  const replied = s.onTime + s.late;
  const verdicts = s.verdicts.map((v) => ({
    round: v.round,
    satisfied: v.counts.satisfied,
    basicallySatisfied: v.counts.basically_satisfied,
    notSatisfied: v.counts.not_satisfied,
  }));
  const satisfied = verdicts.reduce((n, v) => n + v.satisfied + v.basicallySatisfied, 0);
  const dissatisfied = verdicts.reduce((n, v) => n + v.notSatisfied, 0);
  const evals = evaluations.map(presentEvaluation);
  const figures: PackFigures = {
    year,
    generatedAt: nowIso(),
    asOf: facts.at.date,
    totals,
    ahead: {
      symposia: aheadSymposia.length,
      symposiumDates: [...new Set(aheadSymposia.map((r) => r.date))],
      invitationsDeptToCp: all.invitationsOut.ahead,
      invitationsCpToDept: all.invitationsIn.ahead,
      consultationSymposia: all.matters.scheduled,
    },
    attendance: {
      deptToCp: { ...all.invitationsOut },
      cpToDept: { ...all.invitationsIn },
    },
    pairs,
    others,
    counterparts: counterpartsOf(facts).length,
    consultation: {
      available: true,
      matters: all.matters.total,
      suggestions: s.received,
      replied,
      repliedOnTime: s.onTime,
      onTimeRate: rate(s.onTime, replied),
      late: s.late,
      open: s.open,
      overdue: s.overdue,
      adopted: s.adoption.adopted,
      partly: s.adoption.partly,
      forReference: s.adoption.reference,
      notAdopted: s.adoption.not_adopted,
      underStudy: s.adoption.under_study,
      adoptionRate: rate(s.adoption.adopted + s.adoption.partly, s.received - s.adoption.under_study),
      satisfied,
      dissatisfied,
      satisfactionRate: rate(satisfied, satisfied + dissatisfied),
      verdicts,
      symposiaHeld: all.matters.held,
      symposiaScheduled: all.matters.scheduled,
      breaches: facts.matters
        .filter((m) => m.breach)
        .map((m) => ({
          department: { id: m.departmentId, name: names.get(m.departmentId) ?? '' },
          matter: { id: m.id, name: m.title },
          decidedDate: m.decidedDate,
          symposiumDate: m.symposiumDate,
          symposiumHeld: m.symposium === 'held',
        })),
    },
    plans: { departments: departments.length, ...plan },
    reports: {
      departments: reportItems.length,
      counts: reportCounts,
      submittedLate: reportItems.filter((r) => r.submittedLate).length,
    },
    unitsWithNothing: facts.units
      .filter((u) => !busy.has(u.id))
      .map(({ id, name, kind }) => ({ id, name, kind })),
    evaluations: {
      count: evals.length,
      averageOfDepartments: mean(evals.filter((e) => e.raterSide === 'counterpart').map((e) => e.score)),
      averageOfCounterparts: mean(evals.filter((e) => e.raterSide === 'department').map((e) => e.score)),
      items: evals,
    },
  };
  return { ...figures, prose: packProse(figures) };
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
  const rows = await evaluationsIn(ctx.db, ledgerScope(ctx.actor), year);
  return { items: rows.map(presentEvaluation) };
}
