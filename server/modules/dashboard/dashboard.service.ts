// 履职督查 (liaison oversight), the dashboard of 统战部 and 区府办: every unit and pair of their region (and under it) against
// what the notice asks of it in a year, as a colour-coded matrix; trends; the records behind each cell.
import { effectiveStatus, FILING_STATUS_LABELS, type FormStatus } from '../../../common/filings.js';
import {
  CELL_STATES,
  DASHBOARD_METRIC_LABELS,
  DASHBOARD_METRICS,
  type DashboardCell,
  type DashboardCellQuery,
  type DashboardCellResponse,
  type DashboardMetric,
  type DashboardQuery,
  type DashboardResponse,
} from '../../../common/schemas/dashboard.js';
import { LEDGER_KINDS } from '../../../common/schemas/ledger.js';
import { monthEnd, shanghaiDate } from '../../../common/shanghai-time.js';
import { unitScope } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { asOf, pairKey } from '../../year-rules.js';
import { OBLIGATION_DUE } from '../cycle/index.js';
import {
  loadYearFacts,
  pairCounts,
  pairRecords,
  planCounts,
  type SuggestionCounts,
  unitCounts,
  type WorkCounts,
} from '../facts/index.js';
import { filingFigures, reportFigures } from './dashboard.repository.js';

