// A year's facts of a region (and under it), a department or a counterpart, as of an instant: the pairs in
// force, their units, every ledger record, major matter, suggestion and plan of the year — each classified by
// server/year-rules.ts. A handful of bulk reads, never a query per unit; the counting is in facts.count.ts.
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { counterpartOf, type Scope, scopeWhere } from '../../access/scope.js';
import type { Executor } from '../../context.js';
import {
  type AsOf,
  type AttendanceState,
  asOf as asOfNow,
  inForceSql,
  invitationState,
  inviteeState,
  isBreach,
  type MeetingState,
  meetingState,
  pairKey,
  rosterDate,
  type SuggestionState,
  type SymposiumState,
  suggestionState,
  symposiumState,
} from '../../year-rules.js';
import {
  findItemIds,
  findMatterIds,
  itemsByIds,
  matterCounterparts,
  mattersByIds,
  repliesOf,
} from '../consultations/index.js';
import { type LedgerDetails, ledgerOfYear, planItemRecords } from '../ledger/index.js';
import { itemStatus, itemsOf, listPlans } from '../plans/index.js';
import { personsInForce } from '../roster/index.js';
import { organisationsByIds } from './facts.repository.js';

export interface UnitFact {
  id: number;
  name: string;
  kind: 'department' | 'counterpart';
  regionId: number;
}

export interface PairFact {
  departmentId: number;
  counterpartId: number;
  regionId: number;
}

export interface RecordFact {
  id: number;
  kind: string;
  subtype: string;
  direction: 'dept_to_cp' | 'cp_to_dept' | null;
  title: string;
  /** Asia/Shanghai date of its start */
  date: string;
  startsAt: string;
  departmentId: number;
  departmentName: string;
  hostId: number;
  hostName: string;
  counterparts: { id: number; name: string }[];
  state: MeetingState;
  /** minutes recorded (symposia) */
  minutes: boolean;
  /** invitations: each invitee's state, and the invitation's */
  invitees: { id: number; name: string; state: AttendanceState }[];
  attendance: AttendanceState | null;
  /** notices: each recipient's receipt */
  recipients: { name: string; received: boolean; read: boolean }[];
  details: LedgerDetails;
}

export interface MatterFact {
  id: number;
  title: string;
  departmentId: number;
  createdAt: string;
  counterparts: { id: number; name: string; paired: boolean }[];
  symposium: SymposiumState;
  /** the symposium's date (held, or as scheduled), Asia/Shanghai */
  symposiumDate: string | null;
  decidedDate: string | null;
  breach: boolean;
}

export interface SuggestionFact {
  id: number;
  matterId: number;
  departmentId: number;
  counterpartId: number;
  counterpartName: string;
  receivedOn: string;
  /** the author is paired with the department in the year (else it counts on a stated "其他" line) */
  paired: boolean;
  state: SuggestionState;
}

export interface PlanFact {
  id: number;
  departmentId: number;
  items: { id: number; title: string; status: 'done' | 'pending' | 'overdue' }[];
}

export interface YearFacts {
  year: number;
  at: AsOf;
  /** the day whose roster the year's documents name */
  rosterDate: string;
  pairs: PairFact[];
  units: UnitFact[];
  records: RecordFact[];
  matters: MatterFact[];
  suggestions: SuggestionFact[];
  plans: PlanFact[];
}

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

