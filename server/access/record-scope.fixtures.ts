// The world of record-scope.test.ts: our units, another pair of the same region and another region's units,
// a record of every kind the :id routes act on for each of the three variants, and a signed-in user per role.
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { ROLES, type Role } from '../../common/roles.js';
import type { Database } from '../db/schema.js';
import { daysFromNow } from '../modules/ledger/ledger.fixtures.js';
import { makeOtherDistrict, roundWithDeadline } from '../test/factories.js';
import { type Client, HOME_UNIT, login, makeUser, orgId, type TestApp } from '../test/helper.js';
import {
  aliasOf,
  changeReportOf,
  deliveryOf,
  handoverMaker,
  jobOf,
  notificationFor,
} from './record-scope.rows.fixtures.js';

/** own unit / another unit of the own region / another region */
export type Variant = 'own' | 'otherUnit' | 'otherRegion';
export type PerVariant<T> = Record<Variant, T>;

const HOME = HOME_UNIT;

export interface Fixtures {
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

export const userIdOf = async (db: Kysely<Database>, username: string): Promise<number> =>
  (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;

const ok = async (res: Promise<LightMyRequestResponse>) => {
  const r = await res;
  if (r.statusCode !== 200) throw new Error(`fixture: ${r.statusCode} ${r.body}`);
  return r.json();
};

const perVariant = async <T>(fn: (v: Variant) => Promise<T>): Promise<PerVariant<T>> => ({
  own: await fn('own'),
  otherUnit: await fn('otherUnit'),
  otherRegion: await fn('otherRegion'),
});

/** Builds the world in the app's database, its records made by their units' own users where an API makes them. */
export async function buildFixtures(t: TestApp): Promise<Fixtures> {
  const db = t.db;
  const id = (name: string) => orgId(db, name);
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

  const pairingOf = async (cpId: number, deptId: number) =>
    (
      await db
        .selectFrom('pairings')
        .select('id')
        .where('counterpart_id', '=', cpId)
        .where('department_id', '=', deptId)
        .executeTakeFirstOrThrow()
    ).id;

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
    own: (await roundWithDeadline(t.db, tzb, 2026, '2026-06-05')).id,
    otherRegion: (await roundWithDeadline(t.db, farTzb, 2026, '2026-06-05')).id,
  };
  const form = {
    leader: { name: '张三', position: '副局长', phone: '13900000001' },
    liaison: { name: '王五', position: '科长', phone: '88880001' },
  };
  await ok(author.own.put(`/api/v1/filing-rounds/${round.own}/filings/${jiaoyu}`, form));
  await ok(author.otherUnit.put(`/api/v1/filing-rounds/${round.own}/filings/${gongan}`, form));
  await ok(
    author.otherRegion.put(`/api/v1/filing-rounds/${round.otherRegion}/filings/${other.department.id}`, form),
  );

  const crDept = await perVariant((v) => changeReportOf(db, department[v]));
  const crCp = {
    ...crDept,
    own: await changeReportOf(db, minmeng),
    otherUnit: await changeReportOf(db, minge),
  };

  const aliasDept = await perVariant((v) => aliasOf(db, department[v]));
  const aliasCp = { ...aliasDept, own: await aliasOf(db, minmeng), otherUnit: await aliasOf(db, minge) };

  const otherUnitNotification = await notificationFor(db, await userIdOf(db, otherDept.username));
  const otherRegionNotification = await notificationFor(db, await userIdOf(db, farDept.username));

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
  const handoverOf = handoverMaker(db);

  const regionUser = await userIdOf(db, await makeUser(db, 'department', '区司法局'));
  const farUser = await userIdOf(db, await makeUser(db, 'department', other.department.id));

  const f: Fixtures = {
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
      own: await notificationFor(db, userId),
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
      own: await jobOf(db, userId),
      otherUnit: await jobOf(db, await userIdOf(db, tzb.username)),
      otherRegion: await jobOf(db, await userIdOf(db, farTzb.username)),
    }),
    delivery: {
      own: await deliveryOf(db, regionUser),
      otherUnit: await deliveryOf(db, regionUser),
      otherRegion: await deliveryOf(db, farUser),
    },
    handover: async () => ({
      own: await handoverOf(regionUser),
      otherUnit: null,
      otherRegion: await handoverOf(farUser),
    }),
  };
  void aliasCp;
  return f;
}

/** A signed-in user of every role in its home unit, each with its user id. */
export async function signInEveryRole(t: TestApp): Promise<Map<Role, { client: Client; userId: number }>> {
  const clients = new Map<Role, { client: Client; userId: number }>();
  for (const role of ROLES) {
    const username = await makeUser(t.db, role, HOME[role]);
    clients.set(role, { client: await login(t.app, username), userId: await userIdOf(t.db, username) });
  }
  return clients;
}
