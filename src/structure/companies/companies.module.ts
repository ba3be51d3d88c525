import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../platform/time/clock';
import { CompaniesController, CompanyRelationsController } from './companies.controller';
import { CompaniesService } from './companies.service';
import { CompanyRelationsService } from './company-relations.service';
import { CompanyRelation } from './company-relation.entity';
import { Company } from './company.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Company, CompanyRelation]), ClockModule],
  controllers: [CompaniesController, CompanyRelationsController],
  providers: [CompaniesService, CompanyRelationsService],
  exports: [CompaniesService, CompanyRelationsService],
})
export class CompaniesModule {}
