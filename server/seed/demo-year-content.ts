// What the demo district did in its demo year: the texts of every liaison record and consultation, per
// department of 附件1 (奉政发〔2019〕47号). Dates are 'MM-DD HH:mm' in Asia/Shanghai of the demo year;
// demo-year.ts turns them into records through the services.
//
// Shaped for the browser tests that run on the demo district (e2e/): 区发改局 is the department that did
// nothing (e2e/ledger.test.ts writes its plan and its first record with 民建), and 民建奉化总支部 is kept
// under 20 records before today (that test opens its meeting from the first page of 民建's ledger).
import type { MatterKind, ReplyClass, Verdict } from '../../common/schemas/consultations.js';
import type { Adoption, LedgerKind } from '../../common/schemas/ledger.js';

/** 'MM-DD HH:mm' (or 'MM-DD', at a default time) in the demo year, Asia/Shanghai. */
export type When = string;

export interface ServiceFiguresSpec {
  participants: string;
  beneficiaries: string;
  fundsWan?: number;
  peopleServed?: number;
  projectsLanded?: number;
  outcome: string;
}

interface Base {
  title: string;
  at: When;
  /** the plan item this record fulfils (its title in the plan) */
  plan?: string;
}

export type RecordSpec =
  | (Base & {
      kind: 'invitation';
      subtype: 'meeting' | 'affairs' | 'inspection';
      place: string;
      summary?: string;
      /** the counterpart declines, with this note */
      decline?: string;
    })
  | (Base & {
      kind: 'notice';
      subtype: 'policy' | 'material' | 'periodical';
      /** a 文号 (numbered in code) */
      numbered?: boolean;
      /** how far the counterpart got: read (default), received only, or not yet */
      ack?: 'read' | 'received' | 'none';
    })
  | (Base & {
      kind: 'research';
      subtype: 'joint' | 'commissioned' | 'offered';
      /** who records it: a joint project may be recorded by the counterpart */
      host?: 'dept' | 'cp';
      summary: string;
      /** an offered topic: the day the counterpart took it up */
      takenUp?: When;
      adoption?: { at: When; value: Exclude<Adoption, 'none'>; note: string; instruction?: string };
    })
  | (Base & {
      kind: 'service';
      subtype: 'investment' | 'agriculture' | 'medical' | 'poverty' | 'other';
      host: 'dept' | 'cp';
      place: string;
      figures: ServiceFiguresSpec;
    })
  | (Base & { kind: 'symposium'; place?: string; summary?: string; minutes: boolean });

export interface DeptSpec {
  name: string;
  /** 文号 prefix, e.g. 奉卫健 */
  doc: string;
  /** where its meetings are held */
  room: string;
  /** what the year is about (symposium minutes) */
  focus: string;
  /**
   * rich: everything; normal; thin: little done, plan items overdue; empty: nothing at all (no symposium,
   * no plan, no record)
   */
  level: 'rich' | 'normal' | 'thin' | 'empty';
  /** the year's 对口联系工作座谈会 ('MM-DD', 14:30), where the plan is agreed; none: no symposium */
  symposium?: When;
  /** with no symposium: the day the plan was written anyway */
  planOn?: When;
  /** the department's own annual meeting it invites its counterpart to (before the plan) */
  annualMeeting?: When;
  /** invited to its counterpart's annual meeting (default true unless empty) */
  cpMeeting?: { decline?: string };
  /** the year's 工作要点 sent to the counterpart (default: 8 days after the symposium) */
  workPoints?: When | false;
  records: RecordSpec[];
  /** plan items nothing fulfils: overdue once their month has passed, else pending */
  open?: { kind: LedgerKind; title: string; month: number }[];
}

export interface CounterpartSpec {
  name: string;
  /** how plan items name it */
  short: string;
  meeting: { title: string; at: When; place: string; summary: string };
}

export const COUNTERPART_SPECS: readonly CounterpartSpec[] = [
  {
    name: '民革奉化区委会',
    short: '民革',
    meeting: {
      title: '民革奉化区委会2026年工作会议',
      at: '02-27 14:30',
      place: '区政协三楼会议室',
      summary: '总结2025年工作，部署2026年参政议政和社会服务重点工作，对口联系部门负责人应邀出席并交流。',
    },
  },
  {
    name: '民建奉化总支部',
    short: '民建',
    meeting: {
      title: '民建奉化总支部2026年度工作会议暨会员大会',
      at: '03-06 14:00',
      place: '区民主党派大楼二楼会议室',
      summary: '通报总支部年度工作安排，围绕民营经济发展开展交流，对口联系部门负责人介绍部门重点工作。',
    },
  },
  {
    name: '民盟奉化支部',
    short: '民盟',
    meeting: {
      title: '民盟奉化支部2026年盟员大会',
      at: '03-13 14:00',
      place: '区民主党派大楼三楼会议室',
      summary: '审议支部年度工作计划，确定教育、科技、文化领域参政议政课题。',
    },
  },
  {
    name: '区工商联',
    short: '区工商联',
    meeting: {
      title: '区工商联（总商会）十一届三次执委会议',
      at: '03-20 09:00',
      place: '区商会大厦报告厅',
      summary: '审议年度工作报告，部署“两个健康”提升行动，对口联系部门负责人通报涉企政策。',
    },
  },
  {
    name: '无党派人士',
    short: '区知联会',
    meeting: {
      title: '区知联会2026年年会暨建言献策座谈会',
      at: '01-30 14:30',
      place: '区行政中心1号楼会议室',
      summary: '区知联会会员围绕民生实事建言献策，对口联系部门负责人现场回应。',
    },
  },
];

const fig = (f: ServiceFiguresSpec): ServiceFiguresSpec => f;

