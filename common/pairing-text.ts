/**
 * Parser for a pasted or spreadsheet 对口联系名单 (the list pairing government departments with the
 * democratic parties, 工商联 and 无党派人士). Pure: no Node or browser APIs, so the server and the web
 * app run the very same parse.
 *
 * Names come back as written (trimmed, without surrounding quotes/brackets or trailing punctuation); mapping
 * them to organisations is the caller's job (see name-match.ts). The parse never guesses silently: a line
 * that is neither ignorable furniture (headings, titles, notes, dates, signatures, table headers) nor a
 * readable pairing is an error naming its line, and the caller refuses the whole import.
 */

// ------------------------------------------------------------------------------------------- result types

export interface PairingParseResult {
  /** merged by counterpart name, in order of first appearance; departments de-duplicated, in order */
  pairs: { counterpart: string; departments: string[] }[];
  /** 共同联系单位: departments that liaise with every counterpart listed in `counterparts`
   *  (empty counterparts array = with every counterpart of the list); null when the text has none */
  sharedUnits: { counterparts: string[]; departments: string[] } | null;
  /** the import may go ahead */
  warnings: ParseIssue[];
  /** the import must be refused; each names the line */
  errors: ParseIssue[];
}

export interface ParseIssue {
  /** 1-based line of the input (row number for spreadsheets); 0 when the issue concerns the input as a whole */
  line: number;
  code: ParseIssueCode;
  /** the offending source line, or the offending name for name-level issues (DUPLICATE_*, UNUSUAL_*) */
  text: string;
}

export type ParseIssueCode =
  /** error: nothing to import — no pair at all (blank, or only headings, titles and notes). `line` is 0. */
  | 'EMPTY_INPUT'
  /** error: the line is not ignorable and is no pairing we can read: neither side names a counterpart,
   *  or its shape (several colons, stray words) is unknown. */
  | 'UNREADABLE_LINE'
  /** error: the line's sides cannot be told apart: one side mixes counterparts and departments, or
   *  both sides name counterparts. */
  | 'AMBIGUOUS_SIDE'
  /** error: a counterpart (or a 共同联系单位 line) without any department, not even on following lines. */
  | 'NO_DEPARTMENTS'
  /** error: department names with no counterpart, not continuing a list of the line before. */
  | 'NO_COUNTERPART'
  /** error: two 共同联系单位 lines that name different sets of counterparts. */
  | 'CONFLICTING_SHARED_UNITS'
  /** warning: the same counterpart–department pair is listed again (kept once). `text` is the department. */
  | 'DUPLICATE_PAIR'
  /** warning: a shared unit is listed again (kept once). `text` is the department. */
  | 'DUPLICATE_SHARED_UNIT'
  /** warning: a department name that does not end like one (局, 委, 办, 中心, …); check it. `text` is the name. */
  | 'UNUSUAL_DEPARTMENT_NAME'
  /** warning: a pasted whole document had several 附件 sections; only the pairing list was read and this
   *  section (starting at `line`) was skipped. */
  | 'SKIPPED_SECTION';

/** Messages for each code; the line number and text are shown beside them by the caller. */
export const PARSE_ISSUE_MESSAGES: Record<ParseIssueCode, { zh: string; en: string }> = {
  EMPTY_INPUT: { zh: '没有可导入的对口联系', en: 'Nothing to import: no pairs were found' },
  UNREADABLE_LINE: { zh: '无法识别此行', en: 'This line could not be read' },
  AMBIGUOUS_SIDE: {
    zh: '无法区分联系对象和政府部门',
    en: 'Cannot tell the counterparts from the departments on this line',
  },
  NO_DEPARTMENTS: { zh: '未列出对口联系部门', en: 'No departments are listed' },
  NO_COUNTERPART: { zh: '部门未对应任何联系对象', en: 'These departments have no counterpart' },
  CONFLICTING_SHARED_UNITS: {
    zh: '共同联系单位对应的联系对象不一致',
    en: 'Shared units are given for different sets of counterparts',
  },
  DUPLICATE_PAIR: { zh: '重复的对口联系，已忽略', en: 'Duplicate pair, ignored' },
  DUPLICATE_SHARED_UNIT: { zh: '重复的共同联系单位，已忽略', en: 'Duplicate shared unit, ignored' },
  UNUSUAL_DEPARTMENT_NAME: { zh: '部门名称不常见，请核对', en: 'Unusual department name, please check' },
  SKIPPED_SECTION: {
    zh: '此部分不是对口联系名单，已跳过',
    en: 'This section is not the pairing list and was skipped',
  },
};

// ------------------------------------------------------------------------------------------ spans of text

/**
 * Source text with its width-normalised twin. Full-width forms map one-to-one onto half-width ones, so
 * both strings have the same length: we match patterns on `norm` and slice names out of `raw`.
 */
