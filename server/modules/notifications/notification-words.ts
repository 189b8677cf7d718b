// The small words the notification texts are made of, in both languages: a message's shape, counts, rounds,
// ordinals, when and where, and the names of the forms.
import type { NotificationKind } from '../../../common/schemas/notifications.js';

export interface NotificationWords {
  title: string;
  body: string;
}

/** A notification's kind and its words in both languages. */
export interface NotificationText {
  kind: NotificationKind;
  zh: NotificationWords;
  en: NotificationWords;
}

export type Compose<V> = (v: V) => { zh: NotificationWords; en: NotificationWords };
export const message = <V>(kind: NotificationKind, compose: Compose<V>) => ({ kind, compose });

export const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;
export const workingDays = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;
export const ordinal = (n: number): string => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
};
/** A second or later round of handling a suggestion (a reply rated not satisfactory reopens it). */
export const roundZh = (round: number): string => (round > 1 ? `（第${round}次办理）` : '');
export const roundEn = (round: number): string => (round > 1 ? ` (round ${round})` : '');
/** When and where a ledger event takes place. */
export const whenZh = (at: string, place: string | null): string => `${at}${place ? `，${place}` : ''}`;
export const whenEn = (at: string, place: string | null): string => `${at}${place ? `, ${place}` : ''}`;
export const FORM_ZH = '对口联系工作分管领导、联络员登记表';
export const FORM_EN = 'registration form of the leader in charge and liaison officer';
export const REPORT_ZH = '年度对口联系工作情况报告';
export const REPORT_EN = 'annual report on liaison work';
export const RSVP_LABELS = {
  attend: { zh: '将参加', en: 'will attend' },
  decline: { zh: '不能参加', en: 'cannot attend' },
} as const;
