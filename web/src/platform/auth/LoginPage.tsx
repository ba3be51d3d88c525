import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { errorMessageJa } from '../api/errors';
import { landingPath, safeNext } from '../shell/screens';
import { signIn } from './session';
import { useApiForm } from '../forms/useApiForm';

const route = getRouteApi('/login');

/** サインイン: e-mail and password; then the page the person came from, or their role's first screen. */
export function LoginPage() {
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const { field, formProps, error, saving } = useApiForm({
    initialValues: { email: '', password: '' },
    save: ({ email, password }) => signIn(email, password),
    onSaved: (me) => navigate({ to: safeNext(next) ?? landingPath(me.role) }),
  });

  return (
    <Container size={420} py={80} component="main">
      <Title order={1} ta="center">
        ログイン
      </Title>
      <Text ta="center" c="dimmed" mt={4}>
        連合神奈川 組織拡大CRM(40万連合神奈川)
      </Text>
      <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
        <form {...formProps}>
          <Stack>
            {error && (
              <Alert color="red" role="alert" title="ログインできませんでした">
                {errorMessageJa(error)}
              </Alert>
            )}
            <TextInput label="メールアドレス" type="email" autoComplete="username" required {...field('email')} />
            <PasswordInput
              label="パスワード"
              visibilityToggleButtonProps={{ 'aria-label': 'パスワードを表示' }}
              autoComplete="current-password"
              required
              {...field('password')}
            />
            <Button type="submit" loading={saving} fullWidth>
              ログイン
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
