import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openMatter, signIn, submitModal } from './helpers.js';
import { demoWorld } from './world.js';

// 三(二) of 奉政发〔2019〕47号: before a 重大建设和改革项目 区住建局 holds a 专题协商座谈会 with its counterpart
// (附件1: 民建奉化总支部 ↔ 区住建局), hears its suggestions, analyses and answers each; 暂不采纳 needs a
// reason; the counterpart rates the reply, and 不满意 sends the item back for 二次办理.
const MATTER = '奉化城区老旧小区改造三年行动计划（e2e）';
const PLACE = '区住建局三楼会议室';
const MINUTES = '民建奉化总支部就改造资金和居民参与提出意见。';
const S1 = '建议设立老旧小区改造居民议事会，全过程听取居民意见。';
const S2 = '建议将加装电梯补贴标准提高到每台二十万元。';
const REPLY1 = '采纳，将在各改造小区成立居民议事会。';
const REPLY2 = '补贴标准按市级统一政策执行，暂不调整。';
const REASON2 = '市级政策尚未调整，区级财力有限。';
const COMMENT = '希望进一步研究区级配套补贴的可行性。';

const world = demoWorld();

const signedIn = (username: string, width?: number, height?: number) =>
  signIn(world.browser, world.server.baseUrl, username, { width, height });

async function openItem(page: Page, status: string, text: string): Promise<void> {
  await page.goto(`${world.server.baseUrl}/consultations/items?status=${status}`);
  await page.getByTestId('items-table').getByText(text.slice(0, 20)).click();
  await page.getByTestId('item-screen').waitFor();
}

