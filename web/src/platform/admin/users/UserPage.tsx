import { useState } from 'react';
import { Alert, Anchor, Badge, Divider, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useLabels } from '../../labels/labels';
import { QueryState } from '../../shell/QueryState';
import { SCREENS } from '../../shell/screens';
import { RecordHistory } from '../../audit/RecordHistory';
import { councilsQuery, federationsQuery } from '../../reference/queries';
import { PasswordReset } from './PasswordReset';
import { UserDisable } from './UserDisable';
import { UserEditor } from './UserEditor';
import { userQuery } from './queries';
import { USER_RECORD_FIELDS } from './user-scope';

const FIELDS = { user: USER_RECORD_FIELDS };

/** ユーザー詳細 (admins): one account's role and scope, its password, and its 「履歴」. */
export function UserPage() {
  const { id } = useParams({ from: '/signed-in/admin/users/$id' });
  const label = useLabels();
  const navigate = useNavigate();
  const user = useQuery(userQuery(id));
  const councils = useQuery(councilsQuery);
  const federations = useQuery(federationsQuery);
  const [saved, setSaved] = useState<string>();

  return (
    <QueryState isPending={user.isPending} error={user.error}>
      {() => {
        const u = user.data as NonNullable<typeof user.data>;
        const scope =
          councils.data?.items.find((c) => c.id === u.regionalCouncilId)?.name ?? federations.data?.items.find((f) => f.id === u.federationId)?.name ?? '全体';
        return (
          <Stack gap="lg">
            <Anchor component={Link} to={SCREENS.users.path} size="sm">
              ← ユーザーの一覧
            </Anchor>
            <Stack gap={4}>
              <Group gap="sm">
                <Title order={1}>{u.displayName}</Title>
                {u.disabled && (
                  <Badge color="gray" variant="filled">
                    無効
                  </Badge>
                )}
              </Group>
              <Text size="sm">
                {u.email}・{label('roles', u.role)}・{scope}
              </Text>
            </Stack>
            {saved && (
              <Alert color="teal" role="status" withCloseButton closeButtonLabel="閉じる" onClose={() => setSaved(undefined)}>
                {saved}
              </Alert>
            )}
            <Tabs defaultValue="profile" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="profile">役割・担当</Tabs.Tab>
                <Tabs.Tab value="history">履歴</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="profile" pt="md" maw={720}>
                <Stack gap="lg">
                  <UserEditor
                    // a new version (saved here or elsewhere) starts the form again from it
                    key={u.version}
                    user={u}
                    onSaved={(next) => setSaved(`${next.displayName}(${next.email})を保存しました。`)}
                    onCancel={() => void navigate({ href: SCREENS.users.path })}
                  />
                  <Divider />
                  <PasswordReset user={u} />
                  <Divider />
                  <UserDisable
                    user={u}
                    onChanged={(next) => setSaved(next.disabled ? `${next.displayName}さんを無効にしました。` : `${next.displayName}さんを有効に戻しました。`)}
                  />
                </Stack>
              </Tabs.Panel>
              <Tabs.Panel value="history" pt="md">
                <RecordHistory path="/api/v1/users/{id}/audit" id={u.id} name={u.displayName} fields={FIELDS} />
              </Tabs.Panel>
            </Tabs>
          </Stack>
        );
      }}
    </QueryState>
  );
}
