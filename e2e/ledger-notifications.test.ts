import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSession, notificationsAbout, signIn } from './helpers.js';
import { demoWorld } from './world.js';

// Being told of the ledger (issue 15), in the browser: 区发改局 inviting 民建奉化总支部 reaches the
// counterpart's bell at once (not only the sweep's reminder 3 days before), and the notification opens the
// record where it answers; its answer reaches the host, leading to the same record with the answer shown; a
// notice (文件信息) reaches the counterpart, leading to the record where it signs for it. Each once — a reload
// shows the same notification, read. The records themselves are the host's paperwork, made through the API.
const INVITATION = '区发改局2027年度重点项目推进会（通知 e2e）';
const NOTICE = '关于印发区发改局2027年工作要点的通知（通知 e2e）';
const inDays = (days: number) =>
  new Date(Math.floor((Date.now() + days * 86_400_000) / 60_000) * 60_000).toISOString();

let invitationId: number;
let noticeId: number;

const world = demoWorld(async () => {
  const fagai = await apiSession(world.server.baseUrl, 'fagai');
  const minjian = await apiSession(world.server.baseUrl, 'minjian');
  const pair = { departmentId: fagai.user.organisation.id, counterpartIds: [minjian.user.organisation.id] };
  invitationId = (
    await fagai.call<{ id: number }>('POST', '/ledger', {
      ...pair,
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      title: INVITATION,
      startsAt: inDays(12),
      place: '区行政中心 3 号会议室',
    })
  ).id;
  noticeId = (
    await fagai.call<{ id: number }>('POST', '/ledger', {
      ...pair,
      kind: 'notice',
      subtype: 'policy',
      title: NOTICE,
      startsAt: inDays(0),
    })
  ).id;
});

/** The ledger with the record's drawer open: the link /ledger/:id lands on /ledger?record=:id. */
const recordUrl = (id: number) => new RegExp(`/ledger(/${id}$|\\?record=${id}$)`);

/**
 * After loading the app afresh (on 我的工作: the record's drawer would cover the bell) the notification `text` is
 * there exactly once, and read (opening it marked it read).
 */
async function stillOnceAndRead(page: Page, text: string): Promise<void> {
  await page.goto(`${world.server.baseUrl}/`);
  const told = await notificationsAbout(page, text);
  await expect(told.count()).resolves.toBe(1);
  const panel = page.getByTestId('notification-panel');
  await expect(panel.locator('li.unread', { hasText: text }).count()).resolves.toBe(0);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
}

describe('the ledger’s notifications: told once, led to the record', () => {
  it('民建奉化总支部 (minjian) is told of the invitation, opens it and answers 参加', async () => {
    const { context, page } = await signIn(world.browser, world.server.baseUrl, 'minjian');
    try {
      const text = `区发改局邀请：${INVITATION}`;
      const told = await notificationsAbout(page, text);
      await expect(told.count()).resolves.toBe(1);
      await expect(told.textContent()).resolves.toContain('区行政中心 3 号会议室');
      await told.click();
      await page.waitForURL(recordUrl(invitationId));
      const drawer = page.getByTestId('record-drawer');
      await drawer.getByTestId('record-detail').waitFor();
      await expect(drawer.textContent()).resolves.toContain(INVITATION);

      await drawer.getByTestId('action-reply').click();
      const dialog = page.getByRole('dialog', { name: '答复邀请' });
      await dialog.getByRole('radio', { name: '参加', exact: true }).check();
      await dialog.getByTestId('reply-attendees').fill('王敏（民建奉化总支部副主委）');
      await dialog.getByRole('button', { name: '提交答复' }).click();
      await dialog.waitFor({ state: 'hidden' });

      await stillOnceAndRead(page, text);
    } finally {
      await context.close();
    }
  });

  it('区发改局 (fagai) is told of the answer once; the notification opens the record with the answer', async () => {
    const { context, page } = await signIn(world.browser, world.server.baseUrl, 'fagai');
    try {
      const text = `民建奉化总支部将参加：${INVITATION}`;
      const told = await notificationsAbout(page, text);
      await expect(told.count()).resolves.toBe(1);
      await told.click();
      await page.waitForURL(recordUrl(invitationId));
      const row = page
        .getByTestId('record-drawer')
        .getByTestId('responses-table')
        .locator('tr', { hasText: '民建奉化总支部' });
      await expect.poll(() => row.textContent()).toContain('参加');
      await expect(row.textContent()).resolves.toContain('王敏');

      await stillOnceAndRead(page, text);
    } finally {
      await context.close();
    }
  });

  it('民建奉化总支部 is told of the notice once; the notification opens it, where it signs for it', async () => {
    const { context, page } = await signIn(world.browser, world.server.baseUrl, 'minjian');
    try {
      const text = `区发改局通报：${NOTICE}`;
      const told = await notificationsAbout(page, text);
      await expect(told.count()).resolves.toBe(1);
      await told.click();
      await page.waitForURL(recordUrl(noticeId));
      const drawer = page.getByTestId('record-drawer');
      await drawer.getByTestId('record-detail').waitFor();
      await drawer.getByTestId('action-read').click();
      await drawer.getByTestId('action-read').waitFor({ state: 'detached' });
      await expect(drawer.getByTestId('action-receipt').count()).resolves.toBe(0);

      await stillOnceAndRead(page, text);
    } finally {
      await context.close();
    }
  });
});
