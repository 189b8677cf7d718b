// 重大事项民主协商: N (working days to reply) and K (reminder lead) per region, and the due dates they give.
import { can } from '../../../common/roles.js';
import {
  CONSULTATION_DEFAULTS,
  type ConsultationSettings,
  type ConsultationSettingsResponse,
  type DueState,
} from '../../../common/schemas/consultations.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import { subtractWorkingDays } from '../../../common/working-days.js';
import type { Executor, RequestContext } from '../../context.js';
import { nowIso } from '../../db/dialect.js';
import { appendAudit } from '../audit/index.js';
import { readSetting, writeSetting } from '../settings/index.js';

// ---------------------------------------------------------------------------------------------------------
// Settings: N (working days to reply) and K (reminder lead), per region, inherited down the region tree

const settingKey = (regionId: number) => `consultations.region.${regionId}`;

/** The region ids of a materialised path, deepest first: '/1/2/3/' → [3, 2, 1]. */
const pathIds = (regionPath: string): number[] => regionPath.split('/').filter(Boolean).map(Number).reverse();

/** The settings in force for a region: its own, else the nearest enclosing region's, else the defaults. */
export async function consultationSettingsFor(
  db: Executor,
  regionPath: string,
): Promise<ConsultationSettings & { customised: boolean }> {
  for (const id of pathIds(regionPath)) {
    const value = await readSetting<ConsultationSettings>(db, settingKey(id));
    if (value) return { ...CONSULTATION_DEFAULTS, ...value, customised: true };
  }
  return { ...CONSULTATION_DEFAULTS, customised: false };
}

/** Settings looked up once per region path within one operation (lists, the sweep). */
export function settingsCache(db: Executor) {
  const cache = new Map<string, Promise<ConsultationSettings>>();
  return (regionPath: string): Promise<ConsultationSettings> => {
    let hit = cache.get(regionPath);
    if (!hit) {
      hit = consultationSettingsFor(db, regionPath);
      cache.set(regionPath, hit);
    }
    return hit;
  };
}

export async function getSettings(ctx: RequestContext): Promise<ConsultationSettingsResponse> {
  const s = await consultationSettingsFor(ctx.db, ctx.actor.regionPath);
  return {
    regionId: ctx.actor.regionId,
    replyWorkingDays: s.replyWorkingDays,
    reminderLeadDays: s.reminderLeadDays,
    customised: s.customised,
    abilities: { canEdit: can(ctx.actor.role, 'consultations:supervise') },
  };
}

/** 统战部 sets N and K for its own region (and, by inheritance, the regions under it without their own). */
export async function updateSettings(
  ctx: RequestContext,
  input: ConsultationSettings,
): Promise<ConsultationSettingsResponse> {
  const before = await consultationSettingsFor(ctx.db, ctx.actor.regionPath);
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, settingKey(ctx.actor.regionId), input, ctx.actor.userId);
    await appendAudit(trx, ctx, {
      action: 'consultation.settings.update',
      entityType: 'settings',
      entityId: settingKey(ctx.actor.regionId),
      regionId: ctx.actor.regionId,
      before,
      after: input,
    });
  });
  return getSettings(ctx);
}

// ---------------------------------------------------------------------------------------------------------
// Due dates

export const today = (): string => shanghaiDate(nowIso());

export const awaitingReply = (status: string): boolean =>
  status === 'awaiting_reply' || status === 'rehandling';

/** Where an unanswered item stands against its due date on `day` (null once replied or closed). */
export function dueStateOf(status: string, dueDate: string, day: string, leadDays: number): DueState | null {
  if (!awaitingReply(status)) return null;
  if (day > dueDate) return 'overdue';
  if (day === dueDate) return 'due_today';
  if (leadDays > 0 && day >= subtractWorkingDays(dueDate, leadDays)) return 'due_soon';
  return 'on_track';
}
