/**
 * The notice fixtures (common/pairing-notice/fixtures/*.txt: public notices and news reports of other localities with
 * hand-checked pairs) and how a reading is scored against them. A pair is right when its counterpart group
 * (民革 … 工商联) and its department (without the place before it: 常州市民政局 = 市民政局 = 民政局) agree.
 * Test-only (reads files); kept on the server side, away from the parser, which is pure and also runs in the
 * browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupOf, type NoticePair, toHalfWidth, withoutPlace } from '../../../common/pairing-notice/index.js';

export interface NoticeFixture {
  file: string;
  source: string;
  split: 'tuning' | 'held-out';
  text: string;
  expected: { counterpart: string; department: string }[];
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../common/pairing-notice/fixtures');

/**
 * The tuning set (the folder itself: every notice the reader has been tuned on), or a blind held-out round
 * kept in its own sub-folder (heldout-4) until it has been scored.
 */
export function loadFixtures(round?: string): NoticeFixture[] {
  const dir = round ? join(DIR, round) : DIR;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => parseFixture(file, readFileSync(join(dir, file), 'utf8')));
}

function parseFixture(file: string, content: string): NoticeFixture {
  const [head = '', rest = ''] = content.split(/^--- text\n/m);
  const [text = '', expectedBlock = ''] = rest.split(/^--- expected\n/m);
  const field = (name: string) => new RegExp(`^# ${name}: (.*)$`, 'm').exec(head)?.[1]?.trim() ?? '';
  const split = field('split');
  if (split !== 'tuning' && split !== 'held-out')
    throw new Error(`${file}: split must be tuning or held-out`);
  const expected = expectedBlock
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap((l) => {
      const [who = '', what = ''] = l.split('|');
      const list = (s: string) =>
        s
          .split('、')
          .map((x) => x.trim())
          .filter(Boolean);
      return list(who).flatMap((counterpart) =>
        list(what).map((department) => ({ counterpart, department })),
      );
    });
  return { file, source: field('source'), split, text: text.replace(/\n$/, ''), expected };
}

/** The department without its place: 常州市民政局, 市民政局 → 民政局; 广西壮族自治区教育厅 → 教育厅. */
export function departmentKey(name: string): string {
  return withoutPlace(toHalfWidth(name).replace(/\s+/g, ''));
}

function pairKey(counterpart: string, department: string): string {
  return `${groupOf(counterpart) ?? toHalfWidth(counterpart)}|${departmentKey(department)}`;
}

export interface Score {
  truePositives: number;
  found: number;
  expected: number;
  precision: number;
  recall: number;
  f1: number;
}

export function score(found: readonly NoticePair[], expected: NoticeFixture['expected']): Score {
  const got = new Set(found.map((p) => pairKey(p.counterpart, p.department)));
  const want = new Set(expected.map((p) => pairKey(p.counterpart, p.department)));
  const truePositives = [...got].filter((k) => want.has(k)).length;
  return summarise(truePositives, got.size, want.size);
}

export function summarise(truePositives: number, found: number, expected: number): Score {
  const precision = found === 0 ? (expected === 0 ? 1 : 0) : truePositives / found;
  const recall = expected === 0 ? 1 : truePositives / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, found, expected, precision, recall, f1 };
}

/** Half-width ASCII punctuation, digits and letters to their full-width forms (the other width). */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
