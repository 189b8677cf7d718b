// The roster of every unit in scope as .xlsx: the persons in force on a date and every version.
import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../common/organisations.js';
import {
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  type RosterExportQuery,
  type RosterPersonDto,
} from '../../../common/schemas/roster.js';
import type { RequestContext } from '../../context.js';
import { type RosterXlsxPerson, renderRosterXlsx } from '../../documents/roster.xlsx.js';
import { type RenderedDocument, XLSX_TYPE } from '../../documents/send-document.js';
import { appendExportAudit } from '../audit/index.js';
import { rosterExportData } from './roster.service.js';

const kindLabel = (kind: string): string => ORGANISATION_KIND_LABELS[kind as OrganisationKind]?.zh ?? kind;

function rosterRow(
  unit: { name: string; kind: string },
  role: string,
  p: RosterPersonDto | null,
): RosterXlsxPerson {
  return {
    unit: unit.name,
    unitKind: kindLabel(unit.kind),
    role: PERSON_ROLE_LABELS[role as RosterPersonDto['role']]?.zh ?? role,
    name: p?.name ?? null,
    position: p?.position ?? null,
    officePhone: p?.officePhone ?? null,
    mobile: p?.mobile ?? null,
    servedFrom: p?.servedFrom ?? null,
    servedTo: p?.servedTo ?? null,
  };
}

/**
 * The roster of every unit in scope: the persons in force on `date` (one row per unit and role, empty where no
 * one is recorded) and every version. Phones masked, except the actor's own unit's; `full=1` needs
 * contacts:reveal and a reason, both recorded.
 */
export async function rosterXlsx(ctx: RequestContext, query: RosterExportQuery): Promise<RenderedDocument> {
  const data = await rosterExportData(ctx, {
    date: query.date,
    full: query.full === '1',
    reason: query.reason,
  });
  const body = await renderRosterXlsx({
    date: data.date,
    current: data.current.flatMap(({ unit, persons }) =>
      PERSON_ROLES.map((role) => rosterRow(unit, role, persons[role])),
    ),
    history: data.history.map(({ unit, person }) => ({
      ...rosterRow(unit, person.role, person),
      source: person.source === 'filing' ? '备案' : '名册',
      recordedAt: person.recordedAt,
    })),
  });
  await appendExportAudit(ctx, 'roster.xlsx', `date=${data.date}; phones=${data.phones}`);
  return { filename: `对口联系工作责任人名册-${data.date}.xlsx`, contentType: XLSX_TYPE, body };
}
