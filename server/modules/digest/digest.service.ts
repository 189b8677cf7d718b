// "My work": what is due for a user and the user's unit, from every module, sorted by due date — and what
// changed since the last visit. The digest is computed per actor (a unit's users see their unit's items,
// an overseer the reviews waiting in its region); nothing of another unit is in it.

import type { Lang } from '../../../common/errors.js';
import { type ObligationKind, obligationTitle } from '../../../common/schemas/dashboard.js';
import type { MyWorkResponse, WorkItem } from '../../../common/schemas/digest.js';
import { addDays, monthEnd, shanghaiDate } from '../../../common/shanghai-time.js';
import { isCounterpart, isDepartment, isTzb, isUnitUser } from '../../access/rules.js';
import type { Actor, Executor, RequestContext } from '../../context.js';
import { obligationsWithState } from '../cycle/index.js';
import { ledgerScope, noticesAwaitingRead, recordsChangedSince } from '../ledger/index.js';
import {
  changeReportsToAcknowledge,
  extensionsToDecide,
  filingsDue,
  filingsToReview,
  latestInstant,
  notificationsSince,
  openPlanItems,
  overdueSuggestions,
  pendingRsvps,
  repliesToRate,
  reportsToReview,
  saveWorkVisit,
  suggestionsToAnswer,
  workBaseline,
  workVisit,
} from './digest.repository.js';

/** An annual report shows up this many days before it is due (it cannot be written before the year ends). */
const REPORT_LEAD_DAYS = 60;
/** How much text of a suggestion a title carries. */
const clip = (s: string, n = 30): string => ([...s].length > n ? `${[...s].slice(0, n).join('')}…` : s);

const ROLE_LABELS: Record<string, { zh: string; en: string }> = {
  principal: { zh: '主要负责人', en: 'principal' },
  leader: { zh: '分管领导', en: 'leader in charge' },
  liaison: { zh: '联络员', en: 'liaison officer' },
};

function sortItems(items: WorkItem[]): WorkItem[] {
  return items.sort((a, b) => {
    if (a.dueDate === b.dueDate) return a.title.localeCompare(b.title, 'zh-CN');
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  });
}

