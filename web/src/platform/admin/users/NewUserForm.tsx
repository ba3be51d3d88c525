import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { SaveProblem } from '../../forms/StaleNotice';
import { useApiForm } from '../../forms/useApiForm';
import { useLabels } from '../../labels/labels';
import { createUser, userKeys } from './queries';
import { ScopeSelects } from './ScopeSelects';
import { needsCouncil, needsFederation, type Role } from './user-scope';

const EMPTY = { email: '', displayName: '', password: '', role: 'regional' as Role, regionalCouncilId: '', federationId: '' };

/** ユーザーを作成: email, name, first password, role and scope; the form empties but keeps the role and scope for the next one. */
export function NewUserForm() {
  const label = useLabels();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<string>();
  const { values, form, field, problem, formProps, saveProblem, saving } = useApiForm({
    initialValues: EMPTY,
    save: (v) => {
      setCreated(undefined);
      return createUser({
        email: v.email,
        displayName: v.displayName,
        password: v.password,
        role: v.role,
        ...(needsCouncil(v.role) ? { regionalCouncilId: v.regionalCouncilId } : {}),
        ...(needsFederation(v.role) ? { federationId: v.federationId } : {}),
      });
    },
    onSaved: async (user) => {
      setCreated(`${user.displayName}(${user.email})を作成しました。`);
      form.setValues({ email: '', displayName: '', password: '' });
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
    },
  });

  return (
    <form {...formProps}>
      <Stack gap="sm">
        <SaveProblem {...saveProblem} />
        {created && (
          <Alert color="teal" role="status">
            {created}
          </Alert>
        )}
        <Group grow align="flex-start">
          <TextInput label="メールアドレス" type="email" required {...field('email')} />
          <TextInput label="表示名" required {...field('displayName')} />
          <PasswordInput
            label="初期パスワード"
            visibilityToggleButtonProps={{ 'aria-label': '初期パスワードを表示' }}
            description="8文字以上"
            required
            {...field('password')}
          />
        </Group>
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
          <Button type="submit" loading={saving}>
            作成
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
