import { Param, PipeTransform } from '@nestjs/common';
import { invalidFields } from '../../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../../platform/error-codes';
import { MONTH_PATTERN } from '../../../platform/common/validation/validators';

/** A `:month` path parameter written YYYY-MM; anything else is 400 naming it. */
class MonthPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!MONTH_PATTERN.test(value)) {
      throw invalidFields('month must be a month YYYY-MM', [{ field: 'month', code: PlatformErrorCode.INVALID_FORMAT, message: 'must be a month YYYY-MM' }]);
    }
    return value;
  }
}

export const MonthParam = (): ParameterDecorator => Param('month', new MonthPipe());

export class ClosedPeriodDto {
  /** YYYY-MM */
  month!: string;
  closedAt!: Date;
  closedBy!: string;
  closedByName!: string;
  /** The newest ledger change the published figures include. */
  asOf!: Date | null;
}
