import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessageJa, fieldProblem } from '../../platform/api/errors';
import { formatNumber } from '../../platform/format/format';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { useLabels } from '../../platform/labels/labels';
import { federationsQuery } from '../../structure/queries';
import { sendOrQueue } from '../outbox/outbox';
import { todayInJapan, type Prospect } from '../pipeline/queries';

const EMPLOYMENT_TYPES = ['regular', 'part_time', 'fixed_term', 'dispatch', 'other'] as const;
type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Whole members from what was typed (full-width digits too); 0 for nothing or nonsense. */
export const membersFrom = (typed: string): number => {
  const n = Number(typed.normalize('NFKC').replace(/[,\s]/g, ''));
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/** 加盟手続: the founded union, its federation and its members by employment type, in one step (POST /prospects/:id/affiliate). */
export function AffiliationForm({ prospect, onDone, onCancel }: { prospect: Prospect; onDone: (outcome: 'sent' | 'queued') => void; onCancel: () => void }) {
  const label = useLabels();
  const federations = useQuery(federationsQuery);
  const [unionName, setUnionName] = useState(`${prospect.employerName.replace(/^(株式会社|社会福祉法人)/, '')}労働組合`);
  const [federationId, setFederationId] = useState(prospect.targetFederationId ?? '');
  const [effectiveOn, setEffectiveOn] = useState(todayInJapan());
  const [members, setMembers] = useState<Record<EmploymentType, string>>({ regular: '', part_time: '', fixed_term: '', dispatch: '', other: '' });
  const [noMembers, setNoMembers] = useState(false);
  const queryClient = useQueryClient();
  const imeSafe = useImeSafeSubmit();

  const lines = EMPLOYMENT_TYPES.map((employmentType) => ({ employmentType, members: membersFrom(members[employmentType]) })).filter((l) => l.members > 0);
  const total = lines.reduce((sum, l) => sum + l.members, 0);
  const affiliate = useMutation({
    mutationFn: () =>
      sendOrQueue({
        label: `加盟手続 ${prospect.employerName}`,
        method: 'POST',
        path: `/api/v1/prospects/${prospect.id}/affiliate`,
        body: {
          unionName: unionName.trim(),
          ...(federationId ? { federationId } : {}),
          members: total,
          effectiveOn,
          employmentBreakdown: lines,
          version: prospect.version,
        },
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['prospects'] });
      onDone(result.state);
    },
  });
  const problem = (field: string) => fieldProblem(affiliate.error, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (total === 0) {
      setNoMembers(true);
      return;
    }
    setNoMembers(false);
    affiliate.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate aria-label="加盟手続">
      <Stack gap="md">
        <Text fw={700}>加盟手続</Text>
        {affiliate.error && (
          <Alert color="red" role="alert">
            {affiliate.error instanceof ApiError && affiliate.error.body.code === 'PROSPECT_ALREADY_AFFILIATED'
              ? 'この事業所はすでに加盟しています。'
              : errorMessageJa(affiliate.error)}
          </Alert>
        )}
        <TextInput label="組合名" required value={unionName} onChange={(e) => setUnionName(e.currentTarget.value)} error={problem('unionName')} />
        <NativeSelect
          label="加盟する構成組織"
          value={federationId}
          onChange={(e) => setFederationId(e.currentTarget.value)}
          data={[{ value: '', label: '構成組織に属さない(直接加盟)' }, ...(federations.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))]}
          error={problem('federationId')}
        />
        <TextInput
          label="加盟日"
          type="date"
          required
          value={effectiveOn}
          onChange={(e) => setEffectiveOn(e.currentTarget.value)}
          error={problem('effectiveOn')}
        />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={500} size="sm" mb={6}>
            雇用形態別の組合員数
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
            {EMPLOYMENT_TYPES.map((type) => (
              <TextInput
                key={type}
                label={label('employmentTypes', type)}
                inputMode="numeric"
                value={members[type]}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setMembers((m) => ({ ...m, [type]: value }));
                }}
              />
            ))}
          </SimpleGrid>
          <Text size="sm" mt={6} aria-live="polite">
            合計 {formatNumber(total)}名
          </Text>
          {(noMembers || problem('members') || problem('employmentBreakdown')) && (
            <Text c="red.8" size="sm" role="alert">
              {noMembers ? '組合員数を1名以上入力してください' : (problem('members') ?? problem('employmentBreakdown'))}
            </Text>
          )}
        </fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" loading={affiliate.isPending}>
            加盟を記録
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
