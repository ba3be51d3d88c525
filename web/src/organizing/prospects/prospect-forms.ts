import type { AffiliationBody, NewProspectBody } from '../queries';

/** Whole members (or workers) from what was typed (full-width digits and commas too); 0 for nothing or nonsense. */
export const membersFrom = (typed: string): number => {
  const n = Number(typed.normalize('NFKC').replace(/[,\s]/g, ''));
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/** An employment type as the API names it; the console takes the list from the labels (GET /labels), never a copy of its own. */
export type EmploymentType = NonNullable<AffiliationBody['employmentBreakdown']>[number]['employmentType'];

/** 加盟手続 as the form edits it: members by employment type as typed, one entry per type the API knows, in its order. */
export interface AffiliationValues {
  unionName: string;
  federationId: string;
  effectiveOn: string;
  members: Partial<Record<EmploymentType, string>>;
}

/** The union's name starts from the employer's, without its legal form (株式会社みなと物流 → みなと物流労働組合). */
export function affiliationValuesOf(
  prospect: { employerName: string; targetFederationId: string | null },
  today: string,
  employmentTypes: readonly string[],
): AffiliationValues {
  return {
    unionName: `${prospect.employerName.replace(/^(株式会社|社会福祉法人)/, '')}労働組合`,
    federationId: prospect.targetFederationId ?? '',
    effectiveOn: today,
    members: Object.fromEntries(employmentTypes.map((type) => [type, ''])),
  };
}

/** The lines with members, by employment type (gender not asked here: unspecified, as the API's default). */
export function affiliationLines(members: AffiliationValues['members']) {
  return (Object.entries(members) as [EmploymentType, string | undefined][])
    .map(([employmentType, typed]) => ({ employmentType, gender: 'unspecified' as const, members: membersFrom(typed ?? '') }))
    .filter((l) => l.members > 0);
}

export const affiliationTotal = (members: AffiliationValues['members']): number => affiliationLines(members).reduce((sum, l) => sum + l.members, 0);

/** What the API is sent: the union (an enterprise union, the API's default), its federation if any, the total and its lines. */
export function affiliationBody(values: AffiliationValues, version: number): AffiliationBody {
  const lines = affiliationLines(values.members);
  return {
    unionName: values.unionName.trim(),
    kind: 'enterprise',
    ...(values.federationId ? { federationId: values.federationId } : {}),
    members: lines.reduce((sum, l) => sum + l.members, 0),
    effectiveOn: values.effectiveOn,
    employmentBreakdown: lines,
    version,
  };
}

/** 新規事業所 as the form edits it. */
export interface NewProspectValues {
  employerName: string;
  employerNameKana: string;
  establishmentName: string;
  municipality: string;
  estimatedWorkers: string;
  source: NewProspectBody['source'];
  nextActionOn: string;
  /** 担当オルガナイザー (optional): organizers of the council, whose 今日 lists the workplace. */
  assignedOrganizerIds: string[];
}

export const emptyNewProspect = (): NewProspectValues => ({
  employerName: '',
  employerNameKana: '',
  establishmentName: '',
  municipality: '',
  estimatedWorkers: '',
  source: 'outreach',
  nextActionOn: '',
  assignedOrganizerIds: [],
});

/** The form's own checks: a name, and a number of workers (0 may be typed as such). */
export const newProspectChecks = {
  employerName: (value: string) => (value.trim() ? null : '入力してください'),
  estimatedWorkers: (value: string) => (membersFrom(value) || value.trim() === '0' ? null : '入力してください'),
};

/** What the API is sent: the council's new workplace at 候補把握 (the API's default), empty fields left out. */
export function newProspectBody(values: NewProspectValues, regionalCouncilId: string | null): NewProspectBody {
  return {
    employerName: values.employerName.trim(),
    ...(values.employerNameKana.trim() ? { employerNameKana: values.employerNameKana.trim() } : {}),
    ...(values.establishmentName.trim() ? { establishmentName: values.establishmentName.trim() } : {}),
    ...(values.municipality ? { municipality: values.municipality } : {}),
    ...(regionalCouncilId ? { regionalCouncilId } : {}),
    estimatedWorkers: membersFrom(values.estimatedWorkers),
    source: values.source,
    stage: 'identified',
    ...(values.nextActionOn ? { nextActionOn: values.nextActionOn } : {}),
    ...(values.assignedOrganizerIds.length ? { assignedOrganizerIds: values.assignedOrganizerIds } : {}),
  };
}
