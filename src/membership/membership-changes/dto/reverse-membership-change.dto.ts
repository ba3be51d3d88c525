import { IsString, MaxLength, MinLength } from 'class-validator';

export class ReverseMembershipChangeDto {
  /** Why the entry is wrong; kept as the reversing entry's note. */
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;
}
