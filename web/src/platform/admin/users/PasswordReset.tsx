import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { ApiError, errorMessageJa, unwrap } from '../../api/errors';
import { useImeSafeSubmit } from '../../forms/useImeSafeSubmit';

/** パスワードの再設定: an admin sets a new password; the user is signed out everywhere. */
export function PasswordReset({ user }: { user: Schemas['UserDto'] }) {
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const imeSafe = useImeSafeSubmit();
  const reset = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id } }, body: { password } })),
    onSuccess: () => {
      setDone(true);
      setPassword('');
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    reset.mutate();
  }

  return (
    <Stack gap="xs" component="section" aria-labelledby="password-reset-heading">
      <Title order={3} size="h4" id="password-reset-heading">
        パスワードの再設定
      </Title>
      <Text size="sm">新しいパスワードを設定すると、{user.displayName}さんのログイン中の画面はすべてログアウトされます。</Text>
      <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
        <Stack gap="xs">
          {reset.error && !(reset.error instanceof ApiError && reset.error.status === 400) && (
            <Alert color="red" role="alert">
              {errorMessageJa(reset.error)}
            </Alert>
          )}
          {done && (
            <Alert color="teal" role="status">
              パスワードを再設定しました。{user.displayName}さんに新しいパスワードを伝えてください。
            </Alert>
          )}
          <Group align="flex-start">
            <PasswordInput
              label="新しいパスワード"
              description="8文字以上"
              visibilityToggleButtonProps={{ 'aria-label': '新しいパスワードを表示' }}
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={reset.error instanceof ApiError ? reset.error.fieldMessage('password') : undefined}
              w={280}
            />
            <Button type="submit" mt={46} loading={reset.isPending}>
              パスワードを再設定
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
