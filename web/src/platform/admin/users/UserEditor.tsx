import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { ApiError, fieldProblem, unwrap } from '../../api/errors';
import { changedFields, describeChanges, type ChangedField } from '../../forms/stale-changes';
import { SaveProblem } from '../../forms/StaleNotice';
import { useImeSafeSubmit } from '../../forms/useImeSafeSubmit';
import { useLabels } from '../../labels/labels';
import { councilsQuery, federationsQuery } from '../../../structure/queries';
import { ScopeSelects } from './ScopeSelects';
import { USER_FIELDS, scopeFor, type Role } from './user-scope';

type User = Schemas['UserDto'];

/** A user's display name, role and scope (担当); a stale save says what someone else changed. */
export function UserEditor({ user, onSaved, onCancel }: { user: User; onSaved: (user: User) => void; onCancel: () => void }) {
  const label = useLabels();
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<Role>(user.role);
  const [regionalCouncilId, setCouncil] = useState(user.regionalCouncilId ?? '');
  const [federationId, setFederation] = useState(user.federationId ?? '');
  const [base, setBase] = useState(user);
  const [stale, setStale] = useState<ChangedField[]>();
  const queryClient = useQueryClient();
  const imeSafe = useImeSafeSubmit();

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: base.id } },
          body: { displayName, role, ...scopeFor(role, regionalCouncilId, federationId), version: base.version },
        }),
      ),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onSaved(saved);
    },
    onError: async (error) => {
      if (!(error instanceof ApiError && error.status === 409 && error.body.code === 'STALE_VERSION')) return;
      const current = await unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: base.id } } }));
      const show = (field: keyof typeof USER_FIELDS): string => {
        if (field === 'role') return label('roles', current.role);
        if (field === 'regionalCouncilId') return councils.data?.items.find((c) => c.id === current.regionalCouncilId)?.name ?? 'なし';
        if (field === 'federationId') return federations.data?.items.find((f) => f.id === current.federationId)?.name ?? 'なし';
        return current.displayName;
      };
      setStale(describeChanges(USER_FIELDS, changedFields(USER_FIELDS, base, current), show));
      setBase(current);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const problem = (field: string) => fieldProblem(save.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    setStale(undefined);
    save.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
      <Stack gap="sm">
        <SaveProblem stale={stale} error={save.error} />
        <TextInput label="メールアドレス" value={user.email} readOnly description="メールアドレスは変更できません" />
        <TextInput label="表示名" required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={problem('displayName')} />
        <Group grow align="flex-start">
          <NativeSelect
            label="役割"
            value={role}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            data={label.options('roles')}
            error={problem('role')}
          />
          <ScopeSelects
            role={role}
            regionalCouncilId={regionalCouncilId}
            federationId={federationId}
            onCouncil={setCouncil}
            onFederation={setFederation}
            problem={problem}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" loading={save.isPending}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
