import { AuditLogPage as PlatformAuditLogPage } from '../platform/admin/audit-log/AuditLogPage';
import { RECORD_FIELDS } from './record-fields';

/** 監査ログ with every area's field names (app level: platform's screen imports no area). */
export function AuditLogPage() {
  return <PlatformAuditLogPage fields={RECORD_FIELDS} />;
}
