// Fastify's and Node's own refusals — a malformed URL (400), a parameter over maxParamLength (414), a body over
// the limit (413), bad JSON (400), headers over Node's limit (431) — answer in the `{error:{code,message}}` shape.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTestApp, type Client, describeEachDialect, loginAs, type TestApp } from '../test/helper.js';

const shape = (body: string) => {
  const parsed = JSON.parse(body);
  expect(Object.keys(parsed)).toEqual(['error']);
  expect(typeof parsed.error.message).toBe('string');
  return parsed.error.code as string;
};

/** Send raw bytes and read the whole answer (the server closes the connection). */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let out = '';
    socket.on('data', (d) => {
      out += d;
    });
    socket.on('end', () => resolve(out));
    socket.on('error', reject);
  });
}

describeEachDialect('framework errors in our shape', (dialect) => {
  let t: TestApp;
  let tzb: Client;
  let port: number;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    tzb = await loginAs(t, 'tzb', '区委统战部');
    port = Number(new URL(await t.app.listen({ port: 0, host: '127.0.0.1' })).port);
  });
  afterAll(async () => t.close());

  it('400 for a malformed URL, 414 for a parameter over the limit', async () => {
    const bad = await tzb.get('/api/v1/organisations/%E0%A4%A');
    expect(bad.statusCode).toBe(400);
    expect(shape(bad.body)).toBe('VALIDATION_FAILED');
    const long = await tzb.get(`/api/v1/organisations/${'9'.repeat(500)}`);
    expect(long.statusCode).toBe(414);
    expect(shape(long.body)).toBe('URI_TOO_LONG');
    expect(long.json().error.message).toBe('请求地址过长');
  });

  it('413 for a body over the limit and 400 for broken JSON', async () => {
    const big = await tzb.post('/api/v1/regions', { name: 'x'.repeat(2 * 1024 * 1024) });
    expect(big.statusCode).toBe(413);
    expect(shape(big.body)).toBe('PAYLOAD_TOO_LARGE');
    const broken = await tzb.request({
      method: 'POST',
      url: '/api/v1/regions',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(shape(broken.body)).toBe('VALIDATION_FAILED');
  });

  it('431 and 400 from Node’s HTTP parser, as complete HTTP answers', async () => {
    const huge = await raw(
      port,
      `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(shape(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toBe('HEADERS_TOO_LARGE');
    const garbage = await raw(port, 'NOT A REQUEST\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    expect(shape(garbage.slice(garbage.indexOf('\r\n\r\n') + 4))).toBe('MALFORMED_REQUEST');
  });
});
