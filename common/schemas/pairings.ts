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

/** Import: text pasted from a notice, the notice as sent (.docx), or a spreadsheet (.xlsx); all base64. */
export const ImportPreviewRequest = z
  .object({
    text: z.string().max(200_000).optional(),
    xlsxBase64: z.string().max(8_000_000).optional(),
    docxBase64: z.string().max(8_000_000).optional(),
  })
  .refine(
    (v) => [v.text, v.xlsxBase64, v.docxBase64].filter(Boolean).length === 1,
    'give exactly one of text, xlsxBase64 or docxBase64',
  );
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

/** A pair read from the notice, with the line and the words it came from. */
export const ImportPreviewPair = z.object({
  counterpart: z.string(),
  department: z.string(),
  line: z.number().int(),
  source: z.string(),
  /** read from a blanket statement (共同/普遍联系): stored as a shared unit */
  shared: z.boolean(),
});
export type ImportPreviewPair = z.infer<typeof ImportPreviewPair>;

/** A line that looks like part of the list but could not be read, with the reason. */
export const ImportIssue = z.object({
  line: z.number().int(),
  text: z.string(),
  reason: z.string(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportPreviewResponse = z.object({
  pairs: z.array(ImportPreviewPair),
  issues: z.array(ImportIssue),
  /** every distinct name of the pairs, matched against the organisations of the actor's region */
  names: z.array(NameResolution),
});
export type ImportPreviewResponse = z.infer<typeof ImportPreviewResponse>;

const ImportName = z.string().trim().min(1).max(100);

/** Looks up names for pairs the user adds or edits in the grid (no parsing). */
export const ImportNamesRequest = z.object({
  names: z
    .array(z.object({ name: ImportName, side: z.enum(['counterpart', 'department']) }))
    .min(1)
    .max(500),
});
export const ImportNamesResponse = z.object({ names: z.array(NameResolution) });

/**
 * Import the pairs as the user confirmed them in the preview grid (removed, corrected and added ones
 * included), all or nothing.
 */
export const ImportRequest = z.object({
  pairs: z
    .array(z.object({ counterpart: ImportName, department: ImportName, shared: z.boolean().default(false) }))
    .min(1)
    .max(5000),
  validFrom: Year,
  source: OptionalText(100),
  /**
   * For names with no exact match: map the name to an existing organisation (it is kept as an alias),
   * or leave it out and a new organisation of that side is created in the actor's region.
   */
  resolve: z.record(z.string(), Id).default({}),
});
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportResponse = z.object({
  created: z.number().int(),
  alreadyPresent: z.number().int(),
  organisationsCreated: z.array(Ref),
  aliasesAdded: z.number().int(),
});
export type ImportResponse = z.infer<typeof ImportResponse>;

export const DocumentYearQuery = z.object({ year: Year });
