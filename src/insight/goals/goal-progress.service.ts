import { Injectable } from '@nestjs/common';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeOf } from '../../platform/common/auth/scope';
import { Clock } from '../../platform/time/clock';
import { labelOf } from '../../platform/labels/labels';
import { MILESTONE_STATUS_LABELS } from '../labels';
import { RollupReader } from '../reports/rollup-reader';
import { GoalProgressDto } from './dto/goal.dto';
import { computeProgress } from './goal-progress';
import { GoalsService } from './goals.service';

/** Reads a goal's monthly net changes from the rollups (never the ledger) and measures it, within the caller's scope. */
@Injectable()
export class GoalProgressService {
  constructor(
    private readonly reader: RollupReader,
    private readonly goals: GoalsService,
    private readonly clock: Clock,
  ) {}

  /** A goal outside the caller's scope answers 404, as /reports/* refuse those figures. */
  async progress(id: string, caller: CurrentUser): Promise<GoalProgressDto> {
    const goal = await this.goals.findForFigures(id, scopeOf(caller));
    // a goal's scope is the report group of its federation and council (null: the whole chapter)
    const filters = { federationId: goal.federationId ?? undefined, regionalCouncilId: goal.regionalCouncilId ?? undefined };
    const [series, asOf] = await Promise.all([this.reader.monthlyNets(filters), this.reader.asOf()]);
    const today = this.clock.today();
    const progress = computeProgress(goal, series, today);
    return {
      goalId: goal.id,
      asOf,
      today,
      ...progress,
      milestones: progress.milestones.map((m) => ({ ...m, statusLabel: labelOf(MILESTONE_STATUS_LABELS, m.status) })),
    };
  }
}