interface Span {
  readonly raw: string;
  readonly norm: string;
}

const EMPTY_SPAN: Span = { raw: '', norm: '' };

/** Full-width ASCII to half-width, odd spaces to ' '. Length-preserving by design (see Span). */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\u2002-\u200b\ufeff]/g, ' ')
    .replace(/\ufe51/g, '、');
}

function spanOf(raw: string): Span {
  return { raw, norm: toHalfWidth(raw) };
}

function slice(s: Span, start: number, end = s.norm.length): Span {
  return { raw: s.raw.slice(start, end), norm: s.norm.slice(start, end) };
}

function joinSpans(parts: Span[], separator = ''): Span {
  return { raw: parts.map((p) => p.raw).join(separator), norm: parts.map((p) => p.norm).join(separator) };
}

function trim(s: Span): Span {
  const start = s.norm.search(/\S/);
  return start < 0 ? EMPTY_SPAN : slice(s, start, s.norm.trimEnd().length);
}

/** Split at every match of `separator` (a global regex), keeping the non-empty trimmed pieces. */
function splitSpan(s: Span, separator: RegExp): Span[] {
  const pieces: Span[] = [];
  let start = 0;
  for (const m of s.norm.matchAll(separator)) {
    pieces.push(trim(slice(s, start, m.index)));
    start = m.index + m[0].length;
  }
  pieces.push(trim(slice(s, start)));
  return pieces.filter((p) => p.norm !== '');
}

// ------------------------------------------------------------------------------------------------ names

const CLOSER_OF: Record<string, string> = {
  '(': ')',
  '[': ']',
  '{': '}',
  '【': '】',
  '《': '》',
  '〈': '〉',
  '「': '」',
  '『': '』',
  '“': '”',
  '‘': '’',
  '〔': '〕',
  '"': '"',
  "'": "'",
};
/** Brackets whose opener differs from the closer, so nesting depth can be tracked. */
const NESTING_OPENERS = new Set(Object.keys(CLOSER_OF).filter((o) => o !== CLOSER_OF[o]));
const NESTING_CLOSERS = new Set([...NESTING_OPENERS].map((o) => CLOSER_OF[o]));

/** Between names. Deliberately not 和/及/与: they occur inside names (区自然资源和规划分局). */
const NAME_SEPARATOR = /[、,;/|。\s]/;
const TRAILING_PUNCTUATION = /[。.,、;:!?…\s]+$/;
/** 区公安分局、区司法局等 / …等部门: the list's closing 等 is no part of the last name. */
const TRAILING_ETC = /.(等(?:部门|单位)?)$/;

/** A list of names: split at separators outside brackets, each cleaned, empties dropped. */
function splitNames(s: Span): Span[] {
  const names: Span[] = [];
  const push = (piece: Span) => {
    const name = cleanName(piece);
    if (name.norm !== '') names.push(name);
  };
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.norm.length; i++) {
    const ch = s.norm[i] as string;
    if (NESTING_OPENERS.has(ch)) depth++;
    else if (NESTING_CLOSERS.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && NAME_SEPARATOR.test(ch)) {
      push(slice(s, start, i));
      start = i + 1;
    }
  }
  push(slice(s, start));
  return names;
}

/** Trim, drop trailing punctuation and surrounding or unbalanced edge quotes/brackets, until stable. */
function cleanName(s: Span): Span {
  let current = trim(s);
  for (;;) {
    const next = trim(stripEdgeBrackets(stripTrailingEtc(stripTrailingPunctuation(current))));
    if (next.norm === current.norm) return current;
    current = next;
  }
}

function stripTrailingPunctuation(s: Span): Span {
  const m = TRAILING_PUNCTUATION.exec(s.norm);
  return m ? slice(s, 0, m.index) : s;
}

function stripTrailingEtc(s: Span): Span {
  const m = TRAILING_ETC.exec(s.norm);
  return m ? slice(s, 0, s.norm.length - (m[1] as string).length) : s;
}

function stripEdgeBrackets(s: Span): Span {
  const n = s.norm;
  const first = n[0];
  const last = n[n.length - 1];
  if (first === undefined || last === undefined) return s;
  const closer = CLOSER_OF[first];
  if (closer !== undefined && enclosesWhole(n)) return slice(s, 1, n.length - 1); // “民革” → 民革
  if (closer !== undefined && !n.includes(closer, 1)) return slice(s, 1); // unbalanced opener
  const opener = Object.keys(CLOSER_OF).find((o) => CLOSER_OF[o] === last);
  if (opener !== undefined && !n.slice(0, -1).includes(opener)) return slice(s, 0, -1); // unbalanced closer
  return s;
}

