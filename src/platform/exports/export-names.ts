import type { Queryable } from '../database/sql';
import { query, sql } from '../database/sql';
import type { NameList } from './export-definition';

const STATEMENTS = {
  unions: sql`SELECT id, name, code FROM unions`,
  federations: sql`SELECT id, name, code FROM federations`,
  regionalCouncils: sql`SELECT id, name, code FROM regional_councils`,
  users: sql`SELECT id, display_name AS name, NULL AS code FROM users`,
} satisfies Record<NameList, unknown>;

interface NameRow {
  id: string;
  name: string;
  code: string | null;
}

/**
 * What people call the records an answer refers to by id (組合名 beside unionId), read
 * once per file: an export of 100,000 ledger rows names their unions from one lookup
 * instead of joining for every page. Reading names never widens scope: the rows
 * themselves were chosen by the route.
 */
export class ExportNames {
  private readonly lists = new Map<NameList, Map<string, NameRow>>();

  async load(db: Queryable, needs: readonly NameList[] = []): Promise<void> {
    for (const list of needs) {
      if (this.lists.has(list)) continue;
      const rows = await query<NameRow[]>(db, STATEMENTS[list]);
      this.lists.set(list, new Map(rows.map((row) => [row.id, row])));
    }
  }

  union(id: string | null | undefined): string | null {
    return this.name('unions', id);
  }

  unionCode(id: string | null | undefined): string | null {
    return id ? (this.lists.get('unions')?.get(id)?.code ?? null) : null;
  }

  federation(id: string | null | undefined): string | null {
    return this.name('federations', id);
  }

  regionalCouncil(id: string | null | undefined): string | null {
    return this.name('regionalCouncils', id);
  }

  user(id: string | null | undefined): string | null {
    return this.name('users', id);
  }

  private name(list: NameList, id: string | null | undefined): string | null {
    if (!id) return null;
    const names = this.lists.get(list);
    if (!names) throw new Error(`export names: ${list} not loaded (add it to the definition's needs)`);
    return names.get(id)?.name ?? id;
  }
}
