// The compliance dashboard of 统战部 and 区府办: every unit and pair of their region (and under it) against
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
import { monthEnd, monthEndedAt, shanghaiDate } from '../../../common/shanghai-time.js';
import type { RequestContext } from '../../context.js';
import { notFound } from '../../errors.js';
import { activePairs, OBLIGATION_DUE } from '../cycle/cycle.service.js';
import {
  consultationFigures,
  filingFigures,
  ledgerPairFigures,
  ledgerTrend,
  planFigures,
  replyFigures,
  replyTrend,
  reportFigures,
} from './dashboard.repository.js';

const REPORT_STATUS_ZH: Record<string, string> = {
  not_started: '未填报',
  draft: '草稿',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已审核',
};

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
): DashboardCell => ({
  state,
  value,
  link,
});

const drill = (year: number, organisationId: number, metric: string, counterpartId?: number) =>
  `/dashboard/cell?year=${year}&organisationId=${organisationId}&metric=${metric}${counterpartId ? `&counterpartId=${counterpartId}` : ''}`;

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
  const { region, regionIds } = await regionScope(ctx, query.regionId);
  const year = query.year;
  const { today, endedMonths, yearOver } = yearClock(year, now);
  const nowIso = now.toISOString();
  const f = { regionIds, year };

  const pairs = await activePairs(ctx.db, year, regionIds);
  const [filings, plans, ledger, consultations, replies, reports, trendRows, replyTrendRows] =
    await Promise.all([
      filingFigures(ctx.db, f),
      planFigures(ctx.db, { ...f, endedMonths }),
      ledgerPairFigures(ctx.db, { ...f, now: nowIso }),
      consultationFigures(ctx.db, f),
      replyFigures(ctx.db, { ...f, today }),
      reportFigures(ctx.db, f),
      ledgerTrend(ctx.db, f),
      replyTrend(ctx.db, f),
    ]);

  const unitIds = [...new Set(pairs.flatMap((p) => [p.department_id, p.counterpart_id]))];
  const orgs = unitIds.length
    ? await ctx.db
        .selectFrom('organisations')
        .select(['id', 'name', 'kind', 'region_id', 'sort_order'])
        .where('id', 'in', unitIds)
        .orderBy('kind', 'desc')
        .orderBy('sort_order')
        .orderBy('id')
        .execute()
    : [];
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const pairKey = (d: number, c: number) => `${d}:${c}`;
  const ledgerByPair = new Map(ledger.map((l) => [pairKey(l.department_id, l.counterpart_id), l]));
  const repliesByPair = new Map(replies.map((r) => [pairKey(r.department_id, r.counterpart_id), r]));

  // the newest round of the unit's region; the unit's form in it
  const roundOfRegion = new Map<number, (typeof filings.rounds)[number]>();
  for (const r of filings.rounds) if (!roundOfRegion.has(r.region_id)) roundOfRegion.set(r.region_id, r);
  const formOf = new Map(filings.forms.map((fm) => [`${fm.round_id}:${fm.organisation_id}`, fm]));
  const planOf = new Map(plans.map((p) => [p.department_id, p]));
  const consultationOf = new Map(consultations.map((c) => [c.department_id, c]));
  const reportOf = new Map(reports.reports.map((r) => [r.department_id, r]));

  const filingCell = (o: { id: number; region_id: number }): DashboardCell => {
    const round = roundOfRegion.get(o.region_id);
    if (!round) return cell('na', null, null);
    const form = formOf.get(`${round.id}:${o.id}`);
    const stored = (form?.status ?? 'not_started') as FormStatus;
    const status = effectiveStatus(stored, round.deadline, today);
    const state = status === 'filed' ? 'ok' : status === 'late' ? 'bad' : 'warn';
    return cell(state, FILING_STATUS_LABELS[status].zh, drill(year, o.id, 'filing'));
  };

  const symposiumCell = (o: { id: number; kind: string }): DashboardCell => {
    const mine = pairs.filter((p) => (o.kind === 'department' ? p.department_id : p.counterpart_id) === o.id);
    const held = mine.filter(
      (p) => Number(ledgerByPair.get(pairKey(p.department_id, p.counterpart_id))?.symposia ?? 0) > 0,
    );
    const state = held.length === mine.length ? 'ok' : yearOver ? 'bad' : 'warn';
    return cell(state, `${held.length}/${mine.length}`, drill(year, o.id, 'symposium'));
  };

  const planCell = (o: { id: number }): DashboardCell => {
    const p = planOf.get(o.id);
    if (!p) {
      const late = today > OBLIGATION_DUE.plan(year);
      return cell(late ? 'bad' : 'warn', '未制定', null);
    }
    const items = Number(p.items);
    const state = Number(p.overdue) > 0 ? 'warn' : 'ok';
    return cell(state, `${Number(p.done)}/${items}`, drill(year, o.id, 'plan'));
  };

  const consultationCell = (o: { id: number }): DashboardCell => {
    const c = consultationOf.get(o.id);
    if (!c || Number(c.matters) === 0) return cell('na', 0, null);
    const violations = Number(c.violations);
    return cell(
      violations > 0 ? 'bad' : 'ok',
      `${violations}/${Number(c.matters)}`,
      drill(year, o.id, 'consultation'),
    );
  };

  const repliesCell = (
    rows: { items: number; replied: number; on_time: number; overdue: number }[],
    link: string,
  ) => {
    const items = rows.reduce((s, r) => s + Number(r.items), 0);
    if (items === 0) return cell('na', null, null);
    const replied = rows.reduce((s, r) => s + Number(r.replied), 0);
    const onTime = rows.reduce((s, r) => s + Number(r.on_time), 0);
    const overdue = rows.reduce((s, r) => s + Number(r.overdue), 0);
    const state = overdue > 0 ? 'bad' : onTime < replied ? 'warn' : 'ok';
    return cell(state, `${onTime}/${items}`, link);
  };

  const reportCell = (o: { id: number; region_id: number }): DashboardCell => {
    const r = reportOf.get(o.id);
    const deadline = reports.deadlines.get(o.region_id) ?? OBLIGATION_DUE.report(year);
    const status = r?.status ?? 'not_started';
    const label = REPORT_STATUS_ZH[status] ?? status;
    if (status === 'accepted') return cell('ok', label, drill(year, o.id, 'report'));
    if (status === 'submitted')
      return cell(r?.submitted_late ? 'warn' : 'ok', label, drill(year, o.id, 'report'));
    if (!yearOver) return cell('na', label, r ? drill(year, o.id, 'report') : null);
    return cell(today > deadline ? 'bad' : 'warn', label, r ? drill(year, o.id, 'report') : null);
  };

  const na = cell('na', null, null);
  const units = orgs.map((o) => {
    const dept = o.kind === 'department';
    const mineReplies = replies.filter((r) => r.department_id === o.id);
    return {
      organisation: { id: o.id, name: o.name, kind: o.kind },
      cells: {
        filing: filingCell(o),
        plan: dept ? planCell(o) : na,
        symposium: symposiumCell(o),
        consultation: dept ? consultationCell(o) : na,
        replies: dept ? repliesCell(mineReplies, drill(year, o.id, 'replies')) : na,
        report: dept ? reportCell(o) : na,
      },
    };
  });

  const pairRows = pairs
    .filter((p) => orgById.has(p.department_id) && orgById.has(p.counterpart_id))
    .map((p) => {
      const l = ledgerByPair.get(pairKey(p.department_id, p.counterpart_id));
      const r = repliesByPair.get(pairKey(p.department_id, p.counterpart_id));
      const symposia = Number(l?.symposia ?? 0);
      const records = Number(l?.records ?? 0);
      const d = orgById.get(p.department_id) as (typeof orgs)[number];
      const c = orgById.get(p.counterpart_id) as (typeof orgs)[number];
      return {
        department: { id: d.id, name: d.name },
        counterpart: { id: c.id, name: c.name },
        symposia: cell(
          symposia > 0 ? 'ok' : yearOver ? 'bad' : 'warn',
          symposia,
          symposia ? drill(year, d.id, 'symposium', c.id) : null,
        ),
        records: cell(
          records > 0 ? 'ok' : yearOver ? 'bad' : 'warn',
          records,
          records ? drill(year, d.id, 'records', c.id) : null,
        ),
        consultation: cell(
          r ? 'ok' : 'na',
          Number(r?.items ?? 0),
          r ? drill(year, d.id, 'replies', c.id) : null,
        ),
        replies: r ? repliesCell([r], drill(year, d.id, 'replies', c.id)) : na,
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
  for (const t of trendRows) {
    const series = records[t.kind] ?? months.map(() => 0);
    records[t.kind] = series;
    const m = Number(t.month);
    if (m >= 1 && m <= 12) series[m - 1] = Number(t.n);
  }
  const onTime = months.map(() => 0);
  const late = months.map(() => 0);
  for (const t of replyTrendRows) {
    const m = Number(t.month);
    if (m < 1 || m > 12) continue;
    const series = Number(t.on_time) === 1 ? onTime : late;
    series[m - 1] = (series[m - 1] ?? 0) + Number(t.n);
  }

  return {
    year,
    today,
    region: { id: region.id, name: region.name },
    metrics: DASHBOARD_METRICS.map((key) => ({ key, label: DASHBOARD_METRIC_LABELS[key].zh })),
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
  const { today, endedMonths } = yearClock(year, now);
  const nowIso = now.toISOString();
  const dept = org.kind === 'department';
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
        title: `${org.name}${year}年登记表`,
        date: r.submitted_at ? shanghaiDate(r.submitted_at) : r.deadline,
        status,
        link: `/filings/${r.round_id}/${org.id}`,
      });
    }
  } else if (metric === 'plan' && dept) {
    const items = await ctx.db
      .selectFrom('plan_items as i')
      .innerJoin('plans as p', 'p.id', 'i.plan_id')
      .select(['i.id', 'i.title', 'i.target_month', 'p.id as plan_id'])
      .select((eb) =>
        eb
          .exists(eb.selectFrom('ledger_records as l').select('l.id').whereRef('l.plan_item_id', '=', 'i.id'))
          .as('linked'),
      )
      .where('p.department_id', '=', org.id)
      .where('p.year', '=', year)
      .orderBy('i.target_month')
      .orderBy('i.id')
      .execute();
    for (const i of items) {
      const linked = Boolean(Number(i.linked));
      records.push({
        type: 'plan_item',
        id: i.id,
        title: i.title,
        date: monthEnd(year, i.target_month),
        status: linked
          ? 'done'
          : i.target_month <= endedMonths && nowIso >= monthEndedAt(year, i.target_month)
            ? 'overdue'
            : 'pending',
        link: `/plans/${i.plan_id}`,
      });
    }
  } else if (metric === 'symposium' || metric === 'records') {
    let q = ctx.db
      .selectFrom('ledger_records as l')
      .select(['l.id', 'l.title', 'l.starts_at', 'l.status', 'l.kind'])
      .where('l.year', '=', year);
    q = dept
      ? q.where('l.department_id', '=', org.id)
      : q.where(
          'l.id',
          'in',
          ctx.db
            .selectFrom('ledger_record_counterparts')
            .select('record_id')
            .where('counterpart_id', '=', org.id),
        );
    if (metric === 'symposium') q = q.where('l.kind', '=', 'symposium').where('l.starts_at', '<=', nowIso);
    if (counterpart) {
      q = q.where(
        'l.id',
        'in',
        ctx.db
          .selectFrom('ledger_record_counterparts')
          .select('record_id')
          .where('counterpart_id', '=', counterpart.id),
      );
    }
    for (const r of await q.orderBy('l.starts_at').orderBy('l.id').execute()) {
      records.push({
        type: 'ledger',
        id: r.id,
        title: r.title,
        date: shanghaiDate(r.starts_at),
        status: r.status,
        link: `/ledger/${r.id}`,
      });
    }
  } else if (metric === 'consultation' && dept) {
    const rows = await ctx.db
      .selectFrom('consultation_matters')
      .select(['id', 'title', 'decided_at', 'held_at', 'planned_decision_date'])
      .where('department_id', '=', org.id)
      .where('year', '=', year)
      .orderBy('id')
      .execute();
    for (const m of rows) {
      const violation = m.decided_at !== null && (m.held_at === null || m.decided_at < m.held_at);
      records.push({
        type: 'matter',
        id: m.id,
        title: m.title,
        date: m.decided_at ? shanghaiDate(m.decided_at) : m.planned_decision_date,
        status: violation ? 'violation' : m.decided_at ? 'decided' : 'open',
        link: `/consultations/matters/${m.id}`,
      });
    }
  } else if (metric === 'replies' && dept) {
    let q = ctx.db
      .selectFrom('consultation_items as i')
      .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
      .leftJoin('consultation_replies as r', (j) => j.onRef('r.item_id', '=', 'i.id').on('r.round', '=', 1))
      .select(['i.id', 'i.text', 'i.due_date', 'i.status', 'r.id as reply_id', 'r.on_time', 'r.replied_on'])
      .where('m.department_id', '=', org.id)
      .where('i.received_on', '>=', `${year}-01-01`)
      .where('i.received_on', '<=', `${year}-12-31`);
    if (counterpart) q = q.where('i.counterpart_id', '=', counterpart.id);
    for (const i of await q.orderBy('i.id').execute()) {
      const unanswered = i.status === 'awaiting_reply' || i.status === 'rehandling';
      records.push({
        type: 'item',
        id: i.id,
        title: [...i.text].length > 40 ? `${[...i.text].slice(0, 40).join('')}…` : i.text,
        date: i.replied_on ?? i.due_date,
        status:
          i.reply_id !== null
            ? i.on_time === 1
              ? 'on_time'
              : 'late'
            : unanswered && i.due_date < today
              ? 'overdue'
              : 'pending',
        link: `/consultations/items/${i.id}`,
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
        title: `${org.name}${year}年度对口联系工作情况报告表`,
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
