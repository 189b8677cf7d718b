/**
 * Roles and permissions. A role is a set of permissions; a route declares the one permission it needs
 * (server/plugins/access.ts refuses to register a route that declares none). Scoping by organisation
 * and region is a separate step done in each service.
 */
export const ROLES = [
  'tzb',
  'qfb',
  'department',
  'counterpart',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  tzb: { zh: '统战部', en: 'United Front Work Dept.' },
  qfb: { zh: '区府办', en: 'Government Office' },
  department: { zh: '政府部门联络员', en: 'Department liaison' },
  counterpart: { zh: '联系对象联络员', en: 'Counterpart liaison' },
  sysadmin: { zh: '系统管理员', en: 'System administrator' },
  secadmin: { zh: '安全管理员', en: 'Security administrator' },
  auditadmin: { zh: '审计管理员', en: 'Audit administrator' },
};

/** 统战部 and 区府办: they oversee the work of their region (and have no 联络员 of their own). */
export const OVERSEER_ROLES: readonly Role[] = ['tzb', 'qfb'];

/** The three separated admin roles (三员): none of them reads business records. */
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditadmin'];

export const PERMISSIONS = [
  'public', // no session needed (login, health, openapi)
  'self', // any signed-in user acting on their own account (me, logout, change password)
  'regions:read',
  'regions:write',
  'organisations:read',
  'organisations:write',
  'pairings:read',
  'pairings:write',
  'documents:read',
  'users:read',
  'users:write',
  'settings:read',
  'settings:write',
  'security:read',
  'security:write',
  'audit:read',
  'ledger:read',
  'ledger:write',
  'plans:read',
  'plans:write',
  'calendar:read',
  'roster:read', // responsible persons (责任人) of the units in scope
  'roster:write', // keep one's own unit's roster current (scoped to the own unit in the service)
  'filings:read', // 附件2 filing rounds and forms in scope
  'filings:write', // fill in and submit one's own unit's 附件2
  'filings:review', // open rounds, file (备案) or return forms, acknowledge change reports, send reminders
  'contacts:reveal', // see or export other units' phone numbers in full, with a recorded reason
  'notifications:read', // one's own in-app notifications
  'consultations:read', // 重大事项民主协商: matters, opinions and replies in scope (issue 5)
  'consultations:write', // put an opinion or suggestion on a matter (the department, or the counterpart itself)
  'consultations:manage', // a department's own matters: register, symposium, decision, documents, analysis, reply, extension requests
  'consultations:rate', // a counterpart's verdict on the replies to its own items
  'consultations:supervise', // 统战部: grant or refuse extensions, close items, set the reply deadline
  'mywork:read', // one's own work list ("my work"): what is due for the user and the user's unit (issue 7)
  'search:read', // the one search box, scoped like each module (issue 7)
  'dashboard:read', // 履职督查, the dashboard of the region and under it (统战部, 区府办)
  'notifications:admin', // e-mail deliveries: failed sends, retry (系统管理员; no message content)
  'reports:read', // 附件3 annual reports in scope: one's own, the departments paired with one, or the region (issue 6)
  'reports:write', // edit and submit one's own department's annual report
  'reports:comment', // comment on a report one may read (its counterparts, 统战部, the department itself)
  'reports:review', // 统战部: deadlines, the status board, reminders, accept or return reports
  'evaluations:write', // rate the other side of one's pairs for a year (1–5, with a comment)
  'conference:read', // the district conference pack (全区对口联系工作会议): 区府办 and 统战部
  'jobs:use', // start long document builds and fetch their results (one's own jobs only)
  'access-log:read', // 统战部: refused requests and phone-number reveals about its own region
  'accounts:manage', // 统战部: the units' 联络员 accounts — create in bulk, activation codes, hand-overs, a new district's 统战部
  'users:grant', // 安全管理员: grant a business role to an existing account (never an admin role)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const BUSINESS_READ: Permission[] = [
  'regions:read',
  'organisations:read',
  'pairings:read',
  'documents:read',
  'roster:read',
  'filings:read',
  'notifications:read',
  'mywork:read',
  'search:read',
];
/** What a unit's own 联络员 does about its responsible persons and 附件2 (issue 3); scoped to the own unit. */
const UNIT_FILING: Permission[] = ['roster:write', 'filings:write'];
/** The liaison ledger, annual plans and the calendar built from them (issue 4). */
const LEDGER_READ: Permission[] = ['ledger:read', 'plans:read', 'calendar:read'];
/** 重大事项民主协商 (issue 5): each side's part of the reply cycle. */
const CONSULTATION_DEPARTMENT: Permission[] = [
  'consultations:read',
  'consultations:write',
  'consultations:manage',
];
const CONSULTATION_COUNTERPART: Permission[] = [
  'consultations:read',
  'consultations:write',
  'consultations:rate',
];
/** The annual report (附件3), its review and the district conference (issue 6). */
const REPORTS_OVERSIGHT: Permission[] = ['reports:read', 'conference:read', 'jobs:use'];
const REPORTS_UNIT: Permission[] = ['reports:read', 'reports:comment', 'evaluations:write'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  // tzb's ledger:write / plans:write is for corrections only (the services let it edit, not create or reply).
  tzb: [
    ...BUSINESS_READ,
    'regions:write',
    'organisations:write',
    'pairings:write',
    ...LEDGER_READ,
    'ledger:write',
    'plans:write',
    'filings:review',
    'contacts:reveal',
    'consultations:read',
    'consultations:supervise',
    'dashboard:read',
    ...REPORTS_OVERSIGHT,
    'reports:comment',
    'reports:review',
    'access-log:read',
    'accounts:manage',
  ],
  qfb: [...BUSINESS_READ, ...LEDGER_READ, 'consultations:read', 'dashboard:read', ...REPORTS_OVERSIGHT],
  department: [
    ...BUSINESS_READ,
    ...LEDGER_READ,
    'ledger:write',
    'plans:write',
    ...UNIT_FILING,
    ...CONSULTATION_DEPARTMENT,
    ...REPORTS_UNIT,
    'reports:write',
  ],
  // a counterpart reads its departments' plans; the department keeps them
  counterpart: [
    ...BUSINESS_READ,
    ...LEDGER_READ,
    'ledger:write',
    ...UNIT_FILING,
    ...CONSULTATION_COUNTERPART,
    ...REPORTS_UNIT,
  ],
  // Accounts need the organisation directory to place a user; that is directory data, not business records.
  sysadmin: [
    'users:read',
    'users:write',
    'settings:read',
    'settings:write',
    'regions:read',
    'organisations:read',
    'notifications:admin',
  ],
  secadmin: ['security:read', 'security:write', 'users:grant'],
  auditadmin: ['audit:read'],
};

export function can(role: Role, permission: Permission): boolean {
  return permission === 'public' || permission === 'self' || ROLE_PERMISSIONS[role].includes(permission);
}
