// The one place the reports and the conference pack read the consultation module (issue 5) through.
// - the figures (received, replied, on time, adoption, satisfaction) are the module's own `consultationFigures`,
//   so a report and the dashboard never disagree;
// - the matters named in the prose, and the suggestions each sentence points at, come from its repository,
//   classified the way the figures are (the class of each item's latest reply; none yet = under study).
import type { ProseConsultation, SuggestionClass } from '../../../common/report-prose.js';
import type { Figures, FiguresRow } from '../../../common/schemas/consultations.js';
import type { Executor } from '../../context.js';
import type { ConsultationScope } from '../consultations/consultations.policy.js';
import {
  findItemIds,
  findMatterIds,
  itemsByIds,
  matterCounterparts,
  mattersByIds,
  repliesOf,
} from '../consultations/consultations.repository.js';
import { consultationFigures } from '../consultations/consultations.service.js';

async function inSlices<T>(ids: number[], fn: (slice: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 500) out.push(...(await fn(ids.slice(i, i + 500))));
  return out;
}

const CLASS_OF: Record<string, SuggestionClass> = {
  adopted: 'adopted',
  partly_adopted: 'partly',
  not_adopted: 'not_adopted',
  for_reference: 'reference',
};

export interface ConsultationMatterFacts extends ProseConsultation {
  departmentId: number;
  counterpartIds: number[];
}

/**
 * A department's consultations of a year, as the report's prose takes them: its matters of the year (and any
 * matter with a suggestion received in the year), each with its symposium and its suggestions received in the
 * year. The counts agree with `consultationFigures` for the department and year.
 */
export async function consultationFacts(
  db: Executor,
  departmentId: number,
  year: number,
): Promise<ConsultationMatterFacts[]> {
  const scope: ConsultationScope = { kind: 'department', organisationId: departmentId };
  const itemIds = await findItemIds(db, { scope, year, departmentId });
  const [items, replies] = await Promise.all([
    inSlices(itemIds, (s) => itemsByIds(db, s)),
    inSlices(itemIds, (s) => repliesOf(db, s)),
  ]);
  const matterIds = new Set(await findMatterIds(db, { scope, year, departmentId }));
  for (const i of items) matterIds.add(i.matter_id);
  const matters = (await mattersByIds(db, [...matterIds])).sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id,
  );
  const cps = await matterCounterparts(
    db,
    matters.map((m) => m.id),
  );
  return matters.map((m) => ({
    id: m.id,
    title: m.title,
    departmentId: m.department_id,
    counterpartIds: cps.filter((c) => c.matter_id === m.id).map((c) => c.id),
    symposia: m.symposium_status === 'held' ? 1 : 0,
    suggestions: items
      .filter((i) => i.matter_id === m.id)
      .sort((a, b) => a.id - b.id)
      .map((i) => {
        const mine = replies.filter((r) => r.item_id === i.id);
        const first = mine.find((r) => r.round === 1);
        const latest = mine.at(-1);
        return {
          id: i.id,
          class: latest ? (CLASS_OF[latest.reply_class] ?? 'under_study') : 'under_study',
          replied: first !== undefined,
          onTime: first?.on_time === 1,
        };
      }),
  }));
}

export interface RegionConsultations {
  totals: Figures;
  /** per department and counterpart (year of receipt = the year asked) */
  rows: FiguresRow[];
  /** matters of the year per department and counterpart consulted */
  mattersByPair: Map<string, number>;
  matters: number;
}

/** The consultation figures of a region's year, for the conference pack. */
export async function regionConsultations(
  db: Executor,
  regionPath: string,
  year: number,
): Promise<RegionConsultations> {
  const scope: ConsultationScope = { kind: 'region', regionPath };
  const figures = await consultationFigures(db, scope, { year });
  const matterIds = await findMatterIds(db, { scope, year });
  const cps = await inSlices(matterIds, (s) => matterCounterparts(db, s));
  const matters = await inSlices(matterIds, (s) => mattersByIds(db, s));
  const mattersByPair = new Map<string, number>();
  for (const c of cps) {
    const m = matters.find((x) => x.id === c.matter_id);
    if (!m) continue;
    const key = `${m.department_id}:${c.id}`;
    mattersByPair.set(key, (mattersByPair.get(key) ?? 0) + 1);
  }
  return {
    totals: figures.totals,
    rows: figures.rows.filter((r) => r.year === year),
    mattersByPair,
    matters: matterIds.length,
  };
}
