import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEvents } from '../audit/audit-events.service';
import { AuditEventPageDto, RecordHistoryQuery } from '../audit/dto/audit-event.dto';
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
  constructor(
    private readonly users: UsersService,
    private readonly events: AuditEvents,
  ) {}

  @Get()
  @ApiPage(UserDto)
  @ApiOperation({ operationId: 'listUsers', summary: 'List users' })
  list(@Query() query: ListUsersQuery): Promise<Page<UserDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOperation({ operationId: 'getUser', summary: 'Get a user' })
  @ApiOkResponse({ type: UserDto })
  get(@UuidParam() id: string): Promise<UserDto> {
    return this.users.get(id);
  }

  @Get(':id/audit')
  @ApiOperation({ operationId: 'getUserHistory', summary: 'A user’s history (履歴): the audit events of the account, newest first' })
  @ApiOkResponse({ type: AuditEventPageDto })
  async history(@UuidParam() id: string, @Query() query: RecordHistoryQuery): Promise<AuditEventPageDto> {
    await this.users.get(id);
    return this.events.forRecord('user', id, query);
  }

  @Post()
  @ApiOperation({ operationId: 'createUser', summary: 'Create a user' })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'The e-mail address is already in use' })
  create(@Body() dto: CreateUserDto, @Caller() caller: CurrentUser): Promise<UserDto> {
    return this.users.create(dto, caller);
  }

  @Patch(':id')
  @ApiOperation({ operationId: 'updateUser', summary: 'Change a user' })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Stale version, e-mail address in use, or taking the admin role from yourself' })
  update(@UuidParam() id: string, @Body() dto: UpdateUserDto, @Caller() caller: CurrentUser): Promise<UserDto> {
    return this.users.update(id, dto, caller);
  }

  /** Sets a new password and ends every session the user has (they sign in again with it). */
  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ operationId: 'resetUserPassword', summary: 'Set a new password for a user and end their sessions' })
  @ApiNoContentResponse({ description: 'The password is changed and the user is signed out everywhere' })
  resetPassword(@UuidParam() id: string, @Body() dto: ResetPasswordDto, @Caller() caller: CurrentUser): Promise<void> {
    return this.users.resetPassword(id, dto, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteUser', summary: 'Delete a user' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'You cannot delete your own account' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.users.remove(id, caller);
  }
}
