import type { Type } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../common/auth/roles';
import type { ImportScopeIds } from './import-access';
import type { ImportColumn } from './staging/import-columns';
import type { RowChecker } from './staging/row-checks';

/** Every kind the contract names (API.md, Imports): the registry holds each exactly once. */
export const IMPORT_KIND_NAMES = [
  'membership-changes',
  'membership-survey',
  'unions',
  'prospects',
  'governance-compositions',
  'companies',
  'company-relations',
] as const;
export type ImportKindName = (typeof IMPORT_KIND_NAMES)[number];
export const isImportKindName = (name: unknown): name is ImportKindName => typeof name === 'string' && (IMPORT_KIND_NAMES as readonly string[]).includes(name);

/** A good row, as it waits for the commit. */
export interface Staged {
  rowNumber: number;
}

/** Where a kind's good rows wait for the commit, on the check's connection and transaction. */
export interface Staging<S extends Staged> {
  write(row: S): Promise<void>;
  finish(): Promise<void>;
  abort(): Promise<void>;
}

/** What a kind's file held, as `summary` of the import (rows: the good rows). */
export interface Summary<S extends Staged> {
  add(staged: S): void;
  summary(rows: number): Record<string, number>;
}

/** What the check of one file hands its kind. */
export interface CheckContext {
  db: DataSource;
  scope: ImportScopeIds;
  today: string;
}

/** What the commit hands its kind: the import, who committed it, and in whose scope it was uploaded. */
export interface CommitContext {
  importId: string;
  committedBy: string;
  scope: ImportScopeIds;
}

/** The commit of a kind, a Nest provider (it may need the area's services). */
export interface ImportCommitter {
  /** Writes the staged rows in the commit's transaction; answers how many it wrote (ledger rows or records created). */
  write(manager: EntityManager, context: CommitContext): Promise<number>;
  /** Once the transaction has committed (the ledger's kinds ring the aggregation's doorbell). */
  afterCommit?(): Promise<void>;
}

/**
 * One kind of import, declared beside the area that owns what it writes (membership's
 * ledger kinds in membership/imports, unions in structure/imports, prospects in
 * organizing/imports): its template, who may import it, its row rules, its staging and its
 * commit. The machinery (reading, staging, committing, the HTTP routes) is platform/imports.
 */
export interface ImportKind<S extends Staged = Staged> {
  name: ImportKindName;
  /** The template's name (組合員数増減): its file is 「…_取込テンプレート」. */
  title: string;
  columns: ImportColumn[];
  /** The roles of the endpoint the kind stands for (scope holds per row beside it). */
  importers: readonly Role[];
  /** Fields of which the header must name at least one (a union by code or by name). */
  oneOfHeaders?: readonly string[];
  /** `ledger`: rows for the ledger (the commit counts ledgerRows); `records`: records created (created). */
  writes: 'ledger' | 'records';
  checker(context: CheckContext): Promise<RowChecker<S>>;
  staging(client: PoolClient, importId: string): Staging<S>;
  summary(): Summary<S>;
  committer: Type<ImportCommitter>;
}

/** The one registry of import kinds, gathered by the app (src/import-kinds.ts). */
export class ImportKinds {
  private readonly byName = new Map<string, ImportKind>();

  constructor(readonly all: readonly ImportKind[]) {
    for (const kind of all) {
      if (this.byName.has(kind.name)) throw new Error(`import kind ${kind.name} registered twice`);
      this.byName.set(kind.name, kind);
    }
    const missing = IMPORT_KIND_NAMES.filter((name) => !this.byName.has(name));
    if (missing.length) throw new Error(`import kinds without a declaration: ${missing.join(', ')}`);
  }

  get(name: ImportKindName): ImportKind {
    return this.byName.get(name)!;
  }

  /** Who imports which kind. */
  importers(): Record<ImportKindName, readonly Role[]> {
    return Object.fromEntries(this.all.map((kind) => [kind.name, kind.importers])) as Record<ImportKindName, readonly Role[]>;
  }

  /** Roles that import at least one kind. */
  importerRoles(): Role[] {
    return [...new Set(this.all.flatMap((kind) => kind.importers))];
  }

  committers(): Type<ImportCommitter>[] {
    return [...new Set(this.all.map((kind) => kind.committer))];
  }
}
