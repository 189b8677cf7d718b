// The invited and the notified answer (the ledger_responses rows): replies to an invitation, the host's
// attendance, a notice's receipt and reading.
import type {
  AttendanceRequest,
  LedgerRecordDto,
  ReceiptRequest,
  ReplyRequest,
} from '../../../common/schemas/ledger.js';
import { authorize } from '../../access/authorize.js';
import type { RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { AppError, forbidden } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { notifyReplyChanged } from './ledger.notices.js';
import { inviteesOf } from './ledger.policy.js';
import { getRecord, visibleRecord } from './ledger.queries.js';
import { responsesOf, updateRecordRow, updateResponseRow } from './ledger.repository.js';

/**
 * An invitee answers (will attend / cannot, who goes). Replies may change until the host records attendance;
 * after that only the same answer is accepted (idempotent), a different one is REPLY_LOCKED. Each change tells
 * the host.
 */
export async function replyToInvitation(
  ctx: RequestContext,
  id: number,
  input: ReplyRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'invitation') throw new AppError('NOT_AN_INVITATION');
  const org = ctx.actor.organisationId;
  authorize(ctx.actor, 'ledger.reply', v.facts);
  const current = (await responsesOf(ctx.db, [id])).find((r) => r.organisation_id === org);
  if (!current) throw forbidden();
  const same =
    current.reply === input.reply &&
    current.reply_attendees === (input.attendees ?? null) &&
    current.reply_note === (input.note ?? null);
  // the same answer again changes nothing (no write, no audit, nobody told)
  if (same) return getRecord(ctx, id);
  if (v.row.status === 'attended') throw new AppError('REPLY_LOCKED');
  const at = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await updateResponseRow(trx, id, org, {
      reply: input.reply,
      reply_attendees: input.attendees ?? null,
      reply_note: input.note ?? null,
      replied_at: at,
      replied_by: ctx.actor.displayName,
    });
    await notifyReplyChanged(
      trx,
      { id, title: v.row.title, hostId: v.row.host_id },
      {
        organisationId: org,
        organisationName: ctx.actor.organisationName,
        reply: input.reply,
        attendees: input.attendees ?? null,
        at,
      },
    );
    await appendAudit(trx, ctx, {
      action: 'ledger.reply',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      before: { reply: current.reply, attendees: current.reply_attendees },
      after: input,
    });
  });
  return getRecord(ctx, id);
}

/** The host records who attended and a summary — only once the event has started; it may be corrected later. */
export async function recordAttendance(
  ctx: RequestContext,
  id: number,
  input: AttendanceRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'invitation') throw new AppError('NOT_AN_INVITATION');
  authorize(ctx.actor, 'ledger.recordAttendance', v.facts);
  if (v.row.starts_at > nowIso()) throw new AppError('EVENT_NOT_STARTED');
  const invitees = inviteesOf(v.facts);
  const strangers = input.attendance.filter((a) => !invitees.includes(a.organisationId));
  if (strangers.length)
    throw new AppError('NOT_INVITED', { ids: strangers.map((s) => s.organisationId).join(', ') });
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of input.attendance) {
      await updateResponseRow(trx, id, a.organisationId, {
        attended: a.attended ? 1 : 0,
        attendees: a.attendees ?? null,
      });
    }
    await updateRecordRow(trx, id, {
      status: 'attended',
      summary: input.summary === undefined ? v.row.summary : input.summary,
    });
    await appendAudit(trx, ctx, {
      action: 'ledger.attendance',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      after: input,
    });
  });
  return getRecord(ctx, id);
}

/** A recipient confirms receipt (and reading). The first time of each is kept; repeating changes nothing. */
export async function acknowledgeNotice(
  ctx: RequestContext,
  id: number,
  input: ReceiptRequest,
): Promise<LedgerRecordDto> {
  const v = await visibleRecord(ctx, id);
  if (v.row.kind !== 'notice') throw new AppError('NOT_A_NOTICE');
  const org = ctx.actor.organisationId;
  authorize(ctx.actor, 'ledger.acknowledge', v.facts);
  const current = (await responsesOf(ctx.db, [id])).find((r) => r.organisation_id === org);
  if (!current) throw forbidden();
  const now = nowIso();
  const who = ctx.actor.displayName;
  const change = {
    received_at: current.received_at ?? now,
    received_by: current.received_by ?? who,
    read_at: input.read ? (current.read_at ?? now) : current.read_at,
    read_by: input.read ? (current.read_by ?? who) : current.read_by,
  };
  if (change.received_at === current.received_at && change.read_at === current.read_at)
    return getRecord(ctx, id);
  await ctx.db.transaction().execute(async (trx) => {
    await updateResponseRow(trx, id, org, change);
    await appendAudit(trx, ctx, {
      action: input.read ? 'ledger.read' : 'ledger.receive',
      entityType: 'ledger_record',
      entityId: id,
      regionId: v.row.region_id,
      after: change,
    });
  });
  return getRecord(ctx, id);
}
