import { randomBytes } from 'node:crypto';
import { query, sql } from '../platform/database/sql';
import { hashPassword } from '../platform/users/users.service';
import { DemoContext } from './demo-context';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  scope: string;
}

/** One user per role, each with a fresh random password (printed once by the loader). */
export async function loadUsers(ctx: DemoContext): Promise<DemoLogin[]> {
  const yokohama = ctx.councils.get('yokohama') as string;
  const uaZensen = ctx.federations.get('f03') as string;
  const people = [
    { role: 'admin', email: 'admin@demo.rengo-kanagawa.jp', name: '管理者', council: null, federation: null, scope: 'everything' },
    { role: 'leadership', email: 'leadership@demo.rengo-kanagawa.jp', name: '執行部 太郎', council: null, federation: null, scope: 'reads all; goals' },
    { role: 'regional', email: 'yokohama@demo.rengo-kanagawa.jp', name: '横浜地域連合 事務局', council: yokohama, federation: null, scope: '横浜地域連合' },
    { role: 'federation', email: 'uazensen@demo.rengo-kanagawa.jp', name: 'UAゼンセン 神奈川', council: null, federation: uaZensen, scope: 'UAゼンセン' },
    {
      role: 'organizer',
      email: 'organizer@demo.rengo-kanagawa.jp',
      name: 'オルガナイザー 花子',
      council: yokohama,
      federation: null,
      scope: '横浜地域連合 (assigned prospects)',
    },
  ];
  const logins: DemoLogin[] = [];
  for (const p of people) {
    const password = randomBytes(9).toString('base64url');
    const passwordHash = await hashPassword(password);
    const [row] = await query<{ id: string }[]>(
      ctx.manager,
      sql`INSERT INTO users (email, password_hash, display_name, role, regional_council_id, federation_id)
          VALUES (${p.email}, ${passwordHash}, ${p.name}, ${p.role}, ${p.council}, ${p.federation}) RETURNING id`,
    );
    ctx.users.set(p.role, row.id);
    logins.push({ role: p.role, email: p.email, password, scope: p.scope });
  }
  return logins;
}
