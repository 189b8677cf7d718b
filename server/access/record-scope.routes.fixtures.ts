// The case table of record-scope.test.ts: which routes with a record in their path it covers, and how each is
// called for a variant (the path filled with a record of the world, a valid body).
import type { Role } from '../../common/roles.js';
import { daysFromNow } from '../modules/ledger/ledger.fixtures.js';
import type { CollectedRoute } from '../test/routes.js';
import type { Fixtures, Variant } from './record-scope.fixtures.js';

/** Path prefixes (after /api/v1/) whose :id routes the test fills; others are reported, not tested. */
export const COVERED = [
  'regions',
  'organisations',
  'pairings',
  'roster',
  'change-reports',
  'filing-rounds',
  'notifications/:id',
  'ledger',
  'plans',
  'users',
  'reports',
  'consultations',
  'jobs',
  'notifications/deliveries',
  'accounts/:id',
  'accounts/handovers',
];
/** Routes with a record in their path that the test cannot fill yet (none: any such route fails the test). */
export const FIXTURES_PENDING: string[] = [];
/** Parameters that name no record of a unit (a year, a secret token): nothing to scope. */
export const NOT_A_RECORD = ['/report-rounds/:year', '/conference/:year', '/calendar/feed/:token.ics'];
/** Organisations are directory data: a unit sees every organisation of its region (by design). */
export const DIRECTORY = (url: string) => url === '/api/v1/organisations/:id';
/** A job is its creator's only: another user's job is 404 for every role, region roles too. */
export const CREATOR_ONLY = (url: string) => url.startsWith('/api/v1/jobs/');
/** Own-unit routes that may answer 404 for a reason other than scope (no such version yet). */
export const OWN_MAY_BE_MISSING = ['/api/v1/reports/:departmentId/:year/versions/:version'];

export { hasBody, routeKey as key } from '../test/routes.js';

/** Valid bodies, so that a request reaches the scope check instead of failing validation. */
export function bodyFor(route: CollectedRoute, f: Fixtures, v: Variant): unknown {
  const u = route.url.replace('/api/v1', '');
  const table: Record<string, unknown> = {
    'PATCH /regions/:id': { name: v === 'own' ? '奉化区' : '越界区' },
    'PATCH /organisations/:id': { shortName: '简称' },
    'POST /organisations/:id/aliases': { alias: `别名${Math.random().toString(36).slice(2, 8)}` },
    'POST /pairings/:id/end': { validTo: 2030, source: '测试〔2030〕1号' },
    'PUT /roster/:organisationId/:role': { name: '李四', position: '科长', servedFrom: '2026-01-05' },
    'POST /roster/:organisationId/reveal': { reason: '核对联系方式' },
    'POST /change-reports/:id/acknowledge': { note: '已知悉' },
    'PATCH /filing-rounds/:roundId': { recipient: '区委统战部党派干部科' },
    'PUT /filing-rounds/:roundId/filings/:organisationId': {
      leader: { name: '张三', position: '副局长', phone: '13900000001' },
      liaison: { name: '王五', position: '科长', phone: '88880001' },
    },
    'POST /filing-rounds/:roundId/filings/:organisationId/submit': null,
    'POST /filing-rounds/:roundId/filings/:organisationId/return': { reason: '请补充' },
    'POST /filing-rounds/:roundId/filings/:organisationId/file': { note: '备案' },
    'POST /filing-rounds/:roundId/filings/:organisationId/reveal': { reason: '核对' },
    'PATCH /ledger/:id': { title: '改过的标题' },
    'POST /ledger/:id/reply': { reply: 'attend', attendees: '王主委' },
    'POST /ledger/:id/attendance': {
      attendance: [{ organisationId: f.counterpart[v], attended: true }],
    },
    'POST /ledger/:id/receipt': { read: true },
    'POST /ledger/:id/adoption': { adoption: 'adopted' },
    'POST /ledger/:id/minutes': { minutes: '纪要' },
    'POST /ledger/:id/attachments': {
      fileName: 'a.txt',
      contentBase64: Buffer.from('附件').toString('base64'),
    },
    'POST /plans/:id/items': { kind: 'symposium', title: '座谈会', targetMonth: 6 },
    'PATCH /plans/:id/items/:itemId': { title: '改过的计划' },
    'PUT /reports/:departmentId/:year': { sections: {} },
    'POST /reports/:departmentId/:year/submit': null,
    'POST /reports/:departmentId/:year/return': { comment: '请修改' },
    'POST /reports/:departmentId/:year/accept': null,
    'POST /reports/:departmentId/:year/comments': { body: '意见' },
    'PATCH /users/:id': { displayName: '改名' },
    'PATCH /consultations/matters/:id': { title: '改过的事项' },
    'POST /consultations/matters/:id/symposium': { scheduledAt: daysFromNow(5), place: '会议室' },
    'POST /consultations/matters/:id/symposium/held': {},
    'PUT /consultations/matters/:id/minutes': { minutes: '纪要' },
    'POST /consultations/matters/:id/decision': {},
    'POST /consultations/matters/:id/attachments': {
      fileName: 'a.txt',
      contentBase64: Buffer.from('事项附件').toString('base64'),
    },
    'POST /consultations/matters/:id/items': {
      source: 'written',
      text: '意见',
      counterpartId: f.counterpart[v],
    },
    'PUT /consultations/items/:id/analysis': { analysis: '分析' },
    'POST /consultations/items/:id/reply': { replyClass: 'adopted', text: '答复' },
    'POST /consultations/items/:id/extension': { reason: '需要时间', days: 5 },
    'POST /consultations/items/:id/extension/grant': {},
    'POST /consultations/items/:id/extension/refuse': { note: '不同意' },
    'POST /consultations/items/:id/verdict': { verdict: 'satisfied' },
    'POST /consultations/items/:id/close': { note: '办结' },
    'POST /consultations/items/:id/urge': { note: '请尽快答复' },
    'POST /notifications/deliveries/:id/retry': null,
    'POST /accounts/:id/code': null,
    'POST /accounts/handovers/:id/accept': {},
    'POST /accounts/handovers/:id/decline': null,
    'POST /users/:id/role': { role: 'department' },
  };
  const k = `${route.method} ${u}`;
  return k in table ? table[k] : undefined;
}

