import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { GovernanceBodiesController } from './governance-bodies.controller';
import { GovernanceBodiesService } from './governance-bodies.service';
import { GovernanceBody, GovernanceComposition } from './governance-body.entity';

@Module({
  imports: [TypeOrmModule.forFeature([GovernanceBody, GovernanceComposition])],
  controllers: [GovernanceBodiesController],
  providers: [GovernanceBodiesService],
  exports: [GovernanceBodiesService],
})
export class GovernanceBodiesModule {}
