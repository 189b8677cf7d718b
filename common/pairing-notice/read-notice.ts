/**
 * Read a whole 对口联系 notice — a government notice, a list, a table pasted from Word or a news report —
 * into counterpart–department pairs, each with the line and the words it came from, plus the lines that
 * look like part of the list but could not be read, each with a reason. Nothing is guessed silently: the
 * caller shows every pair for confirmation before anything is stored.
 */
import { readStatement, type Statement } from './statement.js';
import { abbreviates, splitPlace, toHalfWidth } from './vocabulary.js';

export interface NoticePair {
  /** the counterpart as the notice writes it (its fullest spelling in the notice) */
  counterpart: string;
  department: string;
  /** 1-based line (row for spreadsheets) */
  line: number;
  /** the words the pair was read from */
  source: string;
  /** read from a blanket statement (共同 / 普遍联系): a shared unit */
  shared: boolean;
}

export type NoticeIssueReason =
  /** department names with no counterpart before them or on their line */
  | 'NO_COUNTERPART'
  /** a counterpart heading a list (民革：) with no departments after it */
  | 'NO_DEPARTMENTS';

export interface NoticeIssue {
  line: number;
  text: string;
  reason: NoticeIssueReason;
}

export interface NoticeReading {
  pairs: NoticePair[];
  issues: NoticeIssue[];
}

export const NOTICE_ISSUE_MESSAGES: Record<NoticeIssueReason, { zh: string; en: string }> = {
  NO_COUNTERPART: { zh: '列出了部门，但未写明联系对象', en: 'Departments without a counterpart' },
  NO_DEPARTMENTS: { zh: '列出了联系对象，但其后没有部门', en: 'A counterpart with no departments after it' },
};

/** A pair before names are settled: the group lets generic (*) and differently spelled mentions merge. */
export interface DraftPair {
  group: string | '*';
  counterpart: string;
  department: string;
  line: number;
  source: string;
  shared: boolean;
}

/** A document title or reference line: 关于…的通知 / 《…》 names another document, not a pairing. */
const TITLE = /关于.{0,60}(?:通知|意见|决定|办法|制度|方案|报告)/;
const QUOTED_TITLE = /《[^《》]*》/g;
const NUMBERING =
  /^\s*(?:\d{1,3}\s*[.、)](?!\d)|\(\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*\)|[一二三四五六七八九十]{1,3}\s*[、.]|[\u2460-\u24ff\u2776-\u2793•·●▪◆◇■□-]|第[一二三四五六七八九十\d]{1,3}[条项])\s*/;
const STATEMENT_END = /[。;!?]/g;
const LIST_GOES_ON = /[、,]\s*$/;

export interface LineReader {
  draft: DraftPair[];
  issues: NoticeIssue[];
  /** counterparts of a heading line (民革：) whose departments follow on the next lines */
  pending: { mentions: Statement['counterparts']; line: number; text: string; every?: boolean } | null;
  /** every counterpart the text names, as a body or in a person's title (民进湖州市委会主委) */
  mentioned: Statement['counterparts'];
  /** prose stating a relation of departments to a counterpart it does not name (市教育局举行对口联系单位座谈会) */
  unnamed: { departments: string[]; line: number; source: string }[];
}

export function newLineReader(): LineReader {
  return { draft: [], issues: [], pending: null, mentioned: [], unnamed: [] };
}

