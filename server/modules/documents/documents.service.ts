import { ORGANISATION_KIND_LABELS, type OrganisationKind } from '../../../common/organisations.js';
import type { RegistrationFormQuery } from '../../../common/schemas/filings.js';
import type { AnnualReportDocxQuery } from '../../../common/schemas/reports.js';
import {
  PERSON_ROLE_LABELS,
  PERSON_ROLES,
  type RosterExportQuery,
  type RosterPersonDto,
} from '../../../common/schemas/roster.js';
import { scopeOf } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import { renderPairingListDocx } from '../../documents/pairing-list.docx.js';
import { renderPairingListXlsx } from '../../documents/pairing-list.xlsx.js';
import {
  REGISTRATION_FORM_TITLE,
  renderRegistrationFormDocx,
} from '../../documents/registration-form.docx.js';
import { type RosterXlsxPerson, renderRosterXlsx } from '../../documents/roster.xlsx.js';
import { appendAuditAlone } from '../audit/audit.writer.js';
import { registrationFormData } from '../filings/filings.service.js';
import { listPairings, type PairingRow } from '../pairings/pairings.repository.js';
import { annualReportDocx as renderAnnualReports } from '../reports/reports.export.js';
import { rosterExportData } from '../roster/roster.service.js';

export interface RenderedDocument {
  filename: string;
  contentType: string;
  body: Buffer;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The most frequent 文号 of the year's pairings: the notice the printed list stands for. */
function mainSource(rows: PairingRow[]): string | null {
  const counts = new Map<string, number>();
  for (const r of rows) if (r.source) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

async function auditExport(ctx: RequestContext, document: string, year: number): Promise<void> {
  await appendAuditAlone(ctx.db, ctx, {
    action: 'document.export',
    entityType: 'document',
    entityId: document,
    detail: `year=${year}`,
  });
}

/** 附件1 for a year, as the actor may see it: counterparts in order, each with its departments. */
export async function pairingListDocx(ctx: RequestContext, year: number): Promise<RenderedDocument> {
  const rows = await listPairings(ctx.db, { scope: scopeOf(ctx.actor), year });
  const groups: { counterpart: string; departments: string[] }[] = [];
  const sharedDepartments = new Set<string>();
  for (const r of rows) {
    if (r.shared === 1) {
      sharedDepartments.add(r.department_name);
      continue;
    }
    let group = groups.find((g) => g.counterpart === r.counterpart_name);
    if (!group) {
      group = { counterpart: r.counterpart_name, departments: [] };
      groups.push(group);
    }
    if (!group.departments.includes(r.department_name)) group.departments.push(r.department_name);
  }
  const body = await renderPairingListDocx({
    year,
    source: mainSource(rows),
    groups,
    sharedDepartments: [...sharedDepartments],
  });
  await auditExport(ctx, 'pairing-list.docx', year);
  return { filename: `对口联系名单-${year}.docx`, contentType: DOCX, body };
}

export async function pairingListXlsx(ctx: RequestContext, year: number): Promise<RenderedDocument> {
  const rows = await listPairings(ctx.db, { scope: scopeOf(ctx.actor), year });
  const body = await renderPairingListXlsx({
    year,
    rows: rows.map((r) => ({
      counterpart: r.counterpart_name,
      department: r.department_name,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      source: r.source,
      shared: r.shared === 1,
    })),
  });
  await auditExport(ctx, 'pairing-list.xlsx', year);
  return { filename: `对口联系名单-${year}.xlsx`, contentType: XLSX, body };
}

/** 附件2 of one unit for a year: filled from its form in that year's round, or blank (`blank=1`). */
export async function registrationFormDocx(
  ctx: RequestContext,
  query: RegistrationFormQuery,
): Promise<RenderedDocument> {
  const data = await registrationFormData(ctx, query);
  const body = await renderRegistrationFormDocx(data.input);
  await appendAuditAlone(ctx.db, ctx, {
    action: 'document.export',
    entityType: 'document',
    entityId: 'registration-form.docx',
    detail: `year=${query.year}; organisationId=${query.organisationId}; blank=${query.blank === '1' ? 1 : 0}; phones=${data.phones}`,
  });
  const who = query.blank === '1' ? '空白' : data.unitName;
  return { filename: `${data.input.year}年${REGISTRATION_FORM_TITLE}-${who}.docx`, contentType: DOCX, body };
}

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
  await appendAuditAlone(ctx.db, ctx, {
    action: 'document.export',
    entityType: 'document',
    entityId: 'roster.xlsx',
    detail: `date=${data.date}; phones=${data.phones}`,
  });
  return { filename: `对口联系工作责任人名册-${data.date}.xlsx`, contentType: XLSX, body };
}

/** 附件3 of a department and year, or (all=1) of every report the actor reads; see reports.export.ts. */
export async function annualReportDocx(
  ctx: RequestContext,
  query: AnnualReportDocxQuery,
): Promise<RenderedDocument> {
  return renderAnnualReports(ctx, query);
}
