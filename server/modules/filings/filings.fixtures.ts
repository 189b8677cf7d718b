// Shared setup of the filings tests: the app with 统战部 and 区府办 signed in, another district, the year's
// round, the complete form a unit submits, and the text of a printed 附件2.
import type { LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { expect } from 'vitest';
import { localDate } from '../../../common/filings.js';
import type { Dialect } from '../../db/connect.js';
import { makeOtherDistrict } from '../../test/factories.js';
import { buildTestApp, type Client, loginAs, orgId } from '../../test/helper.js';

export const FORBIDDEN = { error: { code: 'FORBIDDEN', message: '无权执行此操作' } };
export const NOT_FOUND = { error: { code: 'NOT_FOUND', message: '记录不存在' } };

export const LEADER = { name: '陈志强', position: '副局长', phone: '13905745678' };
export const LIAISON = { name: '周丽华', position: '办公室主任', phone: '88901234' };

/** A deadline half a year ahead: the round is open and nobody is late yet. */
function futureDeadline(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 180);
  return localDate(d);
}

export async function docxText(res: LightMyRequestResponse): Promise<string> {
  const zip = await JSZip.loadAsync(res.rawPayload);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<[^>]+>/g, '');
}

export type FilingsCast = Awaited<ReturnType<typeof filingsCast>>;

/**
 * The app on a fresh database with 统战部 and 区府办 signed in, another district and a deadline half a year ahead;
 * with `round`, 统战部 has opened that year's round (`roundId`, the round `filingUrl` and `fileForm` default to).
 */
export async function filingsCast(dialect: Dialect, options: { round: boolean }) {
  const t = await buildTestApp(dialect);
  const tzb = await loginAs(t, 'tzb', '区委统战部');
  const qfb = await loginAs(t, 'qfb', '区府办');
  const other = await makeOtherDistrict(t.db);
  const deadline = futureDeadline();
  const year = Number(deadline.slice(0, 4));
  let roundId = 0;
  if (options.round) {
    const opened = await tzb.post('/api/v1/filing-rounds', { year, deadline });
    expect(opened.statusCode, opened.body).toBe(200);
    roundId = opened.json().id;
  }

  const filingUrl = (orgIdValue: number, round = roundId) =>
    `/api/v1/filing-rounds/${round}/filings/${orgIdValue}`;

  /** A unit's user fills and submits its form. */
  async function submitForm(unit: Client, unitId: number, round = roundId) {
    const submitted = await unit.post(`${filingUrl(unitId, round)}/submit`, {
      leader: LEADER,
      liaison: LIAISON,
    });
    expect(submitted.statusCode).toBe(200);
  }

  /** A unit's user fills and submits its form, and 统战部 files it. */
  async function fileForm(unit: Client, unitId: number, round = roundId) {
    await submitForm(unit, unitId, round);
    const filed = await tzb.post(`${filingUrl(unitId, round)}/file`, {});
    expect(filed.statusCode).toBe(200);
    return filed.json();
  }

  /**
   * A form another test file walked to `status` in the round (as filings.forms.test.ts leaves 区教育局 filed and
   * 区科技局 submitted), for a test that starts from it.
   */
  async function formOf(unitName: string, status: 'submitted' | 'filed') {
    const unitId = await orgId(t.db, unitName);
    const unit = await loginAs(t, 'department', unitId);
    if (status === 'filed') await fileForm(unit, unitId);
    else await submitForm(unit, unitId);
  }

  return { t, tzb, qfb, other, deadline, year, roundId, filingUrl, fileForm, formOf };
}
