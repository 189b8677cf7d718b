import { z } from 'zod';
import { Id, OptionalText, Ref, Year } from './shared.js';

export const PairingDto = z.object({
  id: z.number().int(),
  counterpart: Ref,
  department: Ref,
  validFrom: z.number().int(),
  validTo: z.number().int().nullable(),
  source: z.string().nullable(),
  shared: z.boolean(),
  endSource: z.string().nullable(),
  endReason: z.string().nullable(),
});
export type PairingDto = z.infer<typeof PairingDto>;

export const PairingListQuery = z.object({
  /** pairings in force in this year; omitted = every pairing ever recorded */
  year: Year.optional(),
  counterpartId: Id.optional(),
  departmentId: Id.optional(),
});
export type PairingListQuery = z.infer<typeof PairingListQuery>;

export const PairingListResponse = z.object({
  items: z.array(PairingDto),
  abilities: z.object({ canWrite: z.boolean() }),
});
export type PairingListResponse = z.infer<typeof PairingListResponse>;

export const PairingMatrixResponse = z.object({
  year: z.number().int(),
  counterparts: z.array(Ref),
  departments: z.array(Ref),
  /** one cell per pairing in force: counterpart × department → pairing id */
  cells: z.array(
    z.object({
      counterpartId: z.number().int(),
      departmentId: z.number().int(),
      pairingId: z.number().int(),
      shared: z.boolean(),
    }),
  ),
});
export type PairingMatrixResponse = z.infer<typeof PairingMatrixResponse>;

export const PairingYearsResponse = z.object({ years: z.array(z.number().int()) });

export const CreatePairingRequest = z.object({
  counterpartId: Id,
  departmentId: Id,
  validFrom: Year,
  validTo: Year.nullable().optional(),
  source: OptionalText(100),
  shared: z.boolean().default(false),
});
export type CreatePairingRequest = z.infer<typeof CreatePairingRequest>;

export const EndPairingRequest = z.object({
  /** the last year the pairing is in force */
  validTo: Year,
  source: OptionalText(100),
  reason: OptionalText(500),
});
export type EndPairingRequest = z.infer<typeof EndPairingRequest>;

export const PairingEventDto = z.object({
  id: z.number().int(),
  pairingId: z.number().int(),
  counterpart: Ref,
  department: Ref,
  action: z.enum(['created', 'ended']),
  year: z.number().int(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type PairingEventDto = z.infer<typeof PairingEventDto>;

export const PairingHistoryQuery = z.object({ pairingId: Id.optional() });
export const PairingHistoryResponse = z.object({ items: z.array(PairingEventDto) });

/** Import: text pasted from a notice, or a two-column .xlsx (base64). */
export const ImportPreviewRequest = z
  .object({
    text: z.string().max(200_000).optional(),
    xlsxBase64: z.string().max(8_000_000).optional(),
  })
  .refine((v) => (v.text ? 1 : 0) + (v.xlsxBase64 ? 1 : 0) === 1, 'give exactly one of text or xlsxBase64');
export type ImportPreviewRequest = z.infer<typeof ImportPreviewRequest>;

export const NameResolution = z.object({
  name: z.string(),
  side: z.enum(['counterpart', 'department']),
  /** the existing organisation with exactly this name, short name or alias */
  match: Ref.nullable(),
  /** when there is no exact match: the closest existing organisation, to confirm or ignore */
  suggestion: Ref.extend({ score: z.number() }).nullable(),
});
export type NameResolution = z.infer<typeof NameResolution>;

export const ImportIssue = z.object({
  line: z.number().int(),
  code: z.string(),
  text: z.string(),
  message: z.string(),
});

export const ImportPreviewResponse = z.object({
  pairs: z.array(z.object({ counterpart: z.string(), departments: z.array(z.string()) })),
  sharedUnits: z.object({ counterparts: z.array(z.string()), departments: z.array(z.string()) }).nullable(),
  warnings: z.array(ImportIssue),
  errors: z.array(ImportIssue),
  names: z.array(NameResolution),
});
export type ImportPreviewResponse = z.infer<typeof ImportPreviewResponse>;

export const ImportRequest = z
  .object({
    text: z.string().max(200_000).optional(),
    xlsxBase64: z.string().max(8_000_000).optional(),
    validFrom: Year,
    source: OptionalText(100),
    /**
     * For names with no exact match: map the name to an existing organisation (it is kept as an alias),
     * or leave it out and a new organisation of that side is created in the actor's region.
     */
    resolve: z.record(z.string(), Id).default({}),
  })
  .refine((v) => (v.text ? 1 : 0) + (v.xlsxBase64 ? 1 : 0) === 1, 'give exactly one of text or xlsxBase64');
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportResponse = z.object({
  created: z.number().int(),
  alreadyPresent: z.number().int(),
  organisationsCreated: z.array(Ref),
  aliasesAdded: z.number().int(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const DocumentYearQuery = z.object({ year: Year });
