import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

export const ORGANIZATION_KINDS = ['confederation', 'federation', 'regional_council', 'union'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const GOVERNANCE_BODY_KINDS = ['executive_committee', 'top_officers', 'convention_delegates', 'central_committee', 'women_committee', 'other'] as const;
export type GovernanceBodyKind = (typeof GOVERNANCE_BODY_KINDS)[number];

/** A decision body (執行委員会, 三役, …) of the confederation, a federation, a regional council or a union. Never its members' names. */
@Entity('governance_bodies')
export class GovernanceBody extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  organizationKind!: OrganizationKind;

  @Column({ type: 'uuid', nullable: true })
  federationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  regionalCouncilId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  unionId!: string | null;

  @Column({ type: 'text' })
  kind!: GovernanceBodyKind;

  @Column({ type: 'text' })
  name!: string;
}

/** A body's composition in one fiscal year, as counts: seats = women + men + unspecified. */
@Entity('governance_compositions')
export class GovernanceComposition extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  bodyId!: string;

  @Column({ type: 'int' })
  fiscalYear!: number;

  @Column({ type: 'int' })
  seats!: number;

  @Column({ type: 'int' })
  women!: number;

  @Column({ type: 'int' })
  men!: number;

  @Column({ type: 'int' })
  unspecified!: number;

  @Column({ type: 'boolean' })
  womenQuota!: boolean;
}
