import { useState, type FormEvent } from 'react';
import { Alert, Button, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { errorMessageJa } from '../api/errors';
import { landingPath, safeNext } from '../shell/screens';
import { signIn } from './session';
import { useImeSafeSubmit } from '../forms/useImeSafeSubmit';

const route = getRouteApi('/login');

/** サインイン: e-mail and password; then the page the person came from, or their role's first screen. */
export function LoginPage() {
  const { next } = route.useSearch();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const imeSafe = useImeSafeSubmit();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const me = await signIn(email, password);
      await navigate({ to: safeNext(next) ?? landingPath(me.role) });
    } catch (e) {
      setError(errorMessageJa(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Container size={420} py={80} component="main">
      <Title order={1} ta="center">
        ログイン
      </Title>
      <Text ta="center" c="dimmed" mt={4}>
        連合神奈川 組織拡大CRM(40万連合神奈川)
      </Text>
      <Paper withBorder shadow="sm" p="lg" mt="lg" radius="md">
        <form onSubmit={(e) => void submit(e)} onKeyDown={imeSafe} noValidate>
          <Stack>
            {error && (
              <Alert color="red" role="alert" title="ログインできませんでした">
                {error}
              </Alert>
            )}
            <TextInput label="メールアドレス" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
            <PasswordInput
              label="パスワード"
              visibilityToggleButtonProps={{ 'aria-label': 'パスワードを表示' }}
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} fullWidth>
              ログイン
            </Button>
          </Stack>
        </form>
      </Paper>
    </Container>
  );
}
