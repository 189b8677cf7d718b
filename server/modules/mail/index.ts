// The public face of the mail module: what other modules may use. Import the module through this file only
// (server/architecture.test.ts).
export { defaultInstanceId, type SendResult, sendPendingEmails } from './mail.sender.js';
export { type MailTransport, smtpTransport } from './mail.transport.js';
