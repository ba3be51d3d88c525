/** The survey's grid: members per employment type x gender, as typed (blank is 0). */
export type SurveyGrid = Record<string, Record<string, string>>;

export interface SurveyCount<E extends string = string, G extends string = string> {
  employmentType: E;
  gender: G;
  members: number;
}

/** The non-zero cells as the API's counts (a pair not listed has 0 members); undefined when a cell is not a whole number ≥ 0. */
export function surveyCounts<E extends string, G extends string>(
  grid: SurveyGrid,
  types: readonly E[],
  genders: readonly G[],
): SurveyCount<E, G>[] | undefined {
  const counts: SurveyCount<E, G>[] = [];
  for (const employmentType of types) {
    for (const gender of genders) {
      const raw = (grid[employmentType]?.[gender] ?? '').trim();
      if (raw === '') continue;
      if (!/^\d+$/.test(raw)) return undefined;
      const members = Number(raw);
      if (members > 0) counts.push({ employmentType, gender, members });
    }
  }
  return counts;
}

export function surveyTotal(counts: readonly SurveyCount[]): number {
  return counts.reduce((sum, c) => sum + c.members, 0);
}
