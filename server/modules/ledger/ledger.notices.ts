// Who is told of a ledger event, and what: the invited when an invitation, a notice or a symposium is entered,
// the host when an invitee's answer changes. Each notification is written in the event's transaction, once
// (its dedupe key), and leads to the record's page.
import { shanghaiDateTime } from '../../../common/shanghai-time.js';
import type { Executor } from '../../context.js';
import { notificationText, notifyOrganisations } from '../notifications/index.js';

export interface EnteredRecord {
  id: number;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string | null;
  departmentId: number;
  counterpartIds: readonly number[];
  hostId: number;
  hostName: string;
}

/**
 * The parties who learn of a new record. An invitation's invitees; a notice's recipients; a symposium's other
 * side. An invitation or symposium already over is history being entered, not news: nobody is asked to reply
 * to the past. A notice is always sent — its receipt is owed whenever it is entered.
 */
function toldOf(r: EnteredRecord, invitees: readonly number[], now: string): number[] {
  const over = (r.endsAt ?? r.startsAt) <= now;
  if (r.kind === 'notice') return [...invitees];
  if (r.kind === 'invitation') return over ? [] : [...invitees];
  if (r.kind === 'symposium') {
    if (over) return [];
    return [r.departmentId, ...r.counterpartIds].filter((id) => id !== r.hostId);
  }
  return [];
}

export async function notifyRecordEntered(
  trx: Executor,
  r: EnteredRecord,
  invitees: readonly number[],
  now: string,
): Promise<number> {
  const to = toldOf(r, invitees, now);
  if (!to.length) return 0;
  const link = `/ledger/${r.id}`;
  const key = `ledger:${r.id}:entered`;
  if (r.kind === 'notice') {
    return notifyOrganisations(trx, to, {
      ...notificationText('ledgerNotice', {
        host: r.hostName,
        title: r.title,
        at: shanghaiDateTime(r.startsAt),
      }),
      link,
      key,
    });
  }
  const event = { host: r.hostName, title: r.title, at: shanghaiDateTime(r.startsAt), place: r.place };
  if (r.kind === 'symposium') {
    return notifyOrganisations(trx, to, { ...notificationText('ledgerSymposium', event), link, key });
  }
  return notifyOrganisations(trx, to, {
    ...notificationText('ledgerInvitation', event),
    link,
    key,
  });
}

/** The host learns each change of an invitee's answer (the answer's time makes each change its own notice). */
export async function notifyReplyChanged(
  trx: Executor,
  r: { id: number; title: string; hostId: number },
  reply: {
    organisationId: number;
    organisationName: string;
    reply: 'attend' | 'decline';
    attendees: string | null;
    at: string;
  },
): Promise<number> {
  return notifyOrganisations(trx, [r.hostId], {
    ...notificationText('ledgerRsvp', {
      organisation: reply.organisationName,
      title: r.title,
      reply: reply.reply,
      attendees: reply.attendees,
    }),
    link: `/ledger/${r.id}`,
    key: `ledger:${r.id}:reply:${reply.organisationId}:${reply.at}`,
  });
}
