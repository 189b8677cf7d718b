import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmPopup, signIn } from './helpers.js';
import { demoWorld } from './world.js';

// 四(二) and 附件2 of 奉政发〔2019〕47号: each unit files its 分管领导 and 联络员 with 区委统战部; 统战部 returns
// a wrong form with a reason, files the corrected one, and sees who is still missing. 附件1 lists 26
// departments and 5 counterparts: 31 units.
const UNITS = 31;
const RETURN_REASON = '联络员联系电话有误，请核对后重新报送';

const world = demoWorld();

const signedIn = (username: string, width?: number, height?: number) =>
  signIn(world.browser, world.server.baseUrl, username, { width, height });

/** 统战部 opens 区公安分局's form from the board. */
async function openGonganOnBoard(page: Page): Promise<void> {
  await page.goto(`${world.server.baseUrl}/filings`);
  const row = page.getByTestId('board-table').locator('tr', { hasText: '区公安分局' });
  await row.getByRole('button').click();
  await page.getByTestId('review-drawer').getByTestId('review-persons').waitFor();
}

describe('登记报送 (附件2): open → submit → return → resubmit → file', () => {
  it('统战部 (tzb) opens the round with the notice’s defaults; the board shows 0 of 31 filed', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      const menu = page.getByTestId('main-menu');
      await menu.getByText('登记报送', { exact: true }).click();
      await page.waitForURL(/\/filings/);
      await page.getByTestId('round-create').click();
      const dialog = page.getByRole('dialog', { name: '开启登记报送' });
      // The defaults are what the seed's 附件2 prints.
      await expect(dialog.getByLabel('报送单位').inputValue()).resolves.toBe('区委统战部党派干部科');
      await expect(dialog.getByLabel('联系人').inputValue()).resolves.toBe('邬锡明');
      await expect(dialog.getByLabel('联系电话').inputValue()).resolves.toBe('89294017');
      await expect(dialog.getByLabel('传真').inputValue()).resolves.toBe('88522300');
      await dialog.getByRole('button', { name: /开\s*启/ }).click();
      // the demo year filed its round in May: a second round of the year is asked about first
      const again = page.getByRole('dialog', { name: /再次发起\d{4}年登记报送/ });
      await expect(again.textContent()).resolves.toContain('附件2每年报送一次');
      await again.getByRole('button', { name: /开\s*启/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('board-count').textContent()).toBe(`0 / ${UNITS} 已备案`);
      const row = page.getByTestId('board-table').locator('tr', { hasText: '区公安分局' });
      await expect(row.getByTestId('filing-status').textContent()).resolves.toBe('未开始');
      await page.screenshot({ path: '/tmp/liaison-e2e-filings-board-new.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('区公安分局 (gongan) fills in 附件2 and submits it', async () => {
    const { context, page } = await signedIn('gongan');
    try {
      await page.goto(`${world.server.baseUrl}/filings`);
      // a refused field is said by the field, never an uncaught error (an unhandled rejection is a page error)
      const pageErrors: string[] = [];
      page.on('pageerror', (e) => pageErrors.push(e.message));
      const form = page.getByTestId('filing-form');
      await form.waitFor();
      await expect(form.getByTestId('filing-status').textContent()).resolves.toBe('未开始');
      await expect(form.textContent()).resolves.toContain('此表请于');
      await expect(form.textContent()).resolves.toContain('区委统战部党派干部科');
      await form.getByTestId('leader-name').fill('张建国');
      await form.getByTestId('leader-position').fill('副局长');
      await form.getByTestId('leader-phone').fill('0574-88951234');
      await form.getByTestId('liaison-name').fill('李明');
      await form.getByTestId('liaison-position').fill('政治处副主任');
      // a mobile missing a digit is refused by the form itself, saying what a number looks like
      await form.getByTestId('liaison-phone').fill('1391234121');
      await form.getByTestId('filing-save').click();
      await form.getByText('手机号为 1 开头的 11 位数字', { exact: false }).first().waitFor();
      await expect(form.getByTestId('filing-status').textContent()).resolves.toBe('未开始');
      // submitting with the field still wrong: refused the same way, after the confirmation
      await form.getByTestId('filing-submit').click();
      await confirmPopup(page);
      await expect(form.getByTestId('filing-status').textContent()).resolves.toBe('未开始');
      // a well-formed number that is still wrong (an old mobile) is for 统战部 to catch
      await form.getByTestId('liaison-phone').fill('13912341218');
      await form.getByTestId('filing-save').click();
      await expect.poll(() => form.getByTestId('filing-status').textContent()).toBe('草稿');
      // by now any error of the refused clicks above would have surfaced
      expect(pageErrors).toEqual([]);
      await form.getByTestId('filing-submit').click();
      await confirmPopup(page);
      await expect.poll(() => form.getByTestId('filing-status').textContent()).toBe('已提交');
      await page.screenshot({ path: '/tmp/liaison-e2e-filing-submitted.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('统战部 sees the phones masked, reveals them with a reason, and returns the form', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await openGonganOnBoard(page);
      const drawer = page.getByTestId('review-drawer');
      const persons = drawer.getByTestId('review-persons');
      await expect(persons.textContent()).resolves.toContain('0574-8895****');
      await drawer.getByTestId('review-reveal').click();
      const reveal = page.getByRole('dialog', { name: '查看完整号码' });
      await reveal.getByRole('textbox').fill('核对登记表');
      await reveal.getByRole('button', { name: '查看完整号码' }).click();
      await expect.poll(() => persons.textContent()).toContain('0574-88951234');

      await drawer.getByTestId('review-return').click();
      const dialog = page.getByRole('dialog', { name: /退回「区公安分局」的登记表/ });
      await dialog.getByTestId('return-reason-input').fill(RETURN_REASON);
      await page.screenshot({ path: '/tmp/liaison-e2e-filing-return.png' });
      await dialog.getByRole('button', { name: /退\s*回/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => drawer.getByTestId('filing-status').first().textContent()).toBe('已退回');
      await page.keyboard.press('Escape');
      const row = page.getByTestId('board-table').locator('tr', { hasText: '区公安分局' });
      await expect.poll(() => row.getByTestId('filing-status').textContent()).toBe('已退回');
    } finally {
      await context.close();
    }
  });

  it('区公安分局 sees the reason (and a notification), corrects the phone and resubmits', async () => {
    const { context, page } = await signedIn('gongan');
    try {
      // The bell counts the unread notifications (the return among them; other features add their own).
      const bell = page.getByTestId('notification-bell');
      await expect.poll(async () => Number(await bell.textContent())).toBeGreaterThanOrEqual(1);
      await bell.click();
      const panel = page.getByTestId('notification-panel');
      const returned = panel.getByTestId('notification-item').filter({ hasText: '登记表被退回' });
      await expect(returned.textContent()).resolves.toContain(RETURN_REASON);
      await page.screenshot({ path: '/tmp/liaison-e2e-filing-bell.png' });
      await returned.click();
      await page.waitForURL(/\/filings\/\d+\/\d+/);

      const form = page.getByTestId('filing-form');
      await expect.poll(() => form.getByTestId('filing-status').textContent()).toBe('已退回');
      await expect(form.getByTestId('return-reason').textContent()).resolves.toBe(RETURN_REASON);
      // The values as submitted, the unit's own phones in full.
      await expect(form.getByTestId('leader-phone').inputValue()).resolves.toBe('0574-88951234');
      await form.getByTestId('liaison-phone').fill('13912341219');
      await form.getByTestId('filing-submit').click();
      await confirmPopup(page);
      await expect.poll(() => form.getByTestId('filing-status').textContent()).toBe('已提交');
      await page.screenshot({ path: '/tmp/liaison-e2e-filing-resubmitted.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('统战部 files it; the board shows 1 of 31 filed', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await openGonganOnBoard(page);
      const drawer = page.getByTestId('review-drawer');
      await drawer.getByTestId('review-file').click();
      await confirmPopup(page);
      await expect.poll(() => drawer.getByTestId('filing-status').first().textContent()).toBe('已备案');
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('board-count').textContent()).toBe(`1 / ${UNITS} 已备案`);
      const row = page.getByTestId('board-table').locator('tr', { hasText: '区公安分局' });
      await expect(row.getByTestId('filing-status').textContent()).resolves.toBe('已备案');
      await page.screenshot({ path: '/tmp/liaison-e2e-filings-board.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('the filed persons are 区公安分局’s roster; replacing the 联络员 is a change report 统战部 sees', async () => {
    const unit = await signedIn('gongan');
    try {
      const page = unit.page;
      await page.getByTestId('main-menu').getByText('责任人', { exact: true }).click();
      const inForce = page.getByTestId('roster-in-force');
      await inForce.getByText('李明').waitFor();
      await expect(inForce.textContent()).resolves.toContain('13912341219');
      await page.getByTestId('roster-edit-liaison').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('person-name').fill('王芳');
      await dialog.getByTestId('person-position').fill('政治处科员');
      await dialog.getByTestId('person-mobile').fill('13800000001');
      await dialog.getByText('人员变动报告').first().waitFor();
      await dialog.getByTestId('person-reason').fill('李明调任其他岗位');
      await page.screenshot({ path: '/tmp/liaison-e2e-roster-change.png' });
      await dialog.getByRole('button', { name: '报告变动' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await inForce.getByText('王芳').waitFor();
      await page.getByTestId('change-reports').getByText('李明调任其他岗位').waitFor();
    } finally {
      await unit.context.close();
    }

    const { context, page } = await signedIn('tzb');
    try {
      await page.goto(`${world.server.baseUrl}/filings`);
      const row = page.getByTestId('board-table').locator('tr', { hasText: '区公安分局' });
      await row.getByText('备案后人员变动').waitFor();
      await page.goto(`${world.server.baseUrl}/roster`);
      const table = page.getByTestId('roster-table');
      const gongan = table.locator('tr', { hasText: '区公安分局' });
      await expect(gongan.textContent()).resolves.toContain('王芳');
      // Other units' phones are masked for 统战部 in the list.
      await expect(gongan.textContent()).resolves.toContain('138****0001');
      await page.screenshot({ path: '/tmp/liaison-e2e-roster-list.png' });
    } finally {
      await context.close();
    }
  });
});

describe('phone width (375×800)', () => {
  it('the unit’s form and 统战部’s board fit the screen', async () => {
    const overflow = async (page: Page) =>
      Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    const unit = await signedIn('gongan', 375, 800);
    try {
      await unit.page.goto(`${world.server.baseUrl}/filings`);
      await unit.page.getByTestId('filing-form').waitFor();
      expect(await overflow(unit.page)).toBeLessThanOrEqual(0);
      await unit.page.screenshot({ path: '/tmp/liaison-e2e-filing-phone.png', fullPage: true });
      await unit.page.goto(`${world.server.baseUrl}/roster`);
      await unit.page.getByTestId('roster-in-force').waitFor();
      expect(await overflow(unit.page)).toBeLessThanOrEqual(0);
      await unit.page.screenshot({ path: '/tmp/liaison-e2e-roster-phone.png', fullPage: true });
    } finally {
      await unit.context.close();
    }
    const tzb = await signedIn('tzb', 375, 800);
    try {
      await tzb.page.goto(`${world.server.baseUrl}/filings`);
      await tzb.page.getByTestId('board-count').waitFor();
      expect(await overflow(tzb.page)).toBeLessThanOrEqual(0);
      await tzb.page.screenshot({ path: '/tmp/liaison-e2e-board-phone.png' });
    } finally {
      await tzb.context.close();
    }
  });
});
