// Inputs for the print-layout checks (documents.docs.test.ts): a district year long enough to run over several
// pages, with a unique marker in every row so a test can tell where each row was printed.
import type { ConferenceResponse } from '../../common/schemas/reports.js';
import { type PackFigures, packProse } from '../modules/conference/index.js';
import type { LedgerTable } from './ledger-tables.js';

const COUNTERPARTS = [
  '民革奉化支部',
  '民盟奉化支部',
  '民建奉化支部',
  '民进奉化支部',
  '农工党奉化支部',
  '区工商联',
];

/** Row marker of pair n (1-based): unique, and not a prefix of another (R01 … R40). */
export const rowMarker = (n: number): string => `R${String(n).padStart(2, '0')}`;

const counts = (n: number) => ({
  symposia: n % 3,
  consultations: n % 2,
  suggestions: (n % 4) + 1,
  invitationsDeptToCp: n % 2,
  invitationsCpToDept: (n + 1) % 2,
  notices: n % 5,
  research: n % 2,
  services: (n + 1) % 3,
});

/** 40 pairs: the pair table alone runs over more than one page. Each department's name carries its marker. */
export function longConferenceYear(year = 2026): ConferenceResponse {
  const pairs = Array.from({ length: 40 }, (_, i) => ({
    department: { id: 100 + i, name: `区第${i + 1}局${rowMarker(i + 1)}` },
    counterpart: { id: 1 + (i % COUNTERPARTS.length), name: COUNTERPARTS[i % COUNTERPARTS.length] as string },
    counts: counts(i),
    empty: false,
    departmentScore: 4 + (i % 2),
    counterpartScore: 5,
  }));
  const totals = pairs.reduce((t, p) => {
    for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += p.counts[k];
    return t;
  }, counts(0));
  for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] -= counts(0)[k];
  const attendance = { total: 0, attended: 0, declined: 0, awaiting: 0, ahead: 0 };
  const figures: PackFigures = {
    year,
    generatedAt: `${year}-12-20T02:00:00.000Z`,
    asOf: `${year}-12-20`,
    totals,
    ahead: {
      symposia: 0,
      symposiumDates: [],
      invitationsDeptToCp: 0,
      invitationsCpToDept: 0,
      consultationSymposia: 0,
    },
    attendance: { deptToCp: attendance, cpToDept: attendance },
    pairs,
    others: [],
    counterparts: COUNTERPARTS.length,
    consultation: {
      available: true,
      matters: 12,
      suggestions: 30,
      replied: 28,
      repliedOnTime: 26,
      onTimeRate: 26 / 28,
      late: 2,
      open: 2,
      overdue: 0,
      adopted: 15,
      partly: 8,
      forReference: 2,
      notAdopted: 3,
      underStudy: 2,
      adoptionRate: 23 / 30,
      satisfied: 20,
      dissatisfied: 2,
      satisfactionRate: 20 / 22,
      verdicts: [{ round: 1, satisfied: 12, basicallySatisfied: 8, notSatisfied: 2 }],
      symposiaHeld: 12,
      symposiaScheduled: 0,
      breaches: [],
    },
    plans: { departments: 40, withPlan: 30, items: 90, done: 70, overdue: 4, pending: 16 },
    reports: {
      departments: 40,
      counts: { accepted: 20, submitted: 10, returned: 0, draft: 0, not_started: 10 },
      submittedLate: 2,
    },
    unitsWithNothing: [],
    evaluations: { count: 0, averageOfDepartments: null, averageOfCounterparts: null, items: [] },
  };
  return { ...figures, prose: packProse(figures) };
}

/** A ledger table of 60 records whose 情况 runs to several lines, each record with its marker. */
export function longLedgerTable(): LedgerTable {
  const printed = Array.from({ length: 60 }, (_, i) => ({
    date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-15`,
    title: `第${i + 1}次对口联系工作座谈会${rowMarker(i + 1)}`,
    units: '区卫生健康局、民盟奉化支部',
    details: `${rowMarker(i + 1)}：围绕基层医疗服务能力提升、家庭医生签约服务、公共卫生应急体系建设等议题交换意见，双方约定下一步工作安排。`,
  }));
  return { kind: 'symposium', name: '座谈会', columns: [], rows: [], printed };
}
