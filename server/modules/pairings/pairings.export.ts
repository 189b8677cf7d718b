// 附件1 对口联系名单 of a year, as the actor may see it (.docx and .xlsx).
import { scopeOf } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import { renderPairingListDocx } from '../../documents/pairing-list.docx.js';
import { renderPairingListXlsx } from '../../documents/pairing-list.xlsx.js';
import { DOCX_TYPE, type RenderedDocument, XLSX_TYPE } from '../../documents/send-document.js';
import { appendExportAudit } from '../audit/index.js';
import { listPairings, type PairingRow } from './pairings.repository.js';

/** The most frequent 文号 of the year's pairings: the notice the printed list stands for. */
function mainSource(rows: PairingRow[]): string | null {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.source) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** 附件1 for a year, as the actor may see it: counterparts in order, each with its departments. */
export async function pairingListDocx(ctx: RequestContext, year: number): Promise<RenderedDocument> {
  const rows = await listPairings(ctx.db, { scope: scopeOf(ctx.actor), year });
  const groups: { counterpart: string; departments: string[] }[] = [];
  const sharedDepartments = new Set<string>();
  for (const r of rows) {
    if (r.shared === 1) {
      sharedDepartments.add(r.department_name);
      continue;
    }
    let group = groups.find((g) => g.counterpart === r.counterpart_name);
    if (!group) {
      group = { counterpart: r.counterpart_name, departments: [] };
      groups.push(group);
    }
    if (!group.departments.includes(r.department_name)) group.departments.push(r.department_name);
  }
  const body = await renderPairingListDocx({
    year,
    source: mainSource(rows),
    groups,
    sharedDepartments: [...sharedDepartments],
  });
  await appendExportAudit(ctx, 'pairing-list.docx', `year=${year}`);
  return { filename: `对口联系名单-${year}.docx`, contentType: DOCX_TYPE, body };
}

export async function pairingListXlsx(ctx: RequestContext, year: number): Promise<RenderedDocument> {
  const rows = await listPairings(ctx.db, { scope: scopeOf(ctx.actor), year });
  const body = await renderPairingListXlsx({
    year,
    rows: rows.map((r) => ({
      counterpart: r.counterpart_name,
      department: r.department_name,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      source: r.source,
      shared: r.shared === 1,
    })),
  });
  await appendExportAudit(ctx, 'pairing-list.xlsx', `year=${year}`);
  return { filename: `对口联系名单-${year}.xlsx`, contentType: XLSX_TYPE, body };
}
