import { labelOf } from '../../platform/labels/labels';
import { STAGE_LABELS } from '../labels';
import { PROGRESS_STAGES, STAGES, Stage, WORKING_STAGES, WorkingStage } from '../prospects/stage-rules';

/** One prospect of the report, as it stood at the end of the period. */
export interface PipelineProspect {
  id: string;
  stage: Stage;
  /** While on hold: the working stage it was paused at. */
  heldFromStage: WorkingStage | null;
  /** The furthest stage on the path it ever reached (0 identified … 5 affiliated). */
  reachedIndex: number;
  estimatedWorkers: number;
  /** new_organizing members recorded when it affiliated (0 before). */
  affiliatedMembers: number;
}

/** A completed stay in a stage: entered, then left before the period ended. */
export interface PipelineStay {
  prospectId: string;
  stage: Stage;
  days: number;
}

export interface StageFigures {
  stage: Stage;
  label: string;
  prospects: number;
  estimatedWorkers: number;
  /** Median calendar days of completed stays in the stage; null without any. */
  medianDays: number | null;
  completedStays: number;
}

export interface Conversion {
  from: Stage;
  fromLabel: string;
  to: Stage;
  toLabel: string;
  /** Prospects that reached `from` (or a later stage: created further on counts as passing it). */
  reached: number;
  /** Of those, how many reached `to`. */
  advanced: number;
  rate: number | null;
}

export interface GroupFigures {
  prospects: number;
  stages: StageFigures[];
  conversions: Conversion[];
  /** Estimated workers at the open workplaces (working stages and on hold). */
  workersCovered: number;
  /** Σ open workplaces' estimated workers × P(affiliated | stage) × join rate (see the model). */
  expectedMembers: number;
  affiliatedMembers: number;
}

/** What expected members are computed with: one model for the whole report, so groups add up. */
export interface ExpectationModel {
  /** P(affiliated | stage): the product of the conversion rates from the stage on (0 where a rate is unknown). */
  affiliationProbability: { stage: WorkingStage; label: string; probability: number }[];
  /** Members at affiliation per estimated worker of the affiliated workplaces; 1 until one affiliates. */
  joinRate: number;
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value: number, digits: number): number => Math.round(value * 10 ** digits) / 10 ** digits;
const isOpen = (stage: Stage): boolean => stage !== 'affiliated' && stage !== 'lost';

export function conversions(prospects: PipelineProspect[]): Conversion[] {
  return PROGRESS_STAGES.slice(0, -1).map((from, i) => {
    const to = PROGRESS_STAGES[i + 1];
    const reached = prospects.filter((p) => p.reachedIndex >= i).length;
    const advanced = prospects.filter((p) => p.reachedIndex >= i + 1).length;
    return {
      from,
      fromLabel: labelOf(STAGE_LABELS, from),
      to,
      toLabel: labelOf(STAGE_LABELS, to),
      reached,
      advanced,
      rate: reached ? round(advanced / reached, 4) : null,
    };
  });
}

export function expectationModel(prospects: PipelineProspect[]): ExpectationModel {
  const rates = conversions(prospects).map((c) => c.rate ?? 0);
  const affiliationProbability = WORKING_STAGES.map((stage, i) => ({
    stage,
    label: labelOf(STAGE_LABELS, stage),
    probability: round(
      rates.slice(i).reduce((product, rate) => product * rate, 1),
      4,
    ),
  }));
  const affiliated = prospects.filter((p) => p.reachedIndex === PROGRESS_STAGES.length - 1);
  const workers = affiliated.reduce((sum, p) => sum + p.estimatedWorkers, 0);
  const members = affiliated.reduce((sum, p) => sum + p.affiliatedMembers, 0);
  return { affiliationProbability, joinRate: workers > 0 ? round(members / workers, 4) : 1 };
}

function probabilityAt(model: ExpectationModel, p: PipelineProspect): number {
  const stage = p.stage === 'on_hold' ? p.heldFromStage : p.stage;
  return model.affiliationProbability.find((a) => a.stage === stage)?.probability ?? 0;
}

/** The figures of one group of prospects (a council, an organizer, or all of them). */
export function groupFigures(prospects: PipelineProspect[], stays: PipelineStay[], model: ExpectationModel): GroupFigures {
  const ids = new Set(prospects.map((p) => p.id));
  const ownStays = stays.filter((s) => ids.has(s.prospectId));
  const open = prospects.filter((p) => isOpen(p.stage));
  return {
    prospects: prospects.length,
    stages: STAGES.map((stage) => {
      const here = prospects.filter((p) => p.stage === stage);
      const days = ownStays.filter((s) => s.stage === stage).map((s) => s.days);
      return {
        stage,
        label: labelOf(STAGE_LABELS, stage),
        prospects: here.length,
        estimatedWorkers: here.reduce((sum, p) => sum + p.estimatedWorkers, 0),
        medianDays: median(days),
        completedStays: days.length,
      };
    }),
    conversions: conversions(prospects),
    workersCovered: open.reduce((sum, p) => sum + p.estimatedWorkers, 0),
    expectedMembers: round(
      open.reduce((sum, p) => sum + p.estimatedWorkers * probabilityAt(model, p) * model.joinRate, 0),
      1,
    ),
    affiliatedMembers: prospects.reduce((sum, p) => sum + p.affiliatedMembers, 0),
  };
}
