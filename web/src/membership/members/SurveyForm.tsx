import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { Schemas } from '../../platform/api/client';
import { formatNumber, tokyoDate } from '../../platform/format/format';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { useLabels } from '../../platform/labels/labels';
import { saveSurvey } from '../queries';
import { surveyCounts, surveyTotal, type SurveyGrid } from './survey';

type Count = Schemas['SurveyCountDto'];
type Survey = Schemas['MembershipSurveyDto'];

const EMPTY_GRID: SurveyGrid = {};

/**
 * 年次組合員数調査: the union's members on the survey day by employment type and gender.
 * It is the ground truth on its day; the service records the differences from the ledger.
 */
export function SurveyForm({ unionId, onSaved }: { unionId: string; onSaved: (survey: Survey) => void }) {
  const label = useLabels();
  const types = label.options('employmentTypes');
  const genders = label.options('genders');
  const countsOf = (grid: SurveyGrid) =>
    surveyCounts(
      grid,
      types.map((t) => t.value as Count['employmentType']),
      genders.map((g) => g.value as Count['gender']),
    );

  const { values, form, field, formProps, saveProblem, saving } = useApiForm({
    initialValues: { surveyedOn: tokyoDate(new Date()), grid: EMPTY_GRID },
    // a cell that is not a whole number ≥ 0 keeps the button off (said under the table)
    validate: { grid: (grid) => (countsOf(grid) ? null : '人数は0以上の整数で入力してください') },
    save: (v) => saveSurvey({ unionId, surveyedOn: v.surveyedOn, counts: countsOf(v.grid) ?? [] }),
    onSaved: (survey) => {
      form.setFieldValue('grid', EMPTY_GRID);
      onSaved(survey);
    },
  });
  const counts = countsOf(values.grid);

  function set(type: string, gender: string, value: string) {
    form.setFieldValue('grid', { ...values.grid, [type]: { ...values.grid[type], [gender]: value } });
  }

  return (
    <form {...formProps}>
      <Stack gap="sm">
        <SaveProblem {...saveProblem} />
        <TextInput label="調査日" type="date" required {...field('surveyedOn')} w={200} />
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
                      value={values.grid[t.value]?.[g.value] ?? ''}
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
          <Button type="submit" loading={saving} disabled={!counts}>
            調査結果を保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
