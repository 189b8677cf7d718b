// The activation code by e-mail, straight to its holder: the code is never queued in the database (only its
// hash is kept), so it is sent once, right after the transaction that issued it commits.
import type { Config } from '../../config.js';
import { smtpTransport } from '../mail/index.js';
import type { CodePurpose } from './activation.codes.js';

export type CodeMailConfig = Pick<Config, 'LIAISON_SMTP_URL' | 'LIAISON_MAIL_FROM' | 'LIAISON_PUBLIC_URL'>;

export interface CodeMail {
  to: string;
  username: string;
  displayName: string;
  organisationName: string;
  code: string;
  expiresAt: string;
  purpose: CodePurpose;
}

const PURPOSE_LABEL: Record<CodePurpose, string> = {
  activation: '开通账号',
  reset: '重新设置密码',
  handover: '接手本单位账号',
};

/** The link a holder opens; the code is filled in (and still has to be redeemed with a new password). */
export const activationLink = (publicUrl: string, code?: string): string =>
  `${publicUrl.replace(/\/$/, '')}/activate${code ? `?code=${encodeURIComponent(code)}` : ''}`;

/** Beijing time, to the minute, for the "valid until" line. */
export const shanghaiMinute = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function renderCodeMail(m: CodeMail, publicUrl: string): { subject: string; text: string } {
  return {
    subject: `【对口联系·${PURPOSE_LABEL[m.purpose]}】${m.organisationName}`,
    text: [
      `${m.displayName}：`,
      '',
      `您在对口联系工作系统中的账号（${m.organisationName}）需要由您本人${PURPOSE_LABEL[m.purpose]}。`,
      `账号：${m.username}`,
      `开通码：${m.code}`,
      `有效期至：${shanghaiMinute(m.expiresAt)}（北京时间），只能使用一次。`,
      '',
      `请打开 ${activationLink(publicUrl, m.code)} ，输入开通码并设置只有您本人知道的密码。`,
      '密码不会告诉任何人，包括统战部和系统管理员。如非本人操作，请联系统战部。',
    ].join('\n'),
  };
}

/** True when SMTP is configured and the message was accepted; false (and nothing sent) otherwise. */
export async function sendCodeMail(config: CodeMailConfig, mail: CodeMail): Promise<boolean> {
  if (!config.LIAISON_SMTP_URL) return false;
  const transport = smtpTransport(config.LIAISON_SMTP_URL);
  const { subject, text } = renderCodeMail(mail, config.LIAISON_PUBLIC_URL);
  try {
    await transport.send({
      from: config.LIAISON_MAIL_FROM,
      to: mail.to,
      subject,
      text,
      messageId: `<activation-${Date.now().toString(36)}-${mail.username}@liaison>`,
    });
    return true;
  } catch {
    return false;
  } finally {
    transport.close();
  }
}
