import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentUser, Role } from './roles';

export const IS_PUBLIC = 'isPublic';
export const ROLES_KEY = 'roles';

/** Open to anyone without a token (health, sign-in). Everything else is closed. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Signed-in callers with one of these roles (none named: any role). */
export function Authenticated(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or invalid bearer token' }),
    ...(roles.length ? [ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` })] : []),
  );
}

/** The signed-in caller. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): CurrentUser => {
  return ctx.switchToHttp().getRequest<{ user: CurrentUser }>().user;
});
