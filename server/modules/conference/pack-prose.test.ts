import { describe, expect, it } from 'vitest';
import { type PackFigures, packProse } from './pack-prose.js';

const zeroCounts = {
  symposia: 0,
  consultations: 0,
  suggestions: 0,
  invitationsDeptToCp: 0,
  invitationsCpToDept: 0,
  notices: 0,
  research: 0,
  services: 0,
};
const noAttendance = { total: 0, attended: 0, declined: 0, awaiting: 0, ahead: 0 };

/** A year in which nothing was recorded: 26 pairs, no work. */
const EMPTY: PackFigures = {
  year: 2026,
  generatedAt: '2026-12-02T06:00:00.000Z',
  asOf: '2026-12-02',
  totals: zeroCounts,
  ahead: {
    symposia: 0,
    symposiumDates: [],
    invitationsDeptToCp: 0,
    invitationsCpToDept: 0,
    consultationSymposia: 0,
  },
  attendance: { deptToCp: noAttendance, cpToDept: noAttendance },
  pairs: [
    {
      department: { id: 1, name: '区教育局' },
      counterpart: { id: 2, name: '民盟奉化支部' },
      counts: zeroCounts,
      empty: true,
      departmentScore: null,
      counterpartScore: null,
    },
  ],
  others: [],
  counterparts: 1,
  consultation: {
    available: true,
    matters: 0,
    suggestions: 0,
    replied: 0,
    repliedOnTime: 0,
    onTimeRate: null,
    late: 0,
    open: 0,
    overdue: 0,
    adopted: 0,
    partly: 0,
    forReference: 0,
    notAdopted: 0,
    underStudy: 0,
    adoptionRate: null,
    satisfied: 0,
    dissatisfied: 0,
    satisfactionRate: null,
    verdicts: [],
    symposiaHeld: 0,
    symposiaScheduled: 0,
    breaches: [],
  },
  plans: { departments: 1, withPlan: 0, items: 0, done: 0, overdue: 0, pending: 0 },
  reports: {
    departments: 1,
    counts: { not_started: 1, draft: 0, submitted: 0, returned: 0, accepted: 0 },
    submittedLate: 0,
  },
  unitsWithNothing: [
    { id: 1, name: '区教育局', kind: 'department' },
    { id: 2, name: '民盟奉化支部', kind: 'counterpart' },
  ],
  evaluations: { count: 0, averageOfDepartments: null, averageOfCounterparts: null, items: [] },
};

describe('conference pack prose', () => {
  it('an empty year says "本年度未…" in every section: no "0项", no rate of nothing', () => {
    const p = packProse(EMPTY);
    expect(p).toEqual({
      overview: '全区共有对口联系关系1对，涉及部门1个、联系对象1个。本年度未记录对口联系工作。',
      consultation: '本年度未就重大事项开展专题协商。',
      breaches: null,
      plans: '本年度1个部门均未制定年度对口联系工作计划。',
      reports: '应报送年度对口联系工作情况报告表1份：未开始1份。',
      unitsWithNothing: '2个单位本年度未记录对口联系工作：区教育局、民盟奉化支部。',
      evaluations: '本年度未开展相互评价。',
    });
    for (const text of Object.values(p)) {
      expect(text ?? '').not.toMatch(/(^|[^\d])0[项次条份个]|—|%/);
    }
    const none = packProse({
      ...EMPTY,
      pairs: [],
      unitsWithNothing: [],
      plans: { ...EMPTY.plans, departments: 0 },
      reports: { ...EMPTY.reports, departments: 0 },
      counterparts: 0,
    });
    expect(none.overview).toBe('本年度未确定对口联系关系。本年度未记录对口联系工作。');
    expect(none.plans).toBe('本年度未确定对口联系关系，未制定年度对口联系工作计划。');
  });

  it('tells what was held and what is ahead, counts suggestions of unpaired senders, 留作参考 and every round’s verdicts', () => {
    const p = packProse({
      ...EMPTY,
      totals: { ...zeroCounts, symposia: 25, consultations: 11, suggestions: 37, invitationsCpToDept: 26 },
      ahead: {
        symposia: 1,
        symposiumDates: ['2026-12-15'],
        invitationsDeptToCp: 0,
        invitationsCpToDept: 1,
        consultationSymposia: 1,
      },
      others: [
        {
          department: { id: 1, name: '区教育局' },
          counterpart: { id: 9, name: '民建奉化总支部' },
          suggestions: 2,
        },
      ],
      consultation: {
        ...EMPTY.consultation,
        matters: 11,
        suggestions: 37,
        replied: 30,
        repliedOnTime: 27,
        onTimeRate: 0.9,
        late: 3,
        open: 7,
        overdue: 1,
        adopted: 15,
        partly: 8,
        forReference: 4,
        notAdopted: 3,
        underStudy: 7,
        adoptionRate: 0.767,
        verdicts: [
          { round: 1, satisfied: 20, basicallySatisfied: 6, notSatisfied: 1 },
          { round: 2, satisfied: 1, basicallySatisfied: 0, notSatisfied: 0 },
        ],
        satisfied: 27,
        dissatisfied: 1,
        satisfactionRate: 0.964,
        symposiaHeld: 10,
        symposiaScheduled: 1,
        breaches: [
          {
            department: { id: 3, name: '区交通局' },
            matter: { id: 4, name: '城区公交线网优化方案' },
            decidedDate: '2026-07-02',
            symposiumDate: '2026-07-15',
            symposiumHeld: true,
          },
        ],
      },
    });
    expect(p.overview).toBe(
      '全区共有对口联系关系1对，涉及部门1个、联系对象1个。全年召开对口联系工作座谈会25次，就重大事项开展协商11项，' +
        '收到意见建议37条，应邀参加联系对象活动26次。另有对口联系工作座谈会1次已安排于12月15日召开，' +
        '专题协商座谈会1次已安排，1次邀请的会议和活动尚未举行。',
    );
    expect(p.consultation).toBe(
      '全年就11项重大事项与联系对象开展协商，召开专题协商座谈会10次，另有1次已安排，' +
        '收到意见建议37条（其中非结对联系对象提出2条）。' +
        '已答复30条，其中按期答复27条、逾期答复3条，按期答复率90%，尚有7条未答复（其中已超过答复期限1条）。' +
        '办理结果：采纳15条、部分采纳8条、留作参考4条、未采纳3条、研究办理中7条，采纳率（含部分采纳）76.7%。' +
        '联系对象对第一轮答复满意20条、基本满意6条、不满意1条；对第二轮答复满意1条，满意率（含基本满意）96.4%。',
    );
    expect(p.breaches).toBe(
      '1项重大事项未先协商后决策：区交通局《城区公交线网优化方案》（7月2日作出决策，专题协商座谈会于7月15日召开）。',
    );
  });
});
