import { annualReportFormDate } from '../../../common/annual-report-form.js';
import { isAfterDeadline, localDate } from '../../../common/filings.js';
import { maskPhone } from '../../../common/phone.js';
import {
  buildReportDraft,
  type DraftSection,
  REPORT_SECTIONS,
  type ReportSectionKey,
  sectionText,
} from '../../../common/report-prose.js';
import { can } from '../../../common/roles.js';
import type {
  CommentReportRequest,
  ReportDto,
  ReportRemindResponse,
  ReportStatus,
  ReportStatusItem,
  ReportStatusResponse,
  SaveReportRequest,
  SubmitReportRequest,
} from '../../../common/schemas/reports.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { allowed } from '../../access/authorize.js';
import { type Scope, scopeOf } from '../../access/scope.js';
import type { Executor, RequestContext } from '../../context.js';
import type { ReportRow } from '../../db/schema.js';
import type { AnnualReportForm } from '../../documents/annual-report.docx.js';
import { AppError, notFound } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import { rosterOf, type YearFacts } from '../facts/index.js';
import { insertNotifications, usersOfOrganisations } from '../notifications/index.js';
import { latestByRole } from '../roster/index.js';
import { counterpartsInForce, reportFacts } from './report-facts.js';
import {
  commentsOf,
  findReport,
  findRound,
  insertComment,
  insertReport,
  insertVersion,
  reportDepartments,
  reportsOf,
  roundsOf,
  updateReportRow,
  upsertRound,
  versionsOf,
} from './reports.repository.js';

type Texts = Partial<Record<ReportSectionKey, string | null>>;
type Department = { id: number; name: string; region_id: number; region_path: string };

// ---------------------------------------------------------------------------------------------------------
// Deadlines

/** 附件3's note: 每年1月下旬 — by default the last day of January of the next year. */
export const defaultDeadline = (year: number): string => `${year + 1}-01-31`;

/** Whole days from `today` to `deadline` (both 'YYYY-MM-DD'); negative once it has passed. */
export const daysBetween = (today: string, deadline: string): number =>
  Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

export async function deadlineOf(db: Executor, regionId: number, year: number) {
  const round = await findRound(db, regionId, year);
  return { deadline: round?.deadline ?? defaultDeadline(year), isDefault: !round };
}

export async function getReportRound(ctx: RequestContext, year: number) {
  const { deadline, isDefault } = await deadlineOf(ctx.db, ctx.actor.regionId, year);
  return { year, regionId: ctx.actor.regionId, deadline, isDefault };
}

/** 统战部 sets (or moves) the deadline of its region's reports of a year. */
export async function setReportRound(ctx: RequestContext, year: number, deadline: string) {
  const before = await findRound(ctx.db, ctx.actor.regionId, year);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertRound(trx, { regionId: ctx.actor.regionId, year, deadline, setBy: ctx.actor.userId });
    await appendAudit(trx, ctx, {
      action: 'report_round.set',
      entityType: 'report_round',
      entityId: `${ctx.actor.regionId}:${year}`,
      before: before ? { deadline: before.deadline } : undefined,
      after: { year, deadline },
    });
  });
  return getReportRound(ctx, year);
}

// ---------------------------------------------------------------------------------------------------------
// Who reads which report

/** Reports follow the pairings: a counterpart reads the reports of the departments paired with it in the year. */
export function reportScope(ctx: RequestContext): Scope {
  return allowed(ctx.actor, 'reports.read', null) ? scopeOf(ctx.actor) : { kind: 'none' };
}

/** The department of a report the actor may read, or NOT_FOUND — the same answer as no such department. */
export async function visibleDepartment(
  ctx: RequestContext,
  departmentId: number,
  year: number,
): Promise<Department> {
  const [d] = await reportDepartments(ctx.db, reportScope(ctx), year, [departmentId]);
  if (!d) throw notFound();
  return d;
}

const isOwn = (ctx: RequestContext, departmentId: number): boolean =>
  allowed(ctx.actor, 'reports.own', { departmentId });

const EDITABLE: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];

