import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeOf } from '../../platform/common/auth/scope';
import { Clock } from '../../platform/common/clock';
import { labelOf } from '../../platform/labels/labels';
import { GoalProgressDto } from './dto/goal.dto';
import { Goal } from './goal.entity';
import { MonthlyNet, computeProgress } from './goal-progress';
import { GoalsService } from './goals.service';

/** The rollup level and group key that hold a goal's scope (src/membership/aggregation/sql/union_groups.sql). */
export function rollupGroupOf(goal: Pick<Goal, 'federationId' | 'regionalCouncilId'>): { level: string; key: string } {
  const { federationId, regionalCouncilId } = goal;
  if (federationId && regionalCouncilId) return { level: 'federation_council', key: `${federationId}:${regionalCouncilId}` };
  if (federationId) return { level: 'federation', key: federationId };
  if (regionalCouncilId) return { level: 'regional_council', key: regionalCouncilId };
  return { level: 'total', key: 'all' };
}

/** Reads a goal's monthly net changes from the rollups (never the ledger) and measures it, within the caller's scope. */
@Injectable()
export class GoalProgressService {
  constructor(
    private readonly db: DataSource,
    private readonly goals: GoalsService,
    private readonly clock: Clock,
  ) {}

  /** A goal outside the caller's scope answers 404, as /reports/* refuse those figures. */
  async progress(id: string, caller: CurrentUser): Promise<GoalProgressDto> {
    const goal = await this.goals.findForFigures(id, scopeOf(caller));
    const { level, key } = rollupGroupOf(goal);
    const [series, [state]] = await Promise.all([
      this.db.query<MonthlyNet[]>(
        `SELECT to_char(month, 'YYYY-MM') AS month, sum(net)::int AS net
         FROM group_month_rollups WHERE level = $1 AND group_key = $2
         GROUP BY month ORDER BY month`,
        [level, key],
      ),
      this.db.query<{ asOf: Date | null }[]>(`SELECT as_of AS "asOf" FROM aggregation_state WHERE id = 1`),
    ]);
    const today = this.clock.today();
    const progress = computeProgress(goal, series, today);
    return {
      goalId: goal.id,
      asOf: state?.asOf ?? null,
      today,
      ...progress,
      milestones: progress.milestones.map((m) => ({ ...m, statusLabel: labelOf('milestoneStatuses', m.status) })),
    };
  }
}
