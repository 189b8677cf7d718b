/**
 * The words of a 对口联系 notice: who the counterparts are (the eight democratic parties, 工商联, 无党派人士,
 * 知联会, written in full, short or abbreviated, with a place and a level suffix or without), what a
 * government department's name looks like, and the relation verbs, scopes and connectors between them.
 * Pure; every function works on width-normalised text (see toHalfWidth), which has the raw text's length.
 */
/**
 * Full-width ASCII to half-width, odd spaces to ' ', ﹑ to 、. Length-preserving by design: patterns are matched
 * on this form and names are sliced out of the raw text at the same offsets.
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u3000\u00a0\u2002-\u200b\ufeff]/g, ' ')
    .replace(/\ufe51/g, '、');
}

/** Each counterpart group with the ways it is written; longer forms first so they win over their prefixes. */
const GROUP_FORMS: readonly (readonly [group: string, forms: readonly string[]])[] = [
  ['民革', ['中国国民党革命委员会', '民革']],
  ['民盟', ['中国民主同盟', '民盟']],
  ['民建', ['中国民主建国会', '民建']],
  ['民进', ['中国民主促进会', '民进']],
  ['农工党', ['中国农工民主党', '农工民主党', '农工党', '农工']],
  ['致公党', ['中国致公党', '致公党', '致公']],
  ['九三学社', ['九三学社', '九三']],
  ['台盟', ['台湾民主自治同盟', '台盟']],
  ['工商联', ['工商业联合会', '工商联', '总商会']],
  ['无党派人士', ['无党派人士', '无党派']],
  ['知联会', ['党外知识分子联谊会', '知识分子联谊会', '知联会']],
];

/** The eight democratic parties, by their usual short names. */
export const PARTY_GROUPS = ['民革', '民盟', '民建', '民进', '农工党', '致公党', '九三学社', '台盟'] as const;

/** Level suffixes of a counterpart organisation, longest first: 民革奉化区委会, 民盟盱眙支部, 九三学社锡山基层委员会. */
const LEVEL_SUFFIX =
  '(?:基层委员会|总支部委员会|支部委员会|总支部|总支|支部|支社|省委员会|市委员会|县委员会|区委员会|委员会|省委会|市委会|县委会|区委会|省委|市委|县委|区委|工委|小组)';
/** A place between the party and its level: 民革常德市委 (常德), 民盟盱眙支部 (盱眙). Kept short on purpose. */
const PLACE_BEFORE_LEVEL = '[\\u4e00-\\u9fa5]{0,5}?';

/** Abbreviations that are words of ordinary prose too; they count only when a suffix or list follows. */
const WEAK_FORMS = new Set(['农工', '致公', '九三', '无党派', '总商会']);

/** Characters before 民建/民进/… that make them part of another word: 人民建设, 农民建房, 人民进行. */
const FALSE_LEFT = /[人农居]$/;

export interface CounterpartMention {
  start: number;
  end: number;
  /** 民革 … 台盟, 工商联, 无党派人士, 知联会 */
  group: string;
  /** as written, with its place and level: 民革常德市委, 市工商联, 九三市委 */
  text: string;
  /** has a level suffix (市委, 支部, …) or, for 工商联, a place (市工商联) */
  suffixed: boolean;
  /** the mention names a person's role rather than the body acting: 民革常州市委主委 */
  role: boolean;
}

/** 各民主党派, 七个民主党派市委, 民主党派: every party of the notice, or some unnamed ones. */
export interface GenericMention {
  start: number;
  end: number;
}

const FORM_LIST = GROUP_FORMS.flatMap(([group, forms]) => forms.map((form) => ({ group, form })));
const FORM_PATTERN = new RegExp(
  `(${FORM_LIST.map((f) => f.form).join('|')})(${PLACE_BEFORE_LEVEL}${LEVEL_SUFFIX})?`,
  'g',
);
const ROLE_AFTER =
  /^(?:的)?(?:主委|副主委|主任|副主任|秘书长|专职|党员|盟员|会员|社员|成员|机关|界|一行|调研组)/;

