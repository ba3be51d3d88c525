import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CurrentUser, Role } from '../common/auth/roles';
import { badField, conflict, notFound } from '../common/errors/domain-error';
import { Page, page } from '../common/http/pagination';
import { versionedUpdate } from '../common/http/versioned-update';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto, toUserDto } from './dto/user.dto';
import { User } from './user.entity';

export const hashPassword = (password: string): Promise<string> => argon2.hash(password);

/** A user's council and federation must fit the role (see README "Roles"). */
function checkScopeFields(role: Role, regionalCouncilId?: string | null, federationId?: string | null): void {
  const needsCouncil = role === 'regional' || role === 'organizer';
  const needsFederation = role === 'federation';
  if (needsCouncil && !regionalCouncilId) throw badField('regionalCouncilId', `is required for role ${role}`);
  if (!needsCouncil && regionalCouncilId) throw badField('regionalCouncilId', `must be empty for role ${role}`);
  if (needsFederation && !federationId) throw badField('federationId', 'is required for role federation');
  if (!needsFederation && federationId) throw badField('federationId', `must be empty for role ${role}`);
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** On start: if no user exists and ADMIN_EMAIL/ADMIN_PASSWORD are set, create the first admin. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const passwordHash = await hashPassword(adminPassword);
    const created: unknown[] = await this.db.query(
      `INSERT INTO users (email, password_hash, display_name, role)
       SELECT $1, $2, 'Administrator', 'admin' WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT DO NOTHING RETURNING id`,
      [adminEmail, passwordHash],
    );
    if (created.length) this.logger.log(`created the first admin ${adminEmail}`);
  }

  async list(query: ListUsersQuery): Promise<Page<UserDto>> {
    const [rows, total] = await this.users.findAndCount({
      where: { role: query.role, regionalCouncilId: query.regionalCouncilId, federationId: query.federationId },
      order: { email: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(rows.map(toUserDto), total, query);
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  async create(dto: CreateUserDto, caller: CurrentUser): Promise<UserDto> {
    checkScopeFields(dto.role, dto.regionalCouncilId, dto.federationId);
    const { password, ...rest } = dto;
    const saved = await this.users.save(
      this.users.create({ ...rest, passwordHash: await hashPassword(password), createdBy: caller.id, updatedBy: caller.id }),
    );
    return this.get(saved.id);
  }

  async update(id: string, dto: UpdateUserDto, caller: CurrentUser): Promise<UserDto> {
    const current = await this.users.findOneBy({ id });
    if (!current) throw notFound('User');
    const { version, password, ...rest } = dto;
    const next = { ...current, ...rest };
    checkScopeFields(next.role, next.regionalCouncilId, next.federationId);
    const patch: Record<string, unknown> = { ...rest, updatedBy: caller.id };
    if (password !== undefined) patch.passwordHash = await hashPassword(password);
    if (!(await versionedUpdate(this.users.manager, User, id, version, patch))) throw notFound('User');
    return this.get(id);
  }

  async remove(id: string, caller: CurrentUser): Promise<void> {
    if (id === caller.id) throw conflict('CANNOT_DELETE_SELF', 'You cannot delete your own account');
    const result = await this.users.delete({ id });
    if (!result.affected) throw notFound('User');
  }
}
