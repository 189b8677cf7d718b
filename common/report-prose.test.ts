import { describe, expect, it } from 'vitest';
import {
  buildReportDraft,
  consultationSection,
  figure,
  informationSection,
  invitationsSection,
  meetingsSection,
  monthDay,
  otherSection,
  REPORT_SECTIONS,
  type ReportFacts,
  researchSection,
  sectionText,
  socialServiceSection,
} from './report-prose.js';

const NOTHING: ReportFacts = {
  year: 2025,
  department: '区教育局',
  counterparts: ['民盟奉化支部'],
  symposia: [],
  consultations: [],
  invitations: [],
  notices: [],
  research: [],
  services: [],
  plan: null,
};

const FULL: ReportFacts = {
  ...NOTHING,
  symposia: [
    {
      id: 1,
      date: '2025-03-05',
      title: '2025年度对口联系工作座谈会',
      counterparts: ['民盟奉化支部'],
      state: 'held',
      minutes: true,
    },
    {
      id: 2,
      date: '2025-11-20',
      title: '年终工作交流会',
      counterparts: ['民盟奉化支部'],
      state: 'held',
      minutes: false,
    },
  ],
  consultations: [
    {
      id: 7,
      title: '奉化区中小学布局规划（2025—2035）',
      symposium: 'held',
      symposiumDate: '2025-06-18',
      decidedDate: '2025-07-30',
      breach: false,
      suggestions: [
        { id: 71, class: 'adopted', reply: 'on_time', overdue: false },
        { id: 72, class: 'adopted', reply: 'on_time', overdue: false },
        { id: 73, class: 'adopted', reply: 'late', overdue: false },
        { id: 74, class: 'partly', reply: 'on_time', overdue: false },
        { id: 75, class: 'under_study', reply: 'open', overdue: false },
      ],
    },
  ],
  invitations: [
    {
      id: 3,
      date: '2025-04-10',
      title: '全区教育工作会议',
      direction: 'dept_to_cp',
      subtype: 'meeting',
      host: '区教育局',
      invitees: [{ name: '民盟奉化支部', state: 'attended' }],
    },
    {
      id: 4,
      date: '2025-06-02',
      title: '校园安全专项检查',
      direction: 'dept_to_cp',
      subtype: 'inspection',
      host: '区教育局',
      invitees: [{ name: '民盟奉化支部', state: 'declined' }],
    },
    {
      id: 5,
      date: '2025-07-01',
      title: '民盟奉化支部全体盟员大会',
      direction: 'cp_to_dept',
      subtype: 'meeting',
      host: '民盟奉化支部',
      invitees: [{ name: '区教育局', state: 'attended' }],
    },
  ],
  notices: [
    {
      id: 6,
      date: '2025-02-01',
      title: '关于做好2025年义务教育招生工作的通知',
      subtype: 'policy',
      docNumber: '奉教〔2025〕3号',
      recipients: [{ name: '民盟奉化支部', received: true, read: true }],
    },
    {
      id: 8,
      date: '2025-05-01',
      title: '奉化教育简报',
      subtype: 'periodical',
      docNumber: null,
      recipients: [{ name: '民盟奉化支部', received: true, read: false }],
    },
  ],
  research: [
    {
      id: 9,
      date: '2025-05-10',
      title: '农村义务教育均衡发展',
      subtype: 'joint',
      counterparts: ['民盟奉化支部'],
      adoption: 'adopted',
      instruction: true,
      takenUpBy: null,
    },
    {
      id: 10,
      date: '2025-08-10',
      title: '课后服务',
      subtype: 'offered',
      counterparts: ['民盟奉化支部'],
      adoption: 'none',
      instruction: false,
      takenUpBy: null,
    },
  ],
  services: [
    {
      id: 11,
      date: '2025-09-10',
      title: '送教下乡',
      subtype: 'other',
      counterparts: ['民盟奉化支部'],
      fundsWan: null,
      peopleServed: 120,
      projectsLanded: null,
    },
    {
      id: 12,
      date: '2025-10-01',
      title: '助学帮困',
      subtype: 'poverty',
      counterparts: ['民盟奉化支部'],
      fundsWan: 3.5,
      peopleServed: 30,
      projectsLanded: null,
    },
  ],
  plan: {
    id: 13,
    items: [
      { id: 131, title: '召开年度座谈会', status: 'done' },
      { id: 132, title: '联合调研', status: 'done' },
      { id: 133, title: '送教下乡', status: 'overdue' },
    ],
  },
};

