import { z } from 'zod';
import { IMPORT_BASE64_MAX } from '../uploads.js';
import { Id, OptionalText, Ref, Year } from './shared.js';

export const PairingDto = z
  .object({
    id: z.number().int(),
    counterpart: Ref,
    department: Ref,
    validFrom: z.number().int(),
    validTo: z.number().int().nullable(),
    source: z.string().nullable(),
    shared: z.boolean(),
    endSource: z.string().nullable(),
    endReason: z.string().nullable(),
  })
  .meta({
    id: 'PairingDto',
    description:
      '一条对口联系结对：联系对象、部门、起止年度、文号、是否共同联系单位及结束原因 · One paired-liaison pair: the counterpart, the department, the years in force, the document number, whether it is a shared unit, and why it ended',
  });
export type PairingDto = z.infer<typeof PairingDto>;

export const PairingListQuery = z
  .object({
    /** pairings in force in this year; omitted = every pairing ever recorded */
    year: Year.optional(),
    counterpartId: Id.optional(),
    departmentId: Id.optional(),
  })
  .meta({
    id: 'PairingListQuery',
    description:
      '对口联系名单的筛选条件：在效年度（不填则为全部记录）、联系对象、部门 · Filters of the pairing list: the year in force (omitted: every pair ever recorded), counterpart, department',
  });
export type PairingListQuery = z.infer<typeof PairingListQuery>;

export const PairingListResponse = z
  .object({
    items: z.array(PairingDto),
    abilities: z.object({ canWrite: z.boolean() }),
  })
  .meta({
    id: 'PairingListResponse',
    description:
      '对口联系名单，及用户能否新增或结束结对 · The pairs that match, and whether the user may add or end pairs',
  });
export type PairingListResponse = z.infer<typeof PairingListResponse>;

export const PairingMatrixResponse = z
  .object({
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
  })
  .meta({
    id: 'PairingMatrixResponse',
    description:
      '某年度的结对矩阵：联系对象 × 部门，每个在效结对一格 · A year’s pairs as a counterpart × department matrix, one cell per pair in force; overseers also get the active units with no pair',
  });
export type PairingMatrixResponse = z.infer<typeof PairingMatrixResponse>;

export const PairingYearsResponse = z.object({ years: z.array(z.number().int()) }).meta({
  id: 'PairingYearsResponse',
  description:
    '年度选择可选的年度（从新到旧） · The years a year selector offers, from the first pair’s year to this year, newest first',
});

export const CreatePairingRequest = z
  .object({
    counterpartId: Id,
    departmentId: Id,
    validFrom: Year,
    validTo: Year.nullable().optional(),
    source: OptionalText(100),
    shared: z.boolean().default(false),
  })
  .meta({
    id: 'CreatePairingRequest',
    description:
      '新增一条结对：联系对象、部门、起止年度、文号、是否共同联系单位 · Pairs a counterpart with a department: first year, optional last year, document number, and whether it is a shared unit',
  });
export type CreatePairingRequest = z.infer<typeof CreatePairingRequest>;

export const EndPairingRequest = z
  .object({
    /** the last year the pairing is in force */
    validTo: Year,
    source: OptionalText(100),
    reason: OptionalText(500),
  })
  .meta({
    id: 'EndPairingRequest',
    description:
      '结束一条结对：最后在效年度、文号和原因 · Ends a pair: the last year it is in force, with the document number and a reason',
  });
export type EndPairingRequest = z.infer<typeof EndPairingRequest>;

export const PairingEventDto = z
  .object({
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
  })
  .meta({
    id: 'PairingEventDto',
    description:
      '结对变更记录中的一条：新增或结束、年度、文号、说明、操作人 · One entry of the pairing history: a pair created or ended, the year, document number, note and who did it',
  });
export type PairingEventDto = z.infer<typeof PairingEventDto>;

export const PairingHistoryQuery = z.object({ pairingId: Id.optional() }).meta({
  id: 'PairingHistoryQuery',
  description:
    '结对变更记录的筛选条件：某条结对（不填则为全部） · Filter of the pairing history: one pair (omitted: every pair the user may see)',
});
export const PairingHistoryResponse = z.object({ items: z.array(PairingEventDto) }).meta({
  id: 'PairingHistoryResponse',
  description: '结对变更记录 · The pairing history: when each pair began and ended',
});

/** Import: text pasted from a notice, the notice as sent (.docx), or a spreadsheet (.xlsx); all base64. */
export const ImportPreviewRequest = z
  .object({
    text: z.string().max(200_000).optional(),
    xlsxBase64: z.string().max(IMPORT_BASE64_MAX).optional(),
    docxBase64: z.string().max(IMPORT_BASE64_MAX).optional(),
  })
  .refine(
    (v) => [v.text, v.xlsxBase64, v.docxBase64].filter(Boolean).length === 1,
    'give exactly one of text, xlsxBase64 or docxBase64',
  )
  .meta({
    id: 'ImportPreviewRequest',
    description:
      '导入预览：粘贴的通知文本、通知原件（.docx）或表格（.xlsx）三者选一，文件为 base64 · Import preview: exactly one of text pasted from the notice, the notice as sent (.docx) or a spreadsheet (.xlsx), files in base64',
  });
