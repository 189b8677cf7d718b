// GET /ledger/summary: the ledger's figures per pair, counted from the year's facts (served by the ledger's
// routes; it lives here because it reads the facts, which read the ledger).
import type { LedgerSummaryResponse } from '../../../common/schemas/ledger.js';
import { counterpartOf } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import { ledgerScope } from '../ledger/index.js';
import { countWork, pairRecords } from './facts.count.js';
import { loadYearFacts } from './facts.load.js';

/**
 * Counts per pair, per kind and (for invitations) per direction, for the pairs the actor sees in a year — every
 * record in the ledger, counted by the facts module.
 */
export async function ledgerSummary(ctx: RequestContext, year: number): Promise<LedgerSummaryResponse> {
  const scope = ledgerScope(ctx.actor);
  const facts = await loadYearFacts(ctx.db, scope, year);
  const onlyCounterpart = counterpartOf(scope);
  const keys = new Map<string, { d: number; c: number; name: string }>();
  for (const r of facts.records) {
    for (const c of r.counterparts) {
      // a counterpart sees only its own pairs, even on records it shares with other counterparts
      if (onlyCounterpart !== null && c.id !== onlyCounterpart) continue;
      keys.set(`${r.departmentId}:${c.id}`, { d: r.departmentId, c: c.id, name: c.name });
    }
  }
  const departments = new Map(facts.records.map((r) => [r.departmentId, r.departmentName]));
  const pairs = [...keys.values()].map(({ d, c, name }) => {
    const w = countWork(pairRecords(facts, d, c), [], []);
    return {
      department: { id: d, name: departments.get(d) ?? '' },
      counterpart: { id: c, name },
      invitationsDeptToCp: w.invitationsOut.total,
      invitationsCpToDept: w.invitationsIn.total,
      notices: w.notices,
      research: w.research,
      services: w.services,
      symposia: w.symposia.total,
    };
  });
  return {
    year,
    pairs: pairs.sort((a, b) => a.department.id - b.department.id || a.counterpart.id - b.counterpart.id),
  };
}
