// The text of a report's sections: what the department wrote over the generated draft, as stored and shown.
import { type DraftSection, type ReportSectionKey, sectionText } from '../../../common/report-prose.js';
import type { SaveReportRequest } from '../../../common/schemas/reports.js';

export type Texts = Partial<Record<ReportSectionKey, string | null>>;

export const parseTexts = (json: string): Texts => JSON.parse(json) as Texts;

export const generatedTexts = (draft: DraftSection[]): Record<string, string> =>
  Object.fromEntries(draft.map((s) => [s.key, sectionText(s.sentences)]));

/** The text of each section: what the department wrote, else the generated text. */
export function finalTexts(draft: DraftSection[], stored: Texts): Record<ReportSectionKey, string> {
  const out = {} as Record<ReportSectionKey, string>;
  for (const s of draft) out[s.key] = stored[s.key] ?? sectionText(s.sentences);
  return out;
}

/** The sections a save changes; the generated text typed back in clears the edit. */
export function mergeTexts(
  draft: DraftSection[],
  stored: Texts,
  input: SaveReportRequest['sections'] | undefined,
): Texts {
  const out: Texts = { ...stored };
  for (const s of draft) {
    const value = input?.[s.key];
    if (value === undefined) continue;
    // The generated text typed back in is no edit: the section follows the records again.
    out[s.key] = value === null || value === sectionText(s.sentences) ? null : value;
  }
  return out;
}
