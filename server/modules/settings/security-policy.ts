import {
  DEFAULT_SECURITY_POLICY,
  type SecurityPolicy,
  SecurityPolicySchema,
} from '../../../common/security-policy.js';
import type { Executor } from '../../context.js';
import { readSetting } from './settings.repository.js';

export const SECURITY_POLICY_KEY = 'security.policy';

export interface PolicyDefaults {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

/**
 * The policy in force: what the security admin stored, over the defaults (environment for session
 * lifetimes). Cached briefly: it is read on every request, and several instances may share one database.
 */
let cache: { at: number; db: Executor; value: SecurityPolicy } | null = null;
const CACHE_MS = 5_000;

export async function currentSecurityPolicy(db: Executor, defaults: PolicyDefaults): Promise<SecurityPolicy> {
  if (cache && cache.db === db && Date.now() - cache.at < CACHE_MS) return cache.value;
  const stored = await readSetting<Partial<SecurityPolicy>>(db, SECURITY_POLICY_KEY);
  const merged = SecurityPolicySchema.required().parse({
    ...DEFAULT_SECURITY_POLICY,
    ...defaults,
    ...(stored ?? {}),
  });
  cache = { at: Date.now(), db, value: merged };
  return merged;
}

export function forgetCachedSecurityPolicy(): void {
  cache = null;
}
