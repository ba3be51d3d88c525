import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { inScope, scopeOf } from '../../platform/common/auth/scope';
import { notFound } from '../../platform/common/errors/domain-error';
import { Page, page } from '../../platform/common/http/pagination';
import { containsPattern } from '../../platform/common/like-pattern';
import { selectPage } from '../../platform/database/select-page';
import { Sql, query, sql } from '../../platform/database/sql';
import { labelOf } from '../../platform/labels/labels';
import { Clock } from '../../platform/time/clock';
import { CompanyRow, companyColumns, companyStatusOf, toCompanyDto } from '../../structure/companies/companies.sql';
import { normalizeCode, normalizeCompanyName } from '../../structure/companies/company-identity';
import { groupEdges } from '../../structure/companies/relation-rules';
import { COMPANY_STATUS_LABELS, RELATION_KIND_LABELS } from '../../structure/labels';
import { STAGE_LABELS } from '../labels';
import {
  CompanyGroupDto,
  CompanyGroupNodeDto,
  CompanyGroupQuery,
  CompanyGroupSummaryDto,
  GroupRelationDto,
  GroupTotalsDto,
  GroupUnionDto,
  ListCompanyGroupsQuery,
} from './dto/company-group.dto';
import type { Stage } from '../prospects/stage-rules';

export const DEFAULT_PREFECTURE = '神奈川県';
/** No real group is deeper; a guard against a cycle that slipped past the checks. */
const MAX_DEPTH = 30;

interface NodeRow extends CompanyRow {
  depth: number;
  parentId: string | null;
  relation: Omit<GroupRelationDto, 'kindLabel'> | null;
  unions: GroupUnionDto[];
  prospectId: string | null;
  prospectStage: Stage | null;
  lastVisitOn: string | null;
  nextActionOn: string | null;
}

interface SummaryRow extends CompanyRow {
  hasAffiliatedUnion: boolean;
  totalCompanies: number;
  totalEmployees: number;
  knownEmployeesMembers: number;
  totalOrganized: number;
  unorganized: number;
  unorganizedInPrefecture: number;
  prospectsByStage: Record<string, number> | null;
}

/** organized / employees to four places, or null. */
const rate = (organized: number, employees: number): number | null => (employees > 0 ? Math.round((organized / employees) * 10000) / 10000 : null);

/**
 * The group trees (docs/company-groups.md). One SQL statement per tree: a recursive CTE goes
 * up from the company to its ultimate parent and down again, and each node carries its
 * unions' members (the union-level rollups up to this month: GET /unions/:id's
 * currentMembers) and its prospect as far as the caller's scope shows prospects. Totals are
 * the sums of the nodes. The target list aggregates every group in one statement too.
 */
@Injectable()
export class CompanyGroupsService {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  async tree(companyId: string, filter: CompanyGroupQuery, caller: CurrentUser): Promise<CompanyGroupDto> {
    const prefecture = filter.prefecture?.normalize('NFKC').trim() || DEFAULT_PREFECTURE;
    const rows = await query<NodeRow[]>(this.db, this.treeStatement(companyId, caller));
    if (!rows.length) throw notFound('Company');
    const nodes = new Map<string, CompanyGroupNodeDto>();
    let root: CompanyGroupNodeDto | null = null;
    for (const row of rows) {
      const node = this.toNode(row, caller);
      nodes.set(row.id, node);
      if (row.parentId === null) root = node;
      else nodes.get(row.parentId)?.children.push(node);
    }
    const all = [...nodes.values()];
    return { companyId, prefecture, root: root as CompanyGroupNodeDto, totals: totalsOf(all, prefecture) };
  }

