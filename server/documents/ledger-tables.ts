// The ledger as tables, one per kind: the rows both the .xlsx export and the .docx 台账 are made from.
import {
  ADOPTION_LABELS,
  LEDGER_KIND_LABELS,
  LEDGER_KINDS,
  type LedgerKind,
  type LedgerRecordDto,
  SUBTYPE_LABELS,
} from '../../common/schemas/ledger.js';
import { shanghaiDate, shanghaiDateTime } from '../../common/shanghai-time.js';
import type { SafeInput, SheetColumn } from './xlsx-safe.js';

export interface LedgerTable {
  kind: LedgerKind;
  /** sheet / section name */
  name: string;
  /** typed (xlsx-safe.ts): dates and times become date cells in the workbook */
  columns: SheetColumn[];
  rows: Record<string, SafeInput>[];
  /** one line per record for the printed 台账: date, title, units, what happened */
  printed: { date: string; title: string; units: string; details: string }[];
}

const label = (subtype: string): string => SUBTYPE_LABELS[subtype]?.zh ?? subtype;
const names = (refs: readonly { name: string }[]): string => refs.map((r) => r.name).join('、');
const files = (r: LedgerRecordDto): string => r.attachments.map((a) => a.fileName).join('、');
const REPLY: Record<string, string> = { pending: '未答复', attend: '参加', decline: '不能参加', 'n/a': '' };
const DIRECTION: Record<string, string> = { dept_to_cp: '部门邀请联系对象', cp_to_dept: '联系对象邀请部门' };
const STATUS: Record<string, string> = {
  open: '待开展',
  attended: '已登记出席',
  sent: '已发送',
  ongoing: '进行中',
  offered: '待承接',
  taken: '已承接',
  done: '已开展',
  scheduled: '已安排',
  held: '已召开',
};

const replies = (r: LedgerRecordDto): string =>
  r.responses
    .map(
      (x) =>
        `${x.organisation.name}：${REPLY[x.reply] ?? x.reply}${x.replyAttendees ? `（${x.replyAttendees}）` : ''}`,
    )
    .join('；');
const attendance = (r: LedgerRecordDto): string =>
  r.responses
    .filter((x) => x.attended !== null)
    .map(
      (x) =>
        `${x.organisation.name}：${x.attended ? '出席' : '未出席'}${x.attendees ? `（${x.attendees}）` : ''}`,
    )
    .join('；');
const receipts = (r: LedgerRecordDto): string =>
  r.responses
    .map(
      (x) =>
        `${x.organisation.name}：${x.readAt ? `已阅（${x.readBy ?? ''} ${shanghaiDate(x.readAt)}）` : x.receivedAt ? `已签收（${x.receivedBy ?? ''} ${shanghaiDate(x.receivedAt)}）` : '未签收'}`,
    )
    .join('；');

function invitationTable(records: LedgerRecordDto[]): Omit<LedgerTable, 'kind' | 'name'> {
  return {
    columns: [
      { header: '时间', key: 'startsAt', type: 'datetime' },
      { header: '方向', key: 'direction' },
      { header: '类别', key: 'subtype' },
      { header: '名称', key: 'title' },
      { header: '地点', key: 'place' },
      { header: '部门', key: 'department' },
      { header: '联系对象', key: 'counterparts' },
      { header: '答复', key: 'replies' },
      { header: '出席情况', key: 'attendance' },
      { header: '小结', key: 'summary' },
      { header: '附件', key: 'files' },
    ],
    rows: records.map((r) => ({
      startsAt: r.startsAt,
      direction: DIRECTION[r.direction ?? ''] ?? '',
      subtype: label(r.subtype),
      title: r.title,
      place: r.place,
      department: r.department.name,
      counterparts: names(r.counterparts),
      replies: replies(r),
      attendance: attendance(r),
      summary: r.summary,
      files: files(r),
    })),
    printed: records.map((r) => ({
      date: shanghaiDateTime(r.startsAt),
      title: `${r.title}（${label(r.subtype)}，${DIRECTION[r.direction ?? ''] ?? ''}）`,
      units: `${r.department.name}；${names(r.counterparts)}`,
      details: [attendance(r) || replies(r), r.summary].filter(Boolean).join('。'),
    })),
  };
}

function noticeTable(records: LedgerRecordDto[]): Omit<LedgerTable, 'kind' | 'name'> {
  return {
    columns: [
      { header: '日期', key: 'date', type: 'date' },
      { header: '类别', key: 'subtype' },
      { header: '文号', key: 'docNumber' },
      { header: '标题', key: 'title' },
      { header: '部门', key: 'department' },
      { header: '接收单位', key: 'counterparts' },
      { header: '签收及阅读', key: 'receipts' },
      { header: '附件', key: 'files' },
    ],
    rows: records.map((r) => ({
      date: shanghaiDate(r.startsAt),
      subtype: label(r.subtype),
      docNumber: r.notice?.docNumber ?? null,
      title: r.title,
      department: r.department.name,
      counterparts: names(r.counterparts),
      receipts: receipts(r),
      files: files(r),
    })),
    printed: records.map((r) => ({
      date: shanghaiDate(r.startsAt),
      title: `${r.title}${r.notice?.docNumber ? `（${r.notice.docNumber}）` : ''}`,
      units: `${r.department.name}；${names(r.counterparts)}`,
      details: receipts(r),
    })),
  };
}

