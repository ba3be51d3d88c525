import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { SaveProblem } from '../../platform/forms/StaleNotice';
import { useApiForm } from '../../platform/forms/useApiForm';
import { QueryState } from '../../platform/shell/QueryState';
import { councilOrganizersQuery } from '../../structure/queries';
import { assignOrganizers, prospectIsStale, prospectQuery, prospectsChanged, type Prospect } from '../queries';
import { ASSIGNMENT_FIELDS, assignmentValuesOf, organizerNames } from './assignment-form';

interface Props {
  prospect: Prospect;
  /** Council staff of the prospect's council and admins choose; everyone else reads the names. */
  mayAssign: boolean;
  onSaved: () => void;
}

/** 担当オルガナイザー: who follows the workplace up (their 今日 lists it); its council's staff choose among the council's organizers. */
export function AssignedOrganizers({ prospect, mayAssign, onSaved }: Props) {
  const organizers = useQuery(councilOrganizersQuery(prospect.regionalCouncilId));
  return (
    <Stack gap="xs" component="section" aria-labelledby="assignment-heading">
      <Title order={2} size="h3" id="assignment-heading">
        担当オルガナイザー
      </Title>
      <QueryState isPending={organizers.isPending} error={organizers.error}>
        {() => {
          const all = organizers.data?.items ?? [];
          return mayAssign ? (
            <AssignmentForm prospect={prospect} organizers={all} onSaved={onSaved} />
          ) : (
            <Text size="sm">{organizerNames(prospect.assignedOrganizerIds, all)}</Text>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function AssignmentForm({ prospect, organizers, onSaved }: { prospect: Prospect; organizers: { id: string; displayName: string }[]; onSaved: () => void }) {
  const queryClient = useQueryClient();
  const { field, formProps, saveProblem, saving } = useApiForm({
    initialValues: assignmentValuesOf(prospect),
    save: (v, at: Prospect = prospect) => assignOrganizers(prospect.id, { assignedOrganizerIds: v.assignedOrganizerIds, version: at.version }),
    onSaved: async () => {
      await prospectsChanged(queryClient);
      onSaved();
    },
    stale: {
      record: prospect,
      reload: async (p) => {
        void prospectIsStale(queryClient, p.id);
        return queryClient.fetchQuery({ ...prospectQuery(p.id), staleTime: 0 });
      },
      valuesOf: assignmentValuesOf,
      fields: ASSIGNMENT_FIELDS,
      compared: (p) => ({ assignedOrganizerIds: [...p.assignedOrganizerIds].sort() }),
      inWords: (p) => organizerNames(p.assignedOrganizerIds, organizers),
    },
  });
  // an organizer assigned before their account was disabled stays checked until someone unticks them
  const choices = [
    ...organizers,
    ...prospect.assignedOrganizerIds.filter((id) => !organizers.some((o) => o.id === id)).map((id) => ({ id, displayName: '(無効なアカウント)' })),
  ];

  return (
    <form {...formProps} aria-label="担当オルガナイザーの変更">
      <Stack gap="sm" maw={560}>
        <SaveProblem {...saveProblem} />
        {choices.length === 0 ? (
          <Text size="sm">この地域連合にはオルガナイザーが登録されていません。</Text>
        ) : (
          <Checkbox.Group
            label="担当オルガナイザー"
            description="選んだオルガナイザーの「今日」に、次回予定の日からこの事業所が並びます。"
            {...field('assignedOrganizerIds')}
          >
            <Stack gap={6} mt={6}>
              {choices.map((o) => (
                <Checkbox key={o.id} value={o.id} label={o.displayName} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Group>
          <Button type="submit" loading={saving} disabled={choices.length === 0}>
            保存
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
