/**
 * The path of an unorganized workplace from first contact to an affiliated union,
 * as pure functions so the rules can be read and tested in one place.
 *
 * identified → contacted → engaged → committee → founded → affiliated
 *  - forward one stage at a time, or back one stage (campaigns lose momentum);
 *  - on_hold from any working stage (identified … founded); from on_hold back to the
 *    stage it was paused at or any earlier working stage (a pause often costs ground);
 *  - lost from any open stage (the working stages and on_hold), with a reason;
 *  - affiliated only through the affiliate call, and only from founded (a union must be
 *    founded, 結成大会, before it affiliates, 加盟);
 *  - nothing leaves affiliated or lost except a reopen by council staff, to a working stage.
 */
export const WORKING_STAGES = ['identified', 'contacted', 'engaged', 'committee', 'founded'] as const;
export const PROGRESS_STAGES = [...WORKING_STAGES, 'affiliated'] as const;
export const STAGES = [...PROGRESS_STAGES, 'on_hold', 'lost'] as const;

export type Stage = (typeof STAGES)[number];
export type WorkingStage = (typeof WORKING_STAGES)[number];
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

/** How a move is asked for: the stage endpoint, a reopen by council staff, or the affiliation. */
export type MoveKind = 'move' | 'reopen' | 'affiliate';

export interface StageState {
  stage: Stage;
  /** Set while on hold: the working stage it was paused at. */
  heldFromStage: WorkingStage | null;
}

export type StageDecision = { allowed: true } | { allowed: false; reason: string };

const allow: StageDecision = { allowed: true };
const refuse = (reason: string): StageDecision => ({ allowed: false, reason });

export const isWorking = (stage: Stage): stage is WorkingStage => (WORKING_STAGES as readonly string[]).includes(stage);
export const isClosed = (stage: Stage): boolean => stage === 'affiliated' || stage === 'lost';
/** Position on the path (identified 0 … affiliated 5); -1 for on_hold and lost. */
export const stageIndex = (stage: Stage): number => (PROGRESS_STAGES as readonly string[]).indexOf(stage);

/** May a prospect in `current` go to `to` by this kind of request? */
export function checkStageMove(current: StageState, to: Stage, kind: MoveKind): StageDecision {
  const from = current.stage;
  if (from === to) return refuse(`the prospect is already ${from}`);
  switch (kind) {
    case 'affiliate':
      if (from === 'affiliated') return refuse('the prospect is already affiliated');
      return from === 'founded' ? allow : refuse('only a founded union (結成) can affiliate; move it to founded first');
    case 'reopen':
      if (!isClosed(from)) return refuse(`only an affiliated or lost prospect is reopened; this one is ${from}`);
      return isWorking(to) ? allow : refuse('a prospect is reopened to a working stage (identified … founded)');
    case 'move':
      return checkOrdinaryMove(current, to);
  }
}

function checkOrdinaryMove(current: StageState, to: Stage): StageDecision {
  const from = current.stage;
  if (to === 'affiliated') return refuse('affiliated is reached only through POST /prospects/:id/affiliate');
  if (isClosed(from)) return refuse(`a ${from} prospect moves only by a reopen from council staff`);
  if (to === 'lost') return allow;
  if (to === 'on_hold') return isWorking(from) ? allow : refuse(`cannot put a ${from} prospect on hold`);
  if (from === 'on_hold') {
    const limit = current.heldFromStage ?? 'founded';
    return stageIndex(to) <= stageIndex(limit) ? allow : refuse(`from on_hold a prospect returns to ${limit}, where it was paused, or an earlier stage`);
  }
  const step = stageIndex(to) - stageIndex(from);
  if (step === 1 || step === -1) return allow;
  return refuse(`moves go one stage forward or one back; ${from} → ${to} is not one step`);
}

/** A move to lost and a reopen must say why. */
export const needsNote = (to: Stage, kind: MoveKind): boolean => kind === 'reopen' || to === 'lost';

/** The working stage a prospect is held at after the move (only while on hold). */
export function heldFromAfter(current: StageState, to: Stage): WorkingStage | null {
  if (to !== 'on_hold') return null;
  return isWorking(current.stage) ? current.stage : current.heldFromStage;
}

/** A move forward on the path (counted as an advance in activity reports). */
export function isAdvance(from: Stage | null, to: Stage): boolean {
  if (from === null || stageIndex(from) < 0 || stageIndex(to) < 0) return false;
  return stageIndex(to) > stageIndex(from);
}

/** The stages a new prospect may start at. */
export const INITIAL_STAGES = WORKING_STAGES;
