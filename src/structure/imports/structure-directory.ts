import { DataSource } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { Parsed, cellText } from '../../platform/imports/reading/cell-values';

interface Named {
  id: string;
  code: string;
  name: string;
}

interface Council extends Named {
  municipalities: string[];
}

/** Code first, then the exact name (NFKC, case-insensitive for codes). */
class ByCodeOrName<T extends Named> {
  private readonly byWord = new Map<string, T>();

  constructor(
    private readonly what: string,
    items: T[],
  ) {
    for (const item of items) this.byWord.set(cellText(item.name), item);
    for (const item of items) this.byWord.set(cellText(item.code).toLowerCase(), item);
  }

  find(value: unknown): Parsed<T> {
    const text = cellText(value);
    const found = this.byWord.get(text.toLowerCase()) ?? this.byWord.get(text);
    return found
      ? { ok: true, value: found }
      : { ok: false, code: 'REFERENCE_UNKNOWN', message: `${this.what}「${text}」はありません。コードまたは名称で入力してください` };
  }
}

/**
 * The structure a unions or prospects file refers to by code: federations, regional
 * councils (with their municipalities), sectors, and the union codes already taken.
 * Loaded once per check.
 */
export class StructureDirectory {
  private constructor(
    readonly federations: ByCodeOrName<Named>,
    readonly councils: ByCodeOrName<Council>,
    readonly sectors: ByCodeOrName<Named>,
    private readonly councilList: Council[],
    private readonly takenUnionCodes: Set<string>,
  ) {}

  static async load(db: DataSource): Promise<StructureDirectory> {
    const [federations, councils, sectors, codes] = await Promise.all([
      query<Named[]>(db, sql`SELECT id, code, name FROM federations`),
      query<Council[]>(db, sql`SELECT id, code, name, municipalities FROM regional_councils ORDER BY code`),
      query<Named[]>(db, sql`SELECT code AS id, code, name FROM sectors`),
      query<{ code: string }[]>(db, sql`SELECT code FROM unions WHERE code IS NOT NULL`),
    ]);
    return new StructureDirectory(
      new ByCodeOrName('構成組織', federations),
      new ByCodeOrName('地域連合', councils),
      new ByCodeOrName('産業部門', sectors),
      councils,
      new Set(codes.map((c) => c.code)),
    );
  }

  unionCodeTaken(code: string): boolean {
    return this.takenUnionCodes.has(code);
  }

  /** A council's name by id (for messages that name it). */
  councilName(id: string): string {
    return this.councilList.find((c) => c.id === id)?.name ?? '別の地域連合';
  }

  /** The councils that list a municipality (as POST /prospects resolves it). */
  councilsListing(municipality: string): Council[] {
    return this.councilList.filter((c) => c.municipalities.includes(municipality));
  }
}
