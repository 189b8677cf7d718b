import { z } from 'zod';
import { isFormPhone } from '../contact-checks.js';
import { Id, OptionalText, Ref, Text } from './shared.js';

/** A calendar date 'YYYY-MM-DD' that exists (2019-02-30 is refused). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'no such date')
  .meta({
    id: 'IsoDate',
    description:
      '日历日期 YYYY-MM-DD，须为实际存在的日期 · A calendar date YYYY-MM-DD that exists (2019-02-30 is refused)',
  });

/** A phone number as people write it: digits, +, spaces, dashes, brackets, an extension (转/ext/x). */
export const Phone = z
  .string()
  .trim()
  .min(3)
  .max(30)
  .refine(isFormPhone, {
    // the rule's name, for common/validation.ts to say "「电话」格式不正确：…"
    params: { rule: 'phone' },
    error:
      '手机号为 1 开头的 11 位数字；固定电话写 7–8 位号码，可加区号和分机号 / a mobile is 11 digits starting with 1; a landline 7–8 digits, with optional area code and extension',
  })
  .meta({
    id: 'Phone',
    description:
      '电话号码：手机号（1 开头 11 位，可加 +86），或固定电话（7–8 位，可加区号、分机号） · A phone number: a mainland mobile (11 digits starting 1[3-9], optional +86) or a landline (7–8 digits, optional area code and extension)',
  });

