// Shared setup of the consultations tests: the app with 区教育局, its counterparts (民建 paired from this year on),
// an outsider, 统战部 and 区府办 signed in, and helpers that register a matter and add an item through the API.
import type { LightMyRequestResponse } from 'fastify';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { subtractWorkingDays } from '../../../common/working-days.js';
import type { Dialect } from '../../db/connect.js';
import { buildTestApp, type Client, loginAs, orgId } from '../../test/helper.js';
import { insertPairing } from '../pairings/index.js';

export const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
export const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };

export const M = '/api/v1/consultations/matters';
export const I = '/api/v1/consultations/items';

/** The calendar date in China now: what the services compare due dates with. */
export const today = () => shanghaiDate(new Date().toISOString());

/** A receipt date whose default due date (15 working days later) is `due` (a working day). */
export const receivedFor = (due: string) => subtractWorkingDays(due, 15);

/** The JSON of a 200 answer (anything else fails the test with the body). */
export async function ok(res: Promise<LightMyRequestResponse>) {
  const r = await res;
  if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  return r.json();
}

export type ConsultationsCast = Awaited<ReturnType<typeof consultationsCast>>;

/** The app on a fresh database, 民建 paired with 区教育局 from this year on (民革 is not), everyone signed in. */
export async function consultationsCast(dialect: Dialect) {
  const t = await buildTestApp(dialect);
  const ids = {
    jiaoyu: await orgId(t.db, '区教育局'),
    minmeng: await orgId(t.db, '民盟奉化支部'),
    minjian: await orgId(t.db, '民建奉化总支部'),
    minge: await orgId(t.db, '民革奉化区委会'),
    caizheng: await orgId(t.db, '区财政局'),
    gongan: await orgId(t.db, '区公安分局'),
  };
  // 民建 is paired with 区教育局 from this year on (so it may be consulted); 民革 is not
  const district = await t.db
    .selectFrom('organisations')
    .select('region_id')
    .where('id', '=', ids.jiaoyu)
    .executeTakeFirstOrThrow();
  await insertPairing(t.db, {
    regionId: district.region_id,
    counterpartId: ids.minjian,
    departmentId: ids.jiaoyu,
    validFrom: Number(today().slice(0, 4)),
    validTo: null,
    source: null,
    shared: false,
  });

  /** A matter of 区教育局 registered by `client` (the 200 answer's JSON). */
  const matter = (client: Client, body: Record<string, unknown>) =>
    ok(
      client.post(M, {
        departmentId: ids.jiaoyu,
        kind: 'policy',
        title: '义务教育阶段学区调整方案',
        ...body,
      }),
    );
  /** An item added to a matter by `client` (the 200 answer's JSON). */
  const addItem = (client: Client, matterId: number, body: Record<string, unknown>) =>
    ok(client.post(`${M}/${matterId}/items`, { source: 'written', text: '建议增加公示期', ...body }));

  return {
    t,
    ids,
    dept: await loginAs(t, 'department', '区教育局'), // paired with 民盟
    cp: await loginAs(t, 'counterpart', '民盟奉化支部'),
    cp2: await loginAs(t, 'counterpart', '民建奉化总支部'), // not paired with 教育局; consulted when added
    outsider: await loginAs(t, 'counterpart', '民革奉化区委会'), // never consulted here
    otherDept: await loginAs(t, 'department', '区公安分局'),
    tzb: await loginAs(t, 'tzb', '区委统战部'),
    qfb: await loginAs(t, 'qfb', '区府办'),
    matter,
    addItem,
  };
}
