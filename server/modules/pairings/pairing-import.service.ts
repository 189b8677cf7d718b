import { closestOrganisation } from '../../../common/name-match.js';
import {
  PARSE_ISSUE_MESSAGES,
  type PairingParseResult,
  type ParseIssue,
} from '../../../common/pairing-text.js';
import type {
  ImportPreviewResponse,
  ImportRequest,
  ImportResponse,
  NameResolution,
} from '../../../common/schemas/pairings.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError, invalid } from '../../errors.js';
import { appendAudit } from '../audit/audit.writer.js';
import {
  aliasesOf,
  insertAlias,
  insertOrganisation,
  listOrganisations,
} from '../organisations/organisations.repository.js';
import { parseImportSource } from './pairing-source.js';
import { insertPairing, insertPairingEvent, overlappingPairings } from './pairings.repository.js';

type Side = 'counterpart' | 'department';

interface Candidate {
  id: number;
  name: string;
  shortName: string | null;
  aliases: string[];
  kind: string;
}

/** The organisations of the actor's region an imported name may refer to. */
async function candidates(db: Executor, regionPath: string): Promise<Candidate[]> {
  const orgs = await listOrganisations(db, { regionPath });
  const aliases = await aliasesOf(
    db,
    orgs.map((o) => o.id),
  );
  return orgs.map((o) => ({
    id: o.id,
    name: o.name,
    shortName: o.short_name,
    kind: o.kind,
    aliases: aliases.filter((a) => a.organisation_id === o.id).map((a) => a.alias),
  }));
}

/** Every distinct name of the parse, with the side it stands on, in order of appearance. */
function namesOf(parsed: PairingParseResult): { name: string; side: Side }[] {
  const seen = new Map<string, Side>();
  const add = (name: string, side: Side) => {
    if (!seen.has(name)) seen.set(name, side);
  };
  for (const pair of parsed.pairs) {
    add(pair.counterpart, 'counterpart');
    for (const d of pair.departments) add(d, 'department');
  }
  for (const c of parsed.sharedUnits?.counterparts ?? []) add(c, 'counterpart');
  for (const d of parsed.sharedUnits?.departments ?? []) add(d, 'department');
  return [...seen].map(([name, side]) => ({ name, side }));
}

function resolveNames(parsed: PairingParseResult, pool: Candidate[]): NameResolution[] {
  return namesOf(parsed).map(({ name, side }) => {
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

function localise(issues: ParseIssue[], lang: RequestContext['lang']) {
  return issues.map((i) => ({
    line: i.line,
    code: i.code,
    text: i.text,
    message: lang === 'en' ? PARSE_ISSUE_MESSAGES[i.code].en : PARSE_ISSUE_MESSAGES[i.code].zh,
  }));
}

export async function previewImport(
  ctx: RequestContext,
  input: { text?: string; xlsxBase64?: string },
): Promise<ImportPreviewResponse> {
  const parsed = await parseImportSource(input);
  const pool = await candidates(ctx.db, ctx.actor.regionPath);
  return {
    pairs: parsed.pairs.map((p) => ({ counterpart: p.counterpart, departments: p.departments })),
    sharedUnits: parsed.sharedUnits,
    warnings: localise(parsed.warnings, ctx.lang),
    errors: localise(parsed.errors, ctx.lang),
    names: resolveNames(parsed, pool),
  };
}

/**
 * Store what the preview showed, all or nothing: an unreadable line refuses the whole import; names
 * without a match become organisations of the actor's region unless `resolve` maps them to one (then
 * the name is kept as that organisation's alias, so the next import matches it exactly).
 */
export async function runImport(ctx: RequestContext, input: ImportRequest): Promise<ImportResponse> {
  const parsed = await parseImportSource(input);
  const firstError = parsed.errors[0];
  if (firstError) throw new AppError('IMPORT_UNREADABLE', { line: firstError.line, text: firstError.text });
  if (!parsed.pairs.length && !parsed.sharedUnits) throw invalid('no pairs');

  return ctx.db.transaction().execute(async (trx) => {
    const pool = await candidates(trx, ctx.actor.regionPath);
    const resolutions = resolveNames(parsed, pool);
    const idByName = new Map<string, number>();
    const organisationsCreated: { id: number; name: string }[] = [];
    let aliasesAdded = 0;

    for (const r of resolutions) {
      const mapped = input.resolve[r.name];
      if (mapped !== undefined) {
        const target = pool.find((c) => c.id === mapped && c.kind === r.side);
        if (!target) throw invalid(`resolve.${r.name}: ${mapped}`);
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

    const wanted: { counterpartId: number; departmentId: number; shared: boolean }[] = [];
    for (const pair of parsed.pairs) {
      for (const d of pair.departments) {
        wanted.push({
          counterpartId: idByName.get(pair.counterpart) as number,
          departmentId: idByName.get(d) as number,
          shared: false,
        });
      }
    }
    if (parsed.sharedUnits) {
      const sharedCounterparts = parsed.sharedUnits.counterparts.length
        ? parsed.sharedUnits.counterparts
        : parsed.pairs.map((p) => p.counterpart);
      for (const c of sharedCounterparts) {
        for (const d of parsed.sharedUnits.departments) {
          wanted.push({
            counterpartId: idByName.get(c) as number,
            departmentId: idByName.get(d) as number,
            shared: true,
          });
        }
      }
    }

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
    return { created, alreadyPresent, organisationsCreated, aliasesAdded };
  });
}
