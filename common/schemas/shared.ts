import { z } from 'zod';

/** Free text as typed by a user: trimmed, non-empty, without control characters other than newlines. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to refuse control characters
    .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters');

export const OptionalText = (max: number) => Text(max).nullable().optional();

/** A row id: a positive 32-bit integer (PostgreSQL `integer`; a larger number is refused, not a 500). */
export const Id = z.coerce.number().int().positive().max(2_147_483_647).meta({
  id: 'Id',
  description: '记录编号：32位正整数 · A row id: a positive 32-bit integer (a larger number is refused)',
});
export const Year = z.coerce
  .number()
  .int()
  .min(1949)
  .max(2100)
  .meta({ id: 'Year', description: '年度（1949至2100） · A year, from 1949 to 2100' });

export const IdParams = z
  .object({ id: Id })
  .meta({ id: 'IdParams', description: '记录编号的路径参数 · Path parameter: a record’s id' });

export const Ref = z.object({ id: z.number().int(), name: z.string() }).meta({
  id: 'Ref',
  description:
    '对一条记录的引用：编号和名称（如单位、重大事项） · A reference to a record, such as a unit or a major matter: its id and name',
});
export type Ref = z.infer<typeof Ref>;

export const OkResponse = z
  .object({ ok: z.literal(true) })
  .meta({ id: 'OkResponse', description: '操作已完成 · The operation succeeded: { ok: true }' });
