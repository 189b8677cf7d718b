// A validation failure told to the user: each zod issue becomes a sentence that names its field by its label
// (common/field-labels.ts) in the user's language and says what is wrong — the limit of a too-long text, the
// field that an end time may not precede. The server answers VALIDATION_FAILED with these (message and
// details); the web client says the same for a body it refuses before sending (web/api/client.ts `checked`).
import { errorMessage, type FieldError, type Lang } from './errors.js';
import { fieldLabel } from './field-labels.js';
import { base64Bytes, formatSize } from './file-size.js';

/** What a zod issue carries that is needed here (a zod 4 issue, or one rebuilt from Fastify's validation). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  expected?: string;
  format?: string;
  keys?: readonly string[];
  params?: Record<string, unknown>;
}

/** A refinement that says "this field may not be earlier than that one" (`endsAt` before `startsAt`). */
export function notBeforeIssue(field: string, earlier: string): IssueLike {
  return { code: 'custom', path: [field], message: `${field} < ${earlier}`, params: { notBefore: earlier } };
}

const CJK = /[\u3400-\u9fff]/;

/** A refinement's own message, `中文 / English`: the half in the language asked for (null when not bilingual). */
function bilingualHalf(message: string, lang: Lang): string | null {
  const at = message.indexOf(' / ');
  if (at < 0 || !CJK.test(message.slice(0, at))) return null;
  return lang === 'en' ? message.slice(at + 3) : message.slice(0, at);
}

/** The English refinement messages of the shared schemas, in Chinese. */
const KNOWN: Record<string, string> = {
  'contains control characters': '含有不允许的控制字符',
  'no such date': '不是实际存在的日期',
  'YYYY-MM-DD': '须为 YYYY-MM-DD 格式的日期',
  'not base64': '不是有效的文件内容',
};

type Say = { zh: string; en: string };

function what(issue: IssueLike): Say {
  const n = (v: number | bigint | undefined) => String(v ?? '');
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined/.test(issue.message)) return { zh: '不能为空', en: 'required' };
      if (issue.expected === 'int') return { zh: '必须是整数', en: 'must be a whole number' };
      if (issue.expected === 'number') return { zh: '必须是数字', en: 'must be a number' };
      return { zh: '格式不正确', en: 'is not valid' };
    case 'too_small': {
      const min = n(issue.minimum);
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { zh: '不能为空', en: 'required' }
          : { zh: `至少${min}个字`, en: `at least ${min} characters` };
      }
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { zh: `至少选择${min}项`, en: `choose at least ${min}` };
      }
      return issue.inclusive === false
        ? { zh: `必须大于${min}`, en: `must be more than ${min}` }
        : { zh: `不能小于${min}`, en: `at least ${min}` };
    }
    case 'too_big': {
      const max = n(issue.maximum);
      if (issue.origin === 'string') return { zh: `不能超过${max}个字`, en: `at most ${max} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') {
        return { zh: `最多${max}项`, en: `at most ${max} items` };
      }
      return issue.inclusive === false
        ? { zh: `必须小于${max}`, en: `must be less than ${max}` }
        : { zh: `不能大于${max}`, en: `at most ${max}` };
    }
    case 'invalid_format':
      if (issue.format === 'datetime') return { zh: '不是有效的时间', en: 'is not a valid time' };
      if (issue.format === 'date') return { zh: '不是有效的日期', en: 'is not a valid date' };
      if (issue.format === 'email') return { zh: '不是有效的电子邮箱', en: 'is not a valid e-mail address' };
      if (KNOWN[issue.message]) return { zh: KNOWN[issue.message] ?? '', en: issue.message };
      return { zh: '格式不正确', en: 'is not in the expected form' };
    case 'invalid_value':
    case 'invalid_union':
      return { zh: '不是可选的值', en: 'is not one of the allowed values' };
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).join(', ');
      return { zh: `含有无法识别的字段：${keys}`, en: `has unknown fields: ${keys}` };
    }
    default:
      return { zh: KNOWN[issue.message] ?? '格式不正确', en: issue.message || 'is not valid' };
  }
}

/** One issue as a sentence naming its field: 「标题」不能超过200个字 / Title: at most 200 characters. */
export function issueMessage(issue: IssueLike, lang: Lang, context = 'body'): string {
  const label = fieldLabel(issue.path, lang, context);
  const sentence = (say: Say) => (lang === 'en' ? `${label}: ${say.en}` : `「${label}」${say.zh}`);
  const key = issue.path.at(-1);
  if (issue.code === 'too_big' && typeof key === 'string' && key.endsWith('Base64')) {
    // a file sent as base64: its limit in bytes, as the browser's check says it
    const limit = formatSize(base64Bytes(Number(issue.maximum)));
    return sentence({ zh: `不能超过 ${limit}`, en: `at most ${limit}` });
  }
  if (issue.code === 'custom') {
    const earlier = issue.params?.notBefore;
    if (typeof earlier === 'string') {
      const other = fieldLabel([earlier], lang);
      return lang === 'en' ? `${label}: cannot be before ${other}` : `「${label}」不能早于「${other}」`;
    }
    const half = bilingualHalf(issue.message, lang);
    if (half) {
      return issue.params?.rule === 'phone'
        ? sentence({ zh: `格式不正确：${half}`, en: `is not a valid number: ${half}` })
        : lang === 'en'
          ? `${label}: ${half}`
          : `「${label}」：${half}`;
    }
  }
  return sentence(what(issue));
}

/** Every issue as a field entry (path, label, sentence), the first of each field only, at most `limit`. */
export function fieldErrors(
  issues: readonly IssueLike[],
  lang: Lang,
  context = 'body',
  limit = 20,
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({
      field,
      label: fieldLabel(issue.path, lang, context),
      message: issueMessage(issue, lang, context),
    });
    if (out.length >= limit) break;
  }
  return out;
}

/** The whole answer's message: 输入有误：「标题」不能超过200个字；「电话」格式不正确…(at most five fields). */
export function validationMessage(errors: readonly FieldError[], lang: Lang): string {
  const detail = errors
    .slice(0, 5)
    .map((e) => e.message)
    .join(lang === 'en' ? '; ' : '；');
  return errorMessage('VALIDATION_FAILED', lang, { detail });
}
