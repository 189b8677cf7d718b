// Test helpers for the reports, conference and jobs tests: a known year of records of 区教育局 ↔ 民盟奉化支部,
// entered through the API, and the exact sentences the draft must say about them.
import { expect } from 'vitest';
import type { Client } from '../../test/helper.js';
import { type LedgerCast, record } from '../ledger/ledger.fixtures.js';

/** A finished year: every event is in the past, so attendance and minutes can be recorded. */
export const YEAR = new Date().getUTCFullYear() - 1;

const at = (md: string) => `${YEAR}-${md}T09:00:00+08:00`;

// biome-ignore lint/suspicious/noExplicitAny: test responses are read field by field, checked by expect
async function ok(res: Promise<{ statusCode: number; body: string; json(): any }>) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** 区教育局's year with 民盟奉化支部: a plan, 2 symposia, 3 invitations, 2 notices, 2 research, 2 services. */
export async function knownYear(c: LedgerCast) {
  const pair = { departmentId: c.ids.jiaoyu, counterpartIds: [c.ids.minmeng] };
  const plan = await ok(
    c.dept.post('/api/v1/plans', {
      departmentId: c.ids.jiaoyu,
      year: YEAR,
      items: [
        { kind: 'symposium', title: '召开年度座谈会', targetMonth: 3 },
        { kind: 'research', title: '联合调研', targetMonth: 6 },
        { kind: 'service', title: '送教下乡', targetMonth: 9 },
      ],
    }),
  );
  const item = (title: string): number => plan.items.find((i: { title: string }) => i.title === title).id;
  const s1 = await record(c.dept, {
    ...pair,
    kind: 'symposium',
    title: `${YEAR}年度对口联系工作座谈会`,
    startsAt: at('03-05'),
    planItemId: item('召开年度座谈会'),
  });
  await ok(c.dept.post(`/api/v1/ledger/${s1.id}/minutes`, { minutes: '研究确定年度对口联系工作计划。' }));
  const s2 = await record(c.cp, {
    ...pair,
    kind: 'symposium',
    title: '年终工作交流会',
    startsAt: at('11-20'),
  });
  const i1 = await record(c.dept, {
    ...pair,
    kind: 'invitation',
    direction: 'dept_to_cp',
    subtype: 'meeting',
    title: '全区教育工作会议',
    startsAt: at('04-10'),
  });
  await ok(
    c.dept.post(`/api/v1/ledger/${i1.id}/attendance`, {
      attendance: [{ organisationId: c.ids.minmeng, attended: true }],
    }),
  );
  const i2 = await record(c.dept, {
    ...pair,
    kind: 'invitation',
    direction: 'dept_to_cp',
    subtype: 'inspection',
    title: '校园安全专项检查',
    startsAt: at('06-02'),
  });
  await ok(
    c.dept.post(`/api/v1/ledger/${i2.id}/attendance`, {
      attendance: [{ organisationId: c.ids.minmeng, attended: false }],
    }),
  );
  const i3 = await record(c.cp, {
    ...pair,
    kind: 'invitation',
    direction: 'cp_to_dept',
    subtype: 'meeting',
    title: '民盟奉化支部全体盟员大会',
    startsAt: at('07-01'),
  });
  await ok(
    c.cp.post(`/api/v1/ledger/${i3.id}/attendance`, {
      attendance: [{ organisationId: c.ids.jiaoyu, attended: true }],
    }),
  );
  const n1 = await record(c.dept, {
    ...pair,
    kind: 'notice',
    subtype: 'policy',
    title: `关于做好${YEAR}年义务教育招生工作的通知`,
    docNumber: `奉教〔${YEAR}〕3号`,
    startsAt: at('02-01'),
  });
  await ok(c.cp.post(`/api/v1/ledger/${n1.id}/receipt`, { read: true }));
  const n2 = await record(c.dept, {
    ...pair,
    kind: 'notice',
    subtype: 'periodical',
    title: '奉化教育简报',
    startsAt: at('05-01'),
  });
  await ok(c.cp.post(`/api/v1/ledger/${n2.id}/receipt`, { read: false }));
  const r1 = await record(c.dept, {
    ...pair,
    kind: 'research',
    subtype: 'joint',
    title: '农村义务教育均衡发展',
    startsAt: at('05-10'),
    planItemId: item('联合调研'),
  });
  await ok(
    c.dept.post(`/api/v1/ledger/${r1.id}/adoption`, {
      adoption: 'adopted',
      instruction: '同意，请抓好落实。',
    }),
  );
  const r2 = await record(c.dept, {
    ...pair,
    kind: 'research',
    subtype: 'offered',
    title: '课后服务',
    startsAt: at('08-10'),
  });
  const v1 = await record(c.dept, {
    ...pair,
    kind: 'service',
    subtype: 'other',
    title: '送教下乡',
    startsAt: at('09-10'),
    service: { peopleServed: 120 },
  });
  const v2 = await record(c.cp, {
    ...pair,
    kind: 'service',
    subtype: 'poverty',
    title: '助学帮困',
    startsAt: at('10-01'),
    service: { peopleServed: 30, fundsWan: 3.5 },
  });
  return {
    plan: { id: plan.id as number, items: ['召开年度座谈会', '联合调研', '送教下乡'].map(item) },
    ids: {
      s1: s1.id,
      s2: s2.id,
      i1: i1.id,
      i2: i2.id,
      i3: i3.id,
      n1: n1.id,
      n2: n2.id,
      r1: r1.id,
      r2: r2.id,
      v1: v1.id,
      v2: v2.id,
    },
  };
}
export type KnownYear = Awaited<ReturnType<typeof knownYear>>;

