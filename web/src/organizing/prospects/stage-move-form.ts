import type { StageMoveBody } from '../queries';
import { PATH_STAGES, allowedNextStages, needsNote, stageIndex, type Stage, type StageState } from '../pipeline/stages';

/** A stage move as the form edits it. */
export interface StageMoveValues {
  to: Stage;
  note: string;
}

/** The form starts at the next step forward when there is one, else the first move allowed. */
export function firstChoice(current: StageState): Stage {
  const allowed = allowedNextStages(current);
  const forward = PATH_STAGES[stageIndex(current.stage) + 1];
  if (stageIndex(current.stage) >= 0 && forward && forward !== 'affiliated' && allowed.includes(forward)) return forward;
  return allowed.find((s) => s !== 'affiliated' && s !== 'lost') ?? allowed[0] ?? current.stage;
}

export const stageMoveValuesOf = (current: StageState): StageMoveValues => ({ to: firstChoice(current), note: '' });

/** 断念 needs its reason; any other move takes an optional note. */
export const checkNote = (note: string, values: StageMoveValues): string | null =>
  needsNote(values.to) && !note.trim() ? '断念の理由を入力してください' : null;

/** What the API is sent: the stage, the version the person saw, and the note only when there is one. */
export function stageMoveBody(values: StageMoveValues, version: number): StageMoveBody {
  return { stage: values.to, version, ...(values.note.trim() ? { note: values.note.trim() } : {}) };
}

/** The fields compared when someone else moved the workplace first. */
export const STAGE_MOVE_FIELDS = { stage: 'ステージ' } as const;
