import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

/** An affiliated industrial federation (構成組織・産別), grouped into a sector (産業別部門). */
@Entity('federations')
export class Federation extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column()
  code!: string;

  @Column()
  name!: string;

  @Column({ type: 'text', nullable: true })
  nameEn!: string | null;

  @Column()
  sectorCode!: string;
}
