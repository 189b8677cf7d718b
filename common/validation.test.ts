import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Phone } from './schemas/roster.js';
import { IMPORT_BASE64_MAX } from './uploads.js';
import { fieldErrors, issueMessage, notBeforeIssue, validationMessage } from './validation.js';

const issues = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues ?? [];

describe('validation messages', () => {
  it('names the field by its label and says the limit, in either language', () => {
    const [issue] = issues(z.object({ title: z.string().max(200) }), { title: 'x'.repeat(201) });
    expect(issue && issueMessage(issue, 'zh-CN')).toBe('「标题」不能超过200个字');
    expect(issue && issueMessage(issue, 'en')).toBe('Title: at most 200 characters');
  });

  it('a phone says what a number looks like, in one language', () => {
    const [issue] = issues(z.object({ mobile: Phone }), { mobile: '12345' });
    expect(issue && issueMessage(issue, 'zh-CN')).toMatch(
      /^「手机」格式不正确：手机号为 1 开头的 11 位数字；/,
    );
    expect(issue && issueMessage(issue, 'en')).toMatch(
      /^Mobile: is not a valid number: a mobile is 11 digits/,
    );
  });

  it('an end before the start names both; a file too large says its size, not its base64 length', () => {
    expect(issueMessage(notBeforeIssue('endsAt', 'startsAt'), 'zh-CN')).toBe(
      '「结束时间」不能早于「开始时间」',
    );
    const [file] = issues(z.object({ xlsxBase64: z.string().max(IMPORT_BASE64_MAX) }), {
      xlsxBase64: 'A'.repeat(IMPORT_BASE64_MAX + 4),
    });
    expect(file && issueMessage(file, 'zh-CN')).toBe('「表格文件」不能超过 6 MB');
  });

  it('falls back to the path, and to what the request is, when no label is known', () => {
    const errors = fieldErrors(
      issues(z.object({ widgets: z.array(z.object({ zork: z.number() })) }), { widgets: [{ zork: 'x' }] }),
      'en',
    );
    expect(errors).toEqual([
      { field: 'widgets.0.zork', label: 'widgets.0.zork', message: 'widgets.0.zork: must be a number' },
    ]);
    expect(fieldErrors([{ code: 'custom', path: [], message: 'give one' }], 'zh-CN', 'querystring')).toEqual([
      { field: '', label: '查询条件', message: '「查询条件」格式不正确' },
    ]);
  });

  it('one entry per field, and the message joins them', () => {
    const schema = z.object({ title: z.string().min(1), place: z.string().max(3).regex(/^a/) });
    const errors = fieldErrors(issues(schema, { title: '', place: 'bbbb' }), 'zh-CN');
    expect(errors.map((e) => e.field)).toEqual(['title', 'place']);
    expect(validationMessage(errors, 'zh-CN')).toBe('输入有误：「标题」不能为空；「地点」不能超过3个字');
  });
});
