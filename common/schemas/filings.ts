import { z } from 'zod';
import { FILING_ROUND_DEFAULTS, FILING_STATUSES, FORM_STATUSES, ROUND_STATUSES } from '../filings.js';
import { FormPersonDto, IsoDate, Phone, UnitRef } from './roster.js';
import { Id, OptionalText, Text, Year } from './shared.js';

export const FilingRoundDto = z
  .object({
    id: z.number().int(),
    regionId: z.number().int(),
    year: z.number().int(),
    /** 'YYYY-MM-DD': 此表请于…前报 */
    deadline: z.string(),
    recipient: z.string(),
    contactPerson: z.string(),
    contactPhone: z.string(),
    fax: z.string(),
    status: z.enum(ROUND_STATUSES),
    openedBy: z.string().nullable(),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({
    id: 'FilingRoundDto',
    description:
      '一次附件2登记报送：年度、截止日期、报送对象、联系人、电话、传真、状态 · A 附件2 filing round: year, deadline, and the recipient, contact person, phone and fax printed on the form; open or closed',
  });
export type FilingRoundDto = z.infer<typeof FilingRoundDto>;

/** The actor's own unit's form in a round (units only). */
export const MyFilingSummary = z
  .object({
    status: z.enum(FILING_STATUSES),
    formStatus: z.enum(FORM_STATUSES),
    submittedLate: z.boolean(),
  })
  .meta({
    id: 'MyFilingSummary',
    description:
      '本单位在该批次中登记表的状态 · The state of the user’s own unit’s form in a round (units only): status, stored form status, submitted late',
  });

export const FilingRoundListResponse = z
  .object({
    items: z.array(FilingRoundDto.extend({ mine: MyFilingSummary.nullable() })),
    abilities: z.object({ canManage: z.boolean() }),
  })
  .meta({
    id: 'FilingRoundListResponse',
    description:
      '登记报送批次列表，及本单位的填报状态 · The filing rounds, each with the user’s own unit’s form state, and whether the user may manage rounds',
  });

export const CreateFilingRoundRequest = z
  .object({
    year: Year,
    deadline: IsoDate,
    recipient: Text(100).default(FILING_ROUND_DEFAULTS.recipient),
    contactPerson: Text(50).default(FILING_ROUND_DEFAULTS.contactPerson),
    contactPhone: Phone.default(FILING_ROUND_DEFAULTS.contactPhone),
    fax: Phone.default(FILING_ROUND_DEFAULTS.fax),
    /** the year had a round already (closed): open another all the same (FILING_ROUND_EXISTS otherwise) */
    confirmAnother: z.boolean().optional(),
  })
  .meta({
    id: 'CreateFilingRoundRequest',
    description:
      '发起附件2登记报送：年度、截止日期，报送对象和联系方式默认取通知原文 · Opens a 附件2 filing round: year and deadline; recipient, contact person, phone and fax default to the notice’s',
  });
export type CreateFilingRoundRequest = z.infer<typeof CreateFilingRoundRequest>;

/** Move the deadline or correct what the form prints, while the round is open. */
export const UpdateFilingRoundRequest = z
  .object({
    deadline: IsoDate,
    recipient: Text(100),
    contactPerson: Text(50),
    contactPhone: Phone,
    fax: Phone,
  })
  .partial()
  .meta({
    id: 'UpdateFilingRoundRequest',
    description:
      '修改进行中的登记报送：截止日期、报送对象、联系人、电话、传真 · Changes an open round: deadline, recipient, contact person, phone or fax',
  });
export type UpdateFilingRoundRequest = z.infer<typeof UpdateFilingRoundRequest>;

export const FilingRoundParams = z.object({ roundId: Id }).meta({
  id: 'FilingRoundParams',
  description: '登记报送批次的路径参数 · Path parameter: a filing round’s id',
});
export const FilingParams = z.object({ roundId: Id, organisationId: Id }).meta({
  id: 'FilingParams',
  description:
    '单位登记表的路径参数：批次和单位 · Path parameters: a filing round’s id and the unit’s organisation id',
});

/** A person on the form as typed; a draft may leave any field empty (null). */
export const FormPersonInput = z
  .object({
    name: Text(50).nullable().optional(),
    position: Text(100).nullable().optional(),
    phone: Phone.nullable().optional(),
  })
  .meta({
    id: 'FormPersonInput',
    description:
      '登记表上的一人（分管领导或联络员）：姓名、职务、联系电话，草稿可留空 · A person on the 附件2 form (leader in charge or liaison officer) as typed: name, position and phone, each may be empty in a draft',
  });
export type FormPersonInput = z.infer<typeof FormPersonInput>;

export const SaveFilingRequest = z
  .object({
    leader: FormPersonInput,
    liaison: FormPersonInput,
  })
  .meta({
    id: 'SaveFilingRequest',
    description:
      '保存附件2登记表草稿：分管领导和联络员 · Saves a unit’s 附件2 draft: the leader in charge and the liaison officer',
  });
export type SaveFilingRequest = z.infer<typeof SaveFilingRequest>;

/** Submit what is saved (no body), or save these values and submit them in one step. */
export const SubmitFilingRequest = SaveFilingRequest.nullish().meta({
  id: 'SubmitFilingRequest',
  description:
    '报送登记表：不带内容则报送已保存的，带内容则保存后报送 · Submits a unit’s 附件2 form: no body submits what is saved, a body saves these values and submits them',
});

export const ReturnFilingRequest = z.object({ reason: Text(500) }).meta({
  id: 'ReturnFilingRequest',
  description: '统战部退回登记表并说明理由 · 统战部 returns a submitted form to the unit, with a reason',
});
export type ReturnFilingRequest = z.infer<typeof ReturnFilingRequest>;

export const FileFilingRequest = z
  .object({ note: OptionalText(500) })
  .nullish()
  .meta({
    id: 'FileFilingRequest',
    description:
      '统战部将登记表备案并记入责任人名册，可附说明 · 统战部 files a submitted form into the roster, with an optional note',
  });

export const FilingEventDto = z
  .object({
    id: z.number().int(),
    action: z.enum(['saved', 'submitted', 'returned', 'filed']),
    note: z.string().nullable(),
    actor: z.string().nullable(),
    at: z.string(),
  })
  .meta({
    id: 'FilingEventDto',
    description:
      '登记表办理过程中的一个事件：保存、报送、退回、备案 · One event in a form’s history: saved, submitted, returned or filed, with the note, actor and time',
  });

export const FilingDto = z
  .object({
    /** null until the unit first saves */
    id: z.number().int().nullable(),
    round: z.object({
      id: z.number().int(),
      year: z.number().int(),
      deadline: z.string(),
      status: z.enum(ROUND_STATUSES),
    }),
    organisation: UnitRef,
    /** the stored status, or `late` */
    status: z.enum(FILING_STATUSES),
    formStatus: z.enum(FORM_STATUSES),
    late: z.boolean(),
    /** first submitted after the deadline */
    submittedLate: z.boolean(),
    leader: FormPersonDto,
    liaison: FormPersonDto,
    /** the persons come from the roster: nothing is saved yet */
    prefilled: z.boolean(),
    firstSubmittedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    filedAt: z.string().nullable(),
    returnReason: z.string().nullable(),
    events: z.array(FilingEventDto),
    phonesMasked: z.boolean(),
    abilities: z.object({
      canEdit: z.boolean(),
      canSubmit: z.boolean(),
      canReview: z.boolean(),
      canReveal: z.boolean(),
    }),
  })
  .meta({
    id: 'FilingDto',
    description:
      '一个单位在某批次中的附件2登记表：状态、是否逾期、分管领导和联络员、办理过程 · One unit’s 附件2 form in a round: status, lateness, the leader in charge and liaison officer (prefilled from the roster until saved, phones masked unless revealed), and its history',
  });
export type FilingDto = z.infer<typeof FilingDto>;

export const BoardUnitDto = z
  .object({
    organisation: UnitRef,
    status: z.enum(FILING_STATUSES),
    formStatus: z.enum(FORM_STATUSES),
    submittedLate: z.boolean(),
    submittedAt: z.string().nullable(),
    filedAt: z.string().nullable(),
    /** a leader or liaison was replaced after this round's form was filed */
    changedSinceFiling: z.boolean(),
    /** change reports not yet acknowledged by 统战部 */
    pendingChangeReports: z.number().int(),
  })
  .meta({
    id: 'BoardUnitDto',
    description:
      '报送进度中的一个单位：状态、是否逾期报送、备案后是否换人、待确认的变动报告数 · One unit on the filing board: status, submitted late, people changed since filing, and change reports not yet acknowledged by 统战部',
  });
export type BoardUnitDto = z.infer<typeof BoardUnitDto>;

/** 统战部's completeness board of a round: N of M filed, who is late, who changed people since. */
export const FilingBoardResponse = z
  .object({
    round: FilingRoundDto,
    today: z.string(),
    total: z.number().int(),
    filed: z.number().int(),
    counts: z.record(z.enum(FILING_STATUSES), z.number().int()),
    late: z.array(UnitRef),
    changedSinceFiling: z.array(UnitRef),
    units: z.array(BoardUnitDto),
  })
  .meta({
    id: 'FilingBoardResponse',
    description:
      '统战部查看的报送进度：已备案数、各状态数、逾期和备案后换人的单位 · 统战部’s completeness board of a round: how many of the units filed, counts per status, the late units and those that changed people since filing',
  });
export type FilingBoardResponse = z.infer<typeof FilingBoardResponse>;

export const RemindResponse = z
  .object({
    /** the late units reminded */
    units: z.array(UnitRef),
    /** notifications created now */
    notified: z.number().int(),
    /** users already reminded today about this round */
    alreadyNotified: z.number().int(),
    /** late units with no account to remind: to be phoned */
    unitsWithoutUsers: z.array(UnitRef),
  })
  .meta({
    id: 'RemindResponse',
    description:
      '催报结果：已提醒的逾期单位、新发通知数、今日已提醒数、无账号需电话催报的单位 · The result of reminding late units: the units reminded, notifications created, users already reminded today, and units with no account, to be phoned',
  });
export type RemindResponse = z.infer<typeof RemindResponse>;

export const RegistrationFormQuery = z
  .object({
    organisationId: Id,
    year: Year,
    /** '1': the blank form, for a unit that prefers to fill it in by hand */
    blank: z.enum(['0', '1']).optional(),
  })
  .meta({
    id: 'RegistrationFormQuery',
    description:
      '导出附件2登记表（Word）的单位、年度，及是否空白表 · Which unit and year’s 附件2 registration form to export as .docx, filled or blank',
  });
export type RegistrationFormQuery = z.infer<typeof RegistrationFormQuery>;
