import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSession, notificationsAbout, openMatter, signIn, submitModal } from './helpers.js';
import { demoWorld } from './world.js';

// Being told (issue 15), per role: each step of a suggestion's way (三(二) of 奉政发〔2019〕47号) reaches the
// other side once, through the header's bell, and the notification opens the page where that side acts next —
// 民建奉化总支部 suggests, 区住建局 answers, 民建奉化总支部 rates the answer 不满意, 区住建局 handles it again.
// 统战部 returning 区住建局's 附件2 form or its 附件3 report tells the department once, and leads it to what it
// must correct. A reload shows the same notifications, read, never a second copy.
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));
const MATTER = '城区停车设施建设专项规划（通知 e2e）';
const SUGGESTION = '建议在老城区利用边角地建设立体停车库。';
const REPLY = '采纳，纳入年度停车设施建设计划。';
const VERDICT_COMMENT = '希望明确立体停车库的建设时间表。';
const FILING_REASON = '分管领导职务填写有误，请核对后重新报送（通知 e2e）';
const REPORT_COMMENT = '请补充联合调研成果的采纳落实情况（通知 e2e）';

let zhujianId: number;
let itemId: number;

const world = demoWorld(async () => {
  // the matter itself is the department's paperwork, not what is told: prepared through the API
  const zhujian = await apiSession(world.server.baseUrl, 'zhujian');
  const minjian = await apiSession(world.server.baseUrl, 'minjian');
  zhujianId = zhujian.user.organisation.id;
  await zhujian.call('POST', '/consultations/matters', {
    departmentId: zhujianId,
    kind: 'planning',
    title: MATTER,
    counterpartIds: [minjian.user.organisation.id],
  });
});

const signedIn = (username: string) => signIn(world.browser, world.server.baseUrl, username);

/** Close the bell's panel. */
async function closeBell(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('notification-panel').waitFor({ state: 'hidden' });
}

/**
 * After a reload the notification `text` is still there exactly once, and read (opening it marked it read).
 */
async function stillOnceAndRead(page: Page, text: string): Promise<void> {
  await page.reload();
  const told = await notificationsAbout(page, text);
  await expect(told.count()).resolves.toBe(1);
  const panel = page.getByTestId('notification-panel');
  await expect(panel.locator('li.unread', { hasText: text }).count()).resolves.toBe(0);
  await closeBell(page);
}

const itemUrl = () => new RegExp(`/consultations/items/${itemId}$`);

