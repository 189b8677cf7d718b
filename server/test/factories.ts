import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { insertOrganisation } from '../modules/organisations/organisations.repository.js';
import { insertPairing } from '../modules/pairings/pairings.repository.js';
import { findRegionByPathNames, insertRegion } from '../modules/regions/regions.repository.js';

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
  const org = (kind: string, orgName: string) =>
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
