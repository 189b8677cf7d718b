// The other side is told when a ledger event happens: an invitation or a notice reaches the invited unit's
// accounts at once (not only by the sweep's reminder 3 days before), a changed answer reaches the host — each once,
// each leading to the record's page; entering past events tells nobody.
import { describe, expect, it } from 'vitest';
import { type Client, describeEachDialect } from '../../test/helper.js';
import { daysFromNow, ledgerWorld, record } from './ledger.fixtures.js';

type Note = { kind: string; title: string; body: string; link: string | null };
const inbox = async (c: Client): Promise<Note[]> => (await c.get('/api/v1/notifications')).json().items;
const about = (notes: Note[], id: number) => notes.filter((n) => n.link === `/ledger/${id}`);

describeEachDialect('ledger notifications', (dialect) => {
  const w = ledgerWorld(dialect);

  describe('an invitation', () => {
    it('reaches the invited counterpart at once, once, linking to the record', async () => {
      const inv = await record(w.c.dept, {
        ...w.pair,
        kind: 'invitation',
        direction: 'dept_to_cp',
        subtype: 'meeting',
        title: '全区教育工作会议',
        startsAt: daysFromNow(20),
        place: '区行政中心一号会议室',
      });
      const notes = about(await inbox(w.c.cp), inv.id);
      expect(notes).toEqual([
        expect.objectContaining({
          kind: 'ledger_invitation',
          title: '区教育局邀请：全区教育工作会议',
          link: `/ledger/${inv.id}`,
        }),
      ]);
      expect(notes[0]?.body).toContain('区行政中心一号会议室');
      // nobody outside the invitation hears of it, and the host is not told of its own invitation
      expect(about(await inbox(w.c.otherCp), inv.id)).toEqual([]);
      expect(about(await inbox(w.c.dept), inv.id)).toEqual([]);
      // the page behind the link answers the counterpart, with the reply it owes
      const page = (await w.c.cp.get(`/api/v1/ledger/${inv.id}`)).json();
      expect(page.abilities.canReply).toBe(true);
    });

    it('tells the host of each changed answer, and of nothing when the same answer comes again', async () => {
      const inv = await record(w.c.dept, {
        ...w.pair,
        kind: 'invitation',
        direction: 'dept_to_cp',
        subtype: 'meeting',
        title: '教育督导工作会议',
        startsAt: daysFromNow(15),
      });
      const reply = (body: Record<string, unknown>) => w.c.cp.post(`/api/v1/ledger/${inv.id}/reply`, body);
      expect((await reply({ reply: 'attend', attendees: '王主委' })).statusCode).toBe(200);
      expect((await reply({ reply: 'attend', attendees: '王主委' })).statusCode).toBe(200);
      let notes = about(await inbox(w.c.dept), inv.id);
      expect(notes).toEqual([
        expect.objectContaining({ kind: 'ledger_rsvp', title: '民盟奉化支部将参加：教育督导工作会议' }),
      ]);
      expect(notes[0]?.body).toContain('王主委');
      expect((await reply({ reply: 'decline', note: '另有公务' })).statusCode).toBe(200);
      notes = about(await inbox(w.c.dept), inv.id);
      expect(notes.map((n) => n.title)).toEqual([
        '民盟奉化支部不能参加：教育督导工作会议',
        '民盟奉化支部将参加：教育督导工作会议',
      ]);
      // the same answer twice was one write: one audit entry per change
      const audits = await w.t.db
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'ledger.reply')
        .where('entity_id', '=', String(inv.id))
        .execute();
      expect(audits).toHaveLength(2);
    });

    it('a counterpart’s invitation reaches the department', async () => {
      const inv = await record(w.c.cp, {
        ...w.pair,
        kind: 'invitation',
        direction: 'cp_to_dept',
        subtype: 'meeting',
        title: '民盟奉化支部全委会',
        startsAt: daysFromNow(10),
      });
      expect(about(await inbox(w.c.dept), inv.id)).toEqual([
        expect.objectContaining({ kind: 'ledger_invitation', title: '民盟奉化支部邀请：民盟奉化支部全委会' }),
      ]);
      expect(about(await inbox(w.c.cp), inv.id)).toEqual([]);
    });

    it('entered after the event, it asks nobody to reply to the past', async () => {
      const inv = await record(w.c.dept, {
        ...w.pair,
        kind: 'invitation',
        direction: 'dept_to_cp',
        subtype: 'meeting',
        title: '去年的会议（补录）',
        startsAt: daysFromNow(-30),
      });
      expect(about(await inbox(w.c.cp), inv.id)).toEqual([]);
    });
  });

  it('a notice reaches its recipients, even entered late: its receipt is still owed', async () => {
    const notice = await record(w.c.dept, {
      ...w.pair,
      kind: 'notice',
      subtype: 'policy',
      title: '关于印发2026年教育工作要点的通知',
      startsAt: daysFromNow(-2),
    });
    expect(about(await inbox(w.c.cp), notice.id)).toEqual([
      expect.objectContaining({
        kind: 'ledger_notice',
        title: '区教育局通报：关于印发2026年教育工作要点的通知',
      }),
    ]);
  });

  it('a symposium still ahead reaches the other side', async () => {
    const s = await record(w.c.dept, {
      ...w.pair,
      kind: 'symposium',
      title: '年度对口联系工作座谈会',
      startsAt: daysFromNow(7),
    });
    expect(about(await inbox(w.c.cp), s.id)).toEqual([
      expect.objectContaining({
        kind: 'ledger_invitation',
        title: '对口联系工作座谈会：年度对口联系工作座谈会',
      }),
    ]);
  });
});
