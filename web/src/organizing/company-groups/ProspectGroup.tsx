import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatNumber } from '../../platform/format/format';
import { QueryState } from '../../platform/shell/QueryState';
import { AnchorLink } from './AnchorLink';
import { formatRate } from './group-format';
import { companyGroupQuery } from './queries';

/** On a workplace's page: the corporate group its company belongs to, with a link to the group's tree. */
export function ProspectGroup({ companyId }: { companyId: string }) {
  const group = useQuery(companyGroupQuery(companyId));
  return (
    <Stack gap="xs" component="section" aria-labelledby="company-group-heading">
      <Title order={2} size="h3" id="company-group-heading">
        企業グループ
      </Title>
      <QueryState isPending={group.isPending} error={group.error}>
        {() => {
          const { root, totals } = group.data!;
          const parent = root.company;
          return (
            <Text size="sm">
              <AnchorLink to="/company-groups/$companyId" params={{ companyId }} data-testid="prospect-company-group">
                {parent.name}グループ
              </AnchorLink>
              (企業 {formatNumber(totals.companies)}社・組合員 {formatNumber(totals.organizedMembers)}人・組織率 {formatRate(totals.organizationRate)}・未組織{' '}
              {formatNumber(totals.unorganizedCompanies)}社)
            </Text>
          );
        }}
      </QueryState>
    </Stack>
  );
}
