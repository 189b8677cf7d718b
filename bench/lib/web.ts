// The bench's browser section: the JS each route of the built SPA loads (gzip), and the Largest Contentful
// Paint of the sign-in page and of every main page in Debian Chromium (cold cache, warm server, demo data).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';
import { apiSession, LCP_OBSERVER, launchBrowser, readLcp, startServer } from '../../e2e/helpers.js';

export interface Row {
  section: string;
  name: string;
  value: number | null;
  unit: string;
  target?: { op: '<=' | '>='; value: number };
  note?: string;
}

/** Route chunks that render outside the app's shell (AppLayout): the sign-in, activation and print pages. */
const OUTSIDE_SHELL = /^(LoginPage|ActivatePage|SetupPage|ReportPrint|ConferencePrint)$/;

/**
 * gzip size of the JS each route loads, following imports from dist/web. A route chunk is a lazy import of
 * the entry whose name ends in Page or Print. A visit loads the entry, the shell (AppLayout) for pages inside
 * it, the page chunk and their static imports; "with its lazy chunks" adds, as an upper bound, everything
 * those files may import lazily later (drawers, modals, charts) — but not the other routes, which the entry
 * imports lazily too.
 */
export function webBundle(rows: Row[], dir = 'dist/web') {
  if (!existsSync(join(dir, 'index.html'))) {
    rows.push({
      section: 'web',
      name: 'web bundle',
      value: null,
      unit: 'KB',
      note: 'no dist/web: npm run build:web',
    });
    return {};
  }
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/?([^"]+)"/.exec(html)?.[1];
  if (!entry) return {};
  const gz = new Map<string, number>();
  const size = (f: string) => {
    if (!gz.has(f)) gz.set(f, gzipSync(readFileSync(join(dir, f)), { level: 9 }).length);
    return gz.get(f) as number;
  };
  const imports = (f: string, pattern: RegExp) => {
    const code = readFileSync(join(dir, f), 'utf8');
    const base = f.slice(0, f.lastIndexOf('/') + 1);
    return [...code.matchAll(pattern)].map((m) => base + (m[1] as string).slice(2));
  };
  const staticImports = (f: string) => imports(f, /(?:import|from)\s*["'`](\.\/[^"'`]+\.js)["'`]/g);
  const dynamicImports = (f: string) => imports(f, /import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g);
  const closure = (start: string, have = new Set<string>()) => {
    const stack = [start];
    while (stack.length) {
      const f = stack.pop() as string;
      if (have.has(f) || !existsSync(join(dir, f))) continue;
      have.add(f);
      stack.push(...staticImports(f));
    }
    return have;
  };
  const base = closure(entry);
  const total = (files: Set<string>) => [...files].reduce((s, f) => s + size(f), 0) / 1024;
  const short = (r: string) => r.replace(/^.*\//, '').replace(/-[\w-]{8}\.js$/, '');
  const lazy = new Set<string>();
  for (const f of base) for (const d of dynamicImports(f)) if (!base.has(d)) lazy.add(d);
  const routes = [...lazy].filter((r) => /(Page|Print)$/.test(short(r)));
  const shell = [...lazy].find((r) => short(r) === 'AppLayout');
  const perRoute: Record<string, number> = {};
  const perRouteWithLazy: Record<string, number> = {};
  for (const r of routes) {
    const start = new Set(base);
    if (shell && !OUTSIDE_SHELL.test(short(r))) closure(shell, start);
    const files = closure(r, start);
    perRoute[short(r)] = total(files);
    for (const f of [...files]) {
      if (base.has(f)) continue;
      for (const d of dynamicImports(f)) if (!lazy.has(d)) closure(d, files);
    }
    perRouteWithLazy[short(r)] = total(files);
  }
  const login = perRoute.LoginPage ?? total(base);
  rows.push({
    section: 'web',
    name: 'login page JS (gzip)',
    value: Math.round(login),
    unit: 'KB',
    target: { op: '<=', value: 200 },
  });
  const worst = Object.entries(perRoute).sort((a, b) => b[1] - a[1]);
  const worstLazy = Object.entries(perRouteWithLazy).sort((a, b) => b[1] - a[1]);
  rows.push(
    {
      section: 'web',
      name: 'largest route JS on visit, with the shell (gzip)',
      value: Math.round(worst[0]?.[1] ?? 0),
      unit: 'KB',
      target: { op: '<=', value: 500 },
      note: `${worst[0]?.[0]}; ${routes.length} routes, entry alone ${Math.round(total(base))} KB`,
    },
    {
      section: 'web',
      name: 'largest route JS with its lazy chunks (gzip)',
      value: Math.round(worstLazy[0]?.[1] ?? 0),
      unit: 'KB',
      target: { op: '<=', value: 500 },
      note: `${worstLazy
        .slice(0, 3)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', ')}`,
    },
  );
  return {
    entryKB: total(base),
    loginKB: login,
    perRouteKB: perRoute,
    perRouteWithLazyKB: perRouteWithLazy,
    builtAt: statSync(join(dir, 'index.html')).mtime,
  };
}

const LCP_TARGET_MS = 1000;
/** runs per page; the median is reported */
const LCP_RUNS = 3;

/**
 * The Largest Contentful Paint of one page load in a fresh context (nothing cached), read from a
 * PerformanceObserver registered before the page's first script, once the page has settled: no request in
 * flight and no new LCP entry for a second (a page's data may arrive well after the shell has painted).
 */
async function lcpOf(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(LCP_OBSERVER);
  let inFlight = 0;
  let lastChange = performance.now();
  const settle = () => {
    lastChange = performance.now();
  };
  page.on('request', () => {
    inFlight++;
    settle();
  });
  const done = () => {
    inFlight--;
    settle();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  const read = async () => (await readLcp(page)).time;
  await page.goto(url);
  const deadline = performance.now() + 60_000;
  let lcp = 0;
  while (performance.now() < deadline) {
    await page.waitForTimeout(250);
    const now = await read();
    if (now !== lcp) settle();
    lcp = now;
    if (lcp > 0 && inFlight === 0 && performance.now() - lastChange >= 1000) break;
  }
  await page.close();
  if (lcp === 0) throw new Error(`no LCP entry for ${url} within 60 s`);
  return lcp;
}

/**
 * LCP of the sign-in page and of every page in the menu of the demo district's 统战部 (`tzb`, who sees the
 * most business pages), plus 我的工作 at `/`: the built server on the demo data, each page loaded once to warm
 * the server, then LCP_RUNS times in a fresh browser context with the session cookie (a cold browser cache).
 */
export async function pageLcp(rows: Row[], log: (line: string) => void) {
  if (!existsSync('dist/web/index.html') || !existsSync('dist/server/main.js')) {
    rows.push({ section: 'browser', name: 'LCP', value: null, unit: 'ms', note: 'npm run build first' });
    return {};
  }
  if (!existsSync('/usr/bin/chromium')) {
    rows.push({ section: 'browser', name: 'LCP', value: null, unit: 'ms', note: 'no /usr/bin/chromium' });
    return {};
  }
  const server = await startServer();
  const browser = await launchBrowser();
  const results: Record<string, number[]> = {};
  try {
    const session = await apiSession(server.baseUrl, 'tzb');
    const first = session.cookie.split('; ')[0] as string;
    const eq = first.indexOf('=');
    const cookie = { name: first.slice(0, eq), value: first.slice(eq + 1), url: server.baseUrl };
    const signedIn = async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      await context.addCookies([cookie]);
      return context;
    };
    // the pages of tzb's menu, as the app lays them out
    const warm = await signedIn();
    const menu = await warm.newPage();
    await menu.goto(`${server.baseUrl}/`);
    await menu.getByTestId('main-menu').locator('.ant-menu-item').first().waitFor({ timeout: 30_000 });
    const paths = await menu.$$eval('[data-testid="main-menu"] .ant-menu-item', (items) =>
      items.map((i) => /(\/[\w/-]*)$/.exec(i.getAttribute('data-menu-id') ?? '')?.[1]).filter(Boolean),
    );
    const pages = ['/login', ...new Set(['/', ...(paths as string[])])];
    for (const path of pages) await menu.goto(`${server.baseUrl}${path}`, { waitUntil: 'networkidle' });
    await warm.close();
    log(`browser: LCP of ${pages.join(' ')} (load ${loadavg()[0]?.toFixed(1)})`);
    for (const path of pages) {
      const times: number[] = [];
      for (let i = 0; i < LCP_RUNS; i++) {
        const context =
          path === '/login'
            ? await browser.newContext({ viewport: { width: 1366, height: 768 } })
            : await signedIn();
        times.push(await lcpOf(context, `${server.baseUrl}${path}`));
        await context.close();
      }
      times.sort((a, b) => a - b);
      results[path] = times;
      const median = times[Math.floor(times.length / 2)] as number;
      rows.push({
        section: 'browser',
        name: `LCP ${path === '/login' ? '/login (sign-in)' : path === '/' ? '/ (我的工作)' : path}`,
        value: Math.round(median),
        unit: 'ms',
        target: { op: '<=', value: LCP_TARGET_MS },
        note: `median of ${LCP_RUNS}: ${times.map((t) => Math.round(t)).join(', ')} ms; load average ${loadavg()[0]?.toFixed(1)}`,
      });
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return { lcpMs: results, loadAverage: loadavg() };
}
