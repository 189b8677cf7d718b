// The public face of the conference module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { conferencePack } from './conference.export.js';
export { conferenceData } from './conference.service.js';
export { type PackFigures, packProse } from './pack-prose.js';
