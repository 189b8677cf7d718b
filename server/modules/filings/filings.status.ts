// A form's stored status, and the statuses its unit may still edit it in (rounds, forms, drafts, board).
import type { FormStatus } from '../../../common/filings.js';
import type { Filing } from '../../db/schema.js';

export const storedStatus = (f: Filing | undefined): FormStatus =>
  f ? (f.status as FormStatus) : 'not_started';

export const EDITABLE: readonly FormStatus[] = ['not_started', 'draft', 'returned'];
