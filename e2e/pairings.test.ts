import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, login } from './helpers.js';
import { demoWorld } from './world.js';

// 附件1 of 奉政发〔2019〕47号, copied from the seed document itself (not from the server's seed code),
// so the matrix is checked against the source.
const DEPARTMENTS_2019 = [
  ...['区公安分局', '区司法局', '区交通局', '区农业农村局', '区卫生健康局', '区综合执法局'],
  ...['区发改局', '区财政局', '区住建局', '区自然资源和规划分局'],
  ...['区教育局', '区科技局', '区文广旅体局', '区统计局'],
  ...['区经信局', '区人力社保局', '区生态环境分局', '区税务局', '区应急管理局', '区审计局', '区市场监管局'],
  ...['区民政局', '区水利局', '区商务局', '区退役军人事务局', '区医保局'],
];
const COUNTERPARTS_2019 = ['民革奉化区委会', '民建奉化总支部', '民盟奉化支部', '区工商联', '无党派人士'];

const NEW_LIST_2020 = '民进奉化基层委员会：区教育局、区文广旅体局\n九三学社奉化支社：区科技局';

const world = demoWorld();

describe('对口联系 as 统战部 (tzb), desktop', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await world.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('signs in and lands on 我的工作, with only its menu entries', async () => {
    await login(page, world.server.baseUrl, 'tzb');
    await page.getByTestId('work-list').waitFor();
    const menu = page.getByTestId('main-menu');
    await menu.getByText('对口联系', { exact: true }).click();
    await page.waitForURL(/\/pairings/);
    await expect(menu.getByText('对口联系', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(menu.getByText('单位管理', { exact: true }).isVisible()).resolves.toBe(true);
    // 统战部 is not an admin: the 三员 pages are not in its menu.
    await expect(menu.getByText('用户管理').count()).resolves.toBe(0);
    await expect(menu.getByText('审计日志').count()).resolves.toBe(0);
    await expect(page.getByTestId('user-name').textContent()).resolves.toBeTruthy();
    await page.screenshot({ path: '/tmp/liaison-e2e-pairings-desktop.png' });
  });

  it('shows every department of 附件1 in the 2019 matrix', async () => {
    await page.getByRole('tab', { name: '矩阵' }).click();
    await chooseOption(page, 'year-select', '2019年');
    const matrix = page.getByTestId('pairing-matrix');
    await matrix.waitFor();
    await matrix.getByText('2019年对口联系矩阵').waitFor();
    for (const name of DEPARTMENTS_2019) {
      const cell = matrix.getByTestId('matrix-department').getByText(name, { exact: true });
      await expect(cell.isVisible(), name).resolves.toBe(true);
    }
    await expect(matrix.getByTestId('matrix-department').count()).resolves.toBe(DEPARTMENTS_2019.length);
    for (const name of COUNTERPARTS_2019) {
      await expect(matrix.getByRole('columnheader', { name, exact: true }).isVisible(), name).resolves.toBe(
        true,
      );
    }
    await page.screenshot({ path: '/tmp/liaison-e2e-matrix-2019.png', fullPage: true });
  });

  it('imports a new list for 2020 from pasted text: preview, new names, confirm', async () => {
    await page.getByRole('button', { name: '导入' }).click();
    const drawer = page.getByTestId('import-drawer');
    await drawer.getByTestId('import-text').fill(NEW_LIST_2020);
    await drawer.getByTestId('import-preview').click();

    const result = drawer.getByTestId('import-preview-result');
    await result.waitFor();
    const pairs = result.getByTestId('import-pairs');
    const read: string[] = [];
    for (let i = 0; i < 3; i++) {
      read.push(
        `${await pairs.getByTestId(`grid-counterpart-${i}`).inputValue()}|${await pairs.getByTestId(`grid-department-${i}`).inputValue()}`,
      );
    }
    expect(read).toEqual([
      '民进奉化基层委员会|区教育局',
      '民进奉化基层委员会|区文广旅体局',
      '九三学社奉化支社|区科技局',
    ]);
    await expect(result.getByTestId('grid-issue').count()).resolves.toBe(0);

    // Both counterparts are new names; each defaults to "create new" (there is nothing similar).
    const newNames = await result.getByTestId('new-name').allTextContents();
    expect(newNames).toContain('民进奉化基层委员会');
    expect(newNames).toContain('九三学社奉化支社');
    expect(newNames).not.toContain('区教育局');
    await result.getByText('新建单位「民进奉化基层委员会」').waitFor();

    await result.getByLabel('起始年度').fill('2020');
    await result.getByLabel('文号').fill('奉政发〔2020〕1号');
    await page.screenshot({ path: '/tmp/liaison-e2e-import-preview.png' });
    await result.getByTestId('import-confirm').click();

    const done = drawer.getByTestId('import-result');
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain('新增 3 条对口联系');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('finds the imported counterpart in the 2020 list', async () => {
    await page.getByRole('tab', { name: '列表' }).click();
    await chooseOption(page, 'year-select', '2020年');
    const table = page.getByTestId('pairing-table');
    // 29 pairings in force in 2020: the new ones may be on the second page; the search box finds them.
    await table.getByText('区公安分局').first().waitFor();
    await page.getByPlaceholder('搜索联系对象、部门或文号').fill('民进奉化基层委员会');
    const row = table.locator('tr', { hasText: '民进奉化基层委员会' }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('奉政发〔2020〕1号');
    await expect.poll(() => table.locator('tr', { hasText: '民进奉化基层委员会' }).count()).toBe(2);
    await page.getByPlaceholder('搜索联系对象、部门或文号').fill('九三学社');
    await expect.poll(() => table.locator('tr', { hasText: '九三学社奉化支社' }).count()).toBe(1);
    await page.getByPlaceholder('搜索联系对象、部门或文号').fill('民进');
    await page.screenshot({ path: '/tmp/liaison-e2e-list-2020.png' });
  });
});

describe('phone width (375×800)', () => {
  it('collapses the menu into a drawer behind a hamburger button', async () => {
    const context = await world.browser.newContext({
      viewport: { width: 375, height: 800 },
      locale: 'zh-CN',
      isMobile: true,
    });
    try {
      const page = await context.newPage();
      await login(page, world.server.baseUrl, 'tzb');
      await page.getByTestId('work-list').waitFor();
      await page.goto(`${world.server.baseUrl}/pairings`);
      const toggle = page.getByTestId('menu-toggle');
      await toggle.waitFor();
      await page.getByTestId('pairing-table').getByText('区公安分局').first().waitFor();
      // No sider: the menu is not on screen until the hamburger opens it.
      await expect(page.locator('.ant-layout-sider').count()).resolves.toBe(0);
      await expect(page.getByTestId('main-menu').count()).resolves.toBe(0);
      // Nothing is wider than the screen but the table, which scrolls inside itself.
      // (a string: this file is type-checked without the DOM library)
      const overflow = Number(
        await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-phone.png' });

      await toggle.click();
      const menu = page.getByTestId('main-menu');
      await menu.waitFor();
      // Wait for the drawer to finish sliding in before the screenshot.
      await expect.poll(async () => (await menu.boundingBox())?.x).toBe(0);
      await expect(menu.getByText('单位管理', { exact: true }).isVisible()).resolves.toBe(true);
      await page.screenshot({ path: '/tmp/liaison-e2e-phone-menu.png' });
      await menu.getByText('单位管理', { exact: true }).click();
      await page.waitForURL(/\/organisations/);
    } finally {
      await context.close();
    }
  });
});
