// npm run bench:data -- --scale district|city|province [--db URL] [--force]
//
// Realistic data at scale, by batched multi-row INSERTs inside a transaction per district (no COPY):
// district = the seed district (奉化区) with one year; city = 宁波市 with 10 districts × 3 years;
// province = 浙江省 with 10 cities × 10 districts × 10 years. Every district has its 统战部, 区府办,
// 30 departments and 8 counterparts, pairings, a roster, 附件2 rounds and forms, plans, ledger records
// with their counterparts and replies, consultation matters with suggestions and replies, annual reports,
// the search index, this year's obligations, and bench users (password BENCH_PASSWORD).

import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { RegionLevel } from '../common/organisations.js';
import { connect, type DatabaseHandle } from '../server/db/connect.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { runYearStart } from '../server/modules/cycle/cycle.service.js';
import { insertRegion } from '../server/modules/regions/regions.repository.js';
import { REINDEXERS } from '../server/modules/search/search.index.js';
import { createUserRecord } from '../server/modules/users/users.service.js';
import { loadSeedPairingList } from '../server/seed/bootstrap.js';
import { openSink, type Sink } from './lib/sink.js';

export const BENCH_PASSWORD = 'Bench-pass-2026';
export type Scale = 'district' | 'city' | 'province';
export const NOW = new Date();
export const CURRENT_YEAR = Number(new Date(NOW.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
const YEARS: Record<Scale, number> = { district: 1, city: 3, province: 10 };

export const defaultUrl = (scale: Scale) => `sqlite:./bench/data/${scale}.db`;

// ---- deterministic randomness
let seed = 20261128;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)] as T;
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const TOPICS = [
  '乡村振兴',
  '营商环境',
  '垃圾分类',
  '养老服务',
  '文旅融合',
  '数字经济',
  '生态保护',
  '医疗卫生',
  '教育均衡',
  '民营经济',
  '安全生产',
  '城市更新',
  '水环境治理',
  '食品安全',
  '就业创业',
  '社区治理',
  '交通拥堵',
  '科技创新',
  '农村电商',
  '非遗保护',
  '双减落实',
  '慈善事业',
  '住房保障',
  '农产品品牌',
  '人才引进',
  '海洋经济',
  '共同富裕',
  '未来社区',
  '清廉建设',
  '应急管理',
];
const PLACES = [
  '区行政中心三楼会议室',
  '区民主党派大楼',
  '溪口镇政府',
  '区图书馆报告厅',
  '区委党校',
  '锦屏街道',
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌海燕玲波';
const person = () => `${pick([...SURNAMES])}${pick([...GIVEN])}${rand() < 0.5 ? pick([...GIVEN]) : ''}`;
const phone = () => `13${int(100000000, 999999999)}`;

const COUNTERPARTS = ['民革', '民盟', '民建', '民进', '农工党', '九三学社', '工商联', '无党派人士'];
const DEPARTMENTS = [
  '发改局',
  '经信局',
  '教育局',
  '科技局',
  '公安分局',
  '民政局',
  '司法局',
  '财政局',
  '人力社保局',
  '自然资源和规划分局',
  '生态环境分局',
  '住建局',
  '交通局',
  '水利局',
  '农业农村局',
  '商务局',
  '文广旅体局',
  '卫生健康局',
  '退役军人事务局',
  '应急管理局',
  '审计局',
  '市场监管局',
  '统计局',
  '医保局',
  '综合执法局',
  '税务局',
  '信访局',
  '大数据局',
  '机关事务局',
  '投资促进局',
];
const CITIES = ['温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市'];
const NINGBO_DISTRICTS = [
  '海曙区',
  '江北区',
  '北仑区',
  '镇海区',
  '鄞州区',
  '余姚市',
  '慈溪市',
  '宁海县',
  '象山县',
];
const DISTRICT_SUFFIX = [
  '东城区',
  '西城区',
  '南湖区',
  '北山区',
  '中山区',
  '新城区',
  '高新区',
  '江滨区',
  '湖畔区',
  '山海县',
];

const iso = (d: Date) => d.toISOString();
/** a moment in the year, Asia/Shanghai office hours */
const momentIn = (year: number, month?: number) => {
  const m = month ?? int(1, 12);
  const d = int(1, 28);
  return new Date(Date.UTC(year, m - 1, d, int(0, 8), pick([0, 30])));
};
const dateOf = (d: Date) => iso(new Date(d.getTime() + 8 * 3600_000)).slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

interface District {
  regionId: number;
  regionPath: string;
  name: string;
  tzb: number;
  office: number;
  departments: number[];
  counterparts: number[];
  /** department → counterpart, with the first year in force */
  pairs: { dept: number; cp: number; from: number }[];
  names: Map<number, string>;
}

class Ids {
  private next = new Map<string, number>();
  constructor(private sink: Sink) {}
  async init(tables: string[]) {
    for (const t of tables) {
      const [row] = await this.sink.all<{ m: number | null }>(`select max(id) as m from ${t}`);
      this.next.set(t, Number(row?.m ?? 0) + 1);
    }
  }
  take(table: string): number {
    const id = this.next.get(table) ?? 1;
    this.next.set(table, id + 1);
    return id;
  }
}

const ID_TABLES = [
  'organisations',
  'pairings',
  'responsible_persons',
  'filing_rounds',
  'filings',
  'plans',
  'plan_items',
  'ledger_records',
  'consultation_matters',
  'consultation_items',
  'consultation_replies',
  'report_rounds',
  'reports',
  'search_index',
];

function parse() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'district' },
      db: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const scale = values.scale as Scale;
  if (!['district', 'city', 'province'].includes(scale)) throw new Error('--scale district|city|province');
  return { scale, url: values.db ?? defaultUrl(scale), force: values.force ?? false };
}

