import type { SearchQuery, SearchResponse } from '../../../common/schemas/search.js';
import { recordScopeOf } from '../../access/scope.js';
import type { Actor, RequestContext } from '../../context.js';
import { escapeHtml, highlight, snippet } from './highlight.js';
import { type SearchScope, searchRows } from './search.repository.js';

/**
 * The same rules as the modules whose rows are indexed: 统战部 and 区府办 see their region and under; a
 * department or counterpart sees the directory of its region and what involves its own unit (its roster, its
 * ledger records, its matters and reports); the admins see nothing.
 */
export function searchScope(actor: Actor): SearchScope {
  return recordScopeOf(actor);
}

export async function search(ctx: RequestContext, query: SearchQuery): Promise<SearchResponse> {
  const q = query.q.trim();
  const rows = await searchRows(ctx.db, {
    scope: searchScope(ctx.actor),
    q,
    type: query.type,
    limit: query.limit,
  });
  const items = rows.slice(0, query.limit).map((r) => ({
    type: r.entity_type,
    id: r.entity_id,
    title: r.title,
    titleHtml: highlight(r.title, q),
    snippet: snippet(r.body, q) ?? snippet(r.title, q) ?? escapeHtml(r.title),
    link: r.link,
    updatedAt: r.updated_at,
  }));
  return { q, items, truncated: rows.length > query.limit };
}
