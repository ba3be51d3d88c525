import type { CurrentUser, Role } from '../common/auth/roles';
import { forbidden } from '../common/errors/domain-error';
import type { ImportKind } from './import-kinds';

/*
 * Who imports which kind: the roles of the endpoint each kind stands for (POST
 * /membership-changes and /membership-surveys, POST /unions, POST /prospects), declared with
 * the kind (its `importers`). Scope holds per row beside it (the worker's check, again at
 * the commit).
 */

/** Why a role may not import a kind, in the words of a union office (the API's 403). */
const REFUSALS: Partial<Record<Role, string>> = {
  federation: '構成組織の担当者は事業所(組織化対象)を取り込めません。地域連合の事務局に依頼してください',
  regional: '地域連合の担当者は組合員数の増減・年次調査を取り込めません。構成組織の担当者に依頼してください',
};

export const mayImport = (role: Role, kind: ImportKind): boolean => kind.importers.includes(role);

export function assertMayImport(caller: CurrentUser, kind: ImportKind): void {
  if (!mayImport(caller.role, kind)) throw forbidden(REFUSALS[caller.role] ?? 'この種類のファイルは取り込めません');
}

/** Where an import of the caller belongs: their federation or their council (both null for an admin). */
export interface ImportScopeIds {
  federationId: string | null;
  regionalCouncilId: string | null;
}

/** `importerRoles`: the roles that import at least one kind. */
export function importerScope(caller: CurrentUser, importerRoles: readonly Role[]): ImportScopeIds {
  if (!importerRoles.includes(caller.role)) throw forbidden('取込は管理者・構成組織・地域連合の担当者だけが行えます');
  return {
    federationId: caller.role === 'federation' ? caller.federationId : null,
    regionalCouncilId: caller.role === 'regional' ? caller.regionalCouncilId : null,
  };
}
