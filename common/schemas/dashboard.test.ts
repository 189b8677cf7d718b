import { describe, expect, it } from 'vitest';
import { OBLIGATION_KINDS, obligationTitle } from './dashboard.js';

describe('an obligation by name', () => {
  it('reads 2026年度对口联系工作计划 and 2026年对口联系工作座谈会 — never 2026年年度', () => {
    expect(obligationTitle('plan', 2026, 'zh')).toBe('2026年度对口联系工作计划');
    expect(obligationTitle('report', 2026, 'zh')).toBe('2026年度对口联系工作情况报告');
    expect(obligationTitle('symposium', 2026, 'zh')).toBe('2026年对口联系工作座谈会');
    for (const kind of OBLIGATION_KINDS) expect(obligationTitle(kind, 2026, 'zh')).not.toContain('年年度');
  });

  it('is English in English', () => {
    expect(obligationTitle('plan', 2026, 'en')).toBe('Annual work plan 2026');
    for (const kind of OBLIGATION_KINDS)
      expect(obligationTitle(kind, 2026, 'en')).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});
