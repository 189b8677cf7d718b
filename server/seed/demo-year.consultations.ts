// 重大事项民主协商 of the demo year: the matters, their symposia and decisions, suggestions, replies and verdicts.
import { sql } from 'kysely';
import {
  CreateItemRequest,
  CreateMatterRequest,
  DecisionRequest,
  ExtensionRequest,
  GrantExtensionRequest,
  HoldSymposiumRequest,
  ReplyRequest as ItemReplyRequest,
  ScheduleSymposiumRequest,
  VerdictRequest,
} from '../../common/schemas/consultations.js';
import { addWorkingDays } from '../../common/working-days.js';
import type { RequestContext } from '../context.js';
import {
  consultationSettingsFor,
  createItem,
  createMatter,
  grantExtension,
  holdSymposium,
  itemEventText,
  rateReply,
  recordDecision,
  replyToItem,
  requestExtension,
  scheduleSymposium,
} from '../modules/consultations/index.js';
import { backdate } from './demo-year.backdate.js';
import { attendee, type DemoYear, type Unit } from './demo-year.state.js';
import { type ItemSpec, MATTER_SPECS, type MatterSpec } from './demo-year-content.js';

/** A timeline note's two columns, the backdated due date in both languages. */
const eventNote = (text: { note: string; noteEn: string }) => ({ note: text.note, note_en: text.noteEn });

export async function consultations(y: DemoYear): Promise<void> {
  const c = y.clock;
  const tzb = y.tzb;
  if (!tzb) return;
  const existing = await y.db
    .selectFrom('consultation_matters')
    .select('id')
    .where('region_id', '=', tzb.actor.regionId)
    .where('year', '=', c.year)
    .limit(1)
    .executeTakeFirst();
  if (existing) return;
  for (const m of MATTER_SPECS) {
    const dept = y.units.get(m.department);
    if (!dept?.ctx || !c.past(c.at(m.created))) continue;
    await seedMatter(y, m, dept, tzb);
  }
}

