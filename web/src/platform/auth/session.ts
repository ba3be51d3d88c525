import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { unwrap } from '../api/errors';
import { queryClient } from '../api/query-client';

export type Me = Schemas['MeDto'];

/** The signed-in person (401 when not signed in). */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: () => unwrap(api.GET('/api/v1/me')),
  staleTime: 5 * 60_000,
  retry: false,
});

/** Signs in through the console's session route (HttpOnly cookie); nothing secret is kept by the page. */
export async function signIn(email: string, password: string): Promise<Me> {
  const { user } = await unwrap(api.POST('/api/v1/auth/session', { body: { email, password } }));
  queryClient.clear();
  queryClient.setQueryData(meQuery.queryKey, user);
  return user;
}

export async function signOut(): Promise<void> {
  try {
    await unwrap(api.POST('/api/v1/auth/logout'));
  } finally {
    queryClient.clear();
  }
}
