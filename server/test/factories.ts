import type { Kysely } from 'kysely';
import type { OrganisationKind } from '../../common/organisations.js';
import { shanghaiDate } from '../../common/shanghai-time.js';
import type { Database } from '../db/schema.js';
import { insertAlias, insertOrganisation } from '../modules/organisations/index.js';
import { insertPairing } from '../modules/pairings/index.js';
import { findRegionByPathNames, insertRegion } from '../modules/regions/index.js';
import type { Client } from './helper.js';

let seq = 0;

/**
 * Another district under 宁波市 with its own 统战部, one department, one counterpart and a pairing
 * between them: the "other region" of authorisation tests. Creates 宁波市 if the seed is absent.
 */
export async function makeOtherDistrict(db: Kysely<Database>, name = `海曙区${++seq}`) {
  let city = await findRegionByPathNames(db, ['浙江省', '宁波市']);
  if (!city) {
    const province = await insertRegion(db, { parentId: null, name: '浙江省', level: 'province' });
    city = await insertRegion(db, { parentId: province.id, name: '宁波市', level: 'city' });
  }
  const region = await insertRegion(db, { parentId: city.id, name, level: 'county' });
  const org = (kind: OrganisationKind, orgName: string) =>
    insertOrganisation(db, {
      region_id: region.id,
      kind,
      name: orgName,
      short_name: null,
      sort_order: 1,
      active: 1,
    });
  const oversight = await org('oversight', `${name}委统战部`);
  const department = await org('department', `${name}教育局`);
  const counterpart = await org('counterpart', `民盟${name}支部`);
  const pairing = await insertPairing(db, {
    regionId: region.id,
    counterpartId: counterpart.id,
    departmentId: department.id,
    validFrom: 2019,
    validTo: null,
    source: `${name}〔2019〕1号`,
    shared: false,
  });
  return { region, oversight, department, counterpart, pairing };
}

/** The seed's district, 浙江省宁波市奉化区. */
export async function seedDistrict(db: Kysely<Database>) {
  const region = await findRegionByPathNames(db, ['浙江省', '宁波市', '奉化区']);
  if (!region) throw new Error('the seed district is missing: build the app with the seed');
  return region;
}

/** An organisation (in the seed district unless a region is given), with optional aliases. */
export async function makeOrganisation(
  db: Kysely<Database>,
  options: {
    name?: string;
    kind?: OrganisationKind;
    regionId?: number;
    shortName?: string | null;
    aliases?: string[];
  } = {},
) {
  const regionId = options.regionId ?? (await seedDistrict(db)).id;
  const organisation = await insertOrganisation(db, {
    region_id: regionId,
    kind: options.kind ?? 'department',
    name: options.name ?? `测试单位${++seq}`,
    short_name: options.shortName ?? null,
    sort_order: 1000 + seq,
    active: 1,
  });
  const aliases = [];
  for (const alias of options.aliases ?? [])
    aliases.push(await insertAlias(db, organisation.id, alias, null));
  return { ...organisation, aliases };
}

/**
 * Time passes: a filing round opened earlier (through the API, which takes only deadlines ahead) is now past
 * this deadline. What lateness tests need, without a clock of their own.
 */
export async function moveRoundDeadline(
  db: Kysely<Database>,
  roundId: number,
  deadline: string,
): Promise<void> {
  await db.updateTable('filing_rounds').set({ deadline }).where('id', '=', roundId).execute();
}

/** Open a filing round through the API, then let time pass until `deadline` (possibly long gone). */
export async function roundWithDeadline(
  db: Kysely<Database>,
  client: Pick<Client, 'post'>,
  year: number,
  deadline: string,
): Promise<{ id: number }> {
  const today = shanghaiDate(new Date().toISOString());
  const res = await client.post('/api/v1/filing-rounds', { year, deadline: today });
  if (res.statusCode !== 200) throw new Error(`open round: ${res.statusCode} ${res.body}`);
  const { id } = res.json() as { id: number };
  await moveRoundDeadline(db, id, deadline);
  return { id };
}

/** Set a year's annual-report deadline through the API, then let time pass until `deadline` (possibly gone). */
export async function reportRoundWithDeadline(
  db: Kysely<Database>,
  client: Pick<Client, 'put'>,
  year: number,
  deadline: string,
): Promise<void> {
  const today = shanghaiDate(new Date().toISOString());
  const res = await client.put(`/api/v1/report-rounds/${year}`, { deadline: today });
  if (res.statusCode !== 200) throw new Error(`set report deadline: ${res.statusCode} ${res.body}`);
  const { regionId } = res.json() as { regionId: number };
  await db
    .updateTable('report_rounds')
    .set({ deadline })
    .where('region_id', '=', regionId)
    .where('year', '=', year)
    .execute();
}
