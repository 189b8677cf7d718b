import { launchBrowser, login, startServer } from './helpers.js';
const server = await startServer();
const browser = await launchBrowser();
try {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await ctx.newPage();
  await login(page, server.baseUrl, 'minjian');
  await page.goto(`${server.baseUrl}/ledger`);
  await page.getByTestId('ledger-create').click();
  await page.waitForTimeout(1000);
  await page.getByTestId('record-kind').click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: '/tmp/dbg/minjian-create.png' });
  await page.keyboard.press('Escape');
  await page.goto(`${server.baseUrl}/plans`);
  await page.waitForTimeout(1000);
  await page.screenshot({ path: '/tmp/dbg/minjian-plans.png' });
  await ctx.close();

  const en = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'en', timezoneId: 'Asia/Shanghai' });
  const p2 = await en.newPage();
  await login(p2, server.baseUrl, 'fagai');
  await p2.evaluate("localStorage.setItem('liaison.lang', 'en')");
  await p2.goto(`${server.baseUrl}/ledger`);
  await p2.getByTestId('ledger-create').click();
  await p2.waitForTimeout(1000);
  await p2.screenshot({ path: '/tmp/dbg/en-create.png' });
  await p2.goto(`${server.baseUrl}/calendar`);
  await p2.waitForTimeout(1000);
  await p2.screenshot({ path: '/tmp/dbg/en-calendar.png' });
  await p2.goto(`${server.baseUrl}/filings`);
  await p2.waitForTimeout(1000);
  await p2.screenshot({ path: '/tmp/dbg/en-filings.png' });
  await en.close();

  const q = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const p3 = await q.newPage();
  await login(p3, server.baseUrl, 'qfb');
  await p3.goto(`${server.baseUrl}/roster`);
  await p3.waitForTimeout(1500);
  await p3.screenshot({ path: '/tmp/dbg/qfb-roster.png' });
  await p3.goto(`${server.baseUrl}/plans`);
  await p3.waitForTimeout(1000);
  await p3.screenshot({ path: '/tmp/dbg/qfb-plans.png' });
} finally {
  await browser.close();
  await server.stop();
}
