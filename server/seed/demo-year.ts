// A year of liaison work for the demo district (`liaison seed-demo`): rosters and the 附件2 filing round, a
// symposium and an annual plan per department, invitations both ways, notices, research and social service,
// and major matters with their suggestions, replies and verdicts — written through the services, as the demo
// users themselves, so every rule, scope and audit entry is the real one.
import { type Kysely, sql, type Transaction } from 'kysely';
import { isAfterDeadline, localDate } from '../../common/filings.js';
import {
  CreateItemRequest,
  CreateMatterRequest,
  DecisionRequest,
  ExtensionRequest,
  GrantExtensionRequest,
  HoldSymposiumRequest,
  ReplyRequest as ItemReplyRequest,
  REPLY_CLASS_LABELS,
  ScheduleSymposiumRequest,
  VerdictRequest,
} from '../../common/schemas/consultations.js';
import { CreateFilingRoundRequest, SaveFilingRequest } from '../../common/schemas/filings.js';
import {
  AdoptionRequest,
  AttendanceRequest,
  CreateLedgerRecordRequest,
  LEDGER_KINDS,
  type LedgerKind,
  MinutesRequest,
  ReceiptRequest,
  ReplyRequest,
} from '../../common/schemas/ledger.js';
import { CreatePlanRequest } from '../../common/schemas/plans.js';
import { UpdateRosterPersonRequest } from '../../common/schemas/roster.js';
import { shanghaiDate } from '../../common/shanghai-time.js';
import { addWorkingDays, isWorkingDay } from '../../common/working-days.js';
import type { RequestContext } from '../context.js';
import type { Database } from '../db/schema.js';
import { loadActor } from '../modules/auth/index.js';
import {
  consultationSettingsFor,
  createItem,
  createMatter,
  grantExtension,
  holdSymposium,
  rateReply,
  recordDecision,
  replyToItem,
  requestExtension,
  scheduleSymposium,
} from '../modules/consultations/index.js';
import {
  closeRound,
  createRound,
  fileFiling,
  returnFiling,
  saveFiling,
  submitFiling,
} from '../modules/filings/index.js';
import {
  acknowledgeNotice,
  createRecord,
  recordAdoption,
  recordAttendance,
  recordMinutes,
  replyToInvitation,
  takeUpTopic,
} from '../modules/ledger/index.js';
import { createPlan } from '../modules/plans/index.js';
import { acknowledgeChangeReport, updateRosterPerson } from '../modules/roster/index.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { nameMaker, type PersonSpec, peopleOf, random, type UnitPeople } from './demo-people.js';
import {
  COUNTERPART_ACTIVITIES,
  COUNTERPART_SPECS,
  DEPARTMENT_SPECS,
  type DeptSpec,
  type ItemSpec,
  MATTER_SPECS,
  type MatterSpec,
  type RecordSpec,
  type When,
} from './demo-year-content.js';

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

// ---------------------------------------------------------------------------------------------------------
// Time
//
// The story is written for a run in late November (AS_OF): everything before it has happened, a few things
// are still ahead in December. Run earlier in the year, the whole story is squeezed into the days that have
// passed (and what lies ahead into the rest of the year), so a demo can be seeded any day.

const AS_OF = '11-26';
const DAY = 86_400_000;
const MARGIN = 10 * 60_000;

interface Clock {
  year: number;
  compressed: boolean;
  /** a nominal instant of the story: 'MM-DD HH:mm' ('MM-DD' at `time`) */
  at(when: When, time?: string): number;
  /** the real instant of a nominal one */
  iso(t: number): string;
  /** the Asia/Shanghai date of a nominal instant, as it happens */
  date(t: number): string;
  /** whether a nominal instant has passed */
  past(t: number): boolean;
  /** `days` working days after a nominal instant, at a time of day */
  workdaysAfter(t: number, days: number, time: string): number;
  /** the first working day on or after a nominal instant (same time of day) */
  onWorkday(t: number): number;
  /** a nominal instant, but no later than the story's end: when things ahead were entered */
  ahead(t: number): number;
  /** '2026年3月10日' of a nominal instant, as it happens */
  cn(t: number): string;
  /** a nominal instant back as 'MM-DD HH:mm' */
  when(t: number): When;
}