/** The bracket opened at the first character closes at the last one: "(a)" yes, "(a)(b)" no. */
function enclosesWhole(n: string): boolean {
  const open = n[0] as string;
  const close = CLOSER_OF[open] as string;
  if (n.length < 2 || n[n.length - 1] !== close) return false;
  if (open === close) return !n.slice(1, -1).includes(open);
  let depth = 0;
  for (let i = 0; i < n.length; i++) {
    if (n[i] === open) depth++;
    else if (n[i] === close && --depth === 0) return i === n.length - 1;
  }
  return false;
}

// ---------------------------------------------------------------------------------------- classification

/** Short names of the eight democratic parties; a bare one may borrow a suffix (民革、致公党市委). */
export const PARTY_SHORT_NAMES = [
  '民革',
  '民盟',
  '民建',
  '民进',
  '农工党',
  '致公党',
  '九三学社',
  '台盟',
] as const;

/**
 * Beginnings that make a name a counterpart, each with the group it names (full party names map to their
 * short name). 侨联 is deliberately absent: it is not a counterpart.
 */
const COUNTERPART_MARKERS: ReadonlyMap<string, string> = new Map([
  ...PARTY_SHORT_NAMES.map((short): [string, string] => [short, short]),
  ['中国国民党革命委员会', '民革'],
  ['中国民主同盟', '民盟'],
  ['中国民主建国会', '民建'],
  ['中国民主促进会', '民进'],
  ['中国农工民主党', '农工党'],
  ['农工民主党', '农工党'],
  ['中国致公党', '致公党'],
  ['台湾民主自治同盟', '台盟'],
  ['工商联', '工商联'],
  ['工商业联合会', '工商联'],
  ['无党派', '无党派人士'],
  ['知联会', '知联会'],
  ['知识分子联谊会', '知联会'],
  ['党外知识分子联谊会', '知联会'],
]);
/** Characters ending a place prefix, as in 区工商联, 宁德市工商联, 宁波市奉化区民建. */
const PLACE_LEVEL = /[省市区县州旗]/;
/** Endings no counterpart has; guards against departments such as 区农民建房办 (民建 inside). */
const NEVER_COUNTERPART_ENDING = /(?:局|办|中心|院|署|厅|所|站|队|处|科|馆|公司)$/;
const DEPARTMENT_ENDING =
  /(?:局|委|办|中心|院|署|厅|部|委员会|室|所|站|队|处|科|司|馆|政府|街道|镇|乡|会|联|协|公司|集团|银行|学校)$/;

/**
 * The counterpart group a name belongs to (民革 … 台盟, 工商联, 无党派人士, 知联会), judged by how it starts
 * after an optional place prefix (区工商联, 宁波市奉化区民建…); null for departments and other names.
 */
export function counterpartGroup(name: string): string | null {
  const n = toHalfWidth(name).trim();
  if (NEVER_COUNTERPART_ENDING.test(n)) return null;
  for (let k = 0; k <= Math.min(n.length, 12); k++) {
    if (k > 0 && !PLACE_LEVEL.test(n[k - 1] as string)) continue;
    for (const [marker, group] of COUNTERPART_MARKERS) if (n.startsWith(marker, k)) return group;
  }
  return null;
}

function isCounterpart(s: Span): boolean {
  return counterpartGroup(s.norm) !== null;
}

/** Ends like a department, ignoring a trailing note in brackets: 区委办（区府办）. */
function isDepartmentLike(s: Span): boolean {
  return !isCounterpart(s) && DEPARTMENT_ENDING.test(s.norm.replace(/\([^()]*\)$/, ''));
}

/** Any counterpart marker anywhere, even where the name as a whole is not a counterpart. */
function mentionsCounterpart(s: Span): boolean {
  return [...COUNTERPART_MARKERS.keys()].some((m) => s.norm.includes(m));
}

// ---------------------------------------------------------------------------------------- ignorable lines

const IGNORABLE_PATTERNS: RegExp[] = [
  /^附件/, // attachment headings, and the notice's own list of attachments
  /^(?:注|备注|说明)\s*\d*\s*:/, // notes
  /^(?:抄送|主送|抄报|联系人|联系电话|电话|传真|印发|签发|主题词)\s*:/, // document furniture
  /[〔[]\s*\d{4}\s*[〕\]]\s*\d+\s*号/, // document number: 奉政发〔2019〕47号
  /^[-—–\s]*\d{1,3}[-—–\s]*$/, // page numbers
];
const DATE = /\d{4}\s*年\s*\d{1,2}\s*月|(?<!\d)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)/;
const TITLE_ENDING = /(?:名册|一览表|安排表|对照表|登记表|报告表|统计表)(?:\(.*\))?$/;
const SIGNATURE_ENDING = /(?:人民政府|统战部|统一战线工作部)$/;
const HEADER_WORDS = new Set([
  '序号',
  '编号',
  '联系对象',
  '对口联系对象',
  '对象',
  '民主党派',
  '各民主党派',
  '党派',
  '党派团体',
  '党派名称',
  '政府部门',
  '区政府部门',
  '市政府部门',
  '县政府部门',
  '部门',
  '部门名称',
  '单位',
  '单位名称',
  '名称',
  '对口部门',
  '对口单位',
  '对口联系部门',
  '对口联系单位',
  '联系部门',
  '联系单位',
  '备注',
  '工商联和无党派人士',
]);
/** Counterpart words that may stand in a header row beside the header words (民主党派、工商联 | 对口部门). */
const HEADER_COMPANIONS = new Set(['工商联', '无党派人士', '知联会']);

