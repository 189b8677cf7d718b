import type { ErrorCode } from '../common/errors.js';

/** A domain error with a code from the closed set in common/errors.ts; the error handler maps it. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`);
    this.name = 'AppError';
  }
}

export const notFound = (): AppError => new AppError('NOT_FOUND');
export const forbidden = (): AppError => new AppError('FORBIDDEN');
export const invalidState = (detail: string): AppError => new AppError('INVALID_STATE', { detail });
export const conflict = (detail: string): AppError => new AppError('CONFLICT', { detail });
export const invalid = (detail: string): AppError => new AppError('VALIDATION_FAILED', { detail });
