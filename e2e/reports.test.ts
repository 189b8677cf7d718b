import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { confirmPopup, signIn } from './helpers.js';
import { demoWorld } from './world.js';

// 附件3 of 奉政发〔2019〕47号: each department reports its year's liaison work to 区委统战部 in late January.
// The ledger drafts the seven sections; 区卫生健康局 edits and submits; 统战部 returns it with a comment;
// the department resubmits; 统战部 accepts.
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const EDITED =
  '本年度召开对口联系工作座谈会1次，与民革奉化区委会共同研究确定年度对口联系工作计划。（e2e 修改）';
const RETURN = '请补充医疗义诊活动的服务人次。';
const FIXED = '与民革奉化区委会联合开展医疗义诊活动，服务群众三百余人次。（e2e 补充）';

const world = demoWorld();

const signedIn = (username: string, width?: number, height?: number) =>
  signIn(world.browser, world.server.baseUrl, username, { width, height });

/** 区卫生健康局's organisation id: where its own /reports lands. */
async function weijianId(): Promise<number> {
  const { context, page } = await signedIn('weijian');
  try {
    await page.goto(`${world.server.baseUrl}/reports`);
    await page.getByTestId('report-view').waitFor();
    const match = /\/reports\/(\d+)\//.exec(new URL(page.url()).pathname);
    return Number(match?.[1]);
  } finally {
    await context.close();
  }
}

async function openWeijianAsTzb(page: Page): Promise<void> {
  await page.goto(`${world.server.baseUrl}/reports?year=${YEAR}`);
  await page.getByTestId('reports-table').getByText('区卫生健康局').click();
  await page.getByTestId('report-view').waitFor();
}

