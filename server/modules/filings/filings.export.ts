// 附件2 登记表 of one unit for a year, as .docx.
import type { RegistrationFormQuery } from '../../../common/schemas/filings.js';
import type { RequestContext } from '../../context.js';
import {
  REGISTRATION_FORM_TITLE,
  renderRegistrationFormDocx,
} from '../../documents/registration-form.docx.js';
import { DOCX_TYPE, type RenderedDocument } from '../../documents/send-document.js';
import { appendExportAudit } from '../audit/index.js';
import { registrationFormData } from './filings.registration-form.js';

/** 附件2 of one unit for a year: filled from its form in that year's round, or blank (`blank=1`). */
export async function registrationFormDocx(
  ctx: RequestContext,
  query: RegistrationFormQuery,
): Promise<RenderedDocument> {
  const data = await registrationFormData(ctx, query);
  const body = await renderRegistrationFormDocx(data.input);
  await appendExportAudit(
    ctx,
    'registration-form.docx',
    `year=${query.year}; organisationId=${query.organisationId}; blank=${query.blank === '1' ? 1 : 0}; phones=${data.phones}`,
  );
  const who = query.blank === '1' ? '空白' : data.unitName;
  return {
    filename: `${data.input.year}年${REGISTRATION_FORM_TITLE}-${who}.docx`,
    contentType: DOCX_TYPE,
    body,
  };
}
