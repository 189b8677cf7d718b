// The cross-check (issue 12): random years of records (facts.generator.ts, seeded through fast-check) and, for
// every pair and unit, the numbers of the 附件3 text, the conference pack's tables and text and the dashboard's
// cells must agree with what was really written. GENERATED_YEARS years per engine.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildReportDraft, sectionText } from '../../../common/report-prose.js';
import { regionScope } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import { buildTestApp, describeEachDialect, makeUser, type TestApp } from '../../test/helper.js';
import { asOf } from '../../year-rules.js';
import { loadActor } from '../auth/index.js';
import { conferenceData } from '../conference/index.js';
import { dashboard } from '../dashboard/index.js';
import { reportDepartments, reportFacts } from '../reports/index.js';
import { generateYear, type ModelRecord, pairsInForce, type YearModel } from './facts.generator.js';

export const GENERATED_YEARS = 30;

async function overseer(t: TestApp, m: YearModel): Promise<RequestContext> {
  const username = await makeUser(t.db, 'tzb', m.oversightId);
  const user = await t.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  const actor = await loadActor(t.db, user.id);
  if (!actor) throw new Error('no actor');
  return { db: t.db, actor, ip: null, lang: 'zh-CN' };
}

// ---------------------------------------------------------------------------------------------------------
// What really happened, from the model alone

const held = (r: ModelRecord) => r.kind === 'symposium' && !r.cancelled && !r.future;
const tookPlace = (r: ModelRecord) => !r.future;
const withCp = (c: number) => (r: ModelRecord) => r.cps.includes(c);

function expectedPair(m: YearModel, d: number, c: number) {
  const recs = m.records.filter((r) => r.d === d && r.cps.includes(c));
  return {
    symposia: recs.filter(held).length,
    consultations: m.matters.filter((x) => x.d === d && x.cps.some((y) => y.id === c)).length,
    suggestions: m.items.filter((i) => i.d === d && i.c === c).length,
    invitationsDeptToCp: recs.filter((r) => r.direction === 'dept_to_cp' && tookPlace(r)).length,
    invitationsCpToDept: recs.filter((r) => r.direction === 'cp_to_dept' && tookPlace(r)).length,
    notices: recs.filter((r) => r.kind === 'notice').length,
    research: recs.filter((r) => r.kind === 'research').length,
    services: recs.filter((r) => r.kind === 'service').length,
  };
}

function expectedTotals(m: YearModel) {
  const rs = m.records;
  return {
    symposia: rs.filter(held).length,
    consultations: m.matters.length,
    suggestions: m.items.length,
    invitationsDeptToCp: rs.filter((r) => r.direction === 'dept_to_cp' && tookPlace(r)).length,
    invitationsCpToDept: rs.filter((r) => r.direction === 'cp_to_dept' && tookPlace(r)).length,
    notices: rs.filter((r) => r.kind === 'notice').length,
    research: rs.filter((r) => r.kind === 'research').length,
    services: rs.filter((r) => r.kind === 'service').length,
  };
}

/** An invitation as a whole: attended if anyone attended; declined if every invitee declined. */
function invitationOutcome(r: ModelRecord): 'ahead' | 'attended' | 'declined' | 'awaiting' {
  if (r.future) return 'ahead';
  if (r.responses.some((x) => x.attended === 1)) return 'attended';
  const declined = (x: ModelRecord['responses'][number]) =>
    x.attended === 0 || (x.attended === null && x.reply === 'decline');
  if (r.responses.length && r.responses.every(declined)) return 'declined';
  return 'awaiting';
}

const count = (text: string, re: RegExp): number | null => {
  const hit = text.match(re);
  return hit ? Number(hit[1]) : null;
};

// ---------------------------------------------------------------------------------------------------------

