import { closestOrganisation } from '../../../common/name-match.js';
import { NOTICE_ISSUE_MESSAGES, type NoticeIssue } from '../../../common/pairing-notice/index.js';
import type {
  ImportPreviewRequest,
  ImportPreviewResponse,
  ImportRequest,
  ImportResponse,
  NameResolution,
} from '../../../common/schemas/pairings.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { appendAudit } from '../audit/index.js';
import {
  insertAlias,
  insertOrganisation,
  type NamedOrganisation,
  organisationsWithAliases,
} from '../organisations/index.js';
import { readImportSource } from './pairing-source.js';
import { insertPairing, insertPairingEvent, overlappingPairings } from './pairings.repository.js';

type Side = 'counterpart' | 'department';

type Candidate = NamedOrganisation;

/** The organisations of the actor's region an imported name may refer to. */
const candidates = (db: Executor, regionPath: string): Promise<Candidate[]> =>
  organisationsWithAliases(db, regionPath);

/** Every distinct name of the pairs, with the side it stands on, in order of appearance. */
function namesOf(
  pairs: readonly { counterpart: string; department: string }[],
): { name: string; side: Side }[] {
  const seen = new Map<string, Side>();
  for (const pair of pairs) {
    if (!seen.has(pair.counterpart)) seen.set(pair.counterpart, 'counterpart');
    if (!seen.has(pair.department)) seen.set(pair.department, 'department');
  }
  return [...seen].map(([name, side]) => ({ name, side }));
}

function resolveNames(names: { name: string; side: Side }[], pool: Candidate[]): NameResolution[] {
  return names.map(({ name, side }) => {
    const sameSide = pool.filter((c) => c.kind === side);
    const best = closestOrganisation(name, sameSide);
    return {
      name,
      side,
      match: best?.exact ? { id: best.id, name: best.name } : null,
      suggestion: best && !best.exact ? { id: best.id, name: best.name, score: best.score } : null,
    };
  });
}

function localise(issues: NoticeIssue[], lang: RequestContext['lang']) {
  return issues.map((i) => ({
    line: i.line,
    text: i.text,
    reason: i.reason,
    message: NOTICE_ISSUE_MESSAGES[i.reason][lang === 'en' ? 'en' : 'zh'],
  }));
}

/** Read the notice and match its names; nothing is stored. */
export async function previewImport(
  ctx: RequestContext,
  input: ImportPreviewRequest,
): Promise<ImportPreviewResponse> {
  const reading = await readImportSource(input);
  const pool = await candidates(ctx.db, ctx.actor.regionPath);
  return {
    pairs: reading.pairs,
    issues: localise(reading.issues, ctx.lang),
    names: resolveNames(namesOf(reading.pairs), pool),
  };
}

/** Match names the user typed or corrected in the preview grid. */
export async function matchImportNames(
  ctx: RequestContext,
  names: { name: string; side: Side }[],
): Promise<NameResolution[]> {
  return resolveNames(names, await candidates(ctx.db, ctx.actor.regionPath));
}

/**
 * Store the pairs the user confirmed in the preview, all or nothing: names without a match become
 * organisations of the actor's region unless `resolve` maps them to one of that region (then the name is
 * kept as that organisation's alias, so the next import matches it exactly). One audit entry for the
 * import and one for each organisation, alias and pairing written, in the same transaction.
 */
export async function runImport(ctx: RequestContext, input: ImportRequest): Promise<ImportResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    const pool = await candidates(trx, ctx.actor.regionPath);
    const names = namesOf(input.pairs);
    const bothSides = input.pairs.find((p) =>
      names.some((n) => n.name === p.department && n.side === 'counterpart'),
    );
    if (bothSides) throw new AppError('PAIRING_BOTH_SIDES', { name: bothSides.department });
    const resolutions = resolveNames(names, pool);
    const idByName = new Map<string, number>();
    const organisationsCreated: { id: number; name: string }[] = [];
    let aliasesAdded = 0;

    for (const r of resolutions) {
      const mapped = input.resolve[r.name];
      if (mapped !== undefined) {
        const target = pool.find((c) => c.id === mapped && c.kind === r.side);
        if (!target) throw new AppError('IMPORT_NAME_NOT_A_UNIT', { name: r.name });
        if (target.name !== r.name && target.shortName !== r.name && !target.aliases.includes(r.name)) {
          const alias = await insertAlias(trx, target.id, r.name, '导入时确认 / confirmed at import');
          await appendAudit(trx, ctx, {
            action: 'organisation.alias.add',
            entityType: 'organisation',
            entityId: target.id,
            after: alias,
          });
          target.aliases.push(r.name);
          aliasesAdded++;
        }
        idByName.set(r.name, target.id);
      } else if (r.match) {
        idByName.set(r.name, r.match.id);
      } else {
        const org = await insertOrganisation(trx, {
          region_id: ctx.actor.regionId,
          kind: r.side,
          name: r.name,
          short_name: null,
          sort_order: 1000 + organisationsCreated.length,
          active: 1,
        });
        await appendAudit(trx, ctx, {
          action: 'organisation.create',
          entityType: 'organisation',
          entityId: org.id,
          after: org,
          detail: 'pairing import',
        });
        organisationsCreated.push({ id: org.id, name: org.name });
        idByName.set(r.name, org.id);
      }
    }

    const wanted = input.pairs.map((pair) => ({
      counterpartId: idByName.get(pair.counterpart) as number,
      departmentId: idByName.get(pair.department) as number,
      shared: pair.shared,
    }));

    let created = 0;
    let alreadyPresent = 0;
    const done = new Set<string>();
    for (const w of wanted) {
      const key = `${w.counterpartId}:${w.departmentId}`;
      if (done.has(key)) continue;
      done.add(key);
      const overlap = await overlappingPairings(
        trx,
        w.counterpartId,
        w.departmentId,
        input.validFrom,
        input.validFrom,
      );
      if (overlap.length) {
        alreadyPresent++;
        continue;
      }
      const pairing = await insertPairing(trx, {
        regionId: ctx.actor.regionId,
        counterpartId: w.counterpartId,
        departmentId: w.departmentId,
        validFrom: input.validFrom,
        validTo: null,
        source: input.source ?? null,
        shared: w.shared,
      });
      await insertPairingEvent(trx, {
        pairingId: pairing.id,
        action: 'created',
        year: input.validFrom,
        source: input.source ?? null,
        note: '导入 / import',
        actorId: ctx.actor.userId,
      });
      await appendAudit(trx, ctx, {
        action: 'pairing.create',
        entityType: 'pairing',
        entityId: pairing.id,
        after: pairing,
        detail: 'import',
      });
      created++;
    }
    const result = { created, alreadyPresent, organisationsCreated, aliasesAdded };
    await appendAudit(trx, ctx, {
      action: 'pairing.import',
      entityType: 'pairing',
      after: {
        ...result,
        pairs: input.pairs.length,
        validFrom: input.validFrom,
        source: input.source ?? null,
      },
      detail: 'import',
    });
    return result;
  });
}