/** Is the database already generated at this scale? (a settings row the generator writes last) */
export async function generatedScale(handle: DatabaseHandle): Promise<string | null> {
  try {
    const row = await handle.db
      .selectFrom('settings')
      .select('value_json')
      .where('key', '=', 'bench.generated')
      .executeTakeFirst();
    return row ? (JSON.parse(row.value_json) as { scale: string }).scale : null;
  } catch {
    return null;
  }
}

async function structure(handle: DatabaseHandle, scale: Scale) {
  const db = handle.db;
  await loadSeedPairingList(db);
  const byName = async (name: string, parent: number | null) =>
    db
      .selectFrom('regions')
      .selectAll()
      .where('name', '=', name)
      .where('parent_id', parent === null ? 'is' : '=', parent)
      .executeTakeFirstOrThrow();
  const province = await byName('浙江省', null);
  const ningbo = await byName('宁波市', province.id);
  const fenghua = await byName('奉化区', ningbo.id);
  const districts: { id: number; path: string; name: string }[] = [fenghua];
  const add = async (parentId: number, name: string, level: RegionLevel) =>
    insertRegion(db, { parentId, name, level });
  if (scale !== 'district') {
    for (const n of NINGBO_DISTRICTS) districts.push(await add(ningbo.id, n, 'county'));
  }
  if (scale === 'province') {
    for (const c of CITIES) {
      const city = await add(province.id, c, 'city');
      for (const s of DISTRICT_SUFFIX) districts.push(await add(city.id, `${c.slice(0, 2)}${s}`, 'county'));
    }
  }
  const top = scale === 'province' ? province : scale === 'city' ? ningbo : fenghua;
  return { districts, top };
}

