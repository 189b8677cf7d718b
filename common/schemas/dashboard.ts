// 履职督查 (liaison oversight), the dashboard of 统战部 and 区府办 (issue 7): a colour-coded matrix per unit and per pair,
// trends over the year, drill-down into a cell, and the yearly obligations it reads.
import { z } from 'zod';
import { Id, Ref, Year } from './shared.js';

/** What each pair / unit owes in a year (server/modules/cycle). */
export const OBLIGATION_KINDS = ['symposium', 'plan', 'report', 'filing'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
/** An obligation stays open until a record meets it. */
export const OBLIGATION_STATUSES = ['open', 'met'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];
export const OBLIGATION_KIND_LABELS: Record<ObligationKind, { zh: string; en: string }> = {
  symposium: { zh: '对口联系工作座谈会', en: 'Liaison symposium' },
  plan: { zh: '年度对口联系工作计划', en: 'Annual work plan' },
  report: { zh: '年度对口联系工作情况报告', en: 'Annual report' },
  filing: { zh: '分管领导、联络员登记表', en: 'Registration form' },
};

/** An obligation of a year by name: 2026年度对口联系工作计划, 2026年对口联系工作座谈会 — never 2026年年度. */
export function obligationTitle(kind: ObligationKind, year: number, lang: 'zh' | 'en'): string {
  const label = OBLIGATION_KIND_LABELS[kind];
  if (!label) return `${kind} ${year}`;
  if (lang === 'en') return `${label.en} ${year}`;
  return label.zh.startsWith('年度') ? `${year}${label.zh}` : `${year}年${label.zh}`;
}

/** The columns of the matrix. */
export const DASHBOARD_METRICS = [
  'filing',
  'plan',
  'symposium',
  'consultation',
  'replies',
  'report',
] as const;
export type DashboardMetric = (typeof DASHBOARD_METRICS)[number];
export const DASHBOARD_METRIC_LABELS: Record<DashboardMetric, { zh: string; en: string }> = {
  filing: { zh: '责任人登记备案', en: 'Roster filed' },
  plan: { zh: '年度计划', en: 'Plan agreed' },
  symposium: { zh: '座谈会', en: 'Symposium held' },
  consultation: { zh: '先协商后决策', en: 'Consulted before deciding' },
  replies: { zh: '按期答复', en: 'Replies on time' },
  report: { zh: '年度报告', en: 'Report submitted' },
};

export const CELL_STATES = ['ok', 'warn', 'bad', 'na'] as const;
export type CellState = (typeof CELL_STATES)[number];

export const DashboardCell = z
  .object({
    state: z.enum(CELL_STATES),
    /** what the cell shows: a count, a ratio ('3/5'), a status label */
    value: z.union([z.string(), z.number()]).nullable(),
    /** the web page of the cell's subject (/plans?year=…&departmentId=…); null only for a cell with no subject (n/a) */
    link: z.string().nullable(),
    /** the records behind it: the query of GET /dashboard/cell (under /api/v1), null when there are none */
    drill: z.string().nullable(),
  })
  .meta({
    id: 'DashboardCell',
    description:
      '督查矩阵的一个单元格：颜色状态、显示值、所指网页和明细查询 · One cell of the dashboard matrix: its colour state (ok, warn, bad, n/a), the value shown, the web page of its subject and the query of the records behind it',
  });
export type DashboardCell = z.infer<typeof DashboardCell>;

const Cells = z.object({
  filing: DashboardCell,
  plan: DashboardCell,
  symposium: DashboardCell,
  consultation: DashboardCell,
  replies: DashboardCell,
  report: DashboardCell,
});

export const DashboardQuery = z
  .object({
    year: Year,
    /** a region inside the user's (default: the user's own) */
    regionId: Id.optional(),
  })
  .meta({
    id: 'DashboardQuery',
    description:
      '履职督查的查询条件：年度和行政区划 · Filters of the liaison oversight page: year, and a region within the user’s own (default: the user’s region)',
  });
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const UnitRef = z.object({ id: z.number().int(), name: z.string(), kind: z.string() }).meta({
  id: 'DashboardUnitRef',
  description:
    '督查矩阵中的一个单位：编号、名称和类别 · A unit in the dashboard matrix: id, name and kind of organisation (department or counterpart)',
});

export const DashboardResponse = z
  .object({
    year: z.number().int(),
    today: z.string(),
    region: Ref,
    metrics: z.array(z.object({ key: z.enum(DASHBOARD_METRICS), label: z.string() })),
    /** one row per department and counterpart in force in the year */
    units: z.array(z.object({ organisation: UnitRef, cells: Cells })),
    /** one row per pair: symposia held, ledger records, consultation items, replies on time */
    pairs: z.array(
      z.object({
        department: Ref,
        counterpart: Ref,
        symposia: DashboardCell,
        records: DashboardCell,
        consultation: DashboardCell,
        replies: DashboardCell,
      }),
    ),
    /** per metric: how many cells are in each state */
    totals: z.record(z.enum(DASHBOARD_METRICS), z.record(z.enum(CELL_STATES), z.number().int())),
    trends: z.object({
      months: z.array(z.number().int()),
      /** ledger records per kind and month (starts_at, Asia/Shanghai) */
      records: z.record(z.string(), z.array(z.number().int())),
      /** first replies to suggestions per month: on time and late */
      replies: z.object({ onTime: z.array(z.number().int()), late: z.array(z.number().int()) }),
    }),
  })
  .meta({
    id: 'DashboardResponse',
    description:
      '履职督查：按单位和结对的达标矩阵、各状态合计和全年趋势 · The region’s liaison oversight for a year: a colour-coded matrix per unit (registration form filed, plan, symposium, consultation before decision, replies on time, annual report) and per pair, counts per state, and monthly trends',
  });
export type DashboardResponse = z.infer<typeof DashboardResponse>;

export const DashboardCellQuery = z
  .object({
    year: Year,
    organisationId: Id,
    metric: z.enum([...DASHBOARD_METRICS, 'records'] as const),
    /** a pair's cell: the counterpart */
    counterpartId: Id.optional(),
  })
  .meta({
    id: 'DashboardCellQuery',
    description:
      '督查明细的查询条件：年度、单位、指标，结对单元格另给联系对象 · Filters of a dashboard drill-down: year, unit, metric (or ledger records), and the counterpart for a pair’s cell',
  });
export type DashboardCellQuery = z.infer<typeof DashboardCellQuery>;

export const DashboardCellRecord = z
  .object({
    /** 'ledger' | 'plan' | 'plan_item' | 'filing' | 'report' | 'matter' | 'item' | 'obligation' … */
    type: z.string(),
    id: z.number().int(),
    title: z.string(),
    date: z.string().nullable(),
    status: z.string().nullable(),
    /** web path of the record */
    link: z.string(),
  })
  .meta({
    id: 'DashboardCellRecord',
    description:
      '督查单元格背后的一条记录 · One record behind a dashboard cell: its type (ledger record, annual plan, plan item, registration form, annual report, major matter, suggestion, obligation), title, date, status and web link',
  });

export const DashboardCellResponse = z
  .object({
    metric: z.string(),
    year: z.number().int(),
    organisation: UnitRef,
    counterpart: Ref.nullable(),
    records: z.array(DashboardCellRecord),
  })
  .meta({
    id: 'DashboardCellResponse',
    description:
      '督查明细：某个单元格背后的记录 · The drill-down of one dashboard cell: metric, year, unit, the counterpart (for a pair’s cell) and the records behind it',
  });
export type DashboardCellResponse = z.infer<typeof DashboardCellResponse>;

export const DashboardExportQuery = z.object({ year: Year, regionId: Id.optional() }).meta({
  id: 'DashboardExportQuery',
  description:
    '导出履职督查表格的查询条件：年度和行政区划 · Filters of the dashboard spreadsheet export (.xlsx): year and region',
});
