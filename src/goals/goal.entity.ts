import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Milestone } from './goal-progress';

/** A membership goal for the chapter, one federation, one council, or a federation in a council. */
@Entity('goals')
export class Goal {
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

  @Column()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
