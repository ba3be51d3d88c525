import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionalCouncil } from './regional-council.entity';
import { RegionalCouncilsController } from './regional-councils.controller';
import { RegionalCouncilsService } from './regional-councils.service';

@Module({
  imports: [TypeOrmModule.forFeature([RegionalCouncil])],
  controllers: [RegionalCouncilsController],
  providers: [RegionalCouncilsService],
  exports: [RegionalCouncilsService],
})
export class RegionalCouncilsModule {}