function researchTable(records: LedgerRecordDto[]): Omit<LedgerTable, 'kind' | 'name'> {
  const adoption = (r: LedgerRecordDto): string =>
    r.research ? ADOPTION_LABELS[r.research.adoption].zh : '';
  return {
    columns: [
      { header: '开始', key: 'from', type: 'date' },
      { header: '结束', key: 'to', type: 'date' },
      { header: '类别', key: 'subtype' },
      { header: '课题', key: 'title' },
      { header: '部门', key: 'department' },
      { header: '联系对象', key: 'counterparts' },
      { header: '部门成员', key: 'teamDepartment' },
      { header: '联系对象成员', key: 'teamCounterpart' },
      { header: '承接单位', key: 'takenUpBy' },
      { header: '领导批示', key: 'instruction' },
      { header: '采纳情况', key: 'adoption' },
      { header: '落实情况', key: 'adoptionNote' },
      { header: '附件', key: 'files' },
    ],
    rows: records.map((r) => ({
      from: shanghaiDate(r.startsAt),
      to: r.endsAt ? shanghaiDate(r.endsAt) : null,
      subtype: label(r.subtype),
      title: r.title,
      department: r.department.name,
      counterparts: names(r.counterparts),
      teamDepartment: r.research?.team.department.join('、') ?? null,
      teamCounterpart: r.research?.team.counterpart.join('、') ?? null,
      takenUpBy: r.research?.takenUpBy?.name ?? null,
      instruction: r.research?.instruction ?? null,
      adoption: adoption(r),
      adoptionNote: r.research?.adoptionNote ?? null,
      files: files(r),
    })),
    printed: records.map((r) => ({
      date: `${shanghaiDate(r.startsAt)}${r.endsAt ? `至${shanghaiDate(r.endsAt)}` : ''}`,
      title: `${r.title}（${label(r.subtype)}）`,
      units: `${r.department.name}；${names(r.counterparts)}`,
      details: [
        `成果${adoption(r)}`,
        r.research?.adoptionNote,
        r.research?.instruction ? `领导批示：${r.research.instruction}` : null,
      ]
        .filter(Boolean)
        .join('。'),
    })),
  };
}

function serviceTable(records: LedgerRecordDto[]): Omit<LedgerTable, 'kind' | 'name'> {
  const figures = (r: LedgerRecordDto): string =>
    [
      r.service?.fundsWan != null ? `引进资金${r.service.fundsWan}万元` : null,
      r.service?.peopleServed != null ? `服务${r.service.peopleServed}人次` : null,
      r.service?.projectsLanded != null ? `落地项目${r.service.projectsLanded}个` : null,
    ]
      .filter(Boolean)
      .join('，');
  return {
    columns: [
      { header: '日期', key: 'date', type: 'date' },
      { header: '类别', key: 'subtype' },
      { header: '名称', key: 'title' },
      { header: '地点', key: 'place' },
      { header: '部门', key: 'department' },
      { header: '联系对象', key: 'counterparts' },
      { header: '参与人员', key: 'participants' },
      { header: '受益对象', key: 'beneficiaries' },
      { header: '引进资金（万元）', key: 'fundsWan', type: 'number' },
      { header: '服务人数', key: 'peopleServed', type: 'integer' },
      { header: '落地项目', key: 'projectsLanded', type: 'integer' },
      { header: '成效', key: 'outcome' },
      { header: '附件', key: 'files' },
    ],
    rows: records.map((r) => ({
      date: shanghaiDate(r.startsAt),
      subtype: label(r.subtype),
      title: r.title,
      place: r.place,
      department: r.department.name,
      counterparts: names(r.counterparts),
      participants: r.service?.participants ?? null,
      beneficiaries: r.service?.beneficiaries ?? null,
      fundsWan: r.service?.fundsWan ?? null,
      peopleServed: r.service?.peopleServed ?? null,
      projectsLanded: r.service?.projectsLanded ?? null,
      outcome: r.service?.outcome ?? null,
      files: files(r),
    })),
    printed: records.map((r) => ({
      date: shanghaiDate(r.startsAt),
      title: `${r.title}（${label(r.subtype)}）`,
      units: `${r.department.name}；${names(r.counterparts)}`,
      details: [figures(r), r.service?.outcome].filter(Boolean).join('。'),
    })),
  };
}

function symposiumTable(records: LedgerRecordDto[]): Omit<LedgerTable, 'kind' | 'name'> {
  return {
    columns: [
      { header: '时间', key: 'startsAt', type: 'datetime' },
      { header: '名称', key: 'title' },
      { header: '地点', key: 'place' },
      { header: '部门', key: 'department' },
      { header: '联系对象', key: 'counterparts' },
      { header: '状态', key: 'status' },
      { header: '纪要', key: 'minutes' },
      { header: '附件', key: 'files' },
    ],
    rows: records.map((r) => ({
      startsAt: r.startsAt,
      title: r.title,
      place: r.place,
      department: r.department.name,
      counterparts: names(r.counterparts),
      status: STATUS[r.status] ?? r.status,
      minutes: r.symposium?.minutes ?? null,
      files: files(r),
    })),
    printed: records.map((r) => ({
      date: shanghaiDateTime(r.startsAt),
      title: r.title,
      units: `${r.department.name}；${names(r.counterparts)}`,
      details: r.symposium?.minutes ?? STATUS[r.status] ?? r.status,
    })),
  };
}

const BUILDERS: Record<LedgerKind, (records: LedgerRecordDto[]) => Omit<LedgerTable, 'kind' | 'name'>> = {
  invitation: invitationTable,
  notice: noticeTable,
  research: researchTable,
  service: serviceTable,
  symposium: symposiumTable,
};

/** One table per kind, in the order of 附件3's sections, each chronological. */
export function ledgerTables(records: readonly LedgerRecordDto[]): LedgerTable[] {
  return LEDGER_KINDS.map((kind) => ({
    kind,
    name: LEDGER_KIND_LABELS[kind].zh,
    ...BUILDERS[kind](records.filter((r) => r.kind === kind)),
  }));
}
