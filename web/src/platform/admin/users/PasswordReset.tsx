import { useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text, Title } from '@mantine/core';
import type { Schemas } from '../../api/client';
import { ApiError, errorMessageJa } from '../../api/errors';
import { useApiForm } from '../../forms/useApiForm';
import { resetPassword } from './queries';

/** パスワードの再設定: an admin sets a new password; the user is signed out everywhere. */
export function PasswordReset({ user }: { user: Schemas['UserDto'] }) {
  const [done, setDone] = useState(false);
  const { form, field, formProps, error, saving } = useApiForm({
    initialValues: { password: '' },
    save: ({ password }) => {
      setDone(false);
      return resetPassword(user.id, password);
    },
    onSaved: () => {
      setDone(true);
      form.setValues({ password: '' });
    },
  });

  return (
    <Stack gap="xs" component="section" aria-labelledby="password-reset-heading">
      <Title order={3} size="h4" id="password-reset-heading">
        パスワードの再設定
      </Title>
      <Text size="sm">新しいパスワードを設定すると、{user.displayName}さんのログイン中の画面はすべてログアウトされます。</Text>
      <form {...formProps}>
        <Stack gap="xs">
          {/* a refused password is said at the field; anything else above it */}
          {error && !(error instanceof ApiError && error.status === 400) && (
            <Alert color="red" role="alert">
              {errorMessageJa(error)}
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
              {...field('password')}
              w={280}
            />
            <Button type="submit" mt={46} loading={saving}>
              パスワードを再設定
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
