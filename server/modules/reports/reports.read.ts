// One report as the API shows it (the draft, the texts, the header, versions and comments) and as 附件3 prints it.
import { annualReportFormDate } from '../../../common/annual-report-form.js';
import { localDate } from '../../../common/filings.js';
import { maskPhone } from '../../../common/phone.js';
import {
  buildReportDraft,
  type DraftSection,
  REPORT_SECTIONS,
  type ReportSectionKey,
  sectionText,
} from '../../../common/report-prose.js';
import { can } from '../../../common/roles.js';
import type { ReportDto, ReportStatus } from '../../../common/schemas/reports.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import type { RequestContext } from '../../context.js';
import type { ReportRow } from '../../db/schema.js';
import type { AnnualReportForm } from '../../documents/annual-report.docx.js';
import { notFound } from '../../errors.js';
import { rosterOf, type YearFacts } from '../facts/index.js';
import { latestByRole } from '../roster/index.js';
import { counterpartsInForce, reportFacts } from './report-facts.js';
import { type Department, EDITABLE, isOwn, statusOf, visibleDepartment } from './reports.access.js';
import { deadlineOf, timing } from './reports.deadlines.js';
import { commentsOf, findReport, versionsOf } from './reports.repository.js';
import { finalTexts, parseTexts } from './reports.texts.js';

/**
 * The form's header: the counterparts of the year's pairs, and the 分管领导 and 联络员 on the roster as of the
 * year's end (a past year) or today (the current year) — never today's people on a past year's form.
 */
async function headerOf(ctx: RequestContext, department: Department, facts: YearFacts, date: string) {
  const counterparts = counterpartsInForce(facts, department.id);
  const persons = await rosterOf(ctx.db, [department.id], facts);
  const masked = !isOwn(ctx, department.id);
  const current = latestByRole(persons, department.id);
  const person = (role: 'leader' | 'liaison') => {
    const p = current.get(role);
    if (!p) return null;
    const phone = p.office_phone ?? p.mobile;
    return { name: p.name, phone: masked ? maskPhone(phone) : phone };
  };
  return { date, counterparts, leader: person('leader'), liaison: person('liaison'), phonesMasked: masked };
}

export interface LoadedReport {
  department: Department;
  row: ReportRow | undefined;
  draft: DraftSection[];
  deadline: string;
  facts: YearFacts;
}

export async function loadReport(
  ctx: RequestContext,
  departmentId: number,
  year: number,
): Promise<LoadedReport> {
  const department = await visibleDepartment(ctx, departmentId, year);
  const [row, facts, { deadline }] = await Promise.all([
    findReport(ctx.db, department.id, year),
    reportFacts(ctx.db, department, year),
    deadlineOf(ctx.db, department.region_id, year),
  ]);
  return { department, row, draft: buildReportDraft(facts.facts), deadline, facts: facts.year };
}

async function present(ctx: RequestContext, year: number, r: LoadedReport): Promise<ReportDto> {
  const { department, row, draft, deadline, facts } = r;
  const status = statusOf(row);
  const stored = row ? parseTexts(row.sections_json) : {};
  const whenSaved = row ? (JSON.parse(row.generated_json) as Record<string, string>) : null;
  const texts = finalTexts(draft, stored);
  const today = localDate();
  const date = row?.submitted_at ? shanghaiDate(row.submitted_at) : today;
  const [versions, comments] = row
    ? await Promise.all([versionsOf(ctx.db, row.id), commentsOf(ctx.db, row.id)])
    : [[], []];
  const own = isOwn(ctx, department.id);
  const canEdit = own && can(ctx.actor.role, 'reports:write') && EDITABLE.includes(status);
  return {
    id: row?.id ?? null,
    year,
    department: { id: department.id, name: department.name },
    status,
    version: row?.version ?? 0,
    deadline,
    ...timing(status, deadline, today),
    submittedLate: row?.submitted_late === 1,
    firstSubmittedAt: row?.first_submitted_at ?? null,
    submittedAt: row?.submitted_at ?? null,
    acceptedAt: row?.accepted_at ?? null,
    returnComment: row?.return_comment ?? null,
    header: await headerOf(ctx, department, facts, date),
    sections: draft.map((s) => ({
      key: s.key,
      title: s.title,
      generated: { text: sectionText(s.sentences), sentences: s.sentences },
      text: texts[s.key],
      edited: stored[s.key] != null && stored[s.key] !== sectionText(s.sentences),
      generatedWhenSaved: whenSaved?.[s.key] ?? null,
    })),
    versions: versions.map((v) => ({
      version: v.version,
      action: v.action as ReportDto['versions'][number]['action'],
      status: v.status as ReportStatus,
      note: v.note,
      actor: v.actor_name,
      at: v.at,
    })),
    comments: comments.map((c) => ({
      id: c.id,
      organisation: { id: c.organisation_id, name: c.organisation_name },
      author: c.author_name,
      sectionKey: (c.section_key as ReportSectionKey | null) ?? null,
      body: c.body,
      createdAt: c.created_at,
    })),
    abilities: {
      canEdit,
      canSubmit: canEdit,
      canReview: can(ctx.actor.role, 'reports:review') && status === 'submitted',
      canComment: can(ctx.actor.role, 'reports:comment') && row !== undefined,
    },
  };
}

export async function getReport(ctx: RequestContext, departmentId: number, year: number): Promise<ReportDto> {
  return present(ctx, year, await loadReport(ctx, departmentId, year));
}

/** One saved state of a report, as it stood. */
export async function getReportVersion(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  version: number,
) {
  const department = await visibleDepartment(ctx, departmentId, year);
  const row = await findReport(ctx.db, department.id, year);
  const v = row ? (await versionsOf(ctx.db, row.id)).find((x) => x.version === version) : undefined;
  if (!v) throw notFound();
  const texts = parseTexts(v.sections_json);
  const generated = JSON.parse(v.generated_json) as Record<string, string>;
  return {
    version: v.version,
    action: v.action as 'saved',
    status: v.status as ReportStatus,
    note: v.note,
    actor: v.actor_name,
    at: v.at,
    sections: REPORT_SECTIONS.map((s) => ({
      key: s.key,
      title: s.title,
      text: texts[s.key] ?? generated[s.key] ?? '',
      generated: generated[s.key] ?? '',
    })),
  };
}

/** The form of one loaded report, as 附件3 prints it. */
export async function formOf(
  ctx: RequestContext,
  year: number,
  loaded: LoadedReport,
): Promise<AnnualReportForm> {
  const dto = await present(ctx, year, loaded);
  return {
    year,
    department: dto.department.name,
    date: annualReportFormDate(dto.submittedAt),
    counterparts: dto.header.counterparts.map((c) => c.name),
    leader: dto.header.leader ? { name: dto.header.leader.name, phone: dto.header.leader.phone ?? '' } : null,
    liaison: dto.header.liaison
      ? { name: dto.header.liaison.name, phone: dto.header.liaison.phone ?? '' }
      : null,
    sections: dto.sections.map((s) => ({ key: s.key, title: s.title, text: s.text })),
  };
}
