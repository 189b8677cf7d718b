// The conference pack as files — built by jobs (POST /jobs), since a whole district takes a while.
import type { RequestContext } from '../../context.js';
import { conferencePackTitle, renderConferencePackDocx } from '../../documents/conference-pack.docx.js';
import { renderConferencePackXlsx } from '../../documents/conference-pack.xlsx.js';
import {
  DOCX_TYPE as DOCX,
  type RenderedDocument,
  XLSX_TYPE as XLSX,
} from '../../documents/send-document.js';
import { appendExportAudit } from '../audit/index.js';
import type { OnProgress } from '../reports/index.js';
import { conferenceData } from './conference.service.js';

export async function conferencePack(
  ctx: RequestContext,
  year: number,
  format: 'docx' | 'xlsx',
  onProgress?: OnProgress,
): Promise<RenderedDocument> {
  const data = await conferenceData(ctx, year, onProgress);
  const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
  const body =
    format === 'docx'
      ? await renderConferencePackDocx(data, yieldToEventLoop)
      : await renderConferencePackXlsx(data);
  await appendExportAudit(ctx, `conference-pack.${format}`, `year=${year}`);
  return {
    filename: `${conferencePackTitle(year)}.${format}`,
    contentType: format === 'docx' ? DOCX : XLSX,
    body,
  };
}
