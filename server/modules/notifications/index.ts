// The public face of the notifications module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { claimDue, expireStale, markAttemptFailed, markSent } from './deliveries.repository.js';
export {
  NOTIFICATION_TEXTS,
  type NotificationText,
  type NotificationTextName,
  notificationText,
  urgeAsk,
} from './notification-texts.js';
export {
  insertNotifications,
  type NewNotificationInput,
  notifyOrganisations,
  reviewersOfRegion,
  type UnitNotice,
  usersOfOrganisations,
} from './notifications.repository.js';