/** Read one line (or table row joined by tabs) into the reader. */
export function readLine(reader: LineReader, raw: string, line: number): void {
  const norm = toHalfWidth(raw)
    .replace(QUOTED_TITLE, (m) => ' '.repeat(m.length))
    .replace(/\u3000/g, ' ');
  if (norm.trim() === '') return;
  if (TITLE.test(norm)) {
    closePending(reader);
    return;
  }
  const body = NUMBERING.exec(norm)?.[0].length ?? 0;

  const statements: Statement[] = [];
  let start = body;
  for (const m of norm.matchAll(STATEMENT_END)) {
    if (m.index > start) statements.push(readStatement(raw, norm, start, m.index));
    start = m.index + 1;
  }
  if (start < norm.length) statements.push(readStatement(raw, norm, start, norm.length));
  statements.splice(0, statements.length, ...statements.flatMap((s) => clauses(raw, norm, s)));

  // within a paragraph, a sentence naming only departments may lean on the counterpart named before it
  let context: Statement['counterparts'] = [];
  let contextRelation = false;
  const source = raw.trim();
  for (const s of statements) {
    const add = (mentions: Statement['counterparts']) => addPairs(reader, mentions, s, line, source);
    const named = s.counterparts.length > 0 || s.everyCounterpart;
    if (named && s.departments.length > 0 && s.relation) {
      add(s.counterparts);
      if (s.everyCounterpart) addEvery(reader, s, line, source);
      // a list that ends in 、 or ， goes on on the next line
      reader.pending =
        s.list && LIST_GOES_ON.test(norm.slice(s.start, s.end))
          ? { mentions: s.counterparts, line: -1, text: source, every: s.everyCounterpart }
          : null;
    } else if (named && s.departments.length === 0 && s.opensList && !s.genericOnly) {
      closePending(reader);
      reader.pending = { mentions: s.counterparts, line, text: source, every: s.everyCounterpart };
    } else if (named && s.departments.length === 0 && s.list && s.counterparts.length > 0) {
      closePending(reader); // 民革 alone on a line (a table's first cell): its departments follow
      reader.pending = { mentions: s.counterparts, line, text: source };
    } else if (!named && s.departments.length > 0) {
      if (s.list && reader.pending) {
        add(reader.pending.mentions);
        if (reader.pending.every) addEvery(reader, s, line, source);
        reader.pending = { ...reader.pending, line: -1 };
      } else if (context.length > 0 && (s.relation || contextRelation)) add(context);
      else if (s.list) reader.issues.push({ line, text: source, reason: 'NO_COUNTERPART' });
      else if (s.relation && !s.genericOnly)
        reader.unnamed.push({ departments: s.departments, line, source });
    } else if (named) closePending(reader);
    reader.mentioned.push(...s.counterparts);
    if (s.counterparts.length > 0) context = s.counterparts;
    if (s.relation && !s.list) contextRelation = true;
  }
}

const complete = (s: Statement) =>
  (s.counterparts.length > 0 || s.everyCounterpart) && s.departments.length > 0 && s.relation;

/**
 * A sentence of several clauses each pairing its own names (新增省食品药品监管局联系农工党四川省委，新增省扶贫
 * 移民局联系民建四川省委) is read clause by clause, not every name with every other.
 */
function clauses(raw: string, norm: string, s: Statement): Statement[] {
  if (s.counterparts.length < 2 || s.departments.length < 2) return [s];
  const parts: Statement[] = [];
  let start = s.start;
  for (const m of norm.slice(s.start, s.end).matchAll(/,/g)) {
    const end = s.start + m.index;
    if (end > start) parts.push(readStatement(raw, norm, start, end));
    start = end + 1;
  }
  if (start < s.end) parts.push(readStatement(raw, norm, start, s.end));
  return parts.filter(complete).length >= 2 ? parts : [s];
}

/** A heading whose list never came is reported; line -1 marks one that got its departments. */
export function closePending(reader: LineReader): void {
  const p = reader.pending;
  if (p && p.line >= 0) reader.issues.push({ line: p.line, text: p.text, reason: 'NO_DEPARTMENTS' });
  reader.pending = null;
}

function addPairs(
  reader: LineReader,
  mentions: Statement['counterparts'],
  s: Statement,
  line: number,
  source: string,
): void {
  for (const c of mentions)
    for (const department of s.departments)
      reader.draft.push({ group: c.group, counterpart: c.text, department, line, source, shared: s.blanket });
}

