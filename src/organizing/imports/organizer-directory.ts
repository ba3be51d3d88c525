import { DataSource } from 'typeorm';
import { query, sql } from '../../platform/database/sql';
import { cellText } from '../../platform/imports/reading/cell-values';

interface Organizer {
  id: string;
  email: string;
  regional_council_id: string | null;
  council_name: string | null;
}

/** One address the cell names that cannot be assigned, and why (Japanese, naming it). */
export interface OrganizerProblem {
  value: string;
  code: string;
  message: string;
}

/** An address as people type it: NFKC (全角 → 半角), case-insensitive, as the unique index on lower(email). */
const emailKey = (text: string): string => text.normalize('NFKC').trim().toLowerCase();

/**
 * The organizers a prospects file may assign by e-mail address (担当オルガナイザー), loaded
 * once per check: an address must be an organizer's, of the prospect's council — what
 * POST /prospects holds of `assignedOrganizerIds` (checkOrganizers). Council staff's files
 * see only their council's organizers, so the check's messages never tell them whose an
 * other address is (the user list is the admins'); an admin's name the organizer's council.
 */
export class OrganizerDirectory {
  private constructor(
    private readonly byEmail: Map<string, Organizer>,
    private readonly scopeCouncilId: string | null,
  ) {}

  static async load(db: DataSource, scopeCouncilId: string | null): Promise<OrganizerDirectory> {
    const organizers = await query<Organizer[]>(
      db,
      sql`SELECT u.id, u.email, u.regional_council_id, c.name AS council_name
          FROM users u LEFT JOIN regional_councils c ON c.id = u.regional_council_id
          WHERE u.role = 'organizer' AND (${scopeCouncilId}::uuid IS NULL OR u.regional_council_id = ${scopeCouncilId}::uuid)`,
    );
    return new OrganizerDirectory(new Map(organizers.map((u) => [emailKey(u.email), u])), scopeCouncilId);
  }

  /**
   * The organizers a cell names, separated by 「、」, 「,」 or spaces, each once; the council
   * is checked when it is known (null: the row's council is itself in error).
   */
  read(value: unknown, regionalCouncilId: string | null): { ids: string[]; problems: OrganizerProblem[] } {
    const ids = new Set<string>();
    const problems: OrganizerProblem[] = [];
    for (const address of cellText(value)
      .split(/[、,\s]+/)
      .filter(Boolean)) {
      const user = this.byEmail.get(emailKey(address));
      if (!user && this.scopeCouncilId !== null) {
        problems.push({
          value: address,
          code: 'ORGANIZER_OUTSIDE_SCOPE',
          message: `「${address}」はあなたの地域連合のオルガナイザーのメールアドレスではありません。担当にできるのは同じ地域連合のオルガナイザーだけです`,
        });
      } else if (!user) {
        problems.push({
          value: address,
          code: 'ORGANIZER_UNKNOWN',
          message: `「${address}」はオルガナイザーのメールアドレスではありません。担当にできるのはオルガナイザーだけです`,
        });
      } else if (regionalCouncilId !== null && user.regional_council_id !== regionalCouncilId) {
        problems.push({
          value: address,
          code: 'ORGANIZER_OF_ANOTHER_COUNCIL',
          message: `「${address}」は${user.council_name ?? '別の地域連合'}のオルガナイザーです。事業所と同じ地域連合のオルガナイザーを入力してください`,
        });
      } else ids.add(user.id);
    }
    return { ids: [...ids], problems };
  }
}
