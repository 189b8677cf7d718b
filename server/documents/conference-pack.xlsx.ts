// The district conference pack as a workbook: a sheet per section of the brief.
import ExcelJS from 'exceljs';
import type { ConferenceResponse } from '../../common/schemas/reports.js';
import { REPORT_STATUS_LABELS, REPORT_STATUSES } from '../../common/schemas/reports.js';
import { sectionTotals } from './conference-pack.docx.js';
import { addSheet, workbookToBuffer } from './xlsx-safe.js';

export const CONFERENCE_SHEETS = [
  '总体情况',
  '各对口联系情况',
  '协商及答复',
  '年度计划',
  '年度报告',
  '未记录单位',
  '相互评价',
] as const;

export async function renderConferencePackXlsx(data: ConferenceResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '对口联系';
  const [overall, pairs, consult, plans, reports, nothing, evals] = CONFERENCE_SHEETS;
  addSheet(
    wb,
    overall,
    [
      { header: '年度情况', key: 'title' },
      { header: '数量', key: 'value' },
      { header: '说明', key: 'note' },
    ],
    sectionTotals(data),
  );
  addSheet(
    wb,
    pairs,
    [
      { header: '联系对象', key: 'counterpart' },
      { header: '部门', key: 'department' },
      { header: '对口联系工作座谈会', key: 'symposia' },
      { header: '重大事项协商', key: 'consultations' },
      { header: '意见建议', key: 'suggestions' },
      { header: '部门邀请联系对象', key: 'invitationsDeptToCp' },
      { header: '应联系对象邀请', key: 'invitationsCpToDept' },
      { header: '信息通报', key: 'notices' },
      { header: '调研', key: 'research' },
      { header: '社会服务', key: 'services' },
      { header: '全年无记录', key: 'empty' },
      { header: '部门得分', key: 'departmentScore' },
      { header: '联系对象得分', key: 'counterpartScore' },
    ],
    [
      ...data.pairs.map((p) => ({
        counterpart: p.counterpart.name,
        department: p.department.name,
        ...p.counts,
        empty: p.empty ? '是' : '否',
        departmentScore: p.departmentScore,
        counterpartScore: p.counterpartScore,
      })),
      // suggestions from a counterpart not paired with the department: their own rows
      ...data.others.map((o) => ({
        counterpart: `${o.counterpart.name}（非结对）`,
        department: o.department.name,
        symposia: 0,
        consultations: 0,
        suggestions: o.suggestions,
        invitationsDeptToCp: 0,
        invitationsCpToDept: 0,
        notices: 0,
        research: 0,
        services: 0,
        empty: '否',
        departmentScore: null,
        counterpartScore: null,
      })),
    ],
  );
  const c = data.consultation;
  addSheet(
    wb,
    consult,
    [
      { header: '指标', key: 'k' },
      { header: '数值', key: 'v' },
    ],
    [
      ['协商事项', c.matters],
      ['召开专题协商座谈会', c.symposiaHeld],
      ['已安排专题协商座谈会', c.symposiaScheduled],
      ['未先协商后决策', c.breaches.length],
      ['收到意见建议', c.suggestions],
      ['已答复', c.replied],
      ['按期答复', c.repliedOnTime],
      ['逾期答复', c.late],
      ['未答复', c.open],
      ['按期答复率', c.onTimeRate],
      ['采纳', c.adopted],
      ['部分采纳', c.partly],
      ['留作参考', c.forReference],
      ['未采纳', c.notAdopted],
      ['研究办理中', c.underStudy],
      ['采纳率', c.adoptionRate],
      ...c.verdicts.flatMap((v) => [
        [`第${v.round}轮答复满意`, v.satisfied],
        [`第${v.round}轮答复基本满意`, v.basicallySatisfied],
        [`第${v.round}轮答复不满意`, v.notSatisfied],
      ]),
      ['满意（含基本满意，各轮）', c.satisfied],
      ['不满意（各轮）', c.dissatisfied],
      ['满意率', c.satisfactionRate],
    ].map(([k, v]) => ({ k, v })),
  );
  addSheet(
    wb,
    plans,
    [
      { header: '指标', key: 'k' },
      { header: '数值', key: 'v' },
    ],
    [
      ['部门数', data.plans.departments],
      ['制定计划的部门', data.plans.withPlan],
      ['计划事项', data.plans.items],
      ['已完成', data.plans.done],
      ['逾期未完成', data.plans.overdue],
      ['正在推进', data.plans.pending],
    ].map(([k, v]) => ({ k, v })),
  );
  addSheet(
    wb,
    reports,
    [
      { header: '状态', key: 'k' },
      { header: '份数', key: 'v' },
    ],
    [
      ...REPORT_STATUSES.map((s) => ({ k: REPORT_STATUS_LABELS[s].zh, v: data.reports.counts[s] ?? 0 })),
      { k: '逾期提交', v: data.reports.submittedLate },
    ],
  );
  addSheet(
    wb,
    nothing,
    [
      { header: '单位', key: 'name' },
      { header: '类别', key: 'kind' },
    ],
    data.unitsWithNothing.map((u) => ({
      name: u.name,
      kind: u.kind === 'department' ? '政府部门' : '联系对象',
    })),
  );
  addSheet(
    wb,
    evals,
    [
      { header: '部门', key: 'department' },
      { header: '联系对象', key: 'counterpart' },
      { header: '评价方', key: 'side' },
      { header: '得分', key: 'score' },
      { header: '评语', key: 'comment' },
    ],
    data.evaluations.items.map((e) => ({
      department: e.department.name,
      counterpart: e.counterpart.name,
      side: e.raterSide === 'department' ? '部门' : '联系对象',
      score: e.score,
      comment: e.comment,
    })),
  );
  return workbookToBuffer(wb);
}
