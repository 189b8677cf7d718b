import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../common/roles.js';
import { openAndPrepare } from '../boot.js';
import { loadConfig } from '../config.js';
import { configureCrypto } from '../crypto/configure.js';
import { connect } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { codeTarget, issueCode, makePending } from '../modules/activation/index.js';
import { passwordRules } from '../modules/auth/index.js';
import { defaultInstanceId } from '../modules/mail/index.js';
import { currentSecurityPolicy } from '../modules/settings/index.js';
import { sweepAndSend } from '../modules/sweep/index.js';
import { createUserRecord } from '../modules/users/index.js';
import { seedDemo } from '../seed/demo.js';
import { describeDemoYear } from '../seed/demo-year.js';
import { cryptoCommand } from './crypto-commands.js';
import { reindexSearch } from './search-reindex.js';
import { auditCommand, backupCommand, SECURITY_USAGE } from './security-commands.js';

const USAGE = `liaison — 对口联系 command line

  liaison migrate                       bring the database to the latest schema
  liaison seed-demo                     demo accounts for every role (password: LIAISON_DEMO_PASSWORD or printed)
                                        and a year of liaison records (the current year)
  liaison user list                     username<TAB>role<TAB>organisation
  liaison user create --username U --role R --org "NAME" (--password-stdin | --activation-code) [--display-name N] [--email E]
                                        an admin (三员) account is created only here; --activation-code prints a
                                        one-time code for its holder instead of taking a password
  liaison user reset --username U       a one-time code for the holder (any account, admins included): the old
                                        password stops working and every session ends; audited
${SECURITY_USAGE}
  liaison sweep                         run every deadline sweep once (reminders, yearly obligations) and send due e-mail
  liaison search reindex                rebuild the search index from the records

The database is DATABASE_URL (default sqlite:./data/liaison.db).`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  configureCrypto(config);
  switch (command) {
    case 'migrate': {
      const handle = connect(config.DATABASE_URL);
      try {
        const applied = await migrateToLatest(handle.db);
        console.log(applied.length ? `migrated: ${applied.join(', ')}` : 'already at the latest schema');
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'seed-demo': {
      const handle = await openAndPrepare(config);
      try {
        const result = await seedDemo(handle.db, config.LIAISON_DEMO_PASSWORD);
        console.log(
          `demo accounts created: ${result.created.length ? result.created.join(', ') : 'none (all exist)'}`,
        );
        if (result.skipped.length) console.log(`already present (unchanged): ${result.skipped.join(', ')}`);
        if (result.created.length) {
          console.log(
            result.generated
              ? `password of every new demo account: ${result.password}`
              : 'password of every new demo account: the value of LIAISON_DEMO_PASSWORD',
          );
        }
        for (const line of describeDemoYear(result.year)) console.log(line);
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'user':
      return userCommand(sub, rest, config.DATABASE_URL, config.LIAISON_ACTIVATION_HOURS);
    case 'backup':
    case 'restore':
      return backupCommand(
        command,
        [sub, ...rest].filter((a): a is string => a !== undefined),
        config,
      );
    case 'audit':
      return auditCommand(sub, rest, config);
    case 'data':
    case 'crypto':
      return cryptoCommand(command, sub, rest, config);
    case 'sweep': {
      const handle = await openAndPrepare(config);
      try {
        const { sweep, mail } = await sweepAndSend(handle.db, config, { instanceId: defaultInstanceId() });
        console.log(
          `sweep ${sweep.day}: obligations created ${sweep.obligationsCreated}; notifications ${JSON.stringify(sweep.notified)}`,
        );
        console.log(mail ? `e-mail: ${JSON.stringify(mail)}` : 'e-mail: not configured (LIAISON_SMTP_URL)');
        for (const e of sweep.errors) console.error(`failed: ${e}`);
        return sweep.errors.length ? 1 : 0;
      } finally {
        await handle.close();
      }
    }
    case 'search': {
      if (sub !== 'reindex') throw new Error('usage: liaison search reindex');
      const handle = await openAndPrepare(config);
      try {
        const counts = await handle.db.transaction().execute((trx) => reindexSearch(trx));
        console.log(`search index rebuilt: ${JSON.stringify(counts)}`);
        return 0;
      } finally {
        await handle.close();
      }
    }
    default:
      console.log(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

/** The CLI acts as the server's operator: audited with no signed-in actor, from the host. */
const CLI_SOURCE = { actor: null, ip: 'cli' };

function printCode(username: string, issued: { code: string; expiresAt: string }): void {
  console.log(`one-time code for ${username} (valid until ${issued.expiresAt}; give it to the holder only):`);
  console.log(`  ${issued.code}`);
}

async function userCommand(
  sub: string | undefined,
  args: string[],
  databaseUrl: string,
  activationHours: number,
): Promise<number> {
  const handle = connect(databaseUrl);
  try {
    await migrateToLatest(handle.db);
    if (sub === 'list') {
      const rows = await handle.db
        .selectFrom('users as u')
        .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
        .select(['u.username', 'u.role', 'o.name'])
        .orderBy('u.id')
        .execute();
      for (const r of rows) console.log(`${r.username}\t${r.role}\t${r.name}`);
      return 0;
    }
    if (sub === 'reset') {
      const { values } = parseArgs({ args, options: { username: { type: 'string' } } });
      if (!values.username) throw new Error('usage: liaison user reset --username U');
      const user = await handle.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', values.username)
        .executeTakeFirst();
      if (!user) throw new Error(`no user named "${values.username}"`);
      const issued = await handle.db.transaction().execute(async (trx) => {
        await makePending(trx, user.id);
        const target = await codeTarget(trx, user.id);
        return issueCode(trx, CLI_SOURCE, {
          userId: user.id,
          regionId: target.regionId,
          purpose: 'reset',
          delivery: 'cli',
          ttlHours: activationHours,
        });
      });
      printCode(values.username, issued);
      return 0;
    }
    if (sub === 'create') {
      const { values } = parseArgs({
        args,
        options: {
          username: { type: 'string' },
          role: { type: 'string' },
          org: { type: 'string' },
          'display-name': { type: 'string' },
          email: { type: 'string' },
          'password-stdin': { type: 'boolean' },
          'activation-code': { type: 'boolean' },
        },
      });
      if (
        !values.username ||
        !values.role ||
        !values.org ||
        !(values['password-stdin'] || values['activation-code'])
      ) {
        throw new Error(
          'usage: liaison user create --username U --role R --org "NAME" (--password-stdin | --activation-code)',
        );
      }
      if (!ROLES.includes(values.role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
      const password = values['password-stdin'] ? readFileSync(0, 'utf8').replace(/\r?\n$/, '') : null;
      const org = await handle.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', values.org)
        .executeTakeFirst();
      if (!org) throw new Error(`no organisation named "${values.org}"`);
      // the password rules the security admin set (defaults on a new database)
      const rules = passwordRules(
        await currentSecurityPolicy(handle.db, { sessionIdleMinutes: 30, sessionAbsoluteHours: 12 }),
      );
      const issued = await handle.db.transaction().execute(async (trx) => {
        const id = await createUserRecord(
          trx,
          CLI_SOURCE,
          {
            username: values.username as string,
            displayName: values['display-name'] ?? (values.username as string),
            role: values.role as Role,
            organisationId: org.id,
            email: values.email ?? null,
            password,
            mustChangePassword: false,
            pending: password === null,
          },
          rules,
        );
        if (password !== null) return null;
        const target = await codeTarget(trx, id);
        return issueCode(trx, CLI_SOURCE, {
          userId: id,
          regionId: target.regionId,
          purpose: 'activation',
          delivery: 'cli',
          ttlHours: activationHours,
        });
      });
      console.log(`created ${values.username}`);
      if (issued) printCode(values.username, issued);
      return 0;
    }
    throw new Error('usage: liaison user list | liaison user create … | liaison user reset --username U');
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as { code?: string; params?: Record<string, unknown>; message?: string };
    console.error(
      `liaison: ${e.code ? `${e.code} ${JSON.stringify(e.params ?? {})}` : (e.message ?? String(error))}`,
    );
    process.exit(1);
  },
);
