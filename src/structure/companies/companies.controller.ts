import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CompaniesService } from './companies.service';
import { CompanyRelationsService } from './company-relations.service';
import { CompanyRelationDto, CreateCompanyRelationDto, ListCompanyRelationsQuery, UpdateCompanyRelationDto } from './dto/company-relation.dto';
import { CompanyDto, CreateCompanyDto, ListCompaniesQuery, UpdateCompanyDto } from './dto/company.dto';

/** Companies are public facts: every role reads them; admins, regional staff and federation users write them. */
@ApiTags('companies')
@Controller('companies')
export class CompaniesController {
  constructor(private readonly companies: CompaniesService) {}

  @Authenticated()
  @Get()
  @ApiPage(CompanyDto)
  @ApiOperation({ operationId: 'listCompanies', summary: 'List companies (search by name, フリガナ, 法人番号 or EDINET code)' })
  list(@Query() query: ListCompaniesQuery): Promise<Page<CompanyDto>> {
    return this.companies.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown company' })
  @ApiOperation({ operationId: 'getCompany', summary: 'Get a company' })
  @ApiOkResponse({ type: CompanyDto })
  get(@UuidParam() id: string): Promise<CompanyDto> {
    return this.companies.get(id);
  }

  @Authenticated('admin', 'regional', 'federation')
  @Post()
  @ApiOperation({ operationId: 'createCompany', summary: 'Register a company' })
  @ApiCreatedResponse({ type: CompanyDto })
  @ApiConflictResponse({ description: 'The 法人番号 or EDINET code is already registered' })
  create(@Body() dto: CreateCompanyDto, @Caller() caller: CurrentUser): Promise<CompanyDto> {
    return this.companies.create(dto, caller);
  }

  @Authenticated('admin', 'regional', 'federation')
  @Patch(':id')
  @ApiNotFoundResponse({ description: 'Unknown company' })
  @ApiOperation({ operationId: 'updateCompany', summary: 'Change a company' })
  @ApiOkResponse({ type: CompanyDto })
  @ApiConflictResponse({ description: 'Stale version, or the 法人番号 or EDINET code is already registered' })
  update(@UuidParam() id: string, @Body() dto: UpdateCompanyDto, @Caller() caller: CurrentUser): Promise<CompanyDto> {
    return this.companies.update(id, dto, caller);
  }

  @Authenticated('admin', 'regional', 'federation')
  @Delete(':id')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'Unknown company' })
  @ApiOperation({ operationId: 'deleteCompany', summary: 'Delete a company' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiConflictResponse({ description: 'A relation, union or prospect still names the company' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.companies.remove(id, caller);
  }
}

/** Relations between companies (関係会社の状況): read by every role, written like companies. */
@ApiTags('companies')
@Controller('company-relations')
export class CompanyRelationsController {
  constructor(private readonly relations: CompanyRelationsService) {}

  @Authenticated()
  @Get()
  @ApiPage(CompanyRelationDto)
  @ApiOperation({ operationId: 'listCompanyRelations', summary: 'List relations between companies' })
  list(@Query() query: ListCompanyRelationsQuery): Promise<Page<CompanyRelationDto>> {
    return this.relations.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiNotFoundResponse({ description: 'Unknown relation' })
  @ApiOperation({ operationId: 'getCompanyRelation', summary: 'Get a relation between companies' })
  @ApiOkResponse({ type: CompanyRelationDto })
  get(@UuidParam() id: string): Promise<CompanyRelationDto> {
    return this.relations.get(id);
  }

  @Authenticated('admin', 'regional', 'federation')
  @Post()
  @ApiOperation({ operationId: 'createCompanyRelation', summary: 'Record a relation between companies' })
  @ApiCreatedResponse({ type: CompanyRelationDto })
  @ApiConflictResponse({ description: 'The child already has a controlling parent in that period (SECOND_CONTROLLING_PARENT)' })
  create(@Body() dto: CreateCompanyRelationDto, @Caller() caller: CurrentUser): Promise<CompanyRelationDto> {
    return this.relations.create(dto, caller);
  }

  @Authenticated('admin', 'regional', 'federation')
  @Patch(':id')
  @ApiNotFoundResponse({ description: 'Unknown relation' })
  @ApiOperation({ operationId: 'updateCompanyRelation', summary: 'Change a relation between companies' })
  @ApiOkResponse({ type: CompanyRelationDto })
  @ApiConflictResponse({ description: 'Stale version, or a second controlling parent' })
  update(@UuidParam() id: string, @Body() dto: UpdateCompanyRelationDto, @Caller() caller: CurrentUser): Promise<CompanyRelationDto> {
    return this.relations.update(id, dto, caller);
  }

  @Authenticated('admin', 'regional', 'federation')
  @Delete(':id')
  @HttpCode(204)
  @ApiNotFoundResponse({ description: 'Unknown relation' })
  @ApiOperation({ operationId: 'deleteCompanyRelation', summary: 'Delete a relation between companies' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.relations.remove(id, caller);
  }
}
