import type { ErrorCode, ErrorParams } from '../common/errors.js';
import type { IssueLike } from '../common/validation.js';

/** The parameters argument of a code: none when its message has no {placeholders}, else exactly those. */
type ParamsArg<C extends ErrorCode> = keyof ErrorParams<C> extends never ? [] : [params: ErrorParams<C>];

/**
 * A domain error with a code from the closed set in common/errors.ts; the error handler maps it. The
 * parameters are checked against the code's message at compile time:
 * `new AppError('NOT_PAIRED', { field: 'counterpartIds', ids: '3, 4', year: 2024 })`.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: Record<string, string | number>;

  constructor(code: C, ...[params]: ParamsArg<C>) {
    const given: Record<string, string | number> = params ?? {};
    super(`${code}${Object.keys(given).length ? ` ${JSON.stringify(given)}` : ''}`);
    this.name = 'AppError';
    this.code = code;
    this.params = given;
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('FORBIDDEN');
/** A clash with an existing record, named by its `detail` (a name, a year). */
export const conflict = (detail: string): AppError => new AppError('CONFLICT', { detail });

/**
 * A request its schema accepts but a rule across its fields refuses (an end before its start, after merging an
 * update with the stored record): answered VALIDATION_FAILED like a schema failure, field by field, its detail
 * the language-neutral expression (`endsAt < startsAt`).
 */
export class FieldsInvalid extends AppError<'VALIDATION_FAILED'> {
  readonly issues: IssueLike[];

  constructor(issues: IssueLike[]) {
    super('VALIDATION_FAILED', { detail: issues.map((i) => i.message).join('; ') });
    this.issues = issues;
  }
}
