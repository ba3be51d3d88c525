import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import * as argon2 from 'argon2';
import { DataSource, Repository } from 'typeorm';
import { Sql, query, sql } from '../database/sql';
import { selectPage } from '../database/select-page';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CurrentUser, Role } from '../common/auth/roles';
import { badField, conflict, notFound } from '../common/errors/domain-error';
import { PlatformErrorCode } from '../error-codes';
import { Page, page } from '../common/http/pagination';
import { containsPattern } from '../common/like-pattern';
import { versionedUpdate } from '../common/http/versioned-update';
import { SessionRevocations } from '../auth/session-revocations';
import { AuditLog, changesBetween } from '../audit/audit-log';
import type { AuditAction } from '../audit/audit-actions';
import { CreateUserDto, ListUsersQuery, ResetPasswordDto, UpdateUserDto, UserDto, toUserDto } from './dto/user.dto';
import { USER_COLUMNS, User } from './user.entity';

export const hashPassword = (password: string): Promise<string> => argon2.hash(password);

/** A user's council and federation must fit the role (see README "Roles"). */
function checkScopeFields(role: Role, regionalCouncilId?: string | null, federationId?: string | null): void {
  const needsCouncil = role === 'regional' || role === 'organizer';
  const needsFederation = role === 'federation';
  if (needsCouncil && !regionalCouncilId) throw badField('regionalCouncilId', PlatformErrorCode.REQUIRED, `is required for role ${role}`);
  if (!needsCouncil && regionalCouncilId) throw badField('regionalCouncilId', PlatformErrorCode.MUST_BE_EMPTY, `must be empty for role ${role}`);
  if (needsFederation && !federationId) throw badField('federationId', PlatformErrorCode.REQUIRED, 'is required for role federation');
  if (!needsFederation && federationId) throw badField('federationId', PlatformErrorCode.MUST_BE_EMPTY, `must be empty for role ${role}`);
}

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
    private readonly audit: AuditLog,
  ) {}

  /** On start: if no user exists and ADMIN_EMAIL/ADMIN_PASSWORD are set, create the first admin. */
  async onApplicationBootstrap(): Promise<void> {
    const { adminEmail, adminPassword } = this.config;
    if (!adminEmail || !adminPassword) return;
    const passwordHash = await hashPassword(adminPassword);
    const created = await query<unknown[]>(
      this.db,
      sql`INSERT INTO users (email, password_hash, display_name, role)
          SELECT ${adminEmail}, ${passwordHash}, 'Administrator', 'admin' WHERE NOT EXISTS (SELECT 1 FROM users)
          ON CONFLICT DO NOTHING RETURNING id`,
    );
    if (created.length) this.logger.log(`created the first admin ${adminEmail}`);
  }

  async list(filter: ListUsersQuery): Promise<Page<UserDto>> {
    const conditions: Sql[] = [];
    if (filter.role) conditions.push(sql`u.role = ${filter.role}`);
    if (filter.regionalCouncilId) conditions.push(sql`u.regional_council_id = ${filter.regionalCouncilId}`);
    if (filter.federationId) conditions.push(sql`u.federation_id = ${filter.federationId}`);
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      conditions.push(sql`u.email ILIKE ${pattern} OR u.display_name ILIKE ${pattern}`);
    }
    const where = sql.and(conditions);
    const { rows, total } = await selectPage<User>(this.db, { columns: USER_COLUMNS, from: sql`users u`, where, orderBy: sql`u.email ASC` }, filter);
    return page(rows.map(toUserDto), total, filter);
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return toUserDto(user);
  }

  async create(dto: CreateUserDto, caller: CurrentUser): Promise<UserDto> {
    checkScopeFields(dto.role, dto.regionalCouncilId, dto.federationId);
    await this.checkReferences(dto);
    const taken = await query<unknown[]>(this.db, sql`SELECT 1 FROM users u WHERE lower(u.email) = lower(${dto.email}) LIMIT 1`);
    if (taken.length) {
      throw conflict(PlatformErrorCode.DUPLICATE, 'email is already in use', [{ field: 'email', message: 'is already in use' }]);
    }
    const { password, ...rest } = dto;
    // a concurrent duplicate still meets the unique index on lower(email): 409 naming email
    const passwordHash = await hashPassword(password);
    const saved = await this.db.transaction(async (manager) => {
      const user = await manager.save(User, manager.create(User, { ...rest, passwordHash, createdBy: caller.id, updatedBy: caller.id }));
      await this.audit.record(manager, caller, { action: 'user.created', targetId: user.id, scope: user, changes: changesBetween(null, user) });
      return user;
    });
    return this.get(saved.id);
  }

  async update(id: string, dto: UpdateUserDto, caller: CurrentUser, action?: AuditAction): Promise<UserDto> {
    const current = await this.users.findOneBy({ id });
    if (!current) throw notFound('User');
    const { version, password, disabled, ...rest } = dto;
    const next = { ...current, ...rest };
    if (disabled === true && id === caller.id) {
      throw conflict(PlatformErrorCode.CANNOT_DISABLE_SELF, 'You cannot disable your own account', [
        { field: 'disabled', message: 'cannot be set on your own account' },
      ]);
    }
    checkScopeFields(next.role, next.regionalCouncilId, next.federationId);
    await this.checkReferences(rest);
    if (id === caller.id && next.role !== 'admin') {
      throw conflict(PlatformErrorCode.CANNOT_DEMOTE_SELF, 'You cannot take the admin role from your own account', [
        { field: 'role', message: 'cannot be changed on your own account' },
      ]);
    }
    const patch: Record<string, unknown> = { ...rest, updatedBy: caller.id };
    if (password !== undefined) patch.passwordHash = await hashPassword(password);
    if (disabled !== undefined) patch.disabledAt = disabled ? (current.disabledAt ?? new Date()) : null;
    const describe = (before: User | null, after: User | null): { action: AuditAction; scope: User | null } => {
      const scopeChanged =
        before && after && (before.role !== after.role || before.regionalCouncilId !== after.regionalCouncilId || before.federationId !== after.federationId);
      const disabledChanged = before && after && (before.disabledAt === null) !== (after.disabledAt === null);
      const named: AuditAction = disabledChanged
        ? after.disabledAt
          ? 'user.disabled'
          : 'user.enabled'
        : scopeChanged
          ? 'user.role_changed'
          : password !== undefined
            ? 'user.password_changed'
            : 'user.updated';
      return { action: action ?? named, scope: after };
    };
    const updated = await this.db.transaction((manager) =>
      this.audit.recordChange(manager, caller, User, id, describe, () => versionedUpdate(manager, User, id, version, patch)),
    );
    if (!updated) throw notFound('User');
    // whoever knew the old password is signed out with it; a disabled user everywhere (the guard also refuses them by disabled_at)
    if (password !== undefined || disabled === true) await this.revocations.revokeAllOf(id);
    return this.get(id);
  }

  async resetPassword(id: string, { password }: ResetPasswordDto, caller: CurrentUser): Promise<void> {
    await this.update(id, { password }, caller, 'user.password_reset');
  }

  /** 409 while the user is still referenced (e.g. as the author of visits). */
  async remove(id: string, caller: CurrentUser): Promise<void> {
    if (id === caller.id) throw conflict(PlatformErrorCode.CANNOT_DELETE_SELF, 'You cannot delete your own account');
    const deleted = await this.db.transaction((manager) =>
      this.audit.recordChange(
        manager,
        caller,
        User,
        id,
        (before) => ({ action: 'user.deleted', scope: before }),
        async () => (await manager.delete(User, { id })).affected === 1,
      ),
    );
    if (!deleted) throw notFound('User');
  }

  private async checkReferences(dto: { regionalCouncilId?: string | null; federationId?: string | null }): Promise<void> {
    if (dto.regionalCouncilId && !(await this.exists('regional_councils', dto.regionalCouncilId))) {
      throw badField('regionalCouncilId', PlatformErrorCode.UNKNOWN_REFERENCE, 'is not a known regional council');
    }
    if (dto.federationId && !(await this.exists('federations', dto.federationId))) {
      throw badField('federationId', PlatformErrorCode.UNKNOWN_REFERENCE, 'is not a known federation');
    }
  }

  private async exists(table: 'regional_councils' | 'federations', id: string): Promise<boolean> {
    const rows = await query<unknown[]>(this.db, sql`SELECT 1 FROM ${sql.ident(table)} WHERE id = ${id}`);
    return rows.length > 0;
  }
}
