import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../common/auth/auth.decorators';
import type { CurrentUser } from '../common/auth/roles';
import { ApiPage, Page } from '../common/http/pagination';
import { UuidParam } from '../common/http/uuid-param';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto } from './dto/user.dto';
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

  @Delete(':id')
  @HttpCode(204)
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.users.remove(id, caller);
  }
}
