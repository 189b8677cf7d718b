import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UserActivationResponse } from '../../../common/schemas/users';
import { setApiLanguage, setCsrfToken } from '../../api/client';
import { planApi } from '../plans/api';
import { userApi, userKeys } from './api';

/** What left the page: the requests fetch was asked to send. */
interface Sent {
  url: string;
  method: string;
  body: unknown;
}

let sent: Sent[] = [];

beforeEach(() => {
  sent = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    sent.push({
      url,
      method: init.method ?? 'GET',
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return Response.json({ ok: true });
  });
  setCsrfToken(null);
  setApiLanguage('zh-CN');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('userKeys', () => {
  it('puts every list under the key a change invalidates, one key per role and search', () => {
    const all = userKeys.list(undefined, '');
    const tzb = userKeys.list('tzb', '');
    const search = userKeys.list('tzb', '张');
    expect(all).toEqual(['users', 'list', 'all', '']);
    for (const key of [all, tzb, search]) expect(key.slice(0, 1)).toEqual([...userKeys.all]);
    expect(new Set([all, tzb, search].map((k) => JSON.stringify(k))).size).toBe(3);
  });
});

describe('userApi.create', () => {
  const body = {
    username: 'li.lei',
    displayName: '  李雷  ',
    role: 'department' as const,
    organisationId: 3,
    email: null,
  };

  it('posts the body as CreateUserRequest reads it (trimmed)', async () => {
    const parse = vi
      .spyOn(UserActivationResponse, 'parse')
      .mockImplementation((x) => x as UserActivationResponse);
    await userApi.create(body);
    parse.mockRestore();
    expect(sent).toEqual([{ url: '/api/v1/users', method: 'POST', body: { ...body, displayName: '李雷' } }]);
  });

  it('refuses a body carrying a password before anything is sent', async () => {
    const withPassword = { ...body, password: 'secret123' } as typeof body;
    const error = await userApi.create(withPassword).catch((e) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 0 });
    expect(sent).toHaveLength(0);
  });
});

describe('planApi.addItem (was body: unknown)', () => {
  it('refuses a target month outside 1–12 before anything is sent', async () => {
    const error = await planApi
      .addItem(1, { kind: 'symposium', title: '座谈会', targetMonth: 13, counterpartId: null, note: null })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(error.message).toBe('输入有误：「计划月份」不能大于12');
    expect(sent).toHaveLength(0);
  });
});
