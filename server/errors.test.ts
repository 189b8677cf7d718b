import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, errorMessage, GENERIC_CODES } from '../common/errors.js';

/**
 * Error codes are the API's vocabulary: a rule of the domain (a symposium already held, a round closed) has
 * its own code with a message in each language, never a bilingual sentence inside a generic code's {detail}
 * — the client would show both languages and could not tell one refusal from another.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const HELPERS: Record<string, ErrorCode> = { invalid: 'VALIDATION_FAILED', conflict: 'CONFLICT' };

/** The text of every string and template piece inside a node. */
function literalTexts(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateLiteralToken(n)) out.push(n.text);
    n.forEachChild(visit);
  };
  visit(node);
  return out;
}

/** `{ zh: …, en: … }` anywhere inside a node. */
function hasLanguagePair(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (ts.isObjectLiteralExpression(n)) {
      const keys = n.properties.map((p) => (p.name && ts.isIdentifier(p.name) ? p.name.text : ''));
      if (keys.includes('zh') && keys.includes('en')) found = true;
    }
    n.forEachChild(visit);
  };
  visit(node);
  return found;
}

/** The generic code a call raises (`invalid(…)`, `new AppError('VALIDATION_FAILED', …)`, `sendError(…, code, …)`), and its detail arguments. */
function genericCall(node: ts.Node): { code: ErrorCode; args: ts.Node[] } | null {
  const isCode = (n: ts.Node | undefined): n is ts.StringLiteral =>
    !!n && ts.isStringLiteral(n) && (GENERIC_CODES as string[]).includes(n.text);
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
    const name = node.expression.text;
    const helper = HELPERS[name];
    if (helper) return { code: helper, args: [...node.arguments] };
    if (name === 'sendError' && isCode(node.arguments[2])) {
      return { code: node.arguments[2].text as ErrorCode, args: node.arguments.slice(3) };
    }
    if (name === 'errorMessage' && isCode(node.arguments[0])) {
      return { code: node.arguments[0].text as ErrorCode, args: node.arguments.slice(2) };
    }
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'AppError') {
    const [code, ...rest] = node.arguments ?? [];
    if (isCode(code)) return { code: code.text as ErrorCode, args: rest };
  }
  return null;
}

/** Each place in a source text where a generic code is given a Chinese or bilingual detail. */
function bilingualDetails(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const call = genericCall(node);
    if (call) {
      const texts = call.args.flatMap(literalTexts);
      if (texts.some((t) => CJK.test(t)) || call.args.some(hasLanguagePair)) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${fileName}:${line + 1} ${call.code}: ${node.getText().slice(0, 100)}`);
      }
    }
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error codes', () => {
  it('no generic code carries a Chinese or bilingual detail anywhere in server/ or common/', () => {
    const root = join(import.meta.dirname, '..');
    const files = [...sourceFiles(join(root, 'server')), ...sourceFiles(join(root, 'common'))];
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => bilingualDetails(relative(root, f), readFileSync(f, 'utf8')));
    expect(found).toEqual([]);
  });

  it('the scan catches each way of passing a bilingual detail', () => {
    const source = [
      "throw invalid('heldAt: 不能晚于当前时间 / cannot be in the future');",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source text with a template literal
      'throw conflict(`${year}年登记报送已开启 / a ${year} round is already open`);',
      "throw new AppError('VALIDATION_FAILED', { detail: '文件为空 / empty file' });",
      "sendError(request, reply, 'VALIDATION_FAILED', {\n  detail: '含有空字符 / contains a NUL',\n});",
      "throw new AppError('CONFLICT', { detail: pick({ zh: 'x', en: 'y' }) });",
      // a domain code, a name as data and a field expression are fine
      "throw new AppError('SYMPOSIUM_ALREADY_HELD');",
      'throw conflict(input.name);',
      "throw invalid('endsAt < startsAt');",
    ].join('\n');
    const found = bilingualDetails('sample.ts', source);
    expect(found.map((f) => f.split(' ')[0])).toEqual([
      'sample.ts:1',
      'sample.ts:2',
      'sample.ts:3',
      'sample.ts:4',
      'sample.ts:7',
    ]);
  });

  it('the generic codes are exactly the ones with a free-text {detail}', () => {
    expect([...GENERIC_CODES].sort()).toEqual(['CONFLICT', 'VALIDATION_FAILED', 'WEAK_PASSWORD']);
  });

  it('every code has a Chinese and an English message with the same placeholders', () => {
    for (const [code, { zh, en, status }] of Object.entries(ERROR_CODES)) {
      expect(CJK.test(zh), `${code} zh`).toBe(true);
      // English messages may quote a Chinese heading the user sees on the sheet (单位 / 联络员 …), nothing else
      expect(CJK.test(en.replace(/单位 \/ 联络员 \/ 手机 \/ 邮箱/, '')), `${code} en`).toBe(false);
      expect(placeholders(en), code).toEqual(placeholders(zh));
      expect(status >= 400 && status < 600, code).toBe(true);
    }
  });

  it('fills the placeholders in the language asked for', () => {
    const params = { field: 'counterpartIds', ids: '3, 4', year: 2024 };
    expect(errorMessage('NOT_PAIRED', 'zh-CN', params)).toBe(
      'counterpartIds：3, 4 在 2024 年未与该部门对口联系',
    );
    expect(errorMessage('NOT_PAIRED', 'en', params)).toBe(
      'counterpartIds: 3, 4 not paired with the department in 2024',
    );
  });
});
