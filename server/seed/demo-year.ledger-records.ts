// The ledger records of the demo year, one kind at a time: invitations both ways, notices, research, service.
import {
  AdoptionRequest,
  AttendanceRequest,
  CreateLedgerRecordRequest,
  ReceiptRequest,
  ReplyRequest,
} from '../../common/schemas/ledger.js';
import type { RequestContext } from '../context.js';
import {
  acknowledgeNotice,
  createRecord,
  recordAdoption,
  recordAttendance,
  replyToInvitation,
  takeUpTopic,
} from '../modules/ledger/index.js';
import { DAY } from './demo-year.clock.js';
import { attendee, type DemoYear, type Unit } from './demo-year.state.js';
import type { DeptSpec, RecordSpec, When } from './demo-year-content.js';

/** Create a ledger record as `ctx` at nominal instant `t`, and count it. */
export async function record(y: DemoYear, t: number, ctx: RequestContext, input: unknown): Promise<number> {
  const parsed = CreateLedgerRecordRequest.parse(input);
  const created = await y.as(t, 'ledger', () => createRecord(ctx, parsed));
  y.summary.ledger.records += 1;
  y.summary.ledger.byKind[parsed.kind] += 1;
  return created.id;
}

/** A department invites its counterpart's leader; the counterpart replies; the department records who came. */
export async function deptInvitation(
  y: DemoYear,
  dept: Unit,
  cp: Unit,
  r: Extract<RecordSpec, { kind: 'invitation' }>,
  planItemId?: number,
): Promise<void> {
  const c = y.clock;
  const at = c.onWorkday(c.at(r.at));
  const sent = c.ahead(c.workdaysAfter(at - 10 * DAY, 0, '10:00'));
  const id = await record(y, sent, dept.ctx as RequestContext, {
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
  const replied = replyTime(y, sent, at, 3);
  if (!c.past(replied)) return;
  await y.as(replied, 'ledger', () =>
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
  await y.as(recorded, 'ledger', () =>
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
function replyTime(y: DemoYear, sent: number, event: number, days: number): number {
  const t = y.clock.workdaysAfter(sent, y.rng.int(1, days), y.officeTime());
  return t < event - 3 * 3600_000 ? t : sent + 2 * 3600_000;
}

/** A counterpart invites the department's leader to its meeting or activity. */
export async function cpInvitation(
  y: DemoYear,
  cp: Unit,
  dept: Unit,
  m: { title: string; at: When; place: string; summary: string },
  subtype: 'meeting' | 'activity',
  decline?: string,
): Promise<void> {
  const c = y.clock;
  const at = c.at(m.at);
  const sent = c.ahead(c.workdaysAfter(at - 9 * DAY, 0, '15:00'));
  const id = await record(y, sent, cp.ctx as RequestContext, {
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
  const replied = replyTime(y, sent, at, 4);
  if (!c.past(replied)) return;
  await y.as(replied, 'ledger', () =>
    replyToInvitation(
      dept.ctx as RequestContext,
      id,
      ReplyRequest.parse(decline ? { reply: 'decline', note: decline } : { reply: 'attend', attendees: who }),
    ),
  );
  const recorded = c.workdaysAfter(at, 1, '10:30');
  if (!c.past(recorded)) return;
  await y.as(recorded, 'ledger', () =>
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

/** The next 文号 of a department: 奉卫健〔2026〕17号. */
function docNumber(y: DemoYear, prefix: string): string {
  const n = (y.docNumbers.get(prefix) ?? y.rng.int(2, 9)) + y.rng.int(3, 14);
  y.docNumbers.set(prefix, n);
  return `${prefix}〔${y.clock.year}〕${n}号`;
}

export async function notice(
  y: DemoYear,
  spec: DeptSpec,
  dept: Unit,
  cp: Unit,
  r: Extract<RecordSpec, { kind: 'notice' }>,
  planItemId?: number,
): Promise<void> {
  const c = y.clock;
  const at = c.onWorkday(c.at(r.at, '10:00'));
  if (!c.past(at)) return;
  y.notices += 1;
  const id = await record(y, at, dept.ctx as RequestContext, {
    kind: 'notice',
    subtype: r.subtype,
    departmentId: dept.id,
    counterpartIds: [cp.id],
    title: r.title,
    startsAt: c.iso(at),
    docNumber: r.numbered ? docNumber(y, spec.doc) : null,
    planItemId: planItemId ?? null,
  });
  const ack = r.ack ?? 'read';
  if (ack === 'none') return;
  const cpCtx = cp.ctx as RequestContext;
  const signed = c.workdaysAfter(at, y.rng.int(0, 1), y.officeTime());
  const received = signed > at ? signed : at + 90 * 60_000;
  if (!c.past(received)) return;
  // most are read as they arrive; some are signed for first and read later
  const later = ack === 'read' && y.notices % 3 === 0;
  await y.as(received, 'ledger', () =>
    acknowledgeNotice(cpCtx, id, ReceiptRequest.parse({ read: ack === 'read' && !later })),
  );
  const read = c.workdaysAfter(received, 2, '15:30');
  if (later && c.past(read)) {
    await y.as(read, 'ledger', () => acknowledgeNotice(cpCtx, id, ReceiptRequest.parse({ read: true })));
  }
}

export async function research(
  y: DemoYear,
  dept: Unit,
  cp: Unit,
  r: Extract<RecordSpec, { kind: 'research' }>,
  planItemId?: number,
): Promise<void> {
  const c = y.clock;
  const at = c.onWorkday(c.at(r.at));
  if (!c.past(at)) return;
  const host = r.host === 'cp' ? cp : dept;
  const team =
    r.subtype === 'offered'
      ? undefined
      : {
          department: [dept.people.leader.name, dept.people.liaison.name, y.makeName()],
          counterpart: [cp.people.leader.name, y.makeName(), y.makeName()],
        };
  const id = await record(y, at, host.ctx as RequestContext, {
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
    await y.as(taken, 'ledger', () => takeUpTopic(cp.ctx as RequestContext, id));
  }
  if (r.adoption && c.past(c.at(r.adoption.at))) {
    const a = r.adoption;
    await y.as(c.at(a.at), 'ledger', () =>
      recordAdoption(
        dept.ctx as RequestContext,
        id,
        AdoptionRequest.parse({ adoption: a.value, note: a.note, instruction: a.instruction }),
      ),
    );
  }
}

export async function service(
  y: DemoYear,
  dept: Unit,
  cp: Unit,
  r: Extract<RecordSpec, { kind: 'service' }>,
  planItemId?: number,
): Promise<void> {
  const c = y.clock;
  const at = c.at(r.at);
  const entered = c.workdaysAfter(at, 1, '16:00');
  if (!c.past(entered)) return;
  const host = r.host === 'cp' ? cp : dept;
  await record(y, entered, host.ctx as RequestContext, {
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
