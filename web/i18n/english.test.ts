// The English interface says everything in English: Chinese appears only where it is a proper name the user
// must recognise or type (a document number, the column headings of an import template, an example of the
// Chinese text a field takes).
import { describe, expect, it } from 'vitest';
import { en } from './en';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/u;

/** Chinese that is a name, not a translation left undone. */
const PROPER: RegExp[] = [
  /[\u4e00-\u9fff]+〔\d{4}〕\d+号/gu, // a document number: 奉政发〔2019〕47号
  /单位 \/ 联络员 \/ 手机 \/ 邮箱/gu, // the headings an accounts .xlsx must carry
];
/** Fields whose example is the Chinese text the user pastes (the notice itself). */
const CHINESE_EXAMPLES = new Set(['import.textPlaceholder']);

function leaves(node: unknown, path: string[] = []): [string, string][] {
  if (typeof node === 'string') return [[path.join('.'), node]];
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [];
}

describe('the English catalogue', () => {
  it('has no Chinese outside proper names', () => {
    const left = leaves(en)
      .filter(([path]) => !CHINESE_EXAMPLES.has(path))
      .map(([path, text]) => [path, PROPER.reduce((s, re) => s.replace(re, ''), text)] as const)
      .filter(([, text]) => CJK.test(text))
      .map(([path, text]) => `${path}: ${text}`);
    expect(left).toEqual([]);
  });

  it('names every kind of counterpart on the sign-in page, as the Chinese does', () => {
    for (const kind of [
      'democratic parties',
      'Federation of Industry and Commerce',
      'non-party personages',
    ]) {
      expect(en.app.subtitle).toContain(kind);
    }
  });

  it('catches a string left in Chinese (the check can fail)', () => {
    const probe = { x: { y: '办结' } };
    expect(leaves(probe).filter(([, t]) => CJK.test(t))).toHaveLength(1);
  });
});
