// The rules of a year's figures, in one place (ground floor: every module applies them in its own queries, the
// facts read model classifies with them): what "in force", "held", "attended", "replied on time" and "as of"
// mean. Pure functions over plain rows; everything that counts (reports, the conference pack, the dashboard,
// my-work, the ledger summary) classifies through these and nothing else.
import { sql } from 'kysely';
import { shanghaiDate } from '../common/shanghai-time.js';

// ---------------------------------------------------------------------------------------------------------
// Time

/** The instant facts are taken at, and its Asia/Shanghai date. */
export interface AsOf {
  iso: string;
  date: string;
}

export function asOf(at: Date | string = new Date()): AsOf {
  const iso = typeof at === 'string' ? new Date(at).toISOString() : at.toISOString();
  return { iso, date: shanghaiDate(iso) };
}

/** The day whose roster a year's documents name: the year's last day once it is over, else the day asked. */
export function rosterDate(year: number, at: AsOf): string {
  const current = Number(at.date.slice(0, 4));
  if (year < current) return `${year}-12-31`;
  return at.date;
}

// ---------------------------------------------------------------------------------------------------------
// Pairs

/** A pairing is in force in a year when the year lies within its validity years (valid_to null: open). */
export function inForce(p: { valid_from: number; valid_to: number | null }, year: number): boolean {
  return p.valid_from <= year && (p.valid_to === null || p.valid_to >= year);
}

/**
 * The same rule in SQL, for a query over `pairings` under the alias given (default `p`); the year is a number
 * or a column (`{ ref: 'fr.year' }`).
 */
export function inForceSql(year: number | { ref: string }, alias = 'p') {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  const y = typeof year === 'number' ? sql`${year}` : sql.ref(year.ref);
  return sql<boolean>`(${from} <= ${y} and (${to} is null or ${to} >= ${y}))`;
}

export const pairKey = (departmentId: number, counterpartId: number): string =>
  `${departmentId}:${counterpartId}`;

// ---------------------------------------------------------------------------------------------------------
// Meetings (对口联系工作座谈会, and any ledger event with a date)

export const MEETING_STATES = ['held', 'scheduled', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

/**
 * held: minutes recorded, or its time has come (and it was not cancelled); scheduled: still ahead on `at`;
 * cancelled: called off. A scheduled meeting is never held, a future one never missed.
 */
export function meetingState(r: { status: string; starts_at: string }, at: AsOf): MeetingState {
  if (r.status === 'cancelled') return 'cancelled';
  if (r.starts_at > at.iso) return 'scheduled';
  return 'held';
}

/** The same rule in SQL over `ledger_records` under the alias given: a meeting held by the instant `atIso`. */
export function heldSql(atIso: string, alias = 'l') {
  return sql<boolean>`(${sql.ref(`${alias}.status`)} <> 'cancelled' and ${sql.ref(`${alias}.starts_at`)} <= ${atIso})`;
}

// ---------------------------------------------------------------------------------------------------------
// Invitations

export const ATTENDANCE_STATES = ['attended', 'declined', 'awaiting', 'ahead'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

/**
 * One invitee of an invitation: ahead while the event lies after `at` (whatever was answered); then attended
 * or not as the host recorded, declined if the invitee said it would not come, else awaiting the record.
 */
export function inviteeState(
  startsAt: string,
  response: { attended: number | null; reply: string },
  at: AsOf,
): AttendanceState {
  if (startsAt > at.iso) return 'ahead';
  if (response.attended === 1) return 'attended';
  if (response.attended === 0 || response.reply === 'decline') return 'declined';
  return 'awaiting';
}

/** An invitation as a whole: attended when any invitee attended; declined when every invitee declined. */
export function invitationState(invitees: readonly AttendanceState[]): AttendanceState {
  if (invitees.includes('ahead')) return 'ahead';
  if (invitees.includes('attended')) return 'attended';
  if (invitees.length && invitees.every((s) => s === 'declined')) return 'declined';
  return 'awaiting';
}

// ---------------------------------------------------------------------------------------------------------
// Major matters (重大事项) and their 专题协商座谈会

export const SYMPOSIUM_STATES = ['held', 'scheduled', 'cancelled', 'none'] as const;
export type SymposiumState = (typeof SYMPOSIUM_STATES)[number];

export function symposiumState(
  m: { symposium_status: string; held_at: string | null },
  at: AsOf,
): SymposiumState {
  if (m.symposium_status === 'held' && m.held_at !== null && m.held_at <= at.iso) return 'held';
  if (m.symposium_status === 'cancelled') return 'cancelled';
  if (m.symposium_status === 'none') return 'none';
  return 'scheduled';
}

/**
 * 先协商后决策: a decision recorded (by `at`) before the symposium was held — or with none held by then — is a
 * breach. ISO-8601 UTC text of one format compares in time order.
 */
export function isBreach(m: { decided_at: string | null; held_at: string | null }, at?: AsOf): boolean {
  if (m.decided_at === null) return false;
  if (at && m.decided_at > at.iso) return false;
  const held = m.held_at !== null && (!at || m.held_at <= at.iso) ? m.held_at : null;
  return held === null || m.decided_at < held;
}

// ---------------------------------------------------------------------------------------------------------
// Suggestions (意见建议) and their replies

export const REPLY_STATES = ['on_time', 'late', 'open'] as const;
export type ReplyState = (typeof REPLY_STATES)[number];

/** How a suggestion's adoption reads: the class of its latest reply by `at`; none yet = under study. */
export const ADOPTION_CLASSES = ['adopted', 'partly', 'reference', 'not_adopted', 'under_study'] as const;
export type AdoptionClass = (typeof ADOPTION_CLASSES)[number];
const CLASS_OF: Record<string, AdoptionClass> = {
  adopted: 'adopted',
  partly_adopted: 'partly',
  for_reference: 'reference',
  not_adopted: 'not_adopted',
};

export const VERDICTS = ['satisfied', 'basically_satisfied', 'not_satisfied'] as const;
export type Verdict = (typeof VERDICTS)[number];

export interface SuggestionState {
  /** the first round's reply: on or before its due date, after it, or none yet */
  reply: ReplyState;
  /** the day of the first round's reply, if made by `at` */
  firstReplyOn: string | null;
  /** unanswered with the due date passed on `at` (a future due date is never overdue) */
  overdue: boolean;
  adoption: AdoptionClass;
  /** the counterpart's verdict on each round's reply, where given by `at` */
  verdicts: { round: number; verdict: Verdict }[];
}

export function suggestionState(
  item: { status: string; due_date: string },
  replies: readonly {
    round: number;
    reply_class: string;
    replied_on: string;
    on_time: number;
    verdict: string | null;
    verdict_at: string | null;
  }[],
  at: AsOf,
): SuggestionState {
  const known = replies.filter((r) => r.replied_on <= at.date).sort((a, b) => a.round - b.round);
  const first = known.find((r) => r.round === 1);
  const latest = known.at(-1);
  const unanswered = item.status === 'awaiting_reply' || item.status === 'rehandling';
  return {
    reply: first ? (first.on_time === 1 ? 'on_time' : 'late') : 'open',
    firstReplyOn: first?.replied_on ?? null,
    overdue: unanswered && item.due_date < at.date,
    adoption: latest ? (CLASS_OF[latest.reply_class] ?? 'under_study') : 'under_study',
    verdicts: known
      .filter((r) => r.verdict !== null && (r.verdict_at === null || r.verdict_at <= at.iso))
      .map((r) => ({ round: r.round, verdict: r.verdict as Verdict })),
  };
}
