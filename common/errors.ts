/**
 * The closed set of error codes the API answers with. Each maps to one HTTP status (in the server's
 * error handler) and to a message in each supported language. Messages may carry {placeholders}.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误：{detail}', en: 'Invalid input: {detail}' },
  IMPORT_UNREADABLE: {
    status: 422,
    zh: '第 {line} 行无法识别：{text}',
    en: 'Line {line} could not be read: {text}',
  },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  TOTP_REQUIRED: {
    status: 401,
    zh: '请输入动态验证码',
    en: 'Enter the code from your authenticator app',
  },
  TOTP_ENROLMENT_REQUIRED: {
    status: 403,
    zh: '请先绑定动态验证码（双因素认证）',
    en: 'Set up two-factor authentication first',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改初始密码',
    en: 'You must change your password first',
  },
  CSRF_FAILED: {
    status: 403,
    zh: '请求校验失败，请刷新页面后重试',
    en: 'CSRF check failed; reload the page',
  },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You may not do this' },
  NOT_FOUND: { status: 404, zh: '记录不存在', en: 'Not found' },
  CONFLICT: {
    status: 409,
    zh: '与现有记录冲突：{detail}',
    en: 'Conflicts with an existing record: {detail}',
  },
  INVALID_STATE: {
    status: 409,
    zh: '当前状态下不能执行此操作：{detail}',
    en: 'Not allowed in the current state: {detail}',
  },
  WEAK_PASSWORD: {
    status: 422,
    zh: '密码不符合要求：{detail}',
    en: 'Password does not meet the policy: {detail}',
  },
  DATA_INTEGRITY: {
    status: 409,
    zh: '存储的加密数据完整性校验失败（{scheme}），可能已被篡改，请联系系统管理员；其他数据不受影响',
    en: 'A stored encrypted value failed its integrity check ({scheme}) and may have been altered; contact the system administrator. Other data is unaffected',
  },
  ACTIVATION_CODE_INVALID: {
    status: 400,
    zh: '开通码不正确，请核对后重新输入',
    en: 'The activation code is not valid; check it and try again',
  },
  ACTIVATION_CODE_EXPIRED: {
    status: 410,
    zh: '开通码已过期，请联系统战部重新生成',
    en: 'The activation code has expired; ask the United Front Work Dept. for a new one',
  },
  ACTIVATION_CODE_USED: {
    status: 410,
    zh: '开通码已使用过，不能再次使用；如需重新设置密码，请联系统战部',
    en: 'The activation code was already used; ask the United Front Work Dept. for a new one',
  },
  ADMIN_ACCOUNT_CLI_ONLY: {
    status: 403,
    zh: '管理员账号只能在服务器上用命令行创建、提升或重置',
    en: 'Admin accounts are created, elevated or reset only with the command line on the server',
  },
  SETUP_COMPLETE: { status: 409, zh: '系统已完成初始设置', en: 'Setup is already complete' },
  SETUP_TOKEN_INVALID: {
    status: 403,
    zh: '初始设置链接无效，请使用服务器启动时打印的链接',
    en: 'The setup link is not valid; use the link the server printed at start-up',
  },
  PROVISION_ROWS_INVALID: {
    status: 422,
    zh: '有 {count} 行需要修改，未创建任何账号',
    en: '{count} rows need fixing; no account was created',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '内容过大', en: 'Payload too large' },
  URI_TOO_LONG: { status: 414, zh: '请求地址过长', en: 'Request URI too long' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求头过大', en: 'Request headers too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的文件类型', en: 'Unsupported file type' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type Lang = 'zh-CN' | 'en';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Fill {placeholders} of a code's message in the given language. */
export function errorMessage(
  code: ErrorCode,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  const template: string = lang === 'en' ? ERROR_CODES[code].en : ERROR_CODES[code].zh;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => (key in params ? String(params[key]) : ''));
}
