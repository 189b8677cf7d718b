// The public face of the settings module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { currentSecurityPolicy, type PolicyDefaults } from './security-policy.js';
export { readSetting, writeSetting } from './settings.repository.js';
