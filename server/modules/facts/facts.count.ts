// The counts of a year's facts, by state: for a pair, a unit, or everything loaded (a district or region).
// Pure functions over YearFacts — the only place a year's work is counted.

import {
  ADOPTION_CLASSES,
  type AdoptionClass,
  ATTENDANCE_STATES,
  type AttendanceState,
  MEETING_STATES,
  type MeetingState,
  pairKey,
  VERDICTS,
  type Verdict,
} from '../../year-rules.js';
import type { MatterFact, RecordFact, SuggestionFact, YearFacts } from './facts.load.js';

export type AttendanceCounts = Record<AttendanceState, number> & { total: number };

export interface SuggestionCounts {
  received: number;
  onTime: number;
  late: number;
  open: number;
  /** of the open ones, past their due date */
  overdue: number;
  adoption: Record<AdoptionClass, number>;
  /** per round (1, 2 …): the counterparts' verdicts on that round's reply */
  verdicts: { round: number; counts: Record<Verdict, number> }[];
}

export interface WorkCounts {
  symposia: Record<MeetingState, number> & { total: number; withoutMinutes: number };
  invitationsOut: AttendanceCounts;
  invitationsIn: AttendanceCounts;
  notices: number;
  research: number;
  services: number;
  matters: {
    total: number;
    held: number;
    scheduled: number;
    cancelled: number;
    none: number;
    breaches: number;
  };
  suggestions: SuggestionCounts;
}

const zeroAttendance = (): AttendanceCounts =>
  ({ total: 0, ...Object.fromEntries(ATTENDANCE_STATES.map((s) => [s, 0])) }) as AttendanceCounts;

export function emptySuggestionCounts(): SuggestionCounts {
  return {
    received: 0,
    onTime: 0,
    late: 0,
    open: 0,
    overdue: 0,
    adoption: Object.fromEntries(ADOPTION_CLASSES.map((c) => [c, 0])) as Record<AdoptionClass, number>,
    verdicts: [],
  };
}

export function countSuggestions(suggestions: readonly SuggestionFact[]): SuggestionCounts {
  const c = emptySuggestionCounts();
  for (const s of suggestions) {
    c.received += 1;
    if (s.state.reply === 'on_time') c.onTime += 1;
    else if (s.state.reply === 'late') c.late += 1;
    else c.open += 1;
    if (s.state.overdue) c.overdue += 1;
    c.adoption[s.state.adoption] += 1;
    for (const v of s.state.verdicts) {
      let round = c.verdicts.find((r) => r.round === v.round);
      if (!round) {
        round = {
          round: v.round,
          counts: Object.fromEntries(VERDICTS.map((x) => [x, 0])) as Record<Verdict, number>,
        };
        c.verdicts.push(round);
      }
      round.counts[v.verdict] += 1;
    }
  }
  c.verdicts.sort((a, b) => a.round - b.round);
  return c;
}

/**
 * Counts of records, matters and suggestions; `attendanceOf` picks which state of an invitation counts (the
 * whole invitation, or one invitee's).
 */
export function countWork(
  records: readonly RecordFact[],
  matters: readonly MatterFact[],
  suggestions: readonly SuggestionFact[],
  attendanceOf: (r: RecordFact) => AttendanceState | null = (r) => r.attendance,
): WorkCounts {
  const symposia = {
    total: 0,
    withoutMinutes: 0,
    ...Object.fromEntries(MEETING_STATES.map((s) => [s, 0])),
  } as WorkCounts['symposia'];
  const out: WorkCounts = {
    symposia,
    invitationsOut: zeroAttendance(),
    invitationsIn: zeroAttendance(),
    notices: 0,
    research: 0,
    services: 0,
    matters: { total: 0, held: 0, scheduled: 0, cancelled: 0, none: 0, breaches: 0 },
    suggestions: countSuggestions(suggestions),
  };
  for (const r of records) {
    if (r.kind === 'symposium') {
      symposia.total += 1;
      symposia[r.state] += 1;
      if (r.state === 'held' && !r.minutes) symposia.withoutMinutes += 1;
    } else if (r.kind === 'invitation') {
      const c = r.direction === 'cp_to_dept' ? out.invitationsIn : out.invitationsOut;
      const state = attendanceOf(r) ?? 'awaiting';
      c.total += 1;
      c[state] += 1;
    } else if (r.kind === 'notice') out.notices += 1;
    else if (r.kind === 'research') out.research += 1;
    else if (r.kind === 'service') out.services += 1;
  }
  for (const m of matters) {
    out.matters.total += 1;
    out.matters[m.symposium] += 1;
    if (m.breach) out.matters.breaches += 1;
  }
  return out;
}

