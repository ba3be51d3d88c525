import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { Scope, inScope } from '../../platform/common/auth/scope';
import { badField, notFound } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { InsightErrorCode } from '../error-codes';
import { Page, page } from '../../platform/common/http/pagination';
import { versionedUpdate } from '../../platform/common/http/versioned-update';
import { AuditLog } from '../../platform/audit/audit-log';
import { selectPage } from '../../platform/database/select-page';
import { Sql, query, sql } from '../../platform/database/sql';
import { CreateGoalDto, GoalAllocationsDto, GoalDto, ListGoalsQuery, UpdateGoalDto, toGoalDto } from './dto/goal.dto';
import { Goal } from './goal.entity';

type GoalFields = Omit<CreateGoalDto, 'scope'> & { federationId: string | null; regionalCouncilId: string | null };

/** A goal row (alias g) in the entity's shape: camelCase names, dates as YYYY-MM-DD. */
const GOAL_COLUMNS = sql`g.id, g.name, g.target_members AS "targetMembers", to_char(g.target_on, 'YYYY-MM-DD') AS "targetOn",
  to_char(g.baseline_on, 'YYYY-MM-DD') AS "baselineOn", g.federation_id AS "federationId", g.regional_council_id AS "regionalCouncilId",
  g.parent_goal_id AS "parentGoalId", g.milestones, g.version, g.created_at AS "createdAt", g.updated_at AS "updatedAt",
  g.created_by AS "createdBy", g.updated_by AS "updatedBy"`;

function checkDates(goal: { baselineOn: string; targetOn: string }): void {
  if (goal.baselineOn > goal.targetOn) throw badField('baselineOn', PlatformErrorCode.DATES_OUT_OF_ORDER, 'must be on or before targetOn');
}

/** The columns of a DTO: the nested scope becomes the two scope columns. */
function columnsOf(dto: Partial<CreateGoalDto>): Partial<GoalFields> {
  const { scope, ...rest } = dto;
  if (!scope) return rest;
  return { ...rest, federationId: scope.federationId ?? null, regionalCouncilId: scope.regionalCouncilId ?? null };
}

@Injectable()
export class GoalsService {
  constructor(
    @InjectRepository(Goal) private readonly goals: Repository<Goal>,
    private readonly audit: AuditLog,
  ) {}

  /** Every signed-in user reads every goal: the chapter's goals are shared. */
  async list(filter: ListGoalsQuery): Promise<Page<GoalDto>> {
    const conditions: Sql[] = [];
    if (filter.federationId) conditions.push(sql`g.federation_id = ${filter.federationId}`);
    if (filter.regionalCouncilId) conditions.push(sql`g.regional_council_id = ${filter.regionalCouncilId}`);
    if (filter.parentGoalId) conditions.push(sql`g.parent_goal_id = ${filter.parentGoalId}`);
    const { rows, total } = await selectPage<Goal>(
      this.goals.manager,
      { columns: GOAL_COLUMNS, from: sql`goals g`, where: sql.and(conditions), orderBy: sql`g.target_on ASC, g.name ASC, g.id ASC` },
      filter,
    );
    return page(rows.map(toGoalDto), total, filter);
  }

  async find(id: string): Promise<Goal> {
    const goal = await this.goals.findOneBy({ id });
    if (!goal) throw notFound('Goal');
    return goal;
  }

  /**
   * A goal whose membership figures the scope may read, else 404 like an unknown id (the
   * condition is applied in SQL). Chapter-wide goals are for everyone; a council scope reads
   * its council's goals (also a federation within it), a federation scope its federation's
   * (also within a council) — the same figures /reports/* answer for that caller.
   */
  async findForFigures(id: string, scope: Scope): Promise<Goal> {
    const [visible] = await query<{ id: string }[]>(this.goals.manager, sql`SELECT g.id FROM goals g WHERE g.id = ${id} AND ${inScope.goal(scope, 'g')}`);
    if (!visible) throw notFound('Goal');
    return this.find(id);
  }

  async get(id: string): Promise<GoalDto> {
    return toGoalDto(await this.find(id));
  }

  /** An unknown federation, council or parent goal is 400 (foreign key). */
  async create(dto: CreateGoalDto, caller: CurrentUser): Promise<GoalDto> {
    checkDates(dto);
    const saved = await this.goals.manager.transaction(async (manager) => {
      const goal = await manager.save(Goal, manager.create(Goal, { ...columnsOf(dto), createdBy: caller.id, updatedBy: caller.id }));
      return this.audit.recordCreated(manager, caller, Goal, goal.id, (after) => ({ action: 'goal.created', scope: after }));
    });
    return this.get(saved.id);
  }

  /**
   * A new parent is checked and set in one transaction that holds the goal tree's lock, so
   * two goals made each other's parent at once cannot both pass the check: the second sees
   * the first's committed parent and is refused.
   */
  async update(id: string, dto: UpdateGoalDto, caller: CurrentUser): Promise<GoalDto> {
    const current = await this.find(id);
    const { version, ...fields } = dto;
    checkDates({ baselineOn: fields.baselineOn ?? current.baselineOn, targetOn: fields.targetOn ?? current.targetOn });
    await this.goals.manager.transaction(async (manager) => {
      if (fields.parentGoalId) {
        await query(manager, sql`SELECT pg_advisory_xact_lock(hashtext('goal-tree'))`);
        await this.checkNoCycle(manager, id, fields.parentGoalId);
      }
      const patch = { ...columnsOf(fields), updatedBy: caller.id };
      // an allocation is a child goal: its target or parent changed is recorded here too
      const updated = await this.audit.recordChange(
        manager,
        caller,
        Goal,
        id,
        (_, after) => ({ action: 'goal.updated', scope: after }),
        () => versionedUpdate(manager, Goal, id, version, patch),
      );
      if (!updated) throw notFound('Goal');
    });
    return this.get(id);
  }

  /** 409 while child goals still point to it (foreign key). */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    const deleted = await this.goals.manager.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        Goal,
        id,
        (before) => ({ action: 'goal.deleted', scope: before }),
        async () => (await manager.delete(Goal, { id })).affected === 1,
      ),
    );
    if (!deleted) throw notFound('Goal');
  }

  /** The child goals and whether their targets add up to this goal's: a mismatch is shown, not hidden. */
  async allocations(id: string): Promise<GoalAllocationsDto> {
    const goal = await this.find(id);
    const children = await this.goals.find({ where: { parentGoalId: id }, order: { name: 'ASC', id: 'ASC' } });
    const sum = children.reduce((total, child) => total + child.targetMembers, 0);
    return {
      goalId: goal.id,
      targetMembers: goal.targetMembers,
      children: children.map(toGoalDto),
      childrenTargetMembers: sum,
      difference: sum - goal.targetMembers,
      balanced: children.length > 0 && sum === goal.targetMembers,
    };
  }

  /** A goal may not become its own ancestor. */
  private async checkNoCycle(manager: EntityManager, id: string, parentGoalId: string): Promise<void> {
    const rows = await query<unknown[]>(
      manager,
      sql`WITH RECURSIVE up(id, parent_goal_id) AS (
            SELECT id, parent_goal_id FROM goals WHERE id = ${parentGoalId}
            UNION
            SELECT g.id, g.parent_goal_id FROM goals g JOIN up ON g.id = up.parent_goal_id
          )
          SELECT 1 FROM up WHERE id = ${id} LIMIT 1`,
    );
    if (rows.length) throw badField('parentGoalId', InsightErrorCode.GOAL_CYCLE, 'would make the goal its own ancestor');
  }
}