/** The draft of 区教育局's known year, section by section (the consultation section: nothing recorded). */
export const KNOWN_TEXTS = {
  meetings:
    `全年召开对口联系工作座谈会2次。3月5日，与民盟奉化支部召开“${YEAR}年度对口联系工作座谈会”。` +
    '11月20日，与民盟奉化支部召开“年终工作交流会”。其中1次尚未录入会议纪要。',
  consultation: '本年度未就重大事项开展专题协商。',
  invitations:
    '邀请联系对象负责人参加本部门重要会议和活动2次（重要会议1次、专项检查视察1次），联系对象出席1次，未出席1次。' +
    '4月10日，邀请民盟奉化支部参加“全区教育工作会议”，民盟奉化支部出席。' +
    '6月2日，邀请民盟奉化支部参加“校园安全专项检查”。' +
    '应邀参加民盟奉化支部重要会议和重大活动1次（重要会议1次），实际出席1次。' +
    '7月1日，应民盟奉化支部邀请参加“民盟奉化支部全体盟员大会”。',
  information:
    '向联系对象通报信息、抄送文件资料2件（政策文件1件、刊物1件），送达2家次，已签收2家次、已阅读1家次。' +
    `主要有《关于做好${YEAR}年义务教育招生工作的通知》（奉教〔${YEAR}〕3号）、《奉化教育简报》。`,
  research:
    '与民盟奉化支部开展联合调研1项：《农村义务教育均衡发展》。向联系对象提供研究课题1个，已承接0个。' +
    '调研成果采纳1项，获领导批示1项。',
  socialService:
    '共同开展社会服务活动2次（扶贫帮困1次、其他1次），服务群众150人次，引进资金3.5万元。' +
    '9月10日，与民盟奉化支部开展“送教下乡”。10月1日，与民盟奉化支部开展“助学帮困”。',
  other: '年度对口联系工作计划共列工作事项3项，已完成2项，逾期未完成1项。逾期未完成的事项：“送教下乡”。',
} as const;

/** Fetch a JSON resource as a client and expect 200. */
export async function getJson(client: Client, url: string) {
  return ok(client.get(url));
}
