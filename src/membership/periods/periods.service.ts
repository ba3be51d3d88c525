import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../platform/time/clock';
import { AuditLog } from '../../platform/audit/audit-log';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, conflict } from '../../platform/common/errors/domain-error';
import { MembershipErrorCode } from '../error-codes';
import { Page, PageQuery, page } from '../../platform/common/http/pagination';
import { ClosedPeriodDto } from './dto/period.dto';
import { firstDayOf } from '../../platform/time/months';
import { Sql, query, sql } from '../../platform/database/sql';
import { selectPage } from '../../platform/database/select-page';

const PERIOD_COLUMNS = sql`to_char(month, 'YYYY-MM') AS month, closed_at AS "closedAt", closed_by AS "closedBy",
                        closed_by_name AS "closedByName", as_of AS "asOf"`;

/*
 * One statement, so every level is copied from the same snapshot of the rollups (data-
 * modifying CTEs share it, and each runs to completion whether or not it is read). For each group and union: the month's own figures and the
 * members at its end (the running sum of net through it); groups with no members and no
 * change that month are left out. Unions keep the federation and council they had.
 * `month` is the month's first day as a `::date` fragment.
 */
const COPY_ROLLUPS = (month: Sql): Sql => sql`
  WITH grouped AS (
    INSERT INTO published_group_month_rollups
      (level, group_key, month, employment_type, gender, increase, decrease, adjustment, net, members)
    SELECT level, group_key, ${month}, employment_type, gender,
           coalesce(sum(increase) FILTER (WHERE month = ${month}), 0),
           coalesce(sum(decrease) FILTER (WHERE month = ${month}), 0),
           coalesce(sum(adjustment) FILTER (WHERE month = ${month}), 0),
           coalesce(sum(net) FILTER (WHERE month = ${month}), 0),
           sum(net)
    FROM group_month_rollups WHERE month <= ${month}
    GROUP BY level, group_key, employment_type, gender
    HAVING sum(net) <> 0 OR bool_or(month = ${month})
  ), causes AS (
    INSERT INTO published_group_month_cause_rollups (level, group_key, month, cause, members)
    SELECT level, group_key, month, cause, members FROM group_month_cause_rollups WHERE month = ${month}
  ), unions AS (
    INSERT INTO published_union_month_rollups
      (union_id, month, federation_id, regional_council_id, employment_type, gender, increase, decrease, adjustment, net, members)
    SELECT r.union_id, ${month}, u.federation_id, u.regional_council_id, r.employment_type, r.gender,
           coalesce(sum(r.members) FILTER (WHERE r.month = ${month} AND cause_kind(r.cause) = 'increase'), 0),
           coalesce(-sum(r.members) FILTER (WHERE r.month = ${month} AND cause_kind(r.cause) = 'decrease'), 0),
           coalesce(sum(r.members) FILTER (WHERE r.month = ${month} AND cause_kind(r.cause) = 'adjustment'), 0),
           coalesce(sum(r.members) FILTER (WHERE r.month = ${month}), 0),
           sum(r.members)
    FROM union_month_rollups r JOIN unions u ON u.id = r.union_id
    WHERE r.month <= ${month}
    GROUP BY r.union_id, u.federation_id, u.regional_council_id, r.employment_type, r.gender
    HAVING sum(r.members) <> 0 OR bool_or(r.month = ${month})
  )
  UPDATE closed_periods
  SET as_of = (SELECT as_of FROM aggregation_state WHERE id = 1)
  WHERE month = ${month}`;

/**
 * Month close: publishes a month's figures at every level, stamped with who and when.
 * Late changes for a closed month still enter the ledger and the live rollups; reports
 * show the published figure beside the live one when they differ.
 */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async close(month: string, caller: CurrentUser): Promise<ClosedPeriodDto> {
    if (month >= this.clock.month()) throw badField('month', MembershipErrorCode.MONTH_NOT_ENDED, 'has not ended yet');
    const firstDay = sql`${firstDayOf(month)}::date`;
    await this.db.transaction(async (manager) => {
      /*
       * Publish everything committed, not only what the worker has applied so far: hold the
       * outbox against new ledger writes and batches (an in-flight batch is waited for), then
       * apply whatever is pending in this transaction, so the copy below sees rollups equal
       * to the ledger. aggregation_apply_batch's own ROW EXCLUSIVE lock does not conflict
       * with the lock this transaction already holds. Taken first, before anything else this
       * transaction writes (its statement triggers bump aggregation_state, which a batch
       * also updates), so no lock-order deadlock with a worker; a second close waits here.
       */
      await query(manager, sql`LOCK TABLE aggregation_outbox IN SHARE ROW EXCLUSIVE MODE`);
      await query(manager, sql`SELECT aggregation_apply_batch(2147483647)`);
      // a second close finds the month taken
      const claimed = await query<unknown[]>(
        manager,
        sql`INSERT INTO closed_periods (month, closed_by, closed_by_name) VALUES (${firstDay}, ${caller.id}, ${caller.displayName})
            ON CONFLICT (month) DO NOTHING RETURNING month`,
      );
      if (!claimed.length) {
        throw conflict(MembershipErrorCode.PERIOD_ALREADY_CLOSED, `${month} is already closed`, [{ field: 'month', message: 'is already closed' }]);
      }
      await query(manager, COPY_ROLLUPS(firstDay));
      // the whole confederation's month: no federation or council scope
      await this.audit.record(manager, caller, { action: 'period.closed', targetId: month, details: { month } });
    });
    const [closed] = await query<ClosedPeriodDto[]>(this.db, sql`SELECT ${PERIOD_COLUMNS} FROM closed_periods WHERE month = ${firstDay}`);
    return closed;
  }

  async list(pageQuery: PageQuery): Promise<Page<ClosedPeriodDto>> {
    const { rows, total } = await selectPage<ClosedPeriodDto>(
      this.db,
      { columns: PERIOD_COLUMNS, from: sql`closed_periods`, where: sql`TRUE`, orderBy: sql`month DESC` },
      pageQuery,
    );
    return page(rows, total, pageQuery);
  }
}
