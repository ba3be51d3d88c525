import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '../common/auth/roles';
import { Audited } from '../database/audited';

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
}
