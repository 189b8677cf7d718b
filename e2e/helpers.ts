import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

const run = promisify(execFile);

export const ROOT = resolve(import.meta.dirname, '..');
export const DEMO_PASSWORD = 'Demo-e2e-2019!';
export const ADMIN_PASSWORD = 'Admin-e2e-2019!';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * The built server (`npm run build` first) on a fresh SQLite database in a temp dir, with the demo
 * district loaded by `liaison seed-demo` before it starts.
 */
export async function startServer(): Promise<RunningServer> {
  const main = join(ROOT, 'dist/server/main.js');
  if (!existsSync(main) || !existsSync(join(ROOT, 'dist/web/index.html'))) {
    throw new Error('run `npm run build` before the e2e suite (dist/server/main.js or dist/web missing)');
  }
  const dir = await mkdtemp(join(tmpdir(), 'liaison-e2e-'));
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    LIAISON_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LIAISON_DEMO_PASSWORD: DEMO_PASSWORD,
    LIAISON_LOG_LEVEL: 'warn',
  };
  await run('npx', ['tsx', 'server/cli/main.ts', 'seed-demo'], { cwd: ROOT, env, timeout: 90_000 });

  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not become healthy within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((r) => child.once('exit', () => r()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Sign in through the login page and wait until the app has left it. */
export async function login(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
}

export interface SignedIn {
  context: BrowserContext;
  page: Page;
}

/**
 * A fresh browser context (zh-CN, Asia/Shanghai; a phone below 768 px wide) signed in as `username` through the
 * login page. Close the context when done.
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  { width = 1366, height = 900, password }: { width?: number; height?: number; password?: string } = {},
): Promise<SignedIn> {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    isMobile: width < 768,
  });
  const page = await context.newPage();
  await login(page, baseUrl, username, password);
  return { context, page };
}

/** Submit the open modal that holds the form with this test id, and wait until it has closed. */
export async function submitModal(page: Page, formTestId: string): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ has: page.getByTestId(formTestId) });
  await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Confirm the open Popconfirm. */
export async function confirmPopup(page: Page): Promise<void> {
  await page.locator('.ant-popconfirm:visible .ant-popconfirm-buttons .ant-btn-primary').click();
}

/**
 * Open the header's bell and answer the notifications in its panel that contain `text`, once the first of them
 * is shown (the panel's list arrives in one answer, so counting then counts them all).
 */
export async function notificationsAbout(page: Page, text: string): Promise<Locator> {
  await page.getByTestId('notification-bell').click();
  const panel = page.getByTestId('notification-panel');
  await panel.waitFor();
  const items = panel.getByTestId('notification-item').filter({ hasText: text });
  await items.first().waitFor({ timeout: 30_000 });
  return items;
}

/** Open a matter's drawer from the 重大事项协商 list by its title; answers the drawer, its detail shown. */
export async function openMatter(page: Page, baseUrl: string, title: string): Promise<Locator> {
  await page.goto(`${baseUrl}/consultations`);
  await page.getByTestId('matters-table').getByText(title).click();
  const drawer = page.getByTestId('matter-drawer');
  await drawer.getByTestId('matter-detail').waitFor();
  return drawer;
}

/** Choose an option of an antd Select by its visible label. */
export async function chooseOption(page: Page, selectTestId: string, label: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${label}"]`).click();
}

export interface ApiSession {
  csrf: string;
  cookie: string;
  user: { id: number; organisation: { id: number; name: string } };
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Sign in through the API from Node: the session cookie and CSRF token, and a JSON caller that throws on errors. */
export async function apiSession(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const session = (await response.json()) as { csrfToken: string; user: ApiSession['user'] };
  const cookie = (response.headers.getSetCookie?.() ?? [response.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        Cookie: cookie,
        ...(method === 'GET' ? {} : { 'X-CSRF-Token': session.csrfToken }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  return { csrf: session.csrfToken, cookie, user: session.user, call };
}

/**
 * Registered before a page's first script (`page.addInitScript(LCP_OBSERVER)`): records the Largest Contentful
 * Paint's time and a description of its element in `window.__lcp` (a string so that Node-typed files need no DOM
 * types). Shared by the e2e first-screen check and the bench's LCP figures.
 */
export const LCP_OBSERVER = `
  window.__lcp = { time: 0, tag: '', text: '', inContent: false, placeholder: false };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const el = e.element;
      window.__lcp = {
        time: e.startTime,
        tag: el ? el.tagName.toLowerCase() : '',
        text: el ? (el.textContent || '').trim().slice(0, 80) : '',
        inContent: !!(el && el.closest('.liaison-content, .liaison-login')),
        placeholder: !!(el && el.closest('.ant-skeleton, .ant-spin-spinning, .ant-spin-dot')),
      };
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

export interface LcpEntry {
  time: number;
  tag: string;
  text: string;
  inContent: boolean;
  placeholder: boolean;
}

export const readLcp = async (page: Page): Promise<LcpEntry> =>
  (await page.evaluate('window.__lcp')) as LcpEntry;
