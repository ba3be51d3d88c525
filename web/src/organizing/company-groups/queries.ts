import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../platform/api/client';
import { unwrap } from '../../platform/api/errors';
import type { Role } from '../../platform/shell/screens';
import { withExport } from '../../platform/tables/export-url';
import { sendOrQueue, type SendResult } from '../outbox/outbox';
import { followUpKeys, prospectKeys, todayInJapan } from '../pipeline/queries';
import type { GroupCompany } from './model';

/**
 * 企業グループ's reads and its one write. Reads: companies by name or 法人番号, a company's
 * group (one tree from the ultimate parent), and the target list; each list's query carries
 * its export source for 「Excelで出力」「CSVで出力」. The write, 「事業所として登録」, goes
 * through the outbox like every organizing write.
 */
export const companyGroupKeys = {
  all: ['company-groups'] as const,
  group: (companyId: string) => ['company-groups', 'group', companyId] as const,
  targets: (filter: TargetFilter) => ['company-groups', 'targets', filter] as const,
  companies: (filter: { q: string }) => ['company-groups', 'companies', filter] as const,
};

export interface TargetFilter {
  prefecture?: string;
  hasUnorganized?: true;
}

export const companiesQuery = (filter: { q: string }) =>
  queryOptions({
    queryKey: companyGroupKeys.companies(filter),
    queryFn: () => unwrap(api.GET('/api/v1/companies', { params: { query: { limit: 50, q: filter.q } } })),
  });

/** The whole group of a company, from its ultimate parent down. */
export const companyGroupQuery = (companyId: string) =>
  withExport(
    queryOptions({
      queryKey: companyGroupKeys.group(companyId),
      queryFn: () => unwrap(api.GET('/api/v1/company-groups/{companyId}', { params: { path: { companyId } } })),
    }),
    '/api/v1/company-groups/{companyId}',
    {},
    { companyId },
  );

/** Groups with a union affiliated here and (when asked) unorganized companies, in a prefecture. */
export const targetGroupsQuery = (filter: TargetFilter) => {
  const query = { hasAffiliatedUnion: true, ...filter } as const;
  return withExport(
    queryOptions({
      queryKey: companyGroupKeys.targets(filter),
      queryFn: () => unwrap(api.GET('/api/v1/company-groups', { params: { query: { limit: 500, ...query } } })),
    }),
    '/api/v1/company-groups',
    query,
  );
};

/** Who may create prospects (POST /prospects answers 403 to the others): council staff and admins. */
export function mayRegisterProspects(role: Role): boolean {
  return role === 'regional' || role === 'admin';
}

/** 「事業所として登録」: a prospect filled from the company (employer, municipality, council, industry), its next action due today so it is on 今日 at once. */
export function registerProspect(company: GroupCompany): Promise<SendResult<'createProspect'>> {
  return sendOrQueue({
    kind: 'createProspect',
    label: `新規事業所 ${company.name}`,
    body: { fromCompanyId: company.id, stage: 'identified', nextActionOn: todayInJapan() },
  });
}

/** After a registration: the groups (their stages), the workplaces and the follow-ups. */
export async function companyGroupsChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: companyGroupKeys.all });
  void queryClient.invalidateQueries({ queryKey: prospectKeys.all });
  void queryClient.invalidateQueries({ queryKey: followUpKeys.all });
}
