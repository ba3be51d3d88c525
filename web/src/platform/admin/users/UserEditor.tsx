import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '../../api/client';
import { SaveProblem } from '../../forms/StaleNotice';
import { useApiForm } from '../../forms/useApiForm';
import { useLabels } from '../../labels/labels';
import { councilsQuery, federationsQuery } from '../../reference/queries';
import { updateUser, userKeys, userQuery } from './queries';
import { ScopeSelects } from './ScopeSelects';
import { USER_FIELDS, scopeFor } from './user-scope';

type User = Schemas['UserDto'];

const valuesOf = (user: User) => ({
  displayName: user.displayName,
  role: user.role,
  regionalCouncilId: user.regionalCouncilId ?? '',
  federationId: user.federationId ?? '',
});

/** A user's display name, role and scope (担当); a stale save says what someone else changed. */
export function UserEditor({ user, onSaved, onCancel }: { user: User; onSaved: (user: User) => void; onCancel: () => void }) {
  const label = useLabels();
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const queryClient = useQueryClient();

  const { values, form, field, problem, formProps, saveProblem, saving } = useApiForm({
    initialValues: valuesOf(user),
    save: (v, base = user) =>
      updateUser(user.id, { displayName: v.displayName, role: v.role, ...scopeFor(v.role, v.regionalCouncilId, v.federationId), version: base.version }),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      onSaved(saved);
    },
    stale: {
      record: user,
      reload: async (base) => {
        void queryClient.invalidateQueries({ queryKey: userKeys.all });
        return queryClient.fetchQuery({ ...userQuery(base.id), staleTime: 0 });
      },
      valuesOf,
      fields: USER_FIELDS,
      compared: (u) => u,
      inWords: (current, changed) => {
        if (changed === 'role') return label('roles', current.role);
        if (changed === 'regionalCouncilId') return councils.data?.items.find((c) => c.id === current.regionalCouncilId)?.name ?? 'なし';
        if (changed === 'federationId') return federations.data?.items.find((f) => f.id === current.federationId)?.name ?? 'なし';
        return current.displayName;
      },
    },
  });

  return (
    <form {...formProps}>
      <Stack gap="sm">
        <SaveProblem {...saveProblem} />
        <TextInput label="メールアドレス" value={user.email} readOnly description="メールアドレスは変更できません" />
        <TextInput label="表示名" required {...field('displayName')} />
        <Group grow align="flex-start">
          <NativeSelect label="役割" {...field('role')} data={label.options('roles')} />
          <ScopeSelects
            role={values.role}
            regionalCouncilId={values.regionalCouncilId}
            federationId={values.federationId}
            onCouncil={(id) => form.setFieldValue('regionalCouncilId', id)}
            onFederation={(id) => form.setFieldValue('federationId', id)}
            problem={problem}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
