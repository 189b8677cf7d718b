import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, login } from './helpers.js';
import { demoWorld } from './world.js';

// A notice as a 统战部 elsewhere writes it: a title, an address line, numbered items in mixed punctuation
// widths, departments first with a scope, a blanket statement, a headed group, and a stray list line.
const MESSY_NOTICE = [
  '关于调整2021年对口联系部门的通知',
  '各镇人民政府、街道办事处，区政府各部门：',
  '一、区水利局、区林业局主要对口联系民进、九三区委。',
  '二、与各民主党派区委（即民革、民盟）和区工商联普遍联系的单位：区发改局,区财政局。',
  '（三）分别联系有关党派的部门：',
  '区商务局与致公党区委结对；',
  '民建区委:区市场监管局；区税务局',
  '区统计局、区审计局',
].join('\n');

const world = demoWorld();

describe('importing another locality’s notice (tzb, desktop)', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await world.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    await login(page, world.server.baseUrl, 'tzb');
    await page.getByTestId('work-list').waitFor();
    await page.goto(`${world.server.baseUrl}/pairings`);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('pastes a messy notice, corrects two pairs in the grid, imports, and sees them in the matrix', async () => {
    await page.getByRole('button', { name: '导入' }).click();
    const drawer = page.getByTestId('import-drawer');
    await drawer.getByTestId('import-text').fill(MESSY_NOTICE);
    await drawer.getByTestId('import-preview').click();
    const result = drawer.getByTestId('import-preview-result');
    await result.waitFor();

    // every pair with the words it came from; the stray line stands in place with its reason
    const grid = result.getByTestId('import-pairs');
    await expect(grid.getByTestId('grid-department-1').inputValue()).resolves.toBe('区林业局');
    await expect(grid.getByTestId('grid-counterpart-1').inputValue()).resolves.toBe('民进区委');
    await expect(grid.getByTestId('grid-counterpart-3').inputValue()).resolves.toBe('九三区委');
    await expect(grid.getByTestId('grid-department-3').inputValue()).resolves.toBe('区林业局');
    const issue = grid.getByTestId('grid-issue');
    await expect(issue.textContent()).resolves.toContain('区统计局、区审计局');
    await expect(issue.textContent()).resolves.toContain('列出了部门，但未写明联系对象');
    await expect(result.getByTestId('import-count').textContent()).resolves.toContain('识别出 13 对');
    await page.screenshot({ path: '/tmp/liaison-e2e-import-grid.png' });

    // correction 1: 民进区委 liaises with 区自然资源和规划分局, not 区林业局
    const department = grid.getByTestId('grid-department-1');
    await department.fill('区自然资源和规划分局');
    await department.blur();
    // correction 2: 九三区委 — 区林业局 was not in the notice's intent; remove it
    await grid.getByTestId('grid-remove-3').click();
    await expect(result.getByTestId('import-count').textContent()).resolves.toContain('将导入 12 对');

    // new counterparts are listed for mapping; they default to "create new"
    const newNames = await result.getByTestId('new-name').allTextContents();
    expect(newNames).toContain('民进区委');
    expect(newNames).not.toContain('区自然资源和规划分局');

    await result.getByLabel('起始年度').fill('2021');
    await result.getByLabel('文号').fill('外地〔2021〕3号');
    await result.getByTestId('import-confirm').click();
    const done = drawer.getByTestId('import-result');
    await done.waitFor();
    await expect(done.textContent()).resolves.toContain('新增 12 条对口联系');
    // the result stays in the drawer, with what was left out: the removed pair and each line not read
    await expect(done.getByTestId('import-result-removed').textContent()).resolves.toContain('删去的 1 对');
    await expect(done.getByTestId('import-result-lines').textContent()).resolves.toContain(
      '区统计局、区审计局',
    );
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: '矩阵' }).click();
    await chooseOption(page, 'year-select', '2021年');
    const matrix = page.getByTestId('pairing-matrix');
    await matrix.getByText('2021年对口联系矩阵').waitFor();
    await matrix.getByLabel('民进区委 — 区自然资源和规划分局').waitFor();
    await expect(matrix.getByLabel('民进区委 — 区水利局').count()).resolves.toBe(1);
    await expect(matrix.getByLabel('致公党区委 — 区商务局').count()).resolves.toBe(1);
    await expect(matrix.getByLabel('民进区委 — 区林业局').count()).resolves.toBe(0);
    await expect(matrix.getByLabel('九三区委 — 区林业局').count()).resolves.toBe(0);
    await expect(matrix.getByLabel('九三区委 — 区水利局').count()).resolves.toBe(1);
    // the blanket statement's units are shared cells
    const fagai = matrix.locator('tr', {
      has: page.getByTestId('matrix-department').getByText('区发改局', { exact: true }),
    });
    await expect(fagai.getByText('共同联系').count()).resolves.toBe(3);
    await page.screenshot({ path: '/tmp/liaison-e2e-import-matrix-2021.png', fullPage: true });
  });
});
