import { useQuery } from '@tanstack/react-query';
import type { Schemas } from '../../platform/api/client';
import { councilsQuery, federationsQuery } from '../../structure/queries';

type Goal = Schemas['GoalDto'];

/** Whose members a goal counts, in words. */
export function useScopeOf(): (goal: Pick<Goal, 'scope'>) => string {
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  return (goal) => {
    const council = councils.data?.items.find((c) => c.id === goal.scope.regionalCouncilId)?.name;
    const federation = federations.data?.items.find((f) => f.id === goal.scope.federationId)?.name;
    if (council && federation) return `${federation}(${council})`;
    return council ?? federation ?? '連合神奈川 全体';
  };
}
