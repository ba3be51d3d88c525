import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Divider, Group, Modal, NativeSelect, Paper, PasswordInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { api, type Schemas } from '../api/client';
import { errorMessageJa, fieldProblem, unwrap } from '../api/errors';
import { useImeSafeSubmit } from '../forms/useImeSafeSubmit';
import { useLabels } from '../labels/labels';
import { QueryState } from '../shell/QueryState';
import { councilsQuery, federationsQuery } from '../../structure/queries';
import { ExportButtons } from '../tables/ExportButtons';
import { PasswordReset } from './users/PasswordReset';
import { usersQuery } from './users/queries';
import { ScopeSelects } from './users/ScopeSelects';
import { UserEditor } from './users/UserEditor';
import { needsCouncil, needsFederation, type Role } from './users/user-scope';

type User = Schemas['UserDto'];

/** ユーザー (admins): who may sign in, with which role and scope. */
export function UsersPage() {
  const label = useLabels();
  const queryClient = useQueryClient();
  const users = useQuery(usersQuery);
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('regional');
  const [regionalCouncilId, setCouncil] = useState('');
  const [federationId, setFederation] = useState('');
  const [created, setCreated] = useState<string>();
  const [editing, setEditing] = useState<User>();
  const [saved, setSaved] = useState<string>();
  const imeSafe = useImeSafeSubmit();

  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/users', {
          body: {
            email,
            displayName,
            password,
            role,
            ...(needsCouncil(role) ? { regionalCouncilId } : {}),
            ...(needsFederation(role) ? { federationId } : {}),
          },
        }),
      ),
    onSuccess: async (user) => {
      setCreated(`${user.displayName}(${user.email})を作成しました。`);
      setEmail('');
      setDisplayName('');
      setPassword('');
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const problem = (field: string) => fieldProblem(create.error, field);
  const councilName = (id: string | null) => councils.data?.items.find((c) => c.id === id)?.name;
  const federationName = (id: string | null) => federations.data?.items.find((f) => f.id === id)?.name;

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated(undefined);
    create.mutate();
  }

  return (
    <Stack gap="lg">
      <Title order={1}>ユーザー</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="new-user-heading">
        <Title order={2} size="h3" id="new-user-heading" mb="sm">
          ユーザーを作成
        </Title>
        <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
          <Stack gap="sm">
            {create.error && (
              <Alert color="red" role="alert">
                {errorMessageJa(create.error)}
              </Alert>
            )}
            {created && (
              <Alert color="teal" role="status">
                {created}
              </Alert>
            )}
            <Group grow align="flex-start">
              <TextInput
                label="メールアドレス"
                type="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={problem('email')}
              />
              <TextInput label="表示名" required value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={problem('displayName')} />
              <PasswordInput
                label="初期パスワード"
                visibilityToggleButtonProps={{ 'aria-label': '初期パスワードを表示' }}
                description="8文字以上"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
                error={problem('password')}
              />
            </Group>
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
              <Button type="submit" loading={create.isPending}>
                作成
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      <ExportButtons name="ユーザー" path="/api/v1/users" />
      {saved && (
        <Alert color="teal" role="status">
          {saved}
        </Alert>
      )}
      <QueryState isPending={users.isPending} error={users.error}>
        {() => (
          <Table withTableBorder striped>
            <Table.Caption>登録済みのユーザー</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>表示名</Table.Th>
                <Table.Th>メールアドレス</Table.Th>
                <Table.Th>役割</Table.Th>
                <Table.Th>担当</Table.Th>
                <Table.Th>操作</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(users.data?.items ?? []).map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    <Anchor renderRoot={(props) => <Link to="/admin/users/$id" params={{ id: u.id }} {...props} />}>{u.displayName}</Anchor>
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{label('roles', u.role)}</Table.Td>
                  <Table.Td>{councilName(u.regionalCouncilId) ?? federationName(u.federationId) ?? '全体'}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="default"
                      aria-label={`${u.displayName}を編集`}
                      onClick={() => {
                        setSaved(undefined);
                        setEditing(u);
                      }}
                    >
                      編集
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      <Modal opened={Boolean(editing)} onClose={() => setEditing(undefined)} title={editing ? `${editing.displayName}さんを編集` : ''} size="lg">
        {editing && (
          <Stack gap="lg">
            <UserEditor
              key={editing.id}
              user={editing}
              onSaved={(user) => {
                setSaved(`${user.displayName}(${user.email})を保存しました。`);
                setEditing(undefined);
              }}
              onCancel={() => setEditing(undefined)}
            />
            <Divider />
            <PasswordReset user={editing} />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