describe('年度报告 (附件3): draft → edit → submit → return → resubmit → accept', () => {
  it('区卫生健康局 (weijian) sees the draft written from its records, edits a section and submits', async () => {
    const { context, page } = await signedIn('weijian');
    try {
      await page.getByTestId('main-menu').getByText('年度报告', { exact: true }).click();
      await page.waitForURL(new RegExp(`/reports/\\d+/${YEAR}`));
      const view = page.getByTestId('report-view');
      await view.waitFor();
      await expect(view.textContent()).resolves.toContain('对口联系会议情况');
      await expect(view.textContent()).resolves.toContain('共同开展社会服务活动情况');
      await expect(page.getByTestId('report-status').first().textContent()).resolves.toBe('未开始');
      // a generated sentence opens the records behind it
      const sentence = view.getByTestId('sentence').first();
      if ((await sentence.count()) > 0) {
        await sentence.click();
        await page.getByTestId('sentence-source').first().waitFor();
        await page.keyboard.press('Escape');
      }
      await page.screenshot({ path: '/tmp/liaison-e2e-report-draft.png', fullPage: true });

      await view.getByTestId('section-edit-meetings').click();
      await view.getByTestId('section-text-meetings').fill(EDITED);
      await view.getByTestId('section-edit-meetings').click();
      await view.getByTestId('report-save').click();
      await expect.poll(() => page.getByTestId('report-status').first().textContent()).toBe('草稿');
      await expect(view.getByTestId('section-view-meetings').textContent()).resolves.toBe(EDITED);
      await view.getByTestId('report-submit').click();
      await confirmPopup(page);
      await expect.poll(() => page.getByTestId('report-status').first().textContent()).toBe('已提交');
      await page.screenshot({ path: '/tmp/liaison-e2e-report-submitted.png', fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('统战部 (tzb) returns it with a comment', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await page.goto(`${world.server.baseUrl}/reports?year=${YEAR}`);
      const row = page.getByTestId('reports-table').locator('tr', { hasText: '区卫生健康局' });
      await expect.poll(() => row.getByTestId('report-status').textContent()).toBe('已提交');
      await page.screenshot({ path: '/tmp/liaison-e2e-report-board.png', fullPage: true });
      await openWeijianAsTzb(page);
      await expect(page.getByTestId('section-view-meetings').textContent()).resolves.toBe(EDITED);
      await page.getByTestId('report-return').click();
      const dialog = page.getByRole('dialog', { name: /退回「区卫生健康局」的年度报告/ });
      await dialog.getByTestId('report-return-input').fill(RETURN);
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('report-status').first().textContent()).toBe('已退回');
    } finally {
      await context.close();
    }
  });

  it('区卫生健康局 sees the comment, revises and resubmits', async () => {
    const { context, page } = await signedIn('weijian');
    try {
      await page.goto(`${world.server.baseUrl}/reports`);
      const view = page.getByTestId('report-view');
      await view.waitFor();
      await expect.poll(() => page.getByTestId('report-status').first().textContent()).toBe('已退回');
      await expect(view.getByTestId('report-return-comment').textContent()).resolves.toBe(RETURN);
      await view.getByTestId('section-edit-socialService').click();
      await view.getByTestId('section-text-socialService').fill(FIXED);
      await view.getByTestId('report-submit').click();
      await confirmPopup(page);
      await expect.poll(() => page.getByTestId('report-status').first().textContent()).toBe('已提交');
      await expect(view.getByTestId('section-view-socialService').textContent()).resolves.toBe(FIXED);
    } finally {
      await context.close();
    }
  });

  it('统战部 accepts it', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await openWeijianAsTzb(page);
      await page.getByTestId('report-accept').click();
      await confirmPopup(page);
      await expect.poll(() => page.getByTestId('report-status').first().textContent()).toBe('已接受');
      await expect(page.getByTestId('report-versions').textContent()).resolves.toContain('接受');
      await page.screenshot({ path: '/tmp/liaison-e2e-report-accepted.png', fullPage: true });
      await page.goto(`${world.server.baseUrl}/reports?year=${YEAR}`);
      const row = page.getByTestId('reports-table').locator('tr', { hasText: '区卫生健康局' });
      await expect.poll(() => row.getByTestId('report-status').textContent()).toBe('已接受');
    } finally {
      await context.close();
    }
  });

  it('区卫生健康局 rates its counterpart (互评) and 统战部 sets the deadline', async () => {
    const dept = await signedIn('weijian');
    try {
      await dept.page.goto(`${world.server.baseUrl}/reports/${await weijianId()}/${YEAR}`);
      await dept.page.getByTestId('evaluation-partner').click();
      await dept.page.locator('.ant-select-item-option', { hasText: '民革奉化区委会' }).click();
      await dept.page.locator('.ant-rate').first().locator('li').nth(3).click();
      await dept.page.getByPlaceholder('评语').fill('联络及时，合作顺畅。');
      await dept.page.getByTestId('evaluation-save').click();
      await dept.page.getByRole('cell', { name: '联络及时，合作顺畅。' }).waitFor();
    } finally {
      await dept.context.close();
    }
    const { context, page } = await signedIn('tzb');
    try {
      await page.goto(`${world.server.baseUrl}/reports?year=${YEAR}`);
      // a date picker like every other (the days already past are greyed out); typed, then Enter
      await page.getByTestId('report-deadline').fill(`${YEAR + 1}-01-25`);
      await page.getByTestId('report-deadline').press('Enter');
      await page.getByRole('button', { name: '保存' }).click();
      const row = page.getByTestId('reports-table').locator('tr', { hasText: '区卫生健康局' });
      await expect.poll(() => row.textContent()).toContain(`${YEAR + 1}-01-25`);
    } finally {
      await context.close();
    }
  });

  it('the conference pack builds as a job with progress; phone width fits', async () => {
    const { context, page } = await signedIn('tzb');
    try {
      await page.goto(`${world.server.baseUrl}/conference?year=${YEAR}`);
      await page.getByTestId('conference-view').waitFor();
      await page.locator('[data-testid="conference-chart"] canvas').waitFor();
      const pack = page.getByTestId('pack-conference-pack-xlsx');
      await pack.getByRole('button').click();
      await pack.getByTestId('pack-download').waitFor({ timeout: 60_000 });
      await page.screenshot({ path: '/tmp/liaison-e2e-conference.png', fullPage: true });
    } finally {
      await context.close();
    }
    const phone = await signedIn('weijian', 375, 800);
    try {
      await phone.page.goto(`${world.server.baseUrl}/reports`);
      await phone.page.getByTestId('report-view').waitFor();
      const overflow = Number(
        await phone.page.evaluate('document.documentElement.scrollWidth - window.innerWidth'),
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await phone.page.screenshot({ path: '/tmp/liaison-e2e-report-phone.png', fullPage: true });
    } finally {
      await phone.context.close();
    }
  });
});
