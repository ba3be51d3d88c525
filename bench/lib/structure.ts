import type { Client } from 'pg';

/**
 * One council, sector and federation, and `unions` unions in them coded B-0, B-1, …
 * (named ベンチ労組0 …): the structure the import and bulk benches write against.
 */
export async function seedBenchUnions(client: Client, unions: number): Promise<{ federation: string; council: string }> {
  const [{ id: council }] = (
    await client.query(`INSERT INTO regional_councils (code, name, municipalities) VALUES ('bench', 'ベンチ地域連合', '{}') RETURNING id`)
  ).rows;
  await client.query(`INSERT INTO sectors (code, name, name_en) VALUES ('bench', 'ベンチ', 'bench')`);
  const [{ id: federation }] = (await client.query(`INSERT INTO federations (code, name, sector_code) VALUES ('bench', 'ベンチ産別', 'bench') RETURNING id`))
    .rows;
  await client.query(
    `INSERT INTO unions (code, name, federation_id, regional_council_id, employer_name)
     SELECT 'B-' || i, 'ベンチ労組' || i, $1, $2, 'ベンチ株式会社' || i FROM generate_series(0, ${Math.trunc(unions) - 1}) i`,
    [federation, council],
  );
  return { federation, council };
}