const statusOf = (row: ReportRow | undefined): ReportStatus =>
  row ? (row.status as ReportStatus) : 'not_started';

// ---------------------------------------------------------------------------------------------------------
// The report as the API shows it

const parseTexts = (json: string): Texts => JSON.parse(json) as Texts;

export const generatedTexts = (draft: DraftSection[]): Record<string, string> =>
  Object.fromEntries(draft.map((s) => [s.key, sectionText(s.sentences)]));

/** The text of each section: what the department wrote, else the generated text. */
function finalTexts(draft: DraftSection[], stored: Texts): Record<ReportSectionKey, string> {
  const out = {} as Record<ReportSectionKey, string>;
  for (const s of draft) out[s.key] = stored[s.key] ?? sectionText(s.sentences);
  return out;
}

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

function timing(status: ReportStatus, deadline: string, today: string) {
  const daysLeft = daysBetween(today, deadline);
  return { daysLeft, overdue: EDITABLE.includes(status) && isAfterDeadline(deadline, today) };
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

// ---------------------------------------------------------------------------------------------------------
// The department edits and submits

/** Only the department itself edits its report; anyone else who can see it gets NOT_FOUND for the write. */
async function ownReport(ctx: RequestContext, departmentId: number, year: number): Promise<LoadedReport> {
  const loaded = await loadReport(ctx, departmentId, year);
  if (!isOwn(ctx, departmentId)) throw notFound();
  return loaded;
}

function mergeTexts(
  draft: DraftSection[],
  stored: Texts,
  input: SaveReportRequest['sections'] | undefined,
): Texts {
  const out: Texts = { ...stored };
  for (const s of draft) {
    const value = input?.[s.key];
    if (value === undefined) continue;
    // The generated text typed back in is no edit: the section follows the records again.
    out[s.key] = value === null || value === sectionText(s.sentences) ? null : value;
  }
  return out;
}

async function writeReport(
  ctx: RequestContext,
  loaded: LoadedReport,
  year: number,
  action: 'saved' | 'submitted',
  input: SaveReportRequest['sections'] | undefined,
): Promise<void> {
  const { department, row, draft, deadline } = loaded;
  const status = statusOf(row);
  if (!EDITABLE.includes(status)) {
    throw new AppError(status === 'accepted' ? 'REPORT_ACCEPTED' : 'REPORT_AWAITING_REVIEW');
  }
  const generated = generatedTexts(draft);
  let texts = mergeTexts(draft, row ? parseTexts(row.sections_json) : {}, input);
  // What is submitted is fixed: every section's text as it reads now, generated or edited.
  if (action === 'submitted') texts = finalTexts(draft, texts);
  const sectionsJson = JSON.stringify(texts);
  const generatedJson = JSON.stringify(generated);
  const now = new Date().toISOString();
  const today = localDate();
  await ctx.db.transaction().execute(async (trx) => {
    let current = row;
    if (!current) {
      current = await insertReport(trx, {
        regionId: department.region_id,
        departmentId: department.id,
        year,
        sectionsJson,
        generatedJson,
        userId: ctx.actor.userId,
      });
    }
    const version = current.version + 1;
    const nextStatus = action === 'submitted' ? 'submitted' : status === 'returned' ? 'returned' : 'draft';
    const firstSubmission = action === 'submitted' && current.first_submitted_at === null;
    const ok = await updateReportRow(
      trx,
      current.id,
      { status: current.status, version: current.version },
      {
        status: nextStatus,
        version,
        sections_json: sectionsJson,
        generated_json: generatedJson,
        updated_by: ctx.actor.userId,
        ...(action === 'submitted'
          ? {
              submitted_at: now,
              first_submitted_at: current.first_submitted_at ?? now,
              submitted_late: firstSubmission
                ? isAfterDeadline(deadline, today)
                  ? 1
                  : 0
                : current.submitted_late,
            }
          : {}),
      },
    );
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    await insertVersion(trx, {
      reportId: current.id,
      version,
      action,
      status: nextStatus,
      sectionsJson,
      generatedJson,
      note: null,
      actorId: ctx.actor.userId,
    });
    await appendAudit(trx, ctx, {
      action: action === 'submitted' ? 'report.submit' : 'report.save',
      entityType: 'report',
      entityId: current.id,
      regionId: department.region_id,
      before: row ? { status: row.status, version: row.version } : undefined,
      after: { status: nextStatus, version, departmentId: department.id, year, sections: texts },
    });
  });
}

export async function saveReport(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  input: SaveReportRequest,
): Promise<ReportDto> {
  const loaded = await ownReport(ctx, departmentId, year);
  await writeReport(ctx, loaded, year, 'saved', input.sections);
  return getReport(ctx, departmentId, year);
}

export async function submitReport(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  input: SubmitReportRequest,
): Promise<ReportDto> {
  const loaded = await ownReport(ctx, departmentId, year);
  await writeReport(ctx, loaded, year, 'submitted', input?.sections);
  return getReport(ctx, departmentId, year);
}

// ---------------------------------------------------------------------------------------------------------
// 统战部 reviews

async function review(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  action: 'returned' | 'accepted',
  comment: string | null,
): Promise<ReportDto> {
  const { department, row } = await loadReport(ctx, departmentId, year);
  if (row?.status !== 'submitted') {
    throw new AppError('REPORT_NOT_SUBMITTED');
  }
  const now = new Date().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const version = row.version + 1;
    const ok = await updateReportRow(
      trx,
      row.id,
      { status: row.status, version: row.version },
      {
        status: action,
        version,
        reviewed_by: ctx.actor.userId,
        reviewed_at: now,
        return_comment: action === 'returned' ? comment : row.return_comment,
        accepted_at: action === 'accepted' ? now : null,
        updated_by: ctx.actor.userId,
      },
    );
    if (!ok) throw new AppError('CHANGED_MEANWHILE');
    await insertVersion(trx, {
      reportId: row.id,
      version,
      action,
      status: action,
      sectionsJson: row.sections_json,
      generatedJson: row.generated_json,
      note: comment,
      actorId: ctx.actor.userId,
    });
    const users = await usersOfOrganisations(trx, [department.id]);
    await insertNotifications(
      trx,
      users.map((u) => ({
        userId: u.id,
        kind: action === 'returned' ? 'report_returned' : 'report_accepted',
        title:
          action === 'returned'
            ? `${year}年度对口联系工作情况报告被退回`
            : `${year}年度对口联系工作情况报告已接受`,
        body: comment ?? '',
        link: `/reports/${department.id}/${year}`,
        dedupeKey: `report:${row.id}:v${version}:u${u.id}`,
      })),
    );
    await appendAudit(trx, ctx, {
      action: action === 'returned' ? 'report.return' : 'report.accept',
      entityType: 'report',
      entityId: row.id,
      regionId: department.region_id,
      before: { status: row.status },
      after: { status: action, comment },
    });
  });
  return getReport(ctx, departmentId, year);
}