export const DEPARTMENT_SPECS: readonly DeptSpec[] = [
  // ---------------------------------------------------------------------------------------------- 民革
  {
    name: '区公安分局',
    doc: '奉公',
    room: '区公安分局四楼会议室',
    focus: '平安奉化建设、电信网络诈骗防范和道路交通安全治理',
    level: 'normal',
    symposium: '03-05',
    annualMeeting: '02-24 09:00',
    records: [
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '道路交通安全隐患排查专项视察',
        at: '05-21 09:00',
        place: '江口街道、西坞街道沿线',
        summary: '实地查看事故多发路段整改情况，民革提出增设警示标志、优化信号配时等建议4条。',
        plan: '邀请民革参加道路交通安全专项视察',
      },
      {
        kind: 'service',
        subtype: 'other',
        host: 'dept',
        title: '反电诈宣传进企业',
        at: '06-26 14:00',
        place: '奉化经济开发区',
        figures: fig({
          participants: '区公安分局反诈中心民警6人，民革党员8人',
          beneficiaries: '开发区企业职工',
          peopleServed: 1200,
          outcome: '发放宣传资料3000余份，现场指导下载国家反诈中心APP 860人次。',
        }),
        plan: '联合开展反电诈宣传进企业活动',
      },
      {
        kind: 'notice',
        subtype: 'material',
        title: '奉化区2026年上半年社会治安形势分析',
        at: '07-15 10:00',
      },
      {
        kind: 'invitation',
        subtype: 'meeting',
        title: '全区平安建设工作总结会',
        at: '12-18 14:30',
        place: '区行政中心1号会议室',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区司法局',
    doc: '奉司',
    room: '区司法局三楼会议室',
    focus: '法治政府建设、公共法律服务和矛盾纠纷多元化解',
    level: 'normal',
    symposium: '03-12',
    records: [
      {
        kind: 'invitation',
        subtype: 'meeting',
        title: '全区法治政府建设推进会',
        at: '04-23 14:30',
        place: '区行政中心1号会议室',
        summary: '通报2025年度法治政府建设考评情况，民革就行政复议规范化提出建议。',
        plan: '邀请民革参加全区法治政府建设推进会',
      },
      {
        kind: 'service',
        subtype: 'other',
        host: 'cp',
        title: '法律服务进村居——民革法律咨询日',
        at: '05-16 09:00',
        place: '尚田街道鸣雁村',
        figures: fig({
          participants: '民革党员律师5人，区司法局公共法律服务中心3人',
          beneficiaries: '鸣雁村及周边村村民',
          peopleServed: 156,
          outcome: '现场解答土地承包、婚姻家庭等法律咨询62件，受理法律援助申请3件。',
        }),
        plan: '开展法律服务进村居活动',
      },
      { kind: 'notice', subtype: 'periodical', title: '奉化司法行政（2026年第2期）', at: '06-30 10:00' },
    ],
    open: [{ kind: 'research', title: '基层人民调解员队伍建设联合调研', month: 9 }],
  },
  {
    name: '区交通局',
    doc: '奉交',
    room: '区交通局三楼会议室',
    focus: '城乡公交一体化、农村公路提质和综合交通枢纽建设',
    level: 'normal',
    symposium: '03-17',
    records: [
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区城乡公交一体化发展实施方案',
        at: '07-02 10:00',
        numbered: true,
      },
      {
        kind: 'research',
        subtype: 'commissioned',
        title: '关于山区镇村公交运营补贴机制的调研',
        at: '07-20 09:00',
        summary: '委托民革对大堰、溪口、尚田等山区镇村公交运营成本和补贴方式开展调研。',
        adoption: {
          at: '10-15 16:00',
          value: 'partly',
          note: '调研报告提出的按运营里程核定补贴的建议已纳入2027年公交补贴办法修订稿。',
        },
        plan: '委托民革开展山区公交补贴机制调研',
      },
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '农村公路安全生命防护工程专项检查',
        at: '08-13 09:00',
        place: '大堰镇、溪口镇山区公路',
        summary: '检查临水临崖路段护栏建设，民革建议对急弯陡坡路段加装凸面镜。',
        plan: '邀请民革参加农村公路专项检查',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区农业农村局',
    doc: '奉农',
    room: '区农业农村局二楼会议室',
    focus: '乡村振兴、水蜜桃等特色产业提质和农村人居环境整治',
    level: 'normal',
    symposium: '02-26',
    records: [
      {
        kind: 'invitation',
        subtype: 'meeting',
        title: '全区乡村振兴工作推进会',
        at: '03-18 09:00',
        place: '区行政中心1号会议室',
        summary: '部署强村富民乡村集成改革，民革负责人就农村集体经济增收作交流发言。',
        plan: '邀请民革参加全区乡村振兴工作推进会',
      },
      {
        kind: 'service',
        subtype: 'agriculture',
        host: 'cp',
        title: '科技支农：水蜜桃栽培技术培训下乡',
        at: '03-28 09:00',
        place: '溪口镇三十六湾村',
        figures: fig({
          participants: '民革党员农技专家4人，区农业农村局农技人员3人',
          beneficiaries: '溪口镇、萧王庙街道桃农',
          peopleServed: 210,
          outcome: '开展疏花疏果、病虫害绿色防控现场教学2场，发放技术手册400册。',
        }),
        plan: '开展水蜜桃栽培技术培训下乡',
      },
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区2026年强村富民乡村集成改革实施方案',
        at: '04-10 10:00',
        numbered: true,
      },
      {
        kind: 'research',
        subtype: 'joint',
        host: 'cp',
        title: '乡村振兴联合调研：奉化水蜜桃产业提质增效',
        at: '05-12 09:00',
        summary: '走访萧王庙、溪口等地桃农和合作社18家，形成调研报告1篇。',
        adoption: {
          at: '08-26 16:00',
          value: 'implemented',
          note: '采纳“品种改良+冷链物流”建议，安排专项资金300万元，新建产地冷链仓储点6个。',
          instruction: '调研报告很有价值，请区农业农村局抓好落实。——区政府分管副区长批示',
        },
        plan: '乡村振兴联合调研',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区卫生健康局',
    doc: '奉卫健',
    room: '区卫生健康局三楼会议室',
    focus: '基层医疗卫生服务能力提升、医共体建设和健康奉化建设',
    level: 'rich',
    symposium: '03-10',
    annualMeeting: '02-26 09:00',
    records: [
      {
        kind: 'research',
        subtype: 'joint',
        title: '关于我区基层医疗卫生人才队伍建设的联合调研',
        at: '04-22 09:00',
        summary: '走访12家镇（街道）卫生院，召开座谈会3场，形成调研报告《稳住山区卫生院人才的几点建议》。',
        adoption: {
          at: '07-08 16:00',
          value: 'adopted',
          note: '调研提出的定向培养、职称评聘倾斜等建议已写入基层医疗卫生服务能力提升三年行动方案。',
          instruction: '请区卫生健康局会同区人力社保局研究落实。——区政府分管副区长批示',
        },
        plan: '联合开展基层医疗卫生人才队伍建设调研',
      },
      {
        kind: 'research',
        subtype: 'offered',
        title: '区域医共体建设成效评估',
        at: '05-08 10:00',
        summary: '提供课题：评估医共体“县乡一体”改革以来基层首诊率、双向转诊和群众满意度的变化。',
        takenUp: '05-20 10:00',
        adoption: {
          at: '10-15 16:00',
          value: 'partly',
          note: '评估报告关于完善双向转诊考核的建议已部分采纳，纳入2027年医共体绩效考核方案。',
        },
      },
      {
        kind: 'service',
        subtype: 'medical',
        host: 'cp',
        title: '医疗义诊进社区——走进锦屏街道',
        at: '05-16 08:30',
        place: '锦屏街道南山社区服务中心',
        figures: fig({
          participants: '民革党员医师12人，区人民医院、区中医医院专家8人',
          beneficiaries: '南山社区及周边居民，以老年人为主',
          peopleServed: 320,
          outcome: '开展内科、眼科、中医等义诊，免费测量血压血糖210人次，发放健康读本500册。',
        }),
        plan: '开展医疗义诊进社区活动',
      },
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区基层医疗卫生服务能力提升三年行动方案（2026—2028年）',
        at: '06-05 10:00',
        numbered: true,
      },
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '医疗机构医疗质量安全专项检查',
        at: '06-18 09:00',
        place: '区人民医院、溪口医院',
        summary: '民革负责人参加对两家医院的医疗质量安全检查，就院感防控和处方点评提出建议5条。',
        plan: '邀请民革参加医疗质量安全专项检查',
      },
      {
        kind: 'symposium',
        title: '2026年对口联系工作年中推进会',
        at: '07-16 14:30',
        summary: '回顾上半年计划执行情况，调整下半年工作任务。',
        minutes: true,
        plan: '召开年中对口联系工作推进会',
      },
      {
        kind: 'notice',
        subtype: 'periodical',
        title: '奉化卫健（2026年第3期）',
        at: '09-30 10:00',
        ack: 'received',
      },
      {
        kind: 'service',
        subtype: 'medical',
        host: 'dept',
        title: '山区巡回义诊——走进大堰镇',
        at: '10-17 08:30',
        place: '大堰镇卫生院',
        figures: fig({
          participants: '区卫生健康局组织区级医院专家10人，民革党员医师5人',
          beneficiaries: '大堰镇及周边山区村民',
          peopleServed: 186,
          outcome: '开展慢病筛查和用药指导，为行动不便的老人上门诊疗12户。',
        }),
        plan: '开展山区巡回义诊',
      },
      {
        kind: 'symposium',
        title: '2026年度对口联系工作总结会',
        at: '12-15 14:30',
        summary: '总结全年对口联系工作，商议2027年工作思路。',
        minutes: false,
      },
    ],
  },
  {
    name: '区综合执法局',
    doc: '奉综执',
    room: '区综合执法局会议室',
    focus: '城市精细化管理、违法建筑治理和“大综合一体化”行政执法改革',
    level: 'normal',
    symposium: '03-19',
    records: [
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '城区市容环境秩序专项检查',
        at: '04-16 09:00',
        place: '岳林街道、锦屏街道主要街区',
        summary: '检查占道经营和共享单车停放管理，民革建议增设非机动车停放点。',
        plan: '邀请民革参加城区市容环境专项检查',
      },
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区“大综合一体化”行政执法改革实施方案',
        at: '05-08 10:00',
        numbered: true,
      },
      {
        kind: 'research',
        subtype: 'offered',
        title: '城市管理领域“首违不罚”清单执行情况评估',
        at: '06-11 10:00',
        summary: '提供课题：评估轻微违法行为“首违不罚”清单执行一年来的效果和问题。',
        takenUp: '06-25 10:00',
        plan: '向民革提供城市管理研究课题',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  // ---------------------------------------------------------------------------------------------- 民建
  {
    name: '区发改局',
    doc: '奉发改',
    room: '区发改局会议室',
    focus: '',
    level: 'empty',
    workPoints: false,
    records: [],
  },
  {
    name: '区财政局',
    doc: '奉财',
    room: '区财政局五楼会议室',
    focus: '预算绩效管理、政府债务风险防控和助企政策兑现',
    level: 'normal',
    symposium: '03-11',
    records: [
      {
        kind: 'service',
        subtype: 'investment',
        host: 'cp',
        title: '助企政策宣讲暨融资对接会',
        at: '06-09 14:00',
        place: '区民建会员企业联谊会',
        figures: fig({
          participants: '区财政局政策解读人员3人，民建会员企业家26人，合作银行4家',
          beneficiaries: '民建会员企业及上下游中小企业',
          fundsWan: 2300,
          projectsLanded: 3,
          peopleServed: 86,
          outcome: '解读财政助企政策12项，促成3家企业获得政策性融资担保贷款2300万元。',
        }),
        plan: '联合举办助企政策宣讲暨融资对接会',
      },
      {
        kind: 'invitation',
        subtype: 'meeting',
        title: '全区财政预算执行情况通报会',
        at: '07-23 14:30',
        place: '区财政局五楼会议室',
        summary: '通报上半年预算执行和政府债务情况，民建就盘活存量资产提出建议。',
        plan: '邀请民建参加预算执行情况通报会',
      },
      {
        kind: 'notice',
        subtype: 'material',
        title: '奉化区2025年财政决算和2026年上半年预算执行情况',
        at: '08-20 10:00',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区住建局',
    doc: '奉住建',
    room: '区住建局五楼会议室',
    focus: '城镇老旧小区改造、住房保障和建筑市场监管',
    level: 'normal',
    symposium: '03-04',
    records: [
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区2026年城镇老旧小区改造计划',
        at: '04-28 10:00',
        numbered: true,
      },
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '住宅小区物业服务质量专项检查',
        at: '05-27 09:00',
        place: '岳林街道南山小区等5个小区',
        summary: '检查物业服务合同履行情况，民建建议建立物业服务质量星级评定制度。',
        plan: '邀请民建参加物业服务质量专项检查',
      },
      {
        kind: 'research',
        subtype: 'joint',
        host: 'cp',
        title: '城镇老旧小区改造后长效管理机制研究',
        at: '08-25 09:00',
        summary: '调研已改造小区15个，分析“改后失管”成因，提出“物业+社区+业委会”协同管理建议。',
        adoption: {
          at: '11-10 16:00',
          value: 'adopted',
          note: '协同管理建议已纳入老旧小区改造项目验收要求。',
        },
        plan: '联合开展老旧小区改造长效管理调研',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年中对口联系工作推进会', month: 7 }],
  },
  {
    name: '区自然资源和规划分局',
    doc: '奉资规',
    room: '区自然资源和规划分局会议室',
    focus: '国土空间规划实施、耕地保护和农村宅基地管理',
    level: 'normal',
    symposium: '03-18',
    records: [
      {
        kind: 'research',
        subtype: 'offered',
        title: '农村宅基地集约节约利用路径研究',
        at: '04-30 10:00',
        summary: '提供课题：研究闲置宅基地盘活、村民建房用地保障和宅基地有偿退出的路径。',
        takenUp: '05-12 10:00',
        adoption: {
          at: '10-20 16:00',
          value: 'partly',
          note: '课题报告关于闲置宅基地盘活的建议已部分采纳，在萧王庙街道开展试点。',
        },
        plan: '向民建提供宅基地利用研究课题',
      },
      {
        kind: 'notice',
        subtype: 'material',
        title: '奉化区国土空间总体规划（2021—2035年）公众读本',
        at: '05-19 10:00',
      },
      {
        kind: 'invitation',
        subtype: 'affairs',
        title: '奉化区规划展示馆开馆活动',
        at: '09-25 10:00',
        place: '区规划展示馆',
        summary: '民建负责人参观规划展示馆并参加开馆座谈。',
        plan: '邀请民建参加规划展示馆开馆活动',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  // ---------------------------------------------------------------------------------------------- 民盟
  {
    name: '区教育局',
    doc: '奉教',
    room: '区教育局二楼会议室',
    focus: '学前教育普惠发展、“双减”课后服务和教育集团化办学',
    level: 'normal',
    symposium: '03-03',
    annualMeeting: '02-24 14:00',
    records: [
      {
        kind: 'research',
        subtype: 'offered',
        title: '“双减”背景下课后服务质量提升研究',
        at: '03-25 10:00',
        summary: '提供课题：研究课后服务课程供给、师资补充和经费保障。',
        takenUp: '04-08 10:00',
        adoption: {
          at: '09-30 16:00',
          value: 'adopted',
          note: '引入社会优质资源参与课后服务的建议已采纳，秋季学期起在城区12所学校实施。',
        },
        plan: '向民盟提供“双减”研究课题',
      },
      { kind: 'notice', subtype: 'periodical', title: '奉化教育（2026年春季刊）', at: '04-15 10:00' },
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '中小学校园食品安全专项检查',
        at: '09-09 09:00',
        place: '城区中小学校食堂',
        summary: '检查学校食堂“明厨亮灶”和食材采购，民盟建议推广家长陪餐制度。',
        plan: '邀请民盟参加校园食品安全专项检查',
      },
      {
        kind: 'service',
        subtype: 'other',
        host: 'cp',
        title: '送教下乡——走进大堰镇中心小学',
        at: '11-06 09:00',
        place: '大堰镇中心小学',
        figures: fig({
          participants: '民盟盟员骨干教师9人',
          beneficiaries: '大堰镇中心小学师生',
          peopleServed: 340,
          outcome: '开设示范课6节、教师专题讲座2场，结对帮扶青年教师5人。',
        }),
        plan: '开展送教下乡活动',
      },
    ],
  },
  {
    name: '区科技局',
    doc: '奉科',
    room: '区科技局会议室',
    focus: '科技型企业培育、科技特派员制度和创新平台建设',
    level: 'normal',
    symposium: '03-13',
    records: [
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区关于推动科技创新高质量发展的若干政策',
        at: '04-02 10:00',
        numbered: true,
      },
      {
        kind: 'invitation',
        subtype: 'affairs',
        title: '2026奉化区科技人才对接洽谈会',
        at: '05-22 09:30',
        place: '奉化经济开发区创新中心',
        summary: '民盟负责人出席洽谈会，推荐盟员高校专家与企业对接技术难题。',
        plan: '邀请民盟参加科技人才对接洽谈会',
      },
      {
        kind: 'research',
        subtype: 'commissioned',
        title: '科技型中小企业研发投入激励政策研究',
        at: '06-16 09:00',
        summary: '委托民盟对全区120家科技型中小企业研发投入情况开展问卷调查和分析论证。',
        adoption: {
          at: '09-22 16:00',
          value: 'implemented',
          note: '研发费用补助比例由10%提高至15%的建议已写入新修订的科技政策。',
        },
        plan: '委托民盟开展研发投入激励政策研究',
      },
      {
        kind: 'service',
        subtype: 'agriculture',
        host: 'dept',
        title: '科技特派员结对服务——萧王庙街道花木基地',
        at: '08-06 09:00',
        place: '萧王庙街道花木产业基地',
        figures: fig({
          participants: '区科技局科技特派员4人，民盟盟员专家3人',
          beneficiaries: '萧王庙街道花木种植户和合作社',
          peopleServed: 75,
          projectsLanded: 2,
          outcome: '推广设施大棚智能灌溉技术，促成校地合作项目2个。',
        }),
        plan: '开展科技特派员结对服务',
      },
    ],
  },
  {
    name: '区文广旅体局',
    doc: '奉文广旅体',
    room: '区文广旅体局会议室',
    focus: '文旅融合发展、公共文化服务和全民健身',
    level: 'normal',
    symposium: '03-24',
    records: [
      {
        kind: 'notice',
        subtype: 'material',
        title: '奉化区2026年“文化惠民”活动安排',
        at: '03-31 10:00',
      },
      {
        kind: 'service',
        subtype: 'other',
        host: 'dept',
        title: '文化惠民送戏下乡',
        at: '07-08 19:00',
        place: '莼湖街道栖凤村文化礼堂',
        figures: fig({
          participants: '区文化馆演职人员22人，民盟盟员文艺骨干6人',
          beneficiaries: '栖凤村及周边村村民',
          peopleServed: 420,
          outcome: '演出越剧、奉化吹打等节目12个。',
        }),
        plan: '联合开展文化惠民送戏下乡',
      },
      {
        kind: 'invitation',
        subtype: 'affairs',
        title: '2026中国·奉化弥勒文化节开幕式',
        at: '10-16 19:00',
        place: '雪窦山弥勒文化园',
        summary: '民盟负责人应邀出席开幕式。',
        plan: '邀请民盟参加弥勒文化节开幕式',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区统计局',
    doc: '奉统',
    room: '区统计局会议室',
    focus: '统计数据质量和统计服务',
    level: 'thin',
    symposium: '04-21',
    cpMeeting: { decline: '因参加全市统计工作会议，无法出席，特此致歉。' },
    records: [],
    open: [
      { kind: 'invitation', title: '邀请民盟参加统计开放日活动', month: 9 },
      { kind: 'research', title: '联合开展统计数据质量调研', month: 10 },
      { kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 },
    ],
  },
  // ---------------------------------------------------------------------------------------------- 工商联
  {
    name: '区经信局',
    doc: '奉经信',
    room: '区经信局四楼会议室',
    focus: '制造业高质量发展、企业数字化改造和中小企业服务',
    level: 'normal',
    symposium: '03-06',
    annualMeeting: '02-27 09:00',
    records: [
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区推动中小企业数字化转型实施方案',
        at: '05-14 10:00',
        numbered: true,
      },
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '“专精特新”企业培育工作视察',
        at: '06-24 14:00',
        place: '奉化经济开发区',
        summary: '视察“专精特新”企业4家，区工商联建议加大对小巨人企业的融资支持。',
        plan: '邀请区工商联参加“专精特新”企业培育视察',
      },
      {
        kind: 'research',
        subtype: 'joint',
        host: 'cp',
        title: '民营企业数字化转型现状与对策研究',
        at: '07-28 09:00',
        summary: '对120家民营企业开展问卷调查，走访企业15家，形成调研报告。',
        adoption: {
          at: '10-09 16:00',
          value: 'adopted',
          note: '“小快轻准”数字化产品推广建议已纳入2027年数字化改造专项。',
        },
        plan: '联合开展民营企业数字化转型调研',
      },
      {
        kind: 'service',
        subtype: 'investment',
        host: 'cp',
        title: '民营企业数字化转型供需对接会',
        at: '09-18 14:00',
        place: '区商会大厦',
        figures: fig({
          participants: '区经信局、区工商联，数字化服务商18家',
          beneficiaries: '会员制造企业',
          fundsWan: 5600,
          projectsLanded: 4,
          peopleServed: 130,
          outcome: '现场签约数字化改造项目4个，合同金额5600万元。',
        }),
        plan: '举办数字化转型供需对接会',
      },
    ],
  },
  {
    name: '区人力社保局',
    doc: '奉人社',
    room: '区人力社保局会议室',
    focus: '稳岗就业、技能人才培养和劳动关系治理',
    level: 'normal',
    symposium: '03-03',
    records: [
      {
        kind: 'service',
        subtype: 'investment',
        host: 'cp',
        title: '民营企业引才专场招聘会',
        at: '03-14 09:00',
        place: '区人力资源市场',
        figures: fig({
          participants: '区工商联会员企业86家，区人力社保局就业服务中心',
          beneficiaries: '高校毕业生和求职人员',
          peopleServed: 1800,
          outcome: '提供岗位2100个，达成初步就业意向640人。',
        }),
        plan: '联合举办民营企业引才专场招聘会',
      },
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区2026年稳就业若干措施',
        at: '04-09 10:00',
        numbered: true,
      },
      {
        kind: 'research',
        subtype: 'offered',
        title: '新就业形态劳动者权益保障研究',
        at: '04-29 10:00',
        summary: '提供课题：研究外卖骑手、网约车司机等新就业形态劳动者的职业伤害保障和劳动关系认定。',
        takenUp: '05-15 10:00',
        adoption: {
          at: '10-28 16:00',
          value: 'partly',
          note: '关于设立新就业形态劳动者服务站点的建议已部分采纳，首批建成“暖心驿站”8个。',
        },
        plan: '向区工商联提供新就业形态研究课题',
      },
      {
        kind: 'invitation',
        subtype: 'meeting',
        title: '全区根治欠薪工作推进会',
        at: '05-26 14:30',
        place: '区行政中心2号会议室',
        summary: '区工商联负责人介绍会员企业工资支付诚信建设情况。',
        plan: '邀请区工商联参加根治欠薪工作推进会',
      },
    ],
  },
  {
    name: '区生态环境分局',
    doc: '奉环',
    room: '区生态环境分局会议室',
    focus: '污染防治攻坚、企业环保服务和生态环境执法',
    level: 'normal',
    symposium: '03-20',
    records: [
      {
        kind: 'notice',
        subtype: 'material',
        title: '奉化区2025年生态环境状况公报',
        at: '06-05 10:00',
      },
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '重点行业企业环保合规专项检查',
        at: '06-10 09:00',
        place: '奉化经济开发区',
        summary: '检查涉VOCs企业治理设施运行情况，区工商联建议推行环保“体检式”服务。',
        plan: '邀请区工商联参加企业环保合规专项检查',
      },
      {
        kind: 'research',
        subtype: 'commissioned',
        title: '小微企业危险废物收运体系建设研究',
        at: '08-19 09:00',
        summary: '委托区工商联调研小微企业危险废物产生和收运现状，提出集中收运方案。',
        plan: '委托区工商联开展小微企业危废收运研究',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区税务局',
    doc: '奉税',
    room: '区税务局三楼会议室',
    focus: '税费优惠政策落实和办税缴费便利化',
    level: 'normal',
    symposium: '03-25',
    records: [
      {
        kind: 'notice',
        subtype: 'material',
        title: '2026年支持小微企业和个体工商户发展税费优惠政策指引',
        at: '03-31 10:00',
      },
      {
        kind: 'invitation',
        subtype: 'meeting',
        title: '2026年税收宣传月启动仪式',
        at: '04-01 09:30',
        place: '区税务局办税服务厅',
        decline: '因同日召开执委会议，无法参加，特此致歉。',
        plan: '邀请区工商联参加税收宣传月启动仪式',
      },
      {
        kind: 'service',
        subtype: 'other',
        host: 'dept',
        title: '税费政策进商会宣讲',
        at: '06-17 14:00',
        place: '区商会大厦报告厅',
        figures: fig({
          participants: '区税务局业务骨干5人',
          beneficiaries: '区工商联会员企业财务人员',
          peopleServed: 150,
          outcome: '解读研发费用加计扣除等政策，现场答疑46个问题。',
        }),
        plan: '开展税费政策进商会宣讲',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区应急管理局',
    doc: '奉应急',
    room: '区应急管理局会议室',
    focus: '安全生产治本攻坚、企业安全培训和防汛防台',
    level: 'normal',
    symposium: '03-26',
    records: [
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '汛前安全生产和防汛防台专项检查',
        at: '05-13 09:00',
        place: '莼湖街道、裘村镇沿海企业',
        summary: '检查沿海企业防台预案和避险转移安排，区工商联建议建立会员企业应急联络群。',
        plan: '邀请区工商联参加汛前专项检查',
      },
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区2026年防汛防台工作预案',
        at: '05-28 10:00',
        numbered: true,
      },
      {
        kind: 'service',
        subtype: 'other',
        host: 'cp',
        title: '企业安全生产公益培训进商会',
        at: '09-23 14:00',
        place: '区商会大厦',
        figures: fig({
          participants: '区应急管理局讲师3人，区工商联',
          beneficiaries: '会员企业安全管理人员',
          peopleServed: 260,
          outcome: '培训有限空间作业、动火作业等安全规范，发放培训证书260份。',
        }),
        plan: '开展企业安全生产公益培训',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区审计局',
    doc: '奉审',
    room: '区审计局会议室',
    focus: '审计监督和审计整改',
    level: 'thin',
    planOn: '04-28',
    records: [],
    open: [
      { kind: 'symposium', title: '召开年度对口联系工作座谈会', month: 5 },
      { kind: 'research', title: '联合开展审计整改情况调研', month: 9 },
      { kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 },
    ],
    workPoints: '06-12 10:00',
  },
  {
    name: '区市场监管局',
    doc: '奉市监',
    room: '区市场监管局四楼会议室',
    focus: '优化营商环境、食品安全和质量强区',
    level: 'normal',
    symposium: '02-27',
    records: [
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区优化营商环境若干措施',
        at: '04-15 10:00',
        numbered: true,
      },
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '农贸市场食品安全专项检查',
        at: '07-21 09:00',
        place: '大成菜场、南渡菜场',
        summary: '检查农贸市场快检室运行和进货查验，区工商联建议推广“智慧菜场”。',
        plan: '邀请区工商联参加农贸市场食品安全专项检查',
      },
      {
        kind: 'research',
        subtype: 'joint',
        host: 'cp',
        title: '个体工商户“个转企”培育路径研究',
        at: '09-08 09:00',
        summary: '调研个体工商户300户，分析转型意愿和障碍。',
        adoption: {
          at: '11-18 16:00',
          value: 'adopted',
          note: '“个转企”分层培育名录和首年免费代办服务建议已采纳。',
        },
        plan: '联合开展“个转企”培育调研',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  // ---------------------------------------------------------------------------------------------- 无党派人士
  {
    name: '区民政局',
    doc: '奉民',
    room: '区民政局三楼会议室',
    focus: '养老服务体系建设、社会救助和基层治理',
    level: 'normal',
    symposium: '03-09',
    records: [
      {
        kind: 'notice',
        subtype: 'material',
        title: '奉化区困难群众救助政策汇编（2026年版）',
        at: '03-31 10:00',
      },
      {
        kind: 'invitation',
        subtype: 'meeting',
        title: '全区养老服务工作推进会',
        at: '05-20 14:30',
        place: '区行政中心2号会议室',
        summary: '区知联会负责人就居家养老服务中心运营提出意见。',
        plan: '邀请区知联会参加养老服务工作推进会',
      },
      {
        kind: 'service',
        subtype: 'poverty',
        host: 'cp',
        title: '中秋走访慰问困难家庭',
        at: '09-24 09:00',
        place: '西坞街道、江口街道',
        figures: fig({
          participants: '区知联会会员12人，区民政局社会救助科2人',
          beneficiaries: '低保、低边家庭',
          fundsWan: 9.6,
          peopleServed: 48,
          outcome: '走访慰问困难家庭48户，送去慰问金和物资共计9.6万元。',
        }),
        plan: '联合开展困难家庭走访慰问',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区水利局',
    doc: '奉水利',
    room: '区水利局会议室',
    focus: '县江流域治理、山塘水库安全和农村饮用水保障',
    level: 'normal',
    symposium: '03-16',
    records: [
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '汛前水利工程安全检查',
        at: '04-24 09:00',
        place: '横山水库、亭下水库',
        summary: '检查水库大坝安全和防汛物资储备，区知联会建议加强小型山塘巡查。',
        plan: '邀请区知联会参加汛前水利工程安全检查',
      },
      {
        kind: 'research',
        subtype: 'commissioned',
        title: '山塘水库安全运行管理长效机制研究',
        at: '06-23 09:00',
        summary: '委托区知联会对全区小型山塘水库的管护主体、经费和巡查制度开展调研。',
        adoption: {
          at: '10-13 16:00',
          value: 'partly',
          note: '物业化管护建议已部分采纳，2027年起在溪口、大堰两镇推行。',
        },
        plan: '委托区知联会开展山塘水库管理研究',
      },
      { kind: 'notice', subtype: 'material', title: '奉化区2025年水资源公报', at: '07-10 10:00' },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
  {
    name: '区商务局',
    doc: '奉商务',
    room: '区商务局会议室',
    focus: '招商引资、外贸稳增长和商贸流通',
    level: 'normal',
    symposium: '03-23',
    records: [
      {
        kind: 'research',
        subtype: 'offered',
        title: '跨境电商助推奉化特色产业“出海”路径研究',
        at: '04-16 10:00',
        summary: '提供课题：研究服装、汽配等特色产业借助跨境电商开拓海外市场的路径。',
        takenUp: '05-06 10:00',
        plan: '向区知联会提供跨境电商研究课题',
      },
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区促进外贸稳规模提质量若干措施',
        at: '05-07 10:00',
        numbered: true,
      },
      {
        kind: 'invitation',
        subtype: 'affairs',
        title: '2026奉化区（上海）投资环境推介会',
        at: '06-12 14:00',
        place: '上海虹桥商务区',
        summary: '区知联会负责人随团推介，引荐在沪奉化籍企业家3人。',
        plan: '邀请区知联会参加投资环境推介会',
      },
      {
        kind: 'service',
        subtype: 'investment',
        host: 'cp',
        title: '知联会“引才聚智”项目对接会',
        at: '08-28 14:00',
        place: '区行政中心1号楼会议室',
        figures: fig({
          participants: '区知联会会员企业家和专家20人，区商务局投资促进科',
          beneficiaries: '区内重点招商项目',
          fundsWan: 12000,
          projectsLanded: 2,
          outcome: '对接在外奉化籍人才项目7个，落地新材料、智能制造项目2个，计划总投资1.2亿元。',
        }),
        plan: '举办“引才聚智”项目对接会',
      },
    ],
  },
  {
    name: '区退役军人事务局',
    doc: '奉退役',
    room: '区退役军人事务局会议室',
    focus: '退役军人就业创业和困难帮扶',
    level: 'thin',
    symposium: '05-12',
    records: [
      {
        kind: 'service',
        subtype: 'poverty',
        host: 'dept',
        title: '“八一”走访慰问困难退役军人',
        at: '07-30 09:00',
        place: '尚田街道、裘村镇',
        figures: fig({
          participants: '区退役军人事务局3人，区知联会会员4人',
          beneficiaries: '困难退役军人家庭',
          fundsWan: 3.2,
          peopleServed: 16,
          outcome: '走访慰问困难退役军人16户。',
        }),
        plan: '联合走访慰问困难退役军人',
      },
    ],
    open: [
      { kind: 'invitation', title: '邀请区知联会参加退役军人就业创业典型表彰会', month: 6 },
      { kind: 'research', title: '联合开展退役军人就业创业情况调研', month: 9 },
    ],
  },
  {
    name: '区医保局',
    doc: '奉医保',
    room: '区医保局会议室',
    focus: '医保基金监管、长期护理保险和医保便民服务',
    level: 'normal',
    symposium: '03-27',
    records: [
      {
        kind: 'notice',
        subtype: 'policy',
        title: '奉化区长期护理保险制度实施细则',
        at: '06-25 10:00',
        numbered: true,
      },
      {
        kind: 'invitation',
        subtype: 'inspection',
        title: '定点医药机构医保基金使用专项检查',
        at: '07-07 09:00',
        place: '城区定点药店和民营医院',
        summary: '区知联会负责人参加检查，建议推广医保基金使用“智能监控”。',
        plan: '邀请区知联会参加医保基金专项检查',
      },
      {
        kind: 'service',
        subtype: 'medical',
        host: 'cp',
        title: '医保政策进村宣讲暨健康义诊',
        at: '10-22 09:00',
        place: '裘村镇黄贤村',
        figures: fig({
          participants: '区知联会医卫界会员6人，区医保局2人',
          beneficiaries: '黄贤村村民',
          peopleServed: 230,
          outcome: '宣讲城乡居民医保参保和长护险政策，义诊130人次。',
        }),
        plan: '开展医保政策进村宣讲暨义诊',
      },
    ],
    open: [{ kind: 'symposium', title: '召开年度对口联系工作总结会', month: 12 }],
  },
];

/** Invitations a counterpart sends to a department beyond its annual meeting. */
export const COUNTERPART_ACTIVITIES: readonly {
  counterpart: string;
  department: string;
  title: string;
  at: When;
  place: string;
  summary: string;
}[] = [
  {
    counterpart: '民革奉化区委会',
    department: '区卫生健康局',
    title: '民革“博爱·同心”健康行活动启动仪式',
    at: '09-12 09:00',
    place: '溪口镇文化礼堂',
    summary: '区卫生健康局负责人出席启动仪式，双方商定下半年山区巡回义诊安排。',
  },
  {
    counterpart: '区工商联',
    department: '区经信局',
    title: '区工商联（总商会）2026年度会员大会',
    at: '12-22 14:00',
    place: '区商会大厦报告厅',
    summary: '',
  },
];

// -------------------------------------------------------------------------------------------------
// 重大事项民主协商

export interface ItemSpec {
  /** the author (default: the matter's first counterpart) */
  from?: string;
  source: 'symposium' | 'written';
  /** written items: the day received ('MM-DD'); symposium items: the day it was held */
  received?: When;
  text: string;
  /** the department's internal analysis, kept with the reply */
  analysis?: string;
  extension?: { after: number; days: number; reason: string; granted: string };
  /** the reply, `after` working days after receipt */
  reply?: { after: number; class: ReplyClass; text: string; reason?: string };
  /** the counterpart's verdict, `after` working days after the reply */
  verdict?: { after: number; verdict: Verdict; comment?: string };
  /** 二次办理 after a not-satisfied verdict */
  second?: {
    reply: { after: number; class: ReplyClass; text: string; reason?: string };
    verdict?: { after: number; verdict: Verdict; comment?: string };
  };
}

export interface MatterSpec {
  department: string;
  kind: MatterKind;
  title: string;
  summary: string;
  /** registered */
  created: When;
  plannedDecision?: string;
  /** counterparts consulted beyond the department's own pairs */
  alsoConsult?: string[];
  /** the symposium: invitations sent on `invited`, held at `at` (unless `held` is false) */
  symposium?: { invited: When; at: When; place: string; held: boolean; minutes?: string };
  decision?: { at: When; note: string };
  items: ItemSpec[];
}

export const MATTER_SPECS: readonly MatterSpec[] = [
  {
    department: '区卫生健康局',
    kind: 'policy',
    title: '奉化区基层医疗卫生服务能力提升三年行动方案（2026—2028年）',
    summary:
      '为补齐山区镇卫生院服务短板，拟出台三年行动方案，明确卫生院能力建设、人才引育、数字健康等重点任务，提请区政府常务会议审议。',
    created: '03-30 10:00',
    plannedDecision: '05-25',
    symposium: {
      invited: '04-08 10:00',
      at: '04-16 14:30',
      place: '区卫生健康局三楼会议室',
      held: true,
      minutes:
        '区卫生健康局通报了行动方案起草情况。民革奉化区委会围绕山区卫生院人才队伍、远程医疗和村级急救能力提出意见建议3条，会后书面补充建议1条。区卫生健康局表示将逐条研究，在15个工作日内书面答复。',
    },
    decision: { at: '05-20 15:00', note: '方案经区政府常务会议审议通过，吸收民革意见建议3条。' },
    items: [
      {
        source: 'symposium',
        text: '建议加大对大堰、溪口等山区镇卫生院全科医生的定向培养力度，落实基层医务人员职称评聘倾斜政策，稳定基层队伍。',
        analysis: '与方案人才引育章节方向一致，区人力社保局已同意职称单独分组评审。',
        reply: {
          after: 6,
          class: 'adopted',
          text: '已采纳。方案第三部分新增“山区卫生院人才定向培养”条款：2026年起每年定向培养全科医生10名，基层医务人员职称评聘实行单独分组、单独评审。',
        },
        verdict: { after: 3, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议推广“云诊室”远程会诊，打通区人民医院与各镇（街道）卫生院的影像、心电数据，让山区群众就近享受区级专家服务。',
        reply: {
          after: 8,
          class: 'partly_adopted',
          text: '部分采纳。远程心电诊断2026年底前覆盖全部12家卫生院；影像数据互联受设备更新进度影响，分2026、2027两年实施。',
        },
        verdict: { after: 4, verdict: 'basically_satisfied' },
      },
      {
        source: 'symposium',
        text: '建议在偏远行政村卫生室配备自动体外除颤器（AED），并组织乡村医生开展急救技能培训。',
        analysis: 'AED配置资金已列入公共场所配置计划，村级配置需评估值守条件。',
        reply: {
          after: 10,
          class: 'not_adopted',
          text: '经研究，该建议暂不采纳。',
          reason:
            '村卫生室多数未实行24小时值守，AED宜优先配置在人员密集的公共场所。2026年已安排在镇（街道）政府、学校、景区等场所配置120台，村级配置待评估使用效果后纳入下一轮计划统筹考虑。',
        },
        verdict: {
          after: 4,
          verdict: 'not_satisfied',
          comment:
            '山区村距镇卫生院路程远，急救“黄金四分钟”难以保障，建议至少在偏远行政村先行试点，请再研究。',
        },
        second: {
          reply: {
            after: 9,
            class: 'partly_adopted',
            text: '二次办理答复：同意在大堰镇、溪口镇8个偏远行政村卫生室先行试点配置AED，由区急救站对乡村医生开展急救技能轮训，2027年视试点情况扩面。',
          },
          verdict: { after: 3, verdict: 'satisfied' },
        },
      },
      {
        source: 'written',
        received: '04-20',
        text: '关于提升家庭医生签约服务质量的建议：提高重点人群签约履约率，建立签约居民满意度回访制度，将回访结果纳入家庭医生团队考核。',
        reply: {
          after: 12,
          class: 'for_reference',
          text: '留作参考。家庭医生签约服务考核办法正在修订，您提出的满意度回访建议将在修订中统筹研究。',
        },
        verdict: { after: 5, verdict: 'basically_satisfied' },
      },
      {
        source: 'written',
        received: '11-16',
        text: '建议在区人民医院设立“一站式”老年人就医服务中心，提供陪诊、代办、适老化就医指引等服务。',
      },
    ],
  },
  {
    department: '区市场监管局',
    kind: 'policy',
    title: '奉化区优化营商环境若干措施（征求意见稿）',
    summary:
      '对标省市营商环境评价指标，拟从市场准入、政务服务、要素保障、公平竞争、法治保障五个方面提出20条措施。',
    created: '02-25 10:00',
    plannedDecision: '04-10',
    symposium: {
      invited: '03-04 10:00',
      at: '03-12 14:30',
      place: '区市场监管局四楼会议室',
      held: true,
      minutes:
        '区市场监管局介绍了20条措施的起草背景和主要内容。区工商联结合会员企业反映的问题提出意见建议，会后又书面提交建议2条。',
    },
    decision: { at: '04-08 15:00', note: '经区政府常务会议审议通过，以区政府办公室文件印发。' },
    items: [
      {
        source: 'symposium',
        text: '建议推行涉企经营许可“证照联办”，将餐饮、药店等高频事项的办理时限压缩至3个工作日以内。',
        reply: {
          after: 5,
          class: 'adopted',
          text: '已采纳。措施第2条明确推行“证照联办”，餐饮、药店等8类高频事项办理时限压缩至3个工作日。',
        },
        verdict: { after: 2, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议建立涉企检查“综合查一次”制度，减少对守法经营企业的重复检查。',
        reply: {
          after: 5,
          class: 'adopted',
          text: '已采纳。措施第12条明确推行“综合查一次”，同一企业年度检查原则上不超过2次。',
        },
        verdict: { after: 3, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议设立中小微企业应急转贷资金池，规模不低于1亿元，缓解企业续贷资金周转压力。',
        reply: {
          after: 7,
          class: 'partly_adopted',
          text: '部分采纳。区财政已安排应急转贷资金5000万元，视运行情况逐步扩大规模。',
        },
        verdict: { after: 3, verdict: 'basically_satisfied' },
      },
      {
        source: 'written',
        received: '03-16',
        text: '建议对新设立的个体工商户提供一年免费的登记代办和财税辅导服务。',
        reply: {
          after: 9,
          class: 'for_reference',
          text: '留作参考。将结合“个转企”培育工作，研究制定个体工商户分层分类帮扶措施。',
        },
        verdict: { after: 4, verdict: 'basically_satisfied' },
      },
      {
        source: 'written',
        received: '03-18',
        text: '建议将企业开办全流程费用（印章刻制、税务UKey等）纳入财政兜底，实现“零成本”开办。',
        reply: {
          after: 4,
          class: 'adopted',
          text: '已采纳。自2026年5月1日起，新开办企业首套印章刻制和税务UKey费用由财政承担。',
        },
        verdict: { after: 2, verdict: 'satisfied' },
      },
    ],
  },
  {
    department: '区教育局',
    kind: 'livelihood',
    title: '奉化区2026年城区义务教育学校学区划分调整方案',
    summary: '因城区新建住宅小区和新建学校投用，拟调整城区6所小学、3所初中的学区范围。',
    created: '04-20 10:00',
    plannedDecision: '06-12',
    symposium: {
      invited: '05-06 10:00',
      at: '05-14 14:30',
      place: '区教育局二楼会议室',
      held: true,
      minutes:
        '区教育局介绍学区调整方案和测算依据，民盟奉化支部提出过渡安排、听取家长意见和学校交通等建议3条。',
    },
    decision: { at: '06-10 10:00', note: '经局党委会研究确定，于6月12日向社会公布。' },
    items: [
      {
        source: 'symposium',
        text: '建议学区调整设置过渡期，已在原学区就读学生的弟妹可按原学区入学，减少家庭接送负担。',
        reply: {
          after: 7,
          class: 'adopted',
          text: '已采纳。方案增设三年过渡期，同胞子女可按原学区就近入学。',
        },
        verdict: { after: 3, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议方案公布前召开家长代表座谈会，充分听取群众意见，做好政策解读。',
        reply: {
          after: 5,
          class: 'adopted',
          text: '已采纳。5月下旬已在涉及学区的6个社区召开家长座谈会8场。',
        },
        verdict: { after: 2, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议新城区小学同步配建地下停车场和接送区，缓解上下学交通拥堵。',
        reply: {
          after: 14,
          class: 'not_adopted',
          text: '经研究，该建议暂不采纳。',
          reason:
            '新城区两所小学主体工程已按原设计施工至地上部分，增设地下停车场涉及设计变更和资金追加，暂不具备条件；已协调交警部门在学校周边设置临时接送泊位60个。',
        },
        verdict: { after: 5, verdict: 'basically_satisfied' },
      },
    ],
  },
  {
    // 先协商后决策 violated: the plan was issued a week before its symposium.
    department: '区交通局',
    kind: 'livelihood',
    title: '奉化城区公交线网优化调整方案',
    summary: '拟对城区8条公交线路进行优化调整，撤并重复站点，新开通往高铁站的接驳线路。',
    created: '05-20 10:00',
    plannedDecision: '06-30',
    symposium: {
      invited: '06-19 10:00',
      at: '06-25 14:30',
      place: '区交通局三楼会议室',
      held: true,
      minutes:
        '区交通局通报了线网调整方案。民革奉化区委会指出方案已印发实施，协商流于形式，并就站点撤并提出意见。',
    },
    decision: { at: '06-18 10:00', note: '经局长办公会议研究，方案已印发实施。' },
    items: [
      {
        source: 'symposium',
        text: '调整后的8路、12路公交取消了南山路站点，周边两个小区老年人出行不便，建议恢复或增设替代站点。',
        reply: {
          after: 18,
          class: 'partly_adopted',
          text: '部分采纳。8路公交已于7月起恢复南山路站点；12路因线路重叠度高暂不恢复，由8路覆盖。',
        },
        verdict: { after: 4, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议今后公交线网调整先公示、再协商、后实施，不要先定后议。',
        reply: {
          after: 20,
          class: 'for_reference',
          text: '留作参考。今后线网调整将严格履行公示和专题协商程序。',
        },
        verdict: { after: 6, verdict: 'basically_satisfied' },
      },
      {
        source: 'written',
        received: '06-29',
        text: '建议在城区主要公交站台增设实时到站电子站牌，首批覆盖医院、学校周边站点。',
      },
    ],
  },
  {
    department: '区住建局',
    kind: 'project',
    title: '2026年城镇老旧小区改造实施计划',
    summary: '拟改造小区23个，涉及居民6200余户，总投资约2.8亿元。',
    created: '03-10 10:00',
    plannedDecision: '04-20',
    symposium: {
      invited: '03-18 10:00',
      at: '03-26 14:30',
      place: '区住建局五楼会议室',
      held: true,
      minutes: '区住建局介绍改造计划和资金安排，民建奉化总支部就改造内容、管线统筹和长效管理提出建议。',
    },
    decision: { at: '04-20 10:00', note: '报经区政府同意后实施。' },
    items: [
      {
        source: 'symposium',
        text: '建议把加装电梯、适老化改造纳入改造“菜单”，由居民投票选择改造内容。',
        reply: {
          after: 6,
          class: 'adopted',
          text: '已采纳。改造内容实行“基础类+完善类+提升类”菜单式选择，居民参与率纳入项目验收。',
        },
        verdict: { after: 3, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议统筹雨污分流、管线入地和道路改造，避免“马路拉链”反复开挖。',
        reply: {
          after: 8,
          class: 'adopted',
          text: '已采纳。建立改造项目管线单位联席会议制度，同步设计、同步施工。',
        },
        verdict: { after: 3, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议对改造后的小区同步引入专业物业或落实“红色物业”兜底，防止“改造后又失管”。',
        reply: {
          after: 10,
          class: 'partly_adopted',
          text: '部分采纳。23个小区中15个已落实专业物业服务，其余由街道落实准物业管理。',
        },
        verdict: { after: 4, verdict: 'basically_satisfied' },
      },
      {
        source: 'written',
        received: '04-02',
        text: '建议定期公开改造项目资金使用情况，接受居民监督。',
        reply: {
          after: 5,
          class: 'adopted',
          text: '已采纳。各改造项目资金使用情况按季度在小区公示栏和“奉化发布”公开。',
        },
        verdict: { after: 2, verdict: 'satisfied' },
      },
    ],
  },
  {
    department: '区自然资源和规划分局',
    kind: 'planning',
    title: '溪口镇国土空间详细规划（草案）',
    summary: '规划范围约18平方公里，统筹旅游发展、历史文化保护和镇区更新。',
    created: '06-22 10:00',
    plannedDecision: '09-30',
    symposium: {
      invited: '07-01 10:00',
      at: '07-09 14:30',
      place: '区自然资源和规划分局会议室',
      held: true,
      minutes: '编制单位汇报规划草案，民建奉化总支部就历史文化保护、旅游停车和村民建房用地提出意见。',
    },
    decision: { at: '09-15 15:00', note: '规划草案经区规划委员会审议通过，报区政府批准。' },
    items: [
      {
        source: 'symposium',
        text: '建议在规划中明确溪口历史文化街区的核心保护范围和建筑高度控制要求。',
        reply: {
          after: 9,
          class: 'adopted',
          text: '已采纳。规划增设历史文化街区保护专章，核心保护范围内新建建筑高度控制在12米以下。',
        },
        verdict: { after: 3, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议预留旅游集散和停车用地，解决节假日景区周边停车难问题。',
        reply: {
          after: 11,
          class: 'partly_adopted',
          text: '部分采纳。规划新增旅游集散中心1处、停车泊位800个；外围停车场选址另行研究。',
        },
        verdict: { after: 4, verdict: 'basically_satisfied' },
      },
      {
        source: 'written',
        received: '07-14',
        text: '建议为村民建房预留宅基地指标，保障合理建房用地需求。',
        reply: {
          after: 13,
          class: 'for_reference',
          text: '留作参考。村民建房用地将在村庄规划中统筹安排。',
        },
        verdict: { after: 4, verdict: 'basically_satisfied' },
      },
    ],
  },
  {
    department: '区民政局',
    kind: 'livelihood',
    title: '居家养老服务中心社会化运营实施方案',
    summary: '拟将全区62家居家养老服务中心交由专业机构连锁化运营，明确服务清单和考核标准。',
    created: '08-04 10:00',
    plannedDecision: '12-20',
    symposium: {
      invited: '08-12 10:00',
      at: '08-20 14:30',
      place: '区民政局三楼会议室',
      held: true,
      minutes: '区民政局介绍社会化运营方案，区知联会就助餐服务、第三方评估、运营补贴和互助养老提出建议。',
    },
    items: [
      {
        source: 'symposium',
        text: '建议把助餐服务作为运营机构的必选项目，对高龄、独居老人实行送餐上门。',
        reply: {
          after: 8,
          class: 'adopted',
          text: '已采纳。助餐服务列为必选项目，80周岁以上独居老人可申请送餐上门。',
        },
        verdict: { after: 3, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议建立运营机构第三方评估和退出机制，评估结果与运营补贴挂钩。',
        reply: {
          after: 10,
          class: 'adopted',
          text: '已采纳。方案明确每年开展第三方评估，连续两年评估不合格的运营机构予以退出。',
        },
      },
      {
        source: 'symposium',
        text: '建议提高运营补贴标准，并向山区和海岛站点倾斜。',
      },
      {
        source: 'written',
        received: '09-02',
        text: '建议引入“时间银行”互助养老模式，鼓励低龄老人服务高龄老人。',
        extension: {
          after: 12,
          days: 10,
          reason: '需会同区志愿服务中心研究服务时长积分和兑换办法。',
          granted: '同意延期10个工作日。',
        },
        reply: {
          after: 20,
          class: 'for_reference',
          text: '留作参考。将在西坞街道开展“时间银行”试点，总结经验后研究推广。',
        },
      },
    ],
  },
  {
    department: '区经信局',
    kind: 'policy',
    title: '奉化区推动制造业高质量发展若干政策（修订稿）',
    summary: '拟对技术改造、数字化转型、“专精特新”培育等奖补政策进行修订。',
    created: '09-01 10:00',
    plannedDecision: '10-31',
    symposium: {
      invited: '09-09 10:00',
      at: '09-17 14:30',
      place: '区经信局四楼会议室',
      held: true,
      minutes: '区经信局介绍政策修订内容，区工商联就补助门槛、“专精特新”奖励和兑现方式提出建议。',
    },
    decision: { at: '10-30 15:00', note: '经区政府常务会议审议通过，自2027年1月1日起施行。' },
    items: [
      {
        source: 'symposium',
        text: '建议将智能化技术改造项目的补助门槛由设备投资500万元降至300万元，让更多中小企业享受政策。',
        reply: {
          after: 9,
          class: 'partly_adopted',
          text: '部分采纳。对“专精特新”中小企业补助门槛降至300万元，其他企业维持500万元。',
        },
        verdict: { after: 3, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议对首次入选省级“专精特新”的企业给予一次性奖励。',
        reply: { after: 7, class: 'adopted', text: '已采纳。对首次入选的企业给予一次性奖励20万元。' },
        verdict: { after: 2, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议奖补资金实行“免申即享”，减少企业申报材料。',
        reply: {
          after: 11,
          class: 'adopted',
          text: '已采纳。首批6类奖补事项实行“免申即享”，由系统比对数据后直接兑现。',
        },
        verdict: { after: 4, verdict: 'basically_satisfied' },
      },
      {
        source: 'written',
        received: '09-24',
        text: '建议设立企业数据安全专项补助，支持企业开展数据安全评估和防护改造。',
        reply: {
          after: 14,
          class: 'not_adopted',
          text: '经研究，该建议暂不采纳。',
          reason:
            '数据安全相关补助已纳入市级数字经济专项资金，区级不再重复设立；我局将协助企业做好市级项目申报。',
        },
      },
    ],
  },
  {
    department: '区水利局',
    kind: 'project',
    title: '县江流域综合治理二期工程建设方案',
    summary: '二期工程拟实施堤防加固12公里、河道清淤疏浚8公里，总投资3.6亿元。',
    created: '10-09 10:00',
    plannedDecision: '12-25',
    symposium: {
      invited: '10-14 10:00',
      at: '10-22 14:30',
      place: '区水利局会议室',
      held: true,
      minutes: '区水利局介绍二期工程方案，区知联会就堤防景观融合、施工期保障和水利遗产保护提出建议。',
    },
    items: [
      {
        source: 'symposium',
        text: '建议堤防工程与沿江绿道、亲水平台一体设计，兼顾防洪与休闲功能。',
        reply: {
          after: 10,
          class: 'adopted',
          text: '已采纳。设计单位已将沿江绿道和3处亲水平台纳入二期工程初步设计。',
        },
        verdict: { after: 4, verdict: 'satisfied' },
      },
      {
        source: 'symposium',
        text: '建议施工期间做好沿线农田灌溉和村民出行保障，合理安排工期避开汛期。',
        reply: {
          after: 17,
          class: 'partly_adopted',
          text: '部分采纳。主体工程安排在非汛期施工，沿线设置临时便道3处；灌溉保障方案由属地镇（街道）制定。',
        },
      },
      {
        source: 'symposium',
        text: '建议对工程涉及的古堰坝等水利遗产进行调查评估，予以保护利用。',
      },
    ],
  },
  {
    department: '区文广旅体局',
    kind: 'planning',
    title: '奉化区文旅融合发展规划（2026—2030年）',
    summary: '规划提出打造“溪口—雪窦山”核心景区和滨海休闲、乡村旅游两大板块。',
    created: '10-28 10:00',
    plannedDecision: '12-31',
    symposium: {
      invited: '11-04 10:00',
      at: '11-12 14:30',
      place: '区文广旅体局会议室',
      held: true,
      minutes: '编制单位汇报规划文本，民盟奉化支部就精品线路、非遗活化和交通接驳提出建议。',
    },
    items: [
      {
        source: 'symposium',
        text: '建议以溪口—雪窦山为核心，串联滕头、萧王庙等景区打造精品旅游环线。',
        reply: {
          after: 7,
          class: 'adopted',
          text: '已采纳。规划增设“溪口—滕头—萧王庙”精品环线，配套旅游专线公交。',
        },
      },
      {
        source: 'symposium',
        text: '建议挖掘奉化布龙、“奉化吹打”等非遗资源，开发沉浸式文旅体验产品。',
      },
      {
        source: 'symposium',
        text: '建议完善景区之间的公共交通接驳和智慧导览服务。',
      },
    ],
  },
  {
    department: '区人力社保局',
    kind: 'deployment',
    title: '2027年稳岗扩就业“春风行动”工作方案',
    summary: '部署2027年春节前后稳岗留工、返岗复工和重点群体就业服务。',
    created: '11-19 10:00',
    plannedDecision: '12-31',
    symposium: {
      invited: '11-24 10:00',
      at: '12-09 14:30',
      place: '区人力社保局会议室',
      held: false,
    },
    items: [],
  },
];
