import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../common/auth/auth.decorators';
import type { CurrentUser } from '../common/auth/roles';
import { ApiPage, Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Authenticated('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiPage(UserDto)
  list(@Query() query: ListUsersQuery): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  get(@UuidParam() id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Post()
  create(@Body() dto: CreateUserDto, @Caller() caller: CurrentUser): Promise<UserDto> {
    return this.users.create(dto, caller);
  }

  @Patch(':id')
  update(@UuidParam() id: string, @Body() dto: UpdateUserDto, @Caller() caller: CurrentUser): Promise<UserDto> {
    return this.users.update(id, dto, caller);
  }

  /** Sets a new password and ends every session the user has (they sign in again with it). */
  @Post(':id/password')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The password is changed and the user is signed out everywhere' })
  resetPassword(@UuidParam() id: string, @Body() dto: ResetPasswordDto, @Caller() caller: CurrentUser): Promise<void> {
    return this.users.resetPassword(id, dto, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.users.remove(id, caller);
  }
}
