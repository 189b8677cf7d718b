import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, login, type RunningServer, startServer } from './helpers.js';

// Stored XSS: every free text a user can type comes back on some page. Each payload sets window.__xss and
// calls alert() if it ever runs; the pages must show it as text instead.
const IMG = '<img src=x onerror=window.__xss=1;alert(1)>';
const SCRIPT = '<script>window.__xss=2;alert(2)</script>';
const SVG = '"><svg onload=window.__xss=3;alert(3)>';
const JS = 'javascript:window.__xss=4;alert(4)';
/** all four in one (≤ 200 characters) */
const ALL = `${IMG}${SCRIPT}${SVG}${JS}`;
const tag = (label: string) => `${label}${ALL}`;

const TZ_OFFSET_MS = 8 * 3600_000;
const today = new Date(Date.now() + TZ_OFFSET_MS).toISOString().slice(0, 10);
const YEAR = Number(today.slice(0, 4));

let server: RunningServer;
let browser: Browser;
const ids: Record<string, number> = {};

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Ref {
  id: number;
  name: string;
}

/** Open a page as one user: no dialog may open, window.__xss stays unset, each text shows as typed. */
async function check(page: Page, path: string, texts: string[], ready?: string): Promise<void> {
  await page.goto(`${server.baseUrl}${path}`);
  if (ready) await page.getByTestId(ready).first().waitFor();
  for (const text of texts) {
    await expect
      .poll(async () => String(await page.evaluate('document.body.innerText')), { timeout: 15_000 })
      .toContain(text);
  }
  // give late handlers (onerror of a broken image, onload) their chance to run
  await page.waitForTimeout(300);
  await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
  await expect(
    page.evaluate('document.querySelectorAll("img[src=x], svg[onload], script:not([src])").length'),
  ).resolves.toBe(0);
}

async function browse(username: string, visits: (page: Page) => Promise<void>): Promise<string[]> {
  const context: BrowserContext = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const dialogs: string[] = [];
  try {
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await login(page, server.baseUrl, username);
    await visits(page);
  } finally {
    await context.close();
  }
  return dialogs;
}

