// 统战部 creates one 联络员 account per unit in one step: from the roster (the 联络员 each unit filed in 附件2), or
// from an .xlsx of 单位 / 联络员 / 手机 / 邮箱. The preview names every row's problem; creating refuses the
// whole batch while any row has one, so nothing is half-made.
import { isEmail, isPhone } from '../../../common/contact-checks.js';
import { closestOrganisation, normaliseName } from '../../../common/name-match.js';
import type {
  ProvisionPreviewResponse,
  ProvisionProblem,
  ProvisionRequest,
  ProvisionRowDto,
} from '../../../common/schemas/activation.js';
import { shanghaiDate } from '../../../common/shanghai-time.js';
import type { Executor, RequestContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { readGuardedXlsxRows } from '../attachments/index.js';
import { type NamedOrganisation, organisationsWithAliases } from '../organisations/index.js';
import { latestByRole, personsInForce } from '../roster/index.js';
import { ACCOUNT_HOLDER_ROLE, UNIT_ACCOUNT_ROLE } from '../users/index.js';

const MESSAGES: Record<ProvisionProblem, { zh: string; en: string }> = {
  'unit-missing': { zh: '没有填写单位', en: 'no unit given' },
  'unit-unknown': { zh: '本区没有这个单位{hint}', en: 'no such unit in this district{hint}' },
  'unit-duplicate': { zh: '与第 {other} 行是同一单位', en: 'the same unit as row {other}' },
  'unit-not-liaison': { zh: '该单位不是政府部门或联系对象', en: 'not a department or counterpart' },
  'name-missing': { zh: '没有填写联络员姓名', en: 'no liaison name' },
  'phone-missing': { zh: '没有填写电话', en: 'no phone number' },
  'phone-invalid': {
    zh: '电话号码不正确（手机 11 位 1[3-9] 开头，座机须带区号）',
    en: 'not a phone number (mobile: 11 digits from 1[3-9]; landline: with area code)',
  },
  'email-invalid': { zh: '邮箱地址不正确', en: 'not an e-mail address' },
  'no-liaison-on-record': {
    zh: '本单位尚未报送联络员（附件2），请先催报或用表格导入',
    en: 'no liaison on record (附件2) yet',
  },
};

function problem(
  ctx: RequestContext,
  code: ProvisionProblem,
  params: Record<string, string> = {},
): ProvisionRowDto['problems'][number] {
  const template = ctx.lang === 'en' ? MESSAGES[code].en : MESSAGES[code].zh;
  return { code, message: template.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '') };
}

/** Which header names mean which column (the first row that names a 单位 column is the header). */
const HEADERS = {
  unit: ['单位', '单位名称', 'unit'],
  name: ['联络员', '姓名', '联络员姓名', 'name'],
  phone: ['手机', '电话', '手机号码', '联系电话', 'phone', 'mobile'],
  email: ['邮箱', '电子邮箱', 'email', 'e-mail'],
} as const;

interface SheetRow {
  row: number;
  unit: string;
  name: string;
  phone: string;
  email: string;
}

function sheetRows(rows: string[][]): SheetRow[] {
  const headerIndex = rows.findIndex((r) =>
    r.some((c) => (HEADERS.unit as readonly string[]).includes(c.trim())),
  );
  if (headerIndex < 0) throw new AppError('PROVISION_HEADER_MISSING');
  const header = rows[headerIndex] ?? [];
  const col = (names: readonly string[]) => header.findIndex((c) => names.includes(c.trim().toLowerCase()));
  const at = {
    unit: col(HEADERS.unit),
    name: col(HEADERS.name),
    phone: col(HEADERS.phone),
    email: col(HEADERS.email),
  };
  const cell = (r: string[], i: number) => (i >= 0 ? (r[i] ?? '').trim() : '');
  const out: SheetRow[] = [];
  rows.forEach((r, i) => {
    if (i <= headerIndex || r.every((c) => !c?.trim())) return;
    out.push({
      row: i + 1,
      unit: cell(r, at.unit),
      name: cell(r, at.name),
      phone: cell(r, at.phone),
      email: cell(r, at.email),
    });
  });
  return out;
}

type Unit = NamedOrganisation;

const unitsOf = (db: Executor, regionPath: string): Promise<Unit[]> =>
  organisationsWithAliases(db, regionPath, { active: true });

/** Units (by id) that have a working 联络员 account already. */
async function unitsWithAccounts(db: Executor, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('users')
    .select('organisation_id')
    .where('organisation_id', 'in', ids)
    .where('role', 'in', ['department', 'counterpart'])
    .where('disabled', '=', 0)
    .execute();
  return new Set(rows.map((r) => r.organisation_id));
}

