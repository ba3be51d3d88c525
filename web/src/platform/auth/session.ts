import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { queryClient } from '../api/query-client';
import { forgetPerson, rememberPerson, rememberedPerson } from './remembered-person';

export type Me = Schemas['MeDto'];

/**
 * The signed-in person (401 when not signed in). Without a connection, the person last
 * signed in on this device, so that the installed app opens offline; the API decides again
 * once it can be reached.
 */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<Me> => {
    try {
      const me = await unwrap(api.GET('/api/v1/me'));
      void rememberPerson(me).catch(() => undefined);
      return me;
    } catch (error) {
      if (error instanceof ApiError) {
        if (error.status === 401) await forgetPerson().catch(() => undefined);
        throw error;
      }
      const remembered = await rememberedPerson().catch(() => undefined);
      if (remembered) return remembered;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
  // asked even offline: the answer then comes from this device
  networkMode: 'always',
});

/** Signs in through the console's session route (HttpOnly cookie); nothing secret is kept by the page. */
export async function signIn(email: string, password: string): Promise<Me> {
  const { user } = await unwrap(api.POST('/api/v1/auth/session', { body: { email, password } }));
  queryClient.clear();
  queryClient.setQueryData(meQuery.queryKey, user);
  await rememberPerson(user).catch(() => undefined);
  return user;
}

export async function signOut(): Promise<void> {
  try {
    await unwrap(api.POST('/api/v1/auth/logout'));
  } finally {
    queryClient.clear();
    await forgetPerson().catch(() => undefined);
  }
}
