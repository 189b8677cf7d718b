import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addWorkingDays, subtractWorkingDays } from '../../../common/working-days.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  loginAs,
  makeUser,
  orgId,
  type TestApp,
} from '../../test/helper.js';
import { reminderStage, runConsultationSweep } from './consultations.sweep.js';

// The sweep runs for a fixed instant: Thu 9 Oct 2025, 10:00 in China — the first working day after the
// 2025 National Day holiday (Oct 1–8), with the 调休 Saturday Oct 11 two days later.
const NOW = '2025-10-09T02:00:00Z';
const DAY = '2025-10-09';

/** A receipt date whose due date (15 working days later) is `due`. */
const receivedFor = (due: string) => subtractWorkingDays(due, 15);

/** The JSON of a 200 answer (anything else fails the test with the body). */
async function ok(res: Promise<LightMyRequestResponse>) {
  const r = await res;
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  return r.json();
}

it('stages: K working days before the due date, on it, after it', () => {
  // due Sat Oct 11 (调休): 3 working days before it is Tue Sep 30, across the holiday
  expect(subtractWorkingDays('2025-10-11', 3)).toBe('2025-09-30');
  expect(reminderStage('2025-09-29', '2025-10-11', 3)).toBeNull();
  expect(reminderStage('2025-09-30', '2025-10-11', 3)).toBe('due_soon');
  expect(reminderStage('2025-10-05', '2025-10-11', 3)).toBe('due_soon');
  expect(reminderStage('2025-10-11', '2025-10-11', 3)).toBe('due');
  expect(reminderStage('2025-10-12', '2025-10-11', 3)).toBe('overdue');
  expect(reminderStage('2025-10-10', '2025-10-11', 0)).toBeNull();
});

