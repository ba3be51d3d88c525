import { useState } from 'react';
import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useRouteContext } from '@tanstack/react-router';
import { errorMessageJa } from '../../platform/api/errors';
import { formatNumber } from '../../platform/format/format';
import { useLabels } from '../../platform/labels/labels';
import { QueryState } from '../../platform/shell/QueryState';
import { ExportButtons } from '../../platform/tables/ExportButtons';
import { AnchorLink } from './AnchorLink';
import { allNodes } from './group-tree';
import { GroupSummary } from './GroupSummary';
import { GroupTree } from './GroupTree';
import type { GroupNode } from './model';
import { companyGroupQuery, companyGroupsChanged, mayRegisterProspects, registerProspect } from './queries';

type Notice = { kind: 'sent'; name: string; prospectId: string; stage: string } | { kind: 'queued'; name: string } | { kind: 'error'; error: unknown };

/**
 * A company's page: its facts and the whole group it belongs to (from the ultimate parent
 * down) as a tree, the company marked; 「事業所として登録」 on an unorganized company starts its
 * prospect in one click, and the tree then shows the prospect's stage.
 */
export function CompanyGroupPage() {
  const { companyId } = useParams({ from: '/signed-in/company-groups/$companyId' });
  const { me } = useRouteContext({ from: '/signed-in' });
  const label = useLabels();
  const group = useQuery(companyGroupQuery(companyId));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [registering, setRegistering] = useState<string>();
  const [notice, setNotice] = useState<Notice>();

  const register = async (node: GroupNode) => {
    setRegistering(node.company.id);
    setNotice(undefined);
    try {
      const result = await registerProspect(node.company);
      setNotice(
        result.state === 'sent'
          ? { kind: 'sent', name: node.company.name, prospectId: result.response.id, stage: result.response.stage }
          : { kind: 'queued', name: node.company.name },
      );
      await companyGroupsChanged(queryClient);
    } catch (error) {
      setNotice({ kind: 'error', error });
      await companyGroupsChanged(queryClient);
    } finally {
      setRegistering(undefined);
    }
  };

  return (
    <QueryState isPending={group.isPending} error={group.error}>
      {() => {
        const data = group.data!;
        const root = data.root;
        const company = allNodes(root).find((n) => n.company.id === companyId) ?? root;
        const c = company.company;
        const groupName = `${root.company.name}グループ`;
        return (
          <Stack gap="lg">
            <Stack gap={4}>
              <Anchor component={Link} to="/company-groups" size="sm">
                ← 企業グループ
              </Anchor>
              <Title order={1} style={{ overflowWrap: 'anywhere' }}>
                {c.name}
              </Title>
              <Text size="sm">
                {[
                  c.corporateNumber ? `法人番号 ${c.corporateNumber}` : null,
                  [c.prefecture, c.municipality].filter(Boolean).join('') || null,
                  company.employees === null ? null : `従業員 ${formatNumber(company.employees)}人`,
                  company.statusLabel,
                ]
                  .filter(Boolean)
                  .join('・')}
              </Text>
            </Stack>

            {notice?.kind === 'sent' && (
              <Alert color="green" role="status" withCloseButton closeButtonLabel="閉じる" onClose={() => setNotice(undefined)}>
                {notice.name}を事業所として登録しました(ステージ: {label('stages', notice.stage)})。{' '}
                <AnchorLink to="/prospects/$id" params={{ id: notice.prospectId }}>
                  事業所を開く
                </AnchorLink>
              </Alert>
            )}
            {notice?.kind === 'queued' && (
              <Alert color="blue" role="status" withCloseButton closeButtonLabel="閉じる" onClose={() => setNotice(undefined)}>
                {notice.name}の登録を送信待ちに入れました。電波が戻ると登録されます。
              </Alert>
            )}
            {notice?.kind === 'error' && (
              <Alert color="red" role="alert" withCloseButton closeButtonLabel="閉じる" onClose={() => setNotice(undefined)}>
                {errorMessageJa(notice.error)}
              </Alert>
            )}

            <Stack gap="sm" component="section" aria-labelledby="group-heading">
              <Group justify="space-between" align="flex-end">
                <Title order={2} size="h3" id="group-heading">
                  {groupName}
                </Title>
                <ExportButtons name={groupName} of={companyGroupQuery(companyId)} />
              </Group>
              <GroupSummary totals={data.totals} caption={`${groupName}の合計`} prefecture={data.prefecture} />
              <Text size="sm" c="dimmed" visibleFrom="sm">
                ↑↓で移動、→で開く、←で閉じる、Enterで企業のページを開きます。
              </Text>
              <GroupTree
                key={root.company.id}
                root={root}
                focusId={companyId}
                label={groupName}
                onRegister={mayRegisterProspects(me.role) ? (node) => void register(node) : undefined}
                registering={registering}
                companyPath={(id) => void navigate({ to: '/company-groups/$companyId', params: { companyId: id } })}
              />
            </Stack>
          </Stack>
        );
      }}
    </QueryState>
  );
}
