import { invalidFields } from '../../platform/common/errors/domain-error';
import { StructureErrorCode } from '../error-codes';

export interface CompositionCounts {
  seats: number;
  women: number;
  men: number;
  unspecified: number;
}

/** The one rule of a composition: women + men + unspecified = seats. 400 naming the four fields otherwise (the API and the import share it). */
export function sumProblem(counts: CompositionCounts): string | null {
  const sum = counts.women + counts.men + counts.unspecified;
  return sum === counts.seats ? null : `women + men + unspecified is ${sum}, not the ${counts.seats} seats`;
}

export function checkSum(counts: CompositionCounts): void {
  const problem = sumProblem(counts);
  if (!problem) return;
  throw invalidFields(`The counts do not add up: ${problem}`, [
    { field: 'seats', code: StructureErrorCode.COUNTS_DO_NOT_SUM, message: problem },
    { field: 'women', code: StructureErrorCode.COUNTS_DO_NOT_SUM, message: problem },
    { field: 'men', code: StructureErrorCode.COUNTS_DO_NOT_SUM, message: problem },
    { field: 'unspecified', code: StructureErrorCode.COUNTS_DO_NOT_SUM, message: problem },
  ]);
}
