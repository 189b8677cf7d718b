// The public face of the consultations module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).

export { grantExtension, requestExtension } from './consultations.extensions.js';
export { consultationFigures, figuresFor } from './consultations.figures.js';
export { createItem, listItems } from './consultations.items.js';
export { findItemIds, itemsByIds } from './consultations.items.repository.js';
export { createMatter, listMatters } from './consultations.matters.js';
export { findMatterIds, matterCounterparts, mattersByIds } from './consultations.matters.repository.js';
export { rateReply, replyToItem } from './consultations.replies.js';
export { repliesOf } from './consultations.replies.repository.js';
export { consultationSettingsFor } from './consultations.settings.js';
export { runConsultationSweep } from './consultations.sweep.js';
export { holdSymposium, recordDecision, scheduleSymposium } from './consultations.symposium.js';
export { itemEventText } from './item-event-texts.js';
