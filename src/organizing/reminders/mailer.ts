import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The same for every attempt of one person's day, so a client that sees a repeat can fold it. */
  messageId: string;
}

/** The SMTP side of the morning e-mail: one pooled transport from SMTP_URL; none without it. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get available(): boolean {
    return this.config.smtpUrl !== undefined;
  }

  /** Resolves with the server's answer once it accepted the message; rejects when it did not. */
  async send(mail: Mail): Promise<string> {
    if (!this.config.smtpUrl) throw new Error('SMTP_URL is not set');
    // pooled: one run's messages reuse a connection instead of opening one each
    this.transport ??= nodemailer.createTransport({
      url: this.config.smtpUrl,
      pool: true,
      maxConnections: 1,
      maxMessages: 100,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 60_000,
    } as never);
    const info = await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      textEncoding: 'base64',
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
    return String(info.response ?? info.messageId);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
