// The state every phase of the demo year shares: the district as the generator sees it, its RNG, the summary.
import type { Kysely } from 'kysely';
import { LEDGER_KINDS, type LedgerKind } from '../../common/schemas/ledger.js';
import type { RequestContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { loadActor } from '../modules/auth/index.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { nameMaker, type PersonSpec, peopleOf, random, type UnitPeople } from './demo-people.js';
import { backdate, type Group } from './demo-year.backdate.js';
import type { Clock } from './demo-year.clock.js';
import { DEPARTMENT_SPECS } from './demo-year-content.js';

/** What the demo year holds, for `liaison seed-demo` to print and the tests to check. */
export interface DemoYearSummary {
  year: number;
  /** true when the year already had ledger records: nothing was written */
  skipped: boolean;
  /** the story was squeezed into the part of the year that has passed (a run before its late-November end) */
  compressed: boolean;
  roster: { units: number; persons: number; changeReports: number };
  filing: {
    units: number;
    filed: number;
    returnedThenFiled: number;
    submittedLate: number;
    notStarted: string[];
    closed: boolean;
  };
  ledger: { records: number; byKind: Record<LedgerKind, number>; plans: number; planItems: number };
  consultations: {
    matters: number;
    symposiaHeld: number;
    violations: number;
    items: number;
    replies: number;
    verdicts: number;
    extensions: number;
  };
  /** the department that did nothing all year */
  idleDepartment: string;
  ms: number;
}

export interface Unit {
  id: number;
  name: string;
  kind: 'department' | 'counterpart';
  people: UnitPeople;
  ctx: RequestContext | null;
}

/** 姓名（单位职务）, as attendance lists name people. */
export function attendee(unit: Unit, p: PersonSpec): string {
  return p.position.startsWith('区知联会')
    ? `${p.name}（${p.position}）`
    : `${p.name}（${unit.name}${p.position}）`;
}

const emptyKinds = (): Record<LedgerKind, number> =>
  Object.fromEntries(LEDGER_KINDS.map((k) => [k, 0])) as Record<LedgerKind, number>;

export class DemoYear {
  readonly rng = random(20_190_522); // 奉政发〔2019〕47号, 2019年5月22日
  readonly units = new Map<string, Unit>();
  /** the counterpart each department is paired with in the year (附件1 pairs each with one) */
  readonly pairs = new Map<number, Unit>();
  tzb: RequestContext | null = null;
  /** distinct names for everyone the demo needs */
  readonly makeName = nameMaker(this.rng);
  readonly summary: DemoYearSummary;
  /** notices sent so far: every third one is signed for first and read later */
  notices = 0;
  readonly docNumbers = new Map<string, number>();

  constructor(
    readonly db: Kysely<Database>,
    readonly clock: Clock,
  ) {
    this.summary = {
      year: clock.year,
      skipped: false,
      compressed: clock.compressed,
      roster: { units: 0, persons: 0, changeReports: 0 },
      filing: { units: 0, filed: 0, returnedThenFiled: 0, submittedLate: 0, notStarted: [], closed: false },
      ledger: { records: 0, byKind: emptyKinds(), plans: 0, planItems: 0 },
      consultations: {
        matters: 0,
        symposiaHeld: 0,
        violations: 0,
        items: 0,
        replies: 0,
        verdicts: 0,
        extensions: 0,
      },
      idleDepartment: DEPARTMENT_SPECS.find((d) => d.level === 'empty')?.name ?? '',
      ms: 0,
    };
  }

  /** Run one service call as if at nominal instant `t`: its stamps are backdated to then. */
  async as<T>(t: number, group: Group, fn: () => Promise<T>): Promise<T> {
    const since = new Date().toISOString();
    const result = await fn();
    await backdate(this.db, group, since, this.clock.iso(t));
    return result;
  }

  unit(name: string): Unit {
    const u = this.units.get(name);
    if (!u) throw new Error(`demo: no organisation ${name}`);
    return u;
  }

  async load(): Promise<void> {
    const orgs = await this.db
      .selectFrom('organisations')
      .select(['id', 'name', 'kind'])
      .where('kind', 'in', ['department', 'counterpart'])
      .where('active', '=', 1)
      .orderBy('sort_order')
      .execute();
    for (const o of orgs) {
      const kind = o.kind as Unit['kind'];
      const people = peopleOf({ name: o.name, kind }, this.rng, this.makeName, this.clock.year);
      this.units.set(o.name, { id: o.id, name: o.name, kind, people, ctx: await this.contextOf(o.name) });
    }
    this.tzb = await this.contextOf('区委统战部');
  }

  async contextOf(orgName: string): Promise<RequestContext | null> {
    const username = DEMO_ACCOUNTS[orgName];
    if (!username) return null;
    const user = await this.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    const actor = user ? await loadActor(this.db, user.id) : null;
    return actor && !actor.disabled ? { db: this.db, actor, ip: null, lang: 'zh-CN' } : null;
  }

  /** A random time of the working day, 'HH:mm'. */
  officeTime(): string {
    return `${String(this.rng.int(9, 16)).padStart(2, '0')}:${String(this.rng.pick([0, 10, 20, 30, 40, 50])).padStart(2, '0')}`;
  }

  /** The counterpart paired with a department in the seed list (附件1 pairs each with one). */
  counterpartOf(dept: Unit): Unit | undefined {
    return this.pairs.get(dept.id);
  }
  async loadPairs(): Promise<void> {
    const rows = await this.db
      .selectFrom('pairings')
      .select(['department_id', 'counterpart_id'])
      .where('valid_from', '<=', this.clock.year)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', this.clock.year)]))
      .orderBy('id')
      .execute();
    const byId = new Map([...this.units.values()].map((u) => [u.id, u]));
    for (const r of rows) {
      const cp = byId.get(r.counterpart_id);
      if (cp && !this.pairs.has(r.department_id)) this.pairs.set(r.department_id, cp);
    }
  }
}
