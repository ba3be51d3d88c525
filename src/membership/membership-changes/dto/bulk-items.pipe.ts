import { Injectable, PipeTransform } from '@nestjs/common';
import { FieldProblem, invalidFields } from '../../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../../platform/error-codes';
import { itemProblems } from '../membership-change.fields';
import { BulkBody, MAX_BULK_ITEMS } from './create-membership-change.dto';

function envelopeProblems(body: unknown): FieldProblem[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ field: 'items', code: PlatformErrorCode.NOT_AN_OBJECT, message: 'the body must be an object {items: [...]}' }];
  }
  const problems = Object.keys(body)
    .filter((key) => key !== 'items')
    .map((field): FieldProblem => ({ field, code: PlatformErrorCode.UNKNOWN_FIELD, message: 'is not a known field' }));
  const items = (body as { items?: unknown }).items;
  if (!Array.isArray(items)) problems.push({ field: 'items', code: PlatformErrorCode.NOT_A_LIST, message: 'items must be an array' });
  else if (items.length < 1) problems.push({ field: 'items', code: PlatformErrorCode.TOO_FEW, message: 'items must contain at least 1 elements' });
  else if (items.length > MAX_BULK_ITEMS)
    problems.push({ field: 'items', code: PlatformErrorCode.TOO_MANY, message: `items must contain no more than ${MAX_BULK_ITEMS} elements` });
  return problems;
}

/**
 * Validates the body of POST /membership-changes/bulk by hand, in place of the global
 * ValidationPipe (the route's body parameter is typed so that pipe leaves it alone):
 * class-transformer and class-validator take seconds over 10,000 nested items, these
 * checks milliseconds. Same rules and messages as a single change (CHANGE_FIELDS),
 * field paths like `items[17].delta`, unknown fields refused.
 */
@Injectable()
export class BulkItemsPipe implements PipeTransform<unknown, BulkBody> {
  transform(body: unknown): BulkBody {
    const envelope = envelopeProblems(body);
    const details = envelope.length ? envelope : itemProblems((body as BulkBody).items);
    if (details.length) {
      const summary = details
        .slice(0, 5)
        .map((d) => `${d.field} ${d.message}`)
        .join('; ');
      throw invalidFields(`Invalid input: ${summary}`, details);
    }
    return body as BulkBody;
  }
}
