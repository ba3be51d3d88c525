import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Divider, Group, Modal, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import type { Schemas } from '../api/client';
import { useLabels } from '../labels/labels';
import { QueryState } from '../shell/QueryState';
import { councilsQuery, federationsQuery } from '../reference/queries';
import { ExportButtons } from '../tables/ExportButtons';
import { PasswordReset } from './users/PasswordReset';
import { NewUserForm } from './users/NewUserForm';
import { usersQuery } from './users/queries';
import { UserDisable } from './users/UserDisable';
import { UserEditor } from './users/UserEditor';

type User = Schemas['UserDto'];

/** ユーザー (admins): who may sign in, with which role and scope. */
export function UsersPage() {
  const label = useLabels();
  const users = useQuery(usersQuery);
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const [editing, setEditing] = useState<User>();
  const [saved, setSaved] = useState<string>();
  const councilName = (id: string | null) => councils.data?.items.find((c) => c.id === id)?.name;
  const federationName = (id: string | null) => federations.data?.items.find((f) => f.id === id)?.name;

  return (
    <Stack gap="lg">
      <Title order={1}>ユーザー</Title>
      <Paper withBorder p="md" component="section" aria-labelledby="new-user-heading">
        <Title order={2} size="h3" id="new-user-heading" mb="sm">
          ユーザーを作成
        </Title>
        <NewUserForm />
      </Paper>
      <ExportButtons name="ユーザー" of={usersQuery} />
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
                    <Group gap={6} wrap="nowrap">
                      <Anchor renderRoot={(props) => <Link to="/admin/users/$id" params={{ id: u.id }} {...props} />}>{u.displayName}</Anchor>
                      {u.disabled && (
                        <Badge color="gray" variant="filled" size="sm">
                          無効
                        </Badge>
                      )}
                    </Group>
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
            <Divider />
            <UserDisable
              user={editing}
              onChanged={(user) => {
                setSaved(user.disabled ? `${user.displayName}さんを無効にしました。` : `${user.displayName}さんを有効に戻しました。`);
                setEditing(undefined);
              }}
            />
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