/** Headings, titles, notes, dates, signatures and table headers: skipped, never errors. */
function isIgnorable(norm: string): boolean {
  if (IGNORABLE_PATTERNS.some((p) => p.test(norm))) return true;
  if (norm.includes(':')) return false;
  return DATE.test(norm) || isTitle(norm) || isSignature(norm) || isHeaderRow(norm);
}

function isTitle(norm: string): boolean {
  return norm.includes('名单') || TITLE_ENDING.test(norm);
}

function isSignature(norm: string): boolean {
  return !/[、,;\s]/.test(norm) && SIGNATURE_ENDING.test(norm);
}

function isHeaderRow(norm: string): boolean {
  const words = splitNames(spanOf(norm)).map((w) => w.norm);
  return (
    words.some((w) => HEADER_WORDS.has(w)) &&
    words.every((w) => HEADER_WORDS.has(w) || HEADER_COMPANIONS.has(w))
  );
}

/** 1.  1、  1．  (1)  （1）  一、  （一）  ①  or a bare number cell before a tab. */
const NUMBERING =
  /^(?:\d{1,3}\s*[.、)](?!\d)|\(\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*\)|[一二三四五六七八九十]{1,3}\s*[、.]|[\u2460-\u24ff\u2776-\u2793]|\d{1,3}(?=\s))\s*/;

function stripNumbering(s: Span): Span {
  const m = NUMBERING.exec(s.norm);
  return m ? trim(slice(s, m[0].length)) : s;
}

// --------------------------------------------------------------------------------------- one statement

/** What one statement (a line, or part of one) says. */
type Statement =
  | { kind: 'pair'; counterparts: string[]; departments: Span[]; departmentsLast: boolean }
  | { kind: 'shared'; counterparts: string[]; departments: Span[] }
  /** names without any counterpart: may continue the department list of the line before */
  | { kind: 'list'; names: Span[] }
  | { kind: 'issue'; code: ParseIssueCode };

const issue = (code: ParseIssueCode): Statement => ({ kind: 'issue', code });

const SHARED_KEYWORD = /共同(?:对口)?联系(?:的)?(?:单位|部门)?/;
/** 区教育局对口联系民盟 / 区教育局联系民盟: department(s), verb, counterpart(s). */
const VERB = /(?:负责)?(?:对口)?(?:联系|结对)/g;
const HAS_VERB = /联系|结对/;
/** 区教育局与民盟对口联系: the verb closes the sentence. */
const TRAILING_VERB = /(?:建立)?(?:对口)?(?:联系|结对)(?:关系|工作)?$/;
/** 民革奉化区委会对口联系部门：… — a label after the counterpart, before the colon. */
const SIDE_LABEL = /(?:的)?(?:对口联系|对口|联系)(?:的)?(?:部门|单位)?$/;
/** 各民主党派、工商联和无党派人士共同联系单位 — shared with every counterpart of the list. */
const EVERY_COUNTERPART = /各|所有|全部|民主党派/;

/** A line may hold several statements: sentences ending in 。, or 民革：…；民盟：… */
function splitStatements(s: Span): Span[] {
  return splitSpan(s, /。/g).flatMap(splitAtColons);
}

/** 民革：A、B；民盟：C → [民革：A、B] [民盟：C], cutting at the last separator before each later colon. */
function splitAtColons(s: Span): Span[] {
  const colons = [...s.norm.matchAll(/:/g)].map((m) => m.index);
  const pieces: Span[] = [];
  let start = 0;
  for (let i = 1; i < colons.length; i++) {
    const from = (colons[i - 1] as number) + 1;
    const cut = lastIndexOfSeparator(s.norm.slice(from, colons[i]));
    if (cut < 0) return [s]; // no way to cut: reported as unreadable
    pieces.push(trim(slice(s, start, from + cut)));
    start = from + cut + 1;
  }
  pieces.push(trim(slice(s, start)));
  return pieces;
}

function lastIndexOfSeparator(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (/[;,、\s]/.test(text[i] as string)) return i;
  return -1;
}

function parseStatement(piece: Span): Statement {
  const s = trim(stripTrailingPunctuation(piece));
  if (SHARED_KEYWORD.test(s.norm)) return parseSharedSentence(s);
  const colons = [...s.norm.matchAll(/:/g)].length;
  if (colons > 1) return issue('UNREADABLE_LINE');
  if (colons === 1) return parseColonLine(s);
  return parseSentence(s) ?? parseSequence(s);
}

