import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, signIn } from './helpers.js';
import { demoWorld } from './world.js';

// 三(一) and 三(四) of 奉政发〔2019〕47号: a department invites its counterpart (附件1: 民建奉化总支部 ↔ 区发改局)
// to an important meeting, as planned in its annual liaison work plan; the counterpart replies; the
// department records who attended; the ledger and the plan show it.
const PLAN_ITEM = '邀请民建奉化总支部参加经济形势分析会';
const MEETING = '2026年经济形势分析会（e2e）';
const WHO_GOES = '王五（民建奉化总支部副主委）';
const SUMMARY = '通报经济运行情况，民建提出三条建议。';

// The district's clock: the plan month and the meeting's day are Asia/Shanghai dates (signIn's time zone).
const OFFSET_MS = 8 * 3600_000;
const shanghai = (ms: number) => new Date(ms + OFFSET_MS).toISOString();
const now = Date.now();
// "An hour ago", but on today's date in Shanghai (so the plan's year and month are those of the meeting).
const midnight = Date.parse(`${shanghai(now).slice(0, 10)}T00:00:00Z`) - OFFSET_MS;
const startsMs = Math.max(now - 3600_000, midnight + 60_000);
const startsText = shanghai(startsMs).slice(0, 16).replace('T', ' '); // YYYY-MM-DD HH:mm
const year = Number(startsText.slice(0, 4));
const month = Number(startsText.slice(5, 7));

const world = demoWorld();

const signedIn = (username: string, width = 1366, height = 900) =>
  signIn(world.browser, world.server.baseUrl, username, { width, height });

/** The record's row in the ledger table, then its drawer. */
async function openRecord(page: Page): Promise<void> {
  const table = page.getByTestId('ledger-table');
  await table.getByText(MEETING).click();
  const drawer = page.getByTestId('record-drawer');
  await drawer.getByTestId('record-detail').waitFor();
}

