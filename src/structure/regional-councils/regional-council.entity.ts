import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

/** A regional council (地域連合): an area body of the chapter; every union and prospect lies in one. */
@Entity('regional_councils')
export class RegionalCouncil extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  code!: string;

  @Column()
  name!: string;

  @Column({ type: 'text', nullable: true })
  nameEn!: string | null;

  /** The cities and towns it covers, e.g. 藤沢市, 茅ヶ崎市, 寒川町. */
  @Column({ type: 'text', array: true })
  municipalities!: string[];
}
