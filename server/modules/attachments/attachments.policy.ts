// Who may remove an attached file: the unit that uploaded it, or 统战部 (correcting) — never another party
// of the same record, however much else it may do there.
import { isTzb, type Rule } from '../../access/rules.js';
import type { Actor } from '../../context.js';

export interface FileFacts {
  /** the uploader's unit at upload time; null for files from before it was recorded */
  uploaderOrgId: number | null;
}

export const canRemoveFile = (actor: Actor, f: FileFacts): boolean =>
  isTzb(actor) || (f.uploaderOrgId !== null && f.uploaderOrgId === actor.organisationId);

export const attachmentsPolicy = { remove: canRemoveFile } satisfies Record<string, Rule<never>>;
