import type { CurrentUser } from '../../platform/common/auth/roles';

/**
 * Who sees and changes which prospects (README "Roles"):
 *  - admin and leadership read all; regional staff and organizers read their council's;
 *  - federation users read, never change, the prospects whose target federation is theirs
 *    (the federation organizes beside the council: 三位一体活動);
 *  - council staff (regional of that council, admin) manage them: edit, reopen, affiliate;
 *  - an organizer moves the stage only of prospects assigned to them.
 * Reads apply the scope in SQL (`inScope.prospect`), so a prospect outside it answers 404.
 */

interface ProspectOwnership {
  regionalCouncilId: string;
  assignedOrganizerIds: string[];
}

/** Council staff of the prospect's council, or an admin. */
export function canManage(caller: CurrentUser, prospect: Pick<ProspectOwnership, 'regionalCouncilId'>): boolean {
  return caller.role === 'admin' || (caller.role === 'regional' && caller.regionalCouncilId === prospect.regionalCouncilId);
}

/** Council staff, or an organizer of the council the prospect is assigned to. */
export function canMoveStage(caller: CurrentUser, prospect: ProspectOwnership): boolean {
  if (canManage(caller, prospect)) return true;
  return caller.role === 'organizer' && caller.regionalCouncilId === prospect.regionalCouncilId && prospect.assignedOrganizerIds.includes(caller.id);
}

/** Visits speak of individual workers' support: federation users read the prospect, never its visits. */
export function canReadVisits(caller: CurrentUser): boolean {
  return caller.role !== 'federation';
}

/**
 * Where a prospect's audit events lie: its council, and the federation it is organized
 * towards (whose users read it). A visit's events lie where its prospect does.
 */
export function auditScopeOf(prospect: Pick<ProspectOwnership, 'regionalCouncilId'> & { targetFederationId: string | null }): {
  regionalCouncilId: string;
  federationId: string | null;
} {
  return { regionalCouncilId: prospect.regionalCouncilId, federationId: prospect.targetFederationId };
}