describe('工作台账: plan → invitation → reply → attendance', () => {
  it('区发改局 (fagai) makes its annual plan with an invitation item for this month', async () => {
    const { context, page } = await signedIn('fagai');
    try {
      const menu = page.getByTestId('main-menu');
      await menu.getByText('对口联系', { exact: true }).waitFor();
      for (const entry of ['工作台账', '年度计划', '日程']) {
        await expect(menu.getByText(entry, { exact: true }).isVisible(), entry).resolves.toBe(true);
      }
      await menu.getByText('年度计划', { exact: true }).click();
      await page.waitForURL(/\/plans/);
      await page.getByText(`尚未制定${year}年度对口联系工作计划`).waitFor();
      await page.getByTestId('plan-create').click();
      const dialog = page.getByRole('dialog');
      await chooseOption(page, 'plan-item-kind-0', '邀请');
      await dialog.getByTestId('plan-item-title-0').fill(PLAN_ITEM);
      await chooseOption(page, 'plan-item-month-0', `${month}月`);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });

      const card = page.getByTestId('plan-card');
      await card.getByText(`区发改局 ${year}年度对口联系工作计划`).waitFor();
      const row = card.getByTestId('plan-items').locator('tr', { hasText: PLAN_ITEM });
      await expect(row.getByTestId('plan-item-status').textContent()).resolves.toBe('待完成');
      // made without a symposium: the card says so rather than pretending it was agreed at one
      await expect(card.getByTestId('plan-symposium-none').textContent()).resolves.toBe(
        '未关联商定计划的座谈会',
      );
      await page.screenshot({ path: '/tmp/liaison-e2e-plan-new.png' });
    } finally {
      await context.close();
    }
  });

  it('a plan agreed at the yearly symposium leads to that symposium’s record', async () => {
    const { context, page } = await signedIn('weijian');
    try {
      await page.goto(`${world.server.baseUrl}/plans?year=${year}`);
      const link = page.getByTestId('plan-card').getByTestId('plan-symposium');
      await expect(link.textContent()).resolves.toBe('在对口联系工作座谈会上商定（查看座谈会记录）');
      await link.click();
      await page.waitForURL(/\/ledger\?.*record=\d+/);
      const drawer = page.getByTestId('record-drawer');
      await drawer.getByTestId('record-detail').waitFor();
      await expect(drawer.textContent()).resolves.toContain('座谈会');
    } finally {
      await context.close();
    }
  });

  it('区发改局 invites 民建奉化总支部 to a meeting that began an hour ago, linked to the plan item', async () => {
    const { context, page } = await signedIn('fagai');
    try {
      await page.goto(`${world.server.baseUrl}/ledger?year=${year}`);
      await page.getByTestId('ledger-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('部门邀请联系对象负责人参加').waitFor();
      await chooseOption(page, 'record-counterparts', '民建奉化总支部');
      await dialog.getByTestId('record-title').fill(MEETING);
      const starts = dialog.getByLabel('开始时间');
      await starts.click();
      await starts.fill(startsText);
      await starts.press('Enter');
      await dialog.getByLabel('地点').fill('区行政中心 3 号会议室');
      await chooseOption(page, 'record-plan-item', `${month}月 · ${PLAN_ITEM}`);
      await page.screenshot({ path: '/tmp/liaison-e2e-ledger-create.png' });
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });

      // Saved: its drawer opens, awaiting the reply.
      const drawer = page.getByTestId('record-drawer');
      await drawer.getByTestId('record-detail').waitFor();
      await expect(drawer.textContent()).resolves.toContain(MEETING);
      const responses = drawer.getByTestId('responses-table');
      await expect(responses.locator('tr', { hasText: '民建奉化总支部' }).textContent()).resolves.toContain(
        '未答复',
      );
      await expect(drawer.textContent()).resolves.toContain(startsText);

      // A file: a text note is accepted, a file whose bytes are not of its type is refused (415).
      const upload = drawer.getByTestId('attachments').locator('input[type=file]');
      await upload.setInputFiles({
        name: '会议通知.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('会议通知：请准时参加。'),
      });
      await drawer.getByTestId('attachments').getByText('会议通知.txt').waitFor();
      await upload.setInputFiles({
        name: '议程.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from([0x00, 0x01, 0x02, 0x03, 0x04]),
      });
      await expect(drawer.getByTestId('upload-error').textContent()).resolves.toContain('不支持的文件类型');
      // Each file shows the unit that uploaded it.
      await expect(drawer.getByTestId('attachment-meta').first().textContent()).resolves.toContain(
        '区发改局',
      );
      // A type the server would refuse is refused in the browser, before anything is sent.
      let sent = 0;
      page.on('request', (r) => {
        if (r.method() === 'POST' && r.url().includes('/attachments')) sent++;
      });
      await upload.setInputFiles({
        name: 'setup.exe',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from('MZ'),
      });
      await drawer.getByTestId('upload-error').getByText('不是允许的文件类型', { exact: false }).waitFor();
      expect(sent).toBe(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-ledger-drawer.png' });
    } finally {
      await context.close();
    }
  });

  it('民建奉化总支部 (minjian) replies 参加 with who goes', async () => {
    const { context, page } = await signedIn('minjian');
    try {
      await page.goto(`${world.server.baseUrl}/ledger?year=${year}`);
      await openRecord(page);
      const drawer = page.getByTestId('record-drawer');
      // The invitee may neither record attendance nor edit the host's record.
      await expect(drawer.getByTestId('action-attendance').count()).resolves.toBe(0);
      await expect(drawer.getByTestId('action-edit').count()).resolves.toBe(0);
      await drawer.getByTestId('action-reply').click();
      const dialog = page.getByRole('dialog', { name: '答复邀请' });
      await dialog.getByRole('radio', { name: '参加', exact: true }).check();
      await dialog.getByTestId('reply-attendees').fill(WHO_GOES);
      await dialog.getByRole('button', { name: '提交答复' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const row = drawer.getByTestId('responses-table').locator('tr', { hasText: '民建奉化总支部' });
      await expect.poll(() => row.textContent()).toContain('参加');
      await expect(row.textContent()).resolves.toContain(WHO_GOES);
      await page.screenshot({ path: '/tmp/liaison-e2e-ledger-reply.png' });
    } finally {
      await context.close();
    }
  });

  it('区发改局 records the attendance with a summary', async () => {
    const { context, page } = await signedIn('fagai');
    try {
      await page.goto(`${world.server.baseUrl}/ledger?year=${year}`);
      await openRecord(page);
      const drawer = page.getByTestId('record-drawer');
      await drawer.getByTestId('action-attendance').click();
      const dialog = page.getByRole('dialog', { name: '登记出席情况' });
      const attendance = dialog.getByTestId('attendance-table');
      // Prefilled from the reply: attended, with the names the counterpart gave.
      await expect(attendance.getByRole('checkbox').isChecked()).resolves.toBe(true);
      await expect(attendance.getByRole('textbox').inputValue()).resolves.toBe(WHO_GOES);
      await dialog.getByTestId('attendance-summary').fill(SUMMARY);
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => drawer.getByTestId('record-detail').textContent()).toContain('已登记出席');
      await expect(drawer.textContent()).resolves.toContain(SUMMARY);
      const row = drawer.getByTestId('responses-table').locator('tr', { hasText: '民建奉化总支部' });
      await expect(row.textContent()).resolves.toContain('已出席');
    } finally {
      await context.close();
    }
  });

  it('统战部 (tzb) filters the ledger to the pair 区发改局–民建奉化总支部 and sees the attendance', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await page.getByTestId('main-menu').getByText('工作台账', { exact: true }).click();
      await page.waitForURL(/\/ledger/);
      await chooseOption(page, 'ledger-department', '区发改局');
      await chooseOption(page, 'ledger-counterpart', '民建奉化总支部');
      await page.waitForURL(/departmentId=\d+.*counterpartId=\d+/);
      const table = page.getByTestId('ledger-table');
      const row = table.locator('tr', { hasText: MEETING });
      await row.waitFor();
      await expect(row.textContent()).resolves.toContain(WHO_GOES);
      await expect(row.textContent()).resolves.toContain('已登记出席');
      await expect(table.locator('tbody tr.ant-table-row').count()).resolves.toBe(1);

      // 统战部 reads but does not reply; it may correct the record.
      await openRecord(page);
      const drawer = page.getByTestId('record-drawer');
      await expect(drawer.getByTestId('action-reply').count()).resolves.toBe(0);
      await expect(drawer.getByTestId('action-edit').count()).resolves.toBe(1);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // Counts per pair.
      await page.getByRole('tab', { name: '统计' }).click();
      const summary = page.getByTestId('ledger-summary');
      const pairRow = summary.locator('tr', { hasText: '民建奉化总支部' }).first();
      await expect(pairRow.textContent()).resolves.toContain('区发改局');
      await page.getByText('图表', { exact: true }).click();
      await summary.getByTestId('summary-chart').locator('canvas').waitFor();
      await page.screenshot({ path: '/tmp/liaison-e2e-ledger-summary.png' });
    } finally {
      await context.close();
    }
  });

  it('区发改局 sees the plan item done, linked to the record', async () => {
    const { context, page } = await signedIn('fagai');
    try {
      await page.goto(`${world.server.baseUrl}/plans?year=${year}`);
      const row = page.getByTestId('plan-items').locator('tr', { hasText: PLAN_ITEM });
      await row.waitFor();
      await expect(row.getByTestId('plan-item-status').textContent()).resolves.toBe('已完成');
      await expect(row.textContent()).resolves.toContain(MEETING);
      await page.screenshot({ path: '/tmp/liaison-e2e-plan-done.png' });

      // The ledger filtered to its counterpart shows the same record.
      await page.goto(`${world.server.baseUrl}/ledger?year=${year}`);
      await chooseOption(page, 'ledger-counterpart', '民建奉化总支部');
      const ledgerRow = page.getByTestId('ledger-table').locator('tr', { hasText: MEETING });
      await ledgerRow.waitFor();
      await expect(ledgerRow.textContent()).resolves.toContain(WHO_GOES);
      await page.screenshot({ path: '/tmp/liaison-e2e-ledger-desktop.png' });
    } finally {
      await context.close();
    }
  });
});

