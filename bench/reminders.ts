import 'reflect-metadata';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { CalendarFeedService } from '../src/organizing/reminders/calendar-feed.service';
import { DigestService } from '../src/organizing/reminders/digest.service';
import { Mailer } from '../src/organizing/reminders/mailer';
import { PushSender } from '../src/organizing/reminders/push-sender';
import { AuditLog } from '../src/platform/audit/audit-log';
import type { CurrentUser } from '../src/platform/common/auth/roles';
import { loadConfig } from '../src/platform/config/app-config';
import { dataSourceOptions } from '../src/platform/database/data-source-options';
import { Clock } from '../src/platform/time/clock';
import { recreateDatabase } from './lib/database';
import { line, ms, summarize, timed } from './lib/stats';

/**
 * Reminders (docs/reminders.md): `npx nest build && node dist/bench/reminders.js`.
 *
 * 1. The calendar feed: one organizer's (BENCH_REMINDER_PER_PERSON follow-ups, default 20)
 *    and council staff's (the whole council: BENCH_REMINDER_PEOPLE × that, default 6,000),
 *    each rendered BENCH_REMINDER_FEEDS times (default 30): p50, p95 and the file's size.
 * 2. The morning e-mail: BENCH_REMINDER_PEOPLE organizers (default 300) of one hour, sent to
 *    an SMTP server on loopback (smtp-server, accepting everything): the run's seconds and
 *    messages a second; then the same hour again (all skipped: the claims).
 * Uses its own database (rengo_bench_reminders); DATABASE_URL names the server.
 */
const SERVER = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/rengo';
const PEOPLE = Number(process.env.BENCH_REMINDER_PEOPLE ?? 300);
const PER_PERSON = Number(process.env.BENCH_REMINDER_PER_PERSON ?? 20);
const FEEDS = Number(process.env.BENCH_REMINDER_FEEDS ?? 30);
const TODAY = '2026-06-15';

async function main(): Promise<void> {
  const url = await recreateDatabase(SERVER, 'rengo_bench_reminders');
  const db = new DataSource(dataSourceOptions(url));
  await db.initialize();
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const config = {
    ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }),
    databaseUrl: url,
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    publicUrl: 'https://crm.example.jp',
  };
  try {
    const [council] = await db.query(`INSERT INTO regional_councils (code, name, municipalities) VALUES ('bench', '横浜地域連合', '{横浜市}') RETURNING id`);
    const [staff] = await db.query(
      `INSERT INTO users (email, password_hash, display_name, role, regional_council_id) VALUES ('staff@bench.rengo', 'x', '事務局', 'regional', $1) RETURNING id, email, display_name AS "displayName", role, regional_council_id AS "regionalCouncilId"`,
      [council.id],
    );
    const organizers = await db.query(
      `INSERT INTO users (email, password_hash, display_name, role, regional_council_id)
       SELECT 'organizer' || n || '@bench.rengo', 'x', 'オルガナイザー' || n, 'organizer', $1 FROM generate_series(1, $2) n
       RETURNING id, email, display_name AS "displayName", role, regional_council_id AS "regionalCouncilId"`,
      [council.id, PEOPLE],
    );
    // each organizer: PER_PERSON prospects due from 30 days ago to 60 days ahead, each with one visit
    await db.query(
      `INSERT INTO prospects (employer_name, regional_council_id, estimated_workers, source, assigned_organizer_ids, next_action_on)
       SELECT '株式会社ベンチ' || u.n || '-' || k, $1, 50, 'outreach', ARRAY[u.id], DATE '${TODAY}' - 30 + ((u.n * 7 + k * 13) % 90)::int
         FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM users WHERE role = 'organizer') u, generate_series(1, $2) k`,
      [council.id, PER_PERSON],
    );
    await db.query(
      `INSERT INTO visits (prospect_id, organizer_id, occurred_on, kind, outcome, support_level, summary)
       SELECT p.id, p.assigned_organizer_ids[1], DATE '${TODAY}' - 40, 'visit', 'card_exchanged', 3, '面談' FROM prospects p`,
    );
    await db.query(`INSERT INTO notification_settings (user_id, email_digest, digest_hour) SELECT id, true, 7 FROM users WHERE role = 'organizer'`);
    await db.query(`ANALYZE`);

    const clock = new Clock();
    clock.set(TODAY);
    const feeds = new CalendarFeedService(db, clock, new AuditLog(db), config);
    console.log(`Reminders: ${PEOPLE} organizers × ${PER_PERSON} prospects (${(PEOPLE * PER_PERSON).toLocaleString('en-US')} in the council)`);
    for (const [who, person] of [
      ['organizer’s feed', organizers[0]],
      ['council staff’s feed', staff],
    ] as [string, CurrentUser][]) {
      const file = new URL((await feeds.urlFor(person)).url).pathname.split('/').pop() as string;
      const whole: number[] = [];
      const current: number[] = [];
      let size = 0;
      for (let i = 0; i < FEEDS; i++) {
        // a client whose copy is current: the reads and the ETag, no rendering (304)
        current.push((await timed(() => feeds.feed(file)))[1]);
        const [body, took] = await timed(async () => (await feeds.feed(file))?.body() ?? '');
        whole.push(took);
        size = Buffer.byteLength(body);
      }
      const s = summarize(whole);
      const c = summarize(current);
      line(`${who} (200)`, `p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, ${(size / 1024).toFixed(0)} KiB`);
      line(`${who} (304)`, `p50 ${ms(c.p50)}, p95 ${ms(c.p95)}`);
    }

    const digests = new DigestService(db, new Mailer(config), new PushSender(config), config);
    const [first, took] = await timed(() => digests.run(TODAY, 7));
    line(
      `morning e-mail, ${PEOPLE} people`,
      `${(took / 1000).toFixed(2)} s, ${Math.round(first.sent / (took / 1000))} messages/s (sent ${first.sent}, received ${received})`,
    );
    const [second, again] = await timed(() => digests.run(TODAY, 7));
    line('the same hour again', `${(again / 1000).toFixed(2)} s (sent ${second.sent}, skipped ${second.skipped})`);
  } finally {
    await db.destroy();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
