import { afterAll, beforeAll, expect, it } from 'vitest';
import type { NotificationKind } from '../../../common/schemas/notifications.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  makeUser,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { insertNotifications } from '../notifications/index.js';
import { MAX_ATTEMPTS, sendPendingEmails } from './mail.sender.js';
import { smtpTransport } from './mail.transport.js';
import { startSmtp, type TestSmtp } from './smtp.fixture.js';

describeEachDialect('notification e-mail', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let rejecting: TestSmtp;
  let dept: Client;
  let userId: number;
  let seq = 0;

  const notifyDept = async (kind: NotificationKind, title: string) =>
    insertNotifications(t.db, [
      {
        userId,
        kind,
        // e-mail sends the Chinese
        zh: { title, body: `${title}，请及时办理。` },
        en: { title: 'In English', body: 'Not mailed.' },
        link: '/plans?year=2026',
        dedupeKey: `mail-test:${++seq}`,
      },
    ]);
  const deliveries = () => t.db.selectFrom('notification_deliveries').selectAll().orderBy('id').execute();
  const send = (url: string, now = new Date()) =>
    sendPendingEmails(t.db, {
      transport: smtpTransport(url),
      from: '对口联系 <liaison@example.gov.cn>',
      publicUrl: 'https://liaison.example.gov.cn',
      instanceId: 'test-instance',
      now,
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    smtp = await startSmtp();
    rejecting = await startSmtp({ reject: true });
    const username = await makeUser(t.db, 'department', '区教育局');
    await t.db
      .updateTable('users')
      .set({ email: 'liaison@jyj.example.gov.cn' })
      .where('username', '=', username)
      .execute();
    userId = (
      await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
    ).id;
    dept = await login(t.app, username);
  });
  afterAll(async () => {
    await smtp.close();
    await rejecting.close();
    await t.close();
  });

  it('sends a queued notification to a real SMTP server: recipient, Chinese subject, link, once', async () => {
    expect(await notifyDept('deadline_overdue', '已逾期：区教育局2026年度对口联系工作计划')).toBe(1);
    const result = await send(smtp.url);
    expect(result).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0];
    expect(mail?.to).toEqual(['liaison@jyj.example.gov.cn']);
    expect(mail?.from).toBe('liaison@example.gov.cn');
    expect(mail?.subject).toBe('【对口联系·逾期提醒】已逾期：区教育局2026年度对口联系工作计划');
    expect(mail?.raw).toMatch(/=\?UTF-8\?[BQ]\?/i); // the subject travelled RFC 2047-encoded
    const [d] = await deliveries();
    expect(d).toMatchObject({ status: 'sent', attempts: 1, recipient: 'liaison@jyj.example.gov.cn' });
    expect(mail?.messageId).toBe(`<delivery-${d?.id}.notification-${d?.notification_id}@liaison>`);
    // nothing is sent twice: a second run finds nothing due
    expect(await send(smtp.url)).toMatchObject({ sent: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('honours the preferences: e-mail off for a kind queues nothing for it', async () => {
    const prefs = await dept.get('/api/v1/notifications/preferences');
    expect(prefs.statusCode).toBe(200);
    expect(prefs.json()).toMatchObject({ email: 'liaison@jyj.example.gov.cn', emailEnabled: false });
    expect(prefs.json().kinds.find((k: { kind: string }) => k.kind === 'rsvp_reminder')).toMatchObject({
      label: '邀请回复提醒',
      email: true,
    });
    const put = await dept.put('/api/v1/notifications/preferences', {
      kinds: [{ kind: 'rsvp_reminder', email: false }],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().kinds.find((k: { kind: string }) => k.kind === 'rsvp_reminder').email).toBe(false);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'notification.preferences.update')
      .execute();
    expect(audit).toHaveLength(1);
    const before = (await deliveries()).length;
    await notifyDept('rsvp_reminder', '请回复邀请：专题协商座谈会');
    expect((await deliveries()).length).toBe(before);
    await notifyDept('plan_item_overdue', '计划事项逾期：联合调研');
    expect((await deliveries()).length).toBe(before + 1);
    expect(await send(smtp.url)).toMatchObject({ sent: 1 });
  });

  it('retries a rejected send with backoff, then marks it failed and lists it for the system admin', async () => {
    await notifyDept('deadline_reminder', '即将到期：区教育局2026年对口联系工作座谈会');
    const start = Date.now();
    let now = new Date(start);
    const first = await send(rejecting.url, now);
    expect(first).toMatchObject({ sent: 0, retrying: 1 });
    // not due again before its backoff has passed
    expect(await send(rejecting.url, new Date(start + 30_000))).toMatchObject({ retrying: 0, failed: 0 });
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(now.getTime() + 2 ** (attempt - 2) * 60_000 + 1_000);
      const r = await send(rejecting.url, now);
      expect(r, `attempt ${attempt}`).toMatchObject(attempt < MAX_ATTEMPTS ? { retrying: 1 } : { failed: 1 });
    }
    expect(await send(rejecting.url, new Date(now.getTime() + 3_600_000))).toMatchObject({
      retrying: 0,
      failed: 0,
    });
    const failed = (await deliveries()).filter((d) => d.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ attempts: MAX_ATTEMPTS });
    expect(failed[0]?.last_error).toMatch(/550|mailbox unavailable/);
    expect(rejecting.received).toHaveLength(0);

    const admin = await login(t.app, await makeUser(t.db, 'sysadmin', '区委统战部'));
    const list = await admin.get('/api/v1/notifications/deliveries?status=failed');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: failed[0]?.id,
        status: 'failed',
        attempts: MAX_ATTEMPTS,
        kind: 'deadline_reminder',
        recipient: 'liaison@jyj.example.gov.cn',
        lastError: expect.stringMatching(/550|mailbox unavailable/),
      }),
    ]);
    // the admin sees no message content
    expect(list.body).not.toContain('座谈会');
    expect((await dept.get('/api/v1/notifications/deliveries?status=failed')).statusCode).toBe(403);

    // retried by the admin, it goes out once the server accepts
    const retry = await admin.post(`/api/v1/notifications/deliveries/${failed[0]?.id}/retry`);
    expect(retry.statusCode, retry.body).toBe(200);
    expect(retry.json()).toMatchObject({ status: 'pending', attempts: 0 });
    const count = smtp.received.length;
    expect(await send(smtp.url)).toMatchObject({ sent: 1 });
    expect(smtp.received.length).toBe(count + 1);
    expect(smtp.received.at(-1)?.subject).toBe(
      '【对口联系·到期提醒】即将到期：区教育局2026年对口联系工作座谈会',
    );
  });

  it('queues nothing for a user without an address', async () => {
    const other = await orgId(t.db, '区公安分局');
    const username = await makeUser(t.db, 'department', other);
    const id = (
      await t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()
    ).id;
    const before = (await deliveries()).length;
    await insertNotifications(t.db, [
      {
        userId: id,
        kind: 'deadline_reminder',
        zh: { title: 't', body: 'b' },
        en: { title: 't', body: 'b' },
        link: null,
        dedupeKey: 'no-address',
      },
    ]);
    expect((await deliveries()).length).toBe(before);
  });
});
