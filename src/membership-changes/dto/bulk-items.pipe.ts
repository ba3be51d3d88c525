import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { itemProblems } from '../membership-change.fields';
import { BulkMembershipChangesDto } from './create-membership-change.dto';

/** Runs after the global ValidationPipe: checks every item, naming `items[i].field`. */
@Injectable()
export class BulkItemsPipe implements PipeTransform<BulkMembershipChangesDto, BulkMembershipChangesDto> {
  transform(dto: BulkMembershipChangesDto): BulkMembershipChangesDto {
    const details = itemProblems(dto.items);
    if (details.length) {
      const summary = details
        .slice(0, 5)
        .map((d) => `${d.field} ${d.message}`)
        .join('; ');
      throw new BadRequestException({ message: `Invalid input: ${summary}`, details });
    }
    return dto;
  }
}
