import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

/** An industry sector group (産業別部門連絡会); data, not code, since the grouping is under review. */
@Entity('sectors')
export class Sector extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  code!: string;

  @Column()
  name!: string;

  @Column({ type: 'text', nullable: true })
  nameEn!: string | null;
}
