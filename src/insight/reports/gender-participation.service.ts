import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { scopeOf } from '../../platform/common/auth/scope';
import { APP_CONFIG, AppConfig } from '../../platform/config/app-config';
import { query, sql } from '../../platform/database/sql';
import { Clock } from '../../platform/time/clock';
import { fiscalYearMonths, fiscalYearOf } from '../../platform/time/months';
import { ORGANIZATION_KIND_LABELS } from '../../structure/labels';
import { bodyInScope } from '../../structure/governance-bodies/governance-scope';
import type { GovernanceBodyKind, OrganizationKind } from '../../structure/governance-bodies/governance-body.entity';
import { GenderCounts, GenderService } from './gender.service';
import {
  BodyYear,
  compare,
  Counts,
  executive,
  GenderTarget,
  MemberGender,
  memberShares,
  ParityStatus,
  SURVEYED_COVERAGE,
  targets,
} from './gender-participation';
import { GenderParticipationQuery, GenderQuery } from './report-query.dto';

export interface ParticipationBody {
  id: string;
  kind: GovernanceBodyKind;
  name: string;
  seats: number | null;
  women: number | null;
  men: number | null;
  unspecified: number | null;
  womenQuota: boolean | null;
  womenShare: number | null;
  gapPoints: number | null;
  parity: number | null;
  status: ParityStatus;
  /** The same body last fiscal year. */
  previous: { seats: number | null; women: number | null; womenShare: number | null; gapPoints: number | null; parity: number | null; status: ParityStatus };
}

export interface ParticipationYear {
  fiscalYear: number;
  /** YYYY-MM: the month whose end the members are counted at (the year's last month, or the current one). */
  month: string;
  members: number;
  female: number;
  male: number;
  unspecified: number;
  /** female / members, as the gender report (GET /reports/gender) computes it for the same month. */
  memberFemaleShare: number | null;
  /** (female + male) / members: the share of members whose gender is known. */
  memberGenderCoverage: number | null;
  /** The executive committee: seats, women, their share, gap, parity and status (null/unknown when not recorded). */
  executiveSeats: number | null;
  executiveWomen: number | null;
  executiveWomenShare: number | null;
  executiveGapPoints: number | null;
  executiveParity: number | null;
  executiveStatus: ParityStatus;
  /** Whether any body of the organization has a women's quota (女性枠); null when none recorded. */
  womenQuota: boolean | null;
  targets: { target: GenderTarget; status: ParityStatus }[];
}

export interface ParticipationOrganization extends ParticipationYear {
  kind: OrganizationKind;
  /** null for the confederation. */
  id: string | null;
  name: string;
  bodies: ParticipationBody[];
  previous: ParticipationYear;
}

export interface GenderParticipationReport {
  asOf: Date | null;
  fiscalYear: number;
  groupBy: 'federation' | 'regionalCouncil';
  /** The coverage at or above which "member gender surveyed" is met. */
  surveyedCoverage: number;
  organizations: ParticipationOrganization[];
}

interface BodyRow {
  id: string;
  kind: GovernanceBodyKind;
  name: string;
  organizationKind: OrganizationKind;
  organizationId: string | null;
  now: Counts | null;
  before: Counts | null;
  updatedAt: Date | null;
}

const genderQuery = (groupBy: GenderQuery['groupBy'], month: string): GenderQuery => ({ groupBy, month });

const NO_MEMBERS: MemberGender = { members: 0, female: 0, male: 0, unspecified: 0 };

/**
 * GET /reports/gender-participation: per organization and fiscal year, the members' female
 * share from the ledger (through GenderService, so it is the gender report's figure for the
 * same month) and its coverage, each body's women's share against it, and the plan's targets,
 * beside last year's.
 */