describeEachDialect('consultation sweep', (dialect) => {
  let t: TestApp;
  let dept: Client;
  let cp: Client;
  let tzb: Client;
  let deptUsers: number[];
  let tzbUsers: number[];
  const items: Record<'overdue' | 'due' | 'dueSoon' | 'onTrack' | 'replied', number> = {
    overdue: 0,
    due: 0,
    dueSoon: 0,
    onTrack: 0,
    replied: 0,
  };

  const notificationsOf = (itemId: number) =>
    t.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'dedupe_key'])
      .where('dedupe_key', 'like', `consultation-item:${itemId}:%`)
      .orderBy('dedupe_key')
      .execute();
  const remindersOf = (itemId: number) =>
    t.db
      .selectFrom('consultation_item_events')
      .select(['stage', 'round', 'note'])
      .where('item_id', '=', itemId)
      .where('action', '=', 'reminded')
      .orderBy('id')
      .execute();
  const userIds = async (organisation: string) =>
    (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('organisation_id', '=', await orgId(t.db, organisation))
        .orderBy('id')
        .execute()
    ).map((u) => u.id);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    dept = await loginAs(t, 'department', '区住建局');
    await makeUser(t.db, 'department', '区住建局'); // a second 联络员
    cp = await loginAs(t, 'counterpart', '民建奉化总支部');
    tzb = await loginAs(t, 'tzb', '区委统战部');
    deptUsers = await userIds('区住建局');
    tzbUsers = await userIds('区委统战部');
    const m = await ok(
      dept.post('/api/v1/consultations/matters', {
        departmentId: await orgId(t.db, '区住建局'),
        kind: 'project',
        title: '老旧小区改造项目',
      }),
    );
    const add = async (text: string, due: string) => {
      const res = await ok(
        cp.post(`/api/v1/consultations/matters/${m.id}/items`, {
          source: 'written',
          text,
          receivedOn: receivedFor(due),
        }),
      );
      expect(res.item.dueDate).toBe(due);
      return res.item.id as number;
    };
    items.overdue = await add('加装电梯的资金分摊', '2025-09-22');
    items.due = await add('施工期间的停车安排', DAY);
    items.dueSoon = await add('雨污分流改造', addWorkingDays(DAY, 2)); // Sat Oct 11, 调休
    items.onTrack = await add('增设充电桩', addWorkingDays(DAY, 10));
    items.replied = await add('已答复的建议', '2025-09-22');
    await ok(
      dept.post(`/api/v1/consultations/items/${items.replied}/reply`, {
        replyClass: 'adopted',
        text: '采纳',
      }),
    );
  });
  afterAll(async () => t.close());

  it('run twice in the same instant, concurrently, creates each reminder exactly once', async () => {
    const [a, b] = await Promise.all([runConsultationSweep(t.db, NOW), runConsultationSweep(t.db, NOW)]);
    expect(a.day).toBe(DAY);
    expect(a.checked).toBe(4); // the replied item is not looked at
    // between them, one reminder per item in a stage and one notification per recipient
    const expectedNotified = deptUsers.length * 3 + tzbUsers.length;
    expect(a.notified + b.notified).toBe(expectedNotified);
    expect({
      due_soon: a.reminded.due_soon + b.reminded.due_soon,
      due: a.reminded.due + b.reminded.due,
      overdue: a.reminded.overdue + b.reminded.overdue,
    }).toEqual({ due_soon: 1, due: 1, overdue: 1 });

    // due soon and due today: the department's accounts; overdue: the department's and 统战部's (督办)
    const keys = (id: number, stage: string, due: string, users: number[]) =>
      users.map((u) => `consultation-item:${id}:${stage}:1:${due}:${u}`).sort();
    expect((await notificationsOf(items.dueSoon)).map((n) => n.dedupe_key)).toEqual(
      keys(items.dueSoon, 'due_soon', '2025-10-11', deptUsers),
    );
    expect((await notificationsOf(items.due)).map((n) => n.dedupe_key)).toEqual(
      keys(items.due, 'due', DAY, deptUsers),
    );
    const overdue = await notificationsOf(items.overdue);
    expect(overdue.map((n) => n.dedupe_key)).toEqual(
      keys(items.overdue, 'overdue', '2025-09-22', [...deptUsers, ...tzbUsers]),
    );
    expect(new Set(overdue.map((n) => n.kind))).toEqual(new Set(['consultation_overdue']));
    expect(await notificationsOf(items.onTrack)).toEqual([]);
    expect(await notificationsOf(items.replied)).toEqual([]);

    // each reminder once on the item's timeline
    expect(await remindersOf(items.dueSoon)).toEqual([
      { stage: 'due_soon', round: 1, note: `提醒${deptUsers.length}人（期限 2025-10-11）` },
    ]);
    expect((await remindersOf(items.overdue)).map((e) => e.stage)).toEqual(['overdue']);
    const screen = await ok(dept.get(`/api/v1/consultations/items/${items.due}`));
    expect(screen.timeline.map((e: { action: string; stage: string | null }) => [e.action, e.stage])).toEqual(
      [
        ['created', null],
        ['reminded', 'due'],
      ],
    );
    // in the department's inbox, and 统战部's
    const inbox = (await ok(dept.get('/api/v1/notifications'))).items;
    expect(inbox.filter((n: { kind: string }) => n.kind === 'consultation_reminder')).toHaveLength(2);
    const supervision = (await ok(tzb.get('/api/v1/notifications'))).items;
    expect(supervision).toEqual([
      expect.objectContaining({
        kind: 'consultation_overdue',
        link: `/consultations/items/${items.overdue}`,
      }),
    ]);
  });

  it('a later run the same day, or again, adds nothing; the next stage is reminded once when it comes', async () => {
    const before = await t.db.selectFrom('notifications').select('id').execute();
    const again = await runConsultationSweep(t.db, '2025-10-09T09:30:00Z');
    expect(again).toMatchObject({ notified: 0, reminded: { due_soon: 0, due: 0, overdue: 0 } });
    expect(await t.db.selectFrom('notifications').select('id').execute()).toHaveLength(before.length);

    // Sat Oct 11 (the 调休 workday): the due-soon item is due today; the one due on Oct 9 is now overdue
    const sat = await runConsultationSweep(t.db, '2025-10-11T01:00:00Z');
    expect(sat.reminded).toEqual({ due_soon: 0, due: 1, overdue: 1 });
    expect((await remindersOf(items.dueSoon)).map((e) => e.stage)).toEqual(['due_soon', 'due']);
    expect((await remindersOf(items.due)).map((e) => e.stage)).toEqual(['due', 'overdue']);
    const [x, y] = await Promise.all([
      runConsultationSweep(t.db, '2025-10-11T01:00:00Z'),
      runConsultationSweep(t.db, '2025-10-11T03:00:00Z'),
    ]);
    expect(x.notified + y.notified).toBe(0);
  });

  it('a granted extension moves the due date, and the new one is reminded about afresh', async () => {
    const url = `/api/v1/consultations/items/${items.overdue}`;
    await ok(dept.post(`${url}/extension`, { reason: '需要业主表决', days: 15 }));
    const granted = await ok(tzb.post(`${url}/extension/grant`, {}));
    const due = addWorkingDays('2025-09-22', 15);
    expect(granted.item.dueDate).toBe(due); // 2025-10-20
    const run = await runConsultationSweep(t.db, `${subtractWorkingDays(due, 1)}T02:00:00Z`);
    expect(run.reminded.due_soon).toBeGreaterThanOrEqual(1);
    expect((await remindersOf(items.overdue)).map((e) => e.stage)).toEqual(['overdue', 'due_soon']);
    const keys = (await notificationsOf(items.overdue)).map((n) => n.dedupe_key);
    expect(keys.filter((k) => k?.includes(`:due_soon:1:${due}:`))).toHaveLength(deptUsers.length);
  });

  it('二次办理 is a new round with its own reminders; a replied or closed item gets none', async () => {
    const url = `/api/v1/consultations/items/${items.onTrack}`;
    await ok(dept.post(`${url}/reply`, { replyClass: 'for_reference', text: '留作参考' }));
    const reopened = await ok(cp.post(`${url}/verdict`, { verdict: 'not_satisfied', comment: '请落实' }));
    expect(reopened.item).toMatchObject({ status: 'rehandling', round: 2 });
    const due2 = reopened.item.dueDate as string;
    await runConsultationSweep(t.db, `${due2}T02:00:00Z`);
    expect(await remindersOf(items.onTrack)).toEqual([expect.objectContaining({ stage: 'due', round: 2 })]);
    const body = await t.db
      .selectFrom('notifications')
      .select('body')
      .where('dedupe_key', 'like', `consultation-item:${items.onTrack}:due:2:%`)
      .executeTakeFirstOrThrow();
    expect(body.body).toContain('第2次办理');

    const beforeClose = await remindersOf(items.dueSoon);
    expect(beforeClose.map((e) => e.stage)).toEqual(['due_soon', 'due', 'overdue']);
    await ok(tzb.post(`/api/v1/consultations/items/${items.dueSoon}/close`, { note: '已另行答复' }));
    const later = await runConsultationSweep(t.db, '2026-01-05T02:00:00Z');
    expect(await remindersOf(items.dueSoon)).toEqual(beforeClose);
    expect(await notificationsOf(items.replied)).toEqual([]);
    expect(later.checked).toBe(3); // overdue (extended), due, onTrack (round 2)
  });
});
