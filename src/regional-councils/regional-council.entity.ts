import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A regional council (地域連合): an area body of the chapter; every union and prospect lies in one. */
@Entity('regional_councils')
export class RegionalCouncil {
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
