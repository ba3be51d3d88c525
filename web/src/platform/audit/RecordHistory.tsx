import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditTrail } from './AuditTrail';
import type { FieldLabels } from './audit-changes';
import { recordHistoryQuery, type HistoryPath } from './queries';

interface Props {
  /** The API path of the record's history. */
  path: HistoryPath;
  id: string;
  /** The record's name, for the table's caption. */
  name: string;
  fields: FieldLabels;
}

/** 「履歴」 of a union, a workplace or a user: who changed what, and when, newest first. */
export function RecordHistory({ path, id, name, fields }: Props) {
  const pages = useInfiniteQuery(recordHistoryQuery(path, id));
  return <AuditTrail pages={pages} caption={`${name}の履歴(新しい順)`} fields={fields} empty="記録された操作はまだありません。" />;
}
