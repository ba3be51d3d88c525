import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessageJa } from '../../platform/api/errors';
import { formatNumber } from '../../platform/format/format';
import { useApiForm } from '../../platform/forms/useApiForm';
import { useLabels } from '../../platform/labels/labels';
import { federationsQuery } from '../../structure/queries';
import { affiliate, prospectsChanged, todayInJapan, type Prospect } from '../queries';
import { affiliationBody, affiliationTotal, affiliationValuesOf } from './prospect-forms';

/** 加盟手続: the founded union, its federation and its members by employment type, in one step (POST /prospects/:id/affiliate). */
export function AffiliationForm({ prospect, onDone, onCancel }: { prospect: Prospect; onDone: (outcome: 'sent' | 'queued') => void; onCancel: () => void }) {
  const label = useLabels();
  const federations = useQuery(federationsQuery);
  const queryClient = useQueryClient();
  const employmentTypes = label.options('employmentTypes');

  const { values, field, problem, formProps, saving, error } = useApiForm({
    initialValues: affiliationValuesOf(
      prospect,
      todayInJapan(),
      employmentTypes.map((t) => t.value),
    ),
    validate: { members: (members) => (affiliationTotal(members) === 0 ? '組合員数を1名以上入力してください' : null) },
    save: (v) => affiliate(prospect, affiliationBody(v, prospect.version)),
    onSaved: async (result) => {
      await prospectsChanged(queryClient);
      onDone(result.state);
    },
  });
  const membersProblem = problem('members', 'members') ?? problem('employmentBreakdown');

  return (
    <form {...formProps} aria-label="加盟手続">
      <Stack gap="md">
        <Text fw={700}>加盟手続</Text>
        {error !== null && (
          <Alert color="red" role="alert">
            {error instanceof ApiError && error.body.code === 'PROSPECT_ALREADY_AFFILIATED' ? 'この事業所はすでに加盟しています。' : errorMessageJa(error)}
          </Alert>
        )}
        <TextInput label="組合名" required {...field('unionName')} />
        <NativeSelect
          label="加盟する構成組織"
          {...field('federationId')}
          data={[{ value: '', label: '構成組織に属さない(直接加盟)' }, ...(federations.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))]}
        />
        <TextInput label="加盟日" type="date" required {...field('effectiveOn')} />
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={500} size="sm" mb={6}>
            雇用形態別の組合員数
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs">
            {employmentTypes.map((type) => (
              <TextInput key={type.value} label={type.label} inputMode="numeric" {...field(`members.${type.value}`)} error={undefined} />
            ))}
          </SimpleGrid>
          <Text size="sm" mt={6} aria-live="polite">
            合計 {formatNumber(affiliationTotal(values.members))}名
          </Text>
          {membersProblem && (
            <Text c="red.8" size="sm" role="alert">
              {membersProblem}
            </Text>
          )}
        </fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" loading={saving}>
            加盟を記録
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
