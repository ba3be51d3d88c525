import type { Schemas } from '../../platform/api/client';
import { formatShare } from '../../platform/format/format';

export type Participation = Schemas['GenderParticipationReportDto'];
export type ParticipationOrganization = Schemas['ParticipationOrganizationDto'];
export type ParityStatus = ParticipationOrganization['executiveStatus'];

/** 35.2% or 「-」 when unknown. */
export const share = (value: number | null | undefined): string => (value === null || value === undefined ? '-' : formatShare(value));

/** The gap in points with its sign: 「+2.5pt」, 「-10.0pt」, 「-」. */
export function points(value: number | null | undefined): string {
  if (value === null || value === undefined) return '-';
  const text = Math.abs(value).toFixed(1);
  return `${value > 0 ? '+' : value < 0 ? '-' : '±'}${text}pt`;
}

/** The badge colour of a status: green met, red not met, grey unknown. */
export const STATUS_COLORS: Record<ParityStatus, string> = { met: 'teal', not_met: 'red', unknown: 'gray' };

/** How many organizations meet, miss and have not reported on the executive target. */
export function tally(organizations: ParticipationOrganization[]): Record<ParityStatus, number> {
  const counts: Record<ParityStatus, number> = { met: 0, not_met: 0, unknown: 0 };
  for (const o of organizations) counts[o.executiveStatus] += 1;
  return counts;
}

/** The points of the chart: organizations whose member share and executive share are both known, in percent. */
export function chartPoints(
  organizations: ParticipationOrganization[],
): { name: string; kind: ParticipationOrganization['kind']; value: [number, number]; status: ParityStatus }[] {
  return organizations
    .filter((o) => o.memberFemaleShare !== null && o.executiveWomenShare !== null)
    .map((o) => ({
      name: o.name,
      kind: o.kind,
      value: [Math.round((o.memberFemaleShare ?? 0) * 1000) / 10, Math.round((o.executiveWomenShare ?? 0) * 1000) / 10],
      status: o.executiveStatus,
    }));
}
