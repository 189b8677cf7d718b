// 责任人 (四(二)), the first phase of the demo year: each unit's 联络员 enters its three persons in January.
import { UpdateRosterPersonRequest } from '../../common/schemas/roster.js';
import { updateRosterPerson } from '../modules/roster/index.js';
import { DAY } from './demo-year.clock.js';
import type { DemoYear } from './demo-year.state.js';

export async function rosters(y: DemoYear): Promise<void> {
  let order = 0;
  for (const unit of y.units.values()) {
    const ctx = unit.ctx;
    if (!ctx) continue;
    const exists = await y.db
      .selectFrom('responsible_persons')
      .select('id')
      .where('organisation_id', '=', unit.id)
      .limit(1)
      .executeTakeFirst();
    if (exists) continue;
    const day = y.clock.onWorkday(y.clock.at('01-12') + Math.floor(order++ / 2) * DAY);
    const [hh, mm] = y.officeTime().split(':').map(Number) as [number, number];
    let t = day + ((hh - 9) * 60 + mm) * 60_000;
    for (const role of ['principal', 'leader', 'liaison'] as const) {
      const p = unit.people[role];
      await y.as(t, 'roster', () =>
        updateRosterPerson(
          ctx,
          unit.id,
          role,
          UpdateRosterPersonRequest.parse({
            name: p.name,
            position: p.position,
            officePhone: p.officePhone,
            mobile: p.mobile,
            servedFrom: p.servedFrom,
          }),
        ),
      );
      t += 4 * 60_000;
      y.summary.roster.persons += 1;
    }
    y.summary.roster.units += 1;
  }
}