async function seedMatter(y: DemoYear, m: MatterSpec, dept: Unit, tzb: RequestContext): Promise<void> {
  const c = y.clock;
  const ctx = dept.ctx as RequestContext;
  const own = y.counterpartOf(dept);
  const consulted = [own, ...(m.alsoConsult ?? []).map((n) => y.unit(n))].filter(
    (u): u is Unit => u !== undefined,
  );
  const matter = await y.as(c.at(m.created), 'consultations', () =>
    createMatter(
      { ...ctx, asOf: c.iso(c.at(m.created)) },
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
  y.summary.consultations.matters += 1;
  const decide = async () => {
    const d = m.decision;
    if (!d || !c.past(c.at(d.at))) return;
    const result = await y.as(c.at(d.at), 'consultations', () =>
      recordDecision(ctx, matter.id, DecisionRequest.parse({ decidedAt: c.iso(c.at(d.at)), note: d.note })),
    );
    if (result.violation) y.summary.consultations.violations += 1;
  };
  const s = m.symposium;
  const decidedFirst = m.decision && s && c.at(m.decision.at) < c.at(s.at);
  if (decidedFirst) await decide();
  let heldOn: number | null = null;
  if (s && c.past(c.at(s.invited))) {
    await y.as(c.at(s.invited), 'consultations', () =>
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
      await y.as(held, 'consultations', () =>
        holdSymposium(
          ctx,
          matter.id,
          HoldSymposiumRequest.parse({ heldAt: c.iso(c.at(s.at)), attendees, minutes: s.minutes }),
        ),
      );
      heldOn = c.at(s.at);
      y.summary.consultations.symposiaHeld += 1;
    }
  }
  for (const item of m.items) {
    const author = item.from ? y.unit(item.from) : consulted[0];
    if (!author?.ctx) continue;
    await suggestion(y, matter.id, dept, author, item, heldOn, tzb);
  }
  if (!decidedFirst) await decide();
}

async function suggestion(
  y: DemoYear,
  matterId: number,
  dept: Unit,
  author: Unit,
  spec: ItemSpec,
  heldOn: number | null,
  tzb: RequestContext,
): Promise<void> {
  const c = y.clock;
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
  const screen = await y.as(received + (byDept ? 3600_000 : 0), 'consultations', () =>
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
  y.summary.consultations.items += 1;

  if (spec.extension) {
    const e = spec.extension;
    const asked = c.workdaysAfter(received, e.after, '10:00');
    if (c.past(asked)) {
      await y.as(asked, 'consultations', () =>
        requestExtension(deptCtx, id, ExtensionRequest.parse({ reason: e.reason, days: e.days })),
      );
      const granted = c.workdaysAfter(asked, 1, '15:00');
      if (c.past(granted)) {
        await y.as(granted, 'consultations', () =>
          grantExtension(tzb, id, GrantExtensionRequest.parse({ note: e.granted })),
        );
        y.summary.consultations.extensions += 1;
      }
    }
  }
  if (!spec.reply) return;
  const replied = c.workdaysAfter(received, spec.reply.after, '16:30');
  if (!(await reply(y, id, deptCtx, replied, spec.reply, spec.analysis))) return;
  if (!spec.verdict) return;
  const rated = c.workdaysAfter(replied, spec.verdict.after, '10:00');
  if (!(await verdict(y, id, authorCtx, rated, spec.verdict))) return;
  if (!spec.second) return;
  const again = c.workdaysAfter(rated, spec.second.reply.after, '16:30');
  if (!(await reply(y, id, deptCtx, again, spec.second.reply))) return;
  if (spec.second.verdict) {
    await verdict(
      y,
      id,
      authorCtx,
      c.workdaysAfter(again, spec.second.verdict.after, '10:00'),
      spec.second.verdict,
    );
  }
}

/** Reply, then put right what the reply derived from "now": its date, whether it was on time, the event note. */
async function reply(
  y: DemoYear,
  id: number,
  ctx: RequestContext,
  t: number,
  r: NonNullable<ItemSpec['reply']>,
  analysis?: string,
): Promise<boolean> {
  if (!y.clock.past(t)) return false;
  const since = new Date().toISOString();
  await replyToItem(
    ctx,
    id,
    ItemReplyRequest.parse({ replyClass: r.class, text: r.text, reason: r.reason, analysis }),
  );
  const row = await y.db
    .selectFrom('consultation_replies')
    .select(['id', 'due_date'])
    .where('item_id', '=', id)
    .orderBy('round', 'desc')
    .executeTakeFirstOrThrow();
  const day = y.clock.date(t);
  const onTime = day <= row.due_date;
  await y.db
    .updateTable('consultation_replies')
    .set({ replied_on: day, on_time: onTime ? 1 : 0 })
    .where('id', '=', row.id)
    .execute();
  await y.db
    .updateTable('consultation_item_events')
    .set(eventNote(itemEventText('replied', { replyClass: r.class, onTime, dueDate: row.due_date })))
    .where('item_id', '=', id)
    .where('action', '=', 'replied')
    .where('at', '>=', since)
    .execute();
  await backdate(y.db, 'consultations', since, y.clock.iso(t));
  y.summary.consultations.replies += 1;
  return true;
}

/** The counterpart's verdict; a 二次办理 is due N working days after the verdict's (backdated) day. */
async function verdict(
  y: DemoYear,
  id: number,
  ctx: RequestContext,
  t: number,
  v: NonNullable<ItemSpec['verdict']>,
): Promise<boolean> {
  if (!y.clock.past(t)) return false;
  const since = new Date().toISOString();
  await rateReply(ctx, id, VerdictRequest.parse({ verdict: v.verdict, comment: v.comment }));
  if (v.verdict === 'not_satisfied') {
    const item = await y.db
      .selectFrom('consultation_items as i')
      .innerJoin('consultation_matters as m', 'm.id', 'i.matter_id')
      .innerJoin('regions as r', 'r.id', 'm.region_id')
      .select(['i.due_date', 'r.path'])
      .where('i.id', '=', id)
      .executeTakeFirstOrThrow();
    const { replyWorkingDays } = await consultationSettingsFor(y.db, item.path);
    const due = addWorkingDays(y.clock.date(t), replyWorkingDays);
    await y.db.updateTable('consultation_items').set({ due_date: due }).where('id', '=', id).execute();
    await y.db
      .updateTable('consultation_item_events')
      .set(eventNote(itemEventText('reopened', { dueDate: due })))
      .where('item_id', '=', id)
      .where('action', '=', 'reopened')
      .where('at', '>=', since)
      .execute();
    await y.db
      .updateTable('notifications')
      .set({ body: sql<string>`replace(body, ${item.due_date}, ${due})` })
      .where('created_at', '>=', since)
      .execute();
  }
  await backdate(y.db, 'consultations', since, y.clock.iso(t));
  y.summary.consultations.verdicts += 1;
  return true;
}
