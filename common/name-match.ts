/**
 * Matching a written organisation name (from an imported list) to the known organisations. Chinese
 * official names are abbreviated by dropping characters while keeping their order (区发改局 for
 * 区发展和改革局, 区人力社保局 for 区人力资源和社会保障局), so the main signal is how much of the shorter
 * name appears, in order, in the longer one; bigram overlap breaks near-ties between similar departments
 * (区统计局 / 区审计局). Pure: used by the server and the browser.
 */
import { groupOf, toHalfWidth } from './pairing-notice/vocabulary.js';

export interface OrganisationCandidate {
  id: number;
  name: string;
  shortName: string | null;
  aliases: string[];
}

export interface OrganisationMatch {
  id: number;
  /** the candidate's full name */
  name: string;
  /** 1 when exact, else in (FUZZY_THRESHOLD, 1) */
  score: number;
  exact: boolean;
}

/** Fuzzy matches must score above this to be suggested at all. */
export const FUZZY_THRESHOLD = 0.5;

/** Width-insensitive, whitespace-free, lower-case form used for every comparison. */
export function normaliseName(name: string): string {
  return toHalfWidth(name).replace(/\s+/g, '').toLowerCase();
}

/**
 * The candidate whose name, short name or an alias equals `name` (after normalising), else the best fuzzy
 * candidate scoring above FUZZY_THRESHOLD, else null. Ties go to the earlier candidate.
 */
export function closestOrganisation(
  name: string,
  candidates: readonly OrganisationCandidate[],
): OrganisationMatch | null {
  const query = normaliseName(name);
  if (query === '') return null;
  let best: OrganisationMatch | null = null;
  for (const candidate of candidates) {
    const forms = [candidate.name, candidate.shortName ?? '', ...candidate.aliases]
      .map(normaliseName)
      .filter((form) => form !== '');
    if (forms.includes(query)) return { id: candidate.id, name: candidate.name, score: 1, exact: true };
    const score = Math.max(0, ...forms.map((form) => nameSimilarity(query, form)));
    if (score > FUZZY_THRESHOLD && (best === null || score > best.score)) {
      best = { id: candidate.id, name: candidate.name, score, exact: false };
    }
  }
  return best;
}

/**
 * Similarity in [0, 1] of two normalised names: 1 only when equal. Counterparts of different parties
 * (民建… vs 民盟…) never match, however alike the rest of their names is.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a === '' || b === '') return 0;
  const groupA = groupOf(a);
  const groupB = groupOf(b);
  if (groupA !== null && groupB !== null && groupA !== groupB) return 0;
  const x = Array.from(a);
  const y = Array.from(b);
  const common = lcsLength(x, y);
  const coverage = common / Math.min(x.length, y.length); // the abbreviation is found in order
  const completeness = common / Math.max(x.length, y.length); // … and stands for much of the full name
  const inOrder = coverage ** 2 * (0.5 + 0.5 * completeness);
  const score = 0.7 * inOrder + 0.3 * bigramDice(x, y);
  return Math.min(score, 0.999); // 1 is reserved for equal names
}

/** Length of the longest common subsequence (characters in the same order, gaps allowed). */
function lcsLength(x: string[], y: string[]): number {
  let previous = new Array<number>(y.length + 1).fill(0);
  for (const cx of x) {
    const current = [0];
    for (let j = 0; j < y.length; j++) {
      current.push(
        cx === y[j] ? (previous[j] as number) + 1 : Math.max(previous[j + 1] as number, current[j] as number),
      );
    }
    previous = current;
  }
  return previous[y.length] as number;
}

/** Sørensen–Dice coefficient over character bigrams (multiset). */
function bigramDice(x: string[], y: string[]): number {
  const bigrams = (chars: string[]) => chars.slice(1).map((c, i) => `${chars[i]}${c}`);
  const bx = bigrams(x);
  const by = bigrams(y);
  if (bx.length === 0 || by.length === 0) return 0;
  const remaining = new Map<string, number>();
  for (const g of by) remaining.set(g, (remaining.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of bx) {
    const n = remaining.get(g) ?? 0;
    if (n > 0) {
      shared++;
      remaining.set(g, n - 1);
    }
  }
  return (2 * shared) / (bx.length + by.length);
}