@Injectable()
export class GenderParticipationService {
  constructor(
    private readonly db: DataSource,
    private readonly gender: GenderService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(q: GenderParticipationQuery, caller: CurrentUser): Promise<GenderParticipationReport> {
    const scope = scopeOf(caller);
    // federation officers and council staff see their own organization
    const groupBy = scope.kind === 'federation' ? 'federation' : scope.kind === 'council' ? 'regionalCouncil' : q.groupBy;
    const current = this.clock.month();
    const fiscalYear = q.fiscalYear ?? fiscalYearOf(current, this.config.fiscalYearStartMonth);
    const monthOf = (year: number): string => {
      const last = fiscalYearMonths(year, this.config.fiscalYearStartMonth)[11];
      return last < current ? last : current;
    };
    const [month, previousMonth] = [monthOf(fiscalYear), monthOf(fiscalYear - 1)];
    const [now, before] = await Promise.all([
      this.gender.gender(genderQuery(groupBy, month), caller),
      this.gender.gender(genderQuery(groupBy, previousMonth), caller),
    ]);
    const kind: OrganizationKind = groupBy === 'federation' ? 'federation' : 'regional_council';
    const table = groupBy === 'federation' ? sql`federations` : sql`regional_councils`;
    const ownFilter =
      scope.kind === 'federation'
        ? sql`o.id = ${scope.federationId}::uuid`
        : scope.kind === 'council'
          ? sql`o.id = ${scope.regionalCouncilId}::uuid`
          : sql`TRUE`;
    const organizations = await query<{ id: string; name: string }[]>(
      this.db,
      sql`SELECT o.id::text AS id, o.name FROM ${table} o WHERE ${ownFilter} ORDER BY o.code, o.name`,
    );
    const column = groupBy === 'federation' ? sql`b.federation_id` : sql`b.regional_council_id`;
    const counts = (year: number) =>
      sql`(SELECT json_build_object('seats', g.seats, 'women', g.women, 'men', g.men, 'unspecified', g.unspecified, 'womenQuota', g.women_quota)
             FROM governance_compositions g WHERE g.body_id = b.id AND g.fiscal_year = ${year}::int)`;
    const bodies = await query<BodyRow[]>(
      this.db,
      sql`SELECT b.id, b.kind, b.name, b.organization_kind AS "organizationKind", ${column}::text AS "organizationId",
                 ${counts(fiscalYear)} AS now, ${counts(fiscalYear - 1)} AS before,
                 (SELECT max(g.updated_at) FROM governance_compositions g WHERE g.body_id = b.id AND g.fiscal_year IN (${fiscalYear}::int, ${fiscalYear - 1}::int)) AS "updatedAt"
            FROM governance_bodies b
           WHERE (b.organization_kind = 'confederation' OR b.organization_kind = ${kind}) AND ${bodyInScope(scope, 'b')}
           ORDER BY array_position(ARRAY['executive_committee','top_officers','convention_delegates','central_committee','women_committee','other'], b.kind), b.name, b.id`,
    );

    const membersOf = (report: typeof now, id: string | null): MemberGender => {
      const counts: GenderCounts | undefined = id === null ? report.total : report.groups.find((g) => g.key === id);
      return counts ? { members: counts.members, female: counts.female, male: counts.male, unspecified: counts.unspecified } : NO_MEMBERS;
    };
    const entry = (orgKind: OrganizationKind, id: string | null, name: string): ParticipationOrganization => {
      const own = bodies.filter((b) => b.organizationKind === orgKind && b.organizationId === id);
      const m = membersOf(now, id);
      const p = membersOf(before, id);
      return {
        kind: orgKind,
        id,
        name,
        ...year(fiscalYear, month, own, 'now', m),
        bodies: own.map((b): ParticipationBody => {
          const c = b.now;
          const was = compare(b.before?.women ?? null, b.before?.seats ?? null, p);
          return {
            id: b.id,
            kind: b.kind,
            name: b.name,
            seats: c?.seats ?? null,
            women: c?.women ?? null,
            men: c?.men ?? null,
            unspecified: c?.unspecified ?? null,
            womenQuota: c?.womenQuota ?? null,
            ...compare(c?.women ?? null, c?.seats ?? null, m),
            previous: { seats: b.before?.seats ?? null, women: b.before?.women ?? null, ...was },
          };
        }),
        previous: year(fiscalYear - 1, previousMonth, own, 'before', p),
      };
    };
    const result: ParticipationOrganization[] = [];
    if (scope.kind === 'all') result.push(entry('confederation', null, ORGANIZATION_KIND_LABELS.confederation[0]));
    result.push(...organizations.map((o) => entry(kind, o.id, o.name)));
    const written = bodies.map((b) => b.updatedAt).filter((d): d is Date => d !== null);
    const asOf = [now.asOf, ...written]
      .filter((d): d is Date => d !== null)
      .reduce<Date | null>((a, d) => (a === null || new Date(d) > a ? new Date(d) : a), null);
    return { asOf, fiscalYear, groupBy, surveyedCoverage: SURVEYED_COVERAGE, organizations: result };
  }
}

function year(fiscalYear: number, month: string, own: BodyRow[], which: 'now' | 'before', m: MemberGender): ParticipationYear {
  const bodies: BodyYear[] = own.map((b) => ({ kind: b.kind, counts: b[which] }));
  const exec = executive(bodies, m);
  const quotas = own.map((b) => b[which]?.womenQuota).filter((q): q is boolean => q !== undefined);
  return {
    fiscalYear,
    month,
    ...m,
    ...memberShares(m),
    executiveSeats: exec.seats,
    executiveWomen: exec.women,
    executiveWomenShare: exec.womenShare,
    executiveGapPoints: exec.gapPoints,
    executiveParity: exec.parity,
    executiveStatus: exec.status,
    womenQuota: quotas.length ? quotas.includes(true) : null,
    targets: targets(bodies, m),
  };
}