/** 民革奉化区委会：区公安分局、区司法局 (or, rarely, department first). */
function parseColonLine(s: Span): Statement {
  const colon = s.norm.indexOf(':');
  const left = splitNames(stripSideLabel(slice(s, 0, colon)));
  if (left.length === 0) return issue('UNREADABLE_LINE');
  return pairFromSides(left, splitNames(slice(s, colon + 1)));
}

function stripSideLabel(s: Span): Span {
  const side = cleanName(s);
  const m = SIDE_LABEL.exec(side.norm);
  if (!m || m.index === 0) return side;
  const rest = slice(side, 0, m.index);
  return isCounterpart(rest) ? rest : side;
}

/**
 * Department-first (or counterpart-first) sentences joined by a verb (联系, 对口联系) or a connector
 * (与; 和/同 only when the sentence ends in 对口联系, since 和 is common inside department names). Every
 * possible cut is tried and the one whose sides classify cleanly wins. Null when the line is no sentence.
 */
function parseSentence(s: Span): Statement | null {
  const trailing = TRAILING_VERB.exec(s.norm);
  const body = trailing && trailing.index > 0 ? slice(s, 0, trailing.index) : s;
  const verbAtEnd = body !== s;
  const hasVerb = verbAtEnd || HAS_VERB.test(body.norm);
  const best = bestCut(body, verbAtEnd);
  if (best.kind === 'pair') return best;
  if (!hasVerb) return null; // not a sentence: 与 may belong to a name; let the sequence parser try
  if (verbAtEnd) {
    const sequence = parseSequence(body); // 区教育局、民盟奉化支部对口联系
    if (sequence.kind === 'pair') return sequence;
  }
  return best;
}

interface Cut {
  at: number;
  length: number;
  /** verb over 与 over 和/同 */
  priority: number;
}

function cutsOf(body: Span, verbAtEnd: boolean): Cut[] {
  const cuts: Cut[] = [...body.norm.matchAll(VERB)].map((m) => ({
    at: m.index,
    length: m[0].length,
    priority: 3,
  }));
  for (const m of body.norm.matchAll(/[与和同]/g)) {
    const priority = m[0] === '与' ? 2 : 1;
    if (priority === 2 || verbAtEnd) cuts.push({ at: m.index, length: 1, priority });
  }
  return cuts;
}

function bestCut(body: Span, verbAtEnd: boolean): Statement {
  let best: { statement: Statement; rank: number[] } | null = null;
  let firstFailure: Statement | null = null;
  for (const cut of cutsOf(body, verbAtEnd)) {
    const left = splitNames(slice(body, 0, cut.at));
    const right = splitNames(slice(body, cut.at + cut.length));
    if (left.length === 0 || right.length === 0) continue;
    const statement = pairFromSides(left, right);
    if (statement.kind !== 'pair') {
      firstFailure ??= statement;
      continue;
    }
    const rank = [cut.priority, ...departmentQuality(statement.departments)];
    if (!best || compareRanks(rank, best.rank) > 0) best = { statement, rank };
  }
  return best?.statement ?? firstFailure ?? issue('UNREADABLE_LINE');
}

