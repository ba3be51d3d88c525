import type { Schemas } from '../../platform/api/client';

export type BodyKind = Schemas['CreateGovernanceBodyDto']['kind'];
export type OrganizationKind = Schemas['OrganizationRefDto']['kind'];

export interface CompositionValues {
  /** `kind:id` (the confederation: `confederation:`). */
  organization: string;
  bodyKind: BodyKind;
  fiscalYear: string;
  seats: string;
  women: string;
  men: string;
  unspecified: string;
  womenQuota: boolean;
}

export const organizationValue = (o: { kind: OrganizationKind; id: string | null }): string => `${o.kind}:${o.id ?? ''}`;

export function organizationOf(value: string): { kind: OrganizationKind; id: string | null } {
  const [kind, id] = value.split(':');
  return { kind: kind as OrganizationKind, id: id || null };
}

/** A count as typed: full-width digits and spaces allowed; empty is left out (the API names the field as required). */
export function countOf(text: string): number | undefined {
  const plain = text.normalize('NFKC').trim();
  return plain === '' ? undefined : Number(plain);
}

/** The PUT body of the values (the API checks the sum and names the fields). */
export function compositionBody(values: CompositionValues): Schemas['PutCompositionDto'] {
  return {
    seats: countOf(values.seats) as number,
    women: countOf(values.women) as number,
    men: countOf(values.men) as number,
    unspecified: countOf(values.unspecified) as number,
    womenQuota: values.womenQuota,
  };
}
