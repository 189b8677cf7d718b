// 附件2 for printing: the data of one unit's registration form for a year, filled from its filing or blank.
import { localDate } from '../../../common/filings.js';
import { maskPhone } from '../../../common/phone.js';
import { can } from '../../../common/roles.js';
import type { RegistrationFormQuery } from '../../../common/schemas/filings.js';
import { scopeOf } from '../../access/scope.js';
import type { RequestContext } from '../../context.js';
import type { Filing } from '../../db/schema.js';
import type { RegistrationFormInput } from '../../documents/registration-form.docx.js';
import { notFound } from '../../errors.js';
import { isOwnUnit, visibleUnit } from '../roster/index.js';
import { findFiling, listRounds, type RoundRow } from './filings.repository.js';

export interface RegistrationFormData {
  input: RegistrationFormInput;
  unitName: string;
  phones: 'full' | 'masked' | 'none';
}

/**
 * 附件2 of a unit for a year, from its form in that year's round of its region (the round it has a form in, or
 * the newest). Phones print in full for the unit itself and for contacts:reveal holders (the printed form goes
 * to 统战部); anyone else gets them masked. `blank` prints the empty form with the round's deadline and contact —
 * for any year, even one with no round (the deadline then left blank).
 */
export async function registrationFormData(
  ctx: RequestContext,
  query: RegistrationFormQuery,
): Promise<RegistrationFormData> {
  const unit = await visibleUnit(ctx, query.organisationId);
  const rounds = await listRounds(ctx.db, {
    scope: scopeOf(ctx.actor),
    regionId: unit.region_id,
    year: query.year,
  });
  let round: RoundRow | undefined;
  let filing: Filing | undefined;
  for (const r of rounds) {
    filing = await findFiling(ctx.db, r.id, unit.id);
    if (filing) {
      round = r;
      break;
    }
  }
  round ??= rounds[0];
  const blank = query.blank === '1';
  if (!round && blank) {
    // a blank form for a year with no round: the year asked, the deadline left to write in, the office and
    // contact of the region's latest round (if any)
    const [latest] = await listRounds(ctx.db, { scope: scopeOf(ctx.actor), regionId: unit.region_id });
    return {
      unitName: unit.name,
      phones: 'none',
      input: {
        year: query.year,
        organisationName: null,
        date: null,
        leader: null,
        liaison: null,
        deadline: null,
        recipient: latest?.recipient ?? null,
        contactPerson: latest?.contact_person ?? null,
        contactPhone: latest?.contact_phone ?? null,
        fax: latest?.fax ?? null,
      },
    };
  }
  if (!round) throw notFound();
  const full = isOwnUnit(ctx, unit.id) || can(ctx.actor.role, 'contacts:reveal');
  const person = (role: 'leader' | 'liaison') => {
    if (blank || !filing) return null;
    const phone = filing[`${role}_phone`] ?? '';
    return {
      name: filing[`${role}_name`] ?? '',
      position: filing[`${role}_position`] ?? '',
      phone: full ? phone : maskPhone(phone),
    };
  };
  return {
    unitName: unit.name,
    phones: blank || !filing ? 'none' : full ? 'full' : 'masked',
    input: {
      year: round.year,
      organisationName: blank ? null : unit.name,
      date: !blank && filing?.submitted_at ? localDate(filing.submitted_at) : null,
      leader: person('leader'),
      liaison: person('liaison'),
      deadline: round.deadline,
      recipient: round.recipient,
      contactPerson: round.contact_person,
      contactPhone: round.contact_phone,
      fax: round.fax,
    },
  };
}
