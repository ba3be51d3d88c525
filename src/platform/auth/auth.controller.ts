import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Authenticated, Caller, Public } from '../common/auth/auth.decorators';
import type { CurrentUser } from '../common/auth/roles';
import { AuthService } from './auth.service';
import { LoginDto, LoginResultDto, MeDto } from './dto/login.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiTooManyRequestsResponse({ description: 'Too many failed sign-ins for this e-mail address' })
  login(@Body() dto: LoginDto): Promise<LoginResultDto> {
    return this.auth.login(dto);
  }

  @Authenticated()
  @Get('me')
  me(@Caller() caller: CurrentUser): MeDto {
    return caller;
  }
}
