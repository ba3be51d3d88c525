import type { components, paths } from '../../web/src/api/schema';

/**
 * What `TestApp.request` answers, typed from the OpenAPI document the console's client is
 * generated from (web/src/api/schema.d.ts): the body of a route's success answer, so a test
 * that reads a field the API does not promise fails the typecheck. The path is written as a
 * test writes it, below /api/v1 and with its ids and query filled in
 * (`/unions/${id}/audit?limit=5`); it selects the route whose template it fits most
 * specifically (`/unions/{id}/audit`, not `/unions/{id}`).
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Route = keyof paths;
type Prefix = '/api/v1';

/** `/unions/{id}/audit` -> `/unions/${string}/audit`: the paths a route template admits. */
type Pattern<Template extends string> = Template extends `${infer Head}{${string}}${infer Tail}` ? `${Head}${string}${Pattern<Tail>}` : Template;

/** The route's paths as a test writes them: below the prefix, with or without a query. */
type Written<R extends Route> = R extends `${Prefix}${infer Rest}` ? Pattern<Rest> | `${Pattern<Rest>}?${string}` : never;

/** The routes that answer `method`. */
type RoutesOf<M extends Method> = { [R in Route]: paths[R] extends Record<Lowercase<M>, object> ? R : never }[Route];

/** Every route of `method` that `path` fits. */
type Fits<M extends Method, P extends string> = { [R in RoutesOf<M>]: P extends Written<R> ? R : never }[RoutesOf<M>];

/** Of the routes `path` fits, the one(s) every other fitting route admits too: `/unions/{id}/audit` over `/unions/{id}`. */
type MostSpecific<All extends Route, R extends Route = All> = R extends All
  ? [Exclude<All, R> extends infer Other ? (Other extends Route ? (Written<R> extends Written<Other> ? never : Other) : never) : never] extends [never]
    ? R
    : never
  : never;

/** The route a request goes to (each path of a union its own), never when the API documents none. */
export type RouteOf<M extends Method, P extends string> = P extends unknown ? MostSpecific<Fits<M, P>> : never;

type Operation<M extends Method, R extends Route> = paths[R][Lowercase<M> & keyof paths[R]];

type SuccessStatus = 200 | 201 | 202 | 204;
type Json<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : undefined;
type SuccessBody<O> = O extends { responses: infer Responses } ? Json<Responses[Extract<keyof Responses, SuccessStatus>]> : never;

export type ErrorBody = components['schemas']['ErrorResponseDto'];

/**
 * An error answer's fields as a test reads them after asserting the status that carries
 * them: `details` typed as present (a test reads it after a 400 for a field), so a missing
 * one fails the test at the read rather than the typecheck.
 */
type ErrorFields = Omit<ErrorBody, 'details'> & { details: NonNullable<ErrorBody['details']> };

/**
 * The body a test reads: the success answer's fields, and beside them an error answer's
 * (statusCode, message, code, details) for the tests that expect a refusal; a route that
 * answers no content has only the error's.
 */
export type AnswerBody<Success> = ([Success] extends [undefined] ? unknown : Success) & ErrorFields;

export type BodyOf<M extends Method, P extends string> = AnswerBody<SuccessBody<Operation<M, RouteOf<M, P>>>>;

/** Every path a test may write for `method` (or for each method of a union): those of the routes the OpenAPI document has. */
export type DocumentedPath<M extends Method> = M extends Method ? Written<RoutesOf<M>> : never;
