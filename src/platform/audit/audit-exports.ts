import { RouteExports, col, listExport } from '../exports/export-definition';
import { labelOf } from '../labels/labels';
import { ROLE_LABELS } from '../users/role-labels';
import { AUDIT_ACTIONS } from './audit-actions';
import type { AuditEventDto } from './dto/audit-event.dto';

const OUTCOMES: Record<string, string> = { ok: '成功', denied: '拒否', failed: '失敗' };
const changesText = (changes: AuditEventDto['changes']): string =>
  Object.entries(changes)
    .map(([field, [before, after]]) => `${field}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
    .join('\n');

const auditEvents = listExport<AuditEventDto>(
  { fileName: '監査ログ', asciiName: 'audit-events', sheetName: '監査ログ', needs: ['regionalCouncils', 'federations'] },
  [
    col.datetime('日時', (e) => e.occurredAt),
    col.text('操作', (e) => AUDIT_ACTIONS[e.action] ?? e.action),
    col.text('結果', (e) => OUTCOMES[e.outcome] ?? e.outcome),
    col.text('操作した人', (e) => e.actor.email),
    col.text('役割', (e) => (e.actor.role ? labelOf(ROLE_LABELS, e.actor.role) : '')),
    col.text('対象の種類', (e) => e.targetType),
    col.text('対象ID', (e) => e.targetId),
    col.text('地域連合', (e, names) => names.regionalCouncil(e.scope.regionalCouncilId)),
    col.text('構成組織', (e, names) => names.federation(e.scope.federationId)),
    col.text('変更内容', (e) => changesText(e.changes)),
    col.text('詳細', (e) => (Object.keys(e.details).length ? JSON.stringify(e.details) : '')),
    col.text('理由', (e) => e.reason),
    col.text('IPアドレス', (e) => e.ip),
    col.text('リクエストID', (e) => e.requestId),
  ],
);

export const AUDIT_EXPORTS: RouteExports = { '/audit-events': auditEvents };
