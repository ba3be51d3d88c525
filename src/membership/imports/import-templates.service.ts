import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeOf } from '../../platform/common/auth/scope';
import { query, sql } from '../../platform/database/sql';
import { COLUMNS, ReadableKind } from './import-columns';
import { StructureChoices, templateWorkbook } from './import-templates';

type Choice = StructureChoices[keyof StructureChoices][number];

/**
 * Templates with the structure the caller may name in their drop-downs, read when they are
 * downloaded: council staff their council, a federation officer their federation, others all.
 */
@Injectable()
export class ImportTemplatesService {
  constructor(private readonly db: DataSource) {}

  async workbook(kind: ReadableKind, caller: CurrentUser): Promise<Buffer> {
    return templateWorkbook(kind, await this.choices(kind, caller));
  }

  private async choices(kind: ReadableKind, caller: CurrentUser): Promise<StructureChoices> {
    const used = new Set(COLUMNS[kind].map((c) => c.structure));
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
