// Test support: a random but reproducible year of liaison work in a new district, written straight into the
// tables (as the services would leave them), together with its model — what really happened — so a test can
// check every figure the app prints against it. Dates lie on both sides of "now": things past and ahead,
// held, scheduled and cancelled; pairs that ended, start this year or only next year; counterparts sending
// suggestions to departments they are not paired with; replies on time, late or not yet, two rounds, verdicts.

import type { Kysely } from 'kysely';
import type { ReplyClass, Verdict } from '../../../common/schemas/consultations.js';
import type { Database } from '../../db/schema.js';
import { makeOrganisation, makeOtherDistrict } from '../../test/factories.js';

const DAY = 86_400_000;

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T,
    chance: (p: number) => next() < p,
  };
}

export interface ModelPair {
  d: number;
  c: number;
  from: number;
  to: number | null;
}
export interface ModelRecord {
  id: number;
  kind: 'symposium' | 'invitation' | 'notice' | 'research' | 'service';
  direction: 'dept_to_cp' | 'cp_to_dept' | null;
  d: number;
  cps: number[];
  future: boolean;
  cancelled: boolean;
  minutes: boolean;
  /** invitations: per invitee (a counterpart, or the department) */
  responses: { org: number; reply: 'pending' | 'attend' | 'decline'; attended: 0 | 1 | null }[];
}
export interface ModelMatter {
  id: number;
  d: number;
  cps: { id: number; paired: boolean }[];
  symposium: 'none' | 'scheduled' | 'held';
  /** decided before the symposium was held (or with none held) */
  breach: boolean;
}
export interface ModelItem {
  id: number;
  matter: number;
  d: number;
  c: number;
  /** the author is paired with the department this year */
  paired: boolean;
  firstReply: 'on_time' | 'late' | null;
  /** the class of the latest reply, or null */
  latestClass: 'adopted' | 'partly_adopted' | 'for_reference' | 'not_adopted' | null;
  verdicts: { round: number; verdict: 'satisfied' | 'basically_satisfied' | 'not_satisfied' }[];
}
export interface YearModel {
  year: number;
  regionId: number;
  regionPath: string;
  oversightId: number;
  departments: number[];
  counterparts: number[];
  /** every pairing row written (some not in force this year) */
  pairings: ModelPair[];
  records: ModelRecord[];
  matters: ModelMatter[];
  items: ModelItem[];
}

