import { EntityManager } from 'typeorm';
import { badField } from '../../platform/common/errors/domain-error';
import { PlatformErrorCode } from '../../platform/error-codes';
import { OrganizingErrorCode } from '../error-codes';
import { query, sql } from '../../platform/database/sql';

/**
 * The regional council a prospect lies in. Each council lists its municipalities:
 *  - municipality given, council omitted: the one council that lists it;
 *  - both given: the council must list the municipality;
 *  - a municipality that no council lists is refused, naming `municipality`.
 */
export async function resolveCouncil(manager: EntityManager, municipality: string | null, regionalCouncilId: string | null): Promise<string> {
  if (municipality === null) {
    if (!regionalCouncilId) throw badField('regionalCouncilId', PlatformErrorCode.REQUIRED, 'is required when municipality is not given');
    await requireCouncil(manager, regionalCouncilId);
    return regionalCouncilId;
  }
  const councils = await query<{ id: string }[]>(
    manager,
    sql`SELECT id FROM regional_councils WHERE municipalities @> ARRAY[${municipality}]::text[] ORDER BY code`,
  );
  if (councils.length === 0)
    throw badField('municipality', OrganizingErrorCode.MUNICIPALITY_OUTSIDE_COUNCILS, `${municipality} is not in any regional council`);
  if (regionalCouncilId) {
    await requireCouncil(manager, regionalCouncilId);
    if (!councils.some((c) => c.id === regionalCouncilId)) {
      throw badField('regionalCouncilId', OrganizingErrorCode.COUNCIL_DOES_NOT_COVER_MUNICIPALITY, `does not cover ${municipality}`);
    }
    return regionalCouncilId;
  }
  if (councils.length > 1)
    throw badField('regionalCouncilId', OrganizingErrorCode.COUNCIL_AMBIGUOUS, `is required: ${municipality} belongs to several councils`);
  return councils[0].id;
}

async function requireCouncil(manager: EntityManager, id: string): Promise<void> {
  const found = await query<unknown[]>(manager, sql`SELECT 1 FROM regional_councils WHERE id = ${id}`);
  if (found.length === 0) throw badField('regionalCouncilId', PlatformErrorCode.UNKNOWN_REFERENCE, 'refers to a regional council that does not exist');
}

/** Assigned organizers must be users with the organizer role in the prospect's council. */
export async function checkOrganizers(manager: EntityManager, ids: string[], regionalCouncilId: string): Promise<void> {
  if (ids.length === 0) return;
  const found = await query<{ id: string }[]>(
    manager,
    sql`SELECT id FROM users WHERE id = ANY(${ids}::uuid[]) AND role = 'organizer' AND regional_council_id = ${regionalCouncilId}`,
  );
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) {
    throw badField(
      'assignedOrganizerIds',
      OrganizingErrorCode.NOT_ORGANIZER_OF_COUNCIL,
      `must be organizers of the prospect's regional council (not: ${missing.join(', ')})`,
    );
  }
}

/** Names compared the way people type them: NFKC (full-width letters, half-width kana) and trimmed. */
export const normalizeName = (value: string): string => value.normalize('NFKC').trim();

/** フリガナ in katakana, whichever kana was typed. */
export const toKatakana = (value: string): string => normalizeName(value).replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
