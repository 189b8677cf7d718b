// The whole draft: the seven sections in the form's order, and a section as running text.
import { consultationSection } from './consultation.js';
import type { ReportFacts } from './facts.js';
import { type DraftSection, REPORT_SECTIONS, type ReportSectionKey, type Sentence } from './form.js';
import { informationSection } from './information.js';
import { invitationsSection } from './invitations.js';
import { meetingsSection } from './meetings.js';
import { otherSection } from './other.js';
import { researchSection } from './research.js';
import { socialServiceSection } from './social-service.js';

/** The whole draft: the seven sections in the form's order. */
export function buildReportDraft(facts: ReportFacts): DraftSection[] {
  const build: Record<ReportSectionKey, (f: ReportFacts) => Sentence[]> = {
    meetings: meetingsSection,
    consultation: consultationSection,
    invitations: invitationsSection,
    information: informationSection,
    research: researchSection,
    socialService: socialServiceSection,
    other: otherSection,
  };
  return REPORT_SECTIONS.map((s) => ({ key: s.key, title: s.title, sentences: build[s.key](facts) }));
}

/** A section's sentences as the running text the form prints. */
export const sectionText = (sentences: readonly Sentence[]): string => sentences.map((s) => s.text).join('');
