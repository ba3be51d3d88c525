import { Client } from 'pg';

export interface Scale {
  unions: number;
  federations: number;
  councils: number;
  months: number;
  /** Ledger rows of monthly changes, beyond the opening balances. */
  changeRows: number;
  /** Members at the start, spread over the unions. */
  openingMembers: number;
}

/**
 * Builds the structure and the ledger with set-based SQL on the server
 * (generate_series), then the rollups with aggregation_rebuild() as the worker
 * would. Deterministic: setseed() fixes random().
 */
export async function buildDataset(db: Client, scale: Scale, firstMonth: string): Promise<void> {
  await db.query(`SELECT setseed(0.4)`);
  await db.query(`INSERT INTO sectors (code, name) SELECT 'sec' || g, '部門' || g FROM generate_series(1, 7) g`);
  await db.query(
    `INSERT INTO federations (code, name, sector_code)
     SELECT 'f' || g, '産別' || g, 'sec' || (1 + g % 7) FROM generate_series(1, $1::int) g`,
    [scale.federations],
  );
  await db.query(
    `INSERT INTO regional_councils (code, name, municipalities)
     SELECT 'c' || g, '地域連合' || g, ARRAY['市' || g] FROM generate_series(1, $1::int) g`,
    [scale.councils],
  );
  // unions: federation sizes skewed (a few large federations), councils uniform
  await db.query(
    `INSERT INTO unions (code, name, federation_id, regional_council_id, employer_name)
     SELECT 'u' || g.n, '労組' || g.n, f.id, c.id, '株式会社' || g.n
     FROM (SELECT n, 1 + floor(power(random(), 2) * $2)::int AS f, 1 + (n * 7919) % $3 AS c
           FROM generate_series(1, $1::int) n) g
     JOIN federations f ON f.code = 'f' || g.f
     JOIN regional_councils c ON c.code = 'c' || g.c`,
    [scale.unions, scale.federations, scale.councils],
  );
  await db.query(`CREATE TEMP TABLE u AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM unions`);
  await db.query(`CREATE INDEX ON u (n)`);
  await db.query(`ANALYZE u`);

  // opening balances: six rows per union (regular/part-time/fixed-term x female/male)
  const perUnion = Math.max(6, Math.round(scale.openingMembers / scale.unions));
  await db.query(
    `INSERT INTO membership_changes (union_id, effective_on, delta, cause, employment_type, gender, source)
     SELECT u.id, $1::date, greatest(1, round($2::int * s.share * (0.5 + random()))::int), 'transfer_in', s.employment_type, s.gender, 'import'
     FROM u CROSS JOIN (VALUES ('regular', 'male', 0.5), ('regular', 'female', 0.2), ('part_time', 'female', 0.12),
                              ('part_time', 'male', 0.06), ('fixed_term', 'male', 0.07), ('fixed_term', 'female', 0.05))
          AS s(employment_type, gender, share)`,
    [`${firstMonth}-01`, perUnion],
  );

  // monthly changes: a pseudo-random union, month and cause per row; the cause mix follows the
  // national survey (resignation, then retirement), increases slightly below decreases
  await db.query(
    `INSERT INTO membership_changes (union_id, effective_on, delta, cause, employment_type, gender, source)
     SELECT u.id,
            ($1::date + (floor(random() * $3::int)::int || ' months')::interval + (floor(random() * 28)::int || ' days')::interval)::date,
            CASE WHEN s.r < 50 THEN 1 ELSE -1 END * (1 + floor(random() * 3)::int),
            CASE WHEN s.r < 40 THEN 'new_hire' WHEN s.r < 46 THEN 'non_regular_enrollment'
                 WHEN s.r < 48 THEN 'new_organizing' WHEN s.r < 50 THEN 'transfer_in'
                 WHEN s.r < 75 THEN 'resignation' WHEN s.r < 90 THEN 'retirement'
                 WHEN s.r < 95 THEN 'promotion_to_management' WHEN s.r < 99 THEN 'contract_end' ELSE 'death' END,
            (ARRAY['regular', 'regular', 'regular', 'part_time', 'fixed_term', 'dispatch'])[1 + floor(random() * 6)::int],
            (ARRAY['male', 'male', 'female', 'unspecified'])[1 + floor(random() * 4)::int],
            'import'
     FROM (SELECT g, (g * 7) % 100 AS r FROM generate_series(1, $2::int) g) s
     JOIN u ON u.n = 1 + (s.g * 2654435761::bigint) % $4::int`,
    [`${firstMonth}-01`, scale.changeRows, scale.months, scale.unions],
  );
  await db.query(`ANALYZE`);
}