/** The three responsible persons of a unit (四(二)): 主要负责人, 分管领导, 联络员 (科室负责人). */
export const PERSON_ROLES = ['principal', 'leader', 'liaison'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PersonRole = z.enum(PERSON_ROLES).meta({
  id: 'PersonRole',
  description:
    '责任人角色：主要负责人、分管领导、联络员 · The role of a responsible person: principal, leader in charge or liaison officer',
});

export const PERSON_ROLE_LABELS: Record<PersonRole, { zh: string; en: string }> = {
  principal: { zh: '主要负责人', en: 'Principal' },
  leader: { zh: '分管领导', en: 'Leader in charge' },
  liaison: { zh: '联络员', en: 'Liaison officer' },
};

/** A unit that keeps a roster and files 附件2: a government department or a counterpart. */
export const UnitRef = Ref.extend({ kind: z.enum(['department', 'counterpart']) }).meta({
  id: 'RosterUnitRef',
  description:
    '填报名册和附件2的单位：政府部门或联系对象 · A unit that keeps a roster and files form 2: a government department or a counterpart',
});
export type UnitRef = z.infer<typeof UnitRef>;

/** One version of one person in one role: who, and the days they served (served_to inclusive; null = serving). */
export const RosterPersonDto = z
  .object({
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
  })
  .meta({
    id: 'RosterPersonDto',
    description:
      '某角色责任人的一个版本：姓名、职务、电话、任职起止日期、来源 · One version of a responsible person in a role: name, position, phones, the days served, and whether typed into the roster or taken from a filed form 2',
  });
export type RosterPersonDto = z.infer<typeof RosterPersonDto>;

export const RosterPersons = z
  .object({
    principal: RosterPersonDto.nullable(),
    leader: RosterPersonDto.nullable(),
    liaison: RosterPersonDto.nullable(),
  })
  .meta({
    id: 'RosterPersons',
    description:
      '在任的主要负责人、分管领导和联络员 · The responsible persons in force: principal, leader in charge and liaison officer (null where none is recorded)',
  });
export type RosterPersons = z.infer<typeof RosterPersons>;

/** A person as 附件2 prints them: 姓名, 职务, 联系电话 (each may still be empty in a draft). */
export const FormPersonDto = z
  .object({
    name: z.string().nullable(),
    position: z.string().nullable(),
    phone: z.string().nullable(),
  })
  .meta({
    id: 'FormPersonDto',
    description:
      '附件2上的一位责任人：姓名、职务、联系电话 · A person as form 2 prints them: name, position and phone (each may still be empty in a draft)',
  });
export type FormPersonDto = z.infer<typeof FormPersonDto>;

export const RosterUnitDto = RosterPersons.extend({
  organisation: UnitRef,
  /** true when the phones in this item are masked for the viewer */
  phonesMasked: z.boolean(),
}).meta({
  id: 'RosterUnitDto',
  description:
    '名册中的一个单位及其在任责任人 · One unit of the roster with its responsible persons in force, and whether its phones are masked for the viewer',
});
export type RosterUnitDto = z.infer<typeof RosterUnitDto>;

export const RosterListQuery = z
  .object({
    /** who was in force on this day; default today */
    date: IsoDate.optional(),
    kind: z.enum(['department', 'counterpart']).optional(),
    organisationId: Id.optional(),
  })
  .meta({
    id: 'RosterListQuery',
    description:
      '责任人名册的筛选条件：日期（默认今天）、单位类别、单位 · Filters of the roster: the date in force (default today), unit kind and unit',
  });
export type RosterListQuery = z.infer<typeof RosterListQuery>;

export const RosterListResponse = z
  .object({
    date: z.string(),
    items: z.array(RosterUnitDto),
    abilities: z.object({ canReveal: z.boolean() }),
  })
  .meta({
    id: 'RosterListResponse',
    description:
      '某日的责任人名册 · The roster as of a date: each unit with its responsible persons, and whether the user may reveal full phones',
  });
export type RosterListResponse = z.infer<typeof RosterListResponse>;

export const ChangeReportStatus = z.enum(['reported', 'acknowledged']).meta({
  id: 'ChangeReportStatus',
  description:
    '人员变动报告的状态：已报告、已确认 · The status of a personnel change report: reported or acknowledged',
});

/** 人员如有变动，应及时调整并报告: who replaced whom in which role, from when, and why. */
export const ChangeReportDto = z
  .object({
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
  })
  .meta({
    id: 'ChangeReportDto',
    description:
      '一份人员变动报告：单位、角色、原任和新任、生效日期、原因及统战部确认情况 · A personnel change report: the unit, the role, who replaced whom, from when, why, and 统战部’s acknowledgement',
  });
export type ChangeReportDto = z.infer<typeof ChangeReportDto>;

/** The 附件2 that was on file with 统战部 on a day: the last form filed on or before it. */
export const FiledFormDto = z
  .object({
    filingId: z.number().int(),
    roundId: z.number().int(),
    year: z.number().int(),
    filedAt: z.string(),
    leader: FormPersonDto,
    liaison: FormPersonDto,
  })
  .meta({
    id: 'FiledFormDto',
    description:
      '某日已在统战部备案的附件2中的分管领导和联络员 · The form 2 on file with 统战部 on a day (the last filed on or before it): its leader in charge and liaison officer',
  });

export const RosterDetailQuery = z.object({ date: IsoDate.optional() }).meta({
  id: 'RosterDetailQuery',
  description:
    '单位责任人详情的日期（默认今天） · The date to show a unit’s responsible persons as of (default today)',
});

export const RosterDetailResponse = z
  .object({
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
  })
  .meta({
    id: 'RosterDetailResponse',
    description:
      '一个单位的责任人：某日在任者、已备案的附件2、历次版本、人员变动报告 · One unit’s responsible persons: who was in force on the date, the filed form 2 in force, every version, the change reports and what the user may do',
  });
export type RosterDetailResponse = z.infer<typeof RosterDetailResponse>;

export const RosterParams = z.object({ organisationId: Id }).meta({
  id: 'RosterParams',
  description: '单位名册的路径参数 · Path parameter: the id of the unit whose roster is meant',
});
export const RosterRoleParams = z.object({ organisationId: Id, role: PersonRole }).meta({
  id: 'RosterRoleParams',
  description:
    '单位某一角色责任人的路径参数 · Path parameters: the unit’s id and the role (principal, leader or liaison)',
});

/**
 * A new version of a role: a different person (a change, reported to 统战部 once the unit has filed — then
 * `reason` is required) or the same person with a new position or phone.
 */
export const UpdateRosterPersonRequest = z
  .object({
    name: Text(50),
    position: Text(100),
    officePhone: Phone.nullable().optional(),
    mobile: Phone.nullable().optional(),
    /** the first day of this version */
    servedFrom: IsoDate,
    reason: OptionalText(500),
  })
  .meta({
    id: 'UpdateRosterPersonRequest',
    description:
      '登记某角色责任人的新版本：换人或更新职务、电话 · A new version of a role: a different person (replacing the leader in charge or liaison officer after the unit has filed needs a reason and is reported to 统战部) or the same person with a new position or phone',
  });
export type UpdateRosterPersonRequest = z.infer<typeof UpdateRosterPersonRequest>;

/** Seeing phones in full is recorded with the reason (个人信息 access). */
export const RevealRequest = z.object({ reason: Text(500), date: IsoDate.optional() }).meta({
  id: 'RevealRequest',
  description:
    '查看完整电话的理由（记入审计日志）及日期 · Reveals a unit’s full phone numbers in its roster or form 2: the reason (recorded in the audit trail) and the date to show',
});
export type RevealRequest = z.infer<typeof RevealRequest>;

export const ChangeReportListQuery = z
  .object({
    status: ChangeReportStatus.optional(),
    organisationId: Id.optional(),
  })
  .meta({
    id: 'ChangeReportListQuery',
    description:
      '人员变动报告列表的筛选条件：状态、单位 · Filters of the change-report list: status and unit',
  });
export type ChangeReportListQuery = z.infer<typeof ChangeReportListQuery>;

export const ChangeReportListResponse = z
  .object({
    items: z.array(ChangeReportDto),
    abilities: z.object({ canAcknowledge: z.boolean() }),
  })
  .meta({
    id: 'ChangeReportListResponse',
    description:
      '人员变动报告列表 · The personnel change reports in scope, and whether the user may acknowledge them',
  });

export const AcknowledgeChangeReportRequest = z
  .object({ note: OptionalText(500) })
  .nullish()
  .meta({
    id: 'AcknowledgeChangeReportRequest',
    description:
      '统战部确认人员变动报告，可附说明（可不带请求体） · 统战部 acknowledges a personnel change report, with an optional note (the body may be omitted)',
  });
export type AcknowledgeChangeReportRequest = z.infer<typeof AcknowledgeChangeReportRequest>;

export const RosterExportQuery = z
  .object({
    date: IsoDate.optional(),
    /** '1': phones in full — needs contacts:reveal and a reason */
    full: z.enum(['0', '1']).optional(),
    reason: Text(500).optional(),
  })
  .meta({
    id: 'RosterExportQuery',
    description:
      '导出名册的参数：日期，是否显示完整电话（须有查看权限并说明理由） · Parameters of the roster export (.xlsx): the date, and full phones (needs the contacts:reveal permission and a reason)',
  });
export type RosterExportQuery = z.infer<typeof RosterExportQuery>;
