import { Column, CreateDateColumn, UpdateDateColumn } from 'typeorm';

/**
 * The columns every mutable record carries: the optimistic `version` (a PATCH with a
 * stale one is refused, see versionedUpdate) and who wrote it and when.
 */
export abstract class Audited {
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
