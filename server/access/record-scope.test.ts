// The authorisation matrix, second half (the first is authorization-matrix.test.ts: every route × every role →
// 401/403 by permission). Here: every route with a record in its path × every role that holds the route's
// permission × a record of its own unit / of another unit in its region / of another region. Generated from
// the route table: a route whose parameters this file cannot fill is listed, and a new route of a module
// covered here fails the test until it is.
//
// Expected: another region's record is 404 for everyone (as if it did not exist) and changes nothing; another
// unit's record is 404 for the unit roles (department, counterpart) except directory data; the own record is
// found. "Changes nothing" is checked on the content of every table but audit_log and sessions.
import { createHash, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { can, type Permission, ROLES, type Role } from '../../common/roles.js';
import type { Database } from '../db/schema.js';
import { daysFromNow } from '../modules/ledger/ledger.fixtures.js';
import { insertAlias } from '../modules/organisations/index.js';
import { insertChangeReport, insertPerson } from '../modules/roster/index.js';
import { makeOtherDistrict } from '../test/factories.js';
import {
  buildTestApp,
  type Client,
  describeEachDialect,
  login,
  makeUser,
  orgId,
  type TestApp,
} from '../test/helper.js';
import { type CollectedRoute, collectRoutes } from '../test/routes.js';

type Variant = 'own' | 'otherUnit' | 'otherRegion';
type PerVariant<T> = Record<Variant, T>;

const HOME: Record<Role, string> = {
  tzb: '区委统战部',
  qfb: '区府办',
  department: '区教育局',
  counterpart: '民盟奉化支部',
  sysadmin: '区委统战部',
  secadmin: '区委统战部',
  auditadmin: '区委统战部',
};
const UNIT_ROLES: Role[] = ['department', 'counterpart'];

/** Path prefixes (after /api/v1/) whose :id routes this file fills; others are reported, not tested. */
const COVERED = [
  'regions',
  'organisations',
  'pairings',
  'roster',
  'change-reports',
  'filing-rounds',
  'notifications/:id',
  'ledger',
  'plans',
  'users',
  'reports',
  'consultations',
  'jobs',
  'notifications/deliveries',
  'accounts/:id',
  'accounts/handovers',
];
/** Routes with a record in their path that this file cannot fill yet (none: any such route fails the test). */
const FIXTURES_PENDING: string[] = [];
/** Parameters that name no record of a unit (a year, a secret token): nothing to scope. */
const NOT_A_RECORD = ['/report-rounds/:year', '/conference/:year', '/calendar/feed/:token.ics'];
/** Organisations are directory data: a unit sees every organisation of its region (by design). */
const DIRECTORY = (url: string) => url === '/api/v1/organisations/:id';
/** A job is its creator's only: another user's job is 404 for every role, region roles too. */
const CREATOR_ONLY = (url: string) => url.startsWith('/api/v1/jobs/');
/** Own-unit routes that may answer 404 for a reason other than scope (no such version yet). */
const OWN_MAY_BE_MISSING = ['/api/v1/reports/:departmentId/:year/versions/:version'];

const key = (r: Pick<CollectedRoute, 'method' | 'url'>) => `${r.method} ${r.url}`;
const hasBody = (m: string) => m === 'POST' || m === 'PUT' || m === 'PATCH';

/** Valid bodies, so that a request reaches the scope check instead of failing validation. */
function bodyFor(route: CollectedRoute, f: Fixtures, v: Variant): unknown {
  const u = route.url.replace('/api/v1', '');
  const table: Record<string, unknown> = {
    'PATCH /regions/:id': { name: v === 'own' ? '奉化区' : '越界区' },
    'PATCH /organisations/:id': { shortName: '简称' },
    'POST /organisations/:id/aliases': { alias: `别名${Math.random().toString(36).slice(2, 8)}` },
    'POST /pairings/:id/end': { validTo: 2030, source: '测试〔2030〕1号' },
    'PUT /roster/:organisationId/:role': { name: '李四', position: '科长', servedFrom: '2026-01-05' },
    'POST /roster/:organisationId/reveal': { reason: '核对联系方式' },
    'POST /change-reports/:id/acknowledge': { note: '已知悉' },
    'PATCH /filing-rounds/:roundId': { recipient: '区委统战部党派干部科' },
    'PUT /filing-rounds/:roundId/filings/:organisationId': {
      leader: { name: '张三', position: '副局长', phone: '13900000001' },
      liaison: { name: '王五', position: '科长', phone: '88880001' },
    },
    'POST /filing-rounds/:roundId/filings/:organisationId/submit': null,
    'POST /filing-rounds/:roundId/filings/:organisationId/return': { reason: '请补充' },
    'POST /filing-rounds/:roundId/filings/:organisationId/file': { note: '备案' },
    'POST /filing-rounds/:roundId/filings/:organisationId/reveal': { reason: '核对' },
    'PATCH /ledger/:id': { title: '改过的标题' },
    'POST /ledger/:id/reply': { reply: 'attend', attendees: '王主委' },
    'POST /ledger/:id/attendance': {
      attendance: [{ organisationId: f.counterpart[v], attended: true }],
    },
    'POST /ledger/:id/receipt': { read: true },
    'POST /ledger/:id/adoption': { adoption: 'adopted' },
    'POST /ledger/:id/minutes': { minutes: '纪要' },
    'POST /ledger/:id/attachments': {
      fileName: 'a.txt',
      contentBase64: Buffer.from('附件').toString('base64'),
    },
    'POST /plans/:id/items': { kind: 'symposium', title: '座谈会', targetMonth: 6 },
    'PATCH /plans/:id/items/:itemId': { title: '改过的计划' },
    'PUT /reports/:departmentId/:year': { sections: {} },
    'POST /reports/:departmentId/:year/submit': null,
    'POST /reports/:departmentId/:year/return': { comment: '请修改' },
    'POST /reports/:departmentId/:year/accept': null,
    'POST /reports/:departmentId/:year/comments': { body: '意见' },
    'PATCH /users/:id': { displayName: '改名' },
    'PATCH /consultations/matters/:id': { title: '改过的事项' },
    'POST /consultations/matters/:id/symposium': { scheduledAt: daysFromNow(5), place: '会议室' },
    'POST /consultations/matters/:id/symposium/held': {},
    'PUT /consultations/matters/:id/minutes': { minutes: '纪要' },
    'POST /consultations/matters/:id/decision': {},
    'POST /consultations/matters/:id/attachments': {
      fileName: 'a.txt',
      contentBase64: Buffer.from('事项附件').toString('base64'),
    },
    'POST /consultations/matters/:id/items': {
      source: 'written',
      text: '意见',
      counterpartId: f.counterpart[v],
    },
    'PUT /consultations/items/:id/analysis': { analysis: '分析' },
    'POST /consultations/items/:id/reply': { replyClass: 'adopted', text: '答复' },
    'POST /consultations/items/:id/extension': { reason: '需要时间', days: 5 },
    'POST /consultations/items/:id/extension/grant': {},
    'POST /consultations/items/:id/extension/refuse': { note: '不同意' },
    'POST /consultations/items/:id/verdict': { verdict: 'satisfied' },
    'POST /consultations/items/:id/close': { note: '办结' },
    'POST /notifications/deliveries/:id/retry': null,
    'POST /accounts/:id/code': null,
    'POST /accounts/handovers/:id/accept': {},
    'POST /accounts/handovers/:id/decline': null,
    'POST /users/:id/role': { role: 'department' },
  };
  const k = `${route.method} ${u}`;
  return k in table ? table[k] : undefined;
}

interface Fixtures {
  region: PerVariant<number>;
  /** the unit a role calls its own: its organisation, or (region roles) 区教育局 */
  unit: (role: Role) => PerVariant<number>;
  department: PerVariant<number>;
  counterpart: PerVariant<number>;
  pairing: PerVariant<number>;
  alias: PerVariant<number>;
  changeReport: (role: Role) => PerVariant<number>;
  round: PerVariant<number>;
  notification: (userId: number) => Promise<PerVariant<number>>;
  record: PerVariant<number>;
  attachment: () => Promise<PerVariant<number>>;
  plan: PerVariant<number>;
  planItem: () => Promise<PerVariant<number>>;
  user: PerVariant<number>;
  matter: PerVariant<number>;
  matterFile: () => Promise<PerVariant<number>>;
  item: PerVariant<number>;
  job: (userId: number) => Promise<PerVariant<string>>;
  delivery: PerVariant<number>;
  /** a proposed account hand-over (a region's record): fresh each time, since accepting one decides it */
  handover: () => Promise<PerVariant<number | null>>;
}

/** The path of a route for one variant, or null when the variant means nothing for it. */
async function pathFor(
  route: CollectedRoute,
  role: Role,
  userId: number,
  v: Variant,
  f: Fixtures,
): Promise<string | null> {
  const u = route.url.replace('/api/v1', '');
  const segment = u.startsWith('/accounts/handovers')
    ? 'handovers'
    : u.startsWith('/consultations/items')
      ? 'items'
      : u.startsWith('/consultations/matters')
        ? 'matters'
        : u.startsWith('/notifications/deliveries')
          ? 'deliveries'
          : (u.split('/')[1] ?? '');
  const values: Record<string, number | string | null> = {};
  for (const [, name = ''] of u.matchAll(/:(\w+)/g)) {
    switch (name) {
      case 'id': {
        const byResource: Record<string, () => Promise<number | string | null> | number | string | null> = {
          regions: () => (v === 'otherUnit' ? null : f.region[v]),
          organisations: () => f.unit(role)[v],
          pairings: () => f.pairing[v],
          'change-reports': () => f.changeReport(role)[v],
          notifications: async () => (await f.notification(userId))[v],
          ledger: () => f.record[v],
          plans: () => f.plan[v],
          users: () => (v === 'otherUnit' ? null : f.user[v]),
          accounts: () => (v === 'otherUnit' ? null : f.user[v]),
          matters: () => f.matter[v],
          items: () => f.item[v],
          jobs: async () => (await f.job(userId))[v],
          deliveries: () => (v === 'otherUnit' ? null : f.delivery[v]),
          handovers: async () => (await f.handover())[v],
        };
        const pick = byResource[segment];
        values[name] = pick ? await pick() : null;
        break;
      }
      case 'aliasId':
        values[name] = f.alias[v];
        break;
      case 'organisationId':
        values[name] = f.unit(role)[v];
        break;
      case 'departmentId':
        values[name] = role === 'department' ? f.unit(role)[v] : f.department[v];
        break;
      case 'roundId':
        // a round belongs to a region: "another unit" is a form of the own region's round
        if (v === 'otherUnit' && !u.includes('/filings/')) values[name] = null;
        else values[name] = f.round[v];
        break;
      case 'attachmentId':
        values[name] = segment === 'matters' ? (await f.matterFile())[v] : (await f.attachment())[v];
        break;
      case 'itemId':
        values[name] = (await f.planItem())[v];
        break;
      case 'role':
        values[name] = 'liaison';
        break;
      case 'year':
        values[name] = 2025;
        break;
      case 'version':
        values[name] = 1;
        break;
      default:
        values[name] = null;
    }
  }
  if (Object.values(values).some((x) => x === null)) return null;
  return route.url.replace(/:(\w+)/g, (_, name: string) => String(values[name]));
}

/** A digest of every table's content but the ones any request may touch (audit trail, sessions). */
async function contentDigest(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await db.introspection.getTables();
  const out: Record<string, string> = {};
  for (const table of tables) {
    if (table.name === 'audit_log' || table.name === 'sessions') continue;
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    const lines = rows
      .map((r) =>
        JSON.stringify(r, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)),
      )
      .sort();
    out[table.name] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
  }
  return out;
}

