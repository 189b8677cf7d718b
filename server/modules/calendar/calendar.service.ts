import type { Kysely } from 'kysely';
import { can } from '../../../common/roles.js';
import type { CalendarEventDto, CalendarQuery, FeedTokenResponse } from '../../../common/schemas/calendar.js';
import { LEDGER_KIND_LABELS } from '../../../common/schemas/ledger.js';
import { addDays, dayStartUtc, monthEnd, shanghaiDate } from '../../../common/shanghai-time.js';
import { counterpartOf } from '../../access/scope.js';
import type { Actor, RequestContext } from '../../context.js';
import { newToken, tokenDigest, tokenDigests } from '../../crypto/tokens.js';
import type { Database } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { loadActor } from '../auth/index.js';
import { counterpartsOf, findRecordIds, ledgerScope, recordsByIds } from '../ledger/index.js';
import { itemStatus, itemsWithLinks, listPlans } from '../plans/index.js';
import { replaceFeedToken, userOfFeedToken } from './calendar.repository.js';
import { type IcsEvent, renderIcs } from './ics.js';

/** A calendar query may span at most this many days. */
const MAX_DAYS = 800;

interface Stamped extends CalendarEventDto {
  stamp: string;
  description: string | null;
}

/** Invitations, symposia and the deadlines of plan items not yet done, for what the actor may see. */
async function eventsFor(db: Kysely<Database>, actor: Actor, from: string, to: string): Promise<Stamped[]> {
  const scope = ledgerScope(actor);
  const onlyCounterpart = counterpartOf(scope);
  const fromIso = dayStartUtc(from);
  const toIso = dayStartUtc(addDays(to, 1));
  const ids = [
    ...(await findRecordIds(db, { scope, kind: 'invitation', fromIso, toIso })),
    ...(await findRecordIds(db, { scope, kind: 'symposium', fromIso, toIso })),
  ];
  const events: Stamped[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const slice = ids.slice(i, i + 500);
    const [rows, cps] = await Promise.all([recordsByIds(db, slice), counterpartsOf(db, slice)]);
    for (const r of rows) {
      const counterparts = cps.filter((c) => c.record_id === r.id).map((c) => c.name);
      events.push({
        uid: `ledger-${r.id}@liaison`,
        type: r.kind as 'invitation' | 'symposium',
        title: r.title,
        start: r.starts_at,
        end: r.ends_at,
        allDay: false,
        place: r.place,
        status: r.status,
        recordId: r.id,
        planId: null,
        department: r.department_name,
        counterparts,
        stamp: r.updated_at,
        description: [
          LEDGER_KIND_LABELS[r.kind as 'invitation'].zh,
          `${r.department_name}；${counterparts.join('、')}`,
          r.summary,
        ]
          .filter(Boolean)
          .join('\n'),
      });
    }
  }
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  for (let year = fromYear; year <= toYear; year++) {
    const plans = await listPlans(db, { scope, year });
    const { items, links } = await itemsWithLinks(db, plans);
    for (const item of items) {
      // a counterpart: the items planned with it or with all counterparts
      if (onlyCounterpart !== null && item.counterpart_id !== null && item.counterpart_id !== onlyCounterpart)
        continue;
      const plan = plans.find((p) => p.id === item.plan_id);
      if (!plan) continue;
      const due = monthEnd(plan.year, item.target_month);
      if (due < from || due > to) continue;
      const status = itemStatus(
        plan.year,
        item.target_month,
        links.filter((l) => l.plan_item_id === item.id).length,
      );
      if (status === 'done') continue;
      events.push({
        uid: `plan-item-${item.id}@liaison`,
        type: 'plan_deadline',
        title: `计划截止：${item.title}`,
        start: due,
        end: null,
        allDay: true,
        place: null,
        status,
        recordId: null,
        planId: plan.id,
        department: plan.department_name,
        counterparts: item.counterpart_name ? [item.counterpart_name] : [],
        stamp: item.updated_at,
        description: `${plan.year}年对口联系工作计划（${plan.department_name}）：${LEDGER_KIND_LABELS[item.kind as 'invitation']?.zh ?? item.kind}`,
      });
    }
  }
  // all-day deadlines sort at the start of their day in Asia/Shanghai
  const key = (e: Stamped) => (e.allDay ? dayStartUtc(e.start) : e.start);
  return events.sort((a, b) => key(a).localeCompare(key(b)) || a.uid.localeCompare(b.uid));
}

export async function calendarFor(
  ctx: RequestContext,
  query: CalendarQuery,
): Promise<{ items: CalendarEventDto[] }> {
  if (query.to < query.from) throw new AppError('END_BEFORE_START');
  if (Date.parse(query.to) - Date.parse(query.from) > MAX_DAYS * 86_400_000)
    throw new AppError('CALENDAR_RANGE_TOO_LONG', { days: MAX_DAYS });
  const events = await eventsFor(ctx.db, ctx.actor, query.from, query.to);
  return { items: events.map(({ stamp: _s, description: _d, ...e }) => e) };
}

/**
 * A new secret feed URL for the actor; the previous one stops working. Only the hash is stored, so the URL
 * is shown this once.
 */
export async function resetFeedToken(ctx: RequestContext, baseUrl: string): Promise<FeedTokenResponse> {
  const token = newToken(32);
  const createdAt = await ctx.db.transaction().execute(async (trx) => {
    const at = await replaceFeedToken(trx, ctx.actor.userId, tokenDigest(token));
    await appendAudit(trx, ctx, {
      action: 'calendar.feed_token.reset',
      entityType: 'user',
      entityId: ctx.actor.userId,
    });
    return at;
  });
  const path = `/api/v1/calendar/feed/${token}.ics`;
  return { url: `${baseUrl}${path}`, path, createdAt };
}

/** The .ics of a feed token: a year back and a year ahead. Unknown token, disabled user or no right → NOT_FOUND. */
export async function feedFor(db: Kysely<Database>, token: string): Promise<string> {
  const userId = await userOfFeedToken(db, tokenDigests(token));
  if (userId === null) throw notFound();
  const actor = await loadActor(db, userId);
  if (!actor || actor.disabled || !can(actor.role, 'calendar:read')) throw notFound();
  const today = shanghaiDate(new Date().toISOString());
  const events = await eventsFor(db, actor, addDays(today, -366), addDays(today, 400));
  const ics: IcsEvent[] = events.map((e) => ({
    uid: e.uid,
    start: e.start,
    end: e.end,
    allDay: e.allDay,
    summary: e.title,
    location: e.place,
    description: e.description,
    stamp: e.stamp,
    status: e.type === 'invitation' && e.status === 'open' ? 'TENTATIVE' : 'CONFIRMED',
  }));
  return renderIcs(`对口联系 — ${actor.organisationName}`, ics);
}
