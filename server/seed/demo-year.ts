// A year of liaison work for the demo district (`liaison seed-demo`): rosters and the 附件2 filing round, a
// symposium and an annual plan per department, invitations both ways, notices, research and social service,
// and major matters with their suggestions, replies and verdicts — written through the services, as the demo
// users themselves, so every rule, scope and audit entry is the real one.
// Each phase is a file of its own (demo-year.<phase>.ts); this one runs them in order.
import type { Kysely } from 'kysely';
import { LEDGER_KINDS } from '../../common/schemas/ledger.js';
import { shanghaiDate } from '../../common/shanghai-time.js';
import type { Database } from '../db/schema.js';
import { makeClock } from './demo-year.clock.js';
import { consultations } from './demo-year.consultations.js';
import { filings } from './demo-year.filings.js';
import { ledger } from './demo-year.ledger.js';
import { readOldNotifications } from './demo-year.notifications.js';
import { rosters } from './demo-year.rosters.js';
import { DemoYear, type DemoYearSummary } from './demo-year.state.js';

export { backdate, STAMPED } from './demo-year.backdate.js';
export type { DemoYearSummary } from './demo-year.state.js';

/**
 * The demo year for the district seeded by `loadSeedPairingList` and `seedDemo`'s accounts. Idempotent: when
 * the year already has ledger records nothing is written. The year must be the current one (matters are
 * registered in the year of the clock).
 */
export async function seedDemoYear(
  db: Kysely<Database>,
  year: number,
  now: Date = new Date(),
): Promise<DemoYearSummary> {
  const started = performance.now();
  const current = Number(shanghaiDate(now.toISOString()).slice(0, 4));
  if (year !== current) throw new Error(`the demo year must be the current year (${current}), not ${year}`);
  const demo = new DemoYear(db, makeClock(year, now.getTime()));
  const any = await db
    .selectFrom('ledger_records')
    .select('id')
    .where('year', '=', year)
    .limit(1)
    .executeTakeFirst();
  if (any) {
    demo.summary.skipped = true;
    return demo.summary;
  }
  await demo.load();
  await demo.loadPairs();
  await rosters(demo);
  await filings(demo);
  await consultations(demo);
  await ledger(demo);
  await readOldNotifications(demo);
  demo.summary.ms = Math.round(performance.now() - started);
  return demo.summary;
}

/** What `liaison seed-demo` prints about the demo year. */
export function describeDemoYear(s: DemoYearSummary): string[] {
  if (s.skipped) return [`demo year ${s.year}: already has ledger records, nothing added`];
  const kinds = LEDGER_KINDS.map((k) => `${k} ${s.ledger.byKind[k]}`).join(', ');
  const f = s.filing;
  const c = s.consultations;
  return [
    `demo year ${s.year}${s.compressed ? ' (squeezed into the days passed so far)' : ''}, in ${(s.ms / 1000).toFixed(1)} s:`,
    `  roster: ${s.roster.persons} persons of ${s.roster.units} units, ${s.roster.changeReports} change report(s) after filing`,
    `  附件2 round: ${f.filed} of ${f.units} filed (${f.returnedThenFiled} returned then filed, ${f.submittedLate} submitted late), not started: ${f.notStarted.join(', ') || 'none'}${f.closed ? '; closed' : ''}`,
    `  ledger: ${s.ledger.records} records (${kinds}); ${s.ledger.plans} plans with ${s.ledger.planItems} items`,
    `  consultations: ${c.matters} matters (${c.symposiaHeld} symposia held, ${c.violations} 先协商后决策 violation), ${c.items} suggestions, ${c.replies} replies, ${c.verdicts} verdicts, ${c.extensions} extension(s)`,
    `  ${s.idleDepartment} did nothing all year (the dashboard's red row)`,
  ];
}
