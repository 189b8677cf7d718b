// Who is told of a ledger event, and what: the invited when an invitation, a notice or a symposium is entered,
// the host when an invitee's answer changes. Each notification is written in the event's transaction, once
// (its dedupe key), and leads to the record's page.
import { shanghaiDateTime } from '../../../common/shanghai-time.js';
import type { Executor } from '../../context.js';
import { notifyOrganisations } from '../notifications/index.js';

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

const when = (r: EnteredRecord): string => `${shanghaiDateTime(r.startsAt)}${r.place ? `，${r.place}` : ''}`;

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
      kind: 'ledger_notice',
      title: `${r.hostName}通报：${r.title}`,
      body: `${r.hostName}向贵单位通报了信息（${shanghaiDateTime(r.startsAt)}），请确认收到并阅知。`,
      link,
      key,
    });
  }
  if (r.kind === 'symposium') {
    return notifyOrganisations(trx, to, {
      kind: 'ledger_invitation',
      title: `对口联系工作座谈会：${r.title}`,
      body: `${r.hostName}安排了对口联系工作座谈会（${when(r)}）。`,
      link,
      key,
    });
  }
  return notifyOrganisations(trx, to, {
    kind: 'ledger_invitation',
    title: `${r.hostName}邀请：${r.title}`,
    body: `${r.hostName}邀请贵单位参加（${when(r)}），请回复是否参加。`,
    link,
    key,
  });
}

const REPLY_ZH = { attend: '将参加', decline: '不能参加' } as const;

/** The host learns each change of an invitee's answer (the answer's time makes each change its own notice). */
export async function notifyReplyChanged(
  trx: Executor,
  r: { id: number; title: string; hostId: number },
  reply: {
    organisationId: number;
    organisationName: string;
    reply: keyof typeof REPLY_ZH;
    attendees: string | null;
    at: string;
  },
): Promise<number> {
  const who = reply.attendees ? `（${reply.attendees}）` : '';
  return notifyOrganisations(trx, [r.hostId], {
    kind: 'ledger_rsvp',
    title: `${reply.organisationName}${REPLY_ZH[reply.reply]}：${r.title}`,
    body: `${reply.organisationName}回复邀请：${REPLY_ZH[reply.reply]}${who}。`,
    link: `/ledger/${r.id}`,
    key: `ledger:${r.id}:reply:${reply.organisationId}:${reply.at}`,
  });
}
