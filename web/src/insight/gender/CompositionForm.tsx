import { useEffect, useRef } from 'react';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { useLabels } from '../../platform/labels/labels';
import { createGovernanceBody, governanceBodiesQuery, putGovernanceComposition, structureKeys } from '../../structure/queries';
import { reportKeys } from '../queries';
import { compositionBody, organizationOf, organizationValue, type BodyKind, type CompositionValues, type OrganizationKind } from './composition-form';

interface Props {
  organizations: { kind: OrganizationKind; id: string | null; name: string }[];
  fiscalYear: number;
  years: { value: string; label: string }[];
  onSaved: () => void;
  onCancel: () => void;
}

/**
 * 構成を記録: a body's composition in a fiscal year, as counts (never names). The body is the
 * organization's body of that kind, made on first use; a year already recorded is shown and
 * replaced on 保存. The API checks that 女性 + 男性 + 不明 = 定数 and names the fields.
 */
export function CompositionForm({ organizations, fiscalYear, years, onSaved, onCancel }: Props) {
  const label = useLabels();
  const queryClient = useQueryClient();
  const { form, field, formProps, saveProblem, saving, values } = useApiForm<CompositionValues, unknown>({
    initialValues: {
      organization: organizations[0] ? organizationValue(organizations[0]) : '',
      bodyKind: 'executive_committee',
      fiscalYear: String(fiscalYear),
      seats: '',
      women: '',
      men: '',
      unspecified: '0',
      womenQuota: false,
    },
    save: async (v) => {
      const organization = organizationOf(v.organization);
      const bodies = await queryClient.fetchQuery({ ...governanceBodiesQuery(organization.kind, organization.id), staleTime: 0 });
      const body =
        bodies.items.find((b) => b.kind === v.bodyKind) ??
        (await createGovernanceBody({
          organization: organization.id ? { kind: organization.kind, id: organization.id } : { kind: organization.kind },
          kind: v.bodyKind,
          name: label('governanceBodyKinds', v.bodyKind),
        }));
      return putGovernanceComposition(body.id, Number(v.fiscalYear), compositionBody(v));
    },
    onSaved: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reportKeys.all }),
        queryClient.invalidateQueries({ queryKey: structureKeys.governanceBodies }),
      ]);
      onSaved();
    },
  });

  // a year already recorded for this body: its counts, to check or replace
  const chosen = organizationOf(values.organization);
  const bodies = useQuery({ ...governanceBodiesQuery(chosen.kind, chosen.id), enabled: values.organization !== '' });
  const recorded = bodies.data?.items.find((b) => b.kind === values.bodyKind)?.compositions.find((c) => String(c.fiscalYear) === values.fiscalYear);
  const shownFor = useRef('');
  useEffect(() => {
    const key = `${values.organization}|${values.bodyKind}|${values.fiscalYear}`;
    if (!bodies.data || shownFor.current === key) return;
    shownFor.current = key;
    if (recorded) {
      form.setValues({
        seats: String(recorded.seats),
        women: String(recorded.women),
        men: String(recorded.men),
        unspecified: String(recorded.unspecified),
        womenQuota: recorded.womenQuota,
      });
    }
  }, [bodies.data, recorded, values.organization, values.bodyKind, values.fiscalYear, form]);

  // the sum's problem is said once, at 定数; the three counts are only marked
  const seats = field('seats');
  const marked = (path: 'women' | 'men' | 'unspecified') => {
    const props = field(path);
    return { ...props, error: props.error !== undefined && props.error === seats.error ? true : props.error };
  };
  const bodyKinds = label.options('governanceBodyKinds') as { value: BodyKind; label: string }[];

  return (
    <form {...formProps}>
      <Stack>
        <SaveProblem {...saveProblem} />
        <Text size="sm">人数だけを記録します(氏名は記録しません)。</Text>
        <NativeSelect
          label="組織"
          data={organizations.map((o) => ({ value: organizationValue(o), label: o.name }))}
          {...field('organization')}
          disabled={organizations.length < 2}
        />
        <Group grow>
          <NativeSelect label="機関" data={bodyKinds} {...field('bodyKind', 'kind')} />
          <NativeSelect label="年度" data={years} {...field('fiscalYear')} />
        </Group>
        {recorded && (
          <Text size="sm" role="status">
            この年度の構成は記録済みです。保存すると置き換えます。
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <TextInput label="定数" inputMode="numeric" required {...seats} />
          <TextInput label="女性" inputMode="numeric" required {...marked('women')} />
          <TextInput label="男性" inputMode="numeric" required {...marked('men')} />
          <TextInput label="不明" inputMode="numeric" required {...marked('unspecified')} />
        </SimpleGrid>
        <Checkbox label="女性枠" description="女性枠(女性の役員・代議員の割当)がある" {...form.getInputProps('womenQuota', { type: 'checkbox' })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            キャンセル
          </Button>
          <Button type="submit" loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
