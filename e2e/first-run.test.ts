// Issue 18's journey on an empty database, as a new district would live it: the setup link the server prints →
// the locality → the 统战部 activates its account → pastes its own notice (the pairing import drawer) → accounts for
// every unit from an .xlsx (a bad file first: the preview names each problem) → one 联络员 activates by the code on
// the 开通通知单 and files 附件2. The test counts the pages and the actions it took.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT } from './helpers.js';

const NOTICE = [
  '民革鹿城区基层委员会：鹿城区发展和改革局、鹿城区教育局',
  '民盟鹿城区委员会：鹿城区财政局、鹿城区卫生健康局',
  '鹿城区工商联：鹿城区商务局',
].join('\n');
const UNITS: [string, string, string, string][] = [
  ['鹿城区发展和改革局', '林一', '13957700001', ''],
  ['鹿城区教育局', '林二', '0577-88960002', ''],
  ['鹿城区财政局', '林三', '13957700003', ''],
  ['鹿城区卫生健康局', '林四', '13957700004', ''],
  ['鹿城区商务局', '林五', '0577-88960005 转 12', ''],
  ['民革鹿城区基层委员会', '林六', '13957700006', ''],
  ['民盟鹿城区委员会', '林七', '13957700007', ''],
  ['鹿城区工商联', '林八', '13957700008', ''],
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function writeXlsx(path: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('联络员');
  for (const r of rows) sheet.addRow(r);
  await writeFile(path, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** Pages opened (distinct paths) and actions done (clicks, typing, file choices), for the report. */
const tally = { pages: new Set<string>(), actions: 0 };
const click = async (l: Locator) => {
  tally.actions++;
  await l.click();
};
const fill = async (l: Locator, text: string) => {
  tally.actions++;
  await l.fill(text);
};
function track(page: Page): void {
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) tally.pages.add(new URL(frame.url()).pathname.replace(/\/\d+/g, '/:id'));
  });
}

