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
export const Id = z.coerce.number().int().positive().max(2_147_483_647);
export const Year = z.coerce.number().int().min(1949).max(2100);

export const IdParams = z.object({ id: Id });

export const Ref = z.object({ id: z.number().int(), name: z.string() });
export type Ref = z.infer<typeof Ref>;

export const OkResponse = z.object({ ok: z.literal(true) });
