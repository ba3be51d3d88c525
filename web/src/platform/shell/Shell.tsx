import type { ReactNode } from 'react';
import { AppShell, Burger, Button, Divider, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useNavigate, useRouteContext, useRouterState } from '@tanstack/react-router';
import { signOut, type Me } from '../auth/session';
import { useLabels } from '../labels/labels';
import { councilQuery, federationQuery } from '../reference/queries';
import { ACCOUNT_SCREENS, screensFor } from './screens';
import { DrawnInSlices } from './DrawnInSlices';

/**
 * Whose figures the person sees: their council or federation, or the whole chapter. Read only
 * where the header shows it (from Mantine's `sm` up): a phone's header has no room for it, and
 * its first screen is spared the request.
 */
function useScopeName(me: Me): string | undefined {
  const shown = useMediaQuery('(min-width: 48em)', false, { getInitialValueInEffect: false });
  const council = useQuery({ ...councilQuery(me.regionalCouncilId ?? ''), enabled: shown && Boolean(me.regionalCouncilId) });
  const federation = useQuery({ ...federationQuery(me.federationId ?? ''), enabled: shown && Boolean(me.federationId) });
  if (me.regionalCouncilId) return council.data?.name;
  if (me.federationId) return federation.data?.name;
  return '連合神奈川 全体';
}

/** The frame of every signed-in screen: the menu of the role's screens, who is signed in, 通知設定 and sign-out. */
export function Shell({ status }: { status?: ReactNode }) {
  const { me } = useRouteContext({ from: '/signed-in' });
  const label = useLabels();
  const scope = useScopeName(me);
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const [opened, { toggle, close }] = useDisclosure();

  async function logout() {
    await signOut().catch(() => undefined);
    await navigate({ to: '/login', search: {} });
  }

  return (
    <DrawnInSlices>
      <AppShell header={{ height: 56 }} navbar={{ width: 200, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="メニューを開く" />
              <Text fw={700} visibleFrom="xs">
                連合神奈川 組織拡大CRM
              </Text>
              <Text fw={700} hiddenFrom="xs">
                組織拡大CRM
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap">
              {status}
              <Text size="sm" data-testid="signed-in-as" visibleFrom="sm">
                {me.displayName}
                <Text span c="dimmed" size="sm" ml={6}>
                  {label('roles', me.role)}
                  {scope ? `・${scope}` : ''}
                </Text>
              </Text>
              <Button component={Link} to={ACCOUNT_SCREENS.notifications.path} variant="default" size="xs" visibleFrom="sm">
                {ACCOUNT_SCREENS.notifications.title}
              </Button>
              <Button variant="default" size="xs" onClick={() => void logout()}>
                ログアウト
              </Button>
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" aria-label="メインメニュー">
          <Text size="sm" hiddenFrom="sm" px="sm" py={6}>
            {me.displayName}
            <Text span c="dimmed" size="sm" ml={6}>
              {label('roles', me.role)}
            </Text>
          </Text>
          {screensFor(me.role).map((screen) => (
            <NavLink
              key={screen.path}
              component={Link}
              to={screen.path}
              label={screen.title}
              variant="filled"
              active={pathname === screen.path}
              aria-current={pathname === screen.path ? 'page' : undefined}
              onClick={close}
            />
          ))}
          {/* on a phone the header has no room: the person's own settings sit under the screens, in the same menu */}
          <Divider my="xs" hiddenFrom="sm" />
          <NavLink
            component={Link}
            to={ACCOUNT_SCREENS.notifications.path}
            label={ACCOUNT_SCREENS.notifications.title}
            hiddenFrom="sm"
            active={pathname === ACCOUNT_SCREENS.notifications.path}
            aria-current={pathname === ACCOUNT_SCREENS.notifications.path ? 'page' : undefined}
            onClick={close}
          />
        </AppShell.Navbar>
        <AppShell.Main>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </DrawnInSlices>
  );
}
