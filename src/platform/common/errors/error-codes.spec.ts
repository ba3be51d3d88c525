import { HttpStatus } from '@nestjs/common';
import { PlatformErrorCode } from '../../error-codes';
import { DomainError, badField, conflict } from './domain-error';

// every code, each once in one area, is checked where the areas' lists are gathered (src/app.error-codes.spec.ts)
describe('error codes', () => {
  it('are the only codes a DomainError, a conflict or a detail takes', () => {
    // @ts-expect-error a code no area lists does not type-check
    const typo = new DomainError('PROSPECT_ALREADY_AFILIATED', HttpStatus.CONFLICT, 'typo');
    // @ts-expect-error nor through the conflict helper
    const helperTypo = conflict('ALREADY_REVERSD', 'typo');
    // @ts-expect-error nor as the code of a field's problem
    const fieldTypo = badField('delta', 'SIGN_MISMACH', 'typo');
    expect([typo.code, helperTypo.code, fieldTypo.details?.[0].code]).toEqual(['PROSPECT_ALREADY_AFILIATED', 'ALREADY_REVERSD', 'SIGN_MISMACH']);
    expect(conflict(PlatformErrorCode.DUPLICATE, 'listed').code).toBe('DUPLICATE');
  });

  it('give every detail a code: its own, or the conflict’s', () => {
    expect(badField('email', PlatformErrorCode.NOT_EMAIL, 'must be an email').details).toEqual([
      { field: 'email', code: 'NOT_EMAIL', message: 'must be an email' },
    ]);
    expect(conflict(PlatformErrorCode.DUPLICATE, 'taken', [{ field: 'code', message: 'is already in use' }]).details).toEqual([
      { field: 'code', code: 'DUPLICATE', message: 'is already in use' },
    ]);
  });
});
