import type { AuditEventInput } from '../../platform/audit/audit-log';
import type { LedgerEntry } from './ledger-writer';
import type { UnionsScope } from './union-access';

const entryDetails = (entry: LedgerEntry): Record<string, unknown> => ({
  unionId: entry.unionId,
  effectiveOn: entry.effectiveOn,
  delta: entry.delta,
  cause: entry.cause,
  employmentType: entry.employmentType,
  gender: entry.gender ?? 'unspecified',
});

/** One entry recorded through POST /membership-changes. */
export const recordedEvent = (id: string, entry: LedgerEntry, scope: UnionsScope): AuditEventInput => ({
  action: 'membership_change.recorded',
  targetId: id,
  scope,
  details: entryDetails(entry),
});

/**
 * A whole bulk body is ONE event: how many entries, what they add up to and the days they
 * span (the entries themselves are in the ledger, with who recorded them and when).
 */
export function bulkRecordedEvent(entries: readonly LedgerEntry[], scope: UnionsScope): AuditEventInput {
  let increase = 0;
  let decrease = 0;
  let from = entries[0]?.effectiveOn ?? null;
  let to = from;
  for (const { delta, effectiveOn } of entries) {
    if (delta > 0) increase += delta;
    else decrease -= delta;
    if (from === null || effectiveOn < from) from = effectiveOn;
    if (to === null || effectiveOn > to) to = effectiveOn;
  }
  const unions = new Set(entries.map((e) => e.unionId)).size;
  return {
    action: 'membership_change.bulk_recorded',
    scope,
    details: { count: entries.length, net: increase - decrease, increase, decrease, unions, effectiveFrom: from, effectiveTo: to },
  };
}

/** An entry taken back: the event names the entry reversed, the reversing entry and the reason. */
export const reversedEvent = (originalId: string, reversalId: string, reversing: LedgerEntry, reason: string, scope: UnionsScope): AuditEventInput => ({
  action: 'membership_change.reversed',
  targetId: originalId,
  scope,
  details: { reversalId, ...entryDetails(reversing) },
  reason,
});
