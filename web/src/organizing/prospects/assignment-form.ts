import { PROSPECT_FIELDS } from './prospect-fields';

/** 担当オルガナイザー as the form edits it: the ids of the organizers chosen. */
export interface AssignmentValues {
  assignedOrganizerIds: string[];
}

export const ASSIGNMENT_FIELDS = { assignedOrganizerIds: PROSPECT_FIELDS.assignedOrganizerIds } as const;

export const assignmentValuesOf = (prospect: { assignedOrganizerIds: string[] }): AssignmentValues => ({
  assignedOrganizerIds: [...prospect.assignedOrganizerIds],
});

/** The assigned organizers by name, in the council's order; one no longer listed (a disabled account) as such; 「未定」 for nobody. */
export function organizerNames(ids: readonly string[], organizers: readonly { id: string; displayName: string }[]): string {
  if (ids.length === 0) return '未定';
  const named = organizers.filter((o) => ids.includes(o.id)).map((o) => o.displayName);
  const unlisted = ids.filter((id) => !organizers.some((o) => o.id === id)).length;
  return [...named, ...(unlisted ? [`無効なアカウント ${unlisted}名`] : [])].join('、');
}
