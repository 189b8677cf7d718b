// Who held a unit account when: one row per holder, `held_to` null for the holder now.
import type { Executor } from '../../context.js';

export async function startHolding(
  trx: Executor,
  input: { userId: number; name: string; personId: number | null; handoverId: number | null; at: string },
): Promise<void> {
  await trx
    .updateTable('account_holders')
    .set({ held_to: input.at })
    .where('user_id', '=', input.userId)
    .where('held_to', 'is', null)
    .execute();
  await trx
    .insertInto('account_holders')
    .values({
      user_id: input.userId,
      name: input.name,
      person_id: input.personId,
      handover_id: input.handoverId,
      held_from: input.at,
      held_to: null,
    })
    .execute();
}

export async function holdersOf(db: Executor, userIds: number[]) {
  if (!userIds.length) return [];
  return db
    .selectFrom('account_holders')
    .select(['user_id', 'name', 'held_from', 'held_to'])
    .where('user_id', 'in', userIds)
    .orderBy('id')
    .execute();
}