describeEachDialect('record scope: own / other unit / other region', (dialect) => {
  let t: TestApp;
  let routes: CollectedRoute[];
  let f: Fixtures;
  const clients = new Map<Role, { client: Client; userId: number }>();

  beforeAll(async () => {
    const collected = await collectRoutes(() => buildTestApp(dialect));
    t = collected.built;
    routes = collected.routes.filter(
      (r) => r.method !== 'HEAD' && r.url.startsWith('/api/') && r.url.includes('/:'),
    );
    const db = t.db;
    const id = (name: string) => orgId(db, name);
    const userIdOf = async (username: string) =>
      (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow())
        .id;
    const other = await makeOtherDistrict(db);
    const seedRegion = await db
      .selectFrom('regions')
      .select('id')
      .where('name', '=', '奉化区')
      .executeTakeFirstOrThrow();

    // the cast: our units, another pair of the same region, and the other region's units
    const jiaoyu = await id('区教育局');
    const minmeng = await id('民盟奉化支部');
    const gongan = await id('区公安分局');
    const minge = await id('民革奉化区委会');
    const dept = await login(t.app, await makeUser(db, 'department', jiaoyu));
    const cp = await login(t.app, await makeUser(db, 'counterpart', minmeng));
    const otherDept = await login(t.app, await makeUser(db, 'department', gongan));
    const otherCp = await login(t.app, await makeUser(db, 'counterpart', minge));
    const farDept = await login(t.app, await makeUser(db, 'department', other.department.id));
    const farTzb = await login(t.app, await makeUser(db, 'tzb', other.oversight.id));
    const tzb = await login(t.app, await makeUser(db, 'tzb', '区委统战部'));
    void cp;
    void otherCp;
    const department = { own: jiaoyu, otherUnit: gongan, otherRegion: other.department.id };
    const counterpart = { own: minmeng, otherUnit: minge, otherRegion: other.counterpart.id };
    const author = { own: dept, otherUnit: otherDept, otherRegion: farDept };

    const ok = async (res: Promise<LightMyRequestResponse>) => {
      const r = await res;
      if (r.statusCode !== 200) throw new Error(`fixture: ${r.statusCode} ${r.body}`);
      return r.json();
    };
    const pairingOf = async (cpId: number, deptId: number) =>
      (
        await db
          .selectFrom('pairings')
          .select('id')
          .where('counterpart_id', '=', cpId)
          .where('department_id', '=', deptId)
          .executeTakeFirstOrThrow()
      ).id;
    const perVariant = async <T>(fn: (v: Variant) => Promise<T>): Promise<PerVariant<T>> => ({
      own: await fn('own'),
      otherUnit: await fn('otherUnit'),
      otherRegion: await fn('otherRegion'),
    });

    const record = await perVariant(async (v) => {
      const r = await ok(
        author[v].post('/api/v1/ledger', {
          departmentId: department[v],
          counterpartIds: [counterpart[v]],
          kind: 'invitation',
          direction: 'dept_to_cp',
          subtype: 'meeting',
          title: `范围测试 ${v}`,
          startsAt: daysFromNow(-30),
        }),
      );
      return r.id as number;
    });
    const plan = await perVariant(async (v) => {
      const r = await ok(
        author[v].post('/api/v1/plans', { departmentId: department[v], year: 2025, items: [] }),
      );
      return r.id as number;
    });
    const round = {
      own: (await ok(tzb.post('/api/v1/filing-rounds', { year: 2026, deadline: '2026-06-05' }))).id as number,
      otherRegion: (await ok(farTzb.post('/api/v1/filing-rounds', { year: 2026, deadline: '2026-06-05' })))
        .id as number,
    };
    const form = {
      leader: { name: '张三', position: '副局长', phone: '13900000001' },
      liaison: { name: '王五', position: '科长', phone: '88880001' },
    };
    await ok(author.own.put(`/api/v1/filing-rounds/${round.own}/filings/${jiaoyu}`, form));
    await ok(author.otherUnit.put(`/api/v1/filing-rounds/${round.own}/filings/${gongan}`, form));
    await ok(
      author.otherRegion.put(
        `/api/v1/filing-rounds/${round.otherRegion}/filings/${other.department.id}`,
        form,
      ),
    );

    const changeReportOf = async (organisationId: number) => {
      const prev = await insertPerson(db, {
        organisationId,
        role: 'liaison',
        name: '甲',
        position: '科员',
        officePhone: null,
        mobile: '13900000002',
        servedFrom: '2025-01-01',
        source: 'roster',
        filingId: null,
        createdBy: null,
      });
      await db
        .updateTable('responsible_persons')
        .set({ served_to: '2025-06-30' })
        .where('id', '=', prev.id)
        .execute();
      const next = await insertPerson(db, {
        organisationId,
        role: 'liaison',
        name: '乙',
        position: '科员',
        officePhone: null,
        mobile: '13900000003',
        servedFrom: '2025-07-01',
        source: 'roster',
        filingId: null,
        createdBy: null,
      });
      const report = await insertChangeReport(db, {
        organisationId,
        role: 'liaison',
        previousPersonId: prev.id,
        nextPersonId: next.id,
        effectiveDate: '2025-07-01',
        reason: '工作调动',
        reportedBy: null,
      });
      return report.id;
    };
    const crDept = await perVariant((v) => changeReportOf(department[v]));
    const crCp = { ...crDept, own: await changeReportOf(minmeng), otherUnit: await changeReportOf(minge) };

    const aliasOf = async (organisationId: number) =>
      (await insertAlias(db, organisationId, `旧名${organisationId}`, null)).id;
    const aliasDept = await perVariant((v) => aliasOf(department[v]));
    const aliasCp = { ...aliasDept, own: await aliasOf(minmeng), otherUnit: await aliasOf(minge) };

    const notificationFor = async (userId: number) =>
      (
        await db
          .insertInto('notifications')
          .values({
            user_id: userId,
            kind: 'change_report',
            title: '通知',
            body: '正文',
            link: null,
            created_at: new Date().toISOString(),
            read_at: null,
            dedupe_key: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const otherUnitNotification = await notificationFor(await userIdOf(otherDept.username));
    const otherRegionNotification = await notificationFor(await userIdOf(farDept.username));

    const matter = await perVariant(async (v) => {
      const r = await ok(
        author[v].post('/api/v1/consultations/matters', {
          departmentId: department[v],
          counterpartIds: [counterpart[v]],
          kind: 'policy',
          title: `范围测试事项 ${v}`,
        }),
      );
      return r.id as number;
    });
    const item = await perVariant(async (v) => {
      const r = await ok(
        author[v].post(`/api/v1/consultations/matters/${matter[v]}/items`, {
          source: 'written',
          text: `意见 ${v}`,
          counterpartId: counterpart[v],
        }),
      );
      return r.item.id as number;
    });
    // a job is its creator's only: rows as the runner leaves them
    const jobOf = async (userId: number) => {
      const at = new Date().toISOString();
      const jobId = randomUUID();
      await db
        .insertInto('jobs')
        .values({
          id: jobId,
          type: 'conference-pack-xlsx',
          params_json: '{"year":2025}',
          status: 'done',
          progress: 100,
          message: null,
          created_by: userId,
          result: Buffer.from('PK'),
          result_name: 'pack.xlsx',
          result_type: 'application/octet-stream',
          error: null,
          created_at: at,
          started_at: at,
          finished_at: at,
          heartbeat_at: at,
        })
        .execute();
      return jobId;
    };
    // a proposed hand-over of a unit account to a newly filed 联络员 (统战部 accepts or declines it)
    const nextLiaison = new Map<number, number>();
    const handoverOf = async (userId: number) => {
      const { organisation_id } = await db
        .selectFrom('users')
        .select('organisation_id')
        .where('id', '=', userId)
        .executeTakeFirstOrThrow();
      // one new 联络员 per unit (the roster holds one current version), proposed afresh each time
      const current = await db
        .selectFrom('responsible_persons')
        .select('id')
        .where('organisation_id', '=', organisation_id)
        .where('role', '=', 'liaison')
        .where('served_to', 'is', null)
        .executeTakeFirst();
      const nextId =
        nextLiaison.get(organisation_id) ??
        current?.id ??
        (
          await insertPerson(db, {
            organisationId: organisation_id,
            role: 'liaison',
            name: '丙',
            position: '科员',
            officePhone: null,
            mobile: '13900000004',
            servedFrom: '2026-01-05',
            source: 'roster',
            filingId: null,
            createdBy: null,
          })
        ).id;
      nextLiaison.set(organisation_id, nextId);
      const row = await db
        .insertInto('account_handovers')
        .values({
          user_id: userId,
          organisation_id,
          previous_person_id: null,
          next_person_id: nextId,
          next_name: '丙',
          source: 'roster',
          status: 'proposed',
          proposed_at: new Date().toISOString(),
          decided_by: null,
          decided_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    // a failed e-mail delivery of a user (the system admin retries those of its region)
    const deliveryOf = async (userId: number) => {
      const at = new Date().toISOString();
      const n = await notificationFor(userId);
      const row = await db
        .insertInto('notification_deliveries')
        .values({
          notification_id: n,
          channel: 'email',
          recipient: 'someone@example.org',
          status: 'failed',
          attempts: 5,
          last_error: 'refused',
          next_attempt_at: at,
          claimed_by: null,
          claimed_until: null,
          sent_at: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };

    const regionUser = await userIdOf(await makeUser(db, 'department', '区司法局'));
    const farUser = await userIdOf(await makeUser(db, 'department', other.department.id));

    f = {
      region: { own: seedRegion.id, otherUnit: seedRegion.id, otherRegion: other.region.id },
      unit: (role) => (role === 'counterpart' ? counterpart : department),
      department,
      counterpart,
      pairing: {
        own: await pairingOf(minmeng, jiaoyu),
        otherUnit: await pairingOf(minge, gongan),
        otherRegion: other.pairing.id,
      },
      alias: aliasDept,
      changeReport: (role) => (role === 'counterpart' ? crCp : crDept),
      round: { own: round.own, otherUnit: round.own, otherRegion: round.otherRegion },
      notification: async (userId) => ({
        own: await notificationFor(userId),
        otherUnit: otherUnitNotification,
        otherRegion: otherRegionNotification,
      }),
      record,
      // fresh each time: an own DELETE earlier must not turn a later own request into a 404
      attachment: () =>
        perVariant(async (v) => {
          const r = await ok(
            author[v].post(`/api/v1/ledger/${record[v]}/attachments`, {
              fileName: 'scope.txt',
              contentBase64: Buffer.from(`scope ${v} ${Math.random()}`).toString('base64'),
            }),
          );
          return r.id as number;
        }),
      plan,
      planItem: () =>
        perVariant(async (v) => {
          const r = await ok(
            author[v].post(`/api/v1/plans/${plan[v]}/items`, {
              kind: 'notice',
              title: '通报',
              targetMonth: 3,
            }),
          );
          return r.items.at(-1).id as number;
        }),
      user: { own: regionUser, otherUnit: regionUser, otherRegion: farUser },
      matter,
      matterFile: () =>
        perVariant(async (v) => {
          const r = await ok(
            author[v].post(`/api/v1/consultations/matters/${matter[v]}/attachments`, {
              fileName: 'scope.txt',
              contentBase64: Buffer.from(`matter ${v} ${Math.random()}`).toString('base64'),
            }),
          );
          return r.id as number;
        }),
      item,
      job: async (userId) => ({
        own: await jobOf(userId),
        otherUnit: await jobOf(await userIdOf(tzb.username)),
        otherRegion: await jobOf(await userIdOf(farTzb.username)),
      }),
      delivery: {
        own: await deliveryOf(regionUser),
        otherUnit: await deliveryOf(regionUser),
        otherRegion: await deliveryOf(farUser),
      },
      handover: async () => ({
        own: await handoverOf(regionUser),
        otherUnit: null,
        otherRegion: await handoverOf(farUser),
      }),
    };
    void aliasCp;
    for (const role of ROLES) {
      const username = await makeUser(db, role, HOME[role]);
      clients.set(role, { client: await login(t.app, username), userId: await userIdOf(username) });
    }
  });
  afterAll(async () => t.close());

  it('fills every :id route of the modules it covers (generated from the route table)', async () => {
    const inScope = routes.filter((r) => !NOT_A_RECORD.some((n) => r.url.endsWith(n)));
    const covered = inScope.filter((r) => COVERED.some((c) => r.url.startsWith(`/api/v1/${c}`)));
    const uncovered = inScope
      .filter((r) => !covered.includes(r))
      .map(key)
      .filter((k) => !FIXTURES_PENDING.includes(k));
    // a route with a record in its path that this file does not fill fails here until it does
    expect(uncovered).toEqual([]);
    expect(covered.length).toBeGreaterThan(60);
    // every covered route has a body when it needs one
    const missingBody = covered.filter(
      (r) =>
        hasBody(r.method) &&
        bodyFor(r, f, 'own') === undefined &&
        !['POST /api/v1/filing-rounds/:roundId/close', 'POST /api/v1/filing-rounds/:roundId/remind'].includes(
          key(r),
        ) &&
        !/\/(reset-password|reset-totp|end-sessions|read|take-up)$/.test(r.url),
    );
    expect(missingBody.map(key)).toEqual([]);
    // and can name another region's record for each: a new parameter name fails here until it is taken care of
    const { userId } = clients.get('tzb') as { userId: number };
    const unfilled = [];
    for (const r of covered)
      if ((await pathFor(r, 'tzb', userId, 'otherRegion', f)) === null) unfilled.push(key(r));
    expect(unfilled).toEqual([]);
  });

  it.each(ROLES)(
    '%s: another region’s records are 404 and unchanged; another unit’s too for unit roles',
    async (role) => {
      const { client, userId } = clients.get(role) as { client: Client; userId: number };
      const covered = routes.filter(
        (r) =>
          COVERED.some((c) => r.url.startsWith(`/api/v1/${c}`)) &&
          !NOT_A_RECORD.some((n) => r.url.endsWith(n)) &&
          can(role, r.permission as Permission),
      );
      const payloadOf = (route: CollectedRoute, v: Variant) => {
        const body = hasBody(route.method) ? bodyFor(route, f, v) : null;
        return body == null ? {} : { payload: body as object };
      };
      const problems: string[] = [];
      let denied = 0;
      let allowed = 0;

      // 1. everything that must be refused, then a check that nothing changed (the URLs are made first: making
      //    them creates fresh fixtures, which must not count as a change)
      const refusals: { route: CollectedRoute; v: Variant; path: string }[] = [];
      for (const route of covered) {
        for (const v of ['otherRegion', 'otherUnit'] as Variant[]) {
          const mustDeny =
            v === 'otherRegion' ||
            ((UNIT_ROLES.includes(role) || CREATOR_ONLY(route.url)) && !DIRECTORY(route.url));
          if (!mustDeny) continue;
          const path = await pathFor(route, role, userId, v, f);
          if (path) refusals.push({ route, v, path });
        }
      }
      const before = await contentDigest(t.db);
      for (const { route, v, path } of refusals) {
        const res = await client.request({
          method: route.method as 'GET',
          url: path,
          ...payloadOf(route, v),
        });
        denied++;
        if (res.statusCode !== 404)
          problems.push(`${key(route)} [${v}] → ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
      const after = await contentDigest(t.db);
      const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
      if (changed.length) problems.push(`refused requests changed ${changed.join(', ')}`);

      // 2. the same routes on the role's own records: found (GET 200; a write never 404 or 5xx)
      for (const route of covered) {
        const path = await pathFor(route, role, userId, 'own', f);
        if (!path) continue;
        const res = await client.request({
          method: route.method as 'GET',
          url: path,
          ...payloadOf(route, 'own'),
        });
        allowed++;
        const at = `${key(route)} [own]`;
        if (res.statusCode >= 500) problems.push(`${at} → ${res.statusCode}`);
        else if (res.statusCode === 404 && !OWN_MAY_BE_MISSING.includes(route.url))
          problems.push(`${at} → 404`);
        else if (route.method === 'GET' && res.statusCode !== 200 && !OWN_MAY_BE_MISSING.includes(route.url))
          problems.push(`${at} → ${res.statusCode} ${res.body.slice(0, 100)}`);
      }
      // 3. a region role sees another unit of its region (GET): the 404s above are scope, not breakage
      if (!UNIT_ROLES.includes(role)) {
        for (const route of covered.filter((r) => r.method === 'GET' && !CREATOR_ONLY(r.url))) {
          const path = await pathFor(route, role, userId, 'otherUnit', f);
          if (!path) continue;
          const res = await client.get(path);
          if (res.statusCode !== 200 && !OWN_MAY_BE_MISSING.includes(route.url))
            problems.push(`${key(route)} [otherUnit, region role] → ${res.statusCode}`);
        }
      }
      expect(problems).toEqual([]);
      if (covered.length) expect(denied + allowed).toBeGreaterThan(0);
    },
  );
});