/** The actor's due items on `now`. */
export async function digestFor(
  db: Executor,
  actor: Actor,
  now: Date = new Date(),
  lang: Lang = 'zh-CN',
): Promise<WorkItem[]> {
  /** A title in the reader's language; names and titles of records stay as they were entered. */
  const say = (zh: string, en: string): string => (lang === 'en' ? en : zh);
  const nowIso = now.toISOString();
  const today = shanghaiDate(nowIso);
  const year = Number(today.slice(0, 4));
  const items: WorkItem[] = [];
  const push = (i: Omit<WorkItem, 'overdue'> & { overdue?: boolean }) =>
    items.push({ ...i, overdue: i.overdue ?? (i.dueDate !== null && i.dueDate < today) });

  if (isUnitUser(actor)) {
    const org = actor.organisationId;
    for (const r of await pendingRsvps(db, org, nowIso)) {
      push({
        type: 'rsvp',
        title: say(`回复邀请：${r.title}`, `Reply to the invitation: ${r.title}`),
        dueDate: shanghaiDate(r.starts_at),
        link: `/ledger/${r.id}`,
        organisation: { id: r.org_id, name: r.org_name },
      });
    }
    for (const n of await noticesAwaitingRead(db, org)) {
      push({
        type: 'notice_unread',
        title: say(`阅知${n.host_name}通报：${n.title}`, `Read the notice of ${n.host_name}: ${n.title}`),
        dueDate: null,
        link: `/ledger/${n.id}`,
        organisation: { id: n.org_id, name: n.org_name },
      });
    }
    for (const f of await filingsDue(db, org, actor.regionId)) {
      push({
        type: 'filing',
        title: say(
          `${f.year}年对口联系工作分管领导、联络员登记表${f.status === 'returned' ? '（已退回，请修改后重报）' : ''}`,
          `${f.year} registration form of the leader in charge and liaison officer${f.status === 'returned' ? ' (returned: correct it and submit again)' : ''}`,
        ),
        dueDate: f.deadline,
        link: `/filings/${f.id}/${org}`,
        organisation: { id: f.org_id, name: f.org_name },
      });
    }
    // the year's obligations: the symposium of each pair (both sides), the plan and the report (department)
    const obligations = (
      await obligationsWithState(db, { now: nowIso, organisationIds: [org], openOnly: true })
    ).concat(
      isCounterpart(actor)
        ? await obligationsWithState(db, {
            now: nowIso,
            openOnly: true,
            counterpartId: org,
            kind: 'symposium',
          })
        : [],
    );
    for (const o of obligations) {
      if (o.kind === 'filing') continue; // from the rounds themselves, above
      if (o.kind === 'report' && o.due_date > addDays(today, REPORT_LEAD_DAYS)) continue;
      const other = isCounterpart(actor) ? o.organisation_name : (o.counterpart_name ?? '');
      const pair = o.kind === 'symposium' ? say(`（与${other}）`, ` (with ${other})`) : '';
      push({
        type: o.kind,
        title: say(
          `${obligationTitle(o.kind as ObligationKind, o.year, 'zh')}${pair}`,
          `${obligationTitle(o.kind as ObligationKind, o.year, 'en')}${pair}`,
        ),
        dueDate: o.due_date,
        link:
          o.kind === 'report'
            ? `/reports/${o.department_id}/${o.year}`
            : o.kind === 'plan'
              ? `/plans?year=${o.year}`
              : `/ledger?year=${o.year}&kind=symposium`,
        organisation: isCounterpart(actor)
          ? { id: org, name: actor.organisationName }
          : { id: org, name: o.organisation_name },
      });
    }
    if (isDepartment(actor)) {
      for (const i of await openPlanItems(db, org, [year - 1, year])) {
        const due = monthEnd(i.year, i.target_month);
        if (i.year < year && due >= today) continue;
        push({
          type: 'plan_item',
          title: say(`计划事项：${i.title}`, `Plan item: ${i.title}`),
          dueDate: due,
          link: `/plans/${i.plan_id}`,
          organisation: { id: i.org_id, name: i.org_name },
        });
      }
      for (const s of await suggestionsToAnswer(db, org)) {
        push({
          type: 'suggestion_reply',
          title: say(
            `答复${s.counterpart_name}的意见建议：${clip(s.text)}（${s.matter_title}）`,
            `Answer the suggestion of ${s.counterpart_name}: ${clip(s.text)} (${s.matter_title})`,
          ),
          dueDate: s.due_date,
          link: `/consultations/items/${s.id}`,
          organisation: { id: s.org_id, name: s.org_name },
        });
      }
    } else {
      for (const r of await repliesToRate(db, org)) {
        push({
          type: 'reply_verdict',
          title: say(
            `评价${r.department_name}的答复：${clip(r.text)}`,
            `Rate the reply of ${r.department_name}: ${clip(r.text)}`,
          ),
          dueDate: null,
          link: `/consultations/items/${r.id}`,
          organisation: { id: r.org_id, name: r.org_name },
        });
      }
    }
  } else if (isTzb(actor)) {
    for (const c of await changeReportsToAcknowledge(db, actor.regionPath)) {
      push({
        type: 'change_report',
        title: say(
          `${c.org_name}${ROLE_LABELS[c.role]?.zh ?? c.role}变动（${c.effective_date}起）`,
          `${c.org_name}: new ${ROLE_LABELS[c.role]?.en ?? c.role} from ${c.effective_date}`,
        ),
        dueDate: null,
        link: `/roster/${c.org_id}`,
        organisation: { id: c.org_id, name: c.org_name },
      });
    }
    for (const f of await filingsToReview(db, actor.regionPath)) {
      push({
        type: 'filing_review',
        title: say(
          `审核${f.org_name}${f.year}年登记表`,
          `Review the ${f.year} registration form of ${f.org_name}`,
        ),
        dueDate: null,
        link: `/filings/${f.round_id}/${f.org_id}`,
        organisation: { id: f.org_id, name: f.org_name },
      });
    }
    for (const r of await reportsToReview(db, actor.regionPath)) {
      push({
        type: 'report_review',
        title: say(
          `审核${r.org_name}${r.year}年度对口联系工作情况报告`,
          `Review the ${r.year} annual liaison report of ${r.org_name}`,
        ),
        dueDate: null,
        link: `/reports/${r.org_id}/${r.year}`,
        organisation: { id: r.org_id, name: r.org_name },
      });
    }
    for (const s of await overdueSuggestions(db, actor.regionPath, today)) {
      push({
        type: 'suggestion_overdue',
        title: say(
          `督办：${s.org_name}逾期未答复${s.counterpart_name}的意见建议（${s.matter_title}）`,
          `Press ${s.org_name}: its reply to the suggestion of ${s.counterpart_name} is overdue (${s.matter_title})`,
        ),
        dueDate: s.due_date,
        link: `/consultations/items/${s.id}`,
        organisation: { id: s.org_id, name: s.org_name },
      });
    }
    for (const e of await extensionsToDecide(db, actor.regionPath)) {
      push({
        type: 'extension_request',
        title: say(
          `${e.org_name}申请延期答复（${e.matter_title}）`,
          `${e.org_name} asks for more time to reply (${e.matter_title})`,
        ),
        dueDate: e.due_before,
        link: `/consultations/items/${e.item_id}`,
        organisation: { id: e.org_id, name: e.org_name },
      });
    }
  }
  return sortItems(items);
}

