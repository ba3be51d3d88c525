import type { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A message the test's SMTP server accepted, parsed back (the subject decoded, both parts, the headers). */
export interface ReceivedMail {
  to: string;
  mail: ParsedMail;
  raw: string;
}

export interface TestSmtp {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  url: string;
  /** Every message accepted so far, in order. */
  received: ReceivedMail[];
  /** Recipients refused with a temporary error (451) while listed. */
  refuse: Set<string>;
  /** The next message is read but never answered (the sender waits); resolves with its recipient when it has arrived. */
  holdNext(): Promise<string>;
  /** How many messages each recipient got. */
  countsByRecipient(): Record<string, number>;
  close(): Promise<void>;
}

/** A real SMTP server (`smtp-server`) on loopback that keeps what it accepts. */
export async function startSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  let hold: ((to: string) => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) {
        callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address).join(',');
        if (hold) {
          const release = hold;
          hold = null;
          release(to);
          return; // never answered: the sender waits until it is killed
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw).then(
          (mail) => {
            received.push({ to, mail, raw });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    holdNext: () => new Promise<string>((resolve) => (hold = resolve)),
    countsByRecipient: () => received.reduce<Record<string, number>>((counts, r) => ({ ...counts, [r.to]: (counts[r.to] ?? 0) + 1 }), {}),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
