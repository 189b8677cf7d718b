// What a department's year consists of, read from the ledger, the plan and the consultations, as the plain facts
// common/report-prose.ts writes the draft from.
import type {
  ProseInvitation,
  ProseNotice,
  ProsePlan,
  ProseResearch,
  ProseService,
  ProseSymposium,
  ReportFacts,
} from '../../../common/report-prose.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import type { Executor } from '../../context.js';
import {
  counterpartsOf,
  findRecordIds,
  pairedWith,
  recordsByIds,
  responsesOf,
} from '../ledger/ledger.repository.js';
import type { LedgerDetails } from '../ledger/ledger.service.js';
import { itemsOf, linksOf, listPlans } from '../plans/plans.repository.js';
import { itemStatus } from '../plans/plans.service.js';
import { consultationFacts } from './report-consultations.js';

async function inSlices<T>(ids: number[], fn: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

/** The counterparts paired with a department in a year, in print order. */
export async function counterpartsInForce(db: Executor, departmentId: number, year: number) {
  const paired = await pairedWith(db, 'department', departmentId, year);
  if (!paired.size) return [];
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', 'in', [...paired])
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** The plan of a department and year with each item's status, or null. */
export async function planFacts(db: Executor, departmentId: number, year: number): Promise<ProsePlan | null> {
  const [plan] = await listPlans(db, { scope: { kind: 'department', organisationId: departmentId }, year });
  if (!plan) return null;
  const items = await itemsOf(db, [plan.id]);
  const links = await linksOf(
    db,
    items.map((i) => i.id),
  );
  return {
    id: plan.id,
    items: items.map((i) => ({
      id: i.id,
      title: i.title,
      status: itemStatus(year, i.target_month, links.filter((l) => l.plan_item_id === i.id).length),
    })),
  };
}

/** Everything the draft of department D's report of year Y is written from. */
export async function reportFacts(
  db: Executor,
  department: { id: number; name: string },
  year: number,
): Promise<ReportFacts> {
  const ids = await findRecordIds(db, { scope: { kind: 'department', organisationId: department.id }, year });
  const [rows, cps, responses] = await Promise.all([
    inSlices(ids, (s) => recordsByIds(db, s)),
    inSlices(ids, (s) => counterpartsOf(db, s)),
    inSlices(ids, (s) => responsesOf(db, s)),
  ]);
  const facts: ReportFacts = {
    year,
    department: department.name,
    counterparts: (await counterpartsInForce(db, department.id, year)).map((c) => c.name),
    symposia: [],
    consultations: await consultationFacts(db, department.id, year),
    invitations: [],
    notices: [],
    research: [],
    services: [],
    plan: await planFacts(db, department.id, year),
  };
  for (const row of rows) {
    const d = JSON.parse(row.details_json) as LedgerDetails;
    const base = { id: row.id, date: shanghaiDate(row.starts_at), title: row.title };
    const counterparts = cps.filter((c) => c.record_id === row.id);
    const names = counterparts.map((c) => c.name);
    const answers = responses.filter((r) => r.record_id === row.id);
    switch (row.kind) {
      case 'symposium':
        facts.symposia.push({
          ...base,
          counterparts: names,
          minutes: row.status === 'held',
        } as ProseSymposium);
        break;
      case 'invitation':
        facts.invitations.push({
          ...base,
          direction: row.direction === 'cp_to_dept' ? 'cp_to_dept' : 'dept_to_cp',
          subtype: row.subtype,
          host: row.host_name,
          invitees: answers.map((r) => ({
            name: r.organisation_name,
            attended: r.attended === null ? null : r.attended === 1,
          })),
        } satisfies ProseInvitation);
        break;
      case 'notice':
        facts.notices.push({
          ...base,
          subtype: row.subtype,
          docNumber: d.docNumber ?? null,
          recipients: answers.map((r) => ({
            name: r.organisation_name,
            received: r.received_at !== null,
            read: r.read_at !== null,
          })),
        } satisfies ProseNotice);
        break;
      case 'research':
        facts.research.push({
          ...base,
          subtype: row.subtype,
          counterparts: names,
          adoption: d.adoption ?? 'none',
          instruction: Boolean(d.instruction),
          takenUpBy: counterparts.find((c) => c.id === d.takenUpBy)?.name ?? null,
        } satisfies ProseResearch);
        break;
      case 'service':
        facts.services.push({
          ...base,
          subtype: row.subtype,
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
