// The region's reply and reminder working days: set by 统战部, counted with by new items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, describeEachDialect, type TestApp } from '../../test/helper.js';
import { type ConsultationsCast, consultationsCast, FORBIDDEN, ok } from './consultations.fixtures.js';

describeEachDialect('consultations', (dialect) => {
  let t: TestApp;
  let dept: Client; // 区教育局, paired with 民盟
  let cp: Client; // 民盟奉化支部
  let tzb: Client;
  let matter: ConsultationsCast['matter'];
  let addItem: ConsultationsCast['addItem'];

  beforeAll(async () => {
    ({ t, dept, cp, tzb, matter, addItem } = await consultationsCast(dialect));
  });
  afterAll(async () => t.close());

  describe('settings and figures', () => {
    it('统战部 sets the default working days of its region; new items count with it', async () => {
      expect(await ok(dept.get('/api/v1/consultations/settings'))).toMatchObject({
        replyWorkingDays: 15,
        reminderLeadDays: 3,
        customised: false,
        abilities: { canEdit: false },
      });
      expect(
        (
          await dept.put('/api/v1/consultations/settings', { replyWorkingDays: 5, reminderLeadDays: 1 })
        ).json(),
      ).toEqual(FORBIDDEN);
      expect(
        (await tzb.put('/api/v1/consultations/settings', { replyWorkingDays: 0, reminderLeadDays: 1 }))
          .statusCode,
      ).toBe(400);
      const set = await ok(
        tzb.put('/api/v1/consultations/settings', { replyWorkingDays: 10, reminderLeadDays: 2 }),
      );
      expect(set).toMatchObject({ replyWorkingDays: 10, reminderLeadDays: 2, customised: true });
      const m = await matter(dept, { title: '十天期限' });
      const item = await addItem(cp, m.id, { receivedOn: '2025-09-30' });
      // 10-9, 10, 11 (调休), 13, 14, 15, 16, 17, 20, 21
      expect(item.item.dueDate).toBe('2025-10-21');
      await ok(tzb.put('/api/v1/consultations/settings', { replyWorkingDays: 15, reminderLeadDays: 3 }));
    });
  });
});
