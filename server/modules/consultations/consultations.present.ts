// 重大事项民主协商: matters, items, replies and extensions as the API shows them (what the actor may see and do).
import type { ExtensionDto, ItemDto, MatterDto, ReplyDto } from '../../../common/schemas/consultations.js';
import { workingDaysBetween } from '../../../common/working-days.js';
import type { Executor, RequestContext } from '../../context.js';
import { isBreach } from '../../year-rules.js';
import { filesOf, presentFile } from '../attachments/index.js';
import { type ExtensionRow, extensionsOf } from './consultations.extensions.repository.js';
import { type ItemRow, itemCounts } from './consultations.items.repository.js';
import { type MatterRow, matterCounterparts } from './consultations.matters.repository.js';
import { itemAbilities, matterAbilities, seesAnalysis, seesReplies } from './consultations.policy.js';
import { type ReplyRow, repliesOf } from './consultations.replies.repository.js';

import { awaitingReply, dueStateOf, settingsCache, today } from './consultations.settings.js';

// ---------------------------------------------------------------------------------------------------------
// Presenting

export async function inSlices<T>(ids: number[], fn: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

/** Matter rows → API shapes with counterparts, documents, item counts, the violation flag and abilities. */
export async function presentMatters(ctx: RequestContext, rows: MatterRow[], db: Executor = ctx.db) {
  const ids = rows.map((r) => r.id);
  const day = today();
  const [cps, files, counts] = await Promise.all([
    inSlices(ids, (s) => matterCounterparts(db, s)),
    inSlices(ids, (s) => filesOf(db, 'consultation', s)),
    inSlices(ids, (s) => itemCounts(db, s, day)),
  ]);
  return rows.map((row): MatterDto => {
    const counterparts = cps.filter((c) => c.matter_id === row.id);
    const c = counts.find((x) => x.matterId === row.id);
    return {
      id: row.id,
      regionId: row.region_id,
      year: row.year,
      kind: row.kind,
      title: row.title,
      summary: row.summary,
      plannedDecisionDate: row.planned_decision_date,
      department: { id: row.department_id, name: row.department_name },
      counterparts: counterparts.map((cp) => ({
        id: cp.id,
        name: cp.name,
        paired: cp.paired === 1,
        invitee: cp.invitee,
        invitedAt: cp.invited_at,
      })),
      symposium: {
        status: row.symposium_status,
        scheduledAt: row.symposium_at,
        place: row.symposium_place,
        heldAt: row.held_at,
        attendees: row.attendees,
        minutes: row.minutes,
      },
      decidedAt: row.decided_at,
      decisionNote: row.decision_note,
      violation: isViolation(row),
      attachments: files.filter((f) => f.owner_id === row.id).map((f) => presentFile(ctx.actor, f)),
      itemCounts: { total: c?.total ?? 0, open: c?.open ?? 0, overdue: c?.overdue ?? 0 },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      abilities: matterAbilities(ctx.actor, {
        departmentId: row.department_id,
        counterpartIds: counterparts.map((cp) => cp.id),
        symposiumStatus: row.symposium_status,
        decidedAt: row.decided_at,
      }),
    };
  });
}

/** 先协商后决策: a decision recorded before the symposium was held — or with none held — is a violation. */
export function isViolation(m: { decided_at: string | null; held_at: string | null }): boolean {
  return isBreach(m);
}

export function presentReply(ctx: RequestContext, r: ReplyRow): ReplyDto {
  return {
    round: r.round,
    replyClass: r.reply_class as ReplyDto['replyClass'],
    text: r.text,
    reason: r.reason,
    analysis: seesAnalysis(ctx.actor) ? r.analysis : null,
    repliedOn: r.replied_on,
    repliedAt: r.replied_at,
    repliedBy: r.replied_by_name,
    dueDate: r.due_date,
    onTime: r.on_time === 1,
    verdict: r.verdict,
    verdictComment: r.verdict_comment,
    verdictAt: r.verdict_at,
  };
}

export function presentExtension(e: ExtensionRow): ExtensionDto {
  return {
    id: e.id,
    round: e.round,
    reason: e.reason,
    daysRequested: e.days_requested,
    status: e.status,
    daysGranted: e.days_granted,
    dueBefore: e.due_before,
    dueAfter: e.due_after,
    requestedAt: e.requested_at,
    decidedAt: e.decided_at,
    decisionNote: e.decision_note,
  };
}

export async function presentItems(ctx: RequestContext, rows: ItemRow[], day: string, db: Executor = ctx.db) {
  const ids = rows.map((r) => r.id);
  const [replies, extensions] = await Promise.all([
    inSlices(ids, (s) => repliesOf(db, s)),
    inSlices(ids, (s) => extensionsOf(db, s)),
  ]);
  const settings = settingsCache(db);
  const out: ItemDto[] = [];
  for (const row of rows) {
    const { reminderLeadDays } = await settings(row.region_path);
    const visibleReplies = seesReplies(ctx.actor, row.counterpart_id);
    const mine = replies.filter((r) => r.item_id === row.id);
    const latest = mine[mine.length - 1];
    const pending = extensions.find((e) => e.item_id === row.id && e.status === 'requested');
    const open = awaitingReply(row.status);
    out.push({
      id: row.id,
      matter: {
        id: row.matter_id,
        name: row.matter_title,
        department: { id: row.department_id, name: row.department_name },
      },
      counterpart: { id: row.counterpart_id, name: row.counterpart_name },
      source: row.source,
      text: row.text,
      receivedOn: row.received_on,
      enteredBy: { id: row.entered_by_org, name: row.entered_by_name },
      createdAt: row.created_at,
      status: row.status,
      round: row.round,
      dueDate: row.due_date,
      dueState: dueStateOf(row.status, row.due_date, day, reminderLeadDays),
      workingDaysLeft: open ? workingDaysBetween(day, row.due_date) : null,
      analysis: seesAnalysis(ctx.actor) ? row.analysis : null,
      latestReply: visibleReplies && latest ? presentReply(ctx, latest) : null,
      repliesVisible: visibleReplies,
      pendingExtension: pending && visibleReplies ? presentExtension(pending) : null,
      closedAt: row.closed_at,
      closeNote: visibleReplies ? row.close_note : null,
      abilities: itemAbilities(ctx.actor, {
        departmentId: row.department_id,
        counterpartId: row.counterpart_id,
        status: row.status,
        pendingExtension: pending !== undefined,
        overdue: dueStateOf(row.status, row.due_date, day, reminderLeadDays) === 'overdue',
      }),
    });
  }
  return out;
}
