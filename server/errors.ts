import type { ErrorCode, ErrorParams } from '../common/errors.js';

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
