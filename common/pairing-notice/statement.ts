/**
 * One statement of a notice (a sentence, a list line or a table row): which counterparts and departments
 * it names, whether it states a relation between them, and whether it is a bare list. The grammar is
 * small: names, connectors (与 和 同 及 、 ， ；), relation verbs (对口联系, 联系, 结对, 对接) in either
 * direction, scopes (主要, 直接, 普遍, 共同) that are never part of a name, and generic counterparts
 * (各民主党派…) that stand for every counterpart of the notice when the statement is a blanket one.
 */
import {
  type CounterpartMention,
  departmentsInProse,
  EVERY_COUNTERPART,
  FILLER,
  findCounterparts,
  findGenericCounterparts,
  hasPlace,
  isDepartmentName,
  LEVEL_START,
  PARTY_GROUPS,
  RELATION,
  SCOPE,
} from './vocabulary.js';

export interface Statement {
  /** offsets into the line's normalised text */
  start: number;
  end: number;
  counterparts: CounterpartMention[];
  /** department names as written (raw text) */
  departments: string[];
  /** a blanket statement about every counterpart of the notice (各民主党派…共同联系单位) */
  everyCounterpart: boolean;
  /** a blanket statement (共同 / 普遍联系) about several counterparts or all of them: shared units */
  blanket: boolean;
  /** names a group of counterparts without naming them (有关民主党派): a group heading */
  genericOnly: boolean;
  /** a relation verb, a colon, or a bare list line */
  relation: boolean;
  /** nothing but names, connectors, scopes and punctuation */
  list: boolean;
  /** ends in a colon: what follows (on later lines) belongs to it */
  opensList: boolean;
}

