import { Clock } from '../../src/platform/time/clock';
import { allPages, readCsv, slowDownload } from '../support/exports';
import { makeCouncil } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

/*
 * A list export is one snapshot: a client that reads slowly holds the export between pages,
 * and a row written meanwhile that sorts first neither shifts the later pages (one row twice,
 * one lost) nor appears. 1,200 rows a list, three pages of 500. The server reads one page
 * ahead of what has gone out, and the sockets buffer a few MB more, so each row carries
 * 21 KB of filler: a page (10 MB) outgrows them, and the third page is read only after the
 * write (with LIMIT/OFFSET paging it would repeat row 1,000).
 */
const ROWS = 1200;
const WIDE = 7000; // characters of filler (3 bytes each in UTF-8)

describe('list exports read from one snapshot', () => {
  let t: TestApp;
  let council: string;

  beforeAll(async () => {
    t = await bootTestApp();
    t.app.get(Clock).set('2026-06-15');
    council = await makeCouncil(t);
    await t.db.query(
      `INSERT INTO unions (name, regional_council_id, employer_name, kind)
       SELECT '労組' || lpad(n::text, 4, '0'), $1, '株式会社' || repeat('組', $2), 'enterprise' FROM generate_series(1, $3) n`,
      [council, WIDE, ROWS],
    );
    await t.db.query(
      `INSERT INTO prospects (employer_name, establishment_name, regional_council_id, estimated_workers, source, updated_at)
       SELECT '候補' || lpad(n::text, 4, '0'), '事業所' || repeat('所', $2), $1, 10, 'outreach', now() - n * interval '1 minute'
         FROM generate_series(1, $3) n`,
      [council, WIDE, ROWS],
    );
  });
  afterAll(async () => {
    await t.close();
  });

  /** Starts the export, reads its first 50 KB, runs `write`, then reads the rest: the CSV's rows. */
  async function exportWhileWriting(path: string, write: () => Promise<void>): Promise<string[][]> {
    const file = await slowDownload(t, path, t.adminToken);
    expect(file.status).toBe(200);
    await file.readAtLeast(50_000);
    await write();
    return readCsv(await file.rest()).slice(1);
  }

  it('exports every union once and not one added meanwhile that sorts first', async () => {
    const before = (await allPages(t, `/unions?regionalCouncilId=${council}`, t.adminToken)).map((u) => u.name as string);
    expect(before).toHaveLength(ROWS);
    const rows = await exportWhileWriting(`/unions?regionalCouncilId=${council}&format=csv`, async () => {
      const added = await t.request('POST', '/unions', {
        token: t.adminToken,
        body: { name: '0先頭の労組', regionalCouncilId: council, employerName: '株式会社先頭' },
      });
      expect(added.status).toBe(201);
    });
    expect(rows.map((r) => r[1])).toEqual(before);
    // the new union is real and sorts first: a later export has it at the top
    const [first] = (await allPages(t, `/unions?regionalCouncilId=${council}`, t.adminToken)).map((u) => u.name as string);
    expect(first).toBe('0先頭の労組');
  });

  it('exports every prospect once and not one added meanwhile that sorts first', async () => {
    const before = (await allPages(t, `/prospects?regionalCouncilId=${council}`, t.adminToken)).map((p) => p.employerName as string);
    expect(before).toHaveLength(ROWS);
    const rows = await exportWhileWriting(`/prospects?regionalCouncilId=${council}&format=csv`, async () => {
      const added = await t.request('POST', '/prospects', {
        token: t.adminToken,
        body: { employerName: '株式会社あたらしい', regionalCouncilId: council, estimatedWorkers: 30, source: 'outreach' },
      });
      expect(added.status).toBe(201);
    });
    expect(rows.map((r) => r[0])).toEqual(before);
    const [first] = (await allPages(t, `/prospects?regionalCouncilId=${council}`, t.adminToken)).map((p) => p.employerName as string);
    expect(first).toBe('株式会社あたらしい');
  });
});
