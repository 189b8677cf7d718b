// The public face of the activation module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { issueCode, makePending } from './activation.codes.js';
export {
  codeTarget,
  completeDelivery,
  type DeliveryConfig,
  type PlannedDelivery,
  planDelivery,
  presentIssued,
} from './activation.delivery.js';
export { activationLink, shanghaiMinute } from './activation.mail.js';
