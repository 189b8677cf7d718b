// Who reads which report, who writes it, and in which states it can still be edited.
import type { ReportStatus } from '../../../common/schemas/reports.js';
import { allowed } from '../../access/authorize.js';
import { type Scope, scopeOf } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import type { ReportRow } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { reportDepartments } from './reports.repository.js';

export type Department = { id: number; name: string; region_id: number; region_path: string };

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

/** The departments whose reports an `all=1` print or job covers: every one the actor reads. */
export async function readableDepartments(ctx: RequestContext, year: number) {
  return reportDepartments(ctx.db, reportScope(ctx), year);
}

export const isOwn = (ctx: RequestContext, departmentId: number): boolean =>
  allowed(ctx.actor, 'reports.own', { departmentId });

export const EDITABLE: readonly ReportStatus[] = ['not_started', 'draft', 'returned'];

export const statusOf = (row: ReportRow | undefined): ReportStatus =>
  row ? (row.status as ReportStatus) : 'not_started';
