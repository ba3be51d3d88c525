import { queryClient } from '../api/query-client';
import { createSession, deleteSession, meQuery, type Me } from './queries';
import { forgetPerson, rememberPerson } from './remembered-person';

export { meQuery, type Me };

/** Signs in through the console's session route (HttpOnly cookie); nothing secret is kept by the page. */
export async function signIn(email: string, password: string): Promise<Me> {
  const { user } = await createSession(email, password);
  queryClient.clear();
  queryClient.setQueryData(meQuery.queryKey, user);
  await rememberPerson(user).catch(() => undefined);
  return user;
}

export async function signOut(): Promise<void> {
  try {
    await deleteSession();
  } finally {
    queryClient.clear();
    await forgetPerson().catch(() => undefined);
  }
}
