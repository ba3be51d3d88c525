import type { Role } from '../../platform/common/auth/roles';
import { Queryable, query, sql } from '../../platform/database/sql';
import { labelOf } from '../../platform/labels/labels';
import { STAGE_LABELS, SUPPORT_LEVEL_LABELS, VISIT_KIND_LABELS, VISIT_OUTCOME_LABELS } from '../labels';

/** Whom a reminder is for: the account as the database has it now. */
export interface ReminderPerson {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  regionalCouncilId: string | null;
}

/**
 * One follow-up as a reminder shows it: the employer, the stage, when the next action is due
 * and what the last visit found, in labels only. Never a worker's name, a contact detail or
 * free text (a visit's notes, a consultation): a calendar feed and an e-mail leave the service.
 */
export interface ReminderItem {
  prospectId: string;
  employerName: string;
  establishmentName: string | null;
  stage: string;
  stageLabel: string;
  nextActionOn: string;
  lastVisit: { occurredOn: string; kindLabel: string; outcomeLabel: string | null; supportLevelLabel: string | null } | null;
}

interface ItemRow {
  prospectId: string;
  employerName: string;
  establishmentName: string | null;
  stage: string;
  nextActionOn: string;
  visitOn: string | null;
  visitKind: string | null;
  visitOutcome: string | null;
  visitSupport: number | null;
}

/** Whether the person has follow-ups of their own: organizers their prospects', council staff their council's. */
export const hasFollowUps = (person: Pick<ReminderPerson, 'role' | 'regionalCouncilId'>): boolean =>
  (person.role === 'organizer' || person.role === 'regional') && person.regionalCouncilId !== null;

/**
 * The person's open follow-ups due between `from` and `until` (Japan days, inclusive), oldest
 * first: an organizer's prospects assigned to them, council staff's their council's. Other
 * roles have none (admins and leadership see everyone's on 今日, which is no reminder).
 * Read when the reminder is made, so a prospect moved or given a new date since is never in it.
 */
export async function reminderItems(db: Queryable, person: ReminderPerson, range: { from?: string; until: string }, limit = 500): Promise<ReminderItem[]> {
  if (!hasFollowUps(person)) return [];
  const whose =
    person.role === 'organizer'
      ? sql`p.regional_council_id = ${person.regionalCouncilId} AND p.assigned_organizer_ids @> ARRAY[${person.id}]::uuid[]`
      : sql`p.regional_council_id = ${person.regionalCouncilId}`;
  const from = range.from ? sql`AND p.next_action_on >= ${range.from}` : sql``;
  const rows = await query<ItemRow[]>(
    db,
    sql`SELECT p.id AS "prospectId", p.employer_name AS "employerName", p.establishment_name AS "establishmentName", p.stage,
               to_char(p.next_action_on, 'YYYY-MM-DD') AS "nextActionOn",
               to_char(v.occurred_on, 'YYYY-MM-DD') AS "visitOn", v.kind AS "visitKind", v.outcome AS "visitOutcome", v.support_level AS "visitSupport"
          FROM prospects p
          LEFT JOIN LATERAL (SELECT v.occurred_on, v.kind, v.outcome, v.support_level FROM visits v WHERE v.prospect_id = p.id
                              ORDER BY v.occurred_on DESC, v.created_at DESC, v.id DESC LIMIT 1) v ON true
         WHERE ${whose} AND p.stage NOT IN ('affiliated', 'lost') AND p.next_action_on IS NOT NULL
               AND p.next_action_on <= ${range.until} ${from}
         ORDER BY p.next_action_on ASC, p.employer_name_kana ASC NULLS LAST, p.id ASC
         LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    prospectId: r.prospectId,
    employerName: r.employerName,
    establishmentName: r.establishmentName,
    stage: r.stage,
    stageLabel: labelOf(STAGE_LABELS, r.stage),
    nextActionOn: r.nextActionOn,
    lastVisit: r.visitOn
      ? {
          occurredOn: r.visitOn,
          kindLabel: labelOf(VISIT_KIND_LABELS, r.visitKind as string),
          outcomeLabel: r.visitOutcome ? labelOf(VISIT_OUTCOME_LABELS, r.visitOutcome) : null,
          supportLevelLabel: r.visitSupport ? labelOf(SUPPORT_LEVEL_LABELS, String(r.visitSupport)) : null,
        }
      : null,
  }));
}

/** Open prospects of the council whose next action is overdue (before today). */
export async function councilOverdueCount(db: Queryable, regionalCouncilId: string, today: string): Promise<number> {
  const [row] = await query<{ n: number }[]>(
    db,
    sql`SELECT count(*)::int AS n FROM prospects p
         WHERE p.regional_council_id = ${regionalCouncilId} AND p.stage NOT IN ('affiliated', 'lost') AND p.next_action_on < ${today}`,
  );
  return row.n;
}

/** "好感触" style: what the last visit found, in one phrase (its outcome, else its kind), with the support level. */
export function lastVisitPhrase(item: ReminderItem): string {
  const v = item.lastVisit;
  if (!v) return '訪問記録なし';
  const found = v.outcomeLabel ?? v.kindLabel;
  return `前回${v.occurredOn.replaceAll('-', '/')} ${v.kindLabel}：${found}${v.supportLevelLabel ? `（${v.supportLevelLabel}）` : ''}`;
}

export const DAY_MS = 24 * 3600_000;
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
export const slashDate = (day: string): string => day.replaceAll('-', '/');

/** Where a prospect is in the console. */
export const prospectLink = (publicUrl: string, prospectId: string): string => `${publicUrl}/prospects/${prospectId}`;
