import { randomBytes } from 'node:crypto';
import type { Role } from '../../src/platform/common/auth/roles';
import { hashPassword } from '../../src/platform/users/users.service';
import type { TestApp } from './test-app';

/** The structure factories need only a database: a TestApp's or a middle-tier TestDatabase. */
type Database = Pick<TestApp, 'db'>;

/** Test data written straight to the database (fast, and independent of the endpoints under test). */
const uniq = (): string => randomBytes(4).toString('hex');

export async function makeSector(t: Database, code = `s${uniq()}`): Promise<string> {
  await t.db.query(`INSERT INTO sectors (code, name, name_en) VALUES ($1, $2, $3)`, [code, `部門${code}`, `Sector ${code}`]);
  return code;
}

export async function makeCouncil(t: Database, options: { code?: string; name?: string; municipalities?: string[] } = {}): Promise<string> {
  const code = options.code ?? `c${uniq()}`;
  const [row] = await t.db.query(`INSERT INTO regional_councils (code, name, municipalities) VALUES ($1, $2, $3) RETURNING id`, [
    code,
    options.name ?? `${code}地域連合`,
    options.municipalities ?? [],
  ]);
  return row.id;
}

export async function makeFederation(t: Database, options: { code?: string; name?: string; sectorCode?: string } = {}): Promise<string> {
  const code = options.code ?? `f${uniq()}`;
  const sectorCode = options.sectorCode ?? (await makeSector(t));
  const [row] = await t.db.query(`INSERT INTO federations (code, name, sector_code) VALUES ($1, $2, $3) RETURNING id`, [
    code,
    options.name ?? `${code}連合`,
    sectorCode,
  ]);
  return row.id;
}

export async function makeUnion(
  t: Database,
  options: { regionalCouncilId: string; federationId?: string | null; name?: string; employerName?: string; kind?: string },
): Promise<string> {
  const [row] = await t.db.query(
    `INSERT INTO unions (name, federation_id, regional_council_id, employer_name, kind) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [
      options.name ?? `労組${uniq()}`,
      options.federationId ?? null,
      options.regionalCouncilId,
      options.employerName ?? `株式会社${uniq()}`,
      options.kind ?? 'enterprise',
    ],
  );
  return row.id;
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  token: string;
}

/** A user of the role, signed in. Council roles need regionalCouncilId, federation users federationId. */
export async function makeUser(
  t: TestApp,
  role: Role,
  scope: { regionalCouncilId?: string; federationId?: string; displayName?: string } = {},
): Promise<TestUser> {
  const email = `${role}-${uniq()}@test.rengo`;
  const password = `pw-${uniq()}-secret`;
  const [row] = await t.db.query(
    `INSERT INTO users (email, password_hash, display_name, role, regional_council_id, federation_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [email, await hashPassword(password), scope.displayName ?? `${role} user`, role, scope.regionalCouncilId ?? null, scope.federationId ?? null],
  );
  return { id: row.id, email, password, token: await t.login(email, password) };
}
