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
  // A request in the wrong state, or a rule of the domain it breaks: one code each, so the client shows
  // one language and can react to the specific case (server/errors.test.ts holds the rule).
  CHANGED_MEANWHILE: {
    status: 409,
    zh: '记录已被他人更改，请刷新后重试',
    en: 'The record changed meanwhile; reload and try again',
  },
  NOT_PAIRED: {
    status: 400,
    zh: '{field}：{ids} 在 {year} 年未与该部门对口联系',
    en: '{field}: {ids} not paired with the department in {year}',
  },
  NOT_COUNTERPARTS: {
    status: 400,
    zh: 'counterpartIds：{ids} 不是本区的联系对象',
    en: 'counterpartIds: {ids} are not counterparts of the region',
  },
  NOT_A_COUNTERPART: { status: 400, zh: '{name} 不是联系对象', en: '{name} is not a counterpart' },
  NOT_A_DEPARTMENT: { status: 400, zh: '{name} 不是政府部门', en: '{name} is not a department' },
  DATE_IN_FUTURE: { status: 400, zh: '{field}：不能晚于当前时间', en: '{field}: cannot be in the future' },
  UNIT_INACTIVE: { status: 409, zh: '单位已停用', en: 'The unit is inactive' },
  ROLE_ORGANISATION_MISMATCH: {
    status: 400,
    zh: '角色 {role} 与单位类别 {kind} 不符',
    en: 'Role {role} does not fit an organisation of kind {kind}',
  },
  REGION_LEVEL_INVALID: {
    status: 400,
    zh: '{level} 级区域不能设在 {parent} 级之下',
    en: 'A region of level {level} cannot sit under one of level {parent}',
  },
  FILE_EMPTY: { status: 400, zh: 'contentBase64：文件为空', en: 'contentBase64: the file is empty' },
  JOB_NOT_FINISHED: { status: 409, zh: '任务尚未完成', en: 'The job has not finished' },
  CALENDAR_RANGE_TOO_LONG: {
    status: 400,
    zh: '日期范围不能超过 {days} 天',
    en: 'The range may not exceed {days} days',
  },
  // accounts and second factor
  CANNOT_DISABLE_SELF: { status: 409, zh: '不能停用自己', en: 'You cannot disable yourself' },
  CANNOT_RESET_OWN_TOTP: {
    status: 409,
    zh: '不能重置自己的双因素认证',
    en: 'You cannot reset your own second factor',
  },
  TOTP_ALREADY_ENABLED: {
    status: 409,
    zh: '双因素认证已启用，如需更换请联系系统管理员重置',
    en: 'Two-factor authentication is on; ask the system admin to reset it',
  },
  TOTP_NOT_PENDING: { status: 409, zh: '没有待确认的动态验证码', en: 'No two-factor enrolment is pending' },
  TOTP_CODE_WRONG: { status: 400, zh: 'code：验证码错误', en: 'code: wrong code' },
  OWN_TOTP_REQUIRED: {
    status: 409,
    zh: '请先为自己绑定动态验证码',
    en: 'Set up your own second factor first',
  },
  HANDOVER_DECIDED: { status: 409, zh: '该账号交接已处理', en: 'The hand-over has already been decided' },
  PROVISION_HEADER_MISSING: {
    status: 400,
    zh: 'xlsx：第一张表需要「单位 / 联络员 / 手机 / 邮箱」表头',
    en: 'xlsx: the first sheet needs the header row 单位 / 联络员 / 手机 / 邮箱',
  },
  DELIVERY_NOT_FAILED: {
    status: 409,
    zh: '只能重发失败的邮件（当前状态：{status}）',
    en: 'Only a failed delivery can be retried (status: {status})',
  },
  // pairings
  PAIRING_ENDED: { status: 409, zh: '已于 {year} 年结束', en: 'The pairing ended in {year}' },
  PAIRING_BOTH_SIDES: {
    status: 400,
    zh: 'pairs：{name} 既被列为联系对象又被列为部门',
    en: 'pairs: {name} is named as a counterpart and as a department',
  },
  // roster and 附件2 filing
  SERVED_FROM_BEFORE_CURRENT: {
    status: 400,
    zh: 'servedFrom：不能早于现任的起始日 {date}',
    en: 'servedFrom: must not be before {date}, when the current holder started',
  },
  REPLACEMENT_REASON_REQUIRED: {
    status: 400,
    zh: 'reason：已备案单位更换人员须说明原因',
    en: 'reason: a reason is required to replace a filed person',
  },
  EXPORT_REASON_REQUIRED: {
    status: 400,
    zh: 'reason：导出完整电话须说明原因',
    en: 'reason: a reason is required to export full phone numbers',
  },
  CHANGE_ALREADY_ACKNOWLEDGED: { status: 409, zh: '已确认', en: 'Already acknowledged' },
  DEADLINE_IN_PAST: {
    status: 400,
    zh: '截止日期 {date} 已过，请选择今天或以后的日期',
    en: 'The deadline {date} has passed; choose today or a later day',
  },
  DEADLINE_TOO_FAR: {
    status: 400,
    zh: '截止日期 {date} 在一年以后，请核对年份',
    en: 'The deadline {date} is more than a year ahead; check the year',
  },
  PLANNED_DATE_IN_PAST: {
    status: 400,
    zh: '拟决策日期 {date} 已过，请选择今天或以后的日期（已作出决策的，请登记决策）',
    en: 'The planned decision date {date} has passed; choose today or later (record the decision if it was taken)',
  },
  PLANNED_DATE_TOO_FAR: {
    status: 400,
    zh: '拟决策日期 {date} 在一年以后，请核对年份',
    en: 'The planned decision date {date} is more than a year ahead; check the year',
  },
  FILING_ROUND_EXISTS: {
    status: 409,
    zh: '{year}年已有一轮登记报送（已结束）。附件2每年报送一次，人员变动请走变动报告；确需再次发起，请确认',
    en: 'There was a {year} filing round already (closed). The registration form (Annex 2) is filed once a year and changes come as change reports; confirm to open another',
  },
  FILING_ROUND_OPEN: {
    status: 409,
    zh: '{year}年登记报送已开启',
    en: 'A {year} filing round is already open',
  },
  FILING_ROUND_CLOSED: { status: 409, zh: '登记报送已结束', en: 'The filing round is closed' },
  FILING_ALREADY_FILED: {
    status: 409,
    zh: '已备案，人员变动请在责任人名册中报告',
    en: 'Already filed: report a change of person in the roster instead',
  },
  FILING_AWAITING_REVIEW: {
    status: 409,
    zh: '登记表已报送，待审核',
    en: 'The form is submitted and awaits review',
  },
  FILING_INCOMPLETE: { status: 400, zh: '请填写：{missing}', en: 'Missing: {missing}' },
  FILING_NOT_SUBMITTED: {
    status: 409,
    zh: '只能审核已报送的登记表',
    en: 'Only a submitted form can be reviewed',
  },
  // plans and the ledger
  PLAN_SYMPOSIUM_NOT_OWN: {
    status: 400,
    zh: 'symposiumId：不是本部门的座谈会',
    en: 'symposiumId: not a symposium of this department',
  },
  PLAN_ITEM_LINKED: {
    status: 409,
    zh: '已有台账记录关联该计划事项，不能删除或改变类别',
    en: 'Ledger records are linked to this item; it cannot be removed or change its kind',
  },
  PLAN_ITEM_NOT_OWN: {
    status: 400,
    zh: 'planItemId：不属于本部门的计划',
    en: 'planItemId: not in this department’s plan',
  },
  PLAN_ITEM_YEAR_MISMATCH: {
    status: 400,
    zh: 'planItemId：计划年度为 {year}',
    en: 'planItemId: the plan is for {year}',
  },
  PLAN_ITEM_KIND_MISMATCH: {
    status: 400,
    zh: 'planItemId：计划事项类别为 {kind}',
    en: 'planItemId: the item is of kind {kind}',
  },
  PLAN_ITEM_COUNTERPART_MISMATCH: {
    status: 400,
    zh: 'planItemId：计划事项的联系对象不在本记录中',
    en: 'planItemId: the item’s counterpart is not in this record',
  },
  INVITATION_ONE_HOST: {
    status: 400,
    zh: 'counterpartIds：邀请方只能是一个联系对象',
    en: 'counterpartIds: an invitation has one host',
  },
  NOT_AN_INVITATION: { status: 409, zh: '不是邀请', en: 'Not an invitation' },
  NOT_A_NOTICE: { status: 409, zh: '不是信息通报', en: 'Not a notice' },
  NOT_RESEARCH: { status: 409, zh: '不是调研', en: 'Not research' },
  NOT_A_SYMPOSIUM: { status: 409, zh: '不是座谈会', en: 'Not a symposium' },
  REPLY_LOCKED: {
    status: 409,
    zh: '已登记出席情况，不能再修改答复',
    en: 'Attendance is recorded; the reply can no longer change',
  },
  EVENT_NOT_STARTED: { status: 409, zh: '活动尚未开始', en: 'The event has not started yet' },
  NOT_INVITED: { status: 400, zh: 'attendance：{ids} 未被邀请', en: 'attendance: {ids} not invited' },
  NOT_AN_OFFERED_TOPIC: { status: 409, zh: '不是提供的研究课题', en: 'Not an offered topic' },
  TOPIC_TAKEN: { status: 409, zh: '课题已被承接', en: 'The topic has been taken up' },
  TOPIC_NOT_TAKEN: { status: 409, zh: '课题尚未被承接', en: 'The topic has not been taken up' },
  ADOPTION_NOTE_REQUIRED: {
    status: 400,
    zh: 'note：已落实须说明落实情况',
    en: 'note: say what was done',
  },
  // 重大事项民主协商
  CONSULTATION_NO_PAIRS: {
    status: 400,
    zh: 'counterpartIds：{year}年该部门没有对口联系对象，请指定',
    en: 'counterpartIds: the department has no pairs in force in {year}; name the counterparts',
  },
  COUNTERPART_HAS_ITEMS: {
    status: 409,
    zh: '{names} 已提出意见建议，不能移除',
    en: '{names} already made suggestions on the matter and cannot be removed',
  },
  SYMPOSIUM_ALREADY_HELD: { status: 409, zh: '座谈会已召开', en: 'The symposium was already held' },
  SYMPOSIUM_NOT_HELD: { status: 409, zh: '座谈会尚未召开', en: 'The symposium has not been held yet' },
  SYMPOSIUM_NOT_SCHEDULED: { status: 409, zh: '尚未安排座谈会', en: 'No symposium is scheduled' },
  DECISION_ALREADY_RECORDED: { status: 409, zh: '已记录决策', en: 'The decision is already recorded' },
  ITEM_AUTHOR_REQUIRED: {
    status: 400,
    zh: 'counterpartId：请指定提出意见的单位',
    en: 'counterpartId: name the author',
  },
  NOT_CONSULTED: {
    status: 400,
    zh: 'counterpartId：不是本事项的协商对象',
    en: 'counterpartId: not consulted on this matter',
  },
  ITEM_CLOSED: { status: 409, zh: '该意见建议已办结', en: 'The item is closed' },
  URGE_NOT_ALLOWED: {
    status: 409,
    zh: '编号 {id} 的意见建议不能督办：已答复、已办结或尚未逾期',
    en: 'Suggestion {id} cannot be pressed: it is answered, closed or not yet overdue',
  },
  ITEM_NOT_OVERDUE: {
    status: 409,
    zh: '只能督办逾期未答复的意见建议',
    en: 'Only a suggestion whose reply is overdue can be pressed for a reply',
  },
  ITEM_ALREADY_REPLIED: {
    status: 409,
    zh: '已答复，等待评价',
    en: 'Already replied; awaiting the verdict',
  },
  ITEM_NOT_REPLIED: { status: 409, zh: '尚未答复', en: 'Not replied yet' },
  EXTENSION_PENDING: {
    status: 409,
    zh: '已有待审批的延期申请',
    en: 'An extension request is pending',
  },
  NO_EXTENSION_PENDING: {
    status: 409,
    zh: '没有待审批的延期申请',
    en: 'No extension request is pending',
  },
  // 附件3
  REPORT_ACCEPTED: {
    status: 409,
    zh: '报告已接受，不能再修改',
    en: 'The report has been accepted',
  },
  REPORT_AWAITING_REVIEW: {
    status: 409,
    zh: '报告已提交，待审核',
    en: 'The report is submitted and awaits review',
  },
  REPORT_NOT_SUBMITTED: {
    status: 409,
    zh: '只能审核已提交的报告',
    en: 'Only a submitted report can be reviewed',
  },
  REPORT_NOT_STARTED: { status: 409, zh: '报告尚未开始', en: 'The report has not been started' },
  REPORT_DEPARTMENT_REQUIRED: {
    status: 400,
    zh: 'departmentId：请指定部门，或 all=1',
    en: 'departmentId: name a department, or all=1',
  },
  NO_REPORT_TO_PRINT: { status: 400, zh: '没有可打印的报告', en: 'No report to print' },
  // requests refused before any route
  MALFORMED_REQUEST: { status: 400, zh: 'HTTP 请求格式错误', en: 'Malformed HTTP request' },
  BAD_TEXT: {
    status: 400,
    zh: '输入有误：含有空字符或无效的Unicode',
    en: 'Invalid input: contains a NUL character or malformed Unicode',
  },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '内容过大，不能超过 {limit}', en: 'Too large: at most {limit}' },
  END_BEFORE_START: {
    status: 400,
    zh: '结束时间不能早于开始时间',
    en: 'The end cannot be before the start',
  },
  PAIRING_ENDS_BEFORE_START: {
    status: 400,
    zh: '结束年度不能早于结对起始年度（{validFrom}年）',
    en: 'The pair cannot end before it began ({validFrom})',
  },
  INVITATION_SUBTYPE_NOT_ALLOWED: {
    status: 400,
    zh: '所选邀请方式不适用于此方向的邀请',
    en: 'This kind of invitation does not exist in this direction',
  },
  IMPORT_NAME_NOT_A_UNIT: {
    status: 400,
    zh: '“{name}”对应的单位不存在或不属于本区、或类别不符',
    en: '“{name}” was matched to a unit that does not exist here or is of the other side',
  },
  URI_TOO_LONG: { status: 414, zh: '请求地址过长', en: 'Request URI too long' },
  HEADERS_TOO_LARGE: { status: 431, zh: '请求头过大', en: 'Request headers too large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的文件类型', en: 'Unsupported file type' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The {placeholders} of a message template, as a union of their names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** The parameters a code's message needs (`{}` for a code without placeholders). */
export type ErrorParams<C extends ErrorCode> = Record<
  Placeholders<(typeof ERROR_CODES)[C]['zh']> | Placeholders<(typeof ERROR_CODES)[C]['en']>,
  string | number
>;

/** Codes whose message carries a free-text {detail}: generic, never for a rule of the domain. */
export const GENERIC_CODES = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((code) =>
  ERROR_CODES[code].zh.includes('{detail}'),
);

export type Lang = 'zh-CN' | 'en';

/** One field a validation failure is about: its path (`title`, `items.0.name`), label and sentence. */
export interface FieldError {
  field: string;
  label: string;
  message: string;
}

export interface ErrorBody {
  /** `details`: the fields of a validation failure, for the form to show beside each one */
  error: { code: ErrorCode; message: string; details?: FieldError[] };
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