  /** The target list: groups (an ultimate parent with at least one company below it) and their totals. */
  async list(filter: ListCompanyGroupsQuery, caller: CurrentUser): Promise<Page<CompanyGroupSummaryDto>> {
    const prefecture = filter.prefecture?.normalize('NFKC').trim() || DEFAULT_PREFECTURE;
    const conditions: Sql[] = [];
    if (filter.hasAffiliatedUnion !== undefined) conditions.push(filter.hasAffiliatedUnion ? sql`g.has_affiliated` : sql`NOT g.has_affiliated`);
    if (filter.hasUnorganized !== undefined) {
      const has = filter.prefecture ? sql`g.unorganized_in_prefecture > 0` : sql`g.unorganized > 0`;
      conditions.push(filter.hasUnorganized ? has : sql`NOT (${has})`);
    }
    if (filter.prefecture) conditions.push(sql`g.in_prefecture`);
    if (filter.q) {
      const code = normalizeCode(filter.q).toUpperCase();
      const name = containsPattern(normalizeCompanyName(filter.q));
      conditions.push(sql`EXISTS (SELECT 1 FROM unnest(g.members) m(id) JOIN companies qc ON qc.id = m.id
        WHERE qc.corporate_number = ${code} OR qc.edinet_code = ${code} OR qc.name_normalized LIKE ${name} OR qc.name_kana LIKE ${name})`);
    }
    const { rows, total } = await selectPage<SummaryRow>(
      this.db,
      {
        columns: sql`${companyColumns('c')}, g.has_affiliated AS "hasAffiliatedUnion", g.companies::int AS "totalCompanies",
          g.employees::int AS "totalEmployees", g.known_members::int AS "knownEmployeesMembers", g.organized::int AS "totalOrganized",
          g.unorganized::int AS unorganized, g.unorganized_in_prefecture::int AS "unorganizedInPrefecture", g.stages AS "prospectsByStage"`,
        from: sql`(${this.groupsStatement(prefecture, caller)}) g JOIN companies c ON c.id = g.root_id`,
        where: sql.and(conditions),
        orderBy: sql`g.unorganized_in_prefecture DESC, c.name_normalized ASC, c.id ASC`,
      },
      filter,
    );
    return page(
      rows.map((row) => ({
        company: toCompanyDto(row),
        hasAffiliatedUnion: row.hasAffiliatedUnion,
        hasUnorganized: row.unorganized > 0,
        totals: {
          companies: row.totalCompanies,
          employees: row.totalEmployees,
          organizedMembers: row.totalOrganized,
          organizationRate: rate(row.knownEmployeesMembers, row.totalEmployees),
          unorganizedCompanies: row.unorganized,
          unorganizedInPrefecture: row.unorganizedInPrefecture,
          prospectsByStage: row.prospectsByStage ?? {},
        },
      })),
      total,
      filter,
    );
  }

  /** Members as GET /unions/:id counts them: the union-level rollups up to this month. */
  private unionMembers(alias: string): Sql {
    return sql`(SELECT coalesce(sum(rr.members), 0)::int FROM union_month_rollups rr
                 WHERE rr.union_id = ${sql.ident(alias)}.id AND rr.month <= CAST(${`${this.clock.month()}-01`} AS date))`;
  }

