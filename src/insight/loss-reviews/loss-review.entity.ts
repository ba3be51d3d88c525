import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

/** A regional council's review of why members were lost in a period, and what it will do. */
@Entity('loss_reviews')
export class LossReview extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  regionalCouncilId!: string;

  /** First day of the first month reviewed. */
  @Column({ type: 'date' })
  periodFrom!: string;

  /** First day of the last month reviewed. */
  @Column({ type: 'date' })
  periodTo!: string;

  @Column({ type: 'text', array: true })
  causes!: string[];

  @Column({ type: 'text' })
  findings!: string;

  @Column({ type: 'text' })
  countermeasures!: string;
}