/** A report's status as its cell says it, in the reader's language (the cell's words, not the report page's). */
const REPORT_CELL_LABELS: Record<string, { zh: string; en: string }> = {
  not_started: { zh: '未填报', en: 'Not started' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已报送', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  accepted: { zh: '已审核', en: 'Accepted' },
};
const NO_PLAN = { zh: '未制定', en: 'No plan' };

interface Scope {
  region: { id: number; name: string; path: string };
  regionIds: number[];
}

/** The region asked for, if it lies in the actor's (default: the actor's own); its id and those under it. */
async function regionScope(ctx: RequestContext, regionId?: number): Promise<Scope> {
  const region = await ctx.db
    .selectFrom('regions')
    .select(['id', 'name', 'path'])
    .where('id', '=', regionId ?? ctx.actor.regionId)
    .executeTakeFirst();
  if (!region?.path.startsWith(ctx.actor.regionPath)) throw notFound();
  const under = await ctx.db
    .selectFrom('regions')
    .select('id')
    .where('path', 'like', `${region.path}%`)
    .execute();
  return { region, regionIds: under.map((r) => r.id) };
}

const cell = (
  state: DashboardCell['state'],
  value: DashboardCell['value'],
  link: string | null,
  drill: string | null = null,
): DashboardCell => ({ state, value, link, drill });

/** The records behind a cell: the query of GET /dashboard/cell (the dashboard's drawer asks it). */
const drill = (year: number, organisationId: number, metric: string, counterpartId?: number) =>
  `/dashboard/cell?year=${year}&organisationId=${organisationId}&metric=${metric}${counterpartId ? `&counterpartId=${counterpartId}` : ''}`;

/**
 * The web page where a cell's subject is seen and acted on (a path of web/routes.tsx, never an API path):
 * the unit's plans, its symposia and records in the ledger, its major matters, its annual report.
 */
const page = {
  plans: (year: number, departmentId: number) => `/plans?year=${year}&departmentId=${departmentId}`,
  ledger: (year: number, o: { departmentId?: number; counterpartId?: number; kind?: 'symposium' }) =>
    `/ledger?year=${year}${o.kind ? `&kind=${o.kind}` : ''}${o.departmentId ? `&departmentId=${o.departmentId}` : ''}${o.counterpartId ? `&counterpartId=${o.counterpartId}` : ''}`,
  matters: (year: number, departmentId: number, o: { counterpartId?: number; violation?: boolean } = {}) =>
    `/consultations?year=${year}&departmentId=${departmentId}${o.counterpartId ? `&counterpartId=${o.counterpartId}` : ''}${o.violation ? '&violation=1' : ''}`,
  report: (year: number, departmentId: number) => `/reports/${departmentId}/${year}`,
  filing: (roundId: number, organisationId: number) => `/filings/${roundId}/${organisationId}`,
};
/** A unit's side in a ledger filter. */
const side = (o: { id: number; kind: string }) =>
  o.kind === 'department' ? { departmentId: o.id } : { counterpartId: o.id };

/** How the year stands on `now`: months ended, whether the year is over. */
function yearClock(year: number, now: Date) {
  const today = shanghaiDate(now.toISOString());
  const currentYear = Number(today.slice(0, 4));
  const currentMonth = Number(today.slice(5, 7));
  const endedMonths = year < currentYear ? 12 : year === currentYear ? currentMonth - 1 : 0;
  return { today, endedMonths, yearOver: year < currentYear };
}

export async function dashboard(
  ctx: RequestContext,
  query: DashboardQuery,
  now: Date = new Date(),
): Promise<DashboardResponse> {
  /** A cell's words in the reader's language (ctx.lang); names of units stay as they are. */
  const say = (pair: { zh: string; en: string }): string => (ctx.lang === 'en' ? pair.en : pair.zh);
  const { region, regionIds } = await regionScope(ctx, query.regionId);
  const year = query.year;
  const { today, yearOver } = yearClock(year, now);
  const f = { regionIds, year };

  const [facts, filings, reports] = await Promise.all([
    loadYearFacts(ctx.db, { kind: 'region', regionPath: region.path }, year, asOf(now)),
    filingFigures(ctx.db, f),
    reportFigures(ctx.db, f),
  ]);
  const pairs = facts.pairs;
  const orgs = facts.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, region_id: u.regionId }));
  const orgById = new Map(orgs.map((o) => [o.id, o]));

  // the newest round of the unit's region; the unit's form in it
  const roundOfRegion = new Map<number, (typeof filings.rounds)[number]>();
  for (const r of filings.rounds) if (!roundOfRegion.has(r.region_id)) roundOfRegion.set(r.region_id, r);
  const formOf = new Map(filings.forms.map((fm) => [`${fm.round_id}:${fm.organisation_id}`, fm]));
  const reportOf = new Map(reports.reports.map((r) => [r.department_id, r]));
  const countsOfPair = new Map(
    pairs.map((p) => [
      pairKey(p.departmentId, p.counterpartId),
      pairCounts(facts, p.departmentId, p.counterpartId),
    ]),
  );
  const pairOf = (d: number, c: number) => countsOfPair.get(pairKey(d, c)) as WorkCounts;

  const filingCell = (o: { id: number; region_id: number }): DashboardCell => {
    const round = roundOfRegion.get(o.region_id);
    if (!round) return cell('na', null, null);
    const form = formOf.get(`${round.id}:${o.id}`);
    const stored = (form?.status ?? 'not_started') as FormStatus;
    const status = effectiveStatus(stored, round.deadline, today);
    const state = status === 'filed' ? 'ok' : status === 'late' ? 'bad' : 'warn';
    return cell(
      state,
      say(FILING_STATUS_LABELS[status]),
      page.filing(round.id, o.id),
      drill(year, o.id, 'filing'),
    );
  };

  const symposiumCell = (o: { id: number; kind: string }): DashboardCell => {
    const link = page.ledger(year, { ...side(o), kind: 'symposium' });
    const mine = pairs.filter((p) => (o.kind === 'department' ? p.departmentId : p.counterpartId) === o.id);
    const held = mine.filter((p) => pairOf(p.departmentId, p.counterpartId).symposia.held > 0);
    const state = held.length === mine.length ? 'ok' : yearOver ? 'bad' : 'warn';
    return cell(state, `${held.length}/${mine.length}`, link, drill(year, o.id, 'symposium'));
  };

  const planCell = (o: { id: number }): DashboardCell => {
    if (!facts.plans.some((p) => p.departmentId === o.id)) {
      const late = today > OBLIGATION_DUE.plan(year);
      // nothing behind it to list: straight to the page where the plan is made
      return cell(late ? 'bad' : 'warn', say(NO_PLAN), page.plans(year, o.id));
    }
    const p = planCounts(facts, [o.id]);
    return cell(
      p.overdue > 0 ? 'warn' : 'ok',
      `${p.done}/${p.items}`,
      page.plans(year, o.id),
      drill(year, o.id, 'plan'),
    );
  };

  const consultationCell = (o: { id: number; kind: string }): DashboardCell => {
    const m = unitCounts(facts, o).matters;
    if (m.total === 0) return cell('na', 0, null);
    return cell(
      m.breaches > 0 ? 'bad' : 'ok',
      `${m.breaches}/${m.total}`,
      page.matters(year, o.id, { violation: m.breaches > 0 }),
      drill(year, o.id, 'consultation'),
    );
  };

  const repliesCell = (s: SuggestionCounts, link: string, records: string) => {
    if (s.received === 0) return cell('na', null, null);
    const state = s.overdue > 0 ? 'bad' : s.late > 0 ? 'warn' : 'ok';
    return cell(state, `${s.onTime}/${s.received}`, link, records);
  };

  const reportCell = (o: { id: number; region_id: number }): DashboardCell => {
    const r = reportOf.get(o.id);
    const deadline = reports.deadlines.get(o.region_id) ?? OBLIGATION_DUE.report(year);
    const status = r?.status ?? 'not_started';
    const words = REPORT_CELL_LABELS[status];
    const label = words ? say(words) : status;
    const link = page.report(year, o.id);
    const records = r ? drill(year, o.id, 'report') : null;
    if (status === 'accepted') return cell('ok', label, link, records);
    if (status === 'submitted') return cell(r?.submitted_late ? 'warn' : 'ok', label, link, records);
    if (!yearOver) return cell('na', label, link, records);
    return cell(today > deadline ? 'bad' : 'warn', label, link, records);
  };

  const na = cell('na', null, null);
  const units = orgs.map((o) => {
    const dept = o.kind === 'department';
    return {
      organisation: { id: o.id, name: o.name, kind: o.kind },
      cells: {
        filing: filingCell(o),
        plan: dept ? planCell(o) : na,
        symposium: symposiumCell(o),
        consultation: dept ? consultationCell(o) : na,
        replies: dept
          ? repliesCell(
              unitCounts(facts, o).suggestions,
              page.matters(year, o.id),
              drill(year, o.id, 'replies'),
            )
          : na,
        report: dept ? reportCell(o) : na,
      },
    };
  });

  const pairRows = pairs
    .filter((p) => orgById.has(p.departmentId) && orgById.has(p.counterpartId))
    .map((p) => {
      const w = pairOf(p.departmentId, p.counterpartId);
      const symposia = w.symposia.held;
      const records = pairRecords(facts, p.departmentId, p.counterpartId).length;
      const received = w.suggestions.received;
      const d = orgById.get(p.departmentId) as (typeof orgs)[number];
      const c = orgById.get(p.counterpartId) as (typeof orgs)[number];
      return {
        department: { id: d.id, name: d.name },
        counterpart: { id: c.id, name: c.name },
        symposia: cell(
          symposia > 0 ? 'ok' : yearOver ? 'bad' : 'warn',
          symposia,
          page.ledger(year, { departmentId: d.id, counterpartId: c.id, kind: 'symposium' }),
          symposia ? drill(year, d.id, 'symposium', c.id) : null,
        ),
        records: cell(
          records > 0 ? 'ok' : yearOver ? 'bad' : 'warn',
          records,
          page.ledger(year, { departmentId: d.id, counterpartId: c.id }),
          records ? drill(year, d.id, 'records', c.id) : null,
        ),
        consultation: cell(
          received ? 'ok' : 'na',
          received,
          received ? page.matters(year, d.id, { counterpartId: c.id }) : null,
          received ? drill(year, d.id, 'replies', c.id) : null,
        ),
        replies: received
          ? repliesCell(
              w.suggestions,
              page.matters(year, d.id, { counterpartId: c.id }),
              drill(year, d.id, 'replies', c.id),
            )
          : na,
      };
    });

  const totals = Object.fromEntries(
    DASHBOARD_METRICS.map((m) => {
      const counts = Object.fromEntries(CELL_STATES.map((s) => [s, 0])) as Record<
        DashboardCell['state'],
        number
      >;
      for (const u of units) counts[u.cells[m].state] += 1;
      return [m, counts];
    }),
  ) as DashboardResponse['totals'];

  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  const records = Object.fromEntries(LEDGER_KINDS.map((k) => [k, months.map(() => 0)])) as Record<
    string,
    number[]
  >;
  for (const r of facts.records) {
    const series = records[r.kind] ?? months.map(() => 0);
    records[r.kind] = series;
    const m = Number(r.date.slice(5, 7));
    series[m - 1] = (series[m - 1] ?? 0) + 1;
  }
  // first replies, by the month they were made in the year
  const onTime = months.map(() => 0);
  const late = months.map(() => 0);
  for (const sg of facts.suggestions) {
    const first = sg.state.firstReplyOn;
    if (!first?.startsWith(`${year}-`)) continue;
    const m = Number(first.slice(5, 7));
    const series = sg.state.reply === 'on_time' ? onTime : late;
    series[m - 1] = (series[m - 1] ?? 0) + 1;
  }

  return {
    year,
    today,
    region: { id: region.id, name: region.name },
    metrics: DASHBOARD_METRICS.map((key) => ({ key, label: say(DASHBOARD_METRIC_LABELS[key]) })),
    units,
    pairs: pairRows,
    totals,
    trends: { months, records, replies: { onTime, late } },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Drill-down: the records behind one cell

export async function dashboardCell(
  ctx: RequestContext,
  query: DashboardCellQuery,
  now: Date = new Date(),
): Promise<DashboardCellResponse> {
  const org = await ctx.db
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.name', 'o.kind', 'o.region_id', 'r.path'])
    .where('o.id', '=', query.organisationId)
    .executeTakeFirst();
  if (!org?.path.startsWith(ctx.actor.regionPath)) throw notFound();
  const counterpart = query.counterpartId
    ? await ctx.db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('id', '=', query.counterpartId)
        .executeTakeFirst()
    : null;
  if (query.counterpartId && !counterpart) throw notFound();
  const year = query.year;
  const { today } = yearClock(year, now);
  const dept = org.kind === 'department';
  const orgFacts = () =>
    loadYearFacts(
      ctx.db,
      unitScope(dept ? 'department' : 'counterpart', {
        id: org.id,
        region_id: org.region_id,
        region_path: org.path,
      }),
      year,
      asOf(now),
    );
  const records: DashboardCellResponse['records'] = [];

  const metric = query.metric as DashboardMetric | 'records';
  if (metric === 'filing') {
    const rows = await ctx.db
      .selectFrom('filing_rounds as fr')
      .leftJoin('filings as f', (j) =>
        j.onRef('f.round_id', '=', 'fr.id').on('f.organisation_id', '=', org.id),
      )
      .select(['fr.id as round_id', 'fr.deadline', 'f.id', 'f.status', 'f.submitted_at'])
      .where('fr.region_id', '=', org.region_id)
      .where('fr.year', '=', year)
      .orderBy('fr.id', 'desc')
      .execute();
    for (const r of rows) {
      const status = effectiveStatus((r.status ?? 'not_started') as FormStatus, r.deadline, today);
      records.push({
        type: 'filing',
        id: r.id ?? r.round_id,
        title: ctx.lang === 'en' ? `${org.name}: registration form ${year}` : `${org.name}${year}年登记表`,
        date: r.submitted_at ? shanghaiDate(r.submitted_at) : r.deadline,
        status,
        link: `/filings/${r.round_id}/${org.id}`,
      });
    }
  } else if (metric === 'plan' && dept) {
    const facts = await orgFacts();
    for (const plan of facts.plans) {
      const targets = await ctx.db
        .selectFrom('plan_items')
        .select(['id', 'target_month'])
        .where('plan_id', '=', plan.id)
        .execute();
      const month = new Map(targets.map((t) => [t.id, t.target_month]));
      for (const i of [...plan.items].sort(
        (a, b) => (month.get(a.id) ?? 0) - (month.get(b.id) ?? 0) || a.id - b.id,
      )) {
        records.push({
          type: 'plan_item',
          id: i.id,
          title: i.title,
          date: monthEnd(year, month.get(i.id) ?? 12),
          status: i.status,
          link: `/plans/${plan.id}`,
        });
      }
    }
  } else if (metric === 'symposium' || metric === 'records') {
    const facts = await orgFacts();
    for (const r of facts.records) {
      if (counterpart && !r.counterparts.some((c) => c.id === counterpart.id)) continue;
      // the symposium cell counts those held; the records cell every record of the year
      if (metric === 'symposium' && (r.kind !== 'symposium' || r.state !== 'held')) continue;
      records.push({
        type: 'ledger',
        id: r.id,
        title: r.title,
        date: r.date,
        status: r.kind === 'symposium' ? r.state : (r.attendance ?? r.state),
        link: `/ledger/${r.id}`,
      });
    }
  } else if (metric === 'consultation' && dept) {
    const facts = await orgFacts();
    for (const m of facts.matters) {
      records.push({
        type: 'matter',
        id: m.id,
        title: m.title,
        date: m.decidedDate ?? m.symposiumDate,
        status: m.breach ? 'violation' : m.decidedDate ? 'decided' : 'open',
        link: `/consultations/matters/${m.id}`,
      });
    }
  } else if (metric === 'replies' && dept) {
    const facts = await orgFacts();
    const texts = new Map(
      (
        await ctx.db
          .selectFrom('consultation_items')
          .select(['id', 'text', 'due_date'])
          .where('id', 'in', facts.suggestions.map((x) => x.id).concat(-1))
          .execute()
      ).map((i) => [i.id, i]),
    );
    for (const sg of facts.suggestions) {
      if (counterpart && sg.counterpartId !== counterpart.id) continue;
      const i = texts.get(sg.id);
      const text = i?.text ?? '';
      records.push({
        type: 'item',
        id: sg.id,
        title: [...text].length > 40 ? `${[...text].slice(0, 40).join('')}…` : text,
        date: sg.state.firstReplyOn ?? i?.due_date ?? null,
        status: sg.state.reply === 'open' ? (sg.state.overdue ? 'overdue' : 'pending') : sg.state.reply,
        link: `/consultations/items/${sg.id}`,
      });
    }
  } else if (metric === 'report' && dept) {
    const r = await ctx.db
      .selectFrom('reports')
      .select(['id', 'status', 'submitted_at'])
      .where('department_id', '=', org.id)
      .where('year', '=', year)
      .executeTakeFirst();
    if (r) {
      records.push({
        type: 'report',
        id: r.id,
        title:
          ctx.lang === 'en'
            ? `${org.name}: annual liaison report ${year}`
            : `${org.name}${year}年度对口联系工作情况报告表`,
        date: r.submitted_at ? shanghaiDate(r.submitted_at) : null,
        status: r.status,
        link: `/reports/${org.id}/${year}`,
      });
    }
  }
  return {
    metric: query.metric,
    year,
    organisation: { id: org.id, name: org.name, kind: org.kind },
    counterpart: counterpart ? { id: counterpart.id, name: counterpart.name } : null,
    records,
  };
}
