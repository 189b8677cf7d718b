import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Permission } from '../../common/roles.js';

export interface CollectedRoute {
  method: string;
  /** with its prefix, as Fastify matches it: /api/v1/organisations/:id */
  url: string;
  /** what the route declares in `config.permission` (undefined when it declares nothing) */
  permission: Permission | undefined;
  /** left out of the OpenAPI document (`schema.hide`) */
  hidden: boolean;
  /** marked as a document export (`config.export`) */
  export: boolean;
}

/** `METHOD /url`, the key the route tables of the access tests use. */
export const routeKey = (r: Pick<CollectedRoute, 'method' | 'url'>) => `${r.method} ${r.url}`;
/** Whether a request of this method carries a body. */
export const hasBody = (method: string) => method === 'POST' || method === 'PUT' || method === 'PATCH';

const INIT_CHANNEL = 'fastify.initialization';

/**
 * Run `build` and collect every route the Fastify instance it creates registers, with the permission
 * each declares. buildApp() creates its own instance, so a hook cannot be added from outside before
 * its plugins run; but Fastify announces every new instance on the `fastify.initialization`
 * diagnostics channel before any plugin is registered, and an onRoute hook added there sees all routes.
 */
export async function collectRoutes<T>(
  build: () => Promise<T>,
): Promise<{ built: T; routes: CollectedRoute[] }> {
  const routes: CollectedRoute[] = [];
  const onInit = (message: unknown) => {
    const { fastify } = message as { fastify: FastifyInstance };
    fastify.addHook('onRoute', (route: RouteOptions) => {
      const schema = route.schema as { hide?: boolean } | undefined;
      for (const method of [route.method].flat()) {
        routes.push({
          method,
          url: route.url,
          permission: route.config?.permission,
          hidden: schema?.hide === true,
          export: route.config?.export === true,
        });
      }
    });
  };
  subscribe(INIT_CHANNEL, onInit);
  try {
    return { built: await build(), routes };
  } finally {
    unsubscribe(INIT_CHANNEL, onInit);
  }
}
