// Ledger rows → API shapes (presentRecords) and the helpers every use case shares: a record's details, its
// policy facts, queries over ids in slices.
import type { Adoption, LedgerKind, LedgerRecordDto } from '../../../common/schemas/ledger.js';
import type { Executor, RequestContext } from '../../context.js';
import { filesOf as attachmentsOf, presentFile } from '../attachments/index.js';
import { abilitiesFor, type RecordFacts } from './ledger.policy.js';
import { counterpartsOf, type LedgerRow, responsesOf } from './ledger.repository.js';

/** Kind-specific fields, kept as JSON text in ledger_records.details_json. */
export interface LedgerDetails {
  docNumber?: string | null;
  team?: { department: string[]; counterpart: string[] };
  instruction?: string | null;
  adoption?: Adoption;
  adoptionNote?: string | null;
  adoptedAt?: string | null;
  takenUpBy?: number | null;
  takenUpAt?: string | null;
  service?: {
    participants?: string | null;
    beneficiaries?: string | null;
    fundsWan?: number | null;
    peopleServed?: number | null;
    projectsLanded?: number | null;
    outcome?: string | null;
  };
  minutes?: string | null;
  heldAt?: string | null;
}

export const parseDetails = (row: LedgerRow): LedgerDetails => JSON.parse(row.details_json) as LedgerDetails;

/** Run a query over ids in slices, so no statement carries more parameters than an engine allows. */
export async function inSlices<T>(ids: number[], fn: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

export function factsOf(row: LedgerRow, counterpartIds: number[]): RecordFacts {
  return {
    kind: row.kind,
    subtype: row.subtype,
    direction: row.direction,
    status: row.status,
    startsAt: row.starts_at,
    departmentId: row.department_id,
    hostId: row.host_id,
    counterpartIds,
    takenUpBy: parseDetails(row).takenUpBy ?? null,
  };
}

/** Rows → API shapes, with each record's counterparts, responses, attachments and the actor's abilities. */
export async function presentRecords(
  db: Executor,
  ctx: RequestContext,
  rows: LedgerRow[],
): Promise<LedgerRecordDto[]> {
  const ids = rows.map((r) => r.id);
  const [cps, responses, files] = await Promise.all([
    inSlices(ids, (s) => counterpartsOf(db, s)),
    inSlices(ids, (s) => responsesOf(db, s)),
    inSlices(ids, (s) => attachmentsOf(db, 'ledger', s)),
  ]);
  // grouped by record once: a filter per row made a large export quadratic (100,000 rows: 10^10 steps)
  const byRecord = <T extends { record_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const x of list) {
      const bucket = map.get(x.record_id);
      if (bucket) bucket.push(x);
      else map.set(x.record_id, [x]);
    }
    return (id: number): T[] => map.get(id) ?? [];
  };
  const cpsOf = byRecord(cps);
  const responsesOfRecord = byRecord(responses);
  const filesOf = byRecord(files.map((f) => ({ ...f, record_id: f.owner_id })));
  return rows.map((row) => {
    const d = parseDetails(row);
    const counterparts = cpsOf(row.id).map((c) => ({ id: c.id, name: c.name }));
    const takenUpBy = d.takenUpBy ? (counterparts.find((c) => c.id === d.takenUpBy) ?? null) : null;
    return {
      id: row.id,
      kind: row.kind as LedgerKind,
      subtype: row.subtype,
      direction: row.direction as LedgerRecordDto['direction'],
      year: row.year,
      title: row.title,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      place: row.place,
      summary: row.summary,
      status: row.status,
      department: { id: row.department_id, name: row.department_name },
      counterparts,
      host: { id: row.host_id, name: row.host_name },
      planItemId: row.plan_item_id,
      notice: row.kind === 'notice' ? { docNumber: d.docNumber ?? null } : null,
      research:
        row.kind === 'research'
          ? {
              team: d.team ?? { department: [], counterpart: [] },
              instruction: d.instruction ?? null,
              adoption: d.adoption ?? 'none',
              adoptionNote: d.adoptionNote ?? null,
              adoptedAt: d.adoptedAt ?? null,
              takenUpBy,
              takenUpAt: d.takenUpAt ?? null,
            }
          : null,
      service:
        row.kind === 'service'
          ? {
              participants: d.service?.participants ?? null,
              beneficiaries: d.service?.beneficiaries ?? null,
              fundsWan: d.service?.fundsWan ?? null,
              peopleServed: d.service?.peopleServed ?? null,
              projectsLanded: d.service?.projectsLanded ?? null,
              outcome: d.service?.outcome ?? null,
            }
          : null,
      symposium: row.kind === 'symposium' ? { minutes: d.minutes ?? null, heldAt: d.heldAt ?? null } : null,
      responses: responsesOfRecord(row.id).map((r) => ({
        organisation: { id: r.organisation_id, name: r.organisation_name },
        reply: r.reply as LedgerRecordDto['responses'][number]['reply'],
        replyAttendees: r.reply_attendees,
        replyNote: r.reply_note,
        repliedAt: r.replied_at,
        repliedBy: r.replied_by,
        attended: r.attended === null ? null : r.attended === 1,
        attendees: r.attendees,
        receivedAt: r.received_at,
        receivedBy: r.received_by,
        readAt: r.read_at,
        readBy: r.read_by,
      })),
      attachments: filesOf(row.id).map((f) => presentFile(ctx.actor, f)),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      abilities: abilitiesFor(
        ctx.actor,
        factsOf(
          row,
          counterparts.map((c) => c.id),
        ),
      ),
    };
  });
}
