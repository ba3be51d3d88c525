import kanagawa from './data/kanagawa.json';
import { query, sql } from '../platform/database/sql';
import { DemoContext } from './demo-context';

/** The nine Kanagawa regional councils, the sector groups and the federations, from public sources. */
export async function loadStructure(ctx: DemoContext): Promise<void> {
  for (const s of kanagawa.sectors) {
    await query(ctx.manager, sql`INSERT INTO sectors (code, name, name_en) VALUES (${s.code}, ${s.name}, ${s.nameEn})`);
  }
  for (const c of kanagawa.regionalCouncils) {
    const [row] = await query<{ id: string }[]>(
      ctx.manager,
      sql`INSERT INTO regional_councils (code, name, name_en, municipalities) VALUES (${c.code}, ${c.name}, ${c.nameEn}, ${c.municipalities}) RETURNING id`,
    );
    ctx.councils.set(c.code, row.id);
  }
  for (const f of kanagawa.federations) {
    const [row] = await query<{ id: string }[]>(
      ctx.manager,
      sql`INSERT INTO federations (code, name, name_en, sector_code) VALUES (${f.code}, ${f.name}, ${f.nameEn}, ${f.sectorCode}) RETURNING id`,
    );
    ctx.federations.set(f.code, row.id);
  }
}
