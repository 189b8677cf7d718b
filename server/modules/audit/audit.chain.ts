import { createHash } from 'node:crypto';

/** The fields a hash covers, in a fixed order: changing any of them breaks the chain from that entry on. */
export interface ChainedFields {
  at: string;
  actor_id: number | null;
  actor_username: string | null;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  outcome: string;
  region_id: number | null;
  before_json: string | null;
  after_json: string | null;
  detail: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

export function chainHash(prevHash: string, e: ChainedFields): string {
  const canonical = JSON.stringify([
    e.at,
    e.actor_id,
    e.actor_username,
    e.ip,
    e.action,
    e.entity_type,
    e.entity_id,
    e.outcome,
    e.region_id,
    e.before_json,
    e.after_json,
    e.detail,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
