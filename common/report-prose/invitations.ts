// 相互邀请参加重要会议和重大活动情况: invitations either way and who attended.
import type { ProseAttendance, ProseInvitation, ReportFacts } from './facts.js';
import type { Sentence } from './form.js';
import {
  breakdown,
  countBy,
  dates,
  ids,
  join,
  ledger,
  monthDay,
  NOTABLE_LIMIT,
  quoted,
  sentence,
  unique,
} from './wording.js';

const DEPT_INVITATION_LABELS: Record<string, string> = {
  meeting: '重要会议',
  affairs: '重大内外事活动',
  inspection: '专项检查视察',
};
const CP_INVITATION_LABELS: Record<string, string> = { meeting: '重要会议', activity: '重大活动' };

const took = (i: ProseInvitation): boolean => !i.invitees.some((x) => x.state === 'ahead');
const anyone = (i: ProseInvitation, state: ProseAttendance): boolean =>
  i.invitees.some((x) => x.state === state);
const attendedAny = (i: ProseInvitation): boolean => anyone(i, 'attended');
const declinedAll = (i: ProseInvitation): boolean =>
  i.invitees.length > 0 && i.invitees.every((x) => x.state === 'declined');

/** '，未出席1次，1次出席情况待登记' — what else became of invitations that took place. */
function otherOutcomes(past: readonly ProseInvitation[]): string {
  const declined = past.filter((i) => !attendedAny(i) && declinedAll(i)).length;
  const awaiting = past.filter((i) => !attendedAny(i) && !declinedAll(i)).length;
  let t = '';
  if (declined) t += `，未出席${declined}次`;
  if (awaiting) t += `，${awaiting}次出席情况待登记`;
  return t;
}

export function invitationsSection(f: Pick<ReportFacts, 'invitations'>): Sentence[] {
  const out: Sentence[] = [];
  const outgoing = f.invitations.filter((i) => i.direction === 'dept_to_cp');
  const incoming = f.invitations.filter((i) => i.direction === 'cp_to_dept');
  if (!outgoing.length && !incoming.length) return [sentence('本年度未相互邀请参加重要会议和重大活动。', [])];
  const pastOut = outgoing.filter(took);
  const aheadOut = outgoing.filter((i) => !took(i));
  if (pastOut.length) {
    const attended = pastOut.filter(attendedAny);
    const kinds = breakdown(
      countBy(pastOut, (i) => i.subtype),
      DEPT_INVITATION_LABELS,
      '次',
    );
    out.push(
      sentence(
        `邀请联系对象负责人参加本部门重要会议和活动${pastOut.length}次（${kinds}），联系对象出席${attended.length}次${otherOutcomes(pastOut)}。`,
        ledger(...ids(pastOut)),
      ),
    );
    for (const i of pastOut.slice(0, NOTABLE_LIMIT)) {
      const came = i.invitees.filter((x) => x.state === 'attended').map((x) => x.name);
      const tail = came.length ? `，${join(came)}出席` : '';
      out.push(
        sentence(
          `${monthDay(i.date)}，邀请${join(i.invitees.map((x) => x.name))}参加${quoted(i.title)}${tail}。`,
          ledger(i.id),
        ),
      );
    }
  } else if (!aheadOut.length) {
    out.push(sentence('本年度未邀请联系对象参加本部门重要会议和活动。', []));
  }
  if (aheadOut.length) {
    out.push(
      sentence(
        pastOut.length
          ? `另有${aheadOut.length}次已发出邀请，将于${dates(aheadOut)}举行。`
          : `已邀请联系对象负责人参加本部门重要会议和活动${aheadOut.length}次，将于${dates(aheadOut)}举行。`,
        ledger(...ids(aheadOut)),
      ),
    );
  }
  const pastIn = incoming.filter(took);
  const aheadIn = incoming.filter((i) => !took(i));
  if (pastIn.length) {
    const attended = pastIn.filter(attendedAny);
    const kinds = breakdown(
      countBy(pastIn, (i) => i.subtype),
      CP_INVITATION_LABELS,
      '次',
    );
    out.push(
      sentence(
        `应邀参加${join(unique(pastIn.map((i) => i.host)))}重要会议和重大活动${pastIn.length}次（${kinds}），实际出席${attended.length}次${otherOutcomes(pastIn)}。`,
        ledger(...ids(pastIn)),
      ),
    );
    for (const i of pastIn.slice(0, NOTABLE_LIMIT)) {
      const text = attendedAny(i)
        ? `${monthDay(i.date)}，应${i.host}邀请参加${quoted(i.title)}。`
        : declinedAll(i)
          ? `${monthDay(i.date)}，${i.host}邀请参加${quoted(i.title)}，未出席。`
          : `${monthDay(i.date)}，${i.host}邀请参加${quoted(i.title)}，出席情况待登记。`;
      out.push(sentence(text, ledger(i.id)));
    }
  } else if (!aheadIn.length) {
    out.push(sentence('本年度未收到联系对象的会议和活动邀请。', []));
  }
  for (const i of aheadIn.slice(0, NOTABLE_LIMIT)) {
    out.push(sentence(`${i.host}邀请参加${quoted(i.title)}，将于${monthDay(i.date)}举行。`, ledger(i.id)));
  }
  if (aheadIn.length > NOTABLE_LIMIT) {
    out.push(
      sentence(
        `另有${aheadIn.length - NOTABLE_LIMIT}次联系对象的邀请尚未举行。`,
        ledger(...ids(aheadIn.slice(NOTABLE_LIMIT))),
      ),
    );
  }
  return out;
}
