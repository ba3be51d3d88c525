import { InsightErrorCode } from './insight/error-codes';
import { MembershipErrorCode } from './membership/error-codes';
import { OrganizingErrorCode } from './organizing/error-codes';
import type { ErrorCode, ErrorCodeRegistry } from './platform/common/errors/domain-error';
import { PlatformErrorCode } from './platform/error-codes';
import { StructureErrorCode } from './structure/error-codes';

/** Every area's list of error codes, gathered where the app is assembled; an area that registers a list and is missing here fails type-checking. */
export const ERROR_CODE_LISTS: { [Area in keyof ErrorCodeRegistry]: ErrorCodeRegistry[Area] } = {
  platform: PlatformErrorCode,
  structure: StructureErrorCode,
  membership: MembershipErrorCode,
  organizing: OrganizingErrorCode,
  insight: InsightErrorCode,
};

/** Every code an error body or a detail may carry: the OpenAPI document's enum ErrorCode. */
export const ERROR_CODES: readonly ErrorCode[] = Object.values(ERROR_CODE_LISTS).flatMap((list) => Object.values(list) as ErrorCode[]);
