import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '../../common/auth/roles';
import { PageQuery } from '../../common/http/pagination';
import { User } from '../user.entity';

export class CreateUserDto {
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  /** Required for regional and organizer users, empty for the others. */
  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string | null;

  /** Required for federation users, empty for the others. */
  @IsOptional()
  @IsUUID()
  federationId?: string | null;
}

/** Only the fields sent change; null is refused except for regionalCouncilId and federationId. */
export class UpdateUserDto extends PartialType(OmitType(CreateUserDto, ['email'] as const), { skipNullProperties: false }) {
  @IsOptional()
  @IsInt()
  version?: number;

  /** true: every session, token and calendar feed of the user stops working at once, and they cannot sign in; false: enabled again. */
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}

/** A new password set by an admin; every session the user has is ended. */
export class ResetPasswordDto {
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password!: string;
}

export class ListUsersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @IsOptional()
  @IsUUID()
  regionalCouncilId?: string;

  @IsOptional()
  @IsUUID()
  federationId?: string;

  @ApiPropertyOptional({ description: 'E-mail or display name contains' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class UserDto {
  id!: string;
  email!: string;
  displayName!: string;
  @ApiProperty({ enum: ROLES })
  role!: Role;
  regionalCouncilId!: string | null;
  federationId!: string | null;
  /** Disabled by an admin: cannot sign in, and nothing of theirs works. */
  disabled!: boolean;
  version!: number;
  createdAt!: Date;
  updatedAt!: Date;
}

export function toUserDto(user: User): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    regionalCouncilId: user.regionalCouncilId,
    federationId: user.federationId,
    disabled: user.disabledAt !== null && user.disabledAt !== undefined,
    version: user.version,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
  };
}
