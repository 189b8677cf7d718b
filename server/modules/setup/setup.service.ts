// First-run setup in the browser. On an empty database (no account at all) `npm start` prints a one-time setup
// link instead of a password; the page names the locality, loads the 奉化 2019 example or leaves the pairing list
// for the locality's own notice, and creates the 统战部 account and the three 三员 accounts — each waiting for its
// holder's one-time code, shown once on the result page. The token is kept only as a digest (the crypto mode's
// token digest: SHA-256, or `sm3:` in gm mode) and dies with setup.
import { timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OrganisationKind, RegionLevel } from '../../../common/organisations.js';
import type { Role } from '../../../common/roles.js';
import type { SetupRequest, SetupResponse } from '../../../common/schemas/activation.js';
import type { Executor } from '../../context.js';
import { newToken, tokenDigest, tokenDigests } from '../../crypto/tokens.js';
import type { Database } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { loadSeedPairingList } from '../../seed/bootstrap.js';
import { SEED_OFFICE, SEED_OVERSIGHT, SEED_REGION } from '../../seed/fenghua-2019.js';
import { createHeldAccount } from '../accounts/index.js';
import { activationLink, issueCode } from '../activation/index.js';
import { appendAudit, appendAuditAlone } from '../audit/index.js';
import { passwordRules } from '../auth/index.js';
import { insertOrganisation } from '../organisations/index.js';
import { findRegionByPathNames, insertRegion } from '../regions/index.js';
import { currentSecurityPolicy, type PolicyDefaults, readSetting, writeSetting } from '../settings/index.js';

const TOKEN_KEY = 'setup.token';
const setupToken = (token: string): string => `liaison-setup:${token}`;

/** Whether `token` is the one stored, under any digest it may be stored under (compared in constant time). */
function matchesStored(stored: string, token: string): boolean {
  return tokenDigests(setupToken(token)).some((digest) => {
    const given = Buffer.from(digest);
    return given.length === Buffer.byteLength(stored) && timingSafeEqual(Buffer.from(stored), given);
  });
}

export async function setupNeeded(db: Executor): Promise<boolean> {
  return !(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

/** A fresh setup token (the previous one stops working); returns the token to print. */
export async function newSetupToken(db: Kysely<Database>): Promise<string> {
  const token = newToken(24);
  await writeSetting(
    db,
    TOKEN_KEY,
    { hash: tokenDigest(setupToken(token)), createdAt: new Date().toISOString() },
    null,
  );
  return token;
}

export const setupLink = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/$/, '')}/setup?token=${token}`;

/** SETUP_COMPLETE once any account exists; SETUP_TOKEN_INVALID (audited) for a wrong token. */
export async function checkSetupToken(db: Kysely<Database>, token: string, ip: string | null): Promise<void> {
  if (!(await setupNeeded(db))) throw new AppError('SETUP_COMPLETE');
  const stored = await readSetting<{ hash: string }>(db, TOKEN_KEY);
  if (!stored || !matchesStored(stored.hash, token)) {
    await appendAuditAlone(
      db,
      { actor: null, ip },
      {
        action: 'setup.token',
        entityType: 'setup',
        outcome: 'failed',
        detail: 'wrong setup token',
      },
    );
    throw new AppError('SETUP_TOKEN_INVALID');
  }
}

async function regionChain(trx: Executor, names: { name: string; level: RegionLevel }[]): Promise<number> {
  let parentId: number | null = null;
  const path: string[] = [];
  for (const r of names) {
    path.push(r.name);
    const found = await findRegionByPathNames(trx, path);
    parentId = found ? found.id : (await insertRegion(trx, { parentId, name: r.name, level: r.level })).id;
  }
  if (parentId === null) throw new Error('no region');
  return parentId;
}

const ADMIN_LABEL: Record<'tzb' | 'sysadmin' | 'secadmin' | 'auditadmin', Role> = {
  tzb: 'tzb',
  sysadmin: 'sysadmin',
  secadmin: 'secadmin',
  auditadmin: 'auditadmin',
};

export async function runSetup(
  db: Kysely<Database>,
  cfg: { LIAISON_ACTIVATION_HOURS: number; LIAISON_PUBLIC_URL: string },
  defaults: PolicyDefaults,
  input: SetupRequest,
  ip: string | null,
): Promise<SetupResponse> {
  await checkSetupToken(db, input.token, ip);
  const source = { actor: null, ip };
  const example = input.pairings === 'example';
  // the example brings its own district (浙江省宁波市奉化区) and units; loading it is idempotent
  if (example) await loadSeedPairingList(db);
  const rules = passwordRules(await currentSecurityPolicy(db, defaults));
  return db.transaction().execute(async (trx) => {
    if (!(await setupNeeded(trx))) throw new AppError('SETUP_COMPLETE');
    const locality: { name: string; level: RegionLevel }[] = example
      ? SEED_REGION.map((r) => ({ name: r.name, level: r.level }))
      : [
          { name: input.locality.province, level: 'province' },
          ...(input.locality.city ? [{ name: input.locality.city, level: 'city' as const }] : []),
          { name: input.locality.county, level: 'county' },
        ];
    const regionId = await regionChain(trx, locality);
    const unit = async (kind: OrganisationKind, name: string, order: number) => {
      const found = await trx
        .selectFrom('organisations')
        .select('id')
        .where('region_id', '=', regionId)
        .where('name', '=', name)
        .executeTakeFirst();
      if (found) return found.id;
      const created = await insertOrganisation(trx, {
        region_id: regionId,
        kind,
        name,
        short_name: null,
        sort_order: order,
        active: 1,
      });
      await appendAudit(trx, source, {
        action: 'organisation.create',
        entityType: 'organisation',
        entityId: created.id,
        regionId,
        after: created,
        detail: 'first-run setup',
      });
      return created.id;
    };
    const oversightId = await unit('oversight', example ? SEED_OVERSIGHT.name : input.oversightName, 1);
    await unit('office', example ? SEED_OFFICE.name : input.officeName, 2);
    const accounts: SetupResponse['accounts'] = [];
    const oversightName = example ? SEED_OVERSIGHT.name : input.oversightName;
    for (const key of ['tzb', 'sysadmin', 'secadmin', 'auditadmin'] as const) {
      const person = input.accounts[key];
      const id = await createHeldAccount(
        trx,
        source,
        {
          username: person.username,
          displayName: person.displayName,
          role: ADMIN_LABEL[key],
          organisationId: oversightId,
          email: person.email ?? null,
        },
        rules,
      );
      const issued = await issueCode(trx, source, {
        userId: id,
        regionId,
        purpose: 'activation',
        delivery: 'setup',
        ttlHours: cfg.LIAISON_ACTIVATION_HOURS,
      });
      accounts.push({
        role: ADMIN_LABEL[key],
        userId: id,
        username: person.username,
        displayName: person.displayName,
        organisation: { id: oversightId, name: oversightName },
        delivery: 'shown',
        code: issued.code,
        expiresAt: issued.expiresAt,
      });
    }
    await trx.deleteFrom('settings').where('key', '=', TOKEN_KEY).execute();
    await appendAudit(trx, source, {
      action: 'setup.complete',
      entityType: 'region',
      entityId: regionId,
      regionId,
      after: {
        pairings: input.pairings,
        accounts: accounts.map((a) => ({ role: a.role, username: a.username })),
      },
    });
    const region = await trx
      .selectFrom('regions')
      .select(['id', 'name'])
      .where('id', '=', regionId)
      .executeTakeFirstOrThrow();
    return { region, accounts, activationUrl: activationLink(cfg.LIAISON_PUBLIC_URL) };
  });
}
