/**
 * Recall and precision on real notices of other localities. The held-out fixtures were set aside before any
 * rule was written and tuned on never; the test fails when their pooled F1 is below 0.95, in either
 * punctuation width (each fixture is also read converted to full width and to half width).
 *
 * History, for honesty: the first blind run of the held-out half (02–20, even numbers) scored F1 0.922 — 04-ningde
 * lost its 与-lines (市经贸委与民建宁德市委、市工商联). Porting the previous parser's tests then added that layout,
 * so 02–20 are no longer blind for it. 21–23 were collected after that and read once: F1 0.833 (22-tianjin is
 * written in traditional characters, which the reader does not know; 21-changshu names a 政协 committee as an
 * 对口联系单位, which the reader does not take for a department).
 *
 * Third round (heldout-3, 2026-12-02): 11 further reports of other localities (fixtures/heldout-3/), collected
 * after every rule was written, expected pairs written before the reader was run on them, the reader left
 * unchanged, scored once. Blind pooled F1 0.686 in both widths (P 0.800, R 0.600: 12 of 15 pairs found right,
 * 20 expected), below the 0.95 target: issue 17 stays open on it. This group's assertion is therefore a
 * ratchet at the blind score (HELD_OUT_3_FLOOR), so that no change makes the reader worse on notices it was
 * never tuned on; the target is printed beside it, and a new blind round is needed before the target can be
 * claimed. Misses: 30–34 are mirrored in traditional characters with pinyin glosses spliced into words
 * (聯(lián)系), and nothing is read from them (7 pairs); 27-huzhou names the party only in its 主委's title beside
 * a department's 对口联系单位座谈会. False pairs: 市委 (28, from 市委、市政府对对口联系制度再次修订),
 * 省政府中心 (29, from 省委省政府中心工作) and the same department under its full name (24). The six simplified
 * reports alone score F1 0.857. The score keys departments without their place, so names read with a word
 * glued before the place (部门市水利局, 确定市发改委, 单位湖南省司法厅) count as right here.
 */
import { describe, expect, it } from 'vitest';
import { readNoticeText, toHalfWidth } from '../../../common/pairing-notice/index.js';
import { loadFixtures, type Score, score, summarise, toFullWidth } from './notice-fixtures.js';

const HELD_OUT_THRESHOLD = 0.95;
/** the blind score of heldout-3 (0.686): a floor against regression, not the target (see the header) */
const HELD_OUT_3_FLOOR = 0.68;
const fixtures = loadFixtures();
const heldOut3 = loadFixtures('heldout-3');
const widths = { full: toFullWidth, half: toHalfWidth } as const;

function pooled(scores: Score[]): Score {
  const sum = (k: 'truePositives' | 'found' | 'expected') => scores.reduce((n, s) => n + s[k], 0);
  return summarise(sum('truePositives'), sum('found'), sum('expected'));
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('reading notices of other localities', () => {
  it('has at least 20 fixtures, at least 8 of them held out', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(fixtures.filter((f) => f.split === 'held-out').length).toBeGreaterThanOrEqual(8);
    for (const f of fixtures) expect(f.expected.length, f.file).toBeGreaterThan(0);
  });

  for (const [width, convert] of Object.entries(widths)) {
    it(`scores every fixture in ${width}-width punctuation; held-out F1 >= ${HELD_OUT_THRESHOLD}`, () => {
      const bySplit: Record<'tuning' | 'held-out', Score[]> = { tuning: [], 'held-out': [] };
      const lines: string[] = [];
      for (const f of fixtures) {
        const s = score(readNoticeText(convert(f.text)).pairs, f.expected);
        bySplit[f.split].push(s);
        lines.push(
          `${f.split.padEnd(8)} ${f.file.padEnd(22)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  F1 ${pct(s.f1).padStart(6)}  (${s.truePositives}/${s.found} found, ${s.expected} expected)`,
        );
      }
      const tuning = pooled(bySplit.tuning);
      const heldOut = pooled(bySplit['held-out']);
      lines.push(
        `tuning   pooled F1 ${pct(tuning.f1)} (P ${pct(tuning.precision)}, R ${pct(tuning.recall)})`,
      );
      lines.push(
        `held-out pooled F1 ${pct(heldOut.f1)} (P ${pct(heldOut.precision)}, R ${pct(heldOut.recall)})`,
      );
      console.log(`[${width} width]\n${lines.join('\n')}`);
      expect(heldOut.f1).toBeGreaterThanOrEqual(HELD_OUT_THRESHOLD);
    });
  }
});

describe('third held-out round (heldout-3), blind', () => {
  it('has at least 10 fixtures, all held out, each with expected pairs', () => {
    expect(heldOut3.length).toBeGreaterThanOrEqual(10);
    for (const f of heldOut3) {
      expect(f.split, f.file).toBe('held-out');
      expect(f.expected.length, f.file).toBeGreaterThan(0);
    }
  });

  for (const [width, convert] of Object.entries(widths)) {
    it(`scores every heldout-3 fixture in ${width}-width punctuation; pooled F1 >= ${HELD_OUT_3_FLOOR} (target ${HELD_OUT_THRESHOLD}, not met)`, () => {
      const scores: Score[] = [];
      const lines: string[] = [];
      for (const f of heldOut3) {
        const s = score(readNoticeText(convert(f.text)).pairs, f.expected);
        scores.push(s);
        lines.push(
          `heldout-3 ${f.file.padEnd(24)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  F1 ${pct(s.f1).padStart(6)}  (${s.truePositives}/${s.found} found, ${s.expected} expected)`,
        );
      }
      const group = pooled(scores);
      lines.push(
        `heldout-3 pooled F1 ${pct(group.f1)} (P ${pct(group.precision)}, R ${pct(group.recall)}; ${group.truePositives}/${group.found} found, ${group.expected} expected)`,
      );
      lines.push(
        `heldout-3 target ${pct(HELD_OUT_THRESHOLD)}: ${group.f1 >= HELD_OUT_THRESHOLD ? 'met' : 'NOT met'}`,
      );
      console.log(`[heldout-3, ${width} width]\n${lines.join('\n')}`);
      expect(group.f1).toBeGreaterThanOrEqual(HELD_OUT_3_FLOOR);
    });
  }
});