describeEachDialect('facts cross-check', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { seed: false });
  });
  afterAll(async () => t?.close());

  it(`agrees with the raw records in the 附件3 text, the pack and the dashboard, for ${GENERATED_YEARS} generated years`, async () => {
    let years = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const now = new Date();
        const at = asOf(now);
        const m = await generateYear(t.db, seed, now);
        const ctx = await overseer(t, m);
        const pairs = pairsInForce(m);
        const inForceDepts = [...new Set(pairs.map((p) => p.d))];
        const inForceUnits = new Set(pairs.flatMap((p) => [p.d, p.c]));

        // ---- the conference pack: its pairs, per-pair counts, totals, "其他" rows and text
        const pack = await conferenceData(ctx, m.year, undefined, at);
        expect(pack.pairs.map((p) => `${p.department.id}:${p.counterpart.id}`).sort()).toEqual(
          pairs.map((p) => `${p.d}:${p.c}`).sort(),
        );
        for (const p of pack.pairs) {
          expect(p.counts, `pair ${p.department.id}:${p.counterpart.id}`).toEqual(
            expectedPair(m, p.department.id, p.counterpart.id),
          );
        }
        expect(pack.totals).toEqual(expectedTotals(m));
        const unpaired = m.items.filter((i) => !i.paired);
        expect(pack.others.reduce((n, o) => n + o.suggestions, 0)).toBe(unpaired.length);
        // the table adds up to its text
        const tableSuggestions =
          pack.pairs.reduce((n, p) => n + p.counts.suggestions, 0) +
          pack.others.reduce((n, o) => n + o.suggestions, 0);
        expect(tableSuggestions).toBe(m.items.length);
        expect(pack.plans.departments).toBe(inForceDepts.length);
        expect(pack.reports.departments).toBe(inForceDepts.length);
        for (const u of pack.unitsWithNothing) expect(inForceUnits.has(u.id)).toBe(true);
        const ov = pack.prose.overview;
        expect(count(ov, /召开对口联系工作座谈会(\d+)次/)).toBe(pack.totals.symposia || null);
        expect(count(ov, /收到意见建议(\d+)条/)).toBe(m.items.length || null);
        expect(count(ov, /应邀参加联系对象活动(\d+)次/)).toBe(pack.totals.invitationsCpToDept || null);
        const c = pack.consultation;
        const text = pack.prose.consultation;
        if (!m.matters.length) expect(text).toBe('本年度未就重大事项开展专题协商。');
        else {
          expect(count(text, /全年就(\d+)项重大事项/)).toBe(m.matters.length);
          expect(count(text, /收到意见建议(\d+)条/)).toBe(m.items.length || null);
          expect(count(text, /（其中非结对联系对象提出(\d+)条）/)).toBe(unpaired.length || null);
        }
        const replied = m.items.filter((i) => i.firstReply);
        expect(c.replied).toBe(replied.length);
        expect(c.repliedOnTime).toBe(replied.filter((i) => i.firstReply === 'on_time').length);
        expect(count(text, /已答复(\d+)条/)).toBe(replied.length || null);
        expect(count(text, /留作参考(\d+)条/)).toBe(
          m.items.filter((i) => i.latestClass === 'for_reference').length || null,
        );
        expect(c.forReference + c.adopted + c.partly + c.notAdopted + c.underStudy).toBe(m.items.length);
        const notSatisfiedRound1 = m.items.filter((i) =>
          i.verdicts.some((v) => v.round === 1 && v.verdict === 'not_satisfied'),
        ).length;
        expect(c.verdicts.find((v) => v.round === 1)?.notSatisfied ?? 0).toBe(notSatisfiedRound1);
        expect(c.breaches.map((b) => b.matter.id).sort()).toEqual(
          m.matters
            .filter((x) => x.breach)
            .map((x) => x.id)
            .sort(),
        );
        expect(pack.ahead.symposia).toBe(
          m.records.filter((r) => r.kind === 'symposium' && r.future && !r.cancelled).length,
        );
        const incoming = m.records.filter((r) => r.direction === 'cp_to_dept');
        expect(pack.attendance.cpToDept).toEqual({
          total: incoming.length,
          attended: incoming.filter((r) => invitationOutcome(r) === 'attended').length,
          declined: incoming.filter((r) => invitationOutcome(r) === 'declined').length,
          awaiting: incoming.filter((r) => invitationOutcome(r) === 'awaiting').length,
          ahead: incoming.filter((r) => invitationOutcome(r) === 'ahead').length,
        });

        // ---- the dashboard: the same pairs and units, the same numbers in its cells
        const board = await dashboard(ctx, { year: m.year, regionId: m.regionId }, now);
        expect(new Set(board.units.map((u) => u.organisation.id))).toEqual(inForceUnits);
        for (const row of board.pairs) {
          const e = expectedPair(m, row.department.id, row.counterpart.id);
          expect(row.symposia.value).toBe(e.symposia);
          expect(row.records.value).toBe(
            m.records.filter((r) => r.d === row.department.id && withCp(row.counterpart.id)(r)).length,
          );
          expect(row.consultation.value).toBe(e.suggestions);
        }
        for (const u of board.units) {
          if (u.organisation.kind !== 'department') continue;
          const d = u.organisation.id;
          const mine = pairs.filter((p) => p.d === d);
          const heldPairs = mine.filter((p) => expectedPair(m, d, p.c).symposia > 0).length;
          expect(u.cells.symposium.value).toBe(`${heldPairs}/${mine.length}`);
          const items = m.items.filter((i) => i.d === d);
          expect(u.cells.replies.value).toBe(
            items.length ? `${items.filter((i) => i.firstReply === 'on_time').length}/${items.length}` : null,
          );
          const matters = m.matters.filter((x) => x.d === d);
          expect(u.cells.consultation.value).toBe(
            matters.length ? `${matters.filter((x) => x.breach).length}/${matters.length}` : 0,
          );
        }

        // ---- 附件3 of every department: which ones owe it, and the numbers in its text
        const owing = await reportDepartments(t.db, regionScope(m.regionPath), m.year);
        expect(owing.map((x) => x.id).sort()).toEqual([...inForceDepts].sort());
        for (const d of inForceDepts) {
          const { facts } = await reportFacts(
            t.db,
            { id: d, name: `部门${d}`, region_id: m.regionId, region_path: m.regionPath },
            m.year,
            at,
          );
          const draft = Object.fromEntries(
            buildReportDraft(facts).map((s) => [s.key, sectionText(s.sentences)]),
          ) as Record<string, string>;
          const recs = m.records.filter((r) => r.d === d);
          const heldN = recs.filter(held).length;
          const aheadN = recs.filter((r) => r.kind === 'symposium' && r.future && !r.cancelled).length;
          const meetings = draft.meetings ?? '';
          expect(count(meetings, /全年召开对口联系工作座谈会(\d+)次/), meetings).toBe(heldN || null);
          expect(count(meetings, /(?:另有|已安排)(\d+)次(?:已安排|，)/), meetings).toBe(aheadN || null);
          const outPast = recs.filter((r) => r.direction === 'dept_to_cp' && !r.future);
          const inv = draft.invitations ?? '';
          expect(count(inv, /本部门重要会议和活动(\d+)次（/), inv).toBe(outPast.length || null);
          expect(count(inv, /联系对象出席(\d+)次/), inv).toBe(
            outPast.length ? outPast.filter((r) => invitationOutcome(r) === 'attended').length : null,
          );
          const inPast = recs.filter((r) => r.direction === 'cp_to_dept' && !r.future);
          expect(count(inv, /实际出席(\d+)次/), inv).toBe(
            inPast.length ? inPast.filter((r) => invitationOutcome(r) === 'attended').length : null,
          );
          expect(inv).not.toMatch(/将于[^。]*未出席/);
          const cons = draft.consultation ?? '';
          const matters = m.matters.filter((x) => x.d === d);
          const items = m.items.filter((i) => i.d === d);
          expect(count(cons, /全年就(\d+)项重大事项/), cons).toBe(matters.length || null);
          expect(count(cons, /召开专题协商座谈会(\d+)次/), cons).toBe(
            matters.filter((x) => x.symposium === 'held').length || null,
          );
          expect(count(cons, /收到意见建议(\d+)条，其中/), cons).toBe(items.length || null);
          expect((cons.match(/未先协商后决策/g) ?? []).length, cons).toBe(
            matters.filter((x) => x.breach).length,
          );
          expect(cons).not.toMatch(/0次|0项/);
        }
        years += 1;
      }),
      { numRuns: GENERATED_YEARS, seed: 20_261_202, endOnFailure: true },
    );
    expect(years).toBe(GENERATED_YEARS);
  }, 600_000);
});