describe('stored XSS payloads are shown as text, never run', () => {
  it('stores the payloads in every free-text field through the API', async () => {
    const tzb = await apiSession(server.baseUrl, 'tzb');
    const zhujian = await apiSession(server.baseUrl, 'zhujian');
    const minjian = await apiSession(server.baseUrl, 'minjian');
    const minjianId = minjian.user.organisation.id;
    const zhujianId = zhujian.user.organisation.id;
    ids.zhujian = zhujianId;

    // organisation name and alias; pairing source (统战部)
    const regionId = (
      await tzb.call<{ items: { regionId: number; name: string }[] }>('GET', '/organisations')
    ).items[0]?.regionId;
    const org = await tzb.call<Ref>('POST', '/organisations', {
      regionId,
      kind: 'department',
      name: IMG,
      shortName: null,
    });
    ids.org = org.id;
    await tzb.call('POST', `/organisations/${org.id}/aliases`, { alias: SVG, note: SCRIPT });
    await tzb.call('POST', '/pairings', {
      counterpartId: minjianId,
      departmentId: org.id,
      validFrom: YEAR,
      source: `${SVG}${JS}`.slice(0, 100),
    });

    // ledger: a symposium an hour ago with title, place, summary and minutes
    const record = await zhujian.call<Ref>('POST', '/ledger', {
      kind: 'symposium',
      departmentId: zhujianId,
      counterpartIds: [minjianId],
      title: tag('台账'),
      startsAt: new Date(Date.now() - 3600_000).toISOString(),
      place: `${IMG}${SVG}`,
      summary: tag('摘要'),
    });
    ids.record = record.id;
    await zhujian.call('POST', `/ledger/${record.id}/minutes`, { minutes: tag('纪要') });

    // roster names (the department's own 联络员)
    await zhujian.call('PUT', `/roster/${zhujianId}/liaison`, {
      name: IMG,
      position: SVG,
      mobile: '13800000009',
      servedFrom: today,
      reason: tag('变动'),
    });

    // 附件2: the department submits; 统战部 returns it with the payload as the reason
    const round = await tzb.call<{ id: number }>('POST', '/filing-rounds', {
      year: YEAR,
      deadline: today,
      // the demo year had its round in May: this one is a second, confirmed
      confirmAnother: true,
    });
    const form = `/filing-rounds/${round.id}/filings/${zhujianId}`;
    await zhujian.call('POST', `${form}/submit`, {
      leader: { name: '张三', position: SCRIPT.slice(0, 100), phone: '0574-88888888' },
      liaison: { name: '李四', position: '科长', phone: '13800000001' },
    });
    await tzb.call('POST', `${form}/return`, { reason: tag('退回') });
    ids.round = round.id;

    // consultation: matter title and summary, minutes, a suggestion, the reply with reason and analysis
    const matter = await zhujian.call<Ref>('POST', '/consultations/matters', {
      departmentId: zhujianId,
      kind: 'project',
      title: tag('事项'),
      summary: tag('概要'),
    });
    ids.matter = matter.id;
    await zhujian.call('POST', `/consultations/matters/${matter.id}/symposium`, {
      scheduledAt: new Date(Date.now() - 7200_000).toISOString(),
      place: SVG,
    });
    await zhujian.call('POST', `/consultations/matters/${matter.id}/symposium/held`, {
      attendees: IMG,
      minutes: tag('座谈纪要'),
    });
    const screen = await minjian.call<{ item: Ref }>('POST', `/consultations/matters/${matter.id}/items`, {
      source: 'written',
      text: tag('建议'),
    });
    ids.item = screen.item.id;
    await zhujian.call('POST', `/consultations/items/${screen.item.id}/reply`, {
      replyClass: 'not_adopted',
      text: tag('答复'),
      reason: tag('理由'),
      analysis: tag('分析'),
    });

    // the annual report: a section's text
    await zhujian.call('PUT', `/reports/${zhujianId}/${YEAR}`, { sections: { meetings: tag('报告') } });
  });

  it('统战部 sees the organisation, alias, pairing source, filing return, search results and dashboard as text', async () => {
    const dialogs = await browse('tzb', async (page) => {
      await check(page, '/organisations', [IMG, SVG]);
      await page
        .getByText(IMG, { exact: true })
        .first()
        .click()
        .catch(() => undefined);
      await check(page, `/pairings?year=${YEAR}`, [IMG, `${SVG}${JS}`.slice(0, 100)]);
      await check(page, `/filings/${ids.round}/${ids.zhujian}`, [tag('退回')], 'review-drawer');
      await check(page, `/search?q=${encodeURIComponent(IMG)}`, [IMG], 'search-results');
      await check(page, `/search?q=${encodeURIComponent('javascript:window')}`, [JS], 'search-results');
      await check(page, `/dashboard?year=${YEAR}`, [IMG], 'dashboard-matrix');
      await check(
        page,
        `/consultations/items/${ids.item}`,
        [tag('建议'), tag('答复'), tag('理由')],
        'item-screen',
      );
      await check(page, `/reports/${ids.zhujian}/${YEAR}`, [tag('报告')], 'report-view');
      await page.screenshot({ path: '/tmp/liaison-e2e-xss-report.png', fullPage: true });
    });
    expect(dialogs).toEqual([]);
  });

  it('区住建局 sees its ledger record, roster, returned form, matter, suggestion, reply and report as text', async () => {
    const dialogs = await browse('zhujian', async (page) => {
      await check(page, '/', [tag('台账').slice(0, 30)], 'work-list');
      await check(
        page,
        `/ledger?year=${YEAR}&record=${ids.record}`,
        [tag('台账'), tag('摘要'), tag('纪要'), `${IMG}${SVG}`],
        'record-drawer',
      );
      await page.screenshot({ path: '/tmp/liaison-e2e-xss-ledger.png' });
      await check(page, `/roster`, [IMG, SVG]);
      await check(page, '/filings', [tag('退回')], 'filing-form');
      await check(
        page,
        `/consultations/matters/${ids.matter}`,
        [tag('事项'), tag('概要'), tag('座谈纪要'), IMG, SVG],
        'matter-detail',
      );
      await page.screenshot({ path: '/tmp/liaison-e2e-xss-matter.png' });
      await check(
        page,
        `/consultations/items/${ids.item}`,
        [tag('建议'), tag('答复'), tag('理由'), tag('分析')],
        'item-screen',
      );
      await check(
        page,
        '/consultations/items?status=awaiting_verdict',
        [tag('建议').slice(0, 60)],
        'items-table',
      );
      await check(page, `/reports/${ids.zhujian}/${YEAR}`, [tag('报告')], 'report-view');
    });
    expect(dialogs).toEqual([]);
  });

  it('民建奉化总支部 sees the reply (not the analysis) and its notifications as text', async () => {
    const dialogs = await browse('minjian', async (page) => {
      await check(
        page,
        `/consultations/items/${ids.item}`,
        [tag('建议'), tag('答复'), tag('理由')],
        'item-screen',
      );
      await expect(page.evaluate('document.body.innerText')).resolves.not.toContain(tag('分析'));
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-panel').waitFor();
      await page.waitForTimeout(300);
      await expect(page.evaluate('window.__xss')).resolves.toBeUndefined();
      await check(page, `/ledger?year=${YEAR}&record=${ids.record}`, [tag('台账')], 'record-drawer');
    });
    expect(dialogs).toEqual([]);
  });
});
