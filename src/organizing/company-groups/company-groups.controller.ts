import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CompanyGroupsService } from './company-groups.service';
import { CompanyGroupDto, CompanyGroupQuery, CompanyGroupSummaryDto, ListCompanyGroupsQuery } from './dto/company-group.dto';

/** 企業グループ: every role reads; prospects inside show only as far as the caller's scope shows prospects. */
@ApiTags('company-groups')
@Controller('company-groups')
export class CompanyGroupsController {
  constructor(private readonly groups: CompanyGroupsService) {}

  @Authenticated()
  @Get()
  @ApiPage(CompanyGroupSummaryDto)
  @ApiOperation({
    operationId: 'listCompanyGroups',
    summary: 'The target list: groups with their totals (filters hasAffiliatedUnion, hasUnorganized, prefecture)',
  })
  list(@Query() query: ListCompanyGroupsQuery, @Caller() caller: CurrentUser): Promise<Page<CompanyGroupSummaryDto>> {
    return this.groups.list(query, caller);
  }

  @Authenticated()
  @Get(':companyId')
  @ApiNotFoundResponse({ description: 'Unknown company' })
  @ApiOperation({ operationId: 'getCompanyGroup', summary: 'The whole group of a company, from its ultimate parent down, with totals' })
  @ApiOkResponse({ type: CompanyGroupDto })
  get(@UuidParam('companyId') companyId: string, @Query() query: CompanyGroupQuery, @Caller() caller: CurrentUser): Promise<CompanyGroupDto> {
    return this.groups.tree(companyId, query, caller);
  }
}
