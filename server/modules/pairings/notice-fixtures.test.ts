/**
 * Recall and precision on real notices of other localities, per fixture and pooled, each fixture read as held
 * and converted to full-width and to half-width punctuation.
 *
 * The tuning set (fixtures/*.txt, 01–34) is every notice the reader has been read against. It grew in rounds,
 * each held out when collected and scored blind once, then used for tuning:
 * - round 1 (02–20, even numbers): blind F1 0.922 (04-ningde lost its 与-lines);
 * - round 2 (21–23): blind F1 0.833 (22-tianjin in traditional characters; 21-changshu names a 政协 committee);
 * - round 3 (24–34, collected as fixtures/heldout-3/, 2026-12-02): blind F1 0.686 in both widths (P 0.800,
 *   R 0.600): traditional characters with pinyin glosses spliced into words (30–34), a party named only beside
 *   its 主委 (27), false units such as 市委 and 省政府中心 (28, 29), one department under two names (24).
 *
 * The held-out round (fixtures/heldout-4/, 35–44, 2026-12-02) was collected after the reader's issue-17 changes
 * (traditional characters, what a department name looks like, clauses, a report's single counterpart, one
 * department under several names), its expected pairs committed before the reader was run on it, and scored once,
 * the reader left unchanged since: pooled F1 0.816 in both widths (P 0.769, R 0.870; 20 of 26 pairs found right,
 * 23 expected). That is below the 0.95 target, so the assertion is a floor just under it (HELD_OUT_FLOOR) and the
 * output says "target NOT met"; a new blind round is needed before the target can be claimed. What it missed:
 * false units — 市政府办 cut out of 市政府办公厅 (35), a party's own 农业农村工作委员会 (38), the coordinating
 * 市政府办公室 given to the report's only named counterpart (39), 省直厅 from 省直对口厅局 (44); one department
 * under three names not merged (文广新局 / 文化广电新闻出版局 / 文广局, 42); a 街道 listed as a 对口联系单位 (40);
 * 工商联 and 无党派人士 named beside the unnamed parties of a department's 对口联系活动 (43).
 */
import { describe, expect, it } from 'vitest';
import { readNoticeText, toHalfWidth } from '../../../common/pairing-notice/index.js';
import { loadFixtures, type Score, score, summarise, toFullWidth } from './notice-fixtures.js';

/** Every fixture the reader has been read against and tuned on keeps at least this pooled F1. */
const TUNING_FLOOR = 0.99;
/** The held-out round must reach this pooled F1 (issue 17). */
const HELD_OUT_TARGET = 0.95;
/**
 * What the held-out assertion enforces: just under heldout-4's blind score (0.816), which is below the target;
 * a ratchet so that no change makes the reader worse on notices it was never tuned on (see the header).
 */
const HELD_OUT_FLOOR = 0.81;
const tuning = loadFixtures();
const heldOut = loadFixtures('heldout-4');
const widths = { full: toFullWidth, half: toHalfWidth } as const;

function pooled(scores: Score[]): Score {
  const sum = (k: 'truePositives' | 'found' | 'expected') => scores.reduce((n, s) => n + s[k], 0);
  return summarise(sum('truePositives'), sum('found'), sum('expected'));
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function scoreLines(label: string, fixtures: typeof tuning, convert: (t: string) => string) {
  const scores: Score[] = [];
  const lines: string[] = [];
  for (const f of fixtures) {
    const s = score(readNoticeText(convert(f.text)).pairs, f.expected);
    scores.push(s);
    lines.push(
      `${label} ${f.file.padEnd(24)} P ${pct(s.precision).padStart(6)}  R ${pct(s.recall).padStart(6)}  F1 ${pct(s.f1).padStart(6)}  (${s.truePositives}/${s.found} found, ${s.expected} expected)`,
    );
  }
  const group = pooled(scores);
  lines.push(
    `${label} pooled F1 ${pct(group.f1)} (P ${pct(group.precision)}, R ${pct(group.recall)}; ${group.truePositives}/${group.found} found, ${group.expected} expected)`,
  );
  return { group, lines };
}

describe('reading notices of other localities: the tuning set', () => {
  it('has at least 30 fixtures, all marked tuning, each with expected pairs', () => {
    expect(tuning.length).toBeGreaterThanOrEqual(30);
    for (const f of tuning) {
      expect(f.split, f.file).toBe('tuning');
      expect(f.expected.length, f.file).toBeGreaterThan(0);
    }
  });

  for (const [width, convert] of Object.entries(widths)) {
    it(`scores every tuning fixture in ${width}-width punctuation; pooled F1 >= ${TUNING_FLOOR}`, () => {
      const { group, lines } = scoreLines('tuning', tuning, convert);
      console.log(`[tuning, ${width} width]\n${lines.join('\n')}`);
      expect(group.f1).toBeGreaterThanOrEqual(TUNING_FLOOR);
    });
  }
});

describe('reading notices of other localities: the held-out round (heldout-4), blind', () => {
  it('has at least 10 fixtures, all held out, each with expected pairs', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(10);
    for (const f of heldOut) {
      expect(f.split, f.file).toBe('held-out');
      expect(f.expected.length, f.file).toBeGreaterThan(0);
    }
  });

  for (const [width, convert] of Object.entries(widths)) {
    it(`scores every held-out fixture in ${width}-width punctuation; pooled F1 >= ${HELD_OUT_FLOOR} (target ${HELD_OUT_TARGET})`, () => {
      const { group, lines } = scoreLines('heldout-4', heldOut, convert);
      lines.push(
        `heldout-4 target F1 ${pct(HELD_OUT_TARGET)}: ${group.f1 >= HELD_OUT_TARGET ? 'met' : 'target NOT met'}`,
      );
      console.log(`[heldout-4, ${width} width]\n${lines.join('\n')}`);
      expect(group.f1).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
    });
  }
});
