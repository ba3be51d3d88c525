import type { AuditActor, AuditEventInput } from '../audit/audit-log';
import type { CurrentUser } from '../common/auth/roles';
import type { ImportScopeIds } from './import-access';
import type { ImportKindName } from './import-kinds';

/**
 * An import job's payload: the import, and for a commit who asked for it (their id, email,
 * role and request), since the worker writes the commit's audit event in the commit's own
 * transaction. A commit job without it (queued before it was carried) names the user the
 * imports row says committed it.
 */
export interface ImportJobData {
  importId: string;
  requestedBy?: AuditActor;
}

export const requester = (caller: CurrentUser): AuditActor => ({ id: caller.id, email: caller.email, role: caller.role, origin: caller.origin });

export interface ReceivedFile {
  fileName: string;
  sha256: string;
  size: number;
}

/** A file taken in for checking; `failed` when it was not kept after all (the check could not be queued). */
export const uploadedEvent = (id: string, kind: ImportKindName, file: ReceivedFile, scope: ImportScopeIds, failed = false): AuditEventInput => ({
  action: 'import.uploaded',
  targetId: id,
  scope,
  details: { fileName: file.fileName, kind, size: file.size, sha256: file.sha256 },
  ...(failed ? { outcome: 'failed' as const, reason: '確認の順番待ちに入れられず、受け付けたファイルは削除しました' } : {}),
});