export const returnReport = (ctx: RequestContext, departmentId: number, year: number, comment: string) =>
  review(ctx, departmentId, year, 'returned', comment);

export const acceptReport = (
  ctx: RequestContext,
  departmentId: number,
  year: number,
  comment: string | null,
) => review(ctx, departmentId, year, 'accepted', comment);

/** A comment by a reader of the report (a counterpart of the pair, 统战部, the department itself). */
export async function commentOnReport(
  ctx: RequestContext,
  departmentId: number,
  year: number,
  input: CommentReportRequest,
): Promise<ReportDto> {
  const { department, row } = await loadReport(ctx, departmentId, year);
  if (!row) throw new AppError('REPORT_NOT_STARTED');
  await ctx.db.transaction().execute(async (trx) => {
    const comment = await insertComment(trx, {
      reportId: row.id,
      organisationId: ctx.actor.organisationId,
      authorId: ctx.actor.userId,
      sectionKey: input.sectionKey ?? null,
      body: input.body,
    });
    if (!isOwn(ctx, department.id)) {
      const users = await usersOfOrganisations(trx, [department.id]);
      await insertNotifications(
        trx,
        users.map((u) => ({
          userId: u.id,
          kind: 'report_comment',
          title: `${ctx.actor.organisationName}对${year}年度报告提出意见`,
          body: input.body.slice(0, 200),
          link: `/reports/${department.id}/${year}`,
          dedupeKey: `report_comment:${comment.id}:u${u.id}`,
        })),
      );
    }
    await appendAudit(trx, ctx, {
      action: 'report.comment',
      entityType: 'report',
      entityId: row.id,
      regionId: department.region_id,
      after: { commentId: comment.id, sectionKey: comment.section_key },
    });
  });
  return getReport(ctx, departmentId, year);
}

