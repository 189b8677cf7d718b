// What a department's year consists of, as the plain facts common/report-prose.ts writes the draft from — read
// from the one facts module (server/modules/facts), so the report says what the pack and the dashboard count.
import type {
  ProseConsultation,
  ProseInvitation,
  ProseNotice,
  ProsePlan,
  ProseResearch,
  ProseService,
  ProseSymposium,
  ReportFacts,
} from '../../../common/report-prose.js';
import { unitScope } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import { type AsOf, asOf } from '../../year-rules.js';
import { loadYearFacts, type YearFacts } from '../facts/index.js';

/** The counterparts paired with a department in a year, in print order. */
export function counterpartsInForce(f: YearFacts, departmentId: number): { id: number; name: string }[] {
  const ids = new Set(f.pairs.filter((p) => p.departmentId === departmentId).map((p) => p.counterpartId));
  return f.units
    .filter((u) => u.kind === 'counterpart' && ids.has(u.id))
    .map((u) => ({ id: u.id, name: u.name }));
}

/** The plan of a department and year with each item's status, or null. */
export function planOf(f: YearFacts, departmentId: number): ProsePlan | null {
  const plan = f.plans.find((p) => p.departmentId === departmentId);
  return plan ? { id: plan.id, items: plan.items } : null;
}

/** A department's matters of the year as the prose takes them (those with a suggestion received in it too). */
export function consultationsOf(f: YearFacts, departmentId: number): ProseConsultation[] {
  return f.matters
    .filter((m) => m.departmentId === departmentId)
    .map((m) => ({
      id: m.id,
      title: m.title,
      symposium: m.symposium,
      symposiumDate: m.symposiumDate,
      decidedDate: m.decidedDate,
      breach: m.breach,
      suggestions: f.suggestions
        .filter((s) => s.matterId === m.id)
        .map((s) => ({
          id: s.id,
          class: s.state.adoption,
          reply: s.state.reply,
          overdue: s.state.overdue,
        })),
    }));
}

/** The draft's facts of department D from the year's facts (loaded for D, or for a whole region). */
export function reportFactsOf(f: YearFacts, department: { id: number; name: string }): ReportFacts {
  const facts: ReportFacts = {
    year: f.year,
    department: department.name,
    counterparts: counterpartsInForce(f, department.id).map((c) => c.name),
    symposia: [],
    consultations: consultationsOf(f, department.id),
    invitations: [],
    notices: [],
    research: [],
    services: [],
    plan: planOf(f, department.id),
  };
  for (const r of f.records) {
    if (r.departmentId !== department.id) continue;
    const base = { id: r.id, date: r.date, title: r.title };
    const names = r.counterparts.map((c) => c.name);
    const d = r.details;
    switch (r.kind) {
      case 'symposium':
        facts.symposia.push({
          ...base,
          counterparts: names,
          state: r.state,
          minutes: r.minutes,
        } satisfies ProseSymposium);
        break;
      case 'invitation':
        facts.invitations.push({
          ...base,
          direction: r.direction ?? 'dept_to_cp',
          subtype: r.subtype,
          host: r.hostName,
          invitees: r.invitees.map((i) => ({ name: i.name, state: i.state })),
        } satisfies ProseInvitation);
        break;
      case 'notice':
        facts.notices.push({
          ...base,
          subtype: r.subtype,
          docNumber: d.docNumber ?? null,
          recipients: r.recipients,
        } satisfies ProseNotice);
        break;
      case 'research':
        facts.research.push({
          ...base,
          subtype: r.subtype,
          counterparts: names,
          adoption: d.adoption ?? 'none',
          instruction: Boolean(d.instruction),
          takenUpBy: r.counterparts.find((c) => c.id === d.takenUpBy)?.name ?? null,
        } satisfies ProseResearch);
        break;
      case 'service':
        facts.services.push({
          ...base,
          subtype: r.subtype,
          counterparts: names,
          fundsWan: d.service?.fundsWan ?? null,
          peopleServed: d.service?.peopleServed ?? null,
          projectsLanded: d.service?.projectsLanded ?? null,
        } satisfies ProseService);
        break;
    }
  }
  return facts;
}

/** Everything the draft of department D's report of year Y is written from, as of `at` (default now). */
export async function reportFacts(
  db: Executor,
  department: { id: number; name: string; region_id: number; region_path: string },
  year: number,
  at: AsOf = asOf(),
): Promise<{ facts: ReportFacts; year: YearFacts }> {
  const f = await loadYearFacts(db, unitScope('department', department), year, at);
  return { facts: reportFactsOf(f, department), year: f };
}
