import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

export const UNION_STATUSES = ['active', 'dissolved', 'merged'] as const;
export type UnionStatus = (typeof UNION_STATUSES)[number];
/** enterprise: 企業別組合; general: a general union open to anyone in an area; direct: affiliated to the chapter directly. */
export const UNION_KINDS = ['enterprise', 'general', 'direct'] as const;
export type UnionKind = (typeof UNION_KINDS)[number];

/** A union (単組): in one regional council, and in one federation unless directly affiliated. */
@Entity('unions')
export class Union extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column()
  name!: string;

  @Column({ type: 'uuid', nullable: true })
  federationId!: string | null;

  @Column({ type: 'uuid' })
  regionalCouncilId!: string;

  @Column()
  employerName!: string;

  @Column({ type: 'text', nullable: true })
  municipality!: string | null;

  @Column({ type: 'date', nullable: true })
  affiliatedOn!: string | null;

  @Column({ type: 'text' })
  status!: UnionStatus;

  @Column({ type: 'text' })
  kind!: UnionKind;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;
}