/** Every counterpart named in `norm`, left to right, without overlaps. */
export function findCounterparts(norm: string): CounterpartMention[] {
  const found: CounterpartMention[] = [];
  for (const m of norm.matchAll(FORM_PATTERN)) {
    const form = m[1] as string;
    const suffix = m[2] ?? '';
    let start = m.index;
    const group = FORM_LIST.find((f) => f.form === form)?.group as string;
    const after = norm.slice(m.index + m[0].length);
    if (FALSE_LEFT.test(norm.slice(0, start)) && !['工商联', '工商业联合会'].includes(form)) continue;
    if (WEAK_FORMS.has(form) && suffix === '' && !/^(?:$|[、,;:)\s和与及]|党|学社)/.test(after)) continue;
    if (form === '无党派' && after.startsWith('人士')) continue; // matched as 无党派人士
    let suffixed = suffix !== '';
    if (group === '工商联' && /[省市县区]$/.test(norm.slice(0, start))) {
      start -= 1; // 市工商联, 县工商联
      suffixed = true;
    }
    found.push({
      start,
      end: m.index + m[0].length,
      group,
      text: norm.slice(start, m.index + m[0].length),
      suffixed,
      role: ROLE_AFTER.test(after),
    });
  }
  return found;
}

const GENERIC_PATTERN = new RegExp(
  `(?<!无)(?:各|[七八]个|所有|全部|有关|相关|其他)?(?:民主党派|党派)(?:${PLACE_BEFORE_LEVEL}${LEVEL_SUFFIX})?`,
  'g',
);

