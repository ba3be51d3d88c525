import { NativeSelect } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { councilsQuery, federationsQuery } from '../../reference/queries';
import { needsCouncil, needsFederation, type Role } from './user-scope';

interface Props {
  role: Role;
  regionalCouncilId: string;
  federationId: string;
  onCouncil: (id: string) => void;
  onFederation: (id: string) => void;
  problem: (field: string) => string | undefined;
}

/** 担当: the regional council or the federation the role works within (none for the chapter-wide roles). */
export function ScopeSelects({ role, regionalCouncilId, federationId, onCouncil, onFederation, problem }: Props) {
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const choose = { value: '', label: '選んでください' };
  if (needsCouncil(role)) {
    return (
      <NativeSelect
        label="地域連合"
        required
        value={regionalCouncilId}
        onChange={(e) => onCouncil(e.currentTarget.value)}
        data={[choose, ...(councils.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))]}
        error={problem('regionalCouncilId')}
      />
    );
  }
  if (needsFederation(role)) {
    return (
      <NativeSelect
        label="構成組織"
        required
        value={federationId}
        onChange={(e) => onFederation(e.currentTarget.value)}
        data={[choose, ...(federations.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))]}
        error={problem('federationId')}
      />
    );
  }
  return null;
}
