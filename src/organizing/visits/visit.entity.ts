import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

export const VISIT_KINDS = ['visit', 'phone', 'meeting', 'leaflet', 'online', 'consultation'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];
/** What happened at a company visit: 門前払い, 名刺交換, 面談, 再訪約束, 資料手交, 相談受付, その他. */
export const VISIT_OUTCOMES = ['turned_away', 'card_exchanged', 'meeting_held', 'revisit_promised', 'materials_left', 'consultation_taken', 'other'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

/** One contact with a workplace, logged by the organizer who made it (the author). */
@Entity('visits')
export class Visit extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  prospectId!: string;

  /** The author: only they edit the visit. */
  @Column({ type: 'uuid' })
  organizerId!: string;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'text' })
  kind!: VisitKind;

  @Column({ type: 'text', nullable: true })
  outcome!: VisitOutcome | null;

  @Column({ type: 'int', nullable: true })
  contactsReached!: number | null;

  /** 1 strong support (積極支持) … 3 undecided (中立) … 5 strong opposition (強い反対). */
  @Column({ type: 'smallint', nullable: true })
  supportLevel!: number | null;

  @Column()
  summary!: string;

  @Column({ type: 'date', nullable: true })
  nextActionOn!: string | null;
}
