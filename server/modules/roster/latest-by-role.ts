// Which person holds each roster role (主要负责人 / 分管领导 / 联络员) of a unit, from its version rows: versions do not
// overlap, and should two ever do, the one recorded last wins. One rule for the roster page, 附件3's header and the
// 联络员 accounts sheet.
export function latestByRole<R extends { organisation_id: number; role: string }>(
  rows: readonly R[],
  organisationId: number,
): Map<string, R> {
  const byRole = new Map<string, R>();
  for (const row of rows) if (row.organisation_id === organisationId) byRole.set(row.role, row);
  return byRole;
}