const inForce = (p: ModelPair, y: number) => p.from <= y && (p.to === null || p.to >= y);
export const pairsInForce = (m: YearModel): ModelPair[] => {
  const seen = new Set<string>();
  return m.pairings.filter((p) => {
    const k = `${p.d}:${p.c}`;
    if (!inForce(p, m.year) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

let districts = 0;

/** Write a generated year for `seed` as of `now`; returns the model of what was written. */
export async function generateYear(db: Kysely<Database>, seed: number, now: Date): Promise<YearModel> {
  const r = prng(seed);
  const nowMs = now.getTime();
  const year = Number(new Date(nowMs + 8 * 3600_000).toISOString().slice(0, 4));
  const yearStart = Date.parse(`${year}-01-01T08:00:00+08:00`);
  const yearEnd = Date.parse(`${year}-12-31T18:00:00+08:00`);
  const canFuture = yearEnd - nowMs > 2 * DAY;
  const canPast = nowMs - yearStart > 2 * DAY;
  const past = () => new Date(yearStart + r.next() * (nowMs - DAY - yearStart));
  const future = () => new Date(nowMs + DAY + r.next() * (yearEnd - nowMs - DAY));
  const when = (wantFuture: boolean) =>
    (wantFuture && canFuture) || !canPast ? { at: future(), future: true } : { at: past(), future: false };
  const date = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

  const base = await makeOtherDistrict(db, `生成区${seed}-${++districts}`);
  const regionPath = base.region.path;
  await db.deleteFrom('pairings').where('id', '=', base.pairing.id).execute();
  const departments = [base.department.id];
  const counterparts = [base.counterpart.id];
  for (let i = 0; i < r.int(2, 4); i++) {
    departments.push((await makeOrganisation(db, { regionId: base.region.id, kind: 'department' })).id);
  }
  for (let i = 0; i < r.int(2, 4); i++) {
    counterparts.push((await makeOrganisation(db, { regionId: base.region.id, kind: 'counterpart' })).id);
  }
  // pairings: most from an earlier year; some start this year, some only next year, some ended last year
  const pairings: ModelPair[] = [];
  for (const d of departments) {
    const cps = [...counterparts].sort(() => r.next() - 0.5).slice(0, r.int(1, 2));
    for (const c of cps) {
      const kind = r.next();
      const p: ModelPair =
        kind < 0.6
          ? { d, c, from: year - r.int(1, 5), to: null }
          : kind < 0.75
            ? { d, c, from: year, to: null }
            : kind < 0.9
              ? { d, c, from: year + 1, to: null }
              : { d, c, from: year - 3, to: year - 1 };
      pairings.push(p);
      await db
        .insertInto('pairings')
        .values({
          region_id: base.region.id,
          counterpart_id: c,
          department_id: d,
          valid_from: p.from,
          valid_to: p.to,
          source: `生成〔${p.from}〕1号`,
          shared: 0,
          end_source: null,
          end_reason: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute();
    }
  }
  const model: YearModel = {
    year,
    regionId: base.region.id,
    regionPath,
    oversightId: base.oversight.id,
    departments,
    counterparts,
    pairings,
    records: [],
    matters: [],
    items: [],
  };
  const active = pairsInForce(model);
  const cpsOf = (d: number) => active.filter((p) => p.d === d).map((p) => p.c);

  // ledger records of the pairs in force
  for (const d of departments) {
    const mine = cpsOf(d);
    if (!mine.length) continue;
    const n = r.int(0, 9);
    for (let i = 0; i < n; i++) {
      const kind = r.pick([
        'symposium',
        'invitation',
        'invitation',
        'notice',
        'research',
        'service',
      ] as const);
      const cps = mine.length > 1 && r.chance(0.3) ? mine : [r.pick(mine)];
      const { at, future: isFuture } = when(r.chance(0.35));
      const cancelled = kind === 'symposium' && r.chance(0.15);
      const minutes = kind === 'symposium' && !isFuture && !cancelled && r.chance(0.6);
      const direction = kind === 'invitation' ? r.pick(['dept_to_cp', 'cp_to_dept'] as const) : null;
      const host = direction === 'cp_to_dept' ? (cps[0] as number) : d;
      const invitees = direction === 'cp_to_dept' ? [d] : direction === 'dept_to_cp' ? cps : [];
      const responses = invitees.map((org) => {
        const reply = r.pick(['pending', 'attend', 'decline'] as const);
        const attended: 0 | 1 | null = isFuture ? null : r.pick([0, 1, null] as const);
        return { org, reply, attended };
      });
      const status = cancelled
        ? 'cancelled'
        : kind === 'symposium'
          ? minutes
            ? 'held'
            : 'scheduled'
          : kind === 'invitation'
            ? responses.some((x) => x.attended !== null)
              ? 'attended'
              : 'open'
            : kind === 'notice'
              ? 'sent'
              : kind === 'research'
                ? 'ongoing'
                : 'done';
      const row = await db
        .insertInto('ledger_records')
        .values({
          region_id: base.region.id,
          department_id: d,
          host_id: host,
          year,
          kind,
          subtype:
            kind === 'research'
              ? 'joint'
              : kind === 'notice'
                ? 'policy'
                : kind === 'service'
                  ? 'other'
                  : 'meeting',
          direction,
          title: `记录${i}“测试”`,
          starts_at: at.toISOString(),
          ends_at: null,
          place: null,
          summary: null,
          status,
          details_json: kind === 'research' ? JSON.stringify({ adoption: 'none' }) : '{}',
          plan_item_id: null,
          created_by: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const c of cps)
        await db
          .insertInto('ledger_record_counterparts')
          .values({ record_id: row.id, counterpart_id: c })
          .execute();
      const recipients = kind === 'notice' ? cps : [];
      // invitees answer (and attend or not); notice recipients sign for it or not
      const rows = [
        ...responses.map((x) => ({
          org: x.org,
          reply: x.reply as string,
          repliedAt: x.reply === 'pending' ? null : now.toISOString(),
          attended: x.attended,
          receivedAt: null as string | null,
        })),
        ...recipients.map((org) => ({
          org,
          reply: 'n/a',
          repliedAt: null,
          attended: null,
          receivedAt: r.chance(0.5) ? at.toISOString() : null,
        })),
      ];
      for (const x of rows) {
        await db
          .insertInto('ledger_responses')
          .values({
            record_id: row.id,
            organisation_id: x.org,
            reply: x.reply,
            reply_attendees: null,
            reply_note: null,
            replied_at: x.repliedAt,
            replied_by: null,
            attended: x.attended,
            attendees: null,
            received_at: x.receivedAt,
            received_by: null,
            read_at: null,
            read_by: null,
          })
          .execute();
      }
      model.records.push({
        id: row.id,
        kind,
        direction,
        d,
        cps,
        future: isFuture,
        cancelled,
        minutes,
        responses,
      });
    }
  }

  // major matters, suggestions (some from counterparts not paired with the department), replies, verdicts
  for (const d of departments) {
    const mine = cpsOf(d);
    if (!mine.length || !r.chance(0.7)) continue;
    for (let i = 0; i < r.int(1, 2); i++) {
      const outsiders = counterparts.filter((c) => !mine.includes(c));
      const cps = [
        ...mine.map((id) => ({ id, paired: true })),
        ...(outsiders.length && r.chance(0.4) ? [{ id: r.pick(outsiders), paired: false }] : []),
      ];
      const symposium = r.pick(['none', 'scheduled', 'held'] as const);
      const heldAt = symposium === 'held' && canPast ? past() : null;
      const sym = symposium === 'held' && !heldAt ? 'none' : symposium;
      const symposiumAt = sym === 'scheduled' ? when(true).at : heldAt;
      let decidedAt: Date | null = null;
      if (canPast && r.chance(0.5)) decidedAt = past();
      const breach =
        decidedAt !== null && (heldAt === null || decidedAt.toISOString() < heldAt.toISOString());
      const m = await db
        .insertInto('consultation_matters')
        .values({
          region_id: base.region.id,
          department_id: d,
          year,
          kind: 'policy',
          title: `事项${i}《规划》`,
          summary: null,
          planned_decision_date: null,
          symposium_status: sym,
          symposium_at: symposiumAt?.toISOString() ?? null,
          symposium_place: null,
          held_at: heldAt?.toISOString() ?? null,
          attendees: null,
          minutes: heldAt ? '纪要' : null,
          decided_at: decidedAt?.toISOString() ?? null,
          decision_note: null,
          created_by: null,
          created_at: new Date(yearStart + DAY).toISOString(),
          updated_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const c of cps) {
        await db
          .insertInto('consultation_matter_counterparts')
          .values({
            matter_id: m.id,
            counterpart_id: c.id,
            paired: c.paired ? 1 : 0,
            invitee: null,
            invited_at: null,
          })
          .execute();
      }
      model.matters.push({ id: m.id, d, cps, symposium: sym, breach });
      if (!canPast) continue;
      for (let k = 0; k < r.int(0, 4); k++) {
        const author = r.pick(cps);
        const receivedOn = date(past());
        const replied = r.chance(0.6);
        const repliedOn = replied ? receivedOn : null;
        const onTime = r.chance(0.6);
        const cls = r.pick(['adopted', 'partly_adopted', 'for_reference', 'not_adopted'] as const);
        const verdict =
          replied && r.chance(0.6)
            ? r.pick(['satisfied', 'basically_satisfied', 'not_satisfied'] as const)
            : null;
        const second = verdict === 'not_satisfied' && r.chance(0.5);
        const cls2 = r.pick(['adopted', 'partly_adopted', 'for_reference', 'not_adopted'] as const);
        const verdict2 =
          second && r.chance(0.5) ? r.pick(['satisfied', 'basically_satisfied'] as const) : null;
        const status = !replied
          ? 'awaiting_reply'
          : verdict === 'not_satisfied' && !second
            ? 'rehandling'
            : verdict
              ? 'closed'
              : 'awaiting_verdict';
        const dueDate = date(new Date(Date.parse(`${receivedOn}T00:00:00+08:00`) + r.int(-20, 40) * DAY));
        const item = await db
          .insertInto('consultation_items')
          .values({
            matter_id: m.id,
            counterpart_id: author.id,
            source: 'written',
            text: `建议${k}`,
            received_on: receivedOn,
            entered_by_org: author.id,
            created_by: null,
            created_at: now.toISOString(),
            status,
            round: second ? 2 : 1,
            due_date: dueDate,
            analysis: null,
            closed_at: null,
            close_note: null,
            closed_by: null,
            updated_at: now.toISOString(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const replies: { round: number; cls: ReplyClass; verdict: Verdict | null }[] = [];
        if (replied) replies.push({ round: 1, cls, verdict });
        if (second) replies.push({ round: 2, cls: cls2, verdict: verdict2 });
        for (const x of replies) {
          await db
            .insertInto('consultation_replies')
            .values({
              item_id: item.id,
              round: x.round,
              reply_class: x.cls,
              text: '答复',
              reason: x.cls === 'not_adopted' ? '理由' : null,
              analysis: null,
              replied_on: repliedOn as string,
              replied_at: now.toISOString(),
              replied_by: null,
              due_date: dueDate,
              on_time: x.round === 1 ? (onTime ? 1 : 0) : 1,
              verdict: x.verdict,
              verdict_comment: null,
              verdict_at: x.verdict ? new Date(nowMs - 60_000).toISOString() : null,
              verdict_by: null,
            })
            .execute();
        }
        model.items.push({
          id: item.id,
          matter: m.id,
          d,
          c: author.id,
          paired: mine.includes(author.id),
          firstReply: replied ? (onTime ? 'on_time' : 'late') : null,
          latestClass: (replies.at(-1)?.cls as ModelItem['latestClass']) ?? null,
          verdicts: replies
            .filter((x) => x.verdict)
            .map((x) => ({ round: x.round, verdict: x.verdict as ModelItem['verdicts'][number]['verdict'] })),
        });
      }
    }
  }
  return model;
}