function makeClock(year: number, nowMs: number): Clock {
  const start = Date.parse(`${year}-01-01T00:00:00+08:00`);
  const end = Date.parse(`${year + 1}-01-01T00:00:00+08:00`) - 60_000;
  const asOf = Date.parse(`${year}-${AS_OF}T18:00:00+08:00`);
  const compressed = nowMs < asOf + MARGIN;
  const usable = Math.max(nowMs - MARGIN, start + 60_000);
  const real = (t: number): number => {
    if (!compressed) return t;
    const r =
      t <= asOf
        ? start + ((t - start) * (usable - start)) / (asOf - start)
        : nowMs + MARGIN + ((t - asOf) * Math.max(end - nowMs - MARGIN, 0)) / (end - asOf);
    return Math.floor(r / 60_000) * 60_000;
  };
  const nominalDate = (t: number) => shanghaiDate(new Date(t).toISOString());
  const at = (when: When, time = '09:00') =>
    Date.parse(`${year}-${(when.length === 5 ? `${when} ${time}` : when).replace(' ', 'T')}:00+08:00`);
  return {
    year,
    compressed,
    at,
    iso: (t) => new Date(real(t)).toISOString(),
    date: (t) => shanghaiDate(new Date(real(t)).toISOString()),
    past: (t) => real(t) <= nowMs - MARGIN,
    workdaysAfter: (t, days, time) => at(addWorkingDays(nominalDate(t), days).slice(5), time),
    onWorkday: (t) => {
      let x = t;
      while (!isWorkingDay(nominalDate(x))) x += DAY;
      return x;
    },
    ahead: (t) => Math.min(t, asOf - 3600_000),
    when: (t) => new Date(t + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' '),
    cn: (t) => {
      const [y, m, d] = shanghaiDate(new Date(real(t)).toISOString())
        .split('-')
        .map(Number);
      return `${y}年${m}月${d}日`;
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Backdating
//
// The services stamp "now" on what they record — a reply's date, a form's submission, a verdict, the rows they
// insert — because in real use the action happens when it is entered. The demo year is entered today but tells
// a story over the year, and on-time and late figures, due states and dashboards read these stamps. So after
// each service call the stamps it wrote (every stamped column of the tables it touches whose value is not older
// than the call) are moved to the moment the action is meant to have happened. Columns that come from the input
// (startsAt, receivedOn, heldAt, decidedAt) are set by the services themselves. The audit trail is never touched:
// its entries record when the data was entered, and its hash chain proves it.

export const STAMPED = {
  responsible_persons: ['created_at'],
  change_reports: ['reported_at', 'acknowledged_at'],
  filing_rounds: ['created_at', 'updated_at', 'closed_at'],
  filings: ['created_at', 'updated_at', 'first_submitted_at', 'submitted_at', 'reviewed_at', 'filed_at'],
  filing_events: ['at'],
  plans: ['created_at', 'updated_at'],
  plan_items: ['created_at', 'updated_at'],
  ledger_records: ['created_at', 'updated_at'],
  ledger_responses: ['replied_at', 'received_at', 'read_at'],
  consultation_matters: ['created_at', 'updated_at', 'decided_at'],
  consultation_matter_counterparts: ['invited_at'],
  consultation_items: ['created_at', 'updated_at', 'closed_at'],
  consultation_replies: ['replied_at', 'verdict_at'],
  consultation_extensions: ['requested_at', 'decided_at'],
  consultation_item_events: ['at'],
  notifications: ['created_at'],
} as const satisfies Partial<Record<keyof Database, readonly string[]>>;
type StampedTable = keyof typeof STAMPED;

const GROUPS = {
  roster: ['responsible_persons', 'change_reports', 'notifications'],
  filings: ['filing_rounds', 'filings', 'filing_events', 'responsible_persons', 'notifications'],
  ledger: ['ledger_records', 'ledger_responses'],
  plans: ['plans', 'plan_items'],
  consultations: [
    'consultation_matters',
    'consultation_matter_counterparts',
    'consultation_items',
    'consultation_replies',
    'consultation_extensions',
    'consultation_item_events',
    'notifications',
  ],
} as const satisfies Record<string, readonly StampedTable[]>;
type Group = keyof typeof GROUPS;

/** ledger_records.details_json keeps stamps of its own (minutes held, topic taken up, results adopted). */
const DETAIL_STAMPS = ['heldAt', 'takenUpAt', 'adoptedAt'] as const;

/**
 * Move the stamps a service call wrote (values ≥ `since`, the instant before the call) in the tables of `group`
 * to `at`. Never the audit trail.
 */
export async function backdate(db: Kysely<Database>, group: Group, since: string, at: string): Promise<void> {
  const stamp = at < since ? at : since;
  await db.transaction().execute(async (trx) => {
    if (group === 'ledger') await backdateDetails(trx, since, stamp);
    for (const table of GROUPS[group] as readonly StampedTable[]) {
      const columns: readonly string[] = STAMPED[table];
      const sets = columns.map(
        (c) => sql`${sql.ref(c)} = case when ${sql.ref(c)} >= ${since} then ${stamp} else ${sql.ref(c)} end`,
      );
      const touched = columns.map((c) => sql`${sql.ref(c)} >= ${since}`);
      await sql`update ${sql.table(table)} set ${sql.join(sets)} where ${sql.join(touched, sql` or `)}`.execute(
        trx,
      );
    }
  });
}

async function backdateDetails(trx: Transaction<Database>, since: string, at: string): Promise<void> {
  const rows = await trx
    .selectFrom('ledger_records')
    .select(['id', 'details_json'])
    .where('updated_at', '>=', since)
    .execute();
  for (const row of rows) {
    const details = JSON.parse(row.details_json) as Record<string, unknown>;
    let changed = false;
    for (const key of DETAIL_STAMPS) {
      const v = details[key];
      if (typeof v === 'string' && v >= since) {
        details[key] = at;
        changed = true;
      }
    }
    if (changed) {
      await trx
        .updateTable('ledger_records')
        .set({ details_json: JSON.stringify(details) })
        .where('id', '=', row.id)
        .execute();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The district as the generator sees it

interface Unit {
  id: number;
  name: string;
  kind: 'department' | 'counterpart';
  people: UnitPeople;
  ctx: RequestContext | null;
}

/** 姓名（单位职务）, as attendance lists name people. */
function attendee(unit: Unit, p: PersonSpec): string {
  return p.position.startsWith('区知联会')
    ? `${p.name}（${p.position}）`
    : `${p.name}（${unit.name}${p.position}）`;
}

const emptyKinds = (): Record<LedgerKind, number> =>
  Object.fromEntries(LEDGER_KINDS.map((k) => [k, 0])) as Record<LedgerKind, number>;

class DemoYear {
  readonly rng = random(20_190_522); // 奉政发〔2019〕47号, 2019年5月22日
  readonly units = new Map<string, Unit>();
  /** the counterpart each department is paired with in the year (附件1 pairs each with one) */
  readonly pairs = new Map<number, Unit>();
  tzb: RequestContext | null = null;
  /** distinct names for everyone the demo needs */
  readonly makeName = nameMaker(this.rng);
  readonly summary: DemoYearSummary;

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

  // -------------------------------------------------------------------------------------------------------
  // 责任人 (四(二)): each unit's 联络员 enters its three persons in January

  async rosters(): Promise<void> {
    let order = 0;
    for (const unit of this.units.values()) {
      const ctx = unit.ctx;
      if (!ctx) continue;
      const exists = await this.db
        .selectFrom('responsible_persons')
        .select('id')
        .where('organisation_id', '=', unit.id)
        .limit(1)
        .executeTakeFirst();
      if (exists) continue;
      const day = this.clock.onWorkday(this.clock.at('01-12') + Math.floor(order++ / 2) * DAY);
      const [hh, mm] = this.officeTime().split(':').map(Number) as [number, number];
      let t = day + ((hh - 9) * 60 + mm) * 60_000;
      for (const role of ['principal', 'leader', 'liaison'] as const) {
        const p = unit.people[role];
        await this.as(t, 'roster', () =>
          updateRosterPerson(
            ctx,
            unit.id,
            role,
            UpdateRosterPersonRequest.parse({
              name: p.name,
              position: p.position,
              officePhone: p.officePhone,
              mobile: p.mobile,
              servedFrom: p.servedFrom,
            }),
          ),
        );
        t += 4 * 60_000;
        this.summary.roster.persons += 1;
      }
      this.summary.roster.units += 1;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // 登记报送 (附件2): the round, every unit's form, two returned, two late, one never filed; closed in July

  async filings(): Promise<void> {
    const tzb = this.tzb;
    if (!tzb) return;
    const year = this.clock.year;
    const existing = await this.db
      .selectFrom('filing_rounds')
      .select('id')
      .where('region_id', '=', tzb.actor.regionId)
      .where('year', '=', year)
      .executeTakeFirst();
    if (existing) return;
    const c = this.clock;
    const round = await this.as(c.at('05-06 09:30'), 'filings', () =>
      createRound(tzb, CreateFilingRoundRequest.parse({ year, deadline: `${year}-06-05` })),
    );
    const returned: Record<string, { reason: string; wrong: (p: UnitPeople) => SaveFilingRequest }> = {
      区司法局: {
        reason: '联络员联系电话少一位，请核对后重新报送',
        wrong: (p) => this.form(p, { liaisonPhone: p.liaison.officePhone.slice(0, -1) }),
      },
      民盟奉化支部: {
        reason: '分管领导应填写分管对口联系工作的副主委，请核实后重新报送',
        wrong: (p) =>
          SaveFilingRequest.parse({
            leader: {
              name: p.principal.name,
              position: p.principal.position,
              phone: p.principal.officePhone,
            },
            liaison: { name: p.liaison.name, position: p.liaison.position, phone: p.liaison.mobile },
          }),
      },
    };
    const late: Record<string, When> = { 区统计局: '06-12', 区综合执法局: '06-16' };
    const never = new Set(['区税务局']);
    const drafts = new Set(['区卫生健康局', '区农业农村局', '无党派人士', '区民政局']);
    const units = [...this.units.values()];
    this.summary.filing.units = units.length;
    // on-time units spread over the four weeks before the deadline
    const onTime = units.filter((u) => !returned[u.name] && !late[u.name] && !never.has(u.name));
    const slots = onTime.map((_, i) =>
      c.onWorkday(c.at('05-11') + Math.floor((i * 24) / onTime.length) * DAY),
    );
    const slotOf = new Map(onTime.map((u, i) => [u.name, slots[i] as number]));
    for (const unit of units) {
      const ctx = unit.ctx;
      if (!ctx) continue;
      if (never.has(unit.name)) {
        this.summary.filing.notStarted.push(unit.name);
        continue;
      }
      const right = this.form(unit.people, {});
      const fix = returned[unit.name];
      let submitted = fix
        ? c.onWorkday(c.at(unit.kind === 'counterpart' ? '05-25' : '05-19', this.officeTime()))
        : late[unit.name]
          ? c.at(late[unit.name] as When, this.officeTime())
          : (slotOf.get(unit.name) as number) + this.rng.int(0, 7) * 3600_000;
      if (drafts.has(unit.name)) {
        await this.as(submitted - 2 * DAY, 'filings', () =>
          saveFiling(ctx, round.id, unit.id, fix ? fix.wrong(unit.people) : right),
        );
      }
      await this.submit(ctx, round.id, unit.id, submitted, fix ? fix.wrong(unit.people) : right);
      if (fix) {
        const back = c.workdaysAfter(submitted, 2, '10:30');
        await this.as(back, 'filings', () => returnFiling(tzb, round.id, unit.id, { reason: fix.reason }));
        submitted = c.workdaysAfter(back, 2, '15:00');
        await this.submit(ctx, round.id, unit.id, submitted, right);
        this.summary.filing.returnedThenFiled += 1;
      }
      if (late[unit.name]) this.summary.filing.submittedLate += 1;
      const filed = c.workdaysAfter(submitted, this.rng.int(1, 3), '10:00');
      await this.as(filed, 'filings', () => fileFiling(tzb, round.id, unit.id, null));
      this.summary.filing.filed += 1;
    }
    if (c.past(c.at('07-31 17:00'))) {
      await this.as(c.at('07-31 17:00'), 'filings', () => closeRound(tzb, round.id));
      this.summary.filing.closed = true;
    }

    // 人员如有变动，应及时调整并报告: 区教育局's 联络员 changes in September, after its form was filed
    const jiaoyu = this.units.get('区教育局');
    if (jiaoyu?.ctx && c.past(c.at('09-04 10:00'))) {
      const successor: PersonSpec = {
        name: this.makeName(),
        position: '办公室副主任',
        officePhone: jiaoyu.people.liaison.officePhone,
        mobile: `139${String(this.rng.int(10000000, 99999999))}`,
        servedFrom: `${year}-09-01`,
      };
      const reportedAt = c.at('09-02 10:00');
      const ctx = jiaoyu.ctx;
      await this.as(reportedAt, 'roster', () =>
        updateRosterPerson(
          ctx,
          jiaoyu.id,
          'liaison',
          UpdateRosterPersonRequest.parse({
            name: successor.name,
            position: successor.position,
            officePhone: successor.officePhone,
            mobile: successor.mobile,
            servedFrom: successor.servedFrom,
            reason: `原联络员${jiaoyu.people.liaison.name}调任区教师发展中心，由办公室副主任${successor.name}接任联络员。`,
          }),
        ),
      );
      const report = await this.db
        .selectFrom('change_reports')
        .select('id')
        .where('organisation_id', '=', jiaoyu.id)
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      await this.as(c.at('09-04 10:00'), 'roster', () =>
        acknowledgeChangeReport(tzb, report.id, { note: '已备案，请新任联络员做好工作衔接。' }),
      );
      this.summary.roster.changeReports += 1;
    }
  }

  /** 附件2 as the roster says: the 分管领导's office line, the 联络员's mobile. */
  form(p: UnitPeople, o: { liaisonPhone?: string }): SaveFilingRequest {
    return SaveFilingRequest.parse({
      leader: { name: p.leader.name, position: p.leader.position, phone: p.leader.officePhone },
      liaison: {
        name: p.liaison.name,
        position: p.liaison.position,
        phone: o.liaisonPhone ?? p.liaison.mobile,
      },
    });
  }

  /** Submit, then put right what the submission derived from "now": lateness and its note. */
  async submit(
    ctx: RequestContext,
    roundId: number,
    organisationId: number,
    t: number,
    input: SaveFilingRequest,
  ): Promise<void> {
    const since = new Date().toISOString();
    await submitFiling(ctx, roundId, organisationId, input);
    const filing = await this.db
      .selectFrom('filings as f')
      .innerJoin('filing_rounds as r', 'r.id', 'f.round_id')
      .select(['f.id', 'f.first_submitted_at', 'r.deadline'])
      .where('f.round_id', '=', roundId)
      .where('f.organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    const first =
      filing.first_submitted_at && filing.first_submitted_at < since ? filing.first_submitted_at : null;
    const late = isAfterDeadline(filing.deadline, localDate(first ?? this.clock.iso(t)));
    await this.db
      .updateTable('filings')
      .set({ submitted_late: late ? 1 : 0 })
      .where('id', '=', filing.id)
      .execute();
    if (!late) {
      await this.db
        .updateTable('filing_events')
        .set({ note: null })
        .where('filing_id', '=', filing.id)
        .where('action', '=', 'submitted')
        .where('at', '>=', since)
        .execute();
    }
    await backdate(this.db, 'filings', since, this.clock.iso(t));
  }

  // -------------------------------------------------------------------------------------------------------
  // 工作台账 and 年度计划

  async ledger(): Promise<void> {
    for (const spec of DEPARTMENT_SPECS) {
      const dept = this.units.get(spec.name);
      const cp = dept ? this.counterpartOf(dept) : undefined;
      if (!dept?.ctx || !cp?.ctx || spec.level === 'empty') continue;
      await this.department(spec, dept, cp);
    }
    for (const a of COUNTERPART_ACTIVITIES) {
      const dept = this.units.get(a.department);
      const cp = this.units.get(a.counterpart);
      if (!dept?.ctx || !cp?.ctx) continue;
      await this.cpInvitation(
        cp,
        dept,
        { title: a.title, at: a.at, place: a.place, summary: a.summary },
        'activity',
      );
    }
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

  async record(t: number, ctx: RequestContext, input: unknown): Promise<number> {
    const parsed = CreateLedgerRecordRequest.parse(input);
    const created = await this.as(t, 'ledger', () => createRecord(ctx, parsed));
    this.summary.ledger.records += 1;
    this.summary.ledger.byKind[parsed.kind] += 1;
    return created.id;
  }

  async department(spec: DeptSpec, dept: Unit, cp: Unit): Promise<void> {
    const c = this.clock;
    const deptCtx = dept.ctx as RequestContext;
    const cpSpec = COUNTERPART_SPECS.find((s) => s.name === cp.name);
    const base = { departmentId: dept.id, counterpartIds: [cp.id] };

    // the department's own annual meeting, before the plan
    if (spec.annualMeeting) {
      await this.deptInvitation(dept, cp, {
        kind: 'invitation',
        subtype: 'meeting',
        title: `${dept.name}${c.year}年度工作会议`,
        at: spec.annualMeeting,
        place: '区行政中心1号会议室',
        summary: `总结${c.year - 1}年工作，部署${c.year}年重点任务，${cp.name}负责人应邀出席。`,
      });
    }
    // invited to the counterpart's annual meeting
    if (cpSpec) await this.cpInvitation(cp, dept, cpSpec.meeting, 'meeting', spec.cpMeeting?.decline);

    // the year's plan: the items the records below fulfil, the 工作要点 notice, and what nothing fulfils
    const workPointsAt =
      spec.workPoints === false
        ? null
        : spec.workPoints
          ? c.at(spec.workPoints)
          : spec.symposium
            ? c.onWorkday(c.at(spec.symposium, '10:00') + 8 * DAY)
            : null;
    const workPointsItem = `抄送${c.year}年工作要点等重要文件`;
    const items: { kind: LedgerKind; title: string; month: number }[] = [];
    const monthOf = (t: number) => Number(c.date(t).slice(5, 7));
    if (workPointsAt !== null)
      items.push({ kind: 'notice', title: workPointsItem, month: monthOf(workPointsAt) });
    for (const r of spec.records) {
      if (r.plan) items.push({ kind: r.kind, title: r.plan, month: monthOf(c.at(r.at)) });
    }
    for (const o of spec.open ?? []) items.push(o);
    items.sort((a, b) => a.month - b.month);

    // the 对口联系工作座谈会 that agreed the plan
    let symposiumId: number | null = null;
    let planAt = spec.planOn ? c.at(spec.planOn, '16:00') : null;
    if (spec.symposium) {
      const at = c.onWorkday(c.at(spec.symposium, '14:30'));
      symposiumId = await this.record(at - 7 * DAY, deptCtx, {
        ...base,
        kind: 'symposium',
        title: `${c.year}年度对口联系工作座谈会`,
        startsAt: c.iso(at),
        endsAt: c.iso(at + 2 * 3600_000),
        place: spec.room,
        summary: '交流通报工作情况，研究确定年度对口联系工作计划。',
      });
      if (c.past(at + 3 * 3600_000)) {
        const minutes = this.minutes(spec, dept, cp, at, items);
        await this.as(at + 3 * 3600_000, 'ledger', () =>
          recordMinutes(deptCtx, symposiumId as number, MinutesRequest.parse({ minutes })),
        );
      }
      planAt = c.workdaysAfter(at, 2, '16:00');
    }
    const planItemIds = new Map<string, number>();
    if (planAt !== null && c.past(planAt)) {
      const plan = await this.as(planAt, 'plans', () =>
        createPlan(
          deptCtx,
          CreatePlanRequest.parse({
            departmentId: dept.id,
            year: c.year,
            symposiumId,
            note: spec.symposium
              ? `经${c.cn(c.at(spec.symposium)).slice(5)}对口联系工作座谈会研究确定。`
              : `经与${cp.name}沟通商定（未召开座谈会）。`,
            items: items.map((i) => ({ kind: i.kind, title: i.title, targetMonth: i.month })),
          }),
        ),
      );
      for (const i of plan.items) planItemIds.set(i.title, i.id);
      this.summary.ledger.plans += 1;
      this.summary.ledger.planItems += plan.items.length;
    }

    if (workPointsAt !== null) {
      await this.notice(
        spec,
        dept,
        cp,
        {
          kind: 'notice',
          subtype: 'policy',
          title: `${dept.name}${c.year}年工作要点`,
          at: c.when(workPointsAt),
          numbered: true,
        },
        planItemIds.get(workPointsItem),
      );
    }

    for (const r of spec.records) {
      const planItemId = r.plan ? planItemIds.get(r.plan) : undefined;
      switch (r.kind) {
        case 'invitation':
          await this.deptInvitation(dept, cp, r, planItemId);
          break;
        case 'notice':
          await this.notice(spec, dept, cp, r, planItemId);
          break;
        case 'research':
          await this.research(dept, cp, r, planItemId);
          break;
        case 'service':
          await this.service(dept, cp, r, planItemId);
          break;
        case 'symposium': {
          const at = c.at(r.at);
          const id = await this.record(c.ahead(at - 7 * DAY), deptCtx, {
            ...base,
            kind: 'symposium',
            title: r.title,
            startsAt: c.iso(at),
            endsAt: c.iso(at + 2 * 3600_000),
            place: r.place ?? spec.room,
            summary: r.summary ?? null,
            planItemId: planItemId ?? null,
          });
          if (r.minutes && c.past(at + 3 * 3600_000)) {
            const minutes = [
              `${r.title}纪要`,
              '',
              `时间：${c.cn(at)}下午`,
              `地点：${r.place ?? spec.room}`,
              `参加人员：${attendee(dept, dept.people.leader)}、${attendee(dept, dept.people.liaison)}；${attendee(cp, cp.people.leader)}、${attendee(cp, cp.people.liaison)}`,
              '',
              `一、${dept.name}通报了年度对口联系工作计划上半年执行情况。`,
              `二、${cp.name}对${spec.focus}等工作提出意见建议，双方商定下半年联合开展的活动。`,
              '三、会议明确对尚未完成的计划事项落实责任人和时间节点。',
            ].join('\n');
            await this.as(at + 3 * 3600_000, 'ledger', () =>
              recordMinutes(deptCtx, id, MinutesRequest.parse({ minutes })),
            );
          }
          break;
        }
      }
    }
  }

  minutes(
    spec: DeptSpec,
    dept: Unit,
    cp: Unit,
    at: number,
    items: { title: string; month: number }[],
  ): string {
    const c = this.clock;
    const p = dept.people;
    const q = cp.people;
    return [
      `${c.year}年度对口联系工作座谈会纪要`,
      '',
      `时间：${c.cn(at)}下午`,
      `地点：${spec.room}`,
      `参加人员：${attendee(dept, p.principal)}、${attendee(dept, p.leader)}、${attendee(dept, p.liaison)}；${attendee(cp, q.principal)}、${attendee(cp, q.leader)}、${attendee(cp, q.liaison)}`,
      `主持：${p.leader.name}`,
      '',
      `一、${dept.name}通报了${c.year - 1}年度对口联系工作开展情况，介绍了${c.year}年${spec.focus}等重点工作安排。`,
      `二、${cp.name}介绍了本年度参政议政重点课题，围绕部门重点工作提出意见建议。`,
      `三、双方研究确定${c.year}年度对口联系工作计划，共${items.length}项：${items.map((i, k) => `（${k + 1}）${i.title}（${i.month}月）`).join('；')}。`,
      '四、双方明确由联络员负责日常联系，重要会议、文件及时互通，重大事项出台前先行协商。',
    ].join('\n');
  }

  /** A department invites its counterpart's leader; the counterpart replies; the department records who came. */
  async deptInvitation(
    dept: Unit,
    cp: Unit,
    r: Extract<RecordSpec, { kind: 'invitation' }>,
    planItemId?: number,
  ): Promise<void> {
    const c = this.clock;
    const at = c.onWorkday(c.at(r.at));
    const sent = c.ahead(c.workdaysAfter(at - 10 * DAY, 0, '10:00'));
    const id = await this.record(sent, dept.ctx as RequestContext, {
      kind: 'invitation',
      direction: 'dept_to_cp',
      subtype: r.subtype,
      departmentId: dept.id,
      counterpartIds: [cp.id],
      title: r.title,
      startsAt: c.iso(at),
      endsAt: c.iso(at + 2 * 3600_000),
      place: r.place,
      planItemId: planItemId ?? null,
    });
    const who = attendee(cp, r.subtype === 'affairs' ? cp.people.principal : cp.people.leader);
    const replied = this.replyTime(sent, at, 3);
    if (!c.past(replied)) return;
    await this.as(replied, 'ledger', () =>
      replyToInvitation(
        cp.ctx as RequestContext,
        id,
        ReplyRequest.parse(
          r.decline ? { reply: 'decline', note: r.decline } : { reply: 'attend', attendees: who },
        ),
      ),
    );
    const recorded = c.workdaysAfter(at, 1, '11:00');
    if (!c.past(recorded)) return;
    await this.as(recorded, 'ledger', () =>
      recordAttendance(
        dept.ctx as RequestContext,
        id,
        AttendanceRequest.parse({
          attendance: [{ organisationId: cp.id, attended: !r.decline, attendees: r.decline ? null : who }],
          summary: r.summary ?? `${cp.name}负责人应邀出席。`,
        }),
      ),
    );
  }

  /** An invitee answers a few working days after the invitation, and before the event in any case. */
  replyTime(sent: number, event: number, days: number): number {
    const t = this.clock.workdaysAfter(sent, this.rng.int(1, days), this.officeTime());
    return t < event - 3 * 3600_000 ? t : sent + 2 * 3600_000;
  }

  /** A counterpart invites the department's leader to its meeting or activity. */
  async cpInvitation(
    cp: Unit,
    dept: Unit,
    m: { title: string; at: When; place: string; summary: string },
    subtype: 'meeting' | 'activity',
    decline?: string,
  ): Promise<void> {
    const c = this.clock;
    const at = c.at(m.at);
    const sent = c.ahead(c.workdaysAfter(at - 9 * DAY, 0, '15:00'));
    const id = await this.record(sent, cp.ctx as RequestContext, {
      kind: 'invitation',
      direction: 'cp_to_dept',
      subtype,
      departmentId: dept.id,
      counterpartIds: [cp.id],
      title: m.title,
      startsAt: c.iso(at),
      endsAt: c.iso(at + 3 * 3600_000),
      place: m.place,
    });
    const who = attendee(dept, dept.people.leader);
    const replied = this.replyTime(sent, at, 4);
    if (!c.past(replied)) return;
    await this.as(replied, 'ledger', () =>
      replyToInvitation(
        dept.ctx as RequestContext,
        id,
        ReplyRequest.parse(
          decline ? { reply: 'decline', note: decline } : { reply: 'attend', attendees: who },
        ),
      ),
    );
    const recorded = c.workdaysAfter(at, 1, '10:30');
    if (!c.past(recorded)) return;
    await this.as(recorded, 'ledger', () =>
      recordAttendance(
        cp.ctx as RequestContext,
        id,
        AttendanceRequest.parse({
          attendance: [{ organisationId: dept.id, attended: !decline, attendees: decline ? null : who }],
          summary: m.summary || null,
        }),
      ),
    );
  }

  /** notices sent so far: every third one is signed for first and read later */
  notices = 0;
  readonly docNumbers = new Map<string, number>();

  /** The next 文号 of a department: 奉卫健〔2026〕17号. */
  docNumber(prefix: string): string {
    const n = (this.docNumbers.get(prefix) ?? this.rng.int(2, 9)) + this.rng.int(3, 14);
    this.docNumbers.set(prefix, n);
    return `${prefix}〔${this.clock.year}〕${n}号`;
  }

  async notice(
    spec: DeptSpec,
    dept: Unit,
    cp: Unit,
    r: Extract<RecordSpec, { kind: 'notice' }>,
    planItemId?: number,
  ): Promise<void> {
    const c = this.clock;
    const at = c.onWorkday(c.at(r.at, '10:00'));
    if (!c.past(at)) return;
    this.notices += 1;
    const id = await this.record(at, dept.ctx as RequestContext, {
      kind: 'notice',
      subtype: r.subtype,
      departmentId: dept.id,
      counterpartIds: [cp.id],
      title: r.title,
      startsAt: c.iso(at),
      docNumber: r.numbered ? this.docNumber(spec.doc) : null,
      planItemId: planItemId ?? null,
    });
    const ack = r.ack ?? 'read';
    if (ack === 'none') return;
    const cpCtx = cp.ctx as RequestContext;
    const signed = c.workdaysAfter(at, this.rng.int(0, 1), this.officeTime());
    const received = signed > at ? signed : at + 90 * 60_000;
    if (!c.past(received)) return;
    // most are read as they arrive; some are signed for first and read later
    const later = ack === 'read' && this.notices % 3 === 0;
    await this.as(received, 'ledger', () =>
      acknowledgeNotice(cpCtx, id, ReceiptRequest.parse({ read: ack === 'read' && !later })),
    );
    const read = c.workdaysAfter(received, 2, '15:30');
    if (later && c.past(read)) {
      await this.as(read, 'ledger', () => acknowledgeNotice(cpCtx, id, ReceiptRequest.parse({ read: true })));
    }
  }

  async research(
    dept: Unit,
    cp: Unit,
    r: Extract<RecordSpec, { kind: 'research' }>,
    planItemId?: number,
  ): Promise<void> {
    const c = this.clock;
    const at = c.onWorkday(c.at(r.at));
    if (!c.past(at)) return;
    const host = r.host === 'cp' ? cp : dept;
    const team =
      r.subtype === 'offered'
        ? undefined
        : {
            department: [dept.people.leader.name, dept.people.liaison.name, this.makeName()],
            counterpart: [cp.people.leader.name, this.makeName(), this.makeName()],
          };
    const id = await this.record(at, host.ctx as RequestContext, {
      kind: 'research',
      subtype: r.subtype,
      departmentId: dept.id,
      counterpartIds: [cp.id],
      title: r.title,
      startsAt: c.iso(at),
      summary: r.summary,
      team,
      planItemId: planItemId ?? null,
    });
    if (r.takenUp) {
      const taken = c.at(r.takenUp);
      if (!c.past(taken)) return;
      await this.as(taken, 'ledger', () => takeUpTopic(cp.ctx as RequestContext, id));
    }
    if (r.adoption && c.past(c.at(r.adoption.at))) {
      const a = r.adoption;
      await this.as(c.at(a.at), 'ledger', () =>
        recordAdoption(
          dept.ctx as RequestContext,
          id,
          AdoptionRequest.parse({ adoption: a.value, note: a.note, instruction: a.instruction }),
        ),
      );
    }
  }

  async service(
    dept: Unit,
    cp: Unit,
    r: Extract<RecordSpec, { kind: 'service' }>,
    planItemId?: number,
  ): Promise<void> {
    const c = this.clock;
    const at = c.at(r.at);
    const entered = c.workdaysAfter(at, 1, '16:00');
    if (!c.past(entered)) return;
    const host = r.host === 'cp' ? cp : dept;
    await this.record(entered, host.ctx as RequestContext, {
      kind: 'service',
      subtype: r.subtype,
      departmentId: dept.id,
      counterpartIds: [cp.id],
      title: r.title,
      startsAt: c.iso(at),
      endsAt: c.iso(at + 3 * 3600_000),
      place: r.place,
      summary: r.figures.outcome,
      service: r.figures,
      planItemId: planItemId ?? null,
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // 重大事项民主协商

  async consultations(): Promise<void> {
    const c = this.clock;
    const tzb = this.tzb;
    if (!tzb) return;
    const existing = await this.db
      .selectFrom('consultation_matters')
      .select('id')
      .where('region_id', '=', tzb.actor.regionId)
      .where('year', '=', c.year)
      .limit(1)
      .executeTakeFirst();
    if (existing) return;
    for (const m of MATTER_SPECS) {
      const dept = this.units.get(m.department);
      if (!dept?.ctx || !c.past(c.at(m.created))) continue;
      await this.matter(m, dept, tzb);
    }
  }

  async matter(m: MatterSpec, dept: Unit, tzb: RequestContext): Promise<void> {
    const c = this.clock;
    const ctx = dept.ctx as RequestContext;
    const own = this.counterpartOf(dept);
    const consulted = [own, ...(m.alsoConsult ?? []).map((n) => this.unit(n))].filter(
      (u): u is Unit => u !== undefined,
    );
    const matter = await this.as(c.at(m.created), 'consultations', () =>
      createMatter(
        ctx,
        CreateMatterRequest.parse({
          departmentId: dept.id,
          kind: m.kind,
          title: m.title,
          summary: m.summary,
          plannedDecisionDate: m.plannedDecision ? c.date(c.at(m.plannedDecision)) : null,
          counterpartIds: consulted.map((u) => u.id),
        }),
      ),
    );
    this.summary.consultations.matters += 1;
    const decide = async () => {
      const d = m.decision;
      if (!d || !c.past(c.at(d.at))) return;
      const result = await this.as(c.at(d.at), 'consultations', () =>
        recordDecision(ctx, matter.id, DecisionRequest.parse({ decidedAt: c.iso(c.at(d.at)), note: d.note })),
      );
      if (result.violation) this.summary.consultations.violations += 1;
    };
    const s = m.symposium;
    const decidedFirst = m.decision && s && c.at(m.decision.at) < c.at(s.at);
    if (decidedFirst) await decide();
    let heldOn: number | null = null;
    if (s && c.past(c.at(s.invited))) {
      await this.as(c.at(s.invited), 'consultations', () =>
        scheduleSymposium(
          ctx,
          matter.id,
          ScheduleSymposiumRequest.parse({ scheduledAt: c.iso(c.at(s.at)), place: s.place }),
        ),
      );
      const held = c.at(s.at) + 2 * 3600_000;
      if (s.held && c.past(held)) {
        const attendees = [
          [dept.people.leader, dept.people.liaison].map((p) => attendee(dept, p)).join('、'),
          ...consulted.map((u) => [u.people.leader, u.people.liaison].map((p) => attendee(u, p)).join('、')),
        ].join('；');
        await this.as(held, 'consultations', () =>
          holdSymposium(
            ctx,
            matter.id,
            HoldSymposiumRequest.parse({ heldAt: c.iso(c.at(s.at)), attendees, minutes: s.minutes }),
          ),
        );
        heldOn = c.at(s.at);
        this.summary.consultations.symposiaHeld += 1;
      }
    }
    for (const item of m.items) {
      const author = item.from ? this.unit(item.from) : consulted[0];
      if (!author?.ctx) continue;
      await this.item(matter.id, dept, author, item, heldOn, tzb);
    }
    if (!decidedFirst) await decide();
  }

  async item(
    matterId: number,
    dept: Unit,
    author: Unit,
    spec: ItemSpec,
    heldOn: number | null,
    tzb: RequestContext,
  ): Promise<void> {
    const c = this.clock;
    const deptCtx = dept.ctx as RequestContext;
    const authorCtx = author.ctx as RequestContext;
    let received: number;
    if (spec.source === 'symposium') {
      if (heldOn === null) return;
      received = heldOn + 2 * 3600_000;
    } else {
      received = c.at(spec.received ?? '01-01', '11:00');
    }
    if (!c.past(received)) return;
    // raised at the symposium: typed in by the department; in writing: by the counterpart's 联络员
    const byDept = spec.source === 'symposium';
    const screen = await this.as(received + (byDept ? 3600_000 : 0), 'consultations', () =>
      createItem(
        byDept ? deptCtx : authorCtx,
        matterId,
        CreateItemRequest.parse({
          counterpartId: author.id,
          source: spec.source,
          text: spec.text,
          receivedOn: c.date(received),
        }),
      ),
    );
    const id = screen.item.id;
    this.summary.consultations.items += 1;

    if (spec.extension) {
      const e = spec.extension;
      const asked = c.workdaysAfter(received, e.after, '10:00');
      if (c.past(asked)) {
        await this.as(asked, 'consultations', () =>
          requestExtension(deptCtx, id, ExtensionRequest.parse({ reason: e.reason, days: e.days })),
        );
        const granted = c.workdaysAfter(asked, 1, '15:00');
        if (c.past(granted)) {
          await this.as(granted, 'consultations', () =>
            grantExtension(tzb, id, GrantExtensionRequest.parse({ note: e.granted })),
          );
          this.summary.consultations.extensions += 1;
        }
      }
    }
    if (!spec.reply) return;
    const replied = c.workdaysAfter(received, spec.reply.after, '16:30');
    if (!(await this.reply(id, deptCtx, replied, spec.reply, spec.analysis))) return;
    if (!spec.verdict) return;
    const rated = c.workdaysAfter(replied, spec.verdict.after, '10:00');
    if (!(await this.verdict(id, authorCtx, rated, spec.verdict))) return;
    if (!spec.second) return;
    const again = c.workdaysAfter(rated, spec.second.reply.after, '16:30');
    if (!(await this.reply(id, deptCtx, again, spec.second.reply))) return;
    if (spec.second.verdict) {
      await this.verdict(
        id,
        authorCtx,
        c.workdaysAfter(again, spec.second.verdict.after, '10:00'),
        spec.second.verdict,
      );
    }
  }

  /** Reply, then put right what the reply derived from "now": its date, whether it was on time, the event note. */
  async reply(
    id: number,
    ctx: RequestContext,
    t: number,
    r: NonNullable<ItemSpec['reply']>,
    analysis?: string,
  ): Promise<boolean> {
    if (!this.clock.past(t)) return false;
    const since = new Date().toISOString();
    await replyToItem(
      ctx,
      id,
      ItemReplyRequest.parse({ replyClass: r.class, text: r.text, reason: r.reason, analysis }),
    );
    const row = await this.db
      .selectFrom('consultation_replies')
      .select(['id', 'due_date'])
      .where('item_id', '=', id)
      .orderBy('round', 'desc')
      .executeTakeFirstOrThrow();
    const day = this.clock.date(t);
    const onTime = day <= row.due_date;
    await this.db
      .updateTable('consultation_replies')
      .set({ replied_on: day, on_time: onTime ? 1 : 0 })
      .where('id', '=', row.id)
      .execute();
    await this.db
      .updateTable('consultation_item_events')
      .set({ note: `${REPLY_CLASS_LABELS[r.class].zh}${onTime ? '' : `（逾期，期限 ${row.due_date}）`}` })
      .where('item_id', '=', id)
      .where('action', '=', 'replied')
      .where('at', '>=', since)
      .execute();
    await backdate(this.db, 'consultations', since, this.clock.iso(t));
    this.summary.consultations.replies += 1;
    return true;
  }

  /** The counterpart's verdict; a 二次办理 is due N working days after the verdict's (backdated) day. */
  async verdict(
    id: number,
    ctx: RequestContext,
    t: number,
    v: NonNullable<ItemSpec['verdict']>,
  ): Promise<boolean> {
    if (!this.clock.past(t)) return false;
    const since = new Date().toISOString();
    await rateReply(ctx, id, VerdictRequest.parse({ verdict: v.verdict, comment: v.comment }));
    if (v.verdict === 'not_satisfied') {
      const item = await this.db
        .selectFrom('consultation_items as i')
        .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
        .innerJoin('regions as r', 'r.id', 'm.region_id')
        .select(['i.due_date', 'r.path'])
        .where('i.id', '=', id)
        .executeTakeFirstOrThrow();
      const { replyWorkingDays } = await consultationSettingsFor(this.db, item.path);
      const due = addWorkingDays(this.clock.date(t), replyWorkingDays);
      await this.db.updateTable('consultation_items').set({ due_date: due }).where('id', '=', id).execute();
      await this.db
        .updateTable('consultation_item_events')
        .set({ note: `二次办理，答复期限 ${due}` })
        .where('item_id', '=', id)
        .where('action', '=', 'reopened')
        .where('at', '>=', since)
        .execute();
      await this.db
        .updateTable('notifications')
        .set({ body: sql<string>`replace(body, ${item.due_date}, ${due})` })
        .where('created_at', '>=', since)
        .execute();
    }
    await backdate(this.db, 'consultations', since, this.clock.iso(t));
    this.summary.consultations.verdicts += 1;
    return true;
  }

  // -------------------------------------------------------------------------------------------------------

  /** Notifications older than two weeks were read by their users (a day after they came). */
  async readOldNotifications(): Promise<void> {
    const cutoff = this.clock.iso(this.clock.at(AS_OF, '18:00') - 14 * DAY);
    const rows = await this.db
      .selectFrom('notifications')
      .select(['id', 'created_at'])
      .where('read_at', 'is', null)
      .where('created_at', '<', cutoff)
      .execute();
    await this.db.transaction().execute(async (trx) => {
      for (const r of rows) {
        const read = new Date(Date.parse(r.created_at) + DAY).toISOString();
        await trx.updateTable('notifications').set({ read_at: read }).where('id', '=', r.id).execute();
      }
    });
  }
}

/**
 * The demo year for the district seeded by `loadSeedPairingList` and `seedDemo`'s accounts. Idempotent: when
 * the year already has ledger records nothing is written. The year must be the current one (matters are
 * registered in the year of the clock).
 */
export async function seedDemoYear(
  db: Kysely<Database>,
  year: number,
  now: Date = new Date(),
): Promise<DemoYearSummary> {
  const started = performance.now();
  const current = Number(shanghaiDate(now.toISOString()).slice(0, 4));
  if (year !== current) throw new Error(`the demo year must be the current year (${current}), not ${year}`);
  const demo = new DemoYear(db, makeClock(year, now.getTime()));
  const any = await db
    .selectFrom('ledger_records')
    .select('id')
    .where('year', '=', year)
    .limit(1)
    .executeTakeFirst();
  if (any) {
    demo.summary.skipped = true;
    return demo.summary;
  }
  await demo.load();
  await demo.loadPairs();
  await demo.rosters();
  await demo.filings();
  await demo.consultations();
  await demo.ledger();
  await demo.readOldNotifications();
  demo.summary.ms = Math.round(performance.now() - started);
  return demo.summary;
}

/** What `liaison seed-demo` prints about the demo year. */
export function describeDemoYear(s: DemoYearSummary): string[] {
  if (s.skipped) return [`demo year ${s.year}: already has ledger records, nothing added`];
  const kinds = LEDGER_KINDS.map((k) => `${k} ${s.ledger.byKind[k]}`).join(', ');
  const f = s.filing;
  const c = s.consultations;
  return [
    `demo year ${s.year}${s.compressed ? ' (squeezed into the days passed so far)' : ''}, in ${(s.ms / 1000).toFixed(1)} s:`,
    `  roster: ${s.roster.persons} persons of ${s.roster.units} units, ${s.roster.changeReports} change report(s) after filing`,
    `  附件2 round: ${f.filed} of ${f.units} filed (${f.returnedThenFiled} returned then filed, ${f.submittedLate} submitted late), not started: ${f.notStarted.join(', ') || 'none'}${f.closed ? '; closed' : ''}`,
    `  ledger: ${s.ledger.records} records (${kinds}); ${s.ledger.plans} plans with ${s.ledger.planItems} items`,
    `  consultations: ${c.matters} matters (${c.symposiaHeld} symposia held, ${c.violations} 先协商后决策 violation), ${c.items} suggestions, ${c.replies} replies, ${c.verdicts} verdicts, ${c.extensions} extension(s)`,
    `  ${s.idleDepartment} did nothing all year (the dashboard's red row)`,
  ];
}
