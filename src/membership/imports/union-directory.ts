import { DataSource } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { Parsed, cellText } from '../../platform/imports/reading/cell-values';

interface UnionRef {
  id: string;
  code: string | null;
  name: string;
  federation_id: string | null;
}

/**
 * Every union by code and by exact name, loaded once per check, with the uploader's scope:
 * a federation officer's file may name only that federation's unions.
 */
export class UnionDirectory {
  private constructor(
    private readonly byCode: Map<string, UnionRef>,
    private readonly byName: Map<string, UnionRef[]>,
    private readonly federationId: string | null,
  ) {}

  static async load(db: DataSource, federationId: string | null): Promise<UnionDirectory> {
    const unions = await query<UnionRef[]>(db, sql`SELECT id, code, name, federation_id FROM unions`);
    const byCode = new Map<string, UnionRef>();
    const byName = new Map<string, UnionRef[]>();
    for (const u of unions) {
      if (u.code) byCode.set(cellText(u.code), u);
      const name = cellText(u.name);
      byName.set(name, [...(byName.get(name) ?? []), u]);
    }
    return new UnionDirectory(byCode, byName, federationId);
  }

  /** The union a row names, by code (preferred when given) or exact name. */
  resolve(code: unknown, name: unknown): Parsed<string> & { column: string; value: string } {
    const codeText = cellText(code);
    const nameText = cellText(name);
    if (codeText !== '') {
      const union = this.byCode.get(codeText);
      return this.inScope(union, '組合コード', codeText, `組合コード「${codeText}」の組合はありません`);
    }
    if (nameText === '') return { ok: false, column: '組合コード', value: '', code: 'UNION_MISSING', message: '組合コードまたは組合名を入力してください' };
    const named = this.byName.get(nameText) ?? [];
    if (named.length > 1) {
      const candidates = named.map((u) => `${u.name}（組合コード ${u.code ?? 'なし'}）`).join('、');
      return {
        ok: false,
        column: '組合名',
        value: nameText,
        code: 'UNION_NAME_AMBIGUOUS',
        message: `組合名「${nameText}」に当たる組合が複数あります。組合コードで指定してください: ${candidates}`,
      };
    }
    return this.inScope(named[0], '組合名', nameText, `組合名「${nameText}」の組合はありません`);
  }

  private inScope(union: UnionRef | undefined, column: string, value: string, unknown: string): Parsed<string> & { column: string; value: string } {
    if (!union) return { ok: false, column, value, code: 'UNION_UNKNOWN', message: unknown };
    if (this.federationId !== null && union.federation_id !== this.federationId) {
      return { ok: false, column, value, code: 'UNION_OUTSIDE_SCOPE', message: `「${value}」はあなたの構成組織の組合ではないため取り込めません` };
    }
    return { ok: true, value: union.id, column };
  }
}
