import { z } from 'zod';
import { Id, OptionalText, Ref, Text } from './shared.js';

/** A calendar date 'YYYY-MM-DD' that exists (2019-02-30 is refused). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'no such date');

/** A phone number as people write it: digits, +, spaces, dashes, brackets, an extension (转/ext/x). */
export const Phone = z
  .string()
  .trim()
  .min(3)
  .max(30)
  .regex(/^\+?[0-9()\- ]+(?:\s*(?:转|ext\.?|x)\s*[0-9]{1,6})?$/i, 'not a phone number')
  .refine((s) => (s.match(/[0-9]/g) ?? []).length >= 3, 'not a phone number');

/** The three responsible persons of a unit (四(二)): 主要负责人, 分管领导, 联络员 (科室负责人). */
export const PERSON_ROLES = ['principal', 'leader', 'liaison'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PersonRole = z.enum(PERSON_ROLES);

export const PERSON_ROLE_LABELS: Record<PersonRole, { zh: string; en: string }> = {
  principal: { zh: '主要负责人', en: 'Principal' },
  leader: { zh: '分管领导', en: 'Leader in charge' },
  liaison: { zh: '联络员', en: 'Liaison officer' },
};

/** A unit that keeps a roster and files 附件2: a government department or a counterpart. */
export const UnitRef = Ref.extend({ kind: z.enum(['department', 'counterpart']) });
export type UnitRef = z.infer<typeof UnitRef>;

/** One version of one person in one role: who, and the days they served (served_to inclusive; null = serving). */
export const RosterPersonDto = z.object({
  id: z.number().int(),
  role: PersonRole,
  name: z.string(),
  position: z.string(),
  officePhone: z.string().nullable(),
  mobile: z.string().nullable(),
  servedFrom: z.string(),
  /** the last day served; before servedFrom when the version was superseded on the day it began */
  servedTo: z.string().nullable(),
  /** typed into the roster, or taken from a filed 附件2 */
  source: z.enum(['roster', 'filing']),
  filingId: z.number().int().nullable(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
});
export type RosterPersonDto = z.infer<typeof RosterPersonDto>;

export const RosterPersons = z.object({
  principal: RosterPersonDto.nullable(),
  leader: RosterPersonDto.nullable(),
  liaison: RosterPersonDto.nullable(),
});
export type RosterPersons = z.infer<typeof RosterPersons>;

/** A person as 附件2 prints them: 姓名, 职务, 联系电话 (each may still be empty in a draft). */
export const FormPersonDto = z.object({
  name: z.string().nullable(),
  position: z.string().nullable(),
  phone: z.string().nullable(),
});
export type FormPersonDto = z.infer<typeof FormPersonDto>;

export const RosterUnitDto = RosterPersons.extend({
  organisation: UnitRef,
  /** true when the phones in this item are masked for the viewer */
  phonesMasked: z.boolean(),
});
export type RosterUnitDto = z.infer<typeof RosterUnitDto>;

export const RosterListQuery = z.object({
  /** who was in force on this day; default today */
  date: IsoDate.optional(),
  kind: z.enum(['department', 'counterpart']).optional(),
  organisationId: Id.optional(),
});
export type RosterListQuery = z.infer<typeof RosterListQuery>;

export const RosterListResponse = z.object({
  date: z.string(),
  items: z.array(RosterUnitDto),
  abilities: z.object({ canReveal: z.boolean() }),
});
export type RosterListResponse = z.infer<typeof RosterListResponse>;

export const ChangeReportStatus = z.enum(['reported', 'acknowledged']);

/** 人员如有变动，应及时调整并报告: who replaced whom in which role, from when, and why. */
export const ChangeReportDto = z.object({
  id: z.number().int(),
  organisation: UnitRef,
  role: PersonRole,
  previous: z.object({ name: z.string(), position: z.string() }).nullable(),
  next: z.object({ name: z.string(), position: z.string() }),
  effectiveDate: z.string(),
  reason: z.string(),
  status: ChangeReportStatus,
  reportedAt: z.string(),
  reportedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgeNote: z.string().nullable(),
});
export type ChangeReportDto = z.infer<typeof ChangeReportDto>;

/** The 附件2 that was on file with 统战部 on a day: the last form filed on or before it. */
export const FiledFormDto = z.object({
  filingId: z.number().int(),
  roundId: z.number().int(),
  year: z.number().int(),
  filedAt: z.string(),
  leader: FormPersonDto,
  liaison: FormPersonDto,
});

export const RosterDetailQuery = z.object({ date: IsoDate.optional() });

export const RosterDetailResponse = z.object({
  organisation: UnitRef,
  date: z.string(),
  /** who was in force on `date` */
  inForce: RosterPersons,
  /** the filed 附件2 in force on `date` */
  filed: FiledFormDto.nullable(),
  /** every version, newest first */
  history: z.array(RosterPersonDto),
  changeReports: z.array(ChangeReportDto),
  phonesMasked: z.boolean(),
  abilities: z.object({ canWrite: z.boolean(), canReveal: z.boolean() }),
});
export type RosterDetailResponse = z.infer<typeof RosterDetailResponse>;

export const RosterParams = z.object({ organisationId: Id });
export const RosterRoleParams = z.object({ organisationId: Id, role: PersonRole });

/**
 * A new version of a role: a different person (a change, reported to 统战部 once the unit has filed — then
 * `reason` is required) or the same person with a new position or phone.
 */
export const UpdateRosterPersonRequest = z.object({
  name: Text(50),
  position: Text(100),
  officePhone: Phone.nullable().optional(),
  mobile: Phone.nullable().optional(),
  /** the first day of this version */
  servedFrom: IsoDate,
  reason: OptionalText(500),
});
export type UpdateRosterPersonRequest = z.infer<typeof UpdateRosterPersonRequest>;

/** Seeing phones in full is recorded with the reason (个人信息 access). */
export const RevealRequest = z.object({ reason: Text(500), date: IsoDate.optional() });
export type RevealRequest = z.infer<typeof RevealRequest>;

export const ChangeReportListQuery = z.object({
  status: ChangeReportStatus.optional(),
  organisationId: Id.optional(),
});
export type ChangeReportListQuery = z.infer<typeof ChangeReportListQuery>;

export const ChangeReportListResponse = z.object({
  items: z.array(ChangeReportDto),
  abilities: z.object({ canAcknowledge: z.boolean() }),
});

export const AcknowledgeChangeReportRequest = z.object({ note: OptionalText(500) }).nullish();
export type AcknowledgeChangeReportRequest = z.infer<typeof AcknowledgeChangeReportRequest>;

export const RosterExportQuery = z.object({
  date: IsoDate.optional(),
  /** '1': phones in full — needs contacts:reveal and a reason */
  full: z.enum(['0', '1']).optional(),
  reason: Text(500).optional(),
});
export type RosterExportQuery = z.infer<typeof RosterExportQuery>;
