import type { Schemas } from '../../platform/api/client';

/** The shapes of `/company-groups` and `/companies` as the screen uses them (from the API's OpenAPI document). */
export type Company = Schemas['CompanyDto'];
export type GroupNode = Schemas['CompanyGroupNodeDto'];
export type GroupTotals = Schemas['GroupTotalsDto'];
export type CompanyGroup = Schemas['CompanyGroupDto'];
export type GroupSummaryRow = Schemas['CompanyGroupSummaryDto'];
export type CompanyStatus = GroupNode['status'];
/** What the tree needs of a company. */
export type GroupCompany = Pick<Company, 'id' | 'name'>;
