import { queryOptions } from '@tanstack/react-query';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/errors';
import { withExport } from '../../tables/export-url';

/** The users' query keys: a save invalidates `userKeys.all`. */
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  one: (id: string) => [...userKeys.all, 'one', id] as const,
};

/** Everyone who may sign in (admins only). */
export const usersQuery = withExport(
  queryOptions({
    queryKey: userKeys.list(),
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 500 } } })),
  }),
  '/api/v1/users',
);

export const userQuery = (id: string) =>
  queryOptions({
    queryKey: userKeys.one(id),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });

export const createUser = (body: Schemas['CreateUserDto']) => unwrap(api.POST('/api/v1/users', { body }));

export const updateUser = (id: string, body: Schemas['UpdateUserDto']) => unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body }));

export const resetPassword = (id: string, password: string) =>
  unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id } }, body: { password } }));
