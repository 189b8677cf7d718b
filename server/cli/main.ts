import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ROLES, type Role } from '../../common/roles.js';
import { openAndPrepare } from '../boot.js';
import { loadConfig } from '../config.js';
import { connect, dialectOf } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from '../modules/audit/audit.verify.js';
import { createUserRecord } from '../modules/users/users.service.js';
import { seedDemo } from '../seed/demo.js';
import { backup, restore } from './backup.js';

const USAGE = `liaison — 对口联系 command line

  liaison migrate                       bring the database to the latest schema
  liaison seed-demo                     demo accounts for every role (password: LIAISON_DEMO_PASSWORD or printed)
  liaison user list                     username<TAB>role<TAB>organisation
  liaison user create --username U --role R --org "NAME" --password-stdin [--display-name N]
  liaison backup FILE                   consistent online backup
  liaison restore FILE                  restore a backup (stop the app first on SQLite)
  liaison audit verify                  check the audit trail's hash chain; exit 1 at the first altered entry

The database is DATABASE_URL (default sqlite:./data/liaison.db).`;

async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
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
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'user':
      return userCommand(sub, rest, config.DATABASE_URL);
    case 'backup':
    case 'restore': {
      const file = sub;
      if (!file) throw new Error(`usage: liaison ${command} FILE`);
      if (command === 'restore') {
        const dialect = dialectOf(config.DATABASE_URL);
        const path = dialect === 'sqlite' ? config.DATABASE_URL.slice('sqlite:'.length) : null;
        restore(dialect, path, config.DATABASE_URL, file);
        console.log(`restored ${file}`);
        return 0;
      }
      const handle = connect(config.DATABASE_URL);
      try {
        await backup(handle, config.DATABASE_URL, file);
        console.log(`backup written to ${file}`);
      } finally {
        await handle.close();
      }
      return 0;
    }
    case 'audit': {
      if (sub !== 'verify') throw new Error('usage: liaison audit verify');
      const handle = connect(config.DATABASE_URL);
      try {
        const result = await verifyAuditChain(handle.db);
        if (result.ok) {
          console.log(`audit trail intact: ${result.checked} entries`);
          return 0;
        }
        console.error(
          `audit trail ALTERED at entry ${result.firstBadId}: ${result.reason} (${result.checked} entries before it are intact)`,
        );
        return 1;
      } finally {
        await handle.close();
      }
    }
    default:
      console.log(USAGE);
      return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
  }
}

async function userCommand(sub: string | undefined, args: string[], databaseUrl: string): Promise<number> {
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
    if (sub === 'create') {
      const { values } = parseArgs({
        args,
        options: {
          username: { type: 'string' },
          role: { type: 'string' },
          org: { type: 'string' },
          'display-name': { type: 'string' },
          'password-stdin': { type: 'boolean' },
        },
      });
      if (!values.username || !values.role || !values.org || !values['password-stdin']) {
        throw new Error('usage: liaison user create --username U --role R --org "NAME" --password-stdin');
      }
      if (!ROLES.includes(values.role as Role)) throw new Error(`role must be one of ${ROLES.join(', ')}`);
      const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
      const org = await handle.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', values.org)
        .executeTakeFirst();
      if (!org) throw new Error(`no organisation named "${values.org}"`);
      await handle.db.transaction().execute((trx) =>
        createUserRecord(
          trx,
          { actor: null, ip: null },
          {
            username: values.username as string,
            displayName: values['display-name'] ?? (values.username as string),
            role: values.role as Role,
            organisationId: org.id,
            email: null,
            password,
            mustChangePassword: false,
          },
          { minLength: 8, minClasses: 3 },
        ),
      );
      console.log(`created ${values.username}`);
      return 0;
    }
    throw new Error('usage: liaison user list | liaison user create …');
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
