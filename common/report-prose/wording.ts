// How the draft words things: quotation marks, dates, figures, counts, and a sentence with its sources.
import type { Sentence, SentenceSource } from './form.js';

/** At most this many items are named one by one; the counts cover them all. */
export const NOTABLE_LIMIT = 5;

export const ledger = (...ids: number[]): SentenceSource[] =>
  ids.map((id) => ({ type: 'ledger' as const, id }));
export const ids = <T extends { id: number }>(xs: readonly T[]): number[] => xs.map((x) => x.id);
export const join = (names: readonly string[]): string => names.join('、');
export const unique = (names: readonly string[]): string[] => [...new Set(names)];

/**
 * A title in quotation marks, nested the Chinese way: quotation marks inside become single ones (“…‘…’…”);
 * a title already wholly in quotation marks is not wrapped twice.
 */
export function quoted(title: string): string {
  let t = title.trim().replace(/[。；，、]+$/u, '');
  if (/^[“"].*[”"]$/u.test(t)) t = t.slice(1, -1);
  t = t
    .replace(/“/g, '‘')
    .replace(/”/g, '’')
    .replace(/"([^"]*)"/g, '‘$1’');
  return `“${t}”`;
}

/** A document or topic title in 书名号, nested the Chinese way (《…〈…〉…》); never wrapped twice. */
export function booked(title: string): string {
  let t = title.trim().replace(/[。；，、]+$/u, '');
  if (/^《.*》$/u.test(t) && !t.slice(1, -1).includes('》')) t = t.slice(1, -1);
  t = t.replace(/《/g, '〈').replace(/》/g, '〉');
  return `《${t}》`;
}

/** Punctuation as printed: no doubled marks, no comma or enumeration mark before the full stop. */
export function tidy(text: string): string {
  return text
    .replace(/([。，、；：])\1+/g, '$1')
    .replace(/[，、；：]+。/g, '。')
    .replace(/。([，、；])/g, '$1')
    .replace(/([！？])。/g, '$1');
}

/** '2025-03-05' → '3月5日' */
export function monthDay(date: string): string {
  const [, m, d] = date.split('-');
  return `${Number(m)}月${Number(d)}日`;
}

/** '12月15日' or '12月15日、12月20日' — the dates of things ahead. */
export const dates = (xs: readonly { date: string }[]): string =>
  join(unique(xs.map((x) => monthDay(x.date))));

/** A figure as printed: integers as they are, fractions to two places without trailing zeros. */
export function figure(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** 'a次、b次' of the non-zero counts, in the order of `labels`. */
export function breakdown(counts: Map<string, number>, labels: Record<string, string>, unit: string): string {
  const order = Object.keys(labels);
  const keys = [...counts.keys()].sort((a, b) => rank(order, a) - rank(order, b));
  return join(
    keys.filter((k) => (counts.get(k) ?? 0) > 0).map((k) => `${labels[k] ?? k}${counts.get(k)}${unit}`),
  );
}
const rank = (order: string[], k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);

export function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

export const sentence = (text: string, sources: SentenceSource[]): Sentence => ({
  text: tidy(text),
  sources,
});