/** The account name a unit's 联络员 account gets: lly + the unit's id, made unique. */
async function proposedUsername(db: Executor, organisationId: number, taken: Set<string>): Promise<string> {
  const base = `lly${String(organisationId).padStart(4, '0')}`;
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`;
    if (taken.has(candidate)) continue;
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', candidate)
      .executeTakeFirst();
    if (!row) {
      taken.add(candidate);
      return candidate;
    }
  }
}

export interface PlannedAccount extends ProvisionRowDto {
  organisation: { id: number; name: string };
  username: string;
  personId: number | null;
}

/** Every row checked: what would be created, what exists, what must be fixed first. */
export async function planProvision(
  ctx: RequestContext,
  input: ProvisionRequest,
): Promise<{ preview: ProvisionPreviewResponse; plan: PlannedAccount[] }> {
  const units = await unitsOf(ctx.db, ctx.actor.regionPath);
  const byId = new Map(units.map((u) => [u.id, u]));
  const rows: ProvisionRowDto[] = [];
  const personIds = new Map<ProvisionRowDto, number | null>();

  if (input.source === 'xlsx') {
    const sheet = sheetRows(await readGuardedXlsxRows(Buffer.from(input.xlsxBase64, 'base64')));
    const firstRowOf = new Map<number, number>();
    for (const r of sheet) {
      const problems: ProvisionRowDto['problems'] = [];
      let organisation: Unit | null = null;
      if (!r.unit) problems.push(problem(ctx, 'unit-missing'));
      else {
        const match = closestOrganisation(r.unit, units);
        if (match?.exact) organisation = byId.get(match.id) ?? null;
        else
          problems.push(
            problem(ctx, 'unit-unknown', {
              hint: match
                ? ctx.lang === 'en'
                  ? ` (did you mean ${match.name}?)`
                  : `（是否指「${match.name}」？）`
                : '',
            }),
          );
      }
      if (organisation) {
        if (!UNIT_ACCOUNT_ROLE[organisation.kind]) problems.push(problem(ctx, 'unit-not-liaison'));
        const first = firstRowOf.get(organisation.id);
        if (first !== undefined) problems.push(problem(ctx, 'unit-duplicate', { other: String(first) }));
        else firstRowOf.set(organisation.id, r.row);
      }
      if (!r.name) problems.push(problem(ctx, 'name-missing'));
      if (!r.phone) problems.push(problem(ctx, 'phone-missing'));
      else if (!isPhone(r.phone)) problems.push(problem(ctx, 'phone-invalid'));
      if (r.email && !isEmail(r.email)) problems.push(problem(ctx, 'email-invalid'));
      const dto: ProvisionRowDto = {
        row: r.row,
        unit: r.unit,
        organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
        name: r.name,
        phone: r.phone,
        email: r.email || null,
        action: problems.length ? 'blocked' : 'create',
        username: null,
        problems,
      };
      rows.push(dto);
      personIds.set(dto, null);
    }
  } else {
    const liaisonUnits = units.filter((u) => UNIT_ACCOUNT_ROLE[u.kind]);
    const today = shanghaiDate(new Date().toISOString());
    const persons = await personsInForce(
      ctx.db,
      liaisonUnits.map((u) => u.id),
      today,
    );
    for (const u of liaisonUnits) {
      const p = latestByRole(persons, u.id).get(ACCOUNT_HOLDER_ROLE);
      const phone = p?.mobile ?? p?.office_phone ?? '';
      const dto: ProvisionRowDto = {
        row: null,
        unit: u.name,
        organisation: { id: u.id, name: u.name },
        name: p?.name ?? '',
        phone,
        email: null,
        action: p ? 'create' : 'blocked',
        username: null,
        problems: p ? [] : [problem(ctx, 'no-liaison-on-record')],
      };
      rows.push(dto);
      personIds.set(dto, p?.id ?? null);
    }
  }

  const withAccounts = await unitsWithAccounts(
    ctx.db,
    rows.flatMap((r) => (r.organisation ? [r.organisation.id] : [])),
  );
  const taken = new Set<string>();
  const plan: PlannedAccount[] = [];
  for (const r of rows) {
    if (r.organisation && withAccounts.has(r.organisation.id) && r.action !== 'blocked') r.action = 'exists';
    else if (r.organisation && withAccounts.has(r.organisation.id) && input.source === 'roster') {
      r.action = 'exists';
      r.problems = [];
    }
    if (r.action === 'create' && r.organisation) {
      r.username = await proposedUsername(ctx.db, r.organisation.id, taken);
      plan.push({
        ...r,
        organisation: r.organisation,
        username: r.username,
        personId: personIds.get(r) ?? null,
      });
    }
  }
  // Roster rows without a filed 联络员 do not block the others: those units are simply left for later.
  const blocking = rows.filter((r) => r.action === 'blocked' && input.source === 'xlsx').length;
  return {
    preview: {
      rows,
      toCreate: plan.length,
      blocked: rows.filter((r) => r.action === 'blocked').length,
    },
    plan: blocking ? [] : plan,
  };
}

export const sameName = (a: string, b: string): boolean => normaliseName(a) === normaliseName(b);
