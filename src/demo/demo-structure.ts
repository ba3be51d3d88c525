import kanagawa from './data/kanagawa.json';
import { DemoContext } from './demo-context';

/** The nine Kanagawa regional councils, the sector groups and the federations, from public sources. */
export async function loadStructure(ctx: DemoContext): Promise<void> {
  for (const s of kanagawa.sectors) {
    await ctx.manager.query(`INSERT INTO sectors (code, name, name_en) VALUES ($1, $2, $3)`, [s.code, s.name, s.nameEn]);
  }
  for (const c of kanagawa.regionalCouncils) {
    const [row] = await ctx.manager.query(
      `INSERT INTO regional_councils (code, name, name_en, municipalities) VALUES ($1, $2, $3, $4) RETURNING id`,
      [c.code, c.name, c.nameEn, c.municipalities],
    );
    ctx.councils.set(c.code, row.id);
  }
  for (const f of kanagawa.federations) {
    const [row] = await ctx.manager.query(
      `INSERT INTO federations (code, name, name_en, sector_code) VALUES ($1, $2, $3, $4) RETURNING id`,
      [f.code, f.name, f.nameEn, f.sectorCode],
    );
    ctx.federations.set(f.code, row.id);
  }
}
