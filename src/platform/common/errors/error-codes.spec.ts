import { HttpStatus } from '@nestjs/common';
import { InsightErrorCode } from '../../../insight/error-codes';
import { MembershipErrorCode } from '../../../membership/error-codes';
import { OrganizingErrorCode } from '../../../organizing/error-codes';
import { StructureErrorCode } from '../../../structure/error-codes';
import { PlatformErrorCode } from '../../error-codes';
import { DomainError, conflict } from './domain-error';

const AREAS = { PlatformErrorCode, StructureErrorCode, MembershipErrorCode, OrganizingErrorCode, InsightErrorCode };

describe('error codes', () => {
  it('name each code once, in one area, spelled as its key', () => {
    const all = Object.values(AREAS).flatMap((codes) => Object.entries(codes));
    for (const [key, code] of all) expect(code).toBe(key);
    expect(new Set(all.map(([, code]) => code)).size).toBe(all.length);
  });

  it('are the only codes a DomainError takes', () => {
    // @ts-expect-error a code no area lists does not type-check
    const typo = new DomainError('PROSPECT_ALREADY_AFILIATED', HttpStatus.CONFLICT, 'typo');
    // @ts-expect-error nor through the conflict helper
    const helperTypo = conflict('ALREADY_REVERSD', 'typo');
    expect([typo.code, helperTypo.code]).toEqual(['PROSPECT_ALREADY_AFILIATED', 'ALREADY_REVERSD']);
    expect(conflict(OrganizingErrorCode.PROSPECT_ALREADY_AFFILIATED, 'listed').code).toBe('PROSPECT_ALREADY_AFFILIATED');
  });
});