describe('phone width (375×800)', () => {
  it('the ledger, a record, the plan and the calendar fit the screen', async () => {
    const { context, page } = await signedIn('fagai', 375, 800);
    try {
      const overflow = async () =>
        Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));

      await page.goto(`${world.server.baseUrl}/ledger?year=${year}`);
      await page.getByTestId('ledger-table').getByText(MEETING).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-ledger-phone.png' });

      await openRecord(page);
      const drawer = page.locator('.ant-drawer-content-wrapper');
      await expect.poll(async () => (await drawer.boundingBox())?.width).toBe(375);
      await page.screenshot({ path: '/tmp/liaison-e2e-ledger-drawer-phone.png' });
      await page.keyboard.press('Escape');

      await page.goto(`${world.server.baseUrl}/plans?year=${year}`);
      await page.getByTestId('plan-items').getByText(PLAN_ITEM).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-plans-phone.png' });

      await page.goto(`${world.server.baseUrl}/calendar`);
      await page.getByTestId('day-events').getByText(MEETING).waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.screenshot({ path: '/tmp/liaison-e2e-calendar-phone.png' });

      await page.getByTestId('feed-open').click();
      await page.getByTestId('feed-create').click();
      await expect(page.getByTestId('feed-url').textContent()).resolves.toMatch(
        /\/api\/v1\/calendar\/feed\/.+\.ics$/,
      );
      await page.screenshot({ path: '/tmp/liaison-e2e-calendar-feed-phone.png' });
    } finally {
      await context.close();
    }
  });

  it('the calendar at desktop width shows the meeting on its day', async () => {
    const { context, page } = await signedIn('fagai');
    try {
      await page.goto(`${world.server.baseUrl}/calendar`);
      await page.locator('.liaison-calendar-events').getByText(MEETING).first().waitFor();
      await page.screenshot({ path: '/tmp/liaison-e2e-calendar-desktop.png' });
    } finally {
      await context.close();
    }
  });
});