/** The first visit looks back this far for "what changed". */
const FIRST_VISIT_DAYS = 7;

/**
 * GET /my-work: the digest, and what changed since the user's last visit in another sign-in session (or
 * since the moment they marked everything as seen in this one), so a reload within a visit keeps showing it.
 */
export async function myWork(
  ctx: RequestContext,
  sessionId: string,
  now: Date = new Date(),
): Promise<MyWorkResponse> {
  const nowIso = now.toISOString();
  const items = await digestFor(ctx.db, ctx.actor, now, ctx.lang);
  const previous = await workBaseline(ctx.db, ctx.actor.userId, sessionId);
  const since = previous ?? new Date(now.getTime() - FIRST_VISIT_DAYS * 86_400_000).toISOString();
  const notes = await notificationsSince(ctx.db, ctx.actor.userId, since, 50);
  const records = await recordsChangedSince(ctx.db, ledgerScope(ctx.actor), since, 50);
  const changes = [
    ...notes.map((n) => ({
      type: 'notification',
      // the reader's language, as the bell shows it (older notifications have only the Chinese)
      title: ctx.lang === 'en' && n.title_en !== null ? n.title_en : n.title,
      at: n.created_at,
      link: n.link,
    })),
    ...records.map((r) => ({ type: 'ledger', title: r.title, at: r.updated_at, link: `/ledger/${r.id}` })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, 50);
  return {
    today: shanghaiDate(nowIso),
    generatedAt: nowIso,
    items,
    overdue: items.filter((i) => i.overdue).length,
    changes: { since: previous, items: changes },
  };
}

/**
 * Mark the visit of this session at the moment the answer the user saw was made; with `all`, "changed
 * since" starts there in this session too (全部标为已读) — what changed later still shows. A POST of its own,
 * because a GET changes nothing; like a session's last_seen_at it is not an audited change. Never moves
 * backwards, and never past now.
 */
export async function markWorkSeen(
  ctx: RequestContext,
  sessionId: string,
  body: { at: string; all?: boolean | undefined },
  now: Date = new Date(),
): Promise<void> {
  const when = new Date(Math.min(Date.parse(body.at), now.getTime())).toISOString();
  const row = await workVisit(ctx.db, ctx.actor.userId, sessionId);
  const seenAt = latestInstant(row?.seen_at, when) ?? when;
  const clearedAt = body.all ? latestInstant(row?.cleared_at, when) : (row?.cleared_at ?? null);
  if (row && row.seen_at === seenAt && row.cleared_at === clearedAt) return;
  await saveWorkVisit(ctx.db, { userId: ctx.actor.userId, sessionId, seenAt, clearedAt, exists: !!row });
}
