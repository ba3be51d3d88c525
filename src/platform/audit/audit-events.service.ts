import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentExportRun } from '../exports/export-run';
import { selectPage } from '../database/select-page';
import { Sql, query, sql } from '../database/sql';
import { AuditEventDto, AuditEventPageDto, ListAuditEventsQuery, RecordHistoryQuery } from './dto/audit-event.dto';

const COLUMNS = sql`e.id, e.occurred_at AS "occurredAt",
  json_build_object('id', e.actor_id, 'email', e.actor_email, 'role', e.actor_role) AS actor,
  e.action, e.target_type AS "targetType", e.target_id AS "targetId",
  json_build_object('federationId', e.scope_federation_id, 'regionalCouncilId', e.scope_regional_council_id) AS scope,
  e.changes, e.details, e.reason, e.outcome, e.ip, e.request_id AS "requestId",
  to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"`;
const NEWEST_FIRST = sql`e.occurred_at DESC, e.id DESC`;

/** `cursorAt`: the time to the microsecond, as the cursor needs it (a Date keeps milliseconds). */
type Row = Omit<AuditEventDto, 'occurredAt'> & { occurredAt: Date; cursorAt: string };
const toDto = ({ cursorAt: _, ...row }: Row): AuditEventDto => ({ ...row, occurredAt: row.occurredAt.toISOString() });

/** The start of a Japan calendar day, and the start of the day after it. */
const tokyoDayStart = (day: string): string => `${day}T00:00:00+09:00`;

/** Records that belong to another and show in its history: their type, and a SELECT of their ids as text. */
export interface RelatedRecords {
  targetType: string;
  ids: Sql;
}

/** Reads the audit trail: the admin's whole log, and one record's history (履歴). */
@Injectable()
export class AuditEvents {
  constructor(private readonly db: DataSource) {}

  async list(filter: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    const conditions: Sql[] = [];
    if (filter.actorId) conditions.push(sql`e.actor_id = ${filter.actorId}`);
    if (filter.action) conditions.push(sql`e.action = ${filter.action}`);
    if (filter.targetType) conditions.push(sql`e.target_type = ${filter.targetType}`);
    if (filter.targetId) conditions.push(sql`e.target_id = ${filter.targetId}`);
    if (filter.from) conditions.push(sql`e.occurred_at >= ${tokyoDayStart(filter.from)}::timestamptz`);
    if (filter.to) conditions.push(sql`e.occurred_at < ${tokyoDayStart(filter.to)}::timestamptz + interval '1 day'`);
    // an export reads every row through its cursor (ExportRun), not page by page
    if (currentExportRun()) {
      const { rows } = await selectPage<Row>(
        this.db,
        { columns: COLUMNS, from: sql`audit_events e`, where: sql.and(conditions), orderBy: NEWEST_FIRST },
        filter,
      );
      return { items: rows.map(toDto), limit: filter.limit, nextCursor: null };
    }
    return this.page(conditions, filter);
  }

  /**
   * A record's events, newest first: what its 履歴 tab shows. `related` adds the events of
   * the records that belong to it (a prospect's visits): their type and a query of their ids,
   * which the target index then serves one id at a time.
   */
  forRecord(targetType: string, targetId: string, page: RecordHistoryQuery, related?: RelatedRecords): Promise<AuditEventPageDto> {
    const own = sql`e.target_type = ${targetType} AND e.target_id = ${targetId}`;
    if (!related) return this.page([own], page);
    return this.page([sql`(${own}) OR (e.target_type = ${related.targetType} AND e.target_id IN (${related.ids}))`], page);
  }

  /** Keyset paging: a page after the cursor's event, so a page costs the same however deep. */
  private async page(conditions: Sql[], { limit, cursor }: RecordHistoryQuery): Promise<AuditEventPageDto> {
    if (cursor) {
      const [at, id] = cursor.split('_');
      conditions.push(sql`(e.occurred_at, e.id) < (${at}::timestamptz, ${id}::uuid)`);
    }
    const rows = await query<Row[]>(
      this.db,
      sql`SELECT ${COLUMNS} FROM audit_events e WHERE ${sql.and(conditions)} ORDER BY ${NEWEST_FIRST} LIMIT ${limit + 1}`,
    );
    const last = rows[limit - 1];
    return { items: rows.slice(0, limit).map(toDto), limit, nextCursor: rows.length > limit ? `${last.cursorAt}_${last.id}` : null };
  }
}
