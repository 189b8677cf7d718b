// The one search box (issue 7): organisations, people, matters, suggestions and replies, ledger records and
// reports, by any Chinese substring, scoped to what the user may see.
import { z } from 'zod';

export const SEARCH_ENTITY_TYPES = [
  'organisation',
  'person',
  'ledger',
  'matter',
  'suggestion',
  'reply',
  'report',
] as const;
export type SearchEntityType = (typeof SEARCH_ENTITY_TYPES)[number];

export const SEARCH_ENTITY_LABELS: Record<SearchEntityType, { zh: string; en: string }> = {
  organisation: { zh: '单位', en: 'Organisation' },
  person: { zh: '责任人', en: 'Responsible person' },
  ledger: { zh: '工作台账', en: 'Ledger record' },
  matter: { zh: '协商事项', en: 'Consultation matter' },
  suggestion: { zh: '意见建议', en: 'Suggestion' },
  reply: { zh: '答复', en: 'Reply' },
  report: { zh: '年度报告', en: 'Annual report' },
};

/** Fewest characters a query may have (a Chinese word is usually two). */
export const SEARCH_MIN_CHARS = 2;

export const SearchQuery = z
  .object({
    q: z
      .string()
      .trim()
      .refine((s) => [...s].length >= SEARCH_MIN_CHARS, `at least ${SEARCH_MIN_CHARS} characters`)
      .refine((s) => [...s].length <= 50, 'at most 50 characters'),
    type: z.enum(SEARCH_ENTITY_TYPES).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .meta({
    id: 'SearchQuery',
    description:
      '全文搜索的检索词和类别 · A search: the words (2 to 50 characters), an optional type, a limit',
  });
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchHit = z
  .object({
    type: z.enum(SEARCH_ENTITY_TYPES),
    id: z.number().int(),
    /** plain text */
    title: z.string(),
    /** HTML: the title with <mark>…</mark> around the matches, everything else escaped */
    titleHtml: z.string(),
    /** HTML: the matching passage (of the body, else the title), <mark>ed and escaped */
    snippet: z.string(),
    /** where in the web app the hit opens */
    link: z.string(),
    updatedAt: z.string(),
  })
  .meta({
    id: 'SearchHit',
    description:
      '一条搜索结果：单位、责任人、工作台账、重大事项、意见建议、答复或年度报告 · One search hit: a unit, person, ledger record, matter, suggestion, reply or annual report, with the match marked',
  });
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResponse = z
  .object({
    q: z.string(),
    items: z.array(SearchHit),
    /** more hits exist than were returned */
    truncated: z.boolean(),
  })
  .meta({
    id: 'SearchResponse',
    description: '搜索结果（限于本人可见范围） · The hits of a search within what the user may see',
  });
export type SearchResponse = z.infer<typeof SearchResponse>;
