import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';
import { unwrap } from '../../api/errors';

/** Everyone who may sign in (admins only); a save invalidates ['users']. */
export const usersQuery = queryOptions({
  queryKey: ['users', 'list'],
  queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 500 } } })),
});

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: ['users', 'one', id],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
