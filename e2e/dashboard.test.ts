import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, login } from './helpers.js';
import { demoWorld } from './world.js';

// 四(三) of 奉政发〔2019〕47号: 统战部 oversees whether every pair keeps its obligations. On the demo year
// (`liaison seed-demo`), the dashboard shows the matrix per unit × metric, the year's trends as charts, and
// a red cell opens the records behind it.
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

const world = demoWorld();

async function signedIn(
  username: string,
  width = 1366,
  height = 900,
  password?: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: width < 768,
  });
  const page = await context.newPage();
  await login(page, world.server.baseUrl, username, password);
  return { context, page };
}

describe('履职督查 (the oversight page) on the demo year', () => {
  it('统战部 (tzb) lands on 我的工作, opens the dashboard: the matrix, the charts, a red cell’s records', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await page.getByTestId('work-list').waitFor();
      await page.screenshot({ path: '/tmp/liaison-e2e-mywork-tzb.png', fullPage: true });
      await page.getByTestId('main-menu').getByText('履职督查', { exact: true }).click();
      await page.waitForURL(/\/dashboard/);
      const matrix = page.getByTestId('dashboard-matrix');
      await matrix.getByText('区卫生健康局').waitFor();
      // every department and counterpart of 附件1 has a row (26 + 5), each with its six metrics
      await expect(matrix.locator('tbody tr.ant-table-row').count()).resolves.toBeGreaterThanOrEqual(31);
      await expect.poll(() => matrix.getByTestId('dashboard-cell').count()).toBeGreaterThanOrEqual(31 * 6);
      await expect(
        matrix.locator('[data-testid="dashboard-cell"][data-state="ok"]').count(),
      ).resolves.toBeGreaterThan(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-dashboard.png', fullPage: true });

      // a red cell with records behind it
      const red = matrix.locator('button[data-testid="dashboard-cell"][data-state="bad"]');
      await expect(red.count()).resolves.toBeGreaterThan(0);
      const row = red.first().locator('xpath=ancestor::tr[1]');
      const unit = (await row.locator('td').first().textContent()) ?? '';
      await red.first().click();
      const drawer = page.getByTestId('cell-drawer');
      await drawer.getByTestId('cell-records').waitFor();
      await expect.poll(() => drawer.locator('.ant-drawer-title').textContent()).toContain(unit);
      await expect.poll(() => drawer.getByTestId('cell-record').count()).toBeGreaterThan(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-dashboard-cell.png' });
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      await page.getByRole('tab', { name: '年度趋势' }).click();
      await page.locator('[data-testid="dashboard-chart-records"] canvas').waitFor();
      await page.locator('[data-testid="dashboard-chart-replies"] canvas').waitFor();
      await page.screenshot({ path: '/tmp/liaison-e2e-dashboard-trends.png', fullPage: true });

      // from a cell's records on to the page of its subject: a page of the app, not an API path
      await page.getByRole('tab', { name: '按单位' }).click();
      await red.first().click();
      await drawer.getByTestId('cell-page').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/dashboard'));
      expect(new URL(page.url()).pathname).toMatch(/^\/(ledger|plans|consultations|reports|filings)(\/|$)/);
    } finally {
      await context.close();
    }
  });

  it('the overdue cells of 按期答复 list the overdue suggestions', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await page.goto(`${world.server.baseUrl}/dashboard?year=${YEAR}`);
      const matrix = page.getByTestId('dashboard-matrix');
      await matrix.getByText('区卫生健康局').waitFor();
      // column 6 (1-based, after the unit) is 按期答复
      const replies = matrix.locator('tbody tr.ant-table-row td:nth-child(6) button[data-state="bad"]');
      if ((await replies.count()) > 0) {
        await replies.first().click();
        const drawer = page.getByTestId('cell-drawer');
        await expect.poll(() => drawer.getByTestId('cell-record').count()).toBeGreaterThan(0);
        await expect(drawer.locator('a[href^="/consultations/items/"]').count()).resolves.toBeGreaterThan(0);
      }
    } finally {
      await context.close();
    }
  });

  it('a department lands on 我的工作 with its due items; search finds records; phone width fits', async () => {
    const { context, page } = await signedIn('weijian', 375, 800);
    try {
      await page.getByTestId('work-list').waitFor();
      const overflow = async () =>
        Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-mywork-phone.png', fullPage: true });
      await page.goto(`${world.server.baseUrl}/search?q=${encodeURIComponent('座谈会')}`);
      await page.getByTestId('search-results').waitFor();
      await expect.poll(() => page.getByTestId('search-hit').count()).toBeGreaterThan(0);
      await expect(page.locator('[data-testid="search-hit"] mark').count()).resolves.toBeGreaterThan(0);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-search-phone.png', fullPage: true });
    } finally {
      await context.close();
    }
    const tzb = await signedIn('tzb', 375, 800);
    try {
      await tzb.page.goto(`${world.server.baseUrl}/dashboard?year=${YEAR}`);
      await tzb.page.getByTestId('dashboard-matrix').getByText('区卫生健康局').waitFor();
      const overflow = Number(
        await tzb.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await tzb.page.screenshot({ path: '/tmp/liaison-e2e-dashboard-phone.png' });
    } finally {
      await tzb.context.close();
    }
  });

  it('the header search box leads to grouped results; the notification settings page opens from the user menu', async () => {
    const { context, page } = await signedIn('weijian');
    try {
      await page.getByTestId('header-search').locator('input').fill('座谈会');
      await page.getByTestId('header-search').locator('input').press('Enter');
      await page.waitForURL(/\/search\?q=/);
      await page.getByTestId('search-results').waitFor();
      await page.screenshot({ path: '/tmp/liaison-e2e-search.png', fullPage: true });
      await page.getByTestId('user-preferences').click();
      await page.waitForURL(/\/notifications\/preferences/);
      await page.getByTestId('prefs-table').waitFor();
      await page.getByTestId('pref-consultation_reply').click();
      await page.getByTestId('prefs-save').click();
      await page.getByText('已保存').waitFor();
      await page.screenshot({ path: '/tmp/liaison-e2e-prefs.png', fullPage: true });
    } finally {
      await context.close();
    }
    const admin = await signedIn('sysadmin', 1366, 900, ADMIN_PASSWORD);
    try {
      await admin.page.getByTestId('main-menu').getByText('邮件投递', { exact: true }).click();
      await admin.page.getByTestId('deliveries-table').waitFor();
      await admin.page.screenshot({ path: '/tmp/liaison-e2e-deliveries.png' });
    } finally {
      await admin.context.close();
    }
  });
});
