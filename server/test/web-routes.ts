// The web app's pages, read from its route table (web/routes.tsx and the PAGES of web/pages.tsx it mounts),
// so a test can tell whether a link the server writes leads to a page of the app — not to an API path, not
// to a page that does not exist.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../../web/', import.meta.url));

/** Every route pattern of the app (`/plans`, `/ledger/:id`, `/filings/*` for a page reading paths under it). */
export function webRoutePatterns(): string[] {
  const routes = readFileSync(`${WEB}routes.tsx`, 'utf8');
  const pages = readFileSync(`${WEB}pages.tsx`, 'utf8');
  const patterns = new Set<string>(['/']);
  for (const [, path] of routes.matchAll(/<Route\s+path="([^"*]+)"/g))
    patterns.add(path?.startsWith('/') ? path : `/${path}`);
  for (const [, path, rest] of pages.matchAll(/\n {2}\{\n {4}path: '([^']+)',([\s\S]*?)\n {2}\}/g))
    patterns.add(/nested: true/.test(rest ?? '') ? `${path}/*` : (path as string));
  return [...patterns];
}

/** The pattern of the app a web link (path and query) leads to, or null when it leads nowhere in the app. */
export function webRouteOf(link: string): string | null {
  if (!link.startsWith('/') || link.startsWith('//') || link.startsWith('/api/')) return null;
  const path = link.split(/[?#]/)[0] as string;
  return (
    webRoutePatterns().find((pattern) => {
      const source = pattern.replace(/\/\*$/, '(?:/.*)?').replace(/:[A-Za-z]+/g, '[^/]+');
      return new RegExp(`^${source}$`).test(path);
    }) ?? null
  );
}
