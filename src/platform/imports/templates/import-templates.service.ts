import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../common/auth/roles';
import { scopeOf } from '../../common/auth/scope';
import { query, sql } from '../../database/sql';
import type { ImportKind } from '../import-kinds';
import { StructureChoices, templateWorkbook } from './import-templates';

type Choice = StructureChoices[keyof StructureChoices][number];

/**
 * Templates with the structure the caller may name in their drop-downs, read when they are
 * downloaded: council staff their council, a federation officer their federation, others all.
 */
@Injectable()
export class ImportTemplatesService {
  constructor(private readonly db: DataSource) {}

  async workbook(kind: ImportKind, caller: CurrentUser): Promise<Buffer> {
    return templateWorkbook(kind, await this.choices(kind, caller));
  }

  private async choices(kind: ImportKind, caller: CurrentUser): Promise<StructureChoices> {
    const used = new Set(kind.columns.map((c) => c.structure));
    const scope = scopeOf(caller);
    const [federations, councils, sectors] = await Promise.all([
      used.has('federations')
        ? query<Choice[]>(
            this.db,
            sql`SELECT code, name FROM federations WHERE ${scope.kind === 'federation' ? sql`id = ${scope.federationId}::uuid` : sql`TRUE`} ORDER BY code`,
          )
        : [],
      used.has('councils')
        ? query<Choice[]>(
            this.db,
            sql`SELECT code, name FROM regional_councils WHERE ${scope.kind === 'council' ? sql`id = ${scope.regionalCouncilId}::uuid` : sql`TRUE`} ORDER BY code`,
          )
        : [],
      used.has('sectors') ? query<Choice[]>(this.db, sql`SELECT code, name FROM sectors ORDER BY code`) : [],
    ]);
    return { federations, councils, sectors };
  }
}