describe('first run on an empty database: setup link → a district live with its units', () => {
  let dir: string;
  let child: ChildProcess;
  let baseUrl: string;
  let setupLink: string;
  let browser: Browser;
  const started = Date.now();

  beforeAll(async () => {
    const main = join(ROOT, 'dist/server/main.js');
    if (!existsSync(main)) throw new Error('run `npm run build` before the e2e suite');
    dir = await mkdtemp(join(tmpdir(), 'liaison-first-run-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: `sqlite:${join(dir, 'first.db')}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LIAISON_PUBLIC_URL: baseUrl,
      LIAISON_LOG_LEVEL: 'warn',
      LIAISON_SWEEP_EVERY_MINUTES: '0',
    };
    delete env.LIAISON_ADMIN_PASSWORD;
    child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const link = /(http:\/\/\S+\/setup\?token=[\w-]+)/.exec(output)?.[1];
      if (link && output.includes('is serving')) {
        setupLink = link;
        break;
      }
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(output).not.toMatch(/one-time password/);
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  let tzbCode = '';
  let liaisonCode = '';
  let liaisonUser = '';

  it('the setup link: locality, own notice, four accounts — codes shown once', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    track(page);
    await page.goto(setupLink);
    await fill(page.getByTestId('setup-city'), '温州市');
    await fill(page.getByTestId('setup-county'), '鹿城区');
    await fill(page.getByLabel('统战部名称'), '鹿城区委统战部');
    await fill(page.getByLabel('政府办名称'), '鹿城区政府办');
    await click(page.getByTestId('setup-submit'));
    tzbCode = (await page.getByTestId('setup-code-tzb').textContent()) ?? '';
    expect(tzbCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    for (const role of ['sysadmin', 'secadmin', 'auditadmin'])
      await expect(page.getByTestId(`setup-code-${role}`).textContent()).resolves.toMatch(/^[A-Z2-9]{4}-/);
    await page.screenshot({ path: '/tmp/liaison-e2e-first-run-setup.png', fullPage: true });
    // the link is spent
    const again = await fetch(`${baseUrl}/api/v1/setup`);
    expect(await again.json()).toEqual({ needed: false });
    await context.close();
  });

  it('统战部 activates by code, pastes its notice, and creates every unit’s account from an .xlsx', async () => {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    track(page);
    await page.goto(`${baseUrl}/activate`);
    await fill(page.getByTestId('activation-code'), tzbCode);
    await click(page.getByTestId('activation-check'));
    await expect(page.getByTestId('activation-username').textContent()).resolves.toBe('tzb');
    await fill(page.getByTestId('activation-password'), 'Lucheng-Tongzhan-2026');
    await fill(page.getByTestId('activation-confirm'), 'Lucheng-Tongzhan-2026');
    await click(page.getByTestId('activation-submit'));
    await click(page.getByTestId('activation-to-login'));
    await fill(page.getByLabel('用户名'), 'tzb');
    await fill(page.getByLabel('密码'), 'Lucheng-Tongzhan-2026');
    await click(page.getByTestId('login-submit'));
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    // the locality's own notice, through the pairing import
    await click(page.getByTestId('main-menu').getByText('对口联系', { exact: true }));
    await click(page.getByRole('button', { name: '导入' }));
    const drawer = page.getByTestId('import-drawer');
    await fill(drawer.getByTestId('import-text'), NOTICE);
    await click(drawer.getByTestId('import-preview'));
    const preview = drawer.getByTestId('import-preview-result');
    await preview.waitFor();
    await fill(preview.getByLabel('起始年度'), String(new Date().getFullYear()));
    await fill(preview.getByLabel('文号'), '鹿政发〔2026〕1号');
    await click(preview.getByTestId('import-confirm'));
    await expect.poll(() => drawer.getByTestId('import-result').textContent()).toContain('新增 5 条对口联系');
    await page.keyboard.press('Escape');

    // accounts for every unit: a file with mistakes first — the preview names each, nothing is created
    const bad = join(dir, 'bad.xlsx');
    await writeXlsx(bad, [
      ['单位', '联络员', '手机', '邮箱'],
      ...UNITS.slice(0, 7),
      ['鹿城区教育局', '林九', '1395770000', 'lin9@'],
      ['鹿城区不存在局', '林十', '13957700010', ''],
    ]);
    await click(page.getByTestId('main-menu').getByText('账号开通', { exact: true }));
    tally.actions++;
    await page
      .getByTestId('provision-xlsx')
      .locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]')
      .setInputFiles(bad);
    const previewBox = page.getByTestId('provision-preview');
    await previewBox.waitFor();
    const problems = await previewBox.getByTestId('provision-problem').allTextContents();
    expect(problems.slice(0, 3)).toEqual([
      '与第 3 行是同一单位',
      '电话号码不正确（手机 11 位 1[3-9] 开头，座机须带区号）',
      '邮箱地址不正确',
    ]);
    expect(problems[3]).toMatch(/^本区没有这个单位/);
    expect(problems).toHaveLength(4);
    await expect(page.getByTestId('provision-create').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: '/tmp/liaison-e2e-first-run-bad-xlsx.png', fullPage: true });

    const good = join(dir, 'good.xlsx');
    await writeXlsx(good, [['单位', '联络员', '手机', '邮箱'], ...UNITS]);
    tally.actions++;
    await page
      .getByTestId('provision-xlsx')
      .locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]')
      .setInputFiles(good);
    await expect.poll(() => previewBox.getByTestId('provision-problem').count()).toBe(0);
    await click(page.getByTestId('provision-create'));
    const result = page.getByTestId('provision-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toContain('已开通 8 个账号');
    const download = page.waitForEvent('download');
    await click(result.getByTestId('provision-notices'));
    const notices = await (await download).path();
    expect((await readFile(notices)).subarray(0, 2).toString()).toBe('PK');
    // the 教育局 row: its code goes to 林二 on the printed notice
    const row = result.locator('tr', { hasText: '鹿城区教育局' });
    liaisonCode = ((await row.locator('code').textContent()) ?? '').trim();
    liaisonUser = ((await row.locator('td').nth(1).textContent()) ?? '').trim();
    expect(liaisonCode).toMatch(/^[A-Z2-9]{4}-/);

    // a 附件2 round for the units to file in
    await click(page.getByTestId('main-menu').getByText('登记报送', { exact: true }));
    await click(page.getByTestId('round-create'));
    const dialog = page.getByRole('dialog');
    await click(dialog.getByRole('button', { name: /开\s*启/ }));
    await dialog.waitFor({ state: 'hidden' });
    await page.screenshot({ path: '/tmp/liaison-e2e-first-run-accounts.png', fullPage: true });
    await context.close();
  });

  it('the 联络员 of 鹿城区教育局 activates with the code on the notice and files 附件2', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    track(page);
    await page.goto(`${baseUrl}/login`);
    await click(page.getByTestId('login-activate'));
    await fill(page.getByTestId('activation-code'), liaisonCode);
    await click(page.getByTestId('activation-check'));
    await expect(page.getByTestId('activation-username').textContent()).resolves.toBe(liaisonUser);
    await fill(page.getByTestId('activation-password'), 'Jiaoyu-Lin-2026');
    await fill(page.getByTestId('activation-confirm'), 'Jiaoyu-Lin-2026');
    await click(page.getByTestId('activation-submit'));
    await click(page.getByTestId('activation-to-login'));
    await fill(page.getByLabel('用户名'), liaisonUser);
    await fill(page.getByLabel('密码'), 'Jiaoyu-Lin-2026');
    await click(page.getByTestId('login-submit'));
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));

    await click(page.getByTestId('main-menu').getByText('登记报送', { exact: true }));
    const form = page.getByTestId('filing-form');
    await form.waitFor();
    await fill(form.getByTestId('leader-name'), '陈主任');
    await fill(form.getByTestId('leader-position'), '副局长');
    await fill(form.getByTestId('leader-phone'), '0577-88960001');
    await fill(form.getByTestId('liaison-name'), '林二');
    await fill(form.getByTestId('liaison-position'), '办公室主任');
    await fill(form.getByTestId('liaison-phone'), '13957700002');
    await click(form.getByTestId('filing-save'));
    await expect.poll(() => form.getByTestId('filing-status').textContent()).toBe('草稿');
    await click(form.getByTestId('filing-submit'));
    await click(page.locator('.ant-popconfirm:visible .ant-popconfirm-buttons .ant-btn-primary'));
    await expect.poll(() => form.getByTestId('filing-status').textContent()).toBe('已提交');
    await page.screenshot({ path: '/tmp/liaison-e2e-first-run-filed.png', fullPage: true });
    await context.close();

    const seconds = Math.round((Date.now() - started) / 1000);
    console.info(
      `first-run journey: ${tally.pages.size} pages (${[...tally.pages].join(' ')}), ${tally.actions} actions, ` +
        `${seconds} s in the browser; a person typing at ~5 s an action needs about ${Math.ceil((tally.actions * 5) / 60)} min (target < 15 min)`,
    );
    expect(tally.actions).toBeLessThan(90);
  });
});