export type ImportPreviewRequest = z.infer<typeof ImportPreviewRequest>;

export const NameResolution = z
  .object({
    name: z.string(),
    side: z.enum(['counterpart', 'department']),
    /** the existing organisation with exactly this name, short name or alias */
    match: Ref.nullable(),
    /** when there is no exact match: the closest existing organisation, to confirm or ignore */
    suggestion: Ref.extend({ score: z.number() }).nullable(),
  })
  .meta({
    id: 'NameResolution',
    description:
      '导入名称的匹配结果：同名的已有单位，或最接近的建议 · How an imported name matched: the existing counterpart or department with that name, short name or alias, else the closest suggestion with its score',
  });
export type NameResolution = z.infer<typeof NameResolution>;

/** A pair read from the notice, with the line and the words it came from. */
export const ImportPreviewPair = z
  .object({
    counterpart: z.string(),
    department: z.string(),
    line: z.number().int(),
    source: z.string(),
    /** read from a blanket statement (共同/普遍联系): stored as a shared unit */
    shared: z.boolean(),
  })
  .meta({
    id: 'ImportPreviewPair',
    description:
      '从通知中读出的一条结对，及所在行和原文 · A pair read from the notice, with its line and the words it came from; shared when read from a blanket statement',
  });
export type ImportPreviewPair = z.infer<typeof ImportPreviewPair>;

/** A line that looks like part of the list but could not be read, with the reason. */
export const ImportIssue = z
  .object({
    line: z.number().int(),
    text: z.string(),
    reason: z.string(),
    message: z.string(),
  })
  .meta({
    id: 'ImportIssue',
    description:
      '通知中无法读出的一行及原因 · A line of the notice that looks like part of the list but could not be read, with the reason and a message',
  });
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportPreviewResponse = z
  .object({
    pairs: z.array(ImportPreviewPair),
    issues: z.array(ImportIssue),
    /** every distinct name of the pairs, matched against the organisations of the actor's region */
    names: z.array(NameResolution),
  })
  .meta({
    id: 'ImportPreviewResponse',
    description:
      '导入预览结果：读出的结对、无法读出的行、名称匹配 · The import preview: the pairs read, the lines that could not be read, and how each name matched the region’s units',
  });
export type ImportPreviewResponse = z.infer<typeof ImportPreviewResponse>;

const ImportName = z.string().trim().min(1).max(100);

/** Looks up names for pairs the user adds or edits in the grid (no parsing). */
export const ImportNamesRequest = z
  .object({
    names: z
      .array(z.object({ name: ImportName, side: z.enum(['counterpart', 'department']) }))
      .min(1)
      .max(500),
  })
  .meta({
    id: 'ImportNamesRequest',
    description:
      '为预览表格中新增或修改的结对匹配名称 · Names to match, each with its side, for pairs the user added or edited in the preview grid',
  });
export const ImportNamesResponse = z.object({ names: z.array(NameResolution) }).meta({
  id: 'ImportNamesResponse',
  description: '名称匹配结果 · How each name matched the region’s counterparts and departments',
});

/**
 * Import the pairs as the user confirmed them in the preview grid (removed, corrected and added ones
 * included), all or nothing.
 */
export const ImportRequest = z
  .object({
    pairs: z
      .array(
        z.object({ counterpart: ImportName, department: ImportName, shared: z.boolean().default(false) }),
      )
      .min(1)
      .max(5000),
    validFrom: Year,
    source: OptionalText(100),
    /**
     * For names with no exact match: map the name to an existing organisation (it is kept as an alias),
     * or leave it out and a new organisation of that side is created in the actor's region.
     */
    resolve: z.record(z.string(), Id).default({}),
  })
  .meta({
    id: 'ImportRequest',
    description:
      '导入用户确认后的结对（全部成功或全部不导入）：起始年度、文号、名称对应 · Imports the pairs as confirmed in the preview grid, all or nothing: first year, document number, and the existing unit each unmatched name stands for (else a new one is created)',
  });
export type ImportRequest = z.infer<typeof ImportRequest>;

export const ImportResponse = z
  .object({
    created: z.number().int(),
    alreadyPresent: z.number().int(),
    organisationsCreated: z.array(Ref),
    aliasesAdded: z.number().int(),
  })
  .meta({
    id: 'ImportResponse',
    description:
      '导入结果：新增结对数、已存在数、新建单位、新增别名数 · The import result: pairs created, pairs already present, units created and aliases added',
  });
export type ImportResponse = z.infer<typeof ImportResponse>;

export const DocumentYearQuery = z.object({ year: Year }).meta({
  id: 'DocumentYearQuery',
  description: '导出附件1对口联系名单的年度 · The year of the 附件1 pairing list to export (.docx or .xlsx)',
});