/** [all department-like?, department-like minus unusual names]: prefers cuts that yield real departments. */
function departmentQuality(departments: Span[]): number[] {
  const good = departments.filter(isDepartmentLike).length;
  return [good === departments.length ? 1 : 0, 2 * good - departments.length];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/**
 * Names in a row without colon or verb, as pasted from a table (民革奉化区委会⇥区公安分局 区司法局): the
 * counterparts form one run and the departments the other. Only non-counterparts: a bare list.
 */
function parseSequence(s: Span): Statement {
  const names = splitNames(s);
  const counterpart = names.map(isCounterpart);
  if (!counterpart.some(Boolean)) return names.length ? { kind: 'list', names } : issue('UNREADABLE_LINE');
  const boundary = counterpart.findIndex((c, i) => i > 0 && c !== counterpart[i - 1]);
  if (boundary < 0) return pairFromSides(names, []); // counterparts only: departments may follow
  return pairFromSides(names.slice(0, boundary), names.slice(boundary));
}

/**
 * Decide which side holds the counterparts: all names of one side must be counterparts and none of the
 * other. Names of the department side need not look like departments (those get a warning later).
 */
function pairFromSides(left: Span[], right: Span[]): Statement {
  const leftCount = left.filter(isCounterpart).length;
  const rightCount = right.filter(isCounterpart).length;
  if (left.length > 0 && leftCount === left.length && rightCount === 0)
    return {
      kind: 'pair',
      counterparts: expandCounterparts(left),
      departments: expandDepartments(right),
      departmentsLast: true,
    };
  if (right.length > 0 && rightCount === right.length && leftCount === 0)
    return {
      kind: 'pair',
      counterparts: expandCounterparts(right),
      departments: expandDepartments(left),
      departmentsLast: false,
    };
  return issue(leftCount + rightCount === 0 ? 'UNREADABLE_LINE' : 'AMBIGUOUS_SIDE');
}

/** 共同联系单位：区委办、区府办 / 各民主党派…共同联系单位：区统计局 / 民革、民盟共同联系单位：… */
function parseSharedSentence(s: Span): Statement {
  const m = SHARED_KEYWORD.exec(s.norm) as RegExpExecArray;
  const after = trim(slice(s, m.index + m[0].length));
  if (after.norm !== '' && !after.norm.startsWith(':')) return issue('UNREADABLE_LINE');
  return sharedFromParts(slice(s, 0, m.index), slice(after, after.norm.startsWith(':') ? 1 : 0));
}

function sharedFromParts(prefix: Span, departmentText: Span): Statement {
  const who = trim(slice(prefix, 0, prefix.norm.replace(/(?:的|之间)\s*$/, '').length));
  const departments = expandDepartments(splitNames(departmentText));
  if (departments.some(isCounterpart)) return issue('AMBIGUOUS_SIDE');
  if (who.norm === '' || EVERY_COUNTERPART.test(who.norm))
    return { kind: 'shared', counterparts: [], departments };
  const names = splitNames(who);
  const counterparts = names.filter(isCounterpart).length;
  if (counterparts === names.length)
    return { kind: 'shared', counterparts: expandCounterparts(names), departments };
  return issue(counterparts === 0 ? 'UNREADABLE_LINE' : 'AMBIGUOUS_SIDE');
}

/** Split 民盟和民建 (only when every piece is a counterpart), then lend suffixes: 民革、致公党市委. */
function expandCounterparts(names: Span[]): string[] {
  const pieces = names.flatMap((name) => {
    const parts = splitSpan(name, /[和及与]/g).map(cleanName);
    return parts.length > 1 && parts.every(isCounterpart) ? parts : [name];
  });
  return pieces.map((piece, i) => {
    if (!(PARTY_SHORT_NAMES as readonly string[]).includes(piece.norm)) return piece.raw;
    const donor = pieces
      .slice(i + 1)
      .map(partySuffix)
      .find((suffix) => suffix !== null);
    return piece.raw + (donor ?? '');
  });
}

/**
 * 区教育局与区科技局 → two departments, but only when every piece ends like a department: 与 also occurs
 * inside names (区住房与城乡建设局 stays whole). 和 and 及 are never split on this side.
 */
function expandDepartments(names: Span[]): Span[] {
  return names.flatMap((name) => {
    const parts = splitSpan(name, /与/g).map(cleanName);
    return parts.length > 1 && parts.every(isDepartmentLike) ? parts : [name];
  });
}

/** 致公党市委 → 市委; null for a bare short name or a non-party name. */
function partySuffix(s: Span): string | null {
  const party = PARTY_SHORT_NAMES.find((p) => s.norm.startsWith(p));
  return party && s.norm.length > party.length ? s.raw.slice(party.length) : null;
}

// ------------------------------------------------------------------------------------------ accumulating

interface Entry {
  line: number;
  text: string;
  counterparts: string[];
  departments: { name: Span; line: number }[];
}

interface Accumulator {
  pairs: Entry[];
  shared: Entry | null;
  /** the entry whose department list a following department-only line continues */
  open: Entry | null;
  errors: ParseIssue[];
  warnings: ParseIssue[];
}

function newAccumulator(warnings: ParseIssue[] = []): Accumulator {
  return { pairs: [], shared: null, open: null, errors: [], warnings };
}

function apply(acc: Accumulator, statement: Statement, line: number, text: string): void {
  switch (statement.kind) {
    case 'issue':
      acc.errors.push({ line, code: statement.code, text });
      acc.open = null;
      return;
    case 'pair': {
      const entry: Entry = { line, text, counterparts: statement.counterparts, departments: [] };
      addDepartments(acc, entry, statement.departments, line);
      acc.pairs.push(entry);
      acc.open = statement.departmentsLast ? entry : null;
      return;
    }
    case 'shared':
      applyShared(acc, statement, line, text);
      return;
    case 'list':
      continueList(acc, statement.names, line, text);
      return;
  }
}

function addDepartments(acc: Accumulator, entry: Entry, names: Span[], line: number): void {
  for (const name of names) {
    entry.departments.push({ name, line });
    if (!isDepartmentLike(name)) acc.warnings.push({ line, code: 'UNUSUAL_DEPARTMENT_NAME', text: name.raw });
  }
}

function applyShared(
  acc: Accumulator,
  statement: Statement & { kind: 'shared' },
  line: number,
  text: string,
) {
  acc.shared ??= { line, text, counterparts: statement.counterparts, departments: [] };
  if (!sameNames(acc.shared.counterparts, statement.counterparts)) {
    acc.errors.push({ line, code: 'CONFLICTING_SHARED_UNITS', text });
    acc.open = null;
    return;
  }
  addDepartments(acc, acc.shared, statement.departments, line);
  acc.open = acc.shared;
}

function sameNames(a: string[], b: string[]): boolean {
  const key = (names: string[]) => [...new Set(names.map(toHalfWidth))].sort().join('\n');
  return key(a) === key(b);
}

/**
 * A line of department names alone continues the department list of the line before: always right after
 * a counterpart that has none yet, otherwise only when every name looks like a department (so stray
 * text is not swallowed as a department).
 */
function continueList(acc: Accumulator, names: Span[], line: number, text: string): void {
  const target = acc.open;
  const allDepartments = names.every(isDepartmentLike);
  const fits =
    target !== null &&
    !names.some(mentionsCounterpart) &&
    (target.departments.length === 0 || allDepartments);
  if (target && fits) {
    addDepartments(acc, target, names, line);
    return;
  }
  acc.errors.push({
    line,
    code: allDepartments && !names.some(mentionsCounterpart) ? 'NO_COUNTERPART' : 'UNREADABLE_LINE',
    text,
  });
  acc.open = null;
}

function finish(acc: Accumulator): PairingParseResult {
  const { errors, warnings } = acc;
  for (const entry of [...acc.pairs, ...(acc.shared ? [acc.shared] : [])]) {
    if (entry.departments.length === 0)
      errors.push({ line: entry.line, code: 'NO_DEPARTMENTS', text: entry.text });
  }
  const pairs = mergePairs(acc.pairs, warnings);
  const sharedUnits = acc.shared && {
    counterparts: acc.shared.counterparts,
    departments: uniqueDepartments(acc.shared.departments, 'DUPLICATE_SHARED_UNIT', warnings),
  };
  const nothing = pairs.length === 0 && (sharedUnits === null || sharedUnits.counterparts.length === 0);
  if (nothing && errors.length === 0) errors.push({ line: 0, code: 'EMPTY_INPUT', text: '' });
  const byLine = (a: ParseIssue, b: ParseIssue) => a.line - b.line;
  return { pairs, sharedUnits, warnings: warnings.sort(byLine), errors: errors.sort(byLine) };
}

/** Merge entries by counterpart (width-insensitive), keeping the first spelling and order of appearance. */
function mergePairs(entries: Entry[], warnings: ParseIssue[]): PairingParseResult['pairs'] {
  const byCounterpart = new Map<string, { counterpart: string; departments: Entry['departments'] }>();
  for (const entry of entries) {
    for (const counterpart of entry.counterparts) {
      const key = toHalfWidth(counterpart);
      const merged = byCounterpart.get(key) ?? { counterpart, departments: [] };
      byCounterpart.set(key, merged);
      merged.departments.push(...entry.departments);
    }
  }
  return [...byCounterpart.values()].map(({ counterpart, departments }) => ({
    counterpart,
    departments: uniqueDepartments(departments, 'DUPLICATE_PAIR', warnings),
  }));
}

/** Department names without repeats (compared width-insensitively), warning about each repeat. */
function uniqueDepartments(
  departments: Entry['departments'],
  code: 'DUPLICATE_PAIR' | 'DUPLICATE_SHARED_UNIT',
  warnings: ParseIssue[],
): string[] {
  const kept = new Map<string, string>();
  for (const { name, line } of departments) {
    if (kept.has(name.norm)) warnings.push({ line, code, text: name.raw });
    else kept.set(name.norm, name.raw);
  }
  return [...kept.values()];
}

// ----------------------------------------------------------------------------------------- pasted text

interface SourceLine {
  line: number;
  span: Span;
}

/** A logical line: one source line, or several when a list wraps (ends in 、 or ，). */
interface LogicalLine {
  line: number;
  text: string;
  /** null for ignorable lines */
  content: Span | null;
}

const ATTACHMENT_HEADING = /^附件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:$|[\s:.、-]+(.*)$)/;
const LIST_TITLE = /名单|名册|一览表/;
const LIST_CONTINUES = /[、,;/]$/;

