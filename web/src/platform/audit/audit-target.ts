import type { AuditEvent } from './audit-words';

/** A record with a page of its own, that an event is about. */
export interface TargetRecord {
  kind: 'user' | 'union' | 'prospect';
  id: string;
  href: string;
}

const PAGES: Readonly<Record<TargetRecord['kind'], (id: string) => string>> = {
  user: (id) => `/admin/users/${id}`,
  union: (id) => `/members?union=${encodeURIComponent(id)}`,
  prospect: (id) => `/prospects/${id}`,
};

const record = (kind: TargetRecord['kind'], id: unknown): TargetRecord | undefined =>
  typeof id === 'string' && id ? { kind, id, href: PAGES[kind](id) } : undefined;

/**
 * The page an event's 「対象」 links to: the user, union or workplace itself; for a sign-in,
 * the account; for a ledger entry, its union; for a new visit, its workplace. Others have none.
 */
export function targetRecord(event: Pick<AuditEvent, 'targetType' | 'targetId' | 'changes' | 'details'>): TargetRecord | undefined {
  switch (event.targetType) {
    case 'user':
    case 'session':
      return record('user', event.targetId);
    case 'union':
      return record('union', event.targetId);
    case 'prospect':
      return record('prospect', event.targetId);
    case 'membership_change':
      return record('union', event.details.unionId);
    case 'visit':
      return record('prospect', event.changes.prospectId?.[1]);
    default:
      return undefined;
  }
}
