// The conference pack as files — built by jobs (POST /jobs), since a whole district takes a while.
import type { RequestContext } from '../../context.js';
import { conferencePackTitle, renderConferencePackDocx } from '../../documents/conference-pack.docx.js';
import { renderConferencePackXlsx } from '../../documents/conference-pack.xlsx.js';
import { appendAuditAlone } from '../audit/audit.writer.js';
import type { RenderedDocument } from '../documents/documents.service.js';
import type { OnProgress } from '../reports/reports.export.js';
import { conferenceData } from './conference.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
  await appendAuditAlone(ctx.db, ctx, {
    action: 'document.export',
    entityType: 'document',
    entityId: `conference-pack.${format}`,
    detail: `year=${year}`,
  });
  return {
    filename: `${conferencePackTitle(year)}.${format}`,
    contentType: format === 'docx' ? DOCX : XLSX,
    body,
  };
}
