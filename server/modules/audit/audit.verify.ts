import type { Executor } from '../../context.js';
import { chainHash, GENESIS_HASH } from './audit.chain.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** the first entry whose content or link does not match, when not ok */
  firstBadId: number | null;
  reason: string | null;
}

/** Walk the chain in id order, in pages, recomputing each hash from its content and its predecessor. */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (!page.length) return { ok: true, checked, firstBadId: null, reason: null };
    for (const e of page) {
      if (e.prev_hash !== prev)
        return {
          ok: false,
          checked,
          firstBadId: e.id,
          reason: 'prev_hash does not link to the entry before',
        };
      if (chainHash(prev, e) !== e.hash)
        return { ok: false, checked, firstBadId: e.id, reason: 'content does not match its hash' };
      prev = e.hash;
      lastId = e.id;
      checked++;
    }
  }
}
