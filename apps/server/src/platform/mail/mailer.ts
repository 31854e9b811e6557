import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';
import { loadNodemailer } from '../libraries.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * An SMTP mailer from SMTP_URL (`smtp://user:pass@host:587`, `smtps://…:465`), or null when mail is off: then
 * messages stay in the outbox as `stored`, readable by owners (so invitations work on a fresh install).
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const smtpUrl = config.smtpUrl;
  let transport: Transporter | undefined;
  return {
    async send(message) {
      transport ??= (await loadNodemailer()).createTransport(smtpUrl);
      await transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    },
    close: () => transport?.close(),
  };
}