async function inSlices<T>(ids: number[], fn: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

/** The pairs in force in a year within a scope, one per (department, counterpart). */
export async function pairsInForce(db: Executor, scope: Scope, year: number): Promise<PairFact[]> {
  const q = db
    .selectFrom('pairings as p')
    .innerJoin('regions as r', 'r.id', 'p.region_id')
    .innerJoin('organisations as d', 'd.id', 'p.department_id')
    .innerJoin('organisations as c', 'c.id', 'p.counterpart_id')
    .select(['p.department_id', 'p.counterpart_id', 'p.region_id'])
    .where(inForceSql(year, 'p'))
    .where((eb) =>
      scopeWhere(eb, scope, {
        region: { path: 'r.path' },
        department: 'p.department_id',
        counterpart: 'p.counterpart_id',
      }),
    );
  const rows = await q
    .orderBy('d.sort_order')
    .orderBy('d.id')
    .orderBy('c.sort_order')
    .orderBy('c.id')
    .execute();
  const seen = new Set<string>();
  const out: PairFact[] = [];
  for (const r of rows) {
    const k = pairKey(r.department_id, r.counterpart_id);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push({ departmentId: r.department_id, counterpartId: r.counterpart_id, regionId: r.region_id });
  }
  return out;
}

async function unitsOf(db: Executor, pairs: PairFact[]): Promise<UnitFact[]> {
  const ids = [...new Set(pairs.flatMap((p) => [p.departmentId, p.counterpartId]))];
  const rows = await inSlices(ids, (s) =>
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'kind', 'region_id', 'sort_order'])
      .where('id', 'in', s)
      .execute(),
  );
  return rows
    .sort((a, b) =>
      a.kind === b.kind ? a.sort_order - b.sort_order || a.id - b.id : a.kind === 'department' ? -1 : 1,
    )
    .map((o) => ({ id: o.id, name: o.name, kind: o.kind as UnitFact['kind'], regionId: o.region_id }));
}

async function recordFacts(db: Executor, scope: Scope, year: number, at: AsOf): Promise<RecordFact[]> {
  const { records, counterparts, responses } = await ledgerOfYear(db, scope, year);
  const orgIds = new Set<number>();
  for (const r of records) {
    orgIds.add(r.department_id);
    orgIds.add(r.host_id);
  }
  for (const c of counterparts) orgIds.add(c.counterpart_id);
  for (const r of responses) orgIds.add(r.organisation_id);
  const orgs = await organisationsByIds(db, [...orgIds]);
  const name = (id: number) => orgs.get(id)?.name ?? '';
  const printOrder = (a: number, b: number) =>
    (orgs.get(a)?.sort_order ?? 0) - (orgs.get(b)?.sort_order ?? 0) || a - b;
  const cpsOf = groupBy(counterparts, (c) => c.record_id);
  const answersOf = groupBy(responses, (r) => r.record_id);
  return records.map((row) => {
    const answers = [...(answersOf.get(row.id) ?? [])].sort((x, y) =>
      printOrder(x.organisation_id, y.organisation_id),
    );
    const invitees =
      row.kind === 'invitation'
        ? answers.map((r) => ({
            id: r.organisation_id,
            name: name(r.organisation_id),
            state: inviteeState(row.starts_at, r, at),
          }))
        : [];
    return {
      id: row.id,
      kind: row.kind,
      subtype: row.subtype,
      direction:
        row.kind === 'invitation' ? (row.direction === 'cp_to_dept' ? 'cp_to_dept' : 'dept_to_cp') : null,
      title: row.title,
      date: shanghaiDate(row.starts_at),
      startsAt: row.starts_at,
      departmentId: row.department_id,
      departmentName: name(row.department_id),
      hostId: row.host_id,
      hostName: name(row.host_id),
      counterparts: (cpsOf.get(row.id) ?? [])
        .map((c) => c.counterpart_id)
        .sort(printOrder)
        .map((id) => ({ id, name: name(id) })),
      state: meetingState(row, at),
      minutes: row.status === 'held',
      invitees,
      attendance: row.kind === 'invitation' ? invitationState(invitees.map((i) => i.state)) : null,
      recipients:
        row.kind === 'notice'
          ? answers.map((r) => ({
              name: name(r.organisation_id),
              received: r.received_at !== null && r.received_at <= at.iso,
              read: r.read_at !== null && r.read_at <= at.iso,
            }))
          : [],
      details: JSON.parse(row.details_json) as LedgerDetails,
    };
  });
}