export function parsePairingText(text: string): PairingParseResult {
  const lines = text.split(/\r\n|\r|\n/).map((raw, i) => ({ line: i + 1, span: trim(spanOf(raw)) }));
  const { kept, warnings } = selectListSections(lines);
  const acc = newAccumulator(warnings);
  for (const logical of joinWrappedLines(kept.filter((l) => l.span.norm !== '').map(toLogicalLine))) {
    if (logical.content === null) {
      acc.open = null; // a heading or note ends any list in progress
      continue;
    }
    for (const piece of splitStatements(logical.content)) {
      apply(acc, parseStatement(piece), logical.line, logical.text);
    }
  }
  return finish(acc);
}

function toLogicalLine({ line, span }: SourceLine): LogicalLine {
  const content = stripNumbering(span);
  const ignorable = isIgnorable(span.norm) || isIgnorable(content.norm);
  return { line, text: span.raw, content: ignorable ? null : content };
}

/** A line ending in a separator continues on the next line, unless that one starts a pair of its own. */
function joinWrappedLines(lines: LogicalLine[]): LogicalLine[] {
  const joined: LogicalLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    let current = lines[i] as LogicalLine;
    for (
      let next = lines[i + 1];
      current.content && LIST_CONTINUES.test(current.content.norm);
      next = lines[i + 1]
    ) {
      if (!next?.content || next.content.norm.includes(':')) break;
      current = {
        ...current,
        text: current.text + next.text,
        content: joinSpans([current.content, next.content]),
      };
      i++;
    }
    joined.push(current);
  }
  return joined;
}