export function findGenericCounterparts(norm: string): GenericMention[] {
  return [...norm.matchAll(GENERIC_PATTERN)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** The counterpart group of a whole name (民革常德市委 → 民革), or null when it names none. */
export function groupOf(name: string): string | null {
  const norm = toHalfWidth(name).trim();
  const first = findCounterparts(norm)[0];
  if (!first) return null;
  // a department mentioning a party inside (区农民建房办) is not a counterpart
  return /(?:局|办|中心|厅|院|署)$/.test(norm) ? null : first.group;
}

// ------------------------------------------------------------------------------------------- departments

/** How a department's name ends: 局, 委, 办, 厅, 委员会, 办公室, 中心, 署. */
const ENDING = '(?:委员会|办公室|局|委|办|厅|中心|署)';
/** The level of the place a name starts with: 市, 县, 区, 省, or an autonomous 自治区/州/县. */
const LEVEL = '(?:自治[区州县]|[省市县区])';
/** A name that starts right at its level: 市民政局, 自治区教育厅. */
export const LEVEL_START = new RegExp(`^${LEVEL}`);
/** Characters that never stand inside a department name: prose around a name. */
const NOT_IN_NAME = '的了在是为将把对向从赴到等个与同及，,、;:\\s';
/** A whole list item that is a name: 市公安局, 安监局, 人口和计划生育委员会. */
const WHOLE_NAME = new RegExp(`^[^${NOT_IN_NAME.replace(/[与及]/g, '')}]{1,16}?${ENDING}$`);
/** A name inside prose starts at its level: 赴常州市民政局 → 市民政局; 广西壮族自治区教育厅 → 自治区教育厅. */
const NAME_IN_PROSE = new RegExp(`${LEVEL}(?:[^${NOT_IN_NAME}省市县]){1,14}?${ENDING}`, 'g');
/**
 * Bodies that are not government departments, and role words that end like a department. A 政协 or 人大
 * committee (市政协文史委) may be a unit; the 政协 or 人大 itself is not.
 */
const NOT_A_DEPARTMENT =
  /政协(?![^委]{1,6}委$)|人大(?![^委]{1,6}委$)|统战|中共|党组|党委|主委|常委|委会|纪委|监委|总工会|团委|妇联|侨联|科协|文联|残联/;
/** The place before a name's level (常州, 广西壮族): at most a few characters. */
const PLACE = new RegExp(`^[^${NOT_IN_NAME}]{0,6}?${LEVEL}`);
/**
 * A place's own organs are no departments (市委, 市委员会, 省政府中心 from 省委省政府中心工作); their general
 * offices are (市委办, 区府办, 市政府办公室). Judged on the name without its place.
 */
const ORGAN_ONLY = /^(?:政府|人民政府|府|委|党委)?(?:委员会|委|局|厅|署|中心)$/;

/** A name's level and the rest after its place: 常州市民政局 → 市 + 民政局; 民政局 → '' + 民政局. */
export function splitPlace(name: string): { level: string; body: string } {
  const m = PLACE.exec(name);
  if (!m || m[0].length >= name.length) return { level: '', body: name };
  return { level: new RegExp(`${LEVEL}$`).exec(m[0])?.[0] ?? '', body: name.slice(m[0].length) };
}

/** The name without its place: 常州市民政局 → 民政局, 市委 → 委; a name without a place as it is. */
export function withoutPlace(name: string): string {
  return splitPlace(name).body;
}

/** 卫计委 short for 卫生和计划生育委员会, 发改委 for 发展和改革委员会, 金融办 for 金融工作办公室: same level. */
export function abbreviates(short: string, long: string): boolean {
  const a = splitPlace(short);
  const b = splitPlace(long);
  if (a.level !== b.level || a.body.length >= b.body.length) return false;
  const ends = [
    ['委', '委员会'],
    ['办', '办公室'],
  ].find(([s, l]) => a.body.endsWith(s as string) && b.body.endsWith(l as string));
  if (!ends) return false;
  const head = a.body.slice(0, -1);
  const full = b.body.slice(0, -(ends[1] as string).length);
  if (head === '' || head[0] !== full[0]) return false;
  let at = 0;
  for (const c of head) {
    at = full.indexOf(c, at) + 1;
    if (at === 0) return false;
  }
  return true;
}

function isOrganOnly(norm: string): boolean {
  const m = PLACE.exec(norm);
  return m !== null && ORGAN_ONLY.test(norm.slice(m[0].length));
}

/** The name starts with a place or a level: 市民政局, 常州市民政局 (not 民政局, 指挥中心). */
export function hasPlace(name: string): boolean {
  const m = PLACE.exec(name);
  return m !== null && m[0].length < name.length;
}

export function isDepartmentName(name: string): boolean {
  const norm = toHalfWidth(name)
    .trim()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: \u0001/\u0002 are the reader's own bracket markers
    .replace(/[(\u0001][^()\u0001\u0002]*[)\u0002]$/, ''); // 区委办(区府办): judged by its first name
  return (
    WHOLE_NAME.test(norm) && !NOT_A_DEPARTMENT.test(norm) && !isOrganOnly(norm) && groupOf(norm) === null
  );
}

/** Department names found inside a piece of prose (no separators inside). */
export function departmentsInProse(norm: string): { start: number; end: number }[] {
  return [...norm.matchAll(NAME_IN_PROSE)]
    .filter((m) => !NOT_A_DEPARTMENT.test(m[0]) && !isOrganOnly(m[0]))
    .map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// ------------------------------------------------------------------------------------- relation and scope

/** Relation verbs; either side may come first (A对口联系B, B与A结对). */
export const RELATION = /对口联系|对口协商|对口|联系|结对|对接|共建|挂钩/;
/** Scopes, never part of a name: 主要对口联系, 直接联系, 普遍联系, 共同联系. */
export const SCOPE = /主要|直接|普遍|共同|分别|重点|负责/;
/** Statements addressing every counterpart of the notice: 共同联系单位, 普遍联系. */
export const EVERY_COUNTERPART = /共同|普遍/;
/** Words between names that are no names: connectors, verbs, scopes and the words of a list's head. */
export const FILLER =
  /^(?:与|和|同|及|以及|由|为|作为|是|的|即|主要|直接|普遍|共同|分别|重点|负责|对口联系|对口协商|对口|联系|结对|对接|共建|挂钩|建立|关系|工作|单位|部门|等部门|等单位|对口联系单位|对口联系部门|联系单位|联系部门|共同联系单位|委|办|局)+$/;