async function consultationFacts(
  db: Executor,
  scope: Scope,
  year: number,
  at: AsOf,
  paired: Set<string>,
): Promise<{ matters: MatterFact[]; suggestions: SuggestionFact[] }> {
  const itemIds = await findItemIds(db, { scope, year });
  const [items, replies] = await Promise.all([
    inSlices(itemIds, (s) => itemsByIds(db, s)),
    inSlices(itemIds, (s) => repliesOf(db, s)),
  ]);
  const matterIds = new Set(await findMatterIds(db, { scope, year }));
  for (const i of items) matterIds.add(i.matter_id);
  const [matters, cps] = await Promise.all([
    inSlices([...matterIds], (s) => mattersByIds(db, s)),
    inSlices([...matterIds], (s) => matterCounterparts(db, s)),
  ]);
  const cpsOf = groupBy(cps, (c) => c.matter_id);
  const repliesOfItem = groupBy(replies, (r) => r.item_id);
  return {
    matters: matters
      .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id)
      .map((m) => {
        const symposium = symposiumState(m, at);
        const when = symposium === 'held' ? m.held_at : m.symposium_at;
        return {
          id: m.id,
          title: m.title,
          departmentId: m.department_id,
          createdAt: m.created_at,
          counterparts: (cpsOf.get(m.id) ?? []).map((c) => ({
            id: c.id,
            name: c.name,
            paired: c.paired === 1,
          })),
          symposium,
          symposiumDate: when ? shanghaiDate(when) : null,
          decidedDate: m.decided_at && m.decided_at <= at.iso ? shanghaiDate(m.decided_at) : null,
          breach: isBreach(m, at),
        };
      }),
    suggestions: items
      .filter((i) => i.received_on <= at.date)
      .sort((a, b) => a.id - b.id)
      .map((i) => ({
        id: i.id,
        matterId: i.matter_id,
        departmentId: i.department_id,
        counterpartId: i.counterpart_id,
        counterpartName: i.counterpart_name,
        receivedOn: i.received_on,
        paired: paired.has(pairKey(i.department_id, i.counterpart_id)),
        state: suggestionState(i, repliesOfItem.get(i.id) ?? [], at),
      })),
  };
}

async function planFacts(db: Executor, scope: Scope, year: number, at: AsOf): Promise<PlanFact[]> {
  if (counterpartOf(scope) !== null) return []; // plans are the departments' own
  const plans = await listPlans(db, { scope, year });
  const items = await inSlices(
    plans.map((p) => p.id),
    (s) => itemsOf(db, s),
  );
  const links = await inSlices(
    items.map((i) => i.id),
    (s) => planItemRecords(db, s),
  );
  const linked = groupBy(links, (l) => l.plan_item_id ?? 0);
  return plans.map((p) => ({
    id: p.id,
    departmentId: p.department_id,
    items: items
      .filter((i) => i.plan_id === p.id)
      .map((i) => ({
        id: i.id,
        title: i.title,
        status: itemStatus(year, i.target_month, (linked.get(i.id) ?? []).length, at.iso),
      })),
  }));
}

/** Everything a year's figures are counted from, for a scope, as of `at` (default: now). */
export async function loadYearFacts(
  db: Executor,
  scope: Scope,
  year: number,
  at: AsOf = asOfNow(),
): Promise<YearFacts> {
  const pairs = await pairsInForce(db, scope, year);
  const paired = new Set(pairs.map((p) => pairKey(p.departmentId, p.counterpartId)));
  const [units, records, consultations, plans] = await Promise.all([
    unitsOf(db, pairs),
    recordFacts(db, scope, year, at),
    consultationFacts(db, scope, year, at, paired),
    planFacts(db, scope, year, at),
  ]);
  return {
    year,
    at,
    rosterDate: rosterDate(year, at),
    pairs,
    units,
    records,
    ...consultations,
    plans,
  };
}

/**
 * Who held each role (主要负责人, 分管领导, 联络员) of these units for the year's documents: the roster as of the
 * year's last day once it is over, as of `at` in the current year.
 */
export async function rosterOf(db: Executor, organisationIds: number[], f: Pick<YearFacts, 'rosterDate'>) {
  return personsInForce(db, organisationIds, f.rosterDate);
}
