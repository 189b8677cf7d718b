import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ItemScreenResponse, ReplyRequest } from '../../common/schemas/consultations';
import { consultationApi } from '../features/consultations/api';
import { ApiError, api, checked, setApiLanguage, setCsrfToken, setUnauthenticatedHandler } from './client';

/** What left the page: the requests fetch was asked to send. */
interface Sent {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

let sent: Sent[] = [];
let answer: () => Response = () => Response.json({ ok: true });

beforeEach(() => {
  sent = [];
  answer = () => Response.json({ ok: true });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    sent.push({
      url,
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return answer();
  });
  setCsrfToken(null);
  setApiLanguage('zh-CN');
  setUnauthenticatedHandler(null);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const Ok = z.object({ ok: z.literal(true) });

describe('the api client', () => {
  it('sends the CSRF token on a change, never on a read', async () => {
    setCsrfToken('token-123');
    await api.get('/api/v1/ledger', Ok);
    await api.post('/api/v1/ledger', { a: 1 }, Ok);
    expect(sent[0]?.headers['X-CSRF-Token']).toBeUndefined();
    expect(sent[1]?.headers['X-CSRF-Token']).toBe('token-123');
    expect(sent[1]?.body).toEqual({ a: 1 });
  });

  it('asks for answers in the UI language', async () => {
    setApiLanguage('en');
    await api.get('/api/v1/pairings', Ok);
    expect(sent[0]?.headers['Accept-Language']).toBe('en');
  });

  it('writes the query string without the empty filters', async () => {
    await api.get('/api/v1/pairings', Ok, { year: 2024, q: '', kind: undefined, active: null });
    expect(sent[0]?.url).toBe('/api/v1/pairings?year=2024');
  });

  it("turns a 4xx into an ApiError with the server's code and message", async () => {
    answer = () =>
      Response.json({ error: { code: 'INVALID_STATE', message: '该意见已办结' } }, { status: 409 });
    const error = await api.post('/api/v1/consultations/items/1/close', { note: 'x' }, Ok).catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'INVALID_STATE', message: '该意见已办结', status: 409 });
  });

  it('sends the user to login when the session is gone, not when the login itself fails', async () => {
    const lost = vi.fn();
    setUnauthenticatedHandler(lost);
    answer = () =>
      Response.json({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } }, { status: 401 });
    await api.get('/api/v1/ledger', Ok).catch(() => undefined);
    expect(lost).toHaveBeenCalledWith('UNAUTHENTICATED');
    lost.mockClear();
    await api.post('/api/v1/auth/login', { username: 'a', password: 'b' }, Ok).catch(() => undefined);
    expect(lost).not.toHaveBeenCalled();
  });

  it('refuses an answer that is not what the schema promised', async () => {
    answer = () => Response.json({ ok: 'yes' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const error = await api.get('/api/v1/ledger', Ok).catch((e) => e);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE' });
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('reports a network failure as NETWORK, in the UI language', async () => {
    setApiLanguage('en');
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    const error = await api.get('/api/v1/ledger', Ok).catch((e) => e);
    expect(error).toMatchObject({ code: 'NETWORK', message: 'Network error', status: 0 });
  });
});

describe('checked request bodies', () => {
  it('sends a body that matches its shared schema, as the schema reads it (trimmed)', async () => {
    const body = checked(ReplyRequest, {
      replyClass: 'adopted',
      text: '  已采纳  ',
      reason: null,
      analysis: null,
    });
    await api.post('/api/v1/consultations/items/1/reply', body, Ok);
    expect(sent[0]?.body).toEqual({ replyClass: 'adopted', text: '已采纳', reason: null, analysis: null });
  });

  it('refuses a body that does not match, before anything is sent', async () => {
    const send = () =>
      api.post(
        '/api/v1/consultations/items/1/reply',
        checked(ReplyRequest, { replyClass: 'not_adopted', text: '暂不采纳', reason: null }),
        Ok,
      );
    const error = await Promise.resolve()
      .then(send)
      .catch((e) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 0 });
    // the field by its label, as the server would say it
    expect(error.message).toMatch(/^输入有误：「[^」]+」/);
    expect(error.message).not.toContain('reason');
    expect(sent).toHaveLength(0);
  });

  it('names the field by its label in English in the English UI', () => {
    setApiLanguage('en');
    try {
      expect(() => checked(ReplyRequest, { replyClass: 'adopted', text: '', reason: null })).toThrow(
        /^Invalid input: [A-Z][^:]*: /,
      );
    } finally {
      setApiLanguage('zh-CN');
    }
  });
});

describe('a feature wrapper (consultations reply)', () => {
  it('posts the checked body to the item, with the CSRF token', async () => {
    setCsrfToken('t');
    const parse = vi.spyOn(ItemScreenResponse, 'parse').mockImplementation((x) => x as ItemScreenResponse);
    await consultationApi.reply(7, { replyClass: 'adopted', text: '已落实', reason: null, analysis: null });
    parse.mockRestore();
    expect(sent).toEqual([
      expect.objectContaining({
        url: '/api/v1/consultations/items/7/reply',
        method: 'POST',
        headers: expect.objectContaining({ 'X-CSRF-Token': 't' }),
      }),
    ]);
  });

  it('refuses a reply without text before sending', async () => {
    const error = await consultationApi
      .reply(7, { replyClass: 'adopted', text: '   ', reason: null, analysis: null })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(sent).toHaveLength(0);
  });
});
