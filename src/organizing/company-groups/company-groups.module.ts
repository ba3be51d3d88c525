import { Module } from '@nestjs/common';
import { ClockModule } from '../../platform/time/clock';
import { CompanyGroupsController } from './company-groups.controller';
import { CompanyGroupsService } from './company-groups.service';

/** 企業グループ: the group trees and the target list. */
@Module({
  imports: [ClockModule],
  controllers: [CompanyGroupsController],
  providers: [CompanyGroupsService],
  exports: [CompanyGroupsService],
})
export class CompanyGroupsModule {}
