import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClockModule } from '../../platform/time/clock';
import { Union } from './union.entity';
import { UnionsController } from './unions.controller';
import { UnionsService } from './unions.service';

@Module({
  imports: [TypeOrmModule.forFeature([Union]), ClockModule],
  controllers: [UnionsController],
  providers: [UnionsService],
  exports: [UnionsService],
})
export class UnionsModule {}
