import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useRouteContext } from '@tanstack/react-router';
import { api } from '../../platform/api/client';
import { errorMessageJa, fieldProblem, unwrap } from '../../platform/api/errors';
import { useImeSafeSubmit } from '../../platform/forms/useImeSafeSubmit';
import { useLabels } from '../../platform/labels/labels';
import { sendOrQueue } from '../outbox/outbox';
import { membersFrom } from './AffiliationForm';
import { PROSPECT_FIELDS } from './prospect-fields';

/** 新規事業所: council staff add an unorganized workplace of their council (it starts at 候補把握). */
export function NewProspectPage() {
  const { me } = useRouteContext({ from: '/signed-in' });
  const label = useLabels();
  const council = useQuery({
    queryKey: ['regional-councils', me.regionalCouncilId],
    queryFn: () => unwrap(api.GET('/api/v1/regional-councils/{id}', { params: { path: { id: me.regionalCouncilId as string } } })),
    enabled: Boolean(me.regionalCouncilId),
  });
  const [employerName, setEmployerName] = useState('');
  const [employerNameKana, setEmployerNameKana] = useState('');
  const [establishmentName, setEstablishmentName] = useState('');
  const [municipality, setMunicipality] = useState('');
  const [estimatedWorkers, setEstimatedWorkers] = useState('');
  const [source, setSource] = useState('outreach');
  const [nextActionOn, setNextActionOn] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [queued, setQueued] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const imeSafe = useImeSafeSubmit();

  const create = useMutation({
    mutationFn: () =>
      sendOrQueue({
        label: `新規事業所 ${employerName.trim()}`,
        method: 'POST',
        path: '/api/v1/prospects',
        body: {
          employerName: employerName.trim(),
          ...(employerNameKana.trim() ? { employerNameKana: employerNameKana.trim() } : {}),
          ...(establishmentName.trim() ? { establishmentName: establishmentName.trim() } : {}),
          ...(municipality ? { municipality } : {}),
          ...(me.regionalCouncilId ? { regionalCouncilId: me.regionalCouncilId } : {}),
          estimatedWorkers: membersFrom(estimatedWorkers),
          source,
          ...(nextActionOn ? { nextActionOn } : {}),
        },
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['prospects'] });
      if (result.state === 'queued') {
        setQueued(true);
        return;
      }
      await navigate({ to: '/prospects/$id', params: { id: (result.response as { id: string }).id } });
    },
  });
  const problem = (field: string) => (missing.includes(field) ? '入力してください' : fieldProblem(create.error, field));

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = [!employerName.trim() && 'employerName', !membersFrom(estimatedWorkers) && estimatedWorkers.trim() !== '0' && 'estimatedWorkers'].filter(
      (f): f is string => Boolean(f),
    );
    setMissing(empty);
    if (empty.length === 0) create.mutate();
  }

  return (
    <Stack maw={560}>
      <Title order={1}>新規事業所</Title>
      <form onSubmit={submit} onKeyDown={imeSafe} noValidate aria-label="新規事業所">
        <Stack>
          {create.error && (
            <Alert color="red" role="alert">
              {errorMessageJa(create.error)}
            </Alert>
          )}
          {queued && (
            <Alert color="blue" role="status">
              送信待ちに入れました。電波が戻ると登録されます。
            </Alert>
          )}
          <TextInput
            label={PROSPECT_FIELDS.employerName}
            required
            placeholder="株式会社みなと物流"
            value={employerName}
            onChange={(e) => setEmployerName(e.currentTarget.value)}
            error={problem('employerName')}
          />
          <TextInput
            label={PROSPECT_FIELDS.employerNameKana}
            value={employerNameKana}
            onChange={(e) => setEmployerNameKana(e.currentTarget.value)}
            error={problem('employerNameKana')}
          />
          <TextInput
            label={PROSPECT_FIELDS.establishmentName}
            placeholder="本牧倉庫"
            value={establishmentName}
            onChange={(e) => setEstablishmentName(e.currentTarget.value)}
            error={problem('establishmentName')}
          />
          <NativeSelect
            label={PROSPECT_FIELDS.municipality}
            value={municipality}
            onChange={(e) => setMunicipality(e.currentTarget.value)}
            data={[{ value: '', label: '選択してください' }, ...(council.data?.municipalities ?? []).map((m) => ({ value: m, label: m }))]}
            error={problem('municipality')}
          />
          <TextInput
            label={PROSPECT_FIELDS.estimatedWorkers}
            required
            inputMode="numeric"
            value={estimatedWorkers}
            onChange={(e) => setEstimatedWorkers(e.currentTarget.value)}
            error={problem('estimatedWorkers')}
          />
          <NativeSelect
            label={PROSPECT_FIELDS.source}
            value={source}
            onChange={(e) => setSource(e.currentTarget.value)}
            data={label.options('prospectSources')}
            error={problem('source')}
          />
          <TextInput
            label={PROSPECT_FIELDS.nextActionOn}
            type="date"
            value={nextActionOn}
            onChange={(e) => setNextActionOn(e.currentTarget.value)}
            error={problem('nextActionOn')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              登録
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
