import type { z } from 'zod';
import type { ErrorBody, ErrorCode, Lang } from '../../common/errors';
import { fieldErrors, validationMessage } from '../../common/validation';

/**
 * The typed fetch wrapper every page uses. A response is checked by a parser (a zod schema from
 * common/schemas, or anything with `parse(unknown): T`), so the type a page sees is the one the
 * server promised — never `any`.
 */
export interface Parser<T> {
  parse(input: unknown): T;
}

/** The codes of common/errors.ts plus what can only happen on the client side. */
export type ClientErrorCode = ErrorCode | 'NETWORK' | 'BAD_RESPONSE';

export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;

  constructor(code: ClientErrorCode, message: string, status: number) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

let csrfToken: string | null = null;
let language = 'zh-CN';
let onUnauthenticated: ((code: ErrorCode) => void) | null = null;

/** The token from login / me; sent as X-CSRF-Token on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The UI language, sent as Accept-Language so error messages come back in it. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** Called when the session is gone (401) or the password must be changed first: the app goes to login. */
export function setUnauthenticatedHandler(handler: ((code: ErrorCode) => void) | null): void {
  onUnauthenticated = handler;
}

/** `/api/v1/pairings` + `{ year: 2019, q: '' }` → `/api/v1/pairings?year=2019` (empty values left out). */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    'message' in error &&
    typeof error.message === 'string'
  );
}

// Requests whose 401 is an answer, not a lost session.
const NO_REDIRECT = ['/api/v1/auth/login', '/api/v1/auth/me', '/api/v1/auth/password'];

async function send(method: string, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError('NETWORK', language === 'en' ? 'Network error' : '网络错误，请检查连接', 0);
  }

  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }

  if (!response.ok) {
    const error = isErrorBody(json)
      ? new ApiError(json.error.code, json.error.message, response.status)
      : new ApiError('INTERNAL', `HTTP ${response.status}`, response.status);
    const sessionLost =
      (response.status === 401 && error.code === 'UNAUTHENTICATED') ||
      error.code === 'PASSWORD_CHANGE_REQUIRED';
    if (sessionLost && !NO_REDIRECT.includes(path.split('?')[0] ?? '') && onUnauthenticated) {
      onUnauthenticated(error.code as ErrorCode);
    }
    throw error;
  }
  return json;
}

/**
 * A request body checked against its shared schema before it is sent: what the server would refuse with
 * VALIDATION_FAILED is refused here, with the same code, and no request leaves.
 */
export function checked<S extends z.ZodType>(schema: S, body: z.input<S>): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // the same sentence the server would answer with: each field by its label, in the UI's language
  const lang: Lang = language === 'en' ? 'en' : 'zh-CN';
  throw new ApiError('VALIDATION_FAILED', validationMessage(fieldErrors(result.error.issues, lang), lang), 0);
}

function parseWith<T>(parser: Parser<T>, data: unknown, path: string): T {
  try {
    return parser.parse(data);
  } catch (cause) {
    console.error('unexpected response from', path, cause);
    throw new ApiError(
      'BAD_RESPONSE',
      language === 'en' ? 'The server answered in an unexpected form' : '服务器返回的数据格式有误',
      200,
    );
  }
}

export const api = {
  async get<T>(path: string, parser: Parser<T>, query?: Query): Promise<T> {
    const url = withQuery(path, query);
    return parseWith(parser, await send('GET', url), url);
  },
  async post<T>(path: string, body: unknown, parser: Parser<T>): Promise<T> {
    return parseWith(parser, await send('POST', path, body ?? {}), path);
  },
  async put<T>(path: string, body: unknown, parser: Parser<T>): Promise<T> {
    return parseWith(parser, await send('PUT', path, body), path);
  },
  async patch<T>(path: string, body: unknown, parser: Parser<T>): Promise<T> {
    return parseWith(parser, await send('PATCH', path, body), path);
  },
  /** For answers the page does not read (`{ ok: true }`, 204). */
  async delete(path: string): Promise<void> {
    await send('DELETE', path);
  },
  async postIgnoringBody(path: string, body?: unknown): Promise<void> {
    await send('POST', path, body ?? {});
  },
};

/**
 * POST a JSON body with upload progress (fetch reports none): for attachments sent as base64 JSON.
 * `onProgress` gets 0–1. Errors are the same ApiError as `api.post`'s, the server's message included
 * (413 too large, 415 unsupported type).
 */
export function postWithProgress<T>(
  path: string,
  body: unknown,
  parser: Parser<T>,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Accept-Language', language);
    xhr.setRequestHeader('Content-Type', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(new ApiError('NETWORK', language === 'en' ? 'Network error' : '网络错误，请检查连接', 0));
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        const error = isErrorBody(json)
          ? new ApiError(json.error.code, json.error.message, xhr.status)
          : new ApiError('INTERNAL', `HTTP ${xhr.status}`, xhr.status);
        if (xhr.status === 401 && error.code === 'UNAUTHENTICATED' && onUnauthenticated) {
          onUnauthenticated(error.code);
        }
        reject(error);
        return;
      }
      onProgress(1);
      try {
        resolve(parseWith(parser, json, path));
      } catch (error) {
        reject(error);
      }
    };
    xhr.send(JSON.stringify(body));
  });
}

/** A human message for any error a query or mutation throws. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}
