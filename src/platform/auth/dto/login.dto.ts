import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../common/auth/roles';
import { UserDto } from '../../users/dto/user.dto';

export class LoginDto {
  @IsEmail()
  @MaxLength(200)
  email!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

export class LoginResultDto {
  accessToken!: string;
  user!: UserDto;
}

export class MeDto {
  id!: string;
  email!: string;
  displayName!: string;
  @ApiProperty({ enum: ROLES })
  role!: Role;
  regionalCouncilId!: string | null;
  federationId!: string | null;
}

export class SessionDto {
  user!: UserDto;
  /** Send it as the x-csrf-token header on every POST, PATCH and DELETE made with the session cookie. */
  csrfToken!: string;
}
