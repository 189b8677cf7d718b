import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditEntityLabel,
  auditRoleLabel,
} from '../../../common/audit-actions.js';

const SERVER = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const CODE = /['"`]([a-z_]+(?:\.[a-z_]+)+)['"`]/g;

/**
 * Every action code the server writes to the trail, read from its source: in each file that writes to the trail,
 * the dotted string literals on a line that names an `action` (an event's `action: '…'`, a ternary of two actions,
 * a table of them, a parameter typed with the actions allowed).
 */
function actionsInSource(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of sources(SERVER)) {
    const text = readFileSync(file, 'utf8');
    if (!/appendAudit|AuditAction/.test(text)) continue;
    for (const line of text.split('\n').filter((l) => /\baction\b/.test(l))) {
      for (const m of line.matchAll(CODE)) {
        const code = m[1] as string;
        if (!found.has(code)) found.set(code, relative(SERVER, file));
      }
    }
  }
  return found;
}

describe('the audit trail in words', () => {
  it('labels every action the server writes, in Chinese and in English', () => {
    const found = actionsInSource();
    // the scan reads the real calls (a broken scan would find nothing and pass)
    expect(found.size).toBeGreaterThan(80);
    for (const code of ['ledger.create', 'access.denied', 'report.return', 'account.code.check']) {
      expect(found.has(code), code).toBe(true);
    }
    const unlabelled = [...found].filter(([code]) => !(code in AUDIT_ACTION_LABELS));
    expect(unlabelled.map(([code, file]) => `${code} (${file})`)).toEqual([]);
  });

  it('writes a Chinese label in Chinese and an English one without Chinese', () => {
    const labels = [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_ENTITY_LABELS)];
    expect(labels.filter((l) => !/\p{Script=Han}/u.test(l.zh))).toEqual([]);
    expect(labels.filter((l) => /\p{Script=Han}/u.test(l.en))).toEqual([]);
    expect(new Set(AUDIT_ACTIONS.map((a) => AUDIT_ACTION_LABELS[a].zh)).size).toBe(AUDIT_ACTIONS.length);
  });

  it('shows codes as words in the reader’s language, an unknown code as it is', () => {
    expect(auditActionLabel('ledger.create', 'zh-CN')).toBe('新增台账记录');
    expect(auditActionLabel('ledger.create', 'en')).toBe('Ledger record added');
    expect(auditEntityLabel('suggestion', 'zh-CN')).toBe('意见建议');
    expect(auditEntityLabel('consultation_item', 'en')).toBe('Suggestion');
    expect(auditRoleLabel('tzb', 'zh-CN')).toBe('统战部');
    expect(auditRoleLabel('department', 'en')).toBe('Department liaison');
    expect(auditActionLabel('legacy.thing', 'zh-CN')).toBe('legacy.thing');
    expect(auditEntityLabel('widget', 'en')).toBe('widget');
    expect(auditRoleLabel('guest', 'en')).toBe('guest');
  });
});