  private treeStatement(companyId: string, caller: CurrentUser): Sql {
    const today = this.clock.today();
    return sql`WITH RECURSIVE edges AS (${groupEdges(today)}),
      up(company_id, steps) AS (
        SELECT c.id, 0 FROM companies c WHERE c.id = ${companyId}::uuid
        UNION ALL
        SELECT e.parent_id, up.steps + 1 FROM up JOIN edges e ON e.child_id = up.company_id WHERE up.steps < ${MAX_DEPTH}
      ),
      root AS (SELECT company_id FROM up ORDER BY steps DESC LIMIT 1),
      tree(id, relation_id, parent_id, depth, path) AS (
        SELECT company_id, NULL::uuid, NULL::uuid, 0, ARRAY[company_id] FROM root
        UNION ALL
        SELECT e.child_id, e.id, e.parent_id, t.depth + 1, t.path || e.child_id
          FROM tree t JOIN edges e ON e.parent_id = t.id
         WHERE e.child_id <> ALL(t.path) AND t.depth < ${MAX_DEPTH}
      ),
      group_unions AS (
        SELECT u.company_id,
               jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name, 'federationId', u.federation_id, 'federationName', f.name,
                                            'members', ${this.unionMembers('u')}) ORDER BY u.name, u.id) AS unions
          FROM unions u LEFT JOIN federations f ON f.id = u.federation_id
         WHERE u.company_id IN (SELECT id FROM tree) AND u.status = 'active'
         GROUP BY u.company_id
      ),
      group_prospects AS (
        SELECT DISTINCT ON (p.company_id) p.company_id, p.id, p.stage, to_char(p.next_action_on, 'YYYY-MM-DD') AS next_action_on,
               (SELECT to_char(max(v.occurred_on), 'YYYY-MM-DD') FROM visits v WHERE v.prospect_id = p.id) AS last_visit_on
          FROM prospects p
         WHERE p.company_id IN (SELECT id FROM tree) AND ${inScope.prospect(scopeOf(caller), 'p')}
         ORDER BY p.company_id, (p.stage IN ('lost', 'affiliated')), p.created_at DESC, p.id
      )
      SELECT ${companyColumns('c')}, t.depth, t.parent_id AS "parentId",
             CASE WHEN r.id IS NULL THEN NULL ELSE jsonb_build_object(
               'id', r.id, 'kind', r.kind, 'votingShare', r.voting_share::float8, 'startOn', to_char(r.start_on, 'YYYY-MM-DD'),
               'endOn', to_char(r.end_on, 'YYYY-MM-DD'), 'source', r.source, 'confidence', r.confidence) END AS relation,
             coalesce(gu.unions, '[]'::jsonb) AS unions,
             gp.id AS "prospectId", gp.stage AS "prospectStage", gp.last_visit_on AS "lastVisitOn", gp.next_action_on AS "nextActionOn"
        FROM tree t
        JOIN companies c ON c.id = t.id
        LEFT JOIN company_relations r ON r.id = t.relation_id
        LEFT JOIN group_unions gu ON gu.company_id = t.id
        LEFT JOIN group_prospects gp ON gp.company_id = t.id
       ORDER BY t.depth, c.name_normalized, c.id`;
  }

