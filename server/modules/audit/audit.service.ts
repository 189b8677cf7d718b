import ExcelJS from 'exceljs';
import { auditActionLabel, auditEntityLabel, auditOutcomeLabel } from '../../../common/audit-actions.js';
import type { AuditEntryDto, AuditListQuery } from '../../../common/schemas/audit.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import type { RequestContext } from '../../context.js';
import type { AuditEntry } from '../../db/schema.js';
import { type RenderedDocument, XLSX_TYPE } from '../../documents/send-document.js';
import { addSheet, workbookToBuffer } from '../../documents/xlsx-safe.js';
import { auditShape } from './audit.redact.js';
import { allAudit, listAudit } from './audit.repository.js';
import { appendAuditAlone } from './audit.writer.js';

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

/** Entries written before the trail was redacted are shown (and exported) by the same rule. */
const shown = (e: AuditEntry, text: string | null): unknown => auditShape(e.entity_type, parseJson(text));

function present(e: AuditEntry): AuditEntryDto {
  return {
    id: e.id,
    at: e.at,
    actor: e.actor_username,
    ip: e.ip,
    action: e.action,
    entityType: e.entity_type,
    entityId: e.entity_id,
    outcome: e.outcome,
    before: shown(e, e.before_json),
    after: shown(e, e.after_json),
    detail: e.detail,
  };
}

export async function listAuditFor(ctx: RequestContext, query: AuditListQuery) {
  const { items, total } = await listAudit(ctx.db, ctx.actor.regionPath, query);
  return { items: items.map(present), total, page: query.page, pageSize: query.pageSize };
}

/** The cap on one export; beyond it the admin narrows the filter (the sheet says so). */
export const AUDIT_EXPORT_LIMIT = 100_000;

export async function exportAudit(
  ctx: RequestContext,
  query: Omit<AuditListQuery, 'page' | 'pageSize'>,
): Promise<RenderedDocument> {
  const rows = await allAudit(ctx.db, ctx.actor.regionPath, query, AUDIT_EXPORT_LIMIT);
  const workbook = new ExcelJS.Workbook();
  addSheet(
    workbook,
    '审计日志',
    [
      { header: '序号', key: 'id', type: 'integer' },
      { header: '时间', key: 'at', type: 'datetime' },
      { header: '操作人', key: 'actor' },
      { header: 'IP', key: 'ip' },
      { header: '操作', key: 'actionLabel' },
      { header: '操作代码', key: 'action' },
      { header: '对象类型', key: 'entityType' },
      { header: '对象', key: 'entityId' },
      { header: '结果', key: 'outcome' },
      { header: '说明', key: 'detail' },
      { header: '变更前', key: 'before' },
      { header: '变更后', key: 'after' },
    ],
    rows.map((e) => {
      const entry = present(e);
      const cell = (text: string | null, value: unknown) =>
        text === null ? null : JSON.stringify(value).slice(0, 32_000);
      // words for the reader of the sheet (the code beside the action, for filtering)
      return {
        ...entry,
        actionLabel: auditActionLabel(entry.action, 'zh-CN'),
        entityType: auditEntityLabel(entry.entityType, 'zh-CN'),
        outcome: auditOutcomeLabel(entry.outcome, 'zh-CN'),
        before: cell(e.before_json, entry.before),
        after: cell(e.after_json, entry.after),
      };
    }),
  );
  await appendAuditAlone(ctx.db, ctx, {
    action: 'audit.export',
    entityType: 'audit_log',
    detail: `${rows.length} rows; ${JSON.stringify(query)}`,
  });
  return {
    filename: `审计日志-${shanghaiDate(new Date().toISOString())}.xlsx`, // the day in Asia/Shanghai
    contentType: XLSX_TYPE,
    body: await workbookToBuffer(workbook),
  };
}
