import nodemailer from 'nodemailer';

/** One plain-text e-mail. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; a failed send throws (the caller retries later). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

/**
 * E-mail through an SMTP server (nodemailer's SMTP transport), from an `smtp://user:pass@host:port` or `smtps://` URL
 * (smtps: TLS from the first byte; smtp: STARTTLS when the server offers it). Each send opens its own connection, so an
 * outage fails sends quickly and a recovered server is used at once.
 */
export function smtpMailer(url: string, from: string, opts: { timeoutMs?: number } = {}): Mailer {
  const timeout = opts.timeoutMs ?? 20_000;
  // The URL's settings win; the timeouts say how long to wait for the server before an attempt counts as failed.
  const transport = nodemailer.createTransport({ url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }, { from });
  return {
    send: async (mail) => {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text });
    },
    close: () => transport.close(),
  };
}
