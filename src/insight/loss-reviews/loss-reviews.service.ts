import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { badField, forbidden, notFound } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import { Sql, query, sql } from '../../platform/database/sql';
import { selectPage } from '../../platform/database/select-page';
import { labelOf } from '../../platform/labels/labels';
import { CAUSE_LABELS } from '../../membership/vocabulary';
import { firstDayOf } from '../../platform/time/months';
import { CreateLossReviewDto, ListLossReviewsQuery, LossReviewDto, UpdateLossReviewDto } from './dto/loss-review.dto';
import { LossReview } from './loss-review.entity';

/** A review (alias r) with its council's name (alias c) in the DTO's shape, months as YYYY-MM. */
const COLUMNS = sql`r.id, r.regional_council_id AS "regionalCouncilId", c.name AS "regionalCouncilName",
  to_char(r.period_from, 'YYYY-MM') AS "periodFrom", to_char(r.period_to, 'YYYY-MM') AS "periodTo", r.causes,
  r.findings, r.countermeasures, r.version, r.created_at AS "createdAt", r.updated_at AS "updatedAt", r.created_by AS "createdBy"`;

type Row = Omit<LossReviewDto, 'causeLabels'>;

const toDto = (row: Row): LossReviewDto => ({
  ...row,
  causeLabels: row.causes.map((cause) => ({ cause, label: labelOf(CAUSE_LABELS, cause) })),
});

/** Admins write any council's reviews; regional staff only their own council's. */
function checkCanWrite(caller: CurrentUser, regionalCouncilId: string): void {
  if (caller.role === 'admin') return;
  if (caller.role === 'regional' && caller.regionalCouncilId === regionalCouncilId) return;
  throw forbidden('Loss reviews are written by the staff of their own regional council');
}

function checkPeriod(from: string, to: string): void {
  if (from > to) throw badField('periodFrom', PlatformErrorCode.DATES_OUT_OF_ORDER, 'must not be after periodTo');
}

/** Stored months are first days; the API speaks YYYY-MM. */
function columnsOf(dto: Partial<CreateLossReviewDto>): Partial<LossReview> {
  const { periodFrom, periodTo, ...rest } = dto;
  return {
    ...rest,
    ...(periodFrom ? { periodFrom: firstDayOf(periodFrom) } : {}),
    ...(periodTo ? { periodTo: firstDayOf(periodTo) } : {}),
  };
}

/**
 * Loss reviews (減少要因の振り返り). Every signed-in user reads all of them, so what one
 * council learned is shared with the others.
 */
@Injectable()
export class LossReviewsService {
  constructor(
    @InjectRepository(LossReview) private readonly reviews: Repository<LossReview>,
    private readonly audit: AuditLog,
  ) {}

  async list(filter: ListLossReviewsQuery): Promise<Page<LossReviewDto>> {
    const conditions: Sql[] = [];
    if (filter.regionalCouncilId) conditions.push(sql`r.regional_council_id = ${filter.regionalCouncilId}`);
    if (filter.cause) conditions.push(sql`${filter.cause} = ANY(r.causes)`);
    const where = sql.and(conditions);
    const { rows, total } = await selectPage<Row>(
      this.reviews.manager,
      {
        columns: COLUMNS,
        from: sql`loss_reviews r JOIN regional_councils c ON c.id = r.regional_council_id`,
        countFrom: sql`loss_reviews r`,
        where,
        orderBy: sql`r.period_to DESC, r.created_at DESC, r.id`,
      },
      filter,
    );
    return page(rows.map(toDto), total, filter);
  }

  async get(id: string): Promise<LossReviewDto> {
    const [row] = await query<Row[]>(
      this.reviews.manager,
      sql`SELECT ${COLUMNS} FROM loss_reviews r JOIN regional_councils c ON c.id = r.regional_council_id WHERE r.id = ${id}`,
    );
    if (!row) throw notFound('Loss review');
    return toDto(row);
  }

  async create(dto: CreateLossReviewDto, caller: CurrentUser): Promise<LossReviewDto> {
    checkCanWrite(caller, dto.regionalCouncilId);
    checkPeriod(dto.periodFrom, dto.periodTo);
    const saved = await this.reviews.manager.transaction(async (manager) => {
      const review = await manager.save(LossReview, manager.create(LossReview, { ...columnsOf(dto), createdBy: caller.id, updatedBy: caller.id }));
      return this.audit.recordCreated(manager, caller, LossReview, review.id, (after) => ({ action: 'loss_review.created', scope: after }));
    });
    return this.get(saved.id);
  }

  async update(id: string, dto: UpdateLossReviewDto, caller: CurrentUser): Promise<LossReviewDto> {
    const current = await this.get(id);
    checkCanWrite(caller, current.regionalCouncilId);
    const { version, ...fields } = dto;
    if (fields.regionalCouncilId) checkCanWrite(caller, fields.regionalCouncilId);
    checkPeriod(fields.periodFrom ?? current.periodFrom, fields.periodTo ?? current.periodTo);
    const updated = await this.reviews.manager.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        LossReview,
        id,
        (_, after) => ({ action: 'loss_review.updated', scope: after }),
        () => versionedUpdate(manager, LossReview, id, version, { ...columnsOf(fields), updatedBy: caller.id }),
      ),
    );
    if (!updated) throw notFound('Loss review');
    return this.get(id);
  }

  async remove(id: string, caller: CurrentUser): Promise<void> {
    const current = await this.get(id);
    checkCanWrite(caller, current.regionalCouncilId);
    const deleted = await this.reviews.manager.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        LossReview,
        id,
        (before) => ({ action: 'loss_review.deleted', scope: before }),
        async () => (await manager.delete(LossReview, { id })).affected === 1,
      ),
    );
    if (!deleted) throw notFound('Loss review');
  }
}