export async function generate(scale: Scale, url: string, log = console.log) {
  const started = performance.now();
  const handle = connect(url);
  await migrateToLatest(handle.db);
  const { districts, top } = await structure(handle, scale);
  const existing = await handle.db
    .selectFrom('organisations')
    .select(['id', 'region_id', 'kind', 'name', 'sort_order'])
    .orderBy('id')
    .execute();
  const seedPairs = await handle.db
    .selectFrom('pairings')
    .select(['department_id', 'counterpart_id', 'valid_from'])
    .execute();
  await handle.close();

  const sink = await openSink(url);
  const ids = new Ids(sink);
  await ids.init(ID_TABLES);
  const now = iso(NOW);
  const firstYear = CURRENT_YEAR - YEARS[scale] + 1;
  const years = Array.from({ length: YEARS[scale] }, (_, i) => firstYear + i);
  const pg = sink.dialect === 'postgres';
  if (pg) await sink.exec('drop index if exists search_index_text_trgm');

  let topOversight = 0;
  const result: District[] = [];
  for (const [di, region] of districts.entries()) {
    await sink.begin();
    const names = new Map<number, string>();
    const orgs = existing.filter((o) => o.region_id === region.id);
    for (const o of orgs) names.set(o.id, o.name);
    const orgRows: (string | number | null)[][] = [];
    let order = Math.max(0, ...orgs.map((o) => o.sort_order));
    const newOrg = (kind: string, name: string, shortName: string | null) => {
      const id = ids.take('organisations');
      orgRows.push([id, region.id, kind, name, shortName, ++order, 1, now, now]);
      names.set(id, name);
      return id;
    };
    const prefix = region.name.replace(/(区|市|县)$/, '');
    const tzb = orgs.find((o) => o.kind === 'oversight')?.id ?? newOrg('oversight', '区委统战部', '统战部');
    const office = orgs.find((o) => o.kind === 'office')?.id ?? newOrg('office', '区府办', '区府办');
    const cps = orgs.filter((o) => o.kind === 'counterpart').map((o) => o.id);
    for (const c of COUNTERPARTS) {
      if (cps.length >= 8) break;
      const name = c === '工商联' || c === '无党派人士' ? `${prefix}${c}` : `${c}${prefix}基层委员会`;
      if (![...names.values()].includes(name)) cps.push(newOrg('counterpart', name, c));
    }
    const depts = orgs.filter((o) => o.kind === 'department').map((o) => o.id);
    for (const d of DEPARTMENTS) {
      if (depts.length >= 30) break;
      const name = `区${d}`;
      if (![...names.values()].includes(name)) depts.push(newOrg('department', name, null));
    }
    if (di === 0 && region.id !== top.id) {
      topOversight = ids.take('organisations');
      orgRows.push([
        topOversight,
        top.id,
        'oversight',
        top.name === '浙江省' ? '省委统战部' : '市委统战部',
        '统战部',
        1,
        1,
        now,
        now,
      ]);
    }
    await sink.insert(
      'organisations',
      ['id', 'region_id', 'kind', 'name', 'short_name', 'sort_order', 'active', 'created_at', 'updated_at'],
      orgRows,
    );

    // pairings: the seed's where it has them, else department i ↔ counterpart i mod 8
    const pairs: District['pairs'] = [];
    const pairRows: (string | number | null)[][] = [];
    for (const [i, dept] of depts.entries()) {
      const seeded = seedPairs.find((p) => p.department_id === dept);
      if (seeded) {
        pairs.push({ dept, cp: seeded.counterpart_id, from: seeded.valid_from });
        continue;
      }
      const cp = cps[i % cps.length] as number;
      pairs.push({ dept, cp, from: firstYear });
      pairRows.push([
        ids.take('pairings'),
        region.id,
        cp,
        dept,
        firstYear,
        null,
        'bench',
        0,
        null,
        null,
        now,
        now,
      ]);
    }
    await sink.insert(
      'pairings',
      [
        'id',
        'region_id',
        'counterpart_id',
        'department_id',
        'valid_from',
        'valid_to',
        'source',
        'shared',
        'end_source',
        'end_reason',
        'created_at',
        'updated_at',
      ],
      pairRows,
    );
    const d: District = {
      regionId: region.id,
      regionPath: region.path,
      name: region.name,
      tzb,
      office,
      departments: depts,
      counterparts: cps,
      pairs,
      names,
    };
    result.push(d);
    await fillDistrict(sink, ids, d, years, firstYear, di === 0);
    await sink.commit();
    if ((di + 1) % 10 === 0 || di === districts.length - 1)
      log(
        `  district ${di + 1}/${districts.length} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
  }

  // sequences follow the explicit ids
  if (pg) {
    for (const t of ID_TABLES)
      await sink.exec(
        `select setval(pg_get_serial_sequence('${t}', 'id'), coalesce((select max(id) from ${t}), 1))`,
      );
    await sink.exec(
      `create index search_index_text_trgm on search_index using gin ((title || ' ' || body) gin_trgm_ops)`,
    );
  }
  const counts = Object.fromEntries(sink.counts);
  await sink.close();

  // the rest through the app's own code: the directory's search rows, this year's obligations, bench users
  const app = connect(url);
  for (const r of REINDEXERS.filter((x) => x.entityType === 'organisation' || x.entityType === 'person')) {
    const list = await r.ids(app.db);
    for (let i = 0; i < list.length; i += 500) {
      await app.db.transaction().execute(async (trx) => {
        for (const id of list.slice(i, i + 500)) await r.index(trx, id);
      });
    }
    counts[`search_index(${r.entityType})`] = list.length;
  }
  counts.obligations = (await runYearStart(app.db, CURRENT_YEAR)).created;
  const users = await benchUsers(app, result[0] as District, top.id, topOversight);
  await app.db
    .insertInto('settings')
    .values({
      key: 'bench.generated',
      value_json: JSON.stringify({ scale, years, at: now, users }),
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value_json: JSON.stringify({ scale, years, at: now, users }) }),
    )
    .execute();
  if (pg) await sql`analyze`.execute(app.db);
  await app.close();
  const seconds = (performance.now() - started) / 1000;
  return { counts, seconds, years, districts: districts.length };
}

export interface BenchUsers {
  tzb: string;
  top: string;
  department: string;
  counterpart: string;
  departmentId: number;
  counterpartId: number;
  regionId: number;
  topRegionId: number;
}

async function benchUsers(
  app: DatabaseHandle,
  d: District,
  topRegionId: number,
  topOversight: number,
): Promise<BenchUsers> {
  const make = async (
    username: string,
    role: 'tzb' | 'department' | 'counterpart',
    organisationId: number,
  ) => {
    await app.db.transaction().execute((trx) =>
      createUserRecord(
        trx,
        { actor: null, ip: null },
        {
          username,
          displayName: username,
          role,
          organisationId,
          email: null,
          password: BENCH_PASSWORD,
          mustChangePassword: false,
        },
        { minLength: 8, minClasses: 1 },
      ),
    );
    return username;
  };
  // the department of pair 9 has this year's open suggestions (matters of departments 5–9 are still open)
  const pair = d.pairs[9] as District['pairs'][number];
  return {
    tzb: await make('bench_tzb', 'tzb', d.tzb),
    top: topOversight ? await make('bench_top', 'tzb', topOversight) : 'bench_tzb',
    department: await make('bench_dept', 'department', pair.dept),
    counterpart: await make('bench_cp', 'counterpart', pair.cp),
    departmentId: pair.dept,
    counterpartId: pair.cp,
    regionId: d.regionId,
    topRegionId,
  };
}

const KIND_PLAN: { kind: string; subtype: string; direction: string | null }[] = [
  { kind: 'invitation', subtype: 'meeting', direction: 'dept_to_cp' },
  { kind: 'invitation', subtype: 'affairs', direction: 'dept_to_cp' },
  { kind: 'invitation', subtype: 'inspection', direction: 'dept_to_cp' },
  { kind: 'invitation', subtype: 'meeting', direction: 'cp_to_dept' },
  { kind: 'invitation', subtype: 'activity', direction: 'cp_to_dept' },
  { kind: 'notice', subtype: 'policy', direction: null },
  { kind: 'notice', subtype: 'material', direction: null },
  { kind: 'notice', subtype: 'periodical', direction: null },
  { kind: 'research', subtype: 'joint', direction: null },
  { kind: 'research', subtype: 'commissioned', direction: null },
  { kind: 'service', subtype: 'agriculture', direction: null },
  { kind: 'service', subtype: 'medical', direction: null },
  { kind: 'symposium', subtype: 'symposium', direction: null },
  { kind: 'symposium', subtype: 'symposium', direction: null },
];
const KIND_ZH: Record<string, string> = {
  invitation: '邀请参加',
  notice: '通报',
  research: '联合调研',
  service: '社会服务',
  symposium: '座谈会',
};

const L_COLS = [
  'id',
  'region_id',
  'department_id',
  'host_id',
  'year',
  'kind',
  'subtype',
  'direction',
  'title',
  'starts_at',
  'ends_at',
  'place',
  'summary',
  'status',
  'details_json',
  'plan_item_id',
  'created_by',
  'created_at',
  'updated_at',
];
const RESP_COLS = [
  'record_id',
  'organisation_id',
  'reply',
  'reply_attendees',
  'reply_note',
  'replied_at',
  'replied_by',
  'attended',
  'attendees',
  'received_at',
  'received_by',
  'read_at',
  'read_by',
];
const S_COLS = [
  'id',
  'entity_type',
  'entity_id',
  'region_id',
  'org_ids',
  'directory',
  'title',
  'body',
  'link',
  'updated_at',
];
const orgList = (a: number[]) => `,${[...new Set(a)].sort((x, y) => x - y).join(',')},`;

async function fillDistrict(
  sink: Sink,
  ids: Ids,
  d: District,
  years: number[],
  firstYear: number,
  measured: boolean,
) {
  const now = iso(NOW);
  const nowMs = NOW.getTime();
  const name = (id: number) => d.names.get(id) ?? '';
  const units = [d.tzb, d.office, ...d.departments, ...d.counterparts];

  // roster: three current persons per unit
  const persons: (string | number | null)[][] = [];
  for (const u of units)
    for (const [role, position] of [
      ['principal', '主任'],
      ['leader', '副主任'],
      ['liaison', '科员'],
    ] as const)
      persons.push([
        ids.take('responsible_persons'),
        u,
        role,
        person(),
        position,
        `0574-88${int(100000, 999999)}`,
        phone(),
        `${firstYear}-01-01`,
        null,
        'roster',
        null,
        null,
        now,
      ]);
  await sink.insert(
    'responsible_persons',
    [
      'id',
      'organisation_id',
      'role',
      'name',
      'position',
      'office_phone',
      'mobile',
      'served_from',
      'served_to',
      'source',
      'filing_id',
      'created_by',
      'created_at',
    ],
    persons,
  );

  const rounds: (string | number | null)[][] = [];
  const filings: (string | number | null)[][] = [];
  const plans: (string | number | null)[][] = [];
  const items: (string | number | null)[][] = [];
  const ledger: (string | number | null)[][] = [];
  const lrc: (string | number | null)[][] = [];
  const responses: (string | number | null)[][] = [];
  const matters: (string | number | null)[][] = [];
  const mcps: (string | number | null)[][] = [];
  const suggestions: (string | number | null)[][] = [];
  const replies: (string | number | null)[][] = [];
  const reportRounds: (string | number | null)[][] = [];
  const reports: (string | number | null)[][] = [];
  const search: (string | number | null)[][] = [];
  const linkedItems = new Set<number>();

  for (const year of years) {
    const current = year === CURRENT_YEAR;
    // 附件2: a round per year (this year's open), every unit's form
    const roundId = ids.take('filing_rounds');
    const deadline = `${year}-03-31`;
    rounds.push([
      roundId,
      d.regionId,
      year,
      deadline,
      '区委统战部',
      person(),
      phone(),
      '0574-88000000',
      current ? 'open' : 'closed',
      null,
      `${year}-03-01T01:00:00.000Z`,
      now,
      current ? null : `${year}-04-30T01:00:00.000Z`,
    ]);
    for (const [i, u] of units.slice(2).entries()) {
      const status = current
        ? ((['filed', 'filed', 'submitted', 'draft', 'returned'] as const)[i % 5] as string)
        : 'filed';
      const submitted =
        status === 'draft' ? null : `${year}-03-${String(10 + (i % 18)).padStart(2, '0')}T02:00:00.000Z`;
      filings.push([
        ids.take('filings'),
        roundId,
        u,
        status,
        person(),
        '主任',
        phone(),
        person(),
        '科员',
        phone(),
        submitted,
        submitted,
        0,
        status === 'returned' ? '请补全联络员电话' : null,
        null,
        status === 'filed' ? submitted : null,
        status === 'filed' ? submitted : null,
        null,
        null,
        `${year}-03-02T01:00:00.000Z`,
        now,
      ]);
    }
    reportRounds.push([ids.take('report_rounds'), d.regionId, year, `${year + 1}-01-31`, null, now, now]);

    for (const [pi, pair] of d.pairs.entries()) {
      if (year < pair.from) continue;
      // the plan: four items; the records of their kinds link to them
      const planId = ids.take('plans');
      plans.push([planId, d.regionId, pair.dept, year, null, null, null, `${year}-01-20T02:00:00.000Z`, now]);
      const planItems = [3, 6, 9, 11].map((month, k) => {
        const kind = (['symposium', 'research', 'service', 'invitation'] as const)[k] as string;
        const id = ids.take('plan_items');
        items.push([id, planId, kind, `${pick(TOPICS)}${KIND_ZH[kind]}`, month, pair.cp, null, now, now]);
        return { id, kind, month };
      });
      for (const [ki, k] of KIND_PLAN.entries()) {
        const month = ((ki * 7 + pi) % 12) + 1;
        const start = momentIn(year, month);
        const past = start.getTime() < nowMs;
        const topic = pick(TOPICS);
        const host = k.direction === 'cp_to_dept' || (k.kind === 'service' && ki % 2) ? pair.cp : pair.dept;
        const id = ids.take('ledger_records');
        const item = planItems.find(
          (p) => p.kind === k.kind && !linkedItems.has(p.id) && (!current || p.month < 11),
        );
        const linked = item ? item.id : null;
        if (item) linkedItems.add(item.id);
        let status = 'open';
        let details: unknown = {};
        if (k.kind === 'invitation') status = past && ki % 2 === 0 ? 'attended' : 'open';
        else if (k.kind === 'notice') {
          status = 'sent';
          details = { docNumber: `奉政办〔${year}〕${int(1, 120)}号` };
        } else if (k.kind === 'research') {
          status = 'ongoing';
          details = {
            team: { department: [person()], counterpart: [person()] },
            instruction: null,
            adoption: past ? 'adopted' : 'none',
            adoptionNote: null,
            adoptedAt: null,
            takenUpBy: null,
            takenUpAt: null,
          };
        } else if (k.kind === 'service') {
          status = 'done';
          details = { service: { outcome: `${topic}服务群众${int(20, 300)}人次` } };
        } else {
          status = past ? 'held' : 'scheduled';
          details = {
            minutes: past ? `围绕${topic}交流意见${int(3, 9)}条` : null,
            heldAt: past ? iso(start) : null,
          };
        }
        const title = `${k.kind === 'symposium' ? '' : `${name(pair.dept)}与${name(pair.cp)}`}${topic}${KIND_ZH[k.kind]}`;
        const summary = `就${topic}开展${KIND_ZH[k.kind]}，${pick(['听取意见建议', '通报工作进展', '共商发展举措', '实地走访调研'])}`;
        const place = pick(PLACES);
        ledger.push([
          id,
          d.regionId,
          pair.dept,
          host,
          year,
          k.kind,
          k.subtype,
          k.direction,
          title,
          iso(start),
          iso(addDays(start, 0.1)),
          place,
          summary,
          status,
          JSON.stringify(details),
          linked,
          null,
          iso(addDays(start, -10)),
          iso(past ? addDays(start, 1) : addDays(start, -10)),
        ]);
        lrc.push([id, pair.cp]);
        if (k.kind === 'invitation') {
          const invitee = k.direction === 'cp_to_dept' ? pair.dept : pair.cp;
          responses.push(
            past
              ? [
                  id,
                  invitee,
                  'attend',
                  person(),
                  null,
                  iso(addDays(start, -3)),
                  person(),
                  status === 'attended' ? 1 : null,
                  null,
                  null,
                  null,
                  null,
                  null,
                ]
              : [id, invitee, 'pending', null, null, null, null, null, null, null, null, null, null],
          );
        } else if (k.kind === 'notice') {
          responses.push([
            id,
            pair.cp,
            'n/a',
            null,
            null,
            null,
            null,
            null,
            null,
            past ? iso(addDays(start, 1)) : null,
            past ? person() : null,
            past ? iso(addDays(start, 2)) : null,
            past ? person() : null,
          ]);
        }
        search.push([
          ids.take('search_index'),
          'ledger',
          id,
          d.regionId,
          orgList([pair.dept, pair.cp]),
          0,
          title,
          `${summary} ${place} ${name(pair.dept)} ${name(pair.cp)}`,
          `/ledger/${id}`,
          now,
        ]);
      }
      // 附件3: past years accepted
      if (!current) {
        const reportId = ids.take('reports');
        const at = `${year + 1}-01-${String(10 + (pi % 18)).padStart(2, '0')}T02:00:00.000Z`;
        reports.push([
          reportId,
          d.regionId,
          pair.dept,
          year,
          'accepted',
          3,
          '{}',
          '{}',
          at,
          at,
          0,
          null,
          null,
          at,
          at,
          null,
          null,
          at,
          at,
        ]);
        search.push([
          ids.take('search_index'),
          'report',
          reportId,
          d.regionId,
          orgList([pair.dept, pair.cp]),
          0,
          `${name(pair.dept)}${year}年度对口联系工作情况报告表`,
          `${name(pair.dept)}与${name(pair.cp)}全年开展对口联系活动${KIND_PLAN.length}次`,
          `/reports/${pair.dept}/${year}`,
          now,
        ]);
      }
    }

    // 重大事项民主协商: 10 matters a year (departments 0–9), 12 suggestions each from two counterparts; in the
    // measured district this year 8 more of the bench department (pair 9), so the write bench has distinct
    // open items to go round
    const matterCount = measured && year === CURRENT_YEAR ? 18 : 10;
    for (let m = 0; m < matterCount; m++) {
      const pair = d.pairs[m < 10 ? m % d.pairs.length : 9] as District['pairs'][number];
      if (year < pair.from) continue;
      const other = d.counterparts.find((c) => c !== pair.cp) as number;
      const matterId = ids.take('consultation_matters');
      const topic = TOPICS[(m * 3 + year) % TOPICS.length] as string;
      const held = momentIn(year, Math.min(10, m + 1));
      const decided = addDays(held, m === 7 ? -5 : 20); // one 先协商后决策 violation a year
      const decidedPast = decided.getTime() < nowMs;
      const title = `关于${topic}的${pick(['实施意见', '三年行动计划', '专项规划', '重点项目'])}`;
      matters.push([
        matterId,
        d.regionId,
        pair.dept,
        year,
        pick(['deployment', 'policy', 'project', 'planning', 'livelihood']),
        title,
        `${topic}相关重大事项，听取民主党派意见`,
        dateOf(decided),
        'held',
        iso(addDays(held, -7)),
        pick(PLACES),
        iso(held),
        `${person()}、${person()}`,
        `与会者就${topic}提出意见`,
        decidedPast ? iso(decided) : null,
        null,
        null,
        iso(addDays(held, -30)),
        now,
      ]);
      mcps.push(
        [matterId, pair.cp, 1, person(), iso(addDays(held, -7))],
        [matterId, other, 0, person(), iso(addDays(held, -7))],
      );
      search.push([
        ids.take('search_index'),
        'matter',
        matterId,
        d.regionId,
        orgList([pair.dept, pair.cp, other]),
        0,
        title,
        `${topic}相关重大事项 ${name(pair.dept)}`,
        `/consultations/matters/${matterId}`,
        now,
      ]);
      for (let s = 0; s < 12; s++) {
        const cp = s % 3 === 2 ? other : pair.cp;
        const itemId = ids.take('consultation_items');
        const received = addDays(held, s % 4);
        const due = dateOf(addDays(received, 21));
        const text = `建议在${topic}工作中${pick(['加大财政投入', '完善考核机制', '强化部门协同', '引入社会力量', '加强宣传引导', '建立长效机制'])}，${pick(['切实解决群众急难愁盼问题', '提升政策落地实效', '形成可复制经验'])}。`;
        // this year's later matters are still in their reply cycle
        const open = year === CURRENT_YEAR && m >= 5;
        const status: string = open
          ? ((['awaiting_reply', 'awaiting_verdict', 'awaiting_reply', 'closed'] as const)[s % 4] as string)
          : 'closed';
        suggestions.push([
          itemId,
          matterId,
          cp,
          s % 2 ? 'written' : 'symposium',
          text,
          dateOf(received),
          cp,
          null,
          iso(received),
          status,
          1,
          due,
          status === 'awaiting_reply' ? null : `${topic}分析：可行`,
          status === 'closed' ? iso(addDays(received, 30)) : null,
          null,
          null,
          now,
        ]);
        search.push([
          ids.take('search_index'),
          'suggestion',
          itemId,
          d.regionId,
          orgList([pair.dept, pair.cp, other]),
          0,
          text.slice(0, 60),
          `${text} ${name(cp)} ${title}`,
          `/consultations/items/${itemId}`,
          now,
        ]);
        if (status !== 'awaiting_reply') {
          const replyId = ids.take('consultation_replies');
          const repliedDate = addDays(received, s % 5 === 4 ? 28 : 14);
          const repliedOn = dateOf(repliedDate);
          const replyClass = pick(['adopted', 'partly_adopted', 'not_adopted', 'for_reference']);
          const replyText = `感谢贵方关于${topic}的建议，我局已${pick(['纳入年度工作计划', '研究吸收', '转相关科室落实'])}。`;
          const verdict =
            status === 'closed'
              ? pick(['satisfied', 'basically_satisfied', 'satisfied', 'not_satisfied'])
              : null;
          replies.push([
            replyId,
            itemId,
            1,
            replyClass,
            replyText,
            replyClass === 'not_adopted' ? '受财力所限' : null,
            null,
            repliedOn,
            iso(repliedDate),
            null,
            due,
            repliedOn <= due ? 1 : 0,
            verdict,
            null,
            verdict ? iso(addDays(repliedDate, 3)) : null,
            null,
          ]);
          search.push([
            ids.take('search_index'),
            'reply',
            replyId,
            d.regionId,
            orgList([pair.dept, cp]),
            0,
            `答复：${title}`,
            replyText,
            `/consultations/items/${itemId}`,
            now,
          ]);
        }
      }
    }
  }

  await sink.insert(
    'filing_rounds',
    [
      'id',
      'region_id',
      'year',
      'deadline',
      'recipient',
      'contact_person',
      'contact_phone',
      'fax',
      'status',
      'opened_by',
      'created_at',
      'updated_at',
      'closed_at',
    ],
    rounds,
  );
  await sink.insert(
    'filings',
    [
      'id',
      'round_id',
      'organisation_id',
      'status',
      'leader_name',
      'leader_position',
      'leader_phone',
      'liaison_name',
      'liaison_position',
      'liaison_phone',
      'first_submitted_at',
      'submitted_at',
      'submitted_late',
      'return_reason',
      'reviewed_by',
      'reviewed_at',
      'filed_at',
      'created_by',
      'updated_by',
      'created_at',
      'updated_at',
    ],
    filings,
  );
  await sink.insert(
    'plans',
    [
      'id',
      'region_id',
      'department_id',
      'year',
      'symposium_id',
      'note',
      'created_by',
      'created_at',
      'updated_at',
    ],
    plans,
  );
  await sink.insert(
    'plan_items',
    ['id', 'plan_id', 'kind', 'title', 'target_month', 'counterpart_id', 'note', 'created_at', 'updated_at'],
    items,
  );
  await sink.insert('ledger_records', L_COLS, ledger);
  await sink.insert('ledger_record_counterparts', ['record_id', 'counterpart_id'], lrc);
  await sink.insert('ledger_responses', RESP_COLS, responses);
  await sink.insert(
    'consultation_matters',
    [
      'id',
      'region_id',
      'department_id',
      'year',
      'kind',
      'title',
      'summary',
      'planned_decision_date',
      'symposium_status',
      'symposium_at',
      'symposium_place',
      'held_at',
      'attendees',
      'minutes',
      'decided_at',
      'decision_note',
      'created_by',
      'created_at',
      'updated_at',
    ],
    matters,
  );
  await sink.insert(
    'consultation_matter_counterparts',
    ['matter_id', 'counterpart_id', 'paired', 'invitee', 'invited_at'],
    mcps,
  );
  await sink.insert(
    'consultation_items',
    [
      'id',
      'matter_id',
      'counterpart_id',
      'source',
      'text',
      'received_on',
      'entered_by_org',
      'created_by',
      'created_at',
      'status',
      'round',
      'due_date',
      'analysis',
      'closed_at',
      'close_note',
      'closed_by',
      'updated_at',
    ],
    suggestions,
  );
  await sink.insert(
    'consultation_replies',
    [
      'id',
      'item_id',
      'round',
      'reply_class',
      'text',
      'reason',
      'analysis',
      'replied_on',
      'replied_at',
      'replied_by',
      'due_date',
      'on_time',
      'verdict',
      'verdict_comment',
      'verdict_at',
      'verdict_by',
    ],
    replies,
  );
  await sink.insert(
    'report_rounds',
    ['id', 'region_id', 'year', 'deadline', 'set_by', 'created_at', 'updated_at'],
    reportRounds,
  );
  await sink.insert(
    'reports',
    [
      'id',
      'region_id',
      'department_id',
      'year',
      'status',
      'version',
      'sections_json',
      'generated_json',
      'first_submitted_at',
      'submitted_at',
      'submitted_late',
      'return_comment',
      'reviewed_by',
      'reviewed_at',
      'accepted_at',
      'created_by',
      'updated_by',
      'created_at',
      'updated_at',
    ],
    reports,
  );
  await sink.insert('search_index', S_COLS, search);
}

async function main() {
  const { scale, url, force } = parse();
  const probe = connect(url);
  const have = await generatedScale(probe);
  await probe.close();
  if (have && !force) {
    console.log(`${url} already holds ${have}-scale data (--force to regenerate into an empty database)`);
    return;
  }
  await wipe(url);
  console.log(`generating ${scale} data into ${url} …`);
  const r = await generate(scale, url);
  const ledgerRows =
    (r.counts.ledger_records ?? 0) +
    (r.counts.ledger_record_counterparts ?? 0) +
    (r.counts.ledger_responses ?? 0);
  const consult = (r.counts.consultation_items ?? 0) + (r.counts.consultation_replies ?? 0);
  for (const [t, n] of Object.entries(r.counts)) console.log(`  ${t.padEnd(36)} ${String(n).padStart(9)}`);
  console.log(`  ${'ledger tables, in all'.padEnd(36)} ${String(ledgerRows).padStart(9)}`);
  console.log(`  ${'suggestions + replies'.padEnd(36)} ${String(consult).padStart(9)}`);
  console.log(
    `${r.districts} districts × ${r.years.length} years (${r.years[0]}–${r.years.at(-1)}) in ${r.seconds.toFixed(1)} s`,
  );
}

/** Start from an empty database: the SQLite file removed, or PostgreSQL's public schema recreated. */
export async function wipe(url: string) {
  if (url.startsWith('sqlite:')) {
    for (const ext of ['', '-wal', '-shm']) rmSync(`${url.slice('sqlite:'.length)}${ext}`, { force: true });
    return;
  }
  const sink = await openSink(url);
  await sink.exec('drop schema public cascade; create schema public');
  await sink.close();
}

if (process.argv[1]?.endsWith('generate.ts')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
