import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Stage, WorkingStage } from './stage-rules';
import { Audited } from '../../platform/database/audited';

export const PROSPECT_SOURCES = ['consultation', 'referral', 'federation', 'corporate_group', 'outreach', 'other'] as const;
export type ProspectSource = (typeof PROSPECT_SOURCES)[number];

/** An unorganized workplace an organizer works on, from first contact to an affiliated union. */
@Entity('prospects')
export class Prospect extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  employerName!: string;

  @Column({ type: 'text', nullable: true })
  employerNameKana!: string | null;

  @Column({ type: 'text', nullable: true })
  establishmentName!: string | null;

  @Column({ type: 'text', nullable: true })
  municipality!: string | null;

  @Column({ type: 'uuid' })
  regionalCouncilId!: string;

  @Column({ type: 'text', nullable: true })
  sectorCode!: string | null;

  @Column({ type: 'uuid', nullable: true })
  targetFederationId!: string | null;

  @Column({ type: 'int' })
  estimatedWorkers!: number;

  @Column({ type: 'int', nullable: true })
  workforceRegular!: number | null;

  @Column({ type: 'int', nullable: true })
  workforcePartTime!: number | null;

  @Column({ type: 'int', nullable: true })
  workforceFixedTerm!: number | null;

  @Column({ type: 'int', nullable: true })
  workforceDispatch!: number | null;

  @Column({ type: 'text' })
  source!: ProspectSource;

  @Column({ type: 'text' })
  stage!: Stage;

  @Column({ type: 'timestamptz' })
  stageChangedAt!: Date;

  @Column({ type: 'text', nullable: true })
  heldFromStage!: WorkingStage | null;

  @Column({ type: 'uuid', array: true })
  assignedOrganizerIds!: string[];

  @Column({ type: 'date', nullable: true })
  nextActionOn!: string | null;

  @Column({ type: 'uuid', nullable: true })
  unionId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  companyId!: string | null;
}
