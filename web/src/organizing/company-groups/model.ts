/**
 * The shapes of `/company-groups` as the screen uses them (API.md "Companies and corporate
 * groups"). Provisional until the API's OpenAPI types land: then these become aliases of
 * `Schemas[...]`.
 */
export type CompanyStatus = 'affiliated' | 'other_union' | 'unorganized' | 'unknown';

export interface GroupCompany {
  id: string;
  name: string;
  corporateNumber?: string | null;
  prefecture?: string | null;
  municipality?: string | null;
}

export interface GroupNode {
  company: GroupCompany;
  relation: { kind: string; votingShare?: number | null } | null;
  unions: { id: string; name: string; federationId: string | null; members: number }[];
  prospect?: { id: string; stage: string; lastVisitOn: string | null } | null;
  employees: number | null;
  organizedMembers: number;
  organizationRate: number | null;
  status: CompanyStatus;
  children: GroupNode[];
}

export interface GroupTotals {
  companies: number;
  employees: number;
  organizedMembers: number;
  organizationRate: number | null;
  unorganizedCompanies: number;
  unorganizedInPrefecture: number;
  prospectsByStage: Record<string, number>;
}
