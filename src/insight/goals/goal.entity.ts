import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Milestone } from './goal-progress';
import { Audited } from '../../platform/database/audited';

/** A membership goal for the chapter, one federation, one council, or a federation in a council. */
@Entity('goals')
export class Goal extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  name!: string;

  @Column()
  targetMembers!: number;

  @Column({ type: 'date' })
  targetOn!: string;

  @Column({ type: 'date' })
  baselineOn!: string;

  @Column({ type: 'uuid', nullable: true })
  federationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  regionalCouncilId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  parentGoalId!: string | null;

  @Column({ type: 'jsonb' })
  milestones!: Milestone[];
}
