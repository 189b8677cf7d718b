// What the system writes on a consultation item's timeline (`consultation_item_events.note`), in Chinese and in
// English side by side: one entry per note, composed from its values, as notifications/notification-texts.ts does
// for notifications. The insert sites call `itemEventText(name, values)` and store both (`note`, `note_en`); the
// item screen shows the reader's language, an older row without English its Chinese. Values are passed as they
// are: notes, reasons and comments typed by users and names from the roster stay in their own words in both
// languages; dates are ISO (2026-03-31) in both. A note that is only what the user typed (closing an item,
// refusing an extension) is stored as typed, with no English of its own.

import type { ReplyClass, Verdict } from '../../../common/schemas/consultations.js';
import { REPLY_CLASS_LABELS, VERDICT_LABELS } from '../../../common/schemas/consultations.js';
import { urgeAsk } from '../notifications/index.js';

/** A timeline note in both languages. */
export interface ItemEventWords {
  zh: string;
  en: string;
}

const workingDays = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;
const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
};
const people = (n: number): string => `${n} ${n === 1 ? 'person' : 'people'}`;
/** An English sentence from a part that may start with a lower-case word (urgeAsk's English). */
const sentence = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** Every note the system writes on an item's timeline, by name. */
export const ITEM_EVENT_TEXTS = {
  /** an item received: its receipt date and due date */
  received: (v: { receivedOn: string; dueDate: string; workingDays: number }): ItemEventWords => ({
    zh: `收到日期 ${v.receivedOn}，答复期限 ${v.dueDate}（${v.workingDays}个工作日）`,
    en: `Received on ${v.receivedOn}; reply due ${v.dueDate} (${workingDays(v.workingDays)})`,
  }),
  /** the department's reply: its class, and the due date it missed when late */
  replied: (v: { replyClass: ReplyClass; onTime: boolean; dueDate: string }): ItemEventWords => {
    const label = REPLY_CLASS_LABELS[v.replyClass];
    return {
      zh: `${label.zh}${v.onTime ? '' : `（逾期，期限 ${v.dueDate}）`}`,
      en: `${label.en}${v.onTime ? '' : ` (late, due ${v.dueDate})`}`,
    };
  },
  /** the counterpart's verdict, with its comment as typed */
  verdict: (v: { verdict: Verdict; comment: string | null }): ItemEventWords => {
    const label = VERDICT_LABELS[v.verdict];
    return {
      zh: v.comment ? `${label.zh}：${v.comment}` : label.zh,
      en: v.comment ? `${label.en}: ${v.comment}` : label.en,
    };
  },
  /** not satisfied: 二次办理, due again */
  reopened: (v: { dueDate: string }): ItemEventWords => ({
    zh: `二次办理，答复期限 ${v.dueDate}`,
    en: `Handled again; reply due ${v.dueDate}`,
  }),
  /** satisfied or basically satisfied: the item is closed */
  closedByVerdict: (v: { verdict: Verdict }): ItemEventWords => ({
    zh: `评价${VERDICT_LABELS[v.verdict].zh}，办结`,
    en: `Rated ${VERDICT_LABELS[v.verdict].en.toLowerCase()}; closed`,
  }),
  /** the department asks for more working days, with its reason as typed */
  extensionRequested: (v: { days: number; reason: string }): ItemEventWords => ({
    zh: `申请延期${v.days}个工作日：${v.reason}`,
    en: `Extension of ${workingDays(v.days)} requested: ${v.reason}`,
  }),
  /** 统战部 grants: the due date moves, with 统战部's note as typed */
  extensionGranted: (v: {
    days: number;
    dueBefore: string;
    dueAfter: string;
    note: string | null;
  }): ItemEventWords => ({
    zh: `延期${v.days}个工作日：${v.dueBefore} → ${v.dueAfter}${v.note ? `。${v.note}` : ''}`,
    en: `Extended by ${workingDays(v.days)}: ${v.dueBefore} → ${v.dueAfter}${v.note ? `. ${v.note}` : ''}`,
  }),
  /** the sweep's reminder: how many were told, or that nobody could be */
  reminded: (v: { recipients: number; dueDate: string }): ItemEventWords =>
    v.recipients
      ? {
          zh: `提醒${v.recipients}人（期限 ${v.dueDate}）`,
          en: `${people(v.recipients)} reminded (due ${v.dueDate})`,
        }
      : {
          zh: `无可提醒的账号，请电话督办（期限 ${v.dueDate}）`,
          en: `No account to remind; please press by telephone (due ${v.dueDate})`,
        },
  /** a 督办: the n-th of the round, 统战部's note as typed, and what it asks at its level */
  urged: (v: {
    nth: number;
    dueDate: string;
    note: string;
    level: number;
    leader: { name: string; position: string } | null;
  }): ItemEventWords => {
    const asked = urgeAsk(v.level, v.leader);
    return {
      zh: `第${v.nth}次督办（期限 ${v.dueDate}）：${v.note}。${asked.zh}`,
      en: `${ordinal(v.nth)} press (due ${v.dueDate}): ${v.note}. ${sentence(asked.en)}`,
    };
  },
} as const;

export type ItemEventTextName = keyof typeof ITEM_EVENT_TEXTS;
export type ItemEventTextValues<N extends ItemEventTextName> = Parameters<(typeof ITEM_EVENT_TEXTS)[N]>[0];

/** A note's columns, both languages, to spread into `insertItemEvent`. */
export function itemEventText<N extends ItemEventTextName>(
  name: N,
  values: ItemEventTextValues<N>,
): { note: string; noteEn: string } {
  const compose = ITEM_EVENT_TEXTS[name] as (v: ItemEventTextValues<N>) => ItemEventWords;
  const { zh, en } = compose(values);
  return { note: zh, noteEn: en };
}