  /** Per ultimate parent (root_id): the group's sums, as the tree's totals would give them. */
  private groupsStatement(prefecture: string, caller: CurrentUser): Sql {
    const today = this.clock.today();
    return sql`WITH RECURSIVE edges AS (${groupEdges(today)}),
      roots AS (SELECT DISTINCT e.parent_id AS id FROM edges e WHERE NOT EXISTS (SELECT 1 FROM edges x WHERE x.child_id = e.parent_id)),
      tree(root_id, id, depth, path) AS (
        SELECT id, id, 0, ARRAY[id] FROM roots
        UNION ALL
        SELECT t.root_id, e.child_id, t.depth + 1, t.path || e.child_id
          FROM tree t JOIN edges e ON e.parent_id = t.id
         WHERE e.child_id <> ALL(t.path) AND t.depth < ${MAX_DEPTH}
      ),
      company_members AS (
        SELECT u.company_id, sum(rr.members)::bigint AS organized
          FROM unions u JOIN union_month_rollups rr ON rr.union_id = u.id AND rr.month <= CAST(${`${this.clock.month()}-01`} AS date)
         WHERE u.company_id IS NOT NULL AND u.status = 'active'
         GROUP BY u.company_id
      ),
      affiliated AS (SELECT DISTINCT company_id FROM unions WHERE company_id IS NOT NULL AND status = 'active'),
      prospected AS (SELECT DISTINCT company_id FROM prospects WHERE company_id IS NOT NULL AND stage <> 'lost'),
      node AS MATERIALIZED (
        SELECT t.root_id, c.id, c.prefecture, c.employees_count,
               ${companyStatusOf('c', sql`a.company_id IS NOT NULL`, sql`pr.company_id IS NOT NULL`)} AS status, coalesce(cm.organized, 0) AS organized
          FROM tree t JOIN companies c ON c.id = t.id LEFT JOIN company_members cm ON cm.company_id = c.id
          LEFT JOIN affiliated a ON a.company_id = c.id LEFT JOIN prospected pr ON pr.company_id = c.id
      ),
      shown_prospects AS (
        SELECT DISTINCT ON (p.company_id) p.company_id, p.stage
          FROM prospects p
         WHERE p.company_id IS NOT NULL AND ${inScope.prospect(scopeOf(caller), 'p')}
         ORDER BY p.company_id, (p.stage IN ('lost', 'affiliated')), p.created_at DESC, p.id
      ),
      stages AS (
        SELECT root_id, jsonb_object_agg(stage, n) AS stages
          FROM (SELECT t.root_id, sp.stage, count(*)::int AS n FROM tree t JOIN shown_prospects sp ON sp.company_id = t.id GROUP BY 1, 2) s
         GROUP BY root_id
      ),
      sums AS (
        SELECT n.root_id, array_agg(n.id) AS members, count(*) AS companies,
               coalesce(sum(n.employees_count), 0) AS employees,
               coalesce(sum(n.organized) FILTER (WHERE n.employees_count IS NOT NULL), 0) AS known_members,
               sum(n.organized) AS organized,
               count(*) FILTER (WHERE n.status = 'unorganized') AS unorganized,
               count(*) FILTER (WHERE n.status = 'unorganized' AND n.prefecture = ${prefecture}) AS unorganized_in_prefecture,
               bool_or(n.status = 'affiliated') AS has_affiliated,
               bool_or(n.prefecture = ${prefecture}) AS in_prefecture
          FROM node n GROUP BY n.root_id
      )
      SELECT sums.*, st.stages FROM sums LEFT JOIN stages st ON st.root_id = sums.root_id`;
  }

  private toNode(row: NodeRow, caller: CurrentUser): CompanyGroupNodeDto {
    const company = toCompanyDto(row);
    const organizedMembers = row.unions.reduce((sum, union) => sum + union.members, 0);
    const employees = row.employeesCount;
    return {
      company,
      relation: row.relation ? { ...row.relation, kindLabel: labelOf(RELATION_KIND_LABELS, row.relation.kind) } : null,
      depth: row.depth,
      unions: row.unions,
      prospect:
        row.prospectId && row.prospectStage
          ? {
              id: row.prospectId,
              stage: row.prospectStage,
              stageLabel: labelOf(STAGE_LABELS, row.prospectStage),
              lastVisitOn: caller.role === 'federation' ? null : row.lastVisitOn,
              nextActionOn: row.nextActionOn,
            }
          : null,
      employees,
      organizedMembers,
      organizationRate: employees === null ? null : rate(organizedMembers, employees),
      status: row.status,
      statusLabel: labelOf(COMPANY_STATUS_LABELS, row.status),
      children: [],
    };
  }
}

/** A tree's totals: the sums of its companies. */
export function totalsOf(nodes: CompanyGroupNodeDto[], prefecture: string): GroupTotalsDto {
  const known = nodes.filter((n) => n.employees !== null);
  const employees = known.reduce((sum, n) => sum + (n.employees ?? 0), 0);
  const prospectsByStage: Record<string, number> = {};
  for (const n of nodes) if (n.prospect) prospectsByStage[n.prospect.stage] = (prospectsByStage[n.prospect.stage] ?? 0) + 1;
  return {
    companies: nodes.length,
    employees,
    organizedMembers: nodes.reduce((sum, n) => sum + n.organizedMembers, 0),
    organizationRate: rate(
      known.reduce((sum, n) => sum + n.organizedMembers, 0),
      employees,
    ),
    unorganizedCompanies: nodes.filter((n) => n.status === 'unorganized').length,
    unorganizedInPrefecture: nodes.filter((n) => n.status === 'unorganized' && n.company.prefecture === prefecture).length,
    prospectsByStage,
  };
}