// Indexes of a year's facts by unit, built once per YearFacts: a region's pairs and units are counted from
// them without scanning every record for every pair.
interface Index {
  recordsOfDept: Map<number, RecordFact[]>;
  recordsOfCp: Map<number, RecordFact[]>;
  mattersOfDept: Map<number, MatterFact[]>;
  mattersOfCp: Map<number, MatterFact[]>;
  suggestionsOfDept: Map<number, SuggestionFact[]>;
  suggestionsOfCp: Map<number, SuggestionFact[]>;
}
const indexes = new WeakMap<YearFacts, Index>();

function push<T>(m: Map<number, T[]>, k: number, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function indexOf(f: YearFacts): Index {
  let x = indexes.get(f);
  if (x) return x;
  x = {
    recordsOfDept: new Map(),
    recordsOfCp: new Map(),
    mattersOfDept: new Map(),
    mattersOfCp: new Map(),
    suggestionsOfDept: new Map(),
    suggestionsOfCp: new Map(),
  };
  for (const r of f.records) {
    push(x.recordsOfDept, r.departmentId, r);
    for (const c of r.counterparts) push(x.recordsOfCp, c.id, r);
  }
  for (const m of f.matters) {
    push(x.mattersOfDept, m.departmentId, m);
    for (const c of m.counterparts) push(x.mattersOfCp, c.id, m);
  }
  for (const s of f.suggestions) {
    push(x.suggestionsOfDept, s.departmentId, s);
    push(x.suggestionsOfCp, s.counterpartId, s);
  }
  indexes.set(f, x);
  return x;
}

/** Everything loaded, each record once however many counterparts share it. */
export const totalCounts = (f: YearFacts): WorkCounts => countWork(f.records, f.matters, f.suggestions);

/** The records of one pair's year (a record shared by several counterparts is each one's). */
export const pairRecords = (f: YearFacts, departmentId: number, counterpartId: number): RecordFact[] =>
  f.records.filter(
    (r) => r.departmentId === departmentId && r.counterparts.some((c) => c.id === counterpartId),
  );

/** One pair's year: its records, the matters it was consulted on, the suggestions of its counterpart. */
export function pairCounts(f: YearFacts, departmentId: number, counterpartId: number): WorkCounts {
  return countWork(
    pairRecords(f, departmentId, counterpartId),
    (indexOf(f).mattersOfDept.get(departmentId) ?? []).filter((m) =>
      m.counterparts.some((c) => c.id === counterpartId),
    ),
    (indexOf(f).suggestionsOfDept.get(departmentId) ?? []).filter((s) => s.counterpartId === counterpartId),
    // an invitation to several counterparts counts, for this pair, as this counterpart's answer
    (r) =>
      r.direction === 'dept_to_cp'
        ? (r.invitees.find((i) => i.id === counterpartId)?.state ?? r.attendance)
        : r.attendance,
  );
}

/** One unit's year: a department's own records; a counterpart's records, matters and suggestions. */
export function unitCounts(f: YearFacts, unit: { id: number; kind: string }): WorkCounts {
  const x = indexOf(f);
  if (unit.kind === 'department') {
    return countWork(
      x.recordsOfDept.get(unit.id) ?? [],
      x.mattersOfDept.get(unit.id) ?? [],
      x.suggestionsOfDept.get(unit.id) ?? [],
    );
  }
  return countWork(
    x.recordsOfCp.get(unit.id) ?? [],
    x.mattersOfCp.get(unit.id) ?? [],
    x.suggestionsOfCp.get(unit.id) ?? [],
  );
}

/**
 * Suggestions from a counterpart not paired with the department in the year: per (department, counterpart),
 * for the "其他" line that makes a per-pair table add up to the totals.
 */
export function unpairedSuggestions(f: YearFacts) {
  const out = new Map<
    string,
    { departmentId: number; counterpartId: number; counterpartName: string; suggestions: SuggestionFact[] }
  >();
  for (const s of f.suggestions) {
    if (s.paired) continue;
    const k = pairKey(s.departmentId, s.counterpartId);
    const row = out.get(k) ?? {
      departmentId: s.departmentId,
      counterpartId: s.counterpartId,
      counterpartName: s.counterpartName,
      suggestions: [],
    };
    row.suggestions.push(s);
    out.set(k, row);
  }
  return [...out.values()];
}

/** The plan figures of the departments given (default: all loaded). */
export function planCounts(f: YearFacts, departmentIds?: readonly number[]) {
  const plans = departmentIds ? f.plans.filter((p) => departmentIds.includes(p.departmentId)) : f.plans;
  const items = plans.flatMap((p) => p.items);
  return {
    withPlan: plans.length,
    items: items.length,
    done: items.filter((i) => i.status === 'done').length,
    overdue: items.filter((i) => i.status === 'overdue').length,
    pending: items.filter((i) => i.status === 'pending').length,
  };
}

/** The departments and counterparts of the year's pairs. */
export const departmentsOf = (f: YearFacts) => f.units.filter((u) => u.kind === 'department');
export const counterpartsOf = (f: YearFacts) => f.units.filter((u) => u.kind === 'counterpart');
