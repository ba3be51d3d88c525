import { STAGES, Stage, StageState, WorkingStage, checkStageMove, heldFromAfter, isAdvance, needsNote } from './stage-rules';

const at = (stage: Stage, heldFromStage: WorkingStage | null = null): StageState => ({ stage, heldFromStage });
const allowed = (state: StageState, to: Stage, kind: 'move' | 'reopen' | 'affiliate' = 'move'): boolean => checkStageMove(state, to, kind).allowed;
const targets = (state: StageState, kind: 'move' | 'reopen' | 'affiliate' = 'move'): Stage[] => STAGES.filter((to) => allowed(state, to, kind));

describe('stage rules', () => {
  it('moves one stage forward or one back along the path, plus on_hold and lost', () => {
    expect(targets(at('identified'))).toEqual(['contacted', 'on_hold', 'lost']);
    expect(targets(at('contacted'))).toEqual(['identified', 'engaged', 'on_hold', 'lost']);
    expect(targets(at('engaged'))).toEqual(['contacted', 'committee', 'on_hold', 'lost']);
    expect(targets(at('committee'))).toEqual(['engaged', 'founded', 'on_hold', 'lost']);
    expect(targets(at('founded'))).toEqual(['committee', 'on_hold', 'lost']);
  });

  it('refuses skipping stages forward and jumping back more than one', () => {
    expect(checkStageMove(at('identified'), 'engaged', 'move')).toEqual({
      allowed: false,
      reason: 'moves go one stage forward or one back; identified → engaged is not one step',
    });
    expect(allowed(at('committee'), 'contacted')).toBe(false);
    expect(allowed(at('contacted'), 'contacted')).toBe(false);
  });

  it('reaches affiliated only through the affiliate call, and only from founded', () => {
    for (const stage of STAGES) expect(allowed(at(stage), 'affiliated', 'move')).toBe(false);
    expect(allowed(at('founded'), 'affiliated', 'affiliate')).toBe(true);
    expect(allowed(at('committee'), 'affiliated', 'affiliate')).toBe(false);
    expect(allowed(at('on_hold', 'founded'), 'affiliated', 'affiliate')).toBe(false);
    expect(checkStageMove(at('affiliated'), 'affiliated', 'affiliate')).toMatchObject({ allowed: false });
  });

  it('returns from on_hold to the stage it was paused at or an earlier one, or to lost', () => {
    expect(targets(at('on_hold', 'engaged'))).toEqual(['identified', 'contacted', 'engaged', 'lost']);
    expect(targets(at('on_hold', 'founded'))).toEqual(['identified', 'contacted', 'engaged', 'committee', 'founded', 'lost']);
    expect(allowed(at('on_hold', 'contacted'), 'committee')).toBe(false);
  });

  it('lets nothing out of affiliated or lost except a reopen to a working stage', () => {
    expect(targets(at('affiliated'))).toEqual([]);
    expect(targets(at('lost'))).toEqual([]);
    expect(targets(at('lost'), 'reopen')).toEqual(['identified', 'contacted', 'engaged', 'committee', 'founded']);
    expect(targets(at('affiliated'), 'reopen')).toEqual(['identified', 'contacted', 'engaged', 'committee', 'founded']);
    expect(targets(at('engaged'), 'reopen')).toEqual([]);
    expect(targets(at('on_hold', 'engaged'), 'reopen')).toEqual([]);
  });

  it('asks for a note on lost and on reopen only', () => {
    expect(needsNote('lost', 'move')).toBe(true);
    expect(needsNote('identified', 'reopen')).toBe(true);
    expect(needsNote('contacted', 'move')).toBe(false);
    expect(needsNote('on_hold', 'move')).toBe(false);
  });

  it('remembers the stage a prospect was paused at', () => {
    expect(heldFromAfter(at('committee'), 'on_hold')).toBe('committee');
    expect(heldFromAfter(at('on_hold', 'engaged'), 'contacted')).toBeNull();
    expect(heldFromAfter(at('engaged'), 'lost')).toBeNull();
  });

  it('counts only forward moves on the path as advances', () => {
    expect(isAdvance('identified', 'contacted')).toBe(true);
    expect(isAdvance('founded', 'affiliated')).toBe(true);
    expect(isAdvance('lost', 'engaged')).toBe(false);
    expect(isAdvance('committee', 'engaged')).toBe(false);
    expect(isAdvance('on_hold', 'engaged')).toBe(false);
    expect(isAdvance(null, 'engaged')).toBe(false);
  });
});
