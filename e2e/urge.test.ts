import { describe, expect, it } from 'vitest';
import { apiSession, notificationsAbout, signIn } from './helpers.js';
import { demoWorld } from './world.js';

// 督办 and being told (issue 15): a suggestion 民建奉化总支部 gave 区住建局 went unanswered past its due date;
// 统战部 finds it in its my-work, presses the department with a note (recorded on the item's timeline); the
// department's 联络员 is told once, and the notification leads to the item, where the reply is owed. An
// invitation reaches the invited counterpart the same way.
const MATTER = '城区排水管网改造方案（督办 e2e）';
const SUGGESTION = '建议改造期间设置临时排水设施，减少对沿街商户影响。';
const NOTE = '请于本周五前答复民建奉化总支部。';
const INVITATION = '城市更新工作推进会（e2e）';

let itemId: number;
let invitationId: number;

const world = demoWorld(async () => {
  const zhujian = await apiSession(world.server.baseUrl, 'zhujian');
  const minjian = await apiSession(world.server.baseUrl, 'minjian');
  const matter = await zhujian.call<{ id: number }>('POST', '/consultations/matters', {
    departmentId: zhujian.user.organisation.id,
    kind: 'project',
    title: MATTER,
    counterpartIds: [minjian.user.organisation.id],
  });
  // received long ago: its 15 working days are over, nothing was answered
  const item = await minjian.call<{ item: { id: number } }>(
    'POST',
    `/consultations/matters/${matter.id}/items`,
    { source: 'written', text: SUGGESTION, receivedOn: '2025-03-03' },
  );
  itemId = item.item.id;
  const startsAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
  const invitation = await zhujian.call<{ id: number }>('POST', '/ledger', {
    departmentId: zhujian.user.organisation.id,
    counterpartIds: [minjian.user.organisation.id],
    kind: 'invitation',
    direction: 'dept_to_cp',
    subtype: 'meeting',
    title: INVITATION,
    startsAt,
    place: '区住建局三楼会议室',
  });
  invitationId = invitation.id;
});

const signedIn = (username: string) => signIn(world.browser, world.server.baseUrl, username);

describe('督办: 统战部 presses an overdue reply; the department is told and led to it', () => {
  it('统战部 finds the overdue reply in its my-work and presses it with a note', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await page.goto(`${world.server.baseUrl}/`);
      const entry = page
        .getByTestId('work-item')
        .filter({ hasText: `督办：区住建局逾期未答复民建奉化总支部的意见建议（${MATTER}）` });
      await entry.waitFor();
      await expect(entry.getAttribute('data-overdue')).resolves.toBe('1');
      await entry.getByRole('link').click();
      await page.waitForURL(new RegExp(`/consultations/items/${itemId}$`));
      const screen = page.getByTestId('item-screen');
      await screen.getByTestId('item-urge').click();
      await page.getByTestId('urge-note').fill(NOTE);
      const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('urge-form') });
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => screen.getByTestId('item-timeline').textContent()).toContain(`第1次督办`);
      await expect(screen.getByTestId('item-timeline').textContent()).resolves.toContain(NOTE);
      await page.screenshot({ path: '/tmp/liaison-e2e-urge.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('区住建局 is told once, and the notification leads to the reply it owes', async () => {
    const { context, page } = await signedIn('zhujian');
    try {
      const told = await notificationsAbout(page, `督办：民建奉化总支部的意见建议逾期未答复（${MATTER}）`);
      await expect(told.count()).resolves.toBe(1);
      await told.first().click();
      await page.waitForURL(new RegExp(`/consultations/items/${itemId}$`));
      await page.getByTestId('item-screen').getByTestId('item-reply').waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('an invitation reaches the invited counterpart at once', () => {
  it('民建奉化总支部 is told once, and the notification leads to the reply it owes', async () => {
    const { context, page } = await signedIn('minjian');
    try {
      const told = await notificationsAbout(page, `区住建局邀请：${INVITATION}`);
      await expect(told.count()).resolves.toBe(1);
      await told.first().click();
      await page.waitForURL(new RegExp(`/ledger\\?record=${invitationId}`));
      // the record opens in its drawer (its title heads it), with the reply it owes
      await page.getByTestId('record-detail').getByTestId('action-reply').waitFor();
      await page.getByRole('dialog').getByText(INVITATION).first().waitFor();
    } finally {
      await context.close();
    }
  });
});
