import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

/** 日本標準産業分類 (JSIC) 大分類: A 農業，林業 … T 分類不能の産業. */
export const INDUSTRY_CODES = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;
export type IndustryCode = (typeof INDUSTRY_CODES)[number];

/** What is known of a union outside the chapter: none (未組織), other_union (他労組), unknown (不明). */
export const UNION_PRESENCES = ['none', 'other_union', 'unknown'] as const;
export type UnionPresence = (typeof UNION_PRESENCES)[number];

/** A company: public facts about an employer (never about its workers). */
@Entity('companies')
export class Company extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', nullable: true })
  corporateNumber!: string | null;

  @Column({ type: 'text', nullable: true })
  edinetCode!: string | null;

  @Column()
  name!: string;

  @Column({ type: 'text', nullable: true })
  nameKana!: string | null;

  @Column()
  nameNormalized!: string;

  @Column({ type: 'text', nullable: true })
  prefecture!: string | null;

  @Column({ type: 'text', nullable: true })
  municipality!: string | null;

  @Column({ type: 'text', nullable: true })
  industryCode!: IndustryCode | null;

  @Column({ type: 'int', nullable: true })
  employeesCount!: number | null;

  @Column({ type: 'date', nullable: true })
  employeesAsOf!: string | null;

  @Column({ type: 'text', nullable: true })
  employeesSource!: string | null;

  @Column({ type: 'boolean', nullable: true })
  listed!: boolean | null;

  @Column({ type: 'text' })
  unionPresence!: UnionPresence;

  @Column({ type: 'text', nullable: true })
  otherUnionName!: string | null;
}
