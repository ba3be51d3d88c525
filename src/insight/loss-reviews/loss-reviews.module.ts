import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LossReview } from './loss-review.entity';
import { LossReviewsController } from './loss-reviews.controller';
import { LossReviewsService } from './loss-reviews.service';

@Module({
  imports: [TypeOrmModule.forFeature([LossReview])],
  controllers: [LossReviewsController],
  providers: [LossReviewsService],
})
export class LossReviewsModule {}
