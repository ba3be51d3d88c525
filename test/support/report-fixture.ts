import { AggregationService } from '../../src/membership/aggregation/aggregation.service';
import { appendToLedger } from '../../src/membership/membership-changes/ledger-writer';
import { Cause, EmploymentType, Gender } from '../../src/membership/vocabulary';
import { makeCouncil, makeFederation, makeSector, makeUnion } from './factories';
import type { TestApp } from './test-app';

/*
 * Two councils (A, B), two federations (X in sector sx, Y in sector sy), three unions:
 *   U1 = X in A, U2 = Y in A, U3 = X in B. Today is 2026-06-15; the report runs 2026-01..2026-03.
 *
 *            U1 (X, A)                U2 (Y, A)                        U3 (X, B)
 * 2025-12    +100 new_hire M reg      +50 new_hire F part             +80 new_hire F reg
 * 2026-01    +10 new_hire F reg       -5 retirement F part            -8 resignation F reg
 * 2026-02    -12 resignation M reg    -3 contract_end F part          +20 new_organizing F reg
 * 2026-03    -4 retirement M reg      +6 non_regular_enrollment F pt  +2 survey_adjustment ? reg
 *
 * Opening (end of 2025-12): total 230, X 180, Y 50, A 150, B 80. At the end of 2026-03: 236.
 */
type Row = [string, string, number, Cause, EmploymentType, Gender];

/** Writes the fixture above through the ledger and applies it to the rollups; returns the ids by letter. */
export async function loadReportFixture(t: TestApp): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  ids.A = await makeCouncil(t, { code: 'a', name: 'A地域連合' });
  ids.B = await makeCouncil(t, { code: 'b', name: 'B地域連合' });
  ids.X = await makeFederation(t, { code: 'x', name: 'X産別', sectorCode: await makeSector(t, 'sx') });
  ids.Y = await makeFederation(t, { code: 'y', name: 'Y産別', sectorCode: await makeSector(t, 'sy') });
  ids.U1 = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.X, name: 'U1労組' });
  ids.U2 = await makeUnion(t, { regionalCouncilId: ids.A, federationId: ids.Y, name: 'U2労組' });
  ids.U3 = await makeUnion(t, { regionalCouncilId: ids.B, federationId: ids.X, name: 'U3労組' });
  const rows: Row[] = [
    ['U1', '2025-12-05', 100, 'new_hire', 'regular', 'male'],
    ['U2', '2025-12-05', 50, 'new_hire', 'part_time', 'female'],
    ['U3', '2025-12-05', 80, 'new_hire', 'regular', 'female'],
    ['U1', '2026-01-10', 10, 'new_hire', 'regular', 'female'],
    ['U2', '2026-01-10', -5, 'retirement', 'part_time', 'female'],
    ['U3', '2026-01-31', -8, 'resignation', 'regular', 'female'],
    ['U1', '2026-02-01', -12, 'resignation', 'regular', 'male'],
    ['U2', '2026-02-15', -3, 'contract_end', 'part_time', 'female'],
    ['U3', '2026-02-28', 20, 'new_organizing', 'regular', 'female'],
    ['U1', '2026-03-20', -4, 'retirement', 'regular', 'male'],
    ['U2', '2026-03-20', 6, 'non_regular_enrollment', 'part_time', 'female'],
    ['U3', '2026-03-31', 2, 'survey_adjustment', 'regular', 'unspecified'],
    ['U1', '2026-05-01', 4, 'new_hire', 'regular', 'male'], // after the range: not in it
  ];
  // a survey adjustment belongs to a survey
  const [survey] = await t.db.query(
    `INSERT INTO membership_surveys (union_id, surveyed_on, counts, total_members, content_hash) VALUES ($1, '2026-03-31', '[]', 94, 'x') RETURNING id`,
    [ids.U3],
  );
  const entries = rows.map(([u, effectiveOn, delta, cause, employmentType, gender]) => ({
    ...{ unionId: ids[u], effectiveOn, delta, cause, employmentType, gender },
    surveyId: cause === 'survey_adjustment' ? survey.id : null,
  }));
  await t.db.transaction((manager) => appendToLedger(manager, entries, 'api', null));
  await t.app.get(AggregationService).drain();
  return ids;
}
