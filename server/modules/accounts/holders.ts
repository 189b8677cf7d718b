// Who held a unit account when: one row per holder, `held_to` null for the holder now.
import type { Role } from '../../../common/roles.js';
import type { Executor } from '../../context.js';
import type { AuditSource } from '../audit/index.js';
import type { PasswordPolicy } from '../auth/index.js';
import { createUserRecord } from '../users/index.js';

/**
 * An account that waits for its holder (a password nobody knows; the holder redeems a code), with the holder
 * as the first entry of its history. Inside the caller's transaction.
 */
export async function createHeldAccount(
  trx: Executor,
  source: AuditSource,
  input: {
    username: string;
    displayName: string;
    role: Role;
    organisationId: number;
    email: string | null;
    holderName?: string;
    personId?: number | null;
  },
  rules: PasswordPolicy,
): Promise<number> {
  const id = await createUserRecord(
    trx,
    source,
    { ...input, password: null, mustChangePassword: false, pending: true },
    rules,
  );
  await startHolding(trx, {
    userId: id,
    name: input.holderName ?? input.displayName,
    personId: input.personId ?? null,
    handoverId: null,
    at: new Date().toISOString(),
  });
  return id;
}

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
