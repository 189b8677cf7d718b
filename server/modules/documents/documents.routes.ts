import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { RegistrationFormQuery } from '../../../common/schemas/filings.js';
import { DocumentYearQuery } from '../../../common/schemas/pairings.js';
import { AnnualReportDocxQuery } from '../../../common/schemas/reports.js';
import { RosterExportQuery } from '../../../common/schemas/roster.js';
import {
  annualReportDocx,
  pairingListDocx,
  pairingListXlsx,
  registrationFormDocx,
  rosterXlsx,
} from './documents.service.js';
import { sendDocument } from './send-document.js';

export async function documentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const config = { permission: 'documents:read' as const };

  r.get(
    '/documents/pairing-list.docx',
    { config, schema: { tags, querystring: DocumentYearQuery } },
    async (request, reply) => sendDocument(reply, await pairingListDocx(request.ctx(), request.query.year)),
  );
  r.get(
    '/documents/pairing-list.xlsx',
    { config, schema: { tags, querystring: DocumentYearQuery } },
    async (request, reply) => sendDocument(reply, await pairingListXlsx(request.ctx(), request.query.year)),
  );
  r.get(
    '/documents/registration-form.docx',
    { config, schema: { tags, querystring: RegistrationFormQuery } },
    async (request, reply) => sendDocument(reply, await registrationFormDocx(request.ctx(), request.query)),
  );
  // 附件3: one department's form (departmentId), or every report the actor reads, a page each (all=1).
  r.get(
    '/documents/annual-report.docx',
    { config, schema: { tags, querystring: AnnualReportDocxQuery } },
    async (request, reply) => sendDocument(reply, await annualReportDocx(request.ctx(), request.query)),
  );
  r.get(
    '/documents/roster.xlsx',
    { config, schema: { tags, querystring: RosterExportQuery } },
    async (request, reply) => sendDocument(reply, await rosterXlsx(request.ctx(), request.query)),
  );
}
