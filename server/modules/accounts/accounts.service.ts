// 统战部's side of accounts: the units' 联络员 accounts (list, bulk creation with 开通通知单, fresh codes), and
// a new district with its own 统战部 administrator. Every rule about who may is in users.policy.ts.
import type {
  CreateDistrictRequest,
  IssuedCodeDto,
  ProvisionPreviewResponse,
  ProvisionRequest,
  ProvisionResponse,
  UnitAccountDto,
} from '../../../common/schemas/activation.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import type { RequestContext } from '../../context.js';
import { activationNoticesDocx } from '../../documents/activation-notice.docx.js';
import { AppError, notFound } from '../../errors.js';
import {
  activationLink,
  codeTarget,
  completeDelivery,
  type DeliveryConfig,
  issueCode,
  type PlannedDelivery,
  planDelivery,
  presentIssued,
  shanghaiMinute,
} from '../activation/index.js';
import { appendAudit } from '../audit/index.js';
import { passwordRules } from '../auth/index.js';
import { insertOrganisation } from '../organisations/index.js';
import { addRegion, regionToManage } from '../regions/index.js';
import { currentSecurityPolicy, type PolicyDefaults } from '../settings/index.js';
import { authorizeAccount, isUnitAccount, listUsers, UNIT_ACCOUNT_ROLE, UNIT_KINDS } from '../users/index.js';
import { createHeldAccount, holdersOf } from './holders.js';
import { planProvision } from './provisioning.js';

/** Every department and counterpart of the region, with its 联络员 account and an open hand-over. */
export async function listUnitAccounts(ctx: RequestContext): Promise<UnitAccountDto[]> {
  authorizeAccount(ctx.actor, 'provision');
  const units = await ctx.db
    .selectFrom('organisations as o')
    .innerJoin('regions as r', 'r.id', 'o.region_id')
    .select(['o.id', 'o.name', 'o.kind'])
    .where('r.path', 'like', `${ctx.actor.regionPath}%`)
    .where('o.kind', 'in', UNIT_KINDS)
    .where('o.active', '=', 1)
    .orderBy('o.kind')
    .orderBy('o.sort_order')
    .orderBy('o.id')
    .execute();
  const users = await listUsers(ctx.db, { regionPath: ctx.actor.regionPath });
  const accounts = users.filter(isUnitAccount);
  const holders = await holdersOf(
    ctx.db,
    accounts.map((a) => a.id),
  );
  const open = await ctx.db
    .selectFrom('account_handovers')
    .select(['id', 'organisation_id', 'next_name', 'proposed_at'])
    .where('status', '=', 'proposed')
    .where('organisation_id', 'in', units.map((u) => u.id).concat(-1))
    .execute();
  return units.map((u) => {
    const a = accounts.find((x) => x.organisation_id === u.id);
    const h = open.find((x) => x.organisation_id === u.id);
    return {
      organisation: { id: u.id, name: u.name, kind: u.kind },
      account: a
        ? {
            id: a.id,
            username: a.username,
            displayName: a.display_name,
            email: a.email,
            status: a.disabled ? 'disabled' : a.activation_pending ? 'pending' : 'active',
            holder: holders.find((x) => x.user_id === a.id && x.held_to === null)?.name ?? null,
          }
        : null,
      handover: h ? { id: h.id, nextName: h.next_name, proposedAt: h.proposed_at } : null,
    };
  });
}

/** A fresh code for a business account of the region: e-mailed when possible, else shown to 统战部 this once. */
export async function issueCodeFor(
  ctx: RequestContext,
  cfg: DeliveryConfig,
  userId: number,
): Promise<IssuedCodeDto> {
  const [target] = await listUsers(ctx.db, { regionPath: ctx.actor.regionPath, ids: [userId] });
  if (!target) throw notFound();
  authorizeAccount(ctx.actor, 'issue-code', { target: { id: target.id, role: target.role } });
  const planned = await ctx.db
    .transaction()
    .execute(async (trx) =>
      planDelivery(
        trx,
        ctx,
        cfg,
        await codeTarget(trx, userId),
        target.activation_pending ? 'activation' : 'reset',
        'show',
      ),
    );
  return presentIssued(await completeDelivery(ctx.db, ctx, cfg, planned));
}

export async function holderHistory(ctx: RequestContext, userId: number) {
  authorizeAccount(ctx.actor, 'provision');
  const [target] = await listUsers(ctx.db, { regionPath: ctx.actor.regionPath, ids: [userId] });
  if (!target) throw notFound();
  return (await holdersOf(ctx.db, [userId])).map((h) => ({
    name: h.name,
    heldFrom: h.held_from,
    heldTo: h.held_to,
  }));
}

export async function previewProvision(
  ctx: RequestContext,
  input: ProvisionRequest,
): Promise<ProvisionPreviewResponse> {
  authorizeAccount(ctx.actor, 'provision');
  return (await planProvision(ctx, input)).preview;
}

/**
 * Create every planned account in one transaction (nothing while any spreadsheet row has a problem), e-mail
 * the codes where an address is known, and render the 开通通知单 — one page per account — with every code.
 */
