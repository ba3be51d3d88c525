import { PipelineProspect, PipelineStay, conversions, expectationModel, groupFigures, median } from './pipeline-figures';

/**
 * Five workplaces, by hand:
 *  A identified 10d → contacted 20d → engaged 30d → committee 40d → founded 15d → affiliated (45 of 60 workers)
 *  B identified 4d → contacted 6d → lost (100 workers)
 *  C created engaged 20d → committee 10d → on hold (40 workers)
 *  D identified 6d → contacted (200 workers)
 *  E identified (30 workers)
 */
const prospects: PipelineProspect[] = [
  { id: 'A', stage: 'affiliated', heldFromStage: null, reachedIndex: 5, estimatedWorkers: 60, affiliatedMembers: 45 },
  { id: 'B', stage: 'lost', heldFromStage: null, reachedIndex: 1, estimatedWorkers: 100, affiliatedMembers: 0 },
  { id: 'C', stage: 'on_hold', heldFromStage: 'committee', reachedIndex: 3, estimatedWorkers: 40, affiliatedMembers: 0 },
  { id: 'D', stage: 'contacted', heldFromStage: null, reachedIndex: 1, estimatedWorkers: 200, affiliatedMembers: 0 },
  { id: 'E', stage: 'identified', heldFromStage: null, reachedIndex: 0, estimatedWorkers: 30, affiliatedMembers: 0 },
];
const stay = (prospectId: string, stage: PipelineStay['stage'], days: number): PipelineStay => ({ prospectId, stage, days });
const stays: PipelineStay[] = [
  stay('A', 'identified', 10),
  stay('A', 'contacted', 20),
  stay('A', 'engaged', 30),
  stay('A', 'committee', 40),
  stay('A', 'founded', 15),
  stay('B', 'identified', 4),
  stay('B', 'contacted', 6),
  stay('C', 'engaged', 20),
  stay('C', 'committee', 10),
  stay('D', 'identified', 6),
];

describe('pipeline figures', () => {
  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([10, 4, 6])).toBe(6);
    expect(median([20, 6])).toBe(13);
  });

  it('converts between consecutive stages by the furthest stage each workplace reached', () => {
    expect(conversions(prospects).map((c) => [c.from, c.reached, c.advanced, c.rate])).toEqual([
      ['identified', 5, 4, 0.8],
      ['contacted', 4, 2, 0.5],
      ['engaged', 2, 2, 1],
      ['committee', 2, 1, 0.5],
      ['founded', 1, 1, 1],
    ]);
    expect(conversions([]).every((c) => c.rate === null)).toBe(true);
  });

  it('models the chance of affiliating from each stage and the members per worker', () => {
    const model = expectationModel(prospects);
    expect(model.affiliationProbability.map((a) => [a.stage, a.probability])).toEqual([
      ['identified', 0.2],
      ['contacted', 0.25],
      ['engaged', 0.5],
      ['committee', 0.5],
      ['founded', 1],
    ]);
    expect(model.joinRate).toBe(0.75);
    expect(expectationModel(prospects.slice(1)).joinRate).toBe(1);
  });

  it('counts stages, median days, workers covered and expected members of a group', () => {
    const model = expectationModel(prospects);
    const all = groupFigures(prospects, stays, model);
    expect(all.stages.map((s) => [s.stage, s.prospects, s.estimatedWorkers, s.medianDays, s.completedStays])).toEqual([
      ['identified', 1, 30, 6, 3],
      ['contacted', 1, 200, 13, 2],
      ['engaged', 0, 0, 25, 2],
      ['committee', 0, 0, 25, 2],
      ['founded', 0, 0, 15, 1],
      ['affiliated', 1, 60, null, 0],
      ['on_hold', 1, 40, null, 0],
      ['lost', 1, 100, null, 0],
    ]);
    // open: C 40 × 0.5, D 200 × 0.25, E 30 × 0.2; each × 0.75
    expect(all).toMatchObject({ prospects: 5, workersCovered: 270, expectedMembers: 57, affiliatedMembers: 45 });

    const councilY = groupFigures(
      prospects.filter((p) => p.id === 'D' || p.id === 'E'),
      stays,
      model,
    );
    expect(councilY).toMatchObject({ prospects: 2, workersCovered: 230, expectedMembers: 42, affiliatedMembers: 0 });
    expect(councilY.stages[0]).toMatchObject({ stage: 'identified', medianDays: 6, completedStays: 1 });
  });
});
