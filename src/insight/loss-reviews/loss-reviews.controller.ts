import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, Caller } from '../../platform/common/auth/auth.decorators';
import type { CurrentUser } from '../../platform/common/auth/roles';
import { ApiPage, Page } from '../../platform/common/http/pagination';
import { UuidParam } from '../../platform/common/http/uuid-param';
import { CreateLossReviewDto, ListLossReviewsQuery, LossReviewDto, UpdateLossReviewDto } from './dto/loss-review.dto';
import { LossReviewsService } from './loss-reviews.service';

/** Regional councils' reviews of their losses: written by the council, read by everyone. */
@ApiTags('loss-reviews')
@Controller('loss-reviews')
export class LossReviewsController {
  constructor(private readonly reviews: LossReviewsService) {}

  @Authenticated()
  @Get()
  @ApiPage(LossReviewDto)
  list(@Query() query: ListLossReviewsQuery): Promise<Page<LossReviewDto>> {
    return this.reviews.list(query);
  }

  @Authenticated()
  @Get(':id')
  get(@UuidParam() id: string): Promise<LossReviewDto> {
    return this.reviews.get(id);
  }

  /** Regional staff for their own council (403 otherwise); admins for any. */
  @Authenticated('regional', 'admin')
  @Post()
  create(@Body() dto: CreateLossReviewDto, @Caller() caller: CurrentUser): Promise<LossReviewDto> {
    return this.reviews.create(dto, caller);
  }

  @Authenticated('regional', 'admin')
  @Patch(':id')
  update(@UuidParam() id: string, @Body() dto: UpdateLossReviewDto, @Caller() caller: CurrentUser): Promise<LossReviewDto> {
    return this.reviews.update(id, dto, caller);
  }

  @Authenticated('regional', 'admin')
  @Delete(':id')
  @HttpCode(204)
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.reviews.remove(id, caller);
  }
}
