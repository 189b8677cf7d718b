import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type RunningServer, startServer } from './helpers.js';

export interface DemoWorld {
  /** the file's own server, on a fresh database seeded with the demo year */
  readonly server: RunningServer;
  /** Debian's Chromium */
  readonly browser: Browser;
}

/**
 * The server and browser of one e2e file: started before its tests (then `prepare`, for state another role makes
 * through the API), closed after them. Read them inside tests and hooks, once they have started.
 */
export function demoWorld(prepare?: (world: DemoWorld) => Promise<void>): DemoWorld {
  const world = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    world.server = await startServer();
    world.browser = await launchBrowser();
    await prepare?.(world);
  }, 180_000);
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.stop();
  });
  return world;
}