/** The path of a route for one variant, or null when the variant means nothing for it. */
export async function pathFor(
  route: CollectedRoute,
  role: Role,
  userId: number,
  v: Variant,
  f: Fixtures,
): Promise<string | null> {
  const u = route.url.replace('/api/v1', '');
  const segment = u.startsWith('/accounts/handovers')
    ? 'handovers'
    : u.startsWith('/consultations/items')
      ? 'items'
      : u.startsWith('/consultations/matters')
        ? 'matters'
        : u.startsWith('/notifications/deliveries')
          ? 'deliveries'
          : (u.split('/')[1] ?? '');
  const values: Record<string, number | string | null> = {};
  for (const [, name = ''] of u.matchAll(/:(\w+)/g)) {
    switch (name) {
      case 'id': {
        const byResource: Record<string, () => Promise<number | string | null> | number | string | null> = {
          regions: () => (v === 'otherUnit' ? null : f.region[v]),
          organisations: () => f.unit(role)[v],
          pairings: () => f.pairing[v],
          'change-reports': () => f.changeReport(role)[v],
          notifications: async () => (await f.notification(userId))[v],
          ledger: () => f.record[v],
          plans: () => f.plan[v],
          users: () => (v === 'otherUnit' ? null : f.user[v]),
          accounts: () => (v === 'otherUnit' ? null : f.user[v]),
          matters: () => f.matter[v],
          items: () => f.item[v],
          jobs: async () => (await f.job(userId))[v],
          deliveries: () => (v === 'otherUnit' ? null : f.delivery[v]),
          handovers: async () => (await f.handover())[v],
        };
        const pick = byResource[segment];
        values[name] = pick ? await pick() : null;
        break;
      }
      case 'aliasId':
        values[name] = f.alias[v];
        break;
      case 'organisationId':
        values[name] = f.unit(role)[v];
        break;
      case 'departmentId':
        values[name] = role === 'department' ? f.unit(role)[v] : f.department[v];
        break;
      case 'roundId':
        // a round belongs to a region: "another unit" is a form of the own region's round
        if (v === 'otherUnit' && !u.includes('/filings/')) values[name] = null;
        else values[name] = f.round[v];
        break;
      case 'attachmentId':
        values[name] = segment === 'matters' ? (await f.matterFile())[v] : (await f.attachment())[v];
        break;
      case 'itemId':
        values[name] = (await f.planItem())[v];
        break;
      case 'role':
        values[name] = 'liaison';
        break;
      case 'year':
        values[name] = 2025;
        break;
      case 'version':
        values[name] = 1;
        break;
      default:
        values[name] = null;
    }
  }
  if (Object.values(values).some((x) => x === null)) return null;
  return route.url.replace(/:(\w+)/g, (_, name: string) => String(values[name]));
}
