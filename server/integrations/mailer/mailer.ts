import nodemailer from 'nodemailer';
import type { Config } from '../../config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** Stable per logical message, so a resend after a crash carries the same Message-ID. */
  idempotencyKey: string;
  /** Files attached to the message (e.g. a report's Excel copy). */
  attachments?: { filename: string; content: Buffer; contentType?: string }[];
}

export interface Mailer {
  send(msg: MailMessage): Promise<{ response: string; messageId: string }>;
  close(): void;
}

let cached: { url: string; mailer: Mailer } | undefined;

/** E-mail over SMTP (nodemailer) from MANYI_SMTP_URL; null when no server is configured. */
export function getMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  if (cached?.url === config.smtpUrl) return cached.mailer;
  const transport = nodemailer.createTransport(
    // Well inside the job lease (60 s), so a slow server never makes two workers send the same message.
    { url: config.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
    { from: config.mailFrom },
  );
  const mailer: Mailer = {
    async send(msg) {
      const domain = config.mailFrom.match(/@([^>\s]+)/)?.[1] ?? 'manyi.local';
      const messageId = `<${msg.idempotencyKey.replace(/[^A-Za-z0-9.:_-]/g, '-')}@${domain}>`;
      const info = await transport.sendMail({
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        messageId,
        ...(msg.attachments ? { attachments: msg.attachments } : {}),
      });
      return { response: String(info.response ?? ''), messageId };
    },
    close: () => transport.close(),
  };
  cached?.mailer.close();
  cached = { url: config.smtpUrl, mailer };
  return mailer;
}