const SEPARATORS = /[、,;:()[\]{}"“”‘’|/\t\s]+/g;
/** 共同联系单位：区委办 — a label that names no counterpart stands for all of them. */
const SHARED_LABEL = /共同(?:对口)?联系(?:的)?(?:单位|部门)/;
const ALSO_KNOWN_AS = /(?:局|委|办|厅|中心)\([^()、,;:]{1,12}(?:局|委|办|厅|中心)\)/g;
const LEADING_FILLER = /^(?:与|和|同|及|以及|由|为|作为|即|主要|直接|普遍|共同|分别|重点|负责)+/;
const TRAILING_SCOPE = new RegExp(`(?:${SCOPE.source})+$`);
/**
 * Words that lead into a name and are never part of one: 对口联系单位市环保局, 确定市发改委, 新增省扶贫移民局,
 * 联合调研工作走访天津市司法局. One-character ones (如, 于, 即) only right before a level (如新增省…, not 如东县).
 */
const LEAD_IN = /单位|部门|确定|新增|增加|包括|明确|调整|其中|例如|走访|拜访|看望|前往|来到|深入|如|于|即/g;

/** Replace [start, end) ranges by a separator, keeping the length. */
function mask(norm: string, ranges: { start: number; end: number }[]): string {
  let out = norm;
  for (const r of ranges) out = out.slice(0, r.start) + '、'.repeat(r.end - r.start) + out.slice(r.end);
  return out;
}

/** Pieces between separators and relation verbs, with their offsets. */
function pieces(masked: string): { start: number; text: string }[] {
  // 区委办（区府办）: one office under two names stays one name; its brackets are no separators
  const cut = masked
    .replace(new RegExp(RELATION.source, 'g'), (m) => '、'.repeat(m.length))
    .replace(ALSO_KNOWN_AS, (m) => m.replace('(', '\u0001').replace(')', '\u0002'));
  const out: { start: number; text: string }[] = [];
  let start = 0;
  for (const m of cut.matchAll(SEPARATORS)) {
    if (m.index > start) out.push({ start, text: cut.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < cut.length) out.push({ start, text: cut.slice(start) });
  return out;
}

export function readStatement(raw: string, norm: string, start: number, end: number): Statement {
  const text = norm.slice(start, end);
  const rawText = raw.slice(start, end);
  const generic = findGenericCounterparts(text);
  let mentions = findCounterparts(text).filter(
    (m) => !generic.some((g) => m.start < g.end && g.start < m.end),
  );
  const everyCounterpart =
    (generic.length > 0 && EVERY_COUNTERPART.test(text) && !mentions.some((m) => isParty(m.group))) ||
    (SHARED_LABEL.test(text) && mentions.length === 0);
  if (!everyCounterpart) mentions = withoutGenericTail(text, generic, mentions);
  const masked = mask(text, [...generic, ...findCounterparts(text)]);

  /** alone: a name standing alone among other words, not in an enumeration (A、B) */
  const found: { name: string; alone: boolean }[] = [];
  let list = true;
  for (const piece of pieces(masked)) {
    const trimmed = trimPiece(piece.text);
    const offset = piece.start + trimmed.offset;
    if (trimmed.text === '' || FILLER.test(trimmed.text)) continue;
    const names = joinedNames(trimmed.text);
    if (names) {
      for (const n of names) {
        const [from, to] = [offset + n.start, offset + n.end];
        const enumerated = text[from - 1] === '、' || text[to] === '、';
        found.push({ name: rawText.slice(from, to), alone: !enumerated });
      }
      continue;
    }
    list = false;
    for (const n of departmentsInProse(trimmed.text))
      found.push({ name: rawText.slice(offset + n.start, offset + n.end), alone: false });
  }
  // in prose, a lone name without its place is part of some body (办公室(指挥中心)主任), not a unit; an
  // enumeration of names is a list even without places (6个对口联系单位(卫生局、教育局、环保局))
  const departments = found.filter((f) => list || !f.alone || hasPlace(f.name)).map((f) => f.name);
  const trimmedEnd = text.trimEnd();
  return {
    start,
    end,
    counterparts: lendSuffixes(mentions),
    departments,
    everyCounterpart,
    blanket: EVERY_COUNTERPART.test(text) && (everyCounterpart || mentions.length >= 2),
    genericOnly: generic.length > 0 && !everyCounterpart,
    relation: RELATION.test(text) || text.includes(':') || list,
    list,
    opensList: trimmedEnd.endsWith(':'),
  };
}

/**
 * 各民主党派市委、市工商联和无党派人士 is one generic phrase: 工商联, 无党派人士 and 知联会 enumerated right
 * after a generic head (only 、 和 及 与 between) belong to it and name no particular counterpart.
 */
function withoutGenericTail(
  text: string,
  generic: { start: number; end: number }[],
  mentions: CounterpartMention[],
): CounterpartMention[] {
  if (generic.length === 0) return mentions;
  const ends = generic.map((g) => g.end);
  return mentions.filter((m) => {
    const follows = ends.some((end) => end <= m.start && /^[、,和及与\s]*$/.test(text.slice(end, m.start)));
    if (!follows || isParty(m.group)) return true;
    ends.push(m.end);
    return false;
  });
}

function isParty(group: string): boolean {
  return (PARTY_GROUPS as readonly string[]).includes(group);
}

/**
 * A piece that is department names only: 区住房与城乡建设局 (one name: 与 inside it), 区教育局与区科技局
 * (two: every part is a name), 市经贸委与 (a name and the connector to what follows). Null for prose.
 */
function joinedNames(text: string): { start: number; end: number }[] | null {
  const body = text.replace(/[与和同及]$/, '');
  if (!isDepartmentName(body)) return null;
  const parts: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of body.matchAll(/[与和及]/g)) {
    parts.push({ start, end: m.index });
    start = m.index + 1;
  }
  parts.push({ start, end: body.length });
  const split = parts.length > 1 && parts.every((p) => isDepartmentName(body.slice(p.start, p.end)));
  return split ? parts : [{ start: 0, end: body.length }];
}

/** 财政局等部门 → 财政局; 市台湾事务办公室主要 → 市台湾事务办公室; 与市教育局 → 市教育局. */
function trimPiece(text: string): { text: string; offset: number } {
  let t = text;
  const etc = t.indexOf('等');
  if (etc > 0) t = t.slice(0, etc);
  let lead = LEADING_FILLER.exec(t)?.[0].length ?? 0;
  for (const m of t.matchAll(LEAD_IN)) {
    const rest = t.slice(m.index + m[0].length).replace(TRAILING_SCOPE, '');
    const short = m[0].length === 1;
    if (isDepartmentName(rest) && hasPlace(rest) && (!short || LEVEL_START.test(rest)))
      lead = Math.max(lead, m.index + m[0].length);
  }
  t = t.slice(lead).replace(TRAILING_SCOPE, '');
  return { text: t, offset: lead };
}

/** 民革、致公党市委 → the bare 民革 borrows 市委 from the next party written with a level. */
function lendSuffixes(mentions: CounterpartMention[]): CounterpartMention[] {
  return mentions.map((m, i) => {
    if (m.suffixed || !isParty(m.group)) return m;
    const donor = mentions.slice(i + 1).find((d) => d.suffixed && isParty(d.group));
    const suffix = donor ? /(?:[省市县区]委会?|支部|总支|委员会)$/.exec(donor.text)?.[0] : undefined;
    return suffix ? { ...m, text: m.text + suffix } : m;
  });
}
