// Consultation figures per year (of receipt), department and counterpart — for the annual report and the dashboard.
import {
  type Figures,
  type FiguresQuery,
  type FiguresResponse,
  type FiguresRow,
  REPLY_CLASSES,
  VERDICTS,
} from '../../../common/schemas/consultations.js';
import { counterpartOf, type Scope } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import { type AdoptionClass, suggestionState } from '../../year-rules.js';
import { findItemIds, type ItemRow, itemsByIds } from './consultations.items.repository.js';
import { consultationScope } from './consultations.policy.js';
import { inSlices } from './consultations.present.js';
import { type ReplyRow, repliesOf } from './consultations.replies.repository.js';
import { today } from './consultations.settings.js';

// ---------------------------------------------------------------------------------------------------------
// Figures: per year (of receipt), department and counterpart — for the annual report and the dashboard

const emptyFigures = (): Figures => ({
  received: 0,
  replied: 0,
  repliedOnTime: 0,
  overdue: 0,
  closed: 0,
  adoption: Object.fromEntries(REPLY_CLASSES.map((c) => [c, 0])) as Figures['adoption'],
  satisfaction: Object.fromEntries([...VERDICTS, 'unrated'].map((v) => [v, 0])) as Figures['satisfaction'],
});

const REPLY_CLASS_OF: Record<AdoptionClass, keyof Figures['adoption'] | null> = {
  adopted: 'adopted',
  partly: 'partly_adopted',
  reference: 'for_reference',
  not_adopted: 'not_adopted',
  under_study: null,
};

/** One item into the figures, classified by the year's rule (server/year-rules.ts). */
function addItem(f: Figures, item: ItemRow, replies: ReplyRow[], day: string): void {
  const at = { iso: new Date(`${day}T23:59:59.999+08:00`).toISOString(), date: day };
  const state = suggestionState(item, replies, at);
  f.received += 1;
  if (state.reply !== 'open') {
    f.replied += 1;
    if (state.reply === 'on_time') f.repliedOnTime += 1;
  }
  const latestRound = Math.max(0, ...replies.filter((r) => r.replied_on <= day).map((r) => r.round));
  if (latestRound > 0) {
    const cls = REPLY_CLASS_OF[state.adoption];
    if (cls) f.adoption[cls] += 1;
    const verdict = state.verdicts.find((v) => v.round === latestRound)?.verdict ?? 'unrated';
    f.satisfaction[verdict] += 1;
  }
  if (state.overdue) f.overdue += 1;
  if (item.status === 'closed') f.closed += 1;
}

/**
 * The consultation figures of the items a scope sees (a counterpart: only its own items), per year of receipt,
 * department and counterpart, and in total:
 * - received: items; replied: items with a first reply; repliedOnTime: first reply on or before its due date
 *   (after any extension granted);
 * - overdue: unanswered past the due date on `day`; closed: closed items;
 * - adoption: the class of each replied item's latest reply; satisfaction: its verdict (`unrated` if none yet).
 */
export async function consultationFigures(
  db: Executor,
  scope: Scope,
  filter: FiguresQuery,
  day: string = today(),
): Promise<FiguresResponse> {
  // a counterpart counts its own suggestions only
  const own = counterpartOf(scope);
  const ids = await findItemIds(db, {
    scope,
    year: filter.year,
    departmentId: filter.departmentId,
    counterpartId: own ?? filter.counterpartId,
  });
  if (own !== null && filter.counterpartId && filter.counterpartId !== own) {
    return { totals: emptyFigures(), rows: [], today: day };
  }
  const items = await inSlices(ids, (s) => itemsByIds(db, s));
  const replies = await inSlices(ids, (s) => repliesOf(db, s));
  const byItem = new Map<number, ReplyRow[]>();
  for (const r of replies) byItem.set(r.item_id, [...(byItem.get(r.item_id) ?? []), r]);
  const totals = emptyFigures();
  const rows = new Map<string, FiguresRow>();
  for (const item of items) {
    const year = Number(item.received_on.slice(0, 4));
    const key = `${year}:${item.department_id}:${item.counterpart_id}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        year,
        department: { id: item.department_id, name: item.department_name },
        counterpart: { id: item.counterpart_id, name: item.counterpart_name },
        ...emptyFigures(),
      };
      rows.set(key, row);
    }
    const mine = byItem.get(item.id) ?? [];
    addItem(row, item, mine, day);
    addItem(totals, item, mine, day);
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      a.year - b.year ||
      a.department.name.localeCompare(b.department.name, 'zh-CN') ||
      a.counterpart.name.localeCompare(b.counterpart.name, 'zh-CN'),
  );
  return { totals, rows: sorted, today: day };
}

export async function figuresFor(ctx: RequestContext, query: FiguresQuery): Promise<FiguresResponse> {
  return consultationFigures(ctx.db, consultationScope(ctx.actor), query);
}