// ---------------------------------------------------------------------------------------------------------
// Lists, the status board and reminders

/** Every report the actor reads for a year, with its status and deadline (the status board's rows). */
export async function reportStatusItems(ctx: RequestContext, year: number, scope = reportScope(ctx)) {
  const departments = await reportDepartments(ctx.db, scope, year);
  const rows = await reportsOf(
    ctx.db,
    departments.map((d) => d.id),
    year,
  );
  const rounds = await roundsOf(ctx.db, [...new Set(departments.map((d) => d.region_id))], year);
  const today = localDate();
  const items: ReportStatusItem[] = departments.map((d) => {
    const row = rows.find((r) => r.department_id === d.id);
    const status = statusOf(row);
    const deadline = rounds.find((r) => r.region_id === d.region_id)?.deadline ?? defaultDeadline(year);
    return {
      department: { id: d.id, name: d.name },
      status,
      deadline,
      ...timing(status, deadline, today),
      submittedLate: row?.submitted_late === 1,
      submittedAt: row?.submitted_at ?? null,
      acceptedAt: row?.accepted_at ?? null,
    };
  });
  return { today, items, departments, rows };
}

export async function reportStatus(ctx: RequestContext, year: number): Promise<ReportStatusResponse> {
  const { today, items } = await reportStatusItems(ctx, year);
  const counts = { not_started: 0, draft: 0, submitted: 0, returned: 0, accepted: 0 } as Record<
    ReportStatus,
    number
  >;
  for (const i of items) counts[i.status]++;
  return { year, today, counts, items };
}

/** One in-app reminder per user of each department that has not submitted; once a day per user. */
export async function remindReports(ctx: RequestContext, year: number): Promise<ReportRemindResponse> {
  const { items, today } = await reportStatusItems(ctx, year);
  const pending = items.filter((i) => EDITABLE.includes(i.status));
  const users = await usersOfOrganisations(
    ctx.db,
    pending.map((i) => i.department.id),
  );
  const notified = await ctx.db.transaction().execute(async (trx) => {
    const created = await insertNotifications(
      trx,
      users.map((u) => {
        const item = pending.find((i) => i.department.id === u.organisation_id);
        const days = item?.daysLeft ?? 0;
        return {
          userId: u.id,
          kind: 'report_reminder',
          title: `请报送${year}年度对口联系工作情况报告表`,
          body:
            days >= 0
              ? `报送截止日期为${item?.deadline}，还有${days}天。`
              : `报送截止日期为${item?.deadline}，已逾期${-days}天。`,
          link: `/reports/${u.organisation_id}/${year}`,
          dedupeKey: `report_reminder:${year}:${today}:u${u.id}`,
        };
      }),
    );
    await appendAudit(trx, ctx, {
      action: 'report.remind',
      entityType: 'report_round',
      entityId: `${ctx.actor.regionId}:${year}`,
      after: { departments: pending.map((i) => i.department.id), notified: created },
    });
    return created;
  });
  const withUsers = new Set(users.map((u) => u.organisation_id));
  return {
    departments: pending.map((i) => i.department),
    notified,
    alreadyNotified: users.length - notified,
    departmentsWithoutUsers: pending.filter((i) => !withUsers.has(i.department.id)).map((i) => i.department),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Printing

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

/** The departments whose reports an `all=1` print or job covers: every one the actor reads. */
export async function readableDepartments(ctx: RequestContext, year: number) {
  return reportDepartments(ctx.db, reportScope(ctx), year);
}
