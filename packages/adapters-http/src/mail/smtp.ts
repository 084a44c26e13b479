import type { Email, EmailSender } from '@reshaem/core';
import { createTransport } from 'nodemailer';

/** Where and how to send: an SMTP server (submission port 587 with STARTTLS, or 465). */
export interface SmtpSenderOptions {
  host: string;
  port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The sender address, e.g. `«Решаем вместе» <noreply@pos.example.org>`. */
  from: string;
  /** Never upgrade to TLS (a local test server). */
  ignoreTLS?: boolean;
  /** Give up on a server that does not answer within this many ms; 30 000 by default. */
  timeoutMs?: number;
}

/** An {@link EmailSender} over SMTP, with `close()` for its pooled connections. */
export interface SmtpSender extends EmailSender {
  close(): void;
}

/**
 * The SMTP implementation of the core's e-mail sender port, on nodemailer: plain text and
 * HTML parts, UTF-8 headers. A rejected `send` makes `deliverNotifications` retry the
 * outbox entry later.
 *
 * @example
 * const sender = createSmtpSender({ host: 'smtp.example.org', port: 587, from: 'pos@example.org',
 *   auth: { user: 'pos', pass: process.env.SMTP_PASSWORD! } });
 * await deliverNotifications({ store, sender, configs, now: new Date().toISOString() });
 */
export function createSmtpSender(options: SmtpSenderOptions): SmtpSender {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = createTransport({
    host: options.host,
    port: options.port,
    secure: options.secure ?? options.port === 465,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.ignoreTLS ? { ignoreTLS: true } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(email: Email) {
      const headers =
        'workflow' in email
          ? { 'X-Reshaem-Case': email.caseId, 'X-Reshaem-Type': email.reason }
          : { 'X-Reshaem-Message': email.messageId, 'X-Reshaem-Type': email.type };
      await transport.sendMail({
        from: options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers,
      });
    },
    close: () => transport.close(),
  };
}
