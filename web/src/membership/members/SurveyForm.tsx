import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { api, type Schemas } from '../../platform/api/client';
import { errorMessageJa, unwrap } from '../../platform/api/errors';
import { formatNumber, tokyoDate } from '../../platform/format/format';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { useLabels } from '../../platform/labels/labels';
import { surveyCounts, surveyTotal, type SurveyGrid } from './survey';

type Count = Schemas['SurveyCountDto'];
type Survey = Schemas['MembershipSurveyDto'];

/**
 * 年次組合員数調査: the union's members on the survey day by employment type and gender.
 * It is the ground truth on its day; the service records the differences from the ledger.
 */
export function SurveyForm({ unionId, onSaved }: { unionId: string; onSaved: (survey: Survey) => void }) {
  const label = useLabels();
  const types = label.options('employmentTypes');
  const genders = label.options('genders');
  const [surveyedOn, setSurveyedOn] = useState(() => tokyoDate(new Date()));
  const [grid, setGrid] = useState<SurveyGrid>({});
  const imeSafe = useImeSafeSubmit();
  const counts = surveyCounts(
    grid,
    types.map((t) => t.value as Count['employmentType']),
    genders.map((g) => g.value as Count['gender']),
  );

  const save = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/membership-surveys', { body: { unionId, surveyedOn, counts: counts ?? [] } })),
    onSuccess: (survey) => {
      setGrid({});
      onSaved(survey);
    },
  });

  function set(type: string, gender: string, value: string) {
    setGrid((g) => ({ ...g, [type]: { ...g[type], [gender]: value } }));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (counts) save.mutate();
  }

  return (
    <form onSubmit={submit} onKeyDown={imeSafe} noValidate>
      <Stack gap="sm">
        {save.error && (
          <Alert color="red" role="alert">
            {errorMessageJa(save.error)}
          </Alert>
        )}
        <TextInput label="調査日" type="date" required value={surveyedOn} onChange={(e) => setSurveyedOn(e.currentTarget.value)} w={200} />
        <Table withTableBorder>
          <Table.Caption>雇用形態・性別ごとの組合員数(空欄は0人)</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>雇用形態</Table.Th>
              {genders.map((g) => (
                <Table.Th key={g.value}>{g.label}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {types.map((t) => (
              <Table.Tr key={t.value}>
                <Table.Th scope="row">{t.label}</Table.Th>
                {genders.map((g) => (
                  <Table.Td key={g.value}>
                    <TextInput
                      aria-label={`${t.label}・${g.label}の人数`}
                      inputMode="numeric"
                      size="xs"
                      value={grid[t.value]?.[g.value] ?? ''}
                      onChange={(e) => set(t.value, g.value, e.currentTarget.value)}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group justify="space-between">
          <Text size="sm" c={counts ? undefined : 'red.8'}>
            {counts ? `合計 ${formatNumber(surveyTotal(counts))}人` : '人数は0以上の整数で入力してください'}
          </Text>
          <Button type="submit" loading={save.isPending} disabled={!counts}>
            調査結果を保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
