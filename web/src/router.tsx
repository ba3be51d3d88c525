import { createRootRoute, createRoute, createRouter, lazyRouteComponent, Outlet, redirect, type AnyRoute, type AnyRouteMatch } from '@tanstack/react-router';
import { ApiError } from './platform/api/errors';
import { queryClient } from './platform/api/query-client';
import { whenSessionExpires } from './platform/api/client';
import { meQuery, type Me } from './platform/auth/session';
import { rememberPerson } from './platform/auth/remembered-person';
import { LoginPage } from './platform/auth/LoginPage';
import { labelsQuery } from './platform/labels/labels';
import { followUpsQuery } from './organizing/pipeline/queries';
import { ACCOUNT_SCREENS, SCREENS, landingPath, mayUse, type Screen } from './platform/shell/screens';
import { NotFoundPage } from './platform/shell/NotFoundPage';
import { NewVersionNotice } from './platform/shell/NewVersionNotice';

/** Every page, signed in or not, with the notice of a new version of the console. */
function Root() {
  return (
    <>
      <Outlet />
      <NewVersionNotice />
    </>
  );
}

const rootRoute = createRootRoute({ component: Root, notFoundComponent: NotFoundPage });

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { next?: string } => (typeof search.next === 'string' ? { next: search.next } : {}),
  component: LoginPage,
});

/**
 * On a slow line, who is signed in, the screens' code and what they read first leave
 * together: one round trip before 今日 shows, not three. The API still answers each read
 * for the session alone, and a person who may not use the screen is sent on before
 * anything of it is drawn.
 */
function startTogether(matches: AnyRouteMatch[]): void {
  for (const match of matches) void match.staticData.firstReads?.();
  for (const match of matches) void router.loadRouteChunk((router.routesById as Record<string, AnyRoute>)[match.routeId as string])?.catch(() => undefined);
}

/** A read the page's first script asked for before the console started (platform/shell/early-reads.ts), once: its body if it answered 200. */
async function takeEarlyRead(path: string): Promise<unknown> {
  const reads = (globalThis as { __earlyReads?: Record<string, Promise<Response> | undefined> }).__earlyReads;
  const read = reads?.[path];
  if (!read) return undefined;
  reads[path] = undefined;
  const response = await read.catch(() => undefined);
  return response?.ok ? await response.json().catch(() => undefined) : undefined;
}

/**
 * The query with a function that first takes the early read of `path`, if it answered (then
 * `adopted` runs, as the query's own function would have on its answer), and otherwise, and
 * every later time, asks the ordinary way.
 */
function withEarlyRead<Query extends { queryFn?: unknown }>(path: string, query: Query, adopted?: (data: never) => void): Query {
  const ordinary = query.queryFn as (context: unknown) => Promise<unknown>;
  const queryFn = async (context: unknown): Promise<unknown> => {
    const early = await takeEarlyRead(path);
    if (early === undefined) return ordinary(context);
    adopted?.(early as never);
    return early;
  };
  return { ...query, queryFn };
}

/**
 * A signed-in screen's code, asked for from the frame's chunk (web/src/app/signed-in.ts), so
 * that what the screens share with the frame and 今日 is built into that one chunk instead of
 * a dozen small ones.
 */
function screenCode(name: keyof (typeof import('./app/signed-in'))['screens']) {
  return lazyRouteComponent(async () => ({ default: await (await import('./app/signed-in')).screens[name]() }));
}

/** Every screen but sign-in: needs a session; without one, sign in and come back. The frame's code (Shell) is not the sign-in page's. */
const signedInRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'signed-in',
  staticData: { firstReads: () => queryClient.prefetchQuery(withEarlyRead('/api/v1/labels', labelsQuery)) },
  beforeLoad: async ({ location, matches }) => {
    const me = queryClient.ensureQueryData(withEarlyRead('/api/v1/me', meQuery, (me: Me) => void rememberPerson(me).catch(() => undefined)));
    startTogether(matches);
    try {
      return { me: await me };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw redirect({ to: '/login', search: { next: location.href } });
      throw error;
    }
  },
  component: lazyRouteComponent(() => import('./app/signed-in'), 'Shell'),
});

const indexRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: landingPath(context.me.role) });
  },
});

/** A screen's route: only for the roles that may use it (others go to their own first screen); `firstReads` asks for its data beside the session. */
function screenRoute(screen: Screen, component: Parameters<typeof createRoute>[0]['component'], firstReads?: () => Promise<unknown>) {
  return createRoute({
    getParentRoute: () => signedInRoute,
    path: screen.path,
    staticData: { firstReads },
    beforeLoad: ({ context }) => {
      if (!mayUse(context.me.role, screen)) throw redirect({ to: landingPath(context.me.role) });
    },
    component,
  });
}

/** 事業所詳細: one workplace, for whoever may use the prospects screen (the API narrows it to their scope), and admins, who reach it from 監査ログ. */
const prospectRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/prospects/$id',
  beforeLoad: ({ context }) => {
    if (!mayUse(context.me.role, SCREENS.prospects) && context.me.role !== 'admin') throw redirect({ to: landingPath(context.me.role) });
  },
  component: screenCode('ProspectPage'),
});

/** A company's page: its group, for every role that may use 企業グループ. */
const companyGroupRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/company-groups/$companyId',
  beforeLoad: ({ context }) => {
    if (!mayUse(context.me.role, SCREENS.companyGroups)) throw redirect({ to: landingPath(context.me.role) });
  },
  component: screenCode('CompanyGroupPage'),
});

/** ユーザー詳細: one account, for those who may use ユーザー (admins). */
const userRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/admin/users/$id',
  beforeLoad: ({ context }) => {
    if (!mayUse(context.me.role, SCREENS.users)) throw redirect({ to: landingPath(context.me.role) });
  },
  component: screenCode('UserPage'),
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  signedInRoute.addChildren([
    indexRoute,
    screenRoute(SCREENS.dashboard, screenCode('DashboardPage')),
    screenRoute(SCREENS.goals, screenCode('GoalsPage')),
    screenRoute(SCREENS.lossCauses, screenCode('LossCausesPage')),
    screenRoute(SCREENS.genderEquality, screenCode('GenderEqualityPage')),
    screenRoute(SCREENS.members, screenCode('MembersPage')),
    screenRoute(SCREENS.imports, screenCode('ImportsPage')),
    screenRoute(
      SCREENS.today,
      lazyRouteComponent(() => import('./app/signed-in'), 'TodayPage'),
      () => queryClient.prefetchQuery(withEarlyRead('/api/v1/follow-ups?limit=500', followUpsQuery)),
    ),
    screenRoute(SCREENS.prospects, screenCode('ProspectsPage')),
    screenRoute(SCREENS.newProspect, screenCode('NewProspectPage')),
    prospectRoute,
    screenRoute(SCREENS.consultations, screenCode('ConsultationsPage')),
    screenRoute(SCREENS.structure, screenCode('StructurePage')),
    screenRoute(SCREENS.companyGroups, screenCode('CompanyGroupsPage')),
    companyGroupRoute,
    screenRoute(SCREENS.periods, screenCode('PeriodsPage')),
    screenRoute(SCREENS.users, screenCode('UsersPage')),
    userRoute,
    screenRoute(SCREENS.auditLog, screenCode('AuditLogPage')),
    screenRoute(SCREENS.aggregation, screenCode('AggregationPage')),
    screenRoute(ACCOUNT_SCREENS.notifications, screenCode('NotificationsPage')),
  ]),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: true });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
  interface StaticDataRouteOption {
    /** The reads a screen shows first, asked for as soon as the address is known (see startTogether). */
    firstReads?: () => Promise<unknown>;
  }
}

// an expired or ended session: sign in again, then come back to the same page
whenSessionExpires(() => {
  const here = router.state.location;
  if (here.pathname === '/login') return;
  queryClient.clear();
  void router.navigate({ to: '/login', search: { next: here.href } });
});
