import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Audited } from '../../platform/database/audited';

/** The categories of 有価証券報告書「関係会社の状況」. */
export const RELATION_KINDS = ['parent_subsidiary', 'consolidated_subsidiary', 'unconsolidated_subsidiary', 'equity_affiliate', 'other_related'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** The kinds by which a parent controls its child: a company has at most one current controlling parent. */
export const CONTROLLING_KINDS: readonly RelationKind[] = ['parent_subsidiary', 'consolidated_subsidiary', 'unconsolidated_subsidiary'];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** parent → child, with the kind, voting share and period the source gives. */
@Entity('company_relations')
export class CompanyRelation extends Audited {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  parentId!: string;

  @Column({ type: 'uuid' })
  childId!: string;

  @Column({ type: 'text' })
  kind!: RelationKind;

  @Column({ type: 'numeric', nullable: true })
  votingShare!: string | null;

  @Column({ type: 'date', nullable: true })
  startOn!: string | null;

  @Column({ type: 'date', nullable: true })
  endOn!: string | null;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'text' })
  confidence!: Confidence;
}