/**
 * When a whole notice is pasted, its 附件 sections are told apart and only the pairing list (the section
 * titled …名单) is read; every other section with content is reported once as skipped. Text without
 * such sections is read whole.
 */
function selectListSections(lines: SourceLine[]): { kept: SourceLine[]; warnings: ParseIssue[] } {
  const sections: SourceLine[][] = [[]];
  for (const l of lines) {
    if (ATTACHMENT_HEADING.test(l.span.norm)) sections.push([]);
    sections[sections.length - 1]?.push(l);
  }
  const isList = sections.map((section, i) => i > 0 && LIST_TITLE.test(sectionTitle(section)));
  if (!isList.some(Boolean)) return { kept: lines, warnings: [] };
  const warnings: ParseIssue[] = [];
  sections.forEach((section, i) => {
    const first = section.find((l) => l.span.norm !== '' && !isIgnorable(l.span.norm));
    if (!isList[i] && first)
      warnings.push({ line: first.line, code: 'SKIPPED_SECTION', text: first.span.raw });
  });
  return { kept: sections.filter((_, i) => isList[i]).flat(), warnings };
}

/** The rest of the 附件 heading line, or else the first non-blank line after it. */
function sectionTitle(section: SourceLine[]): string {
  const rest = ATTACHMENT_HEADING.exec(section[0]?.span.norm ?? '')?.[1]?.trim();
  return rest || (section.slice(1).find((l) => l.span.norm !== '')?.span.norm ?? '');
}

// ------------------------------------------------------------------------------------------ spreadsheets

type Cell = string | number | null | undefined;

/**
 * Rows of a two-column sheet: counterpart | departments (several names in one cell, or one per row).
 * A blank first cell means "same as above" (merged cells); a leading 序号 column and header rows are
 * skipped; a single-cell row is read like a line of pasted text. `line` is the 1-based row number.
 */
export function parsePairingRows(rows: readonly (readonly Cell[])[]): PairingParseResult {
  const acc = newAccumulator();
  let above: Span | null = null; // the first cell of the last data row, for merged cells
  rows.forEach((row, index) => {
    const line = index + 1;
    const cells = rowCells(row);
    const filled = cells.filter((c) => c.norm !== '');
    if (filled.length === 0) return;
    const text = filled.map((c) => c.raw).join('\t');
    if (isIgnorable(joinSpans(filled, '\t').norm)) {
      acc.open = null;
      above = null;
      return;
    }
    const [first = EMPTY_SPAN, ...rest] = cells;
    const right = joinSpans(
      rest.filter((c) => c.norm !== ''),
      '、',
    );
    const left = first.norm !== '' ? first : above;
    if (right.norm === '' || left === null) {
      // one cell (a title, a whole "民革：…" line, a counterpart alone), or departments with nothing above
      if (right.norm === '') above = null;
      const only = right.norm === '' ? stripNumbering(first) : right;
      for (const piece of splitStatements(only)) apply(acc, parseStatement(piece), line, text);
      return;
    }
    const statement = parseCells(left, right);
    above = statement.kind === 'issue' ? null : left;
    apply(acc, statement, line, text);
  });
  return finish(acc);
}

/** Trimmed cells, without a leading 序号 cell. */
function rowCells(row: readonly Cell[]): Span[] {
  const cells = Array.from(row, (cell) =>
    trim(spanOf(cell === null || cell === undefined ? '' : String(cell))),
  );
  const numbered = cells.length > 1 && /^\d+$/.test(cells[0]?.norm ?? '');
  return numbered ? cells.slice(1) : cells;
}

function parseCells(first: Span, right: Span): Statement {
  const shared = SHARED_KEYWORD.exec(first.norm);
  if (shared) return sharedFromParts(slice(first, 0, shared.index), right);
  const left = splitNames(stripSideLabel(first));
  if (left.length === 0) return issue('UNREADABLE_LINE');
  return pairFromSides(left, splitNames(right));
}
