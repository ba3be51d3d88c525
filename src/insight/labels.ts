import type { LabelsOf } from '../platform/labels/labels';
import type { MilestoneStatus } from './goals/goal-progress';

/** Insight's code lists with their Japanese and English labels (GET /labels). */
export const MILESTONE_STATUS_LABELS = {
  met: ['達成', 'met'],
  missed: ['未達', 'missed'],
  on_track: ['順調', 'on track'],
  at_risk: ['要注意', 'at risk'],
} as const satisfies LabelsOf<MilestoneStatus>;
