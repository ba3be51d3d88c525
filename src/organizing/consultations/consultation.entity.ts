import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

export const CONSULTATION_CHANNELS = ['street', 'phone', 'web', 'walk_in'] as const;
export type ConsultationChannel = (typeof CONSULTATION_CHANNELS)[number];
export const CONSULTATION_TOPICS = ['dismissal', 'non_renewal', 'harassment', 'wages', 'hours', 'social_insurance', 'other'] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];

/** まちかど労働相談: a street-corner labour consultation. No worker names or contact details. */
@Entity('consultations')
export class Consultation extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'date' })
  receivedOn!: string;

  @Column({ type: 'uuid' })
  regionalCouncilId!: string;

  @Column({ type: 'text' })
  channel!: ConsultationChannel;

  @Column({ type: 'text', array: true })
  topics!: ConsultationTopic[];

  @Column({ type: 'text', nullable: true })
  employerName!: string | null;

  @Column({ type: 'int', nullable: true })
  workersConcerned!: number | null;

  @Column()
  summary!: string;

  @Column({ type: 'uuid', nullable: true })
  prospectId!: string | null;
}
