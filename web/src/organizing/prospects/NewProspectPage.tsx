import { useState } from 'react';
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouteContext } from '@tanstack/react-router';
import { errorMessageJa } from '../../platform/api/errors';
import { useApiForm } from '../../platform/forms/useApiForm';
import { useLabels } from '../../platform/labels/labels';
import { councilOrganizersQuery, councilQuery } from '../../structure/queries';
import { createProspect, prospectsChanged } from '../queries';
import { emptyNewProspect, newProspectBody, newProspectChecks } from './prospect-forms';
import { PROSPECT_FIELDS } from './prospect-fields';

/** 新規事業所: council staff add an unorganized workplace of their council (it starts at 候補把握). */
export function NewProspectPage() {
  const { me } = useRouteContext({ from: '/signed-in' });
  const label = useLabels();
  const council = useQuery({ ...councilQuery(me.regionalCouncilId ?? ''), enabled: Boolean(me.regionalCouncilId) });
  const organizers = useQuery({ ...councilOrganizersQuery(me.regionalCouncilId ?? ''), enabled: Boolean(me.regionalCouncilId) });
  const [queued, setQueued] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const { field, formProps, saving, error } = useApiForm({
    initialValues: emptyNewProspect(),
    validate: newProspectChecks,
    save: (v) => createProspect(newProspectBody(v, me.regionalCouncilId)),
    onSaved: async (result) => {
      await prospectsChanged(queryClient);
      if (result.state === 'queued') {
        setQueued(true);
        return;
      }
      await navigate({ to: '/prospects/$id', params: { id: result.response.id } });
    },
  });

  return (
    <Stack maw={560}>
      <Title order={1}>新規事業所</Title>
      <form {...formProps} aria-label="新規事業所">
        <Stack>
          {error !== null && (
            <Alert color="red" role="alert">
              {errorMessageJa(error)}
            </Alert>
          )}
          {queued && (
            <Alert color="blue" role="status">
              送信待ちに入れました。電波が戻ると登録されます。
            </Alert>
          )}
          <TextInput label={PROSPECT_FIELDS.employerName} required placeholder="株式会社みなと物流" {...field('employerName')} />
          <TextInput label={PROSPECT_FIELDS.employerNameKana} {...field('employerNameKana')} />
          <TextInput label={PROSPECT_FIELDS.establishmentName} placeholder="本牧倉庫" {...field('establishmentName')} />
          <NativeSelect
            label={PROSPECT_FIELDS.municipality}
            {...field('municipality')}
            data={[{ value: '', label: '選択してください' }, ...(council.data?.municipalities ?? []).map((m) => ({ value: m, label: m }))]}
          />
          <TextInput label={PROSPECT_FIELDS.estimatedWorkers} required inputMode="numeric" {...field('estimatedWorkers')} />
          <NativeSelect label={PROSPECT_FIELDS.source} {...field('source')} data={label.options('prospectSources')} />
          <TextInput label={PROSPECT_FIELDS.nextActionOn} type="date" {...field('nextActionOn')} />
          {(organizers.data?.items ?? []).length > 0 && (
            <Checkbox.Group label="担当オルガナイザー" description="任意。選んだオルガナイザーの「今日」に並びます。" {...field('assignedOrganizerIds')}>
              <Stack gap={6} mt={6}>
                {organizers.data?.items.map((o) => (
                  <Checkbox key={o.id} value={o.id} label={o.displayName} />
                ))}
              </Stack>
            </Checkbox.Group>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={saving}>
              登録
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