function addEvery(reader: LineReader, s: Statement, line: number, source: string): void {
  for (const department of s.departments)
    reader.draft.push({ group: '*', counterpart: '*', department, line, source, shared: true });
}

/**
 * A report about one counterpart names it in some lines (its headline, its 主委's title) and leaves it out in
 * others (湖州市委会参加市教育局举行的对口联系单位座谈会): when the whole text names a single counterpart, a
 * relation stated without one is that counterpart's.
 */
function adoptUnnamed(reader: LineReader): void {
  const groups = new Set(reader.mentioned.map((m) => m.group));
  const [only] = groups;
  if (groups.size !== 1 || only === undefined) return;
  const spelled = reader.mentioned.find((m) => m.suffixed) ?? reader.mentioned[0];
  for (const u of reader.unnamed)
    for (const department of u.departments)
      reader.draft.push({
        group: only,
        counterpart: spelled?.text ?? only,
        department,
        line: u.line,
        source: u.source,
        shared: false,
      });
}

/**
 * Settle names: each group is written the way the notice writes it most fully (民革常德市委 over 民革),
 * blanket pairs go to every counterpart the notice pairs elsewhere, and repeats are dropped.
 */
export function finishReading(reader: LineReader): NoticeReading {
  closePending(reader);
  adoptUnnamed(reader);
  const spelling = new Map<string, { text: string; count: number; suffixed: boolean }[]>();
  for (const d of reader.draft) {
    if (d.group === '*') continue;
    const forms = spelling.get(d.group) ?? [];
    const form = forms.find((f) => f.text === d.counterpart);
    if (form) form.count++;
    else forms.push({ text: d.counterpart, count: 1, suffixed: d.counterpart !== d.group });
    spelling.set(d.group, forms);
  }
  const nameOf = (group: string) => {
    const forms = spelling.get(group) ?? [];
    const ranked = [...forms].sort(
      (a, b) => Number(b.suffixed) - Number(a.suffixed) || b.count - a.count || b.text.length - a.text.length,
    );
    return ranked[0]?.text ?? group;
  };
  const groups = [...spelling.keys()];
  const departmentOf = sameDepartments(reader.draft.map((d) => d.department));
  const seen = new Set<string>();
  const pairs: NoticePair[] = [];
  for (const d of reader.draft) {
    for (const group of d.group === '*' ? groups : [d.group]) {
      const counterpart = nameOf(group);
      const department = departmentOf.get(d.department) ?? d.department;
      const key = `${group}\n${toHalfWidth(department)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ counterpart, department, line: d.line, source: d.source, shared: d.shared });
    }
  }
  return { pairs, issues: reader.issues.sort((a, b) => a.line - b.line) };
}

/**
 * One department written several ways in one notice is one department: with and without its place (市卫计委,
 * 包头市卫计委: named the fullest way) or short and in full (包头市卫计委, 包头市卫生和计划生育委员会: named as
 * first written). Maps every written name to the name it goes by.
 */
function sameDepartments(names: string[]): Map<string, string> {
  const kept: { level: string; body: string; name: string; written: string[] }[] = [];
  for (const name of names) {
    const norm = toHalfWidth(name).trim();
    if (kept.some((k) => k.written.includes(name))) continue;
    const { level, body } = splitPlace(norm);
    const same =
      kept.find((k) => k.level === level && k.body === body) ??
      kept.find((k) => abbreviates(norm, toHalfWidth(k.name)) || abbreviates(toHalfWidth(k.name), norm));
    if (!same) kept.push({ level, body, name, written: [name] });
    else {
      same.written.push(name);
      if (same.level === level && same.body === body && norm.length > toHalfWidth(same.name).length)
        same.name = name;
    }
  }
  return new Map(kept.flatMap((k) => k.written.map((w) => [w, k.name] as const)));
}
