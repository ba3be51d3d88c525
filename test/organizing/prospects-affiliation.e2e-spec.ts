import { TestUser, makeCouncil, makeFederation, makeUser } from '../support/factories';
import { TestApp, bootTestApp } from '../support/test-app';

describe('POST /prospects/:id/affiliate: union, new_organizing members and the stage in one transaction', () => {
  let t: TestApp;
  let council: string;
  let federation: string;
  let staff: TestUser;
  let organizer: TestUser;

  const newProspect = async (stage = 'founded'): Promise<string> => {
    const answer = await t.request('POST', '/prospects', {
      token: staff.token,
      body: {
        employerName: '株式会社さがみ運送',
        municipality: '相模原市',
        estimatedWorkers: 60,
        source: 'consultation',
        stage,
        assignedOrganizerIds: [organizer.id],
      },
    });
    return answer.body.id;
  };
  const affiliate = (id: string, body: Record<string, unknown>, token = staff.token) => t.request('POST', `/prospects/${id}/affiliate`, { token, body });
  const valid = { unionName: 'さがみ運送労働組合', members: 45, effectiveOn: '2026-04-01' };

  /** Everything an affiliation writes, to show that a failure leaves none of it. */
  const footprint = async (id: string) => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*)::int FROM unions) AS unions,
              (SELECT count(*)::int FROM membership_changes) AS ledger,
              (SELECT count(*)::int FROM aggregation_outbox) AS outbox,
              (SELECT count(*)::int FROM prospect_stage_changes WHERE prospect_id = $1) AS history,
              (SELECT stage || ':' || version || ':' || coalesce(union_id::text, '-') FROM prospects WHERE id = $1) AS prospect`,
      [id],
    );
    return row;
  };

  beforeAll(async () => {
    t = await bootTestApp();
    council = await makeCouncil(t, { municipalities: ['相模原市'] });
    federation = await makeFederation(t);
    staff = await makeUser(t, 'regional', { regionalCouncilId: council });
    organizer = await makeUser(t, 'organizer', { regionalCouncilId: council });
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the union in the council, one ledger entry per breakdown line, and marks the prospect affiliated', async () => {
    const id = await newProspect();
    const answer = await affiliate(id, {
      ...valid,
      federationId: federation,
      unionCode: 'sagami-unso',
      employmentBreakdown: [
        { employmentType: 'regular', gender: 'male', members: 20 },
        { employmentType: 'regular', gender: 'female', members: 10 },
        { employmentType: 'part_time', members: 15 },
      ],
    });
    expect(answer.status).toBe(201);
    expect(answer.body.union).toMatchObject({
      code: 'sagami-unso',
      name: 'さがみ運送労働組合',
      federationId: federation,
      regionalCouncilId: council,
      employerName: '株式会社さがみ運送',
      municipality: '相模原市',
      affiliatedOn: '2026-04-01',
      kind: 'enterprise',
      kindLabel: '企業別組合',
      status: 'active',
    });
    expect(answer.body.prospect).toMatchObject({ stage: 'affiliated', stageLabel: '加盟', unionId: answer.body.union.id, version: 2 });

    const ledger = await t.db.query(
      `SELECT to_char(effective_on, 'YYYY-MM-DD') AS "on", delta, cause, employment_type AS type, gender, source, recorded_by AS "by"
         FROM membership_changes WHERE union_id = $1 ORDER BY seq`,
      [answer.body.union.id],
    );
    const common = { on: '2026-04-01', cause: 'new_organizing', source: 'affiliation', by: staff.id };
    expect(ledger).toEqual([
      { ...common, delta: 20, type: 'regular', gender: 'male' },
      { ...common, delta: 10, type: 'regular', gender: 'female' },
      { ...common, delta: 15, type: 'part_time', gender: 'unspecified' },
    ]);
    expect(answer.body.membershipChangeIds).toHaveLength(3);
    const [{ queued }] = await t.db.query(`SELECT count(*)::int AS queued FROM aggregation_outbox WHERE change_id = ANY($1::uuid[])`, [
      answer.body.membershipChangeIds,
    ]);
    expect(queued).toBe(3);
    const history = await t.request('GET', `/prospects/${id}/history`, { token: organizer.token });
    expect(history.body.items[1]).toMatchObject({ kind: 'affiliated', fromStage: 'founded', toStage: 'affiliated', changedBy: staff.id });
  });

  it('without a breakdown counts every member as regular; a general union may be named', async () => {
    const id = await newProspect();
    const answer = await affiliate(id, { ...valid, members: 7, kind: 'general' }, t.adminToken);
    expect(answer.body.union).toMatchObject({ kind: 'general', federationId: null });
    const ledger = await t.db.query(`SELECT delta, employment_type, gender FROM membership_changes WHERE union_id = $1`, [answer.body.union.id]);
    expect(ledger).toEqual([{ delta: 7, employment_type: 'regular', gender: 'unspecified' }]);
  });

  it('answers 409 to a second affiliation, also when two arrive at once, and after a reopen', async () => {
    const id = await newProspect();
    const both = await Promise.all([affiliate(id, valid), affiliate(id, valid)]);
    expect(both.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(both.find((a) => a.status === 409)?.body.code).toBe('PROSPECT_ALREADY_AFFILIATED');
    const after = await footprint(id);
    const again = await affiliate(id, valid);
    expect([again.status, again.body.code]).toEqual([409, 'PROSPECT_ALREADY_AFFILIATED']);
    expect(await footprint(id)).toEqual(after);

    const reopened = await t.request('POST', `/prospects/${id}/reopen`, { token: staff.token, body: { stage: 'founded', note: '支部結成の準備', version: 2 } });
    expect(reopened.body).toMatchObject({ stage: 'founded', unionId: both.find((a) => a.status === 201)?.body.union.id });
    expect((await affiliate(id, valid)).body.code).toBe('PROSPECT_ALREADY_AFFILIATED');
  });

  it('answers a retry with the same Idempotency-Key with the first result and writes nothing', async () => {
    const id = await newProspect();
    const send = () => t.request('POST', `/prospects/${id}/affiliate`, { token: staff.token, headers: { 'Idempotency-Key': 'affiliate-1' }, body: valid });
    const first = await send();
    const after = await footprint(id);
    const retry = await send();
    expect([first.status, retry.status, retry.body.union.id]).toEqual([201, 201, first.body.union.id]);
    expect(await footprint(id)).toEqual(after);
  });

  it('refuses before founded, a breakdown that does not add up, and callers outside council staff; nothing is written', async () => {
    const committee = await newProspect('committee');
    const founded = await newProspect();
    const before = await footprint(founded);
    const early = await affiliate(committee, valid);
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_STAGE_CHANGE']);
    const wrongSum = await affiliate(founded, { ...valid, employmentBreakdown: [{ employmentType: 'regular', members: 40 }] });
    expect([wrongSum.status, wrongSum.body.details[0].field]).toEqual([400, 'employmentBreakdown']);
    const badLine = await affiliate(founded, { ...valid, employmentBreakdown: [{ employmentType: 'intern', members: 45 }] });
    expect([badLine.status, badLine.body.details[0].field]).toEqual([400, 'employmentBreakdown[0].employmentType']);
    expect((await affiliate(founded, valid, organizer.token)).status).toBe(403);
    const elsewhere = await makeUser(t, 'regional', { regionalCouncilId: await makeCouncil(t) });
    expect((await affiliate(founded, valid, elsewhere.token)).status).toBe(404);
    expect((await affiliate(founded, { ...valid, version: 99 })).body.code).toBe('STALE_VERSION');
    expect(await footprint(founded)).toEqual(before);
  });

  it('leaves nothing behind when the union insert or a later step fails', async () => {
    await t.db.query(`INSERT INTO unions (code, name, regional_council_id, employer_name) VALUES ('taken', '既存労組', $1, '既存株式会社')`, [council]);
    const id = await newProspect();
    const before = await footprint(id);

    const noFederation = await affiliate(id, { ...valid, federationId: '00000000-0000-4000-8000-000000000000' });
    expect([noFederation.status, noFederation.body.details[0].field]).toEqual([400, 'federationId']);
    expect(await footprint(id)).toEqual(before);

    const duplicateCode = await affiliate(id, { ...valid, unionCode: 'taken' });
    expect([duplicateCode.status, duplicateCode.body.details[0].field]).toEqual([409, 'unionCode']);
    expect(await footprint(id)).toEqual(before);

    // later steps fail inside the transaction: after the union insert, and at the very last write
    await t.db.query(`CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$`);
    for (const table of ['membership_changes', 'prospect_stage_changes']) {
      await t.db.query(`CREATE TRIGGER test_refuse BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION test_refuse()`);
      const failed = await affiliate(id, { ...valid, federationId: federation });
      expect([table, failed.status, JSON.stringify(failed.body).includes('refused by test')]).toEqual([table, 500, false]);
      expect(await footprint(id)).toEqual(before);
      await t.db.query(`DROP TRIGGER test_refuse ON ${table}`);
    }
    expect((await affiliate(id, { ...valid, federationId: federation })).status).toBe(201);
    expect(await footprint(id)).toMatchObject({ unions: before.unions + 1, ledger: before.ledger + 1, history: before.history + 1 });
  });
});
