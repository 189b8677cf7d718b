// Sending queued notification e-mail. Any number of instances may run this at once: each delivery is claimed
// by one instance (an atomic UPDATE, see claimDue) before it is sent, and marked sent by the holder of the
// claim; a failed attempt is retried with backoff and, after MAX_ATTEMPTS, left `failed` for the system admin.

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { claimDue, expireStale, markAttemptFailed, markSent } from '../notifications/index.js';
import { renderMail } from './mail.templates.js';
import type { MailTransport } from './mail.transport.js';

export const MAX_ATTEMPTS = 5;
/** How long a claim holds: longer than any single SMTP conversation. */
const CLAIM_SECONDS = 120;
/** A queued e-mail not sent within this is dropped (failed, "expired") rather than sent days late. */
const STALE_HOURS = 72;

/** Minutes to wait after the n-th failed attempt: 1, 2, 4, 8 … */
export const backoffMinutes = (attempt: number): number => 2 ** Math.max(0, attempt - 1);

/** A name for this process, unique enough to tell two instances (and two runs) apart. */
export const defaultInstanceId = (): string =>
  `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

export interface SendOptions {
  transport: MailTransport;
  from: string;
  publicUrl: string;
  instanceId: string;
  now?: Date;
  batch?: number;
}

export interface SendResult {
  sent: number;
  retrying: number;
  failed: number;
  expired: number;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Send what is due now, batch after batch, until nothing due is left unclaimed. */
export async function sendPendingEmails(db: Kysely<Database>, o: SendOptions): Promise<SendResult> {
  const now = o.now ?? new Date();
  const nowIso = now.toISOString();
  const result: SendResult = { sent: 0, retrying: 0, failed: 0, expired: 0 };
  result.expired = await expireStale(
    db,
    new Date(now.getTime() - STALE_HOURS * 3600_000).toISOString(),
    nowIso,
  );
  for (;;) {
    const claimed = await claimDue(db, {
      instanceId: o.instanceId,
      now: nowIso,
      claimUntil: new Date(now.getTime() + CLAIM_SECONDS * 1000).toISOString(),
      limit: o.batch ?? 20,
    });
    if (!claimed.length) break;
    for (const d of claimed) {
      const mail = renderMail(
        { kind: d.kind, title: d.title, body: d.body, link: d.link, displayName: d.display_name },
        o.publicUrl,
      );
      try {
        await o.transport.send({
          from: o.from,
          to: d.recipient,
          subject: mail.subject,
          text: mail.text,
          messageId: `<delivery-${d.id}.notification-${d.notification_id}@liaison>`,
        });
        await markSent(db, d.id, o.instanceId, new Date().toISOString());
        result.sent += 1;
      } catch (error) {
        const last = d.attempts >= MAX_ATTEMPTS;
        const retryAt = last
          ? null
          : new Date(now.getTime() + backoffMinutes(d.attempts) * 60_000).toISOString();
        await markAttemptFailed(db, d.id, o.instanceId, { at: nowIso, error: errorText(error), retryAt });
        if (last) result.failed += 1;
        else result.retrying += 1;
      }
    }
  }
  return result;
}
