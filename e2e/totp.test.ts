import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_PASSWORD,
  apiSession,
  DEMO_PASSWORD,
  launchBrowser,
  type RunningServer,
  startServer,
} from './helpers.js';

// Two-factor sign-in in the browser: the security admin turns on "TOTP required for the three admins";
// an admin without TOTP is then led through enrolment at sign-in, and an admin with it is asked for a code.

let server: RunningServer;
let browser: Browser;

/** The code of the next 30-second step: the step of the current one may already have been used. */
const nextCode = (secret: string) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: Date.now() + 30_000,
  });

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('two-factor sign-in', () => {
  let secadminSecret = '';

  it('lets the security admin enrol and then require TOTP of the three admins', async () => {
    const sec = await apiSession(server.baseUrl, 'secadmin', DEMO_PASSWORD);
    const setup = await sec.call<{ secret: string; uri: string }>('POST', '/auth/totp/setup');
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\//);
    secadminSecret = setup.secret;
    const now = new TOTP({ secret: Secret.fromBase32(setup.secret) }).generate();
    await sec.call('POST', '/auth/totp/enable', { code: now });
    const policy = await sec.call<Record<string, unknown>>('GET', '/settings/security');
    const saved = await sec.call<Record<string, unknown>>('PUT', '/settings/security', {
      ...policy,
      totpRequiredForAdmins: true,
    });
    expect(saved.totpRequiredForAdmins).toBe(true);
  });

  it('leads an admin without TOTP through enrolment at sign-in, then into the app', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill('sysadmin');
    await page.getByLabel('密码').fill(ADMIN_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByText('启用双因素认证').waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel('动态验证码').fill(nextCode(secret));
    await page.getByRole('button', { name: '验证并启用' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
    await page.getByText('用户管理').first().waitFor();
    await page.close();
  });

  it('asks an enrolled admin for the code after the password, and refuses a wrong one', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.baseUrl}/login`);
    await page.getByLabel('用户名').fill('secadmin');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByLabel('动态验证码').waitFor();
    await page.getByLabel('动态验证码').fill('000000');
    await page.getByTestId('login-submit').click();
    // first the prompt for the code, then the refusal of a wrong one
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('用户名或密码错误');
    expect(page.url()).toContain('/login');
    await page.getByLabel('动态验证码').fill(nextCode(secadminSecret));
    await page.getByTestId('login-submit').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
    await page.close();
  });
});
