import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../api/client';
import { ApiError, unwrap } from '../api/errors';
import { forgetPerson, rememberPerson, rememberedPerson } from './remembered-person';

export type Me = Schemas['MeDto'];

export const authKeys = {
  me: ['me'] as const,
};

/**
 * The signed-in person (401 when not signed in). Without a connection, the person last
 * signed in on this device, so that the installed app opens offline; the API decides again
 * once it can be reached.
 */
export const meQuery = queryOptions({
  queryKey: authKeys.me,
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

/** Opens a session (the cookie is set by the answer). */
export const createSession = (email: string, password: string) => unwrap(api.POST('/api/v1/auth/session', { body: { email, password } }));

/** Ends the session on the server. */
export const deleteSession = () => unwrap(api.POST('/api/v1/auth/logout'));
