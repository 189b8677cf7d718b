// The last touch of the demo year: notifications older than two weeks have been read.
import { AS_OF, DAY } from './demo-year.clock.js';
import type { DemoYear } from './demo-year.state.js';

/** Notifications older than two weeks were read by their users (a day after they came). */
export async function readOldNotifications(y: DemoYear): Promise<void> {
  const cutoff = y.clock.iso(y.clock.at(AS_OF, '18:00') - 14 * DAY);
  const rows = await y.db
    .selectFrom('notifications')
    .select(['id', 'created_at'])
    .where('read_at', 'is', null)
    .where('created_at', '<', cutoff)
    .execute();
  await y.db.transaction().execute(async (trx) => {
    for (const r of rows) {
      const read = new Date(Date.parse(r.created_at) + DAY).toISOString();
      await trx.updateTable('notifications').set({ read_at: read }).where('id', '=', r.id).execute();
    }
  });
}
