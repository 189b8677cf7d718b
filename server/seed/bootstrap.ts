import type { Kysely } from 'kysely';
import type { OrganisationKind } from '../../common/organisations.js';
import type { Database } from '../db/schema.js';
import { appendAudit } from '../modules/audit/index.js';
import { generatePassword } from '../modules/auth/index.js';
import { insertAlias, insertOrganisation } from '../modules/organisations/index.js';
import { insertPairing, insertPairingEvent } from '../modules/pairings/index.js';
import { insertRegion } from '../modules/regions/index.js';
import { createUserRecord } from '../modules/users/index.js';
import {
  SEED_OFFICE,
  SEED_OVERSIGHT,
  SEED_PAIRING_LIST,
  SEED_REGION,
  SEED_SOURCE,
  SEED_YEAR,
} from './fenghua-2019.js';

const SYSTEM = { actor: null, ip: null };

/**
 * On an empty database: the seed's region, 区委统战部, 区府办, and the 2019 pairing list (附件1).
 * Returns false (and changes nothing) when any region already exists.
 */
export async function loadSeedPairingList(db: Kysely<Database>): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('regions').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    let parentId: number | null = null;
    let regionId = 0;
    for (const r of SEED_REGION) {
      const region = await insertRegion(trx, { parentId, name: r.name, level: r.level });
      parentId = region.id;
      regionId = region.id;
    }
    let order = 0;
    const org = async (kind: OrganisationKind, name: string, shortName: string | null) => {
      const created = await insertOrganisation(trx, {
        region_id: regionId,
        kind,
        name,
        short_name: shortName,
        sort_order: ++order,
        active: 1,
      });
      await appendAudit(trx, SYSTEM, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: created.id,
        regionId,
        after: created,
        detail: SEED_SOURCE,
      });
      return created;
    };
    await org('oversight', SEED_OVERSIGHT.name, SEED_OVERSIGHT.shortName);
    await org('office', SEED_OFFICE.name, SEED_OFFICE.shortName);
    const counterparts = [];
    for (const entry of SEED_PAIRING_LIST) {
      const c = await org('counterpart', entry.counterpart, null);
      for (const alias of entry.aliases) await insertAlias(trx, c.id, alias, null);
      counterparts.push({ id: c.id, departments: entry.departments });
    }
    for (const entry of counterparts) {
      for (const name of entry.departments) {
        const d = await org('department', name, null);
        const pairing = await insertPairing(trx, {
          regionId,
          counterpartId: entry.id,
          departmentId: d.id,
          validFrom: SEED_YEAR,
          validTo: null,
          source: SEED_SOURCE,
          shared: false,
        });
        await insertPairingEvent(trx, {
          pairingId: pairing.id,
          action: 'created',
          year: SEED_YEAR,
          source: SEED_SOURCE,
          note: null,
          actorId: null,
        });
        await appendAudit(trx, SYSTEM, {
          action: 'pairing.create',
          entityType: 'pairing',
          entityId: pairing.id,
          regionId,
          after: pairing,
          detail: SEED_SOURCE,
        });
      }
    }
    return true;
  });
}

/**
 * The first 系统管理员 `sysadmin`, when the database has no users. With no password given, a random one
 * is returned (to print once) and must be changed at first sign-in.
 */
export async function ensureFirstAdmin(
  db: Kysely<Database>,
  password: string | undefined,
): Promise<{ created: boolean; generatedPassword: string | null }> {
  return db.transaction().execute(async (trx) => {
    const anyUser = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (anyUser) return { created: false, generatedPassword: null };
    const home = await trx
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'oversight')
      .orderBy('id')
      .executeTakeFirst();
    if (!home) throw new Error('no oversight organisation to place the first administrator in');
    const generated = password ? null : generatePassword();
    await createUserRecord(
      trx,
      SYSTEM,
      {
        username: 'sysadmin',
        displayName: '系统管理员',
        role: 'sysadmin',
        organisationId: home.id,
        email: null,
        password: password ?? generated,
        mustChangePassword: !password,
      },
      { minLength: 8, minClasses: 1 },
    );
    return { created: true, generatedPassword: generated };
  });
}
