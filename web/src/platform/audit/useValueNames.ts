import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useRouteContext } from '@tanstack/react-router';
import { useLabels } from '../labels/labels';
import { usersQuery } from '../admin/users/queries';
import { councilsQuery, federationsQuery, sectorsQuery } from '../reference/queries';
import type { ValueNames } from './audit-changes';

/** Names for the ids and codes in events: labels, councils, federations, sectors, and people (for admins, who may list them). */
export function useValueNames(): ValueNames {
  const { me } = useRouteContext({ from: '/signed-in' });
  const label = useLabels();
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const sectors = useQuery(sectorsQuery);
  const users = useQuery({ ...usersQuery, enabled: me.role === 'admin' });
  return useMemo(
    () => ({
      label,
      council: (id) => councils.data?.items.find((c) => c.id === id)?.name,
      federation: (id) => federations.data?.items.find((f) => f.id === id)?.name,
      sector: (code) => sectors.data?.items.find((s) => s.code === code)?.name,
      user: (id) => users.data?.items.find((u) => u.id === id)?.displayName,
    }),
    [label, councils.data, federations.data, sectors.data, users.data],
  );
}
