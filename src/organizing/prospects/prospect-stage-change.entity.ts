import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Stage } from './stage-rules';

export type StageChangeKind = 'created' | 'moved' | 'reopened' | 'affiliated';

/** One stage a prospect entered: who, when, from, to and why. Never updated. */
@Entity('prospect_stage_changes')
export class ProspectStageChange {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column({ type: 'uuid' })
  prospectId!: string;

  @Column({ type: 'text' })
  kind!: StageChangeKind;

  @Column({ type: 'text', nullable: true })
  fromStage!: Stage | null;

  @Column({ type: 'text' })
  toStage!: Stage;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid', nullable: true })
  changedBy!: string | null;

  @Column({ type: 'timestamptz', insert: false, update: false })
  changedAt!: Date;
}
