import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { login } from './helpers.js';
import { demoWorld } from './world.js';

// The matter drawer says "暂无意见建议" only when the suggestions have come and there are none: while they load
// it shows a skeleton beside the count (issue 15). The suggestions' answer is held back until the check is made,
// so nothing here depends on how fast the machine is.
const YEAR = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 4));

const world = demoWorld();

describe('a matter’s suggestions in its drawer', () => {
  it('shows a skeleton, not "暂无意见建议", until the suggestions arrive', async () => {
    const context = await world.browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    try {
      const page = await context.newPage();
      await login(page, world.server.baseUrl, 'tzb');
      const matters = (await (
        await page.request.get(`${world.server.baseUrl}/api/v1/consultations/matters?year=${YEAR}`)
      ).json()) as { items: { id: number; itemCounts: { total: number } }[] };
      const matter = matters.items.find((m) => m.itemCounts.total > 0);
      expect(matter, 'a demo matter with suggestions').toBeDefined();
      if (!matter) return;

      let release: () => void = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      const itemsOfMatter = (url: URL) =>
        url.pathname === '/api/v1/consultations/items' &&
        url.searchParams.get('matterId') === String(matter.id);
      await page.route(itemsOfMatter, async (route: Route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${world.server.baseUrl}/consultations/matters/${matter.id}`);
      const drawer = page.getByTestId('matter-drawer');
      await drawer.getByTestId('matter-items-loading').waitFor();
      await expect(drawer.getByText(`（${matter.itemCounts.total}）`).count()).resolves.toBeGreaterThan(0);
      await expect(drawer.getByText('暂无意见建议').count()).resolves.toBe(0);

      release();
      await drawer.getByTestId('matter-items').locator('tbody tr.ant-table-row').first().waitFor();
      await expect(drawer.getByTestId('matter-items-loading').count()).resolves.toBe(0);
      await expect(drawer.getByText('暂无意见建议').count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