export async function provisionAccounts(
  ctx: RequestContext,
  cfg: DeliveryConfig,
  defaults: PolicyDefaults,
  input: ProvisionRequest,
): Promise<ProvisionResponse> {
  authorizeAccount(ctx.actor, 'provision');
  const { preview, plan } = await planProvision(ctx, input);
  if (input.source === 'xlsx' && preview.blocked > 0)
    throw new AppError('PROVISION_ROWS_INVALID', { count: preview.blocked });
  const rules = passwordRules(await currentSecurityPolicy(ctx.db, defaults));
  const now = new Date().toISOString();
  const planned = await ctx.db.transaction().execute(async (trx) => {
    const out: PlannedDelivery[] = [];
    for (const p of plan) {
      const org = await trx
        .selectFrom('organisations')
        .select('kind')
        .where('id', '=', p.organisation.id)
        .executeTakeFirstOrThrow();
      const role = UNIT_ACCOUNT_ROLE[org.kind];
      if (!role) continue;
      const id = await createHeldAccount(
        trx,
        ctx,
        {
          username: p.username,
          displayName: p.name.slice(0, 40),
          role,
          organisationId: p.organisation.id,
          email: p.email,
          holderName: p.name,
          personId: p.personId,
        },
        rules,
      );
      // On paper too: the code is shown to 统战部 for the notice even when it is also e-mailed.
      const target = await codeTarget(trx, id);
      const issued = await issueCode(trx, ctx, {
        userId: id,
        regionId: target.regionId,
        purpose: 'activation',
        delivery: target.email && cfg.LIAISON_SMTP_URL ? 'email' : 'shown',
        ttlHours: cfg.LIAISON_ACTIVATION_HOURS,
      });
      out.push({
        target,
        purpose: 'activation',
        fallback: 'show',
        kind: target.email && cfg.LIAISON_SMTP_URL ? 'email' : 'shown',
        ...issued,
      });
    }
    await appendAudit(trx, ctx, {
      action: 'account.provision',
      entityType: 'organisation',
      entityId: null,
      after: { source: input.source, created: out.length },
    });
    return out;
  });
  const delivered: PlannedDelivery[] = [];
  for (const p of planned) delivered.push(await completeDelivery(ctx.db, ctx, cfg, p));
  const notices = await activationNoticesDocx(
    planned.map((p) => ({
      organisationName: p.target.organisationName,
      holderName: p.target.displayName,
      username: p.target.username,
      code: p.code ?? '',
      validUntil: shanghaiMinute(p.expiresAt ?? now),
      activationUrl: activationLink(cfg.LIAISON_PUBLIC_URL),
    })),
    {
      oversightName: ctx.actor.organisationName,
      contactName: ctx.actor.displayName,
      date: shanghaiDate(now),
    },
  );
  return {
    // every code is on the notices; the list shows it too, so 统战部 can hand over without printing
    created: planned.map((p) => ({
      ...presentIssued({ ...p, kind: 'shown' }),
      delivery: p.kind === 'email' ? 'email' : 'shown',
    })),
    emailed: delivered.filter((d) => d.kind === 'email').length,
    noticesDocxBase64: notices.toString('base64'),
  };
}

/**
 * A city 统战部 adds a district under its region: the region, the district's 统战部 (an oversight unit), and that
 * 统战部's administrator account, activated by its holder with a code (e-mailed, or shown to the city this once).
 */
export async function createDistrict(
  ctx: RequestContext,
  cfg: DeliveryConfig,
  defaults: PolicyDefaults,
  input: CreateDistrictRequest,
): Promise<{
  region: { id: number; name: string };
  organisation: { id: number; name: string };
  code: IssuedCodeDto;
}> {
  authorizeAccount(ctx.actor, 'create-district');
  const parent = await regionToManage(ctx, input.parentId);
  const rules = passwordRules(await currentSecurityPolicy(ctx.db, defaults));
  const planned = await ctx.db.transaction().execute(async (trx) => {
    const region = await addRegion(trx, ctx, parent, {
      parentId: parent.id,
      name: input.name,
      level: input.level,
    });
    const organisation = await insertOrganisation(trx, {
      region_id: region.id,
      kind: 'oversight',
      name: input.oversightName,
      short_name: null,
      sort_order: 1,
      active: 1,
    });
    await appendAudit(trx, ctx, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: organisation.id,
      regionId: region.id,
      after: organisation,
    });
    const id = await createHeldAccount(
      trx,
      ctx,
      {
        username: input.administrator.username,
        displayName: input.administrator.displayName,
        role: 'tzb',
        organisationId: organisation.id,
        email: input.administrator.email ?? null,
      },
      rules,
    );
    const delivery = await planDelivery(trx, ctx, cfg, await codeTarget(trx, id), 'activation', 'show');
    return { region, organisation, delivery };
  });
  const done = await completeDelivery(ctx.db, ctx, cfg, planned.delivery);
  return {
    region: { id: planned.region.id, name: planned.region.name },
    organisation: { id: planned.organisation.id, name: planned.organisation.name },
    code: presentIssued(done),
  };
}
