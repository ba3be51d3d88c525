import { computeProgress, membersThrough, milestoneStatus, MonthlyNet, netBetween, projectedOn } from './goal-progress';

// A fixed clock: today is 2026-06-15, so the current month is 2026-06 and the last
// twelve complete months are 2025-06 .. 2026-05.
const TODAY = '2026-06-15';

const series: MonthlyNet[] = [
  { month: '2024-12', net: 1000 }, // before the trailing window
  { month: '2025-05', net: 50 }, // before the window too
  { month: '2025-06', net: 40 }, // first month of the window
  { month: '2025-12', net: 30 },
  { month: '2026-05', net: 50 }, // last complete month
  { month: '2026-06', net: 5 }, // current month: counts in current members, not in the trend
  { month: '2026-09', net: 999 }, // recorded for the future: not yet members
];

describe('goal progress arithmetic', () => {
  it('sums members through a month and net over a window', () => {
    expect(membersThrough(series, '2025-05')).toBe(1050);
    expect(membersThrough(series, '2026-06')).toBe(1175);
    expect(netBetween(series, '2025-05', '2026-05')).toBe(120);
  });

  it('projects the day the target is reached at the trailing trend', () => {
    // 120 a year = 10 a month; 25 short -> 3 months after 2026-06 -> end of September
    expect(projectedOn(1175, 1200, 120, '2026-06', TODAY)).toBe('2026-09-30');
    // exactly 10 short -> 1 month
    expect(projectedOn(1190, 1200, 120, '2026-06', TODAY)).toBe('2026-07-31');
    expect(projectedOn(1200, 1200, 120, '2026-06', TODAY)).toBe(TODAY);
    expect(projectedOn(1175, 1200, 0, '2026-06', TODAY)).toBeNull();
    expect(projectedOn(1175, 1200, -12, '2026-06', TODAY)).toBeNull();
    // 2 months over a year boundary, and to a leap-year February
    expect(projectedOn(0, 20, 120, '2027-12', '2027-12-01')).toBe('2028-02-29');
  });

  it('states milestones: met, missed, on track, at risk', () => {
    const past = { name: 'Phase I', dueOn: '2025-09-30', targetMembers: 1100 };
    expect(milestoneStatus(past, TODAY, 1100, 0, 0)).toBe('met');
    expect(milestoneStatus(past, TODAY, 1099, 9999, 9999)).toBe('missed');
    // due 2026-12: 6 months ahead at 10 a month from 1175 -> 1235
    const ahead = { name: 'Dec', dueOn: '2026-12-31', targetMembers: 1235 };
    expect(milestoneStatus(ahead, TODAY, 0, 1175, 120)).toBe('on_track');
    expect(milestoneStatus({ ...ahead, targetMembers: 1236 }, TODAY, 0, 1175, 120)).toBe('at_risk');
    // due today is still ahead
    expect(milestoneStatus({ ...ahead, dueOn: TODAY, targetMembers: 1175 }, TODAY, 0, 1175, -120)).toBe('on_track');
  });

  it('computes a whole progress answer', () => {
    const progress = computeProgress(
      {
        targetMembers: 1400,
        targetOn: '2027-06-30',
        baselineOn: '2025-04-01',
        milestones: [
          { name: 'Phase II', dueOn: '2027-06-30', targetMembers: 1400 },
          { name: 'Phase I', dueOn: '2025-09-30', targetMembers: 1000 },
        ],
      },
      series,
      TODAY,
    );
    expect(progress).toEqual({
      baselineMembers: 1000,
      currentMembers: 1175,
      targetMembers: 1400,
      percent: 83.9, // 1175 / 1400
      remaining: 225,
      monthsLeft: 12,
      requiredMonthlyNet: 18.8, // 225 / 12
      trailing12MonthNet: 120,
      monthlyTrend: 10,
      projectedOn: '2028-05-31', // ceil(225 / 10) = 23 months after 2026-06
      onTrack: false,
      milestones: [
        { name: 'Phase I', dueOn: '2025-09-30', targetMembers: 1000, membersAtDue: 1090, projectedMembersAtDue: null, status: 'met' },
        { name: 'Phase II', dueOn: '2027-06-30', targetMembers: 1400, membersAtDue: null, projectedMembersAtDue: 1295, status: 'at_risk' },
      ],
    });
  });

  it('is on track when the trend covers what is required, and done when the target is reached', () => {
    const goal = { targetMembers: 1235, targetOn: '2026-12-31', baselineOn: '2025-01-01', milestones: [] };
    expect(computeProgress(goal, series, TODAY)).toMatchObject({ remaining: 60, monthsLeft: 6, requiredMonthlyNet: 10, onTrack: true });
    expect(computeProgress({ ...goal, targetMembers: 1000 }, series, TODAY)).toMatchObject({
      remaining: 0,
      requiredMonthlyNet: 0,
      projectedOn: TODAY,
      onTrack: true,
      percent: 117.5,
    });
    // the target month is past and the target not reached: all of it is required now
    const late = computeProgress({ ...goal, targetOn: '2026-03-31', baselineOn: '2025-01-01' }, series, TODAY);
    expect(late).toMatchObject({ monthsLeft: 0, requiredMonthlyNet: 60, onTrack: false });
  });
});