describe('重大事项协商: matter → symposium → suggestions → replies → verdict → 二次办理', () => {
  it('区住建局 (zhujian) registers the matter, consulting 民建奉化总支部 by default, and holds the symposium', async () => {
    const { context, page } = await signedIn('zhujian');
    try {
      await page.getByTestId('main-menu').getByText('重大事项协商', { exact: true }).click();
      await page.waitForURL(/\/consultations/);
      await page.getByTestId('matter-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('matter-kind').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option[title="重大建设和改革项目"]')
        .click();
      await dialog.getByTestId('matter-title').fill(MATTER);
      await dialog.getByTestId('matter-summary').fill('对2000年前建成的老旧小区实施综合改造。');
      // the department's pair of 附件1 is the default counterpart
      await expect
        .poll(() => dialog.getByTestId('matter-counterparts').textContent())
        .toContain('民建奉化总支部');
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-new.png' });
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });

      const drawer = page.getByTestId('matter-drawer');
      await drawer.getByTestId('matter-detail').waitFor();
      await page.waitForURL(/\/consultations\/matters\/\d+/);
      await drawer.getByTestId('matter-schedule').click();
      await page.getByTestId('schedule-place').fill(PLACE);
      await submitModal(page, 'schedule-form');
      await expect.poll(() => drawer.getByTestId('matter-symposium').textContent()).toContain(PLACE);

      await drawer.getByTestId('matter-hold').click();
      await page.getByTestId('hold-attendees').fill('民建奉化总支部 张三、李四');
      await page.getByTestId('hold-minutes').fill(MINUTES);
      await submitModal(page, 'hold-form');
      await expect.poll(() => drawer.getByTestId('matter-symposium').textContent()).toContain('召开');
      await expect(drawer.getByTestId('matter-minutes-text').textContent()).resolves.toBe(MINUTES);
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-matter.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('民建奉化总支部 (minjian) submits two suggestions in writing', async () => {
    const { context, page } = await signedIn('minjian');
    try {
      const drawer = await openMatter(page, world.server.baseUrl, MATTER);
      for (const text of [S1, S2]) {
        await drawer.getByTestId('matter-add-item').click();
        await page.getByTestId('item-text').fill(text);
        await submitModal(page, 'item-form');
        await drawer.getByTestId('matter-items').getByText(text.slice(0, 20)).waitFor();
      }
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-suggestions.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('区住建局 answers one 采纳 and one 暂不采纳 with a reason', async () => {
    const { context, page } = await signedIn('zhujian');
    try {
      await openItem(page, 'awaiting_reply', S1);
      const screen = page.getByTestId('item-screen');
      await expect(screen.getByTestId('item-matter-minutes').textContent()).resolves.toBe(MINUTES);
      await screen.getByTestId('due-tag').waitFor();
      await screen.getByTestId('item-reply').click();
      await page.getByTestId('reply-class').getByText('采纳', { exact: true }).click();
      await page.getByTestId('reply-text').fill(REPLY1);
      await submitModal(page, 'reply-form');
      await expect.poll(() => screen.getByTestId('item-status').first().textContent()).toBe('待评价');

      await openItem(page, 'awaiting_reply', S2);
      await screen.getByTestId('item-reply').click();
      await page.getByTestId('reply-class').getByText('暂不采纳', { exact: true }).click();
      await page.getByTestId('reply-text').fill(REPLY2);
      // the reason is required for 暂不采纳
      const dialog = page.getByRole('dialog').filter({ has: page.getByTestId('reply-form') });
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.getByText('请填写理由').waitFor();
      await page.getByTestId('reply-reason').fill(REASON2);
      await submitModal(page, 'reply-form');
      await expect.poll(() => screen.getByTestId('item-status').first().textContent()).toBe('待评价');
      await expect(screen.getByTestId('item-rounds').textContent()).resolves.toContain(REASON2);
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-replied.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('民建奉化总支部 rates the second reply 不满意 with a comment', async () => {
    const { context, page } = await signedIn('minjian');
    try {
      await openItem(page, 'awaiting_verdict', S2);
      const screen = page.getByTestId('item-screen');
      await expect(screen.getByTestId('item-rounds').textContent()).resolves.toContain(REPLY2);
      await screen.getByTestId('item-rate').click();
      await page.getByTestId('verdict-choice').getByText('不满意', { exact: true }).click();
      await page.getByTestId('verdict-comment').fill(COMMENT);
      await submitModal(page, 'verdict-form');
      await expect.poll(() => screen.getByTestId('item-status').first().textContent()).toBe('二次办理');
      await expect(screen.getByTestId('item-timeline').textContent()).resolves.toContain(COMMENT);
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-verdict.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('区住建局 sees it back under 二次办理', async () => {
    const { context, page } = await signedIn('zhujian');
    try {
      await page.goto(`${world.server.baseUrl}/consultations/items`);
      await page.getByTestId('items-tab-rehandling').click();
      await page.waitForURL(/status=rehandling/);
      const table = page.getByTestId('items-table');
      await table.getByText(S2.slice(0, 20)).waitFor();
      await expect(table.textContent()).resolves.not.toContain(S1.slice(0, 20));
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-rehandling.png', fullPage: true });
      await table.getByText(S2.slice(0, 20)).click();
      await page.getByTestId('item-screen').getByTestId('item-reply').waitFor();
    } finally {
      await context.close();
    }
  });

  it('fits a phone (375×800): the items list and the item screen', async () => {
    const overflow = async (page: Page) =>
      Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    const { context, page } = await signedIn('zhujian', 375, 800);
    try {
      await page.goto(`${world.server.baseUrl}/consultations/items?status=rehandling`);
      await page.getByTestId('items-table').getByText(S2.slice(0, 20)).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-phone-list.png', fullPage: true });
      await page.getByTestId('items-table').getByText(S2.slice(0, 20)).click();
      await page.getByTestId('item-screen').waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-phone-item.png', fullPage: true });
      await page.goto(`${world.server.baseUrl}/consultations`);
      await page.getByTestId('matters-table').getByText(MATTER).waitFor();
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-consult-phone-matters.png', fullPage: true });
    } finally {
      await context.close();
    }
  });
});
