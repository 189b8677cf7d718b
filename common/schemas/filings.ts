import { z } from 'zod';
import { FILING_ROUND_DEFAULTS, FILING_STATUSES, FORM_STATUSES, ROUND_STATUSES } from '../filings.js';
import { FormPersonDto, IsoDate, Phone, UnitRef } from './roster.js';
import { Id, OptionalText, Text, Year } from './shared.js';

export const FilingRoundDto = z.object({
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
});
export type FilingRoundDto = z.infer<typeof FilingRoundDto>;

/** The actor's own unit's form in a round (units only). */
export const MyFilingSummary = z.object({
  status: z.enum(FILING_STATUSES),
  formStatus: z.enum(FORM_STATUSES),
  submittedLate: z.boolean(),
});

export const FilingRoundListResponse = z.object({
  items: z.array(FilingRoundDto.extend({ mine: MyFilingSummary.nullable() })),
  abilities: z.object({ canManage: z.boolean() }),
});

export const CreateFilingRoundRequest = z.object({
  year: Year,
  deadline: IsoDate,
  recipient: Text(100).default(FILING_ROUND_DEFAULTS.recipient),
  contactPerson: Text(50).default(FILING_ROUND_DEFAULTS.contactPerson),
  contactPhone: Phone.default(FILING_ROUND_DEFAULTS.contactPhone),
  fax: Phone.default(FILING_ROUND_DEFAULTS.fax),
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
  .partial();
export type UpdateFilingRoundRequest = z.infer<typeof UpdateFilingRoundRequest>;

export const FilingRoundParams = z.object({ roundId: Id });
export const FilingParams = z.object({ roundId: Id, organisationId: Id });

/** A person on the form as typed; a draft may leave any field empty (null). */
export const FormPersonInput = z.object({
  name: Text(50).nullable().optional(),
  position: Text(100).nullable().optional(),
  phone: Phone.nullable().optional(),
});
export type FormPersonInput = z.infer<typeof FormPersonInput>;

export const SaveFilingRequest = z.object({
  leader: FormPersonInput,
  liaison: FormPersonInput,
});
export type SaveFilingRequest = z.infer<typeof SaveFilingRequest>;

/** Submit what is saved (no body), or save these values and submit them in one step. */
export const SubmitFilingRequest = SaveFilingRequest.nullish();

export const ReturnFilingRequest = z.object({ reason: Text(500) });
export type ReturnFilingRequest = z.infer<typeof ReturnFilingRequest>;

export const FileFilingRequest = z.object({ note: OptionalText(500) }).nullish();

export const FilingEventDto = z.object({
  id: z.number().int(),
  action: z.enum(['saved', 'submitted', 'returned', 'filed']),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});

export const FilingDto = z.object({
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
});
export type FilingDto = z.infer<typeof FilingDto>;

export const BoardUnitDto = z.object({
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
});
export type BoardUnitDto = z.infer<typeof BoardUnitDto>;

/** 统战部's completeness board of a round: N of M filed, who is late, who changed people since. */
export const FilingBoardResponse = z.object({
  round: FilingRoundDto,
  today: z.string(),
  total: z.number().int(),
  filed: z.number().int(),
  counts: z.record(z.enum(FILING_STATUSES), z.number().int()),
  late: z.array(UnitRef),
  changedSinceFiling: z.array(UnitRef),
  units: z.array(BoardUnitDto),
});
export type FilingBoardResponse = z.infer<typeof FilingBoardResponse>;

export const RemindResponse = z.object({
  /** the late units reminded */
  units: z.array(UnitRef),
  /** notifications created now */
  notified: z.number().int(),
  /** users already reminded today about this round */
  alreadyNotified: z.number().int(),
  /** late units with no account to remind: to be phoned */
  unitsWithoutUsers: z.array(UnitRef),
});
export type RemindResponse = z.infer<typeof RemindResponse>;

export const RegistrationFormQuery = z.object({
  organisationId: Id,
  year: Year,
  /** '1': the blank form, for a unit that prefers to fill it in by hand */
  blank: z.enum(['0', '1']).optional(),
});
export type RegistrationFormQuery = z.infer<typeof RegistrationFormQuery>;