const texts = (sentences: { text: string }[]) => sentences.map((s) => s.text);

describe('report prose', () => {
  it('formats dates and figures as printed', () => {
    expect(monthDay('2025-03-05')).toBe('3月5日');
    expect(figure(3.5)).toBe('3.5');
    expect(figure(1 / 3)).toBe('0.33');
    expect(figure(120)).toBe('120');
  });

  it('says plainly that nothing was done, section by section, with no sources', () => {
    const draft = buildReportDraft(NOTHING);
    expect(draft.map((s) => s.title)).toEqual(REPORT_SECTIONS.map((s) => s.title));
    expect(draft.map((s) => sectionText(s.sentences))).toEqual([
      '本年度未召开对口联系工作座谈会。',
      '本年度未就重大事项开展专题协商。',
      '本年度未相互邀请参加重要会议和重大活动。',
      '本年度未向联系对象通报信息、抄送文件资料。',
      '本年度未开展联合调研。',
      '本年度未共同开展社会服务活动。',
      '本年度未制定年度对口联系工作计划。',
    ]);
    for (const s of draft) for (const x of s.sentences) expect(x.sources).toEqual([]);
  });

  it('对口联系会议情况: the count, each symposium, and those without minutes', () => {
    const out = meetingsSection(FULL);
    expect(texts(out)).toEqual([
      '全年召开对口联系工作座谈会2次。',
      '3月5日，与民盟奉化支部召开“2025年度对口联系工作座谈会”。',
      '11月20日，与民盟奉化支部召开“年终工作交流会”。',
      '其中1次尚未录入会议纪要。',
    ]);
    expect(out[0]?.sources).toEqual([
      { type: 'ledger', id: 1 },
      { type: 'ledger', id: 2 },
    ]);
    expect(out[3]?.sources).toEqual([{ type: 'ledger', id: 2 }]);
  });

  it('重大事项通报协商情况: matters, symposia, suggestions by class and on-time replies', () => {
    const out = consultationSection(FULL);
    expect(texts(out)).toEqual([
      '全年就1项重大事项与联系对象开展协商，召开专题协商座谈会1次，收到意见建议5条，其中采纳3条、部分采纳1条、研究办理中1条。',
      '6月18日，就《奉化区中小学布局规划（2025—2035）》召开专题协商座谈会，收到意见建议5条，采纳3条、部分采纳1条、研究办理中1条。',
      '已答复意见建议4条，其中按期答复3条，尚有1条未答复。',
    ]);
    expect(out[0]?.sources[0]).toEqual({ type: 'consultation', id: 7 });
    expect(out[2]?.sources).toEqual([71, 72, 73, 74, 75].map((id) => ({ type: 'suggestion', id })));
  });

  it('相互邀请: both directions with kinds and attendance', () => {
    expect(texts(invitationsSection(FULL))).toEqual([
      '邀请联系对象负责人参加本部门重要会议和活动2次（重要会议1次、专项检查视察1次），联系对象出席1次，未出席1次。',
      '4月10日，邀请民盟奉化支部参加“全区教育工作会议”，民盟奉化支部出席。',
      '6月2日，邀请民盟奉化支部参加“校园安全专项检查”。',
      '应邀参加民盟奉化支部重要会议和重大活动1次（重要会议1次），实际出席1次。',
      '7月1日，应民盟奉化支部邀请参加“民盟奉化支部全体盟员大会”。',
    ]);
    const onlyIncoming = invitationsSection({ invitations: FULL.invitations.slice(2) });
    expect(onlyIncoming[0]?.text).toBe('本年度未邀请联系对象参加本部门重要会议和活动。');
  });

  it('文件信息交流: notices by kind, deliveries, receipts and reads', () => {
    const out = informationSection(FULL);
    expect(texts(out)).toEqual([
      '向联系对象通报信息、抄送文件资料2件（政策文件1件、刊物1件），送达2家次，已签收2家次、已阅读1家次。',
      '主要有《关于做好2025年义务教育招生工作的通知》（奉教〔2025〕3号）、《奉化教育简报》。',
    ]);
  });

  it('联合调研: joint, offered, adoption and instructions', () => {
    const out = researchSection(FULL);
    expect(texts(out)).toEqual([
      '与民盟奉化支部开展联合调研1项：《农村义务教育均衡发展》。',
      '向联系对象提供研究课题1个，已承接0个。',
      '调研成果采纳1项，获领导批示1项。',
    ]);
    expect(out[2]?.sources).toEqual([{ type: 'ledger', id: 9 }]);
    expect(texts(researchSection({ research: FULL.research.slice(1) }))[0]).toBe('本年度未开展联合调研。');
  });

  it('社会服务: kinds and summed outcome figures, unknown figures left out', () => {
    expect(texts(socialServiceSection(FULL))).toEqual([
      '共同开展社会服务活动2次（扶贫帮困1次、其他1次），服务群众150人次，引进资金3.5万元。',
      '9月10日，与民盟奉化支部开展“送教下乡”。',
      '10月1日，与民盟奉化支部开展“助学帮困”。',
    ]);
  });

  it('其他: plan completion N of M, naming the overdue items', () => {
    const out = otherSection(FULL);
    expect(texts(out)).toEqual([
      '年度对口联系工作计划共列工作事项3项，已完成2项，逾期未完成1项。',
      '逾期未完成的事项：“送教下乡”。',
    ]);
    expect(out[0]?.sources).toEqual([
      { type: 'plan', id: 13 },
      { type: 'plan_item', id: 131 },
      { type: 'plan_item', id: 132 },
      { type: 'plan_item', id: 133 },
    ]);
    expect(texts(otherSection({ plan: { id: 1, items: [] } }))).toEqual([
      '年度对口联系工作计划未列工作事项。',
    ]);
  });

  it('names at most five items but counts them all', () => {
    const symposia = Array.from({ length: 7 }, (_, i) => ({
      id: i + 1,
      date: `2025-0${i + 1}-01`,
      title: `座谈会${i + 1}`,
      counterparts: ['民盟奉化支部'],
      state: 'held' as const,
      minutes: true,
    }));
    const out = meetingsSection({ symposia });
    expect(out).toHaveLength(6);
    expect(out[0]?.text).toBe('全年召开对口联系工作座谈会7次。');
    expect(out[0]?.sources).toHaveLength(7);
  });

  // issue 12: the draft says only what happened, and what is still ahead

  it('a scheduled symposium is not held: it is named as ahead (区卫生健康局)', () => {
    const symposia: ReportFacts['symposia'] = [
      {
        id: 1,
        date: '2026-03-12',
        title: '年度座谈会',
        counterparts: ['九三学社奉化支社'],
        state: 'held',
        minutes: true,
      },
      {
        id: 2,
        date: '2026-09-08',
        title: '专题座谈会',
        counterparts: ['九三学社奉化支社'],
        state: 'held',
        minutes: true,
      },
      {
        id: 3,
        date: '2026-12-15',
        title: '总结会',
        counterparts: ['九三学社奉化支社'],
        state: 'scheduled',
        minutes: false,
      },
    ];
    expect(sectionText(meetingsSection({ symposia }))).toBe(
      '全年召开对口联系工作座谈会2次。3月12日，与九三学社奉化支社召开“年度座谈会”。' +
        '9月8日，与九三学社奉化支社召开“专题座谈会”。另有1次已安排于12月15日召开。',
    );
    expect(sectionText(meetingsSection({ symposia: symposia.slice(2) }))).toBe(
      '本年度尚未召开对口联系工作座谈会，已安排1次，于12月15日召开。',
    );
  });

  it('a future invitation is never "未出席" nor attended (区经信局)', () => {
    const invitations: ReportFacts['invitations'] = [
      {
        id: 1,
        date: '2026-05-20',
        title: '全区经济运行分析会',
        direction: 'dept_to_cp',
        subtype: 'meeting',
        host: '区经信局',
        invitees: [{ name: '民建奉化总支', state: 'attended' }],
      },
      {
        id: 2,
        date: '2026-12-18',
        title: '企业家座谈会',
        direction: 'dept_to_cp',
        subtype: 'meeting',
        host: '区经信局',
        invitees: [{ name: '民建奉化总支', state: 'ahead' }],
      },
      {
        id: 3,
        date: '2026-12-22',
        title: '民建奉化总支年终总结会',
        direction: 'cp_to_dept',
        subtype: 'meeting',
        host: '民建奉化总支',
        invitees: [{ name: '区经信局', state: 'ahead' }],
      },
    ];
    expect(texts(invitationsSection({ invitations }))).toEqual([
      '邀请联系对象负责人参加本部门重要会议和活动1次（重要会议1次），联系对象出席1次。',
      '5月20日，邀请民建奉化总支参加“全区经济运行分析会”，民建奉化总支出席。',
      '另有1次已发出邀请，将于12月18日举行。',
      '民建奉化总支邀请参加“民建奉化总支年终总结会”，将于12月22日举行。',
    ]);
  });

  it('a symposium only scheduled: no "召开专题协商座谈会0次" (区人力社保局)', () => {
    const consultations: ReportFacts['consultations'] = [
      {
        id: 5,
        title: '奉化区就业创业扶持办法',
        symposium: 'scheduled',
        symposiumDate: '2026-12-10',
        decidedDate: null,
        breach: false,
        suggestions: [],
      },
    ];
    expect(sectionText(consultationSection({ consultations }))).toBe(
      '全年就1项重大事项与联系对象开展协商，专题协商座谈会尚未召开，已安排1次，于12月10日召开，未收到意见建议。' +
        '《奉化区就业创业扶持办法》的专题协商座谈会已安排于12月10日召开。',
    );
  });

  it('states a 先协商后决策 breach plainly (区交通局)', () => {
    const consultations: ReportFacts['consultations'] = [
      {
        id: 6,
        title: '城区公交线网优化方案',
        symposium: 'held',
        symposiumDate: '2026-07-15',
        decidedDate: '2026-07-02',
        breach: true,
        suggestions: [{ id: 61, class: 'reference', reply: 'late', overdue: false }],
      },
    ];
    const text = sectionText(consultationSection({ consultations }));
    expect(text).toBe(
      '全年就1项重大事项与联系对象开展协商，召开专题协商座谈会1次，收到意见建议1条，其中留作参考1条。' +
        '7月15日，就《城区公交线网优化方案》召开专题协商座谈会，收到意见建议1条，留作参考1条。' +
        '《城区公交线网优化方案》于7月2日作出决策，早于7月15日召开的专题协商座谈会，未先协商后决策。' +
        '已答复意见建议1条，未按期答复。',
    );
    expect(text).not.toContain('违规');
  });

  it('nests quotation marks and title marks the Chinese way, with no doubled punctuation', () => {
    const symposia: ReportFacts['symposia'] = [
      {
        id: 1,
        date: '2026-03-12',
        title: '学习“两会”精神座谈会',
        counterparts: ['民盟奉化支部'],
        state: 'held',
        minutes: true,
      },
      {
        id: 2,
        date: '2026-04-12',
        title: '“总结会”',
        counterparts: ['民盟奉化支部'],
        state: 'held',
        minutes: true,
      },
    ];
    expect(texts(meetingsSection({ symposia })).slice(1)).toEqual([
      '3月12日，与民盟奉化支部召开“学习‘两会’精神座谈会”。',
      '4月12日，与民盟奉化支部召开“总结会”。',
    ]);
    const notices: ReportFacts['notices'] = [
      {
        id: 1,
        date: '2026-02-01',
        title: '关于学习《中国共产党统一战线工作条例》的通知。',
        subtype: 'policy',
        docNumber: null,
        recipients: [],
      },
      {
        id: 2,
        date: '2026-03-01',
        title: '《奉化统战》',
        subtype: 'periodical',
        docNumber: null,
        recipients: [],
      },
    ];
    expect(texts(informationSection({ notices }))[1]).toBe(
      '主要有《关于学习〈中国共产党统一战线工作条例〉的通知》、《奉化统战》。',
    );
  });
});

describe('the seven section headings in the reader’s language', () => {
  it('keeps 附件3’s own words in Chinese and says every heading in English without Chinese', async () => {
    const { REPORT_SECTIONS, reportSectionTitle } = await import('./report-prose.js');
    expect(reportSectionTitle('meetings', '对口联系会议情况', 'zh-CN')).toBe('对口联系会议情况');
    expect(reportSectionTitle('meetings', '对口联系会议情况', 'en')).toBe('Liaison meetings');
    const english = REPORT_SECTIONS.map((s) => reportSectionTitle(s.key, s.title, 'en'));
    expect(english.filter((x) => /\p{Script=Han}/u.test(x))).toEqual([]);
    expect(reportSectionTitle('unknown', '附加', 'en')).toBe('附加');
  });
});
