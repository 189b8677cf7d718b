import type { LedgerExportQuery } from '../../../common/schemas/ledger.js';
import type { RequestContext } from '../../context.js';
import { renderLedgerDocx } from '../../documents/ledger.docx.js';
import { renderLedgerXlsx } from '../../documents/ledger.xlsx.js';
import { ledgerTables } from '../../documents/ledger-tables.js';
import { appendAuditAlone } from '../audit/audit.writer.js';
import type { RenderedDocument } from '../documents/documents.service.js';
import { ledgerForExport } from './ledger.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function prepare(ctx: RequestContext, query: LedgerExportQuery, document: string) {
  const records = await ledgerForExport(ctx, query);
  await appendAuditAlone(ctx.db, ctx, {
    action: 'document.export',
    entityType: 'document',
    entityId: document,
    detail: JSON.stringify(query),
  });
  // Whose ledger: the filtered unit(s) if one, else the actor's organisation.
  const units = new Set<string>();
  if (query.departmentId) for (const r of records) units.add(r.department.name);
  if (query.counterpartId)
    for (const r of records)
      for (const c of r.counterparts) if (c.id === query.counterpartId) units.add(c.name);
  const subtitle = units.size ? [...units].join('—') : ctx.actor.organisationName;
  return { tables: ledgerTables(records), title: `${query.year}年对口联系工作台账`, subtitle };
}

export async function ledgerXlsx(ctx: RequestContext, query: LedgerExportQuery): Promise<RenderedDocument> {
  const { tables, title } = await prepare(ctx, query, 'ledger.xlsx');
  return { filename: `${title}.xlsx`, contentType: XLSX, body: await renderLedgerXlsx({ title, tables }) };
}

export async function ledgerDocx(ctx: RequestContext, query: LedgerExportQuery): Promise<RenderedDocument> {
  const { tables, title, subtitle } = await prepare(ctx, query, 'ledger.docx');
  return {
    filename: `${title}.docx`,
    contentType: DOCX,
    body: await renderLedgerDocx({ title, subtitle, tables }),
  };
}
