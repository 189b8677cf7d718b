import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSession, DEMO_PASSWORD } from './helpers.js';
import { demoWorld } from './world.js';

// Keyboard only (issue 15, item 6): the three journeys a 联络员 does most — fill in 附件2, reply to a
// suggestion, submit 附件3 — completed with Tab, Shift+Tab, arrows, Space, Enter and typing; no click, no
// `fill`. Each step finds its control by moving the focus as a keyboard user does, so a control that cannot be
// reached or worked from the keyboard fails the journey. State another role makes (a new 附件2 round) is set up
// through the API: the journey under test is the 联络员's.

const world = demoWorld();

const MAX_TABS = 200;

/** Does the focused element (or one of its ancestors) match the selector? */
const focusedMatches = (page: Page, selector: string) =>
  page.evaluate(
    `(() => { const a = document.activeElement; return !!a && a !== document.body && !!a.closest(${JSON.stringify(selector)}); })()`,
  ) as Promise<boolean>;

/** Move the focus with Tab (or Shift+Tab) until it is on the selector's element, as a keyboard user would. */
async function tabTo(page: Page, selector: string, backwards = false): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    if (await focusedMatches(page, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${selector} cannot be reached with the keyboard (${MAX_TABS} × Tab)`);
}

/** Focus a field by Tab and type into it (selecting what is there first, as Ctrl+A does). */
async function typeInto(page: Page, selector: string, text: string): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(text);
}

async function pressOn(page: Page, selector: string, key = 'Enter'): Promise<void> {
  await tabTo(page, selector);
  await page.keyboard.press(key);
}

/** Sign in on the login page by keyboard alone; the app lands on 我的工作. */
async function keyboardLogin(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(`${world.server.baseUrl}/login`);
  await page.getByTestId('login-submit').waitFor();
  await typeInto(page, 'input[name="username"]', username);
  await typeInto(page, 'input[name="password"]', DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 30_000 });
  await page.getByTestId('main-menu').waitFor();
  return { context, page };
}

/**
 * The menu entry that has the focus, once the focus has caught up with the arrow (rc-menu moves it a frame
 * later). Polled with `evaluate`: the app's CSP forbids the eval that `waitForFunction` needs.
 */
async function focusedMenuEntry(page: Page): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const entry = (await page.evaluate(
      `(() => { const a = document.activeElement; const m = document.querySelector('[data-testid="main-menu"]'); return !!m && !!a && m.contains(a) && a.matches('li.ant-menu-item-active') ? (a.textContent || '').trim() : ''; })()`,
    )) as string;
    if (entry) return entry;
    await page.waitForTimeout(50);
  }
  throw new Error('no menu entry took the focus after an arrow key');
}

/** Open a page from the left menu: Tab into the menu, arrows to the entry, Enter. */
async function menuTo(page: Page, label: string, path: RegExp): Promise<void> {
  await tabTo(page, '[data-testid="main-menu"]');
  const seen: string[] = [];
  for (let i = 0; ; i++) {
    if (i === 40) throw new Error(`menu entry ${label} not reached with the arrows: ${seen.join(' / ')}`);
    await page.keyboard.press('ArrowDown');
    const entry = await focusedMenuEntry(page);
    if (entry === label) break;
    seen.push(entry);
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(path, { timeout: 30_000 });
}

describe('keyboard only', () => {
  it('a department 联络员 fills in 附件2 and submits it', { timeout: 180_000 }, async () => {
    // 统战部 opens a new round of the year (the demo year filed its own in May)
    const tzb = await apiSession(world.server.baseUrl, 'tzb');
    const year = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await tzb.call('POST', '/filing-rounds', { year, deadline, confirmAnother: true });

    const { context, page } = await keyboardLogin('gongan');
    try {
      await menuTo(page, '登记报送', /\/filings/);
      const form = page.getByTestId('filing-form');
      await form.waitFor();
      await expect.poll(() => form.getByTestId('filing-status').textContent()).toBe('未开始');
      await typeInto(page, '[data-testid="leader-name"]', '张建国');
      await typeInto(page, '[data-testid="leader-position"]', '副局长');
      await typeInto(page, '[data-testid="leader-phone"]', '0574-88951234');
      await typeInto(page, '[data-testid="liaison-name"]', '李明');
      await typeInto(page, '[data-testid="liaison-position"]', '政治处副主任');
      await typeInto(page, '[data-testid="liaison-phone"]', '13912341218');
      await pressOn(page, '[data-testid="filing-submit"]');
      // the confirmation takes the focus; Enter on its primary button confirms
      await tabTo(page, '.ant-popconfirm .ant-btn-primary');
      await page.keyboard.press('Enter');
      await expect.poll(() => form.getByTestId('filing-status').textContent()).toBe('已提交');
    } finally {
      await context.close();
    }
  });

  it('a department 联络员 replies to a suggestion', { timeout: 180_000 }, async () => {
    // 民建奉化总支部 puts a suggestion to 区住建局 on a new matter (the demo year's are all answered)
    const zhujian = await apiSession(world.server.baseUrl, 'zhujian');
    const minjian = await apiSession(world.server.baseUrl, 'minjian');
    const matter = await zhujian.call<{ id: number }>('POST', '/consultations/matters', {
      departmentId: zhujian.user.organisation.id,
      kind: 'planning',
      title: '老旧小区改造实施方案（键盘）',
      counterpartIds: [minjian.user.organisation.id],
    });
    await minjian.call('POST', `/consultations/matters/${matter.id}/items`, {
      source: 'written',
      text: '建议在改造小区成立居民议事会，听取居民对改造内容的意见。',
    });

    const { context, page } = await keyboardLogin('zhujian');
    try {
      await menuTo(page, '意见建议答复', /\/consultations\/items/);
      const table = page.getByTestId('items-table');
      await table.locator('tbody tr.ant-table-row').first().waitFor();
      // the first row's title is a link: the item screen
      await pressOn(page, '[data-testid="items-table"] tbody a');
      const screen = page.getByTestId('item-screen');
      await screen.waitFor();
      await pressOn(page, '[data-testid="item-reply"]');
      await page.getByTestId('reply-form').waitFor();
      // 答复类别: a radio group — arrows move and choose
      await tabTo(page, '[data-testid="reply-class"]');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowLeft');
      await typeInto(page, '[data-testid="reply-text"]', '采纳，将在各改造小区成立居民议事会。');
      await pressOn(page, '.ant-modal-footer .ant-btn-primary');
      await page.getByTestId('reply-form').waitFor({ state: 'hidden' });
      await expect.poll(() => screen.getByTestId('item-status').first().textContent()).toBe('待评价');
    } finally {
      await context.close();
    }
  });

  it('a department 联络员 submits 附件3', { timeout: 180_000 }, async () => {
    const { context, page } = await keyboardLogin('weijian');
    try {
      await menuTo(page, '年度报告', /\/reports\/\d+\/\d+/);
      const view = page.getByTestId('report-view');
      await view.waitFor();
      await pressOn(page, '[data-testid="section-edit-meetings"]');
      await typeInto(
        page,
        '[data-testid="section-text-meetings"]',
        '本年度召开对口联系工作座谈会1次。（键盘填写）',
      );
      await pressOn(page, '[data-testid="section-edit-meetings"]', 'Enter');
      await pressOn(page, '[data-testid="report-submit"]');
      await tabTo(page, '.ant-popconfirm .ant-btn-primary');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByTestId('report-status').first().textContent()).toBe('已提交');
      await expect(view.getByTestId('section-view-meetings').textContent()).resolves.toBe(
        '本年度召开对口联系工作座谈会1次。（键盘填写）',
      );
    } finally {
      await context.close();
    }
  });
});
