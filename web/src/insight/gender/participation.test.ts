import { describe, expect, it } from 'vitest';
import { chartPoints, points, tally, type ParticipationOrganization } from './participation';

const organization = (name: string, memberFemaleShare: number | null, executiveWomenShare: number | null, executiveStatus: 'met' | 'not_met' | 'unknown') =>
  ({ name, kind: 'federation', memberFemaleShare, executiveWomenShare, executiveStatus }) as ParticipationOrganization;

describe('gender participation on screen', () => {
  it('writes the gap in points with its sign', () => {
    expect([points(2.54), points(-10), points(0), points(null)]).toEqual(['+2.5pt', '-10.0pt', '±0.0pt', '-']);
  });

  it('counts organizations by the executive target and charts only those with both shares known', () => {
    const list = [organization('A', 0.3, 0.3, 'met'), organization('B', 0.4, 0.1, 'not_met'), organization('C', 0.5, null, 'unknown')];
    expect(tally(list)).toEqual({ met: 1, not_met: 1, unknown: 1 });
    expect(chartPoints(list)).toEqual([
      { name: 'A', kind: 'federation', value: [30, 30], status: 'met' },
      { name: 'B', kind: 'federation', value: [40, 10], status: 'not_met' },
    ]);
  });
});
