import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../common/auth/roles';
import { Audited } from '../database/audited';
import { sql } from '../database/sql';

@Entity('users')
export class User extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  email!: string;

  @Column({ select: false })
  passwordHash!: string;

  @Column()
  displayName!: string;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  regionalCouncilId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  federationId!: string | null;

  /** When an admin disabled the account; set: no session, token or calendar feed of theirs works. */
  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}

/** A user row (alias u) in the entity's shape, without the password hash (as `select: false` leaves it out). */
export const USER_COLUMNS = sql`u.id, u.email, u.display_name AS "displayName", u.role, u.regional_council_id AS "regionalCouncilId",
  u.federation_id AS "federationId", u.disabled_at AS "disabledAt", u.version, u.created_at AS "createdAt", u.updated_at AS "updatedAt",
  u.created_by AS "createdBy", u.updated_by AS "updatedBy"`;
