// The sweep on a timer, in every app instance (server/main.ts): each tick runs the sweep and then sends the
// e-mail that is due. Several instances may tick at the same moment — see runSweep and sendPendingEmails.
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/schema.js';
import { sweepMetrics } from '../../plugins/metrics.js';
import { purgeExpiredCounters } from '../../plugins/rate-limit-store.js';
import { anchorFileOf, anchorIncrementally } from '../audit/index.js';
import { purgeFinishedJobs } from '../jobs/index.js';
import {
  defaultInstanceId,
  type MailTransport,
  type SendResult,
  sendPendingEmails,
  smtpTransport,
} from '../mail/index.js';
import { runSweep, type SweepReport } from './sweep.service.js';

export interface SweepLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** One tick: the sweep, then the e-mail (when SMTP is configured). */
export async function sweepAndSend(
  db: Kysely<Database>,
  config: Pick<
    Config,
    'LIAISON_SMTP_URL' | 'LIAISON_MAIL_FROM' | 'LIAISON_PUBLIC_URL' | 'LIAISON_JOB_RETENTION_HOURS'
  >,
  o: { instanceId: string; transport?: MailTransport | null; now?: Date } = {
    instanceId: defaultInstanceId(),
  },
): Promise<{ sweep: SweepReport; mail: SendResult | null; jobsPurged: number }> {
  const now = o.now ?? new Date();
  const sweep = await runSweep(db, now);
  // a finished document's bytes are kept for its creator to download, then go (they are re-made on demand)
  const jobsPurged = await purgeFinishedJobs(
    db,
    new Date(now.getTime() - config.LIAISON_JOB_RETENTION_HOURS * 3600_000).toISOString(),
  );
  await purgeExpiredCounters(db, now.getTime());
  const transport = o.transport ?? (config.LIAISON_SMTP_URL ? smtpTransport(config.LIAISON_SMTP_URL) : null);
  if (!transport) return { sweep, mail: null, jobsPurged };
  try {
    const mail = await sendPendingEmails(db, {
      transport,
      from: config.LIAISON_MAIL_FROM,
      publicUrl: config.LIAISON_PUBLIC_URL,
      instanceId: o.instanceId,
      // the reminders were queued while the sweep ran: what is due is measured after it
      now: new Date(Math.max(now.getTime(), Date.now())),
    });
    return { sweep, mail, jobsPurged };
  } finally {
    if (!o.transport) transport.close();
  }
}

/**
 * Run `sweepAndSend` now and then every LIAISON_SWEEP_EVERY_MINUTES (0: never). `stop()` cancels the next
 * tick and waits for a running one to finish (graceful shutdown).
 */
export function startSweepTimer(
  db: Kysely<Database>,
  config: Config,
  log: SweepLogger,
): { stop(): Promise<void> } {
  const minutes = config.LIAISON_SWEEP_EVERY_MINUTES;
  if (minutes <= 0) return { stop: async () => {} };
  const instanceId = defaultInstanceId();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;
  const anchorFile = anchorFileOf(config);
  const tick = () => {
    running = sweepAndSend(db, config, { instanceId })
      .then(({ sweep, mail }) => {
        sweepMetrics.runs.inc({ outcome: sweep.errors.length ? 'partial' : 'ok' });
        sweepMetrics.notified.inc(Object.values(sweep.notified).reduce((a, b) => a + b, 0));
        if (mail) {
          sweepMetrics.mailSent.inc(mail.sent);
          sweepMetrics.mailFailed.inc(mail.retrying + mail.failed);
        }
        if (sweep.errors.length) log.error({ errors: sweep.errors }, 'sweep: some steps failed');
        log.info({ sweep: sweep.notified, created: sweep.obligationsCreated, mail }, 'sweep done');
      })
      .then(() => (anchorFile ? anchorAuditHead(db, anchorFile, log) : undefined))
      .catch((error: unknown) => {
        sweepMetrics.runs.inc({ outcome: 'failed' });
        log.error({ err: error }, 'sweep failed');
      })
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(tick, minutes * 60_000);
      });
  };
  timer = setTimeout(tick, 1_000);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
    },
  };
}

/**
 * Beside the sweep: anchor the audit chain's head outside the database (issue 13 item 5), after checking the last
 * anchor still holds and the entries since link up. A failed check is logged as an error and the anchor stays
 * where it was, so `liaison audit verify` keeps failing until someone looks.
 */
export async function anchorAuditHead(db: Kysely<Database>, file: string, log: SweepLogger): Promise<void> {
  const result = await anchorIncrementally(db, file);
  if (!result.ok) log.error({ reason: result.reason, file }, 'AUDIT TRAIL CHECK FAILED: not anchored');
  else if (result.anchored)
    log.info({ anchor: { id: result.anchored.id, hash: result.anchored.hash } }, 'audit chain head anchored');
}
