// The dashboard as a workbook: the unit matrix, the pairs and the monthly trends (values written as text-safe
// cells, server/documents/xlsx-safe.ts).
import ExcelJS from 'exceljs';
import { DASHBOARD_METRIC_LABELS, DASHBOARD_METRICS } from '../../../common/schemas/dashboard.js';
import { LEDGER_KIND_LABELS, type LedgerKind } from '../../../common/schemas/ledger.js';
import type { RequestContext } from '../../context.js';
import { type RenderedDocument, XLSX_TYPE } from '../../documents/send-document.js';
import { addSheet, workbookToBuffer } from '../../documents/xlsx-safe.js';
import { appendExportAudit } from '../audit/index.js';
import { dashboard } from './dashboard.service.js';

const STATE_ZH: Record<string, string> = { ok: '达标', warn: '关注', bad: '未达标', na: '不适用' };

export async function dashboardXlsx(
  ctx: RequestContext,
  query: { year: number; regionId?: number },
): Promise<RenderedDocument> {
  // a Chinese document whatever the reader's language: its headings are Chinese, so are its cells
  const d = await dashboard({ ...ctx, lang: 'zh-CN' }, query);
  const wb = new ExcelJS.Workbook();
  const unitColumns = [
    { header: '单位', key: 'name' },
    { header: '类别', key: 'kind' },
    ...DASHBOARD_METRICS.flatMap((m) => [
      { header: DASHBOARD_METRIC_LABELS[m].zh, key: m },
      { header: `${DASHBOARD_METRIC_LABELS[m].zh}（评价）`, key: `${m}_state` },
    ]),
  ];
  addSheet(
    wb,
    `${d.year}年单位`,
    unitColumns,
    d.units.map((u) => ({
      name: u.organisation.name,
      kind: u.organisation.kind === 'department' ? '政府部门' : '联系对象',
      ...Object.fromEntries(
        DASHBOARD_METRICS.flatMap((m) => [
          [m, u.cells[m].value],
          [`${m}_state`, STATE_ZH[u.cells[m].state]],
        ]),
      ),
    })),
  );
  addSheet(
    wb,
    `${d.year}年对口`,
    [
      { header: '政府部门', key: 'department' },
      { header: '联系对象', key: 'counterpart' },
      { header: '座谈会', key: 'symposia' },
      { header: '台账记录', key: 'records' },
      { header: '意见建议', key: 'items' },
      { header: '按期答复', key: 'replies' },
    ],
    d.pairs.map((p) => ({
      department: p.department.name,
      counterpart: p.counterpart.name,
      symposia: p.symposia.value,
      records: p.records.value,
      items: p.consultation.value,
      replies: p.replies.value,
    })),
  );
  addSheet(
    wb,
    `${d.year}年月度`,
    [
      { header: '月份', key: 'month' },
      ...Object.keys(d.trends.records).map((k) => ({
        header: LEDGER_KIND_LABELS[k as LedgerKind]?.zh ?? k,
        key: k,
      })),
      { header: '按期答复', key: 'onTime' },
      { header: '逾期答复', key: 'late' },
    ],
    d.trends.months.map((m, i) => ({
      month: `${m}月`,
      ...Object.fromEntries(Object.entries(d.trends.records).map(([k, v]) => [k, v[i] ?? 0])),
      onTime: d.trends.replies.onTime[i] ?? 0,
      late: d.trends.replies.late[i] ?? 0,
    })),
  );
  const body = await workbookToBuffer(wb);
  await appendExportAudit(ctx, 'dashboard.xlsx', `year=${d.year}; regionId=${d.region.id}`);
  return { filename: `${d.region.name}${d.year}年对口联系工作情况统计.xlsx`, contentType: XLSX_TYPE, body };
}
