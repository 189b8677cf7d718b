// An item's timeline in the reader's language (issue 15): what the system writes there is composed in Chinese and
// English at once (item-event-texts.ts); an English reader (Accept-Language: en) reads the English — nothing
// Chinese in it but what users typed — a Chinese reader the Chinese, and an event recorded before the English
// existed reads in Chinese for everyone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ItemScreenResponse } from '../../../common/schemas/consultations.js';
import { type Client, describeEachDialect } from '../../test/helper.js';
import { type ConsultationsCast, consultationsCast, I, ok } from './consultations.fixtures.js';

const CJK = /[\u4e00-\u9fff]/;
const EN = { 'accept-language': 'en' };

type Event = ItemScreenResponse['timeline'][number];
const timeline = async (c: Client, id: number, headers?: Record<string, string>): Promise<Event[]> => {
  const res = await c.get(`${I}/${id}`, headers);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as ItemScreenResponse).timeline;
};
const notes = (events: Event[]) => events.map((e) => [e.action, e.note]);
/** What is left of a text once what users typed is taken out. */
const without = (text: string, typed: string[]): string =>
  [...typed].sort((a, b) => b.length - a.length).reduce((t, n) => t.split(n).join(''), text);

describeEachDialect('an item’s timeline in the reader’s language', (dialect) => {
  let c: ConsultationsCast;
  let matterId: number;
  beforeAll(async () => {
    c = await consultationsCast(dialect);
    matterId = (await c.matter(c.dept, { title: '学区调整方案', counterpartIds: [c.ids.minmeng] })).id;
  });
  afterAll(async () => c.t.close());

  it('received, pressed, replied late and rated: English to an English reader, Chinese otherwise', async () => {
    const id = (await c.addItem(c.cp, matterId, { text: '建议公开学区划分依据', receivedOn: '2025-03-03' }))
      .item.id;
    const press = '请于本周内答复';
    const comment = '未回应核心问题';
    await ok(c.tzb.post(`${I}/${id}/urge`, { note: press }));
    await ok(c.dept.post(`${I}/${id}/reply`, { replyClass: 'partly_adopted', text: '部分采纳' }));
    await ok(c.cp.post(`${I}/${id}/verdict`, { verdict: 'not_satisfied', comment }));

    const english = await timeline(c.tzb, id, EN);
    expect(english.map((e) => e.action)).toEqual(['created', 'urged', 'replied', 'verdict', 'reopened']);
    expect(notes(english)).toEqual([
      [
        'created',
        expect.stringMatching(/^Received on 2025-03-03; reply due 2025-03-\d\d \(\d+ working days\)$/),
      ],
      [
        'urged',
        expect.stringMatching(
          /^1st press \(due 2025-03-\d\d\): 请于本周内答复\. The liaison officer is asked to see to the answer soon$/,
        ),
      ],
      ['replied', expect.stringMatching(/^Partly adopted \(late, due 2025-03-\d\d\)$/)],
      ['verdict', `Not satisfied: ${comment}`],
      ['reopened', expect.stringMatching(/^Handled again; reply due \d{4}-\d\d-\d\d$/)],
    ]);
    for (const e of english) expect(without(e.note ?? '', [press, comment]), e.note ?? '').not.toMatch(CJK);

    for (const headers of [undefined, { 'accept-language': 'zh-CN' }]) {
      expect(notes(await timeline(c.tzb, id, headers))).toEqual([
        ['created', expect.stringMatching(/^收到日期 2025-03-03，答复期限 2025-03-\d\d（\d+个工作日）$/)],
        [
          'urged',
          expect.stringMatching(/^第1次督办（期限 2025-03-\d\d）：请于本周内答复。请联络员尽快办理答复$/),
        ],
        ['replied', expect.stringMatching(/^部分采纳（逾期，期限 2025-03-\d\d）$/)],
        ['verdict', `不满意：${comment}`],
        ['reopened', expect.stringMatching(/^二次办理，答复期限 \d{4}-\d\d-\d\d$/)],
      ]);
    }
    // the department and the counterpart read the same timeline in their language
    expect(notes(await timeline(c.dept, id, EN))).toEqual(notes(english));
  });

  it('an extension asked for and granted, and an item closed by a satisfied verdict', async () => {
    const id = (await c.addItem(c.cp, matterId, { text: '建议增加学位供给' })).item.id;
    const reason = '需会同多部门研究';
    await ok(c.dept.post(`${I}/${id}/extension`, { days: 3, reason }));
    await ok(c.tzb.post(`${I}/${id}/extension/grant`, {}));
    await ok(c.dept.post(`${I}/${id}/reply`, { replyClass: 'adopted', text: '已采纳' }));
    await ok(c.cp.post(`${I}/${id}/verdict`, { verdict: 'satisfied' }));
    const english = notes(await timeline(c.dept, id, EN)).slice(1);
    expect(english).toEqual([
      ['extension_requested', `Extension of 3 working days requested: ${reason}`],
      ['extension_granted', expect.stringMatching(/^Extended by 3 working days: [\d-]+ → [\d-]+$/)],
      ['replied', 'Adopted'],
      ['verdict', 'Satisfied'],
      ['closed', 'Rated satisfied; closed'],
    ]);
    expect(notes(await timeline(c.dept, id)).slice(1)).toEqual([
      ['extension_requested', `申请延期3个工作日：${reason}`],
      ['extension_granted', expect.stringMatching(/^延期3个工作日：[\d-]+ → [\d-]+$/)],
      ['replied', '采纳'],
      ['verdict', '满意'],
      ['closed', '评价满意，办结'],
    ]);
  });

  it('an event recorded before the English existed, or a note only typed, reads as stored for everyone', async () => {
    const id = (await c.addItem(c.cp, matterId, { text: '建议优化校车线路' })).item.id;
    await c.t.db
      .updateTable('consultation_item_events')
      .set({ note_en: null })
      .where('item_id', '=', id)
      .execute();
    await ok(c.tzb.post(`${I}/${id}/close`, { note: '已在其他事项中答复' }));
    const english = notes(await timeline(c.tzb, id, EN));
    expect(english).toEqual([
      ['created', expect.stringMatching(/^收到日期 /)],
      ['closed', '已在其他事项中答复'],
    ]);
    expect(notes(await timeline(c.tzb, id))).toEqual(english);
  });
});
