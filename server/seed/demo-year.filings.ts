// 登记报送 (附件2) of the demo year: the round, every unit's form (two returned, two late, one never filed).
import { isAfterDeadline, localDate } from '../../common/filings.js';
import { CreateFilingRoundRequest, SaveFilingRequest } from '../../common/schemas/filings.js';
import { UpdateRosterPersonRequest } from '../../common/schemas/roster.js';
import type { RequestContext } from '../context.js';
import {
  closeRound,
  createRound,
  fileFiling,
  returnFiling,
  saveFiling,
  submitFiling,
} from '../modules/filings/index.js';
import { acknowledgeChangeReport, updateRosterPerson } from '../modules/roster/index.js';
import type { PersonSpec, UnitPeople } from './demo-people.js';
import { backdate } from './demo-year.backdate.js';
import { DAY } from './demo-year.clock.js';
import type { DemoYear } from './demo-year.state.js';
import type { When } from './demo-year-content.js';

export async function filings(y: DemoYear): Promise<void> {
  const tzb = y.tzb;
  if (!tzb) return;
  const year = y.clock.year;
  const existing = await y.db
    .selectFrom('filing_rounds')
    .select('id')
    .where('region_id', '=', tzb.actor.regionId)
    .where('year', '=', year)
    .executeTakeFirst();
  if (existing) return;
  const c = y.clock;
  const opened = c.at('05-06 09:30');
  const round = await y.as(opened, 'filings', () =>
    createRound(
      { ...tzb, asOf: c.iso(opened) },
      CreateFilingRoundRequest.parse({ year, deadline: `${year}-06-05` }),
    ),
  );
  const returned: Record<string, { reason: string; wrong: (p: UnitPeople) => SaveFilingRequest }> = {
    区司法局: {
      reason: '联络员联系电话少一位，请核对后重新报送',
      wrong: (p) => form(p, { liaisonPhone: p.liaison.officePhone.slice(0, -1) }),
    },
    民盟奉化支部: {
      reason: '分管领导应填写分管对口联系工作的副主委，请核实后重新报送',
      wrong: (p) =>
        SaveFilingRequest.parse({
          leader: {
            name: p.principal.name,
            position: p.principal.position,
            phone: p.principal.officePhone,
          },
          liaison: { name: p.liaison.name, position: p.liaison.position, phone: p.liaison.mobile },
        }),
    },
  };
  const late: Record<string, When> = { 区统计局: '06-12', 区综合执法局: '06-16' };
  const never = new Set(['区税务局']);
  const drafts = new Set(['区卫生健康局', '区农业农村局', '无党派人士', '区民政局']);
  const units = [...y.units.values()];
  y.summary.filing.units = units.length;
  // on-time units spread over the four weeks before the deadline
  const onTime = units.filter((u) => !returned[u.name] && !late[u.name] && !never.has(u.name));
  const slots = onTime.map((_, i) => c.onWorkday(c.at('05-11') + Math.floor((i * 24) / onTime.length) * DAY));
  const slotOf = new Map(onTime.map((u, i) => [u.name, slots[i] as number]));
  for (const unit of units) {
    const ctx = unit.ctx;
    if (!ctx) continue;
    if (never.has(unit.name)) {
      y.summary.filing.notStarted.push(unit.name);
      continue;
    }
    const right = form(unit.people, {});
    const fix = returned[unit.name];
    let submitted = fix
      ? c.onWorkday(c.at(unit.kind === 'counterpart' ? '05-25' : '05-19', y.officeTime()))
      : late[unit.name]
        ? c.at(late[unit.name] as When, y.officeTime())
        : (slotOf.get(unit.name) as number) + y.rng.int(0, 7) * 3600_000;
    if (drafts.has(unit.name)) {
      await y.as(submitted - 2 * DAY, 'filings', () =>
        saveFiling(ctx, round.id, unit.id, fix ? fix.wrong(unit.people) : right),
      );
    }
    await submit(y, ctx, round.id, unit.id, submitted, fix ? fix.wrong(unit.people) : right);
    if (fix) {
      const back = c.workdaysAfter(submitted, 2, '10:30');
      await y.as(back, 'filings', () => returnFiling(tzb, round.id, unit.id, { reason: fix.reason }));
      submitted = c.workdaysAfter(back, 2, '15:00');
      await submit(y, ctx, round.id, unit.id, submitted, right);
      y.summary.filing.returnedThenFiled += 1;
    }
    if (late[unit.name]) y.summary.filing.submittedLate += 1;
    const filed = c.workdaysAfter(submitted, y.rng.int(1, 3), '10:00');
    await y.as(filed, 'filings', () => fileFiling(tzb, round.id, unit.id, null));
    y.summary.filing.filed += 1;
  }
  if (c.past(c.at('07-31 17:00'))) {
    await y.as(c.at('07-31 17:00'), 'filings', () => closeRound(tzb, round.id));
    y.summary.filing.closed = true;
  }

  // 人员如有变动，应及时调整并报告: 区教育局's 联络员 changes in September, after its form was filed
  const jiaoyu = y.units.get('区教育局');
  if (jiaoyu?.ctx && c.past(c.at('09-04 10:00'))) {
    const successor: PersonSpec = {
      name: y.makeName(),
      position: '办公室副主任',
      officePhone: jiaoyu.people.liaison.officePhone,
      mobile: `139${String(y.rng.int(10000000, 99999999))}`,
      servedFrom: `${year}-09-01`,
    };
    const reportedAt = c.at('09-02 10:00');
    const ctx = jiaoyu.ctx;
    await y.as(reportedAt, 'roster', () =>
      updateRosterPerson(
        ctx,
        jiaoyu.id,
        'liaison',
        UpdateRosterPersonRequest.parse({
          name: successor.name,
          position: successor.position,
          officePhone: successor.officePhone,
          mobile: successor.mobile,
          servedFrom: successor.servedFrom,
          reason: `原联络员${jiaoyu.people.liaison.name}调任区教师发展中心，由办公室副主任${successor.name}接任联络员。`,
        }),
      ),
    );
    const report = await y.db
      .selectFrom('change_reports')
      .select('id')
      .where('organisation_id', '=', jiaoyu.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await y.as(c.at('09-04 10:00'), 'roster', () =>
      acknowledgeChangeReport(tzb, report.id, { note: '已备案，请新任联络员做好工作衔接。' }),
    );
    y.summary.roster.changeReports += 1;
  }
}

/** 附件2 as the roster says: the 分管领导's office line, the 联络员's mobile. */
function form(p: UnitPeople, o: { liaisonPhone?: string }): SaveFilingRequest {
  return SaveFilingRequest.parse({
    leader: { name: p.leader.name, position: p.leader.position, phone: p.leader.officePhone },
    liaison: {
      name: p.liaison.name,
      position: p.liaison.position,
      phone: o.liaisonPhone ?? p.liaison.mobile,
    },
  });
}

/** Submit, then put right what the submission derived from "now": lateness and its note. */
async function submit(
  y: DemoYear,
  ctx: RequestContext,
  roundId: number,
  organisationId: number,
  t: number,
  input: SaveFilingRequest,
): Promise<void> {
  const since = new Date().toISOString();
  await submitFiling(ctx, roundId, organisationId, input);
  const filing = await y.db
    .selectFrom('filings as f')
    .innerJoin('filing_rounds as r', 'r.id', 'f.round_id')
    .select(['f.id', 'f.first_submitted_at', 'r.deadline'])
    .where('f.round_id', '=', roundId)
    .where('f.organisation_id', '=', organisationId)
    .executeTakeFirstOrThrow();
  const first =
    filing.first_submitted_at && filing.first_submitted_at < since ? filing.first_submitted_at : null;
  const late = isAfterDeadline(filing.deadline, localDate(first ?? y.clock.iso(t)));
  await y.db
    .updateTable('filings')
    .set({ submitted_late: late ? 1 : 0 })
    .where('id', '=', filing.id)
    .execute();
  if (!late) {
    await y.db
      .updateTable('filing_events')
      .set({ note: null })
      .where('filing_id', '=', filing.id)
      .where('action', '=', 'submitted')
      .where('at', '>=', since)
      .execute();
  }
  await backdate(y.db, 'filings', since, y.clock.iso(t));
}