describe('a suggestion’s way: each side is told once, and led to where it acts', () => {
  it('民建奉化总支部 (minjian) submits a suggestion on the matter', async () => {
    const { context, page } = await signedIn('minjian');
    try {
      const drawer = await openMatter(page, world.server.baseUrl, MATTER);
      await drawer.getByTestId('matter-add-item').click();
      await page.getByTestId('item-text').fill(SUGGESTION);
      await submitModal(page, 'item-form');
      await drawer.getByTestId('matter-items').getByText(SUGGESTION.slice(0, 20)).waitFor();
    } finally {
      await context.close();
    }
  });

  it('区住建局 (zhujian) is told once; the notification opens the item, where it replies', async () => {
    const { context, page } = await signedIn('zhujian');
    try {
      const told = await notificationsAbout(page, `收到意见建议：${MATTER}`);
      await expect(told.count()).resolves.toBe(1);
      await expect(told.textContent()).resolves.toContain('民建奉化总支部');
      await told.click();
      await page.waitForURL(/\/consultations\/items\/\d+$/);
      itemId = Number(/\/items\/(\d+)$/.exec(new URL(page.url()).pathname)?.[1]);
      const screen = page.getByTestId('item-screen');
      await expect(screen.getByTestId('item-text-view').textContent()).resolves.toContain(SUGGESTION);
      await screen.getByTestId('item-reply').waitFor();

      await stillOnceAndRead(page, `收到意见建议：${MATTER}`);

      await screen.getByTestId('item-reply').click();
      await page.getByTestId('reply-class').getByText('采纳', { exact: true }).click();
      await page.getByTestId('reply-text').fill(REPLY);
      await submitModal(page, 'reply-form');
      await screen.getByTestId('item-reply').waitFor({ state: 'detached' });
      await expect.poll(() => screen.getByTestId('item-rounds').textContent()).toContain(REPLY);
    } finally {
      await context.close();
    }
  });

  it('民建奉化总支部 finds the reply in its my-work and is told once; both lead to the item, where it rates', async () => {
    const { context, page } = await signedIn('minjian');
    try {
      // 我的工作 is where a unit lands
      const entry = page
        .getByTestId('work-item')
        .filter({ hasText: `评价区住建局的答复：${SUGGESTION.slice(0, 20)}` });
      await entry.waitFor();
      await expect(entry.count()).resolves.toBe(1);
      await entry.getByRole('link').click();
      await page.waitForURL(itemUrl());
      const screen = page.getByTestId('item-screen');
      await screen.getByTestId('item-rate').waitFor();

      const told = await notificationsAbout(page, `意见建议已答复：${MATTER}`);
      await expect(told.count()).resolves.toBe(1);
      await page.goto(`${world.server.baseUrl}/`);
      await page.getByTestId('work-list').waitFor();
      await (await notificationsAbout(page, `意见建议已答复：${MATTER}`)).click();
      await page.waitForURL(itemUrl());
      await expect.poll(() => screen.getByTestId('item-rounds').textContent()).toContain(REPLY);

      await stillOnceAndRead(page, `意见建议已答复：${MATTER}`);

      await screen.getByTestId('item-rate').click();
      await page.getByTestId('verdict-choice').getByText('不满意', { exact: true }).click();
      await page.getByTestId('verdict-comment').fill(VERDICT_COMMENT);
      await submitModal(page, 'verdict-form');
      await screen.getByTestId('item-rate').waitFor({ state: 'detached' });
      await expect.poll(() => screen.getByTestId('item-timeline').textContent()).toContain(VERDICT_COMMENT);

      // rated: it has left my-work
      await page.goto(`${world.server.baseUrl}/`);
      await page.getByTestId('work-list').waitFor();
      await expect(
        page
          .getByTestId('work-item')
          .filter({ hasText: `评价区住建局的答复：${SUGGESTION.slice(0, 20)}` })
          .count(),
      ).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });

  it('区住建局 is told of the verdict once; the notification opens the item for 二次办理', async () => {
    const { context, page } = await signedIn('zhujian');
    try {
      const told = await notificationsAbout(page, `答复不满意，请二次办理：${MATTER}`);
      await expect(told.count()).resolves.toBe(1);
      await expect(told.textContent()).resolves.toContain(VERDICT_COMMENT);
      // the suggestion's own notification is still the one
      const panel = page.getByTestId('notification-panel');
      await expect(
        panel
          .getByTestId('notification-item')
          .filter({ hasText: `收到意见建议：${MATTER}` })
          .count(),
      ).resolves.toBe(1);
      await told.click();
      await page.waitForURL(itemUrl());
      const screen = page.getByTestId('item-screen');
      await screen.getByTestId('item-reply').waitFor();
      await expect(screen.getByTestId('item-timeline').textContent()).resolves.toContain(VERDICT_COMMENT);

      await stillOnceAndRead(page, `答复不满意，请二次办理：${MATTER}`);
    } finally {
      await context.close();
    }
  });
});

describe('统战部 returns what a department filed: the department is told once, and led to correct it', () => {
  it('附件2: 统战部 returns 区住建局’s form; the notification opens the form, to correct and resubmit', async () => {
    // a round of the year and 区住建局's submitted form, through the API; the return is 统战部's, on its board
    const tzbApi = await apiSession(world.server.baseUrl, 'tzb');
    const zhujianApi = await apiSession(world.server.baseUrl, 'zhujian');
    const deadline = new Date(Date.now() + 8 * 3600_000 + 14 * 86_400_000).toISOString().slice(0, 10);
    const round = await tzbApi.call<{ id: number }>('POST', '/filing-rounds', {
      year: YEAR,
      deadline,
      confirmAnother: true,
    });
    await zhujianApi.call('POST', `/filing-rounds/${round.id}/filings/${zhujianId}/submit`, {
      leader: { name: '陈立新', position: '局长', phone: '0574-88971234' },
      liaison: { name: '周敏', position: '办公室主任', phone: '13912345678' },
    });

    const tzb = await signedIn('tzb');
    try {
      const page = tzb.page;
      await page.goto(`${world.server.baseUrl}/filings/${round.id}`);
      const row = page.getByTestId('board-table').locator('tr', { hasText: '区住建局' });
      await row.getByRole('button').click();
      const drawer = page.getByTestId('review-drawer');
      await drawer.getByTestId('review-persons').waitFor();
      await drawer.getByTestId('review-return').click();
      const dialog = page.getByRole('dialog', { name: /退回「区住建局」的登记表/ });
      await dialog.getByTestId('return-reason-input').fill(FILING_REASON);
      await dialog.getByRole('button', { name: /退\s*回/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await drawer.getByTestId('review-return').waitFor({ state: 'detached' });
    } finally {
      await tzb.context.close();
    }

    const { context, page } = await signedIn('zhujian');
    try {
      const told = await notificationsAbout(page, FILING_REASON);
      await expect(told.count()).resolves.toBe(1);
      await expect(told.textContent()).resolves.toContain('登记表被退回');
      await told.click();
      await page.waitForURL(new RegExp(`/filings/${round.id}/${zhujianId}$`));
      const form = page.getByTestId('filing-form');
      await expect.poll(() => form.getByTestId('return-reason').textContent()).toBe(FILING_REASON);
      await expect(form.getByTestId('leader-position').isEditable()).resolves.toBe(true);
      await form.getByTestId('filing-submit').waitFor();

      await stillOnceAndRead(page, FILING_REASON);
      await expect(form.getByTestId('leader-position').inputValue()).resolves.toBe('局长');
    } finally {
      await context.close();
    }
  });

  it('附件3: 统战部 returns 区住建局’s report; the notification opens the report, to revise and resubmit', async () => {
    const zhujianApi = await apiSession(world.server.baseUrl, 'zhujian');
    await zhujianApi.call('POST', `/reports/${zhujianId}/${YEAR}/submit`, {});

    const tzb = await signedIn('tzb');
    try {
      const page = tzb.page;
      await page.goto(`${world.server.baseUrl}/reports?year=${YEAR}`);
      await page.getByTestId('reports-table').getByText('区住建局').click();
      await page.getByTestId('report-view').waitFor();
      await page.getByTestId('report-return').click();
      const dialog = page.getByRole('dialog', { name: /退回「区住建局」的年度报告/ });
      await dialog.getByTestId('report-return-input').fill(REPORT_COMMENT);
      await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('report-return').waitFor({ state: 'detached' });
    } finally {
      await tzb.context.close();
    }

    const { context, page } = await signedIn('zhujian');
    try {
      const told = await notificationsAbout(page, REPORT_COMMENT);
      await expect(told.count()).resolves.toBe(1);
      await expect(told.textContent()).resolves.toContain(`${YEAR}年度对口联系工作情况报告被退回`);
      await told.click();
      await page.waitForURL(new RegExp(`/reports/${zhujianId}/${YEAR}$`));
      const view = page.getByTestId('report-view');
      await expect.poll(() => view.getByTestId('report-return-comment').textContent()).toBe(REPORT_COMMENT);
      await view.getByTestId('report-submit').waitFor();

      await stillOnceAndRead(page, REPORT_COMMENT);
    } finally {
      await context.close();
    }
  });
});
