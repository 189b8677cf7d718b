import type { Kysely } from 'kysely';
import type { Role } from '../../common/roles.js';
import { shanghaiYear } from '../../common/shanghai-time.js';
import { isOverseerRole } from '../access/rules.js';
import { nowIso } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { generatePassword } from '../modules/auth/index.js';
import { createUserRecord } from '../modules/users/index.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { type DemoYearSummary, seedDemoYear } from './demo-year.js';

const ROLE_OF_KIND: Record<string, Role> = {
  oversight: 'tzb',
  office: 'qfb',
  department: 'department',
  counterpart: 'counterpart',
};

/**
 * The display name of a unit's demo account. 联络员 is a post of the departments and counterparts (the notice's
 * 四(二): each names a 分管领导 and a 联络员, filed with 附件2); 统战部 and 区府办 oversee the work and have no
 * 联络员, so their accounts are their staff's, written as an office writes it: 区委统战部工作人员, 区府办工作人员.
 */
export function demoDisplayName(orgName: string, role: Role): string {
  return isOverseerRole(role) ? `${orgName}工作人员` : `${orgName}联络员`;
}

export interface DemoResult {
  password: string;
  generated: boolean;
  created: string[];
  skipped: string[];
  /** the demo year of liaison records (the current year) */
  year: DemoYearSummary;
}

/**
 * The demo district of the contract: the three admins, a staff account of 统战部 and of 区府办 and one 联络员 per
 * department and counterpart of the seed region, then a year of liaison records entered as those users
 * (`seedDemoYear`, the current year).
 * Idempotent: accounts that exist are left as they are, and a year that has ledger records gets nothing.
 */
export async function seedDemo(db: Kysely<Database>, password: string | undefined): Promise<DemoResult> {
  const demoPassword = password ?? generatePassword();
  const result: Omit<DemoResult, 'year'> = {
    password: demoPassword,
    generated: !password,
    created: [],
    skipped: [],
  };
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .orderBy('sort_order')
    .execute();
  const oversight = orgs.find((o) => o.kind === 'oversight');
  if (!oversight) throw new Error('no 统战部 organisation: run `liaison migrate` (or npm start) first');

  const wanted: { username: string; displayName: string; role: Role; organisationId: number }[] = [
    { username: 'sysadmin', displayName: '系统管理员', role: 'sysadmin', organisationId: oversight.id },
    { username: 'secadmin', displayName: '安全管理员', role: 'secadmin', organisationId: oversight.id },
    { username: 'auditadmin', displayName: '审计管理员', role: 'auditadmin', organisationId: oversight.id },
  ];
  for (const org of orgs) {
    const username = DEMO_ACCOUNTS[org.name];
    const role = ROLE_OF_KIND[org.kind];
    if (!username || !role) continue;
    wanted.push({ username, displayName: demoDisplayName(org.name, role), role, organisationId: org.id });
  }

  await db.transaction().execute(async (trx) => {
    for (const account of wanted) {
      const exists = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', account.username)
        .executeTakeFirst();
      if (exists) {
        result.skipped.push(account.username);
        continue;
      }
      await createUserRecord(
        trx,
        { actor: null, ip: null },
        { ...account, email: null, password: demoPassword, mustChangePassword: false },
        { minLength: 8, minClasses: 1 },
      );
      result.created.push(account.username);
    }
  });
  return { ...result, year: await seedDemoYear(db, shanghaiYear(nowIso())) };
}
