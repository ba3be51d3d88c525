import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ operationId: 'listLossReviews', summary: 'List loss reviews' })
  list(@Query() query: ListLossReviewsQuery): Promise<Page<LossReviewDto>> {
    return this.reviews.list(query);
  }

  @Authenticated()
  @Get(':id')
  @ApiOperation({ operationId: 'getLossReview', summary: 'Get a loss review' })
  @ApiOkResponse({ type: LossReviewDto })
  get(@UuidParam() id: string): Promise<LossReviewDto> {
    return this.reviews.get(id);
  }

  /** Regional staff for their own council (403 otherwise); admins for any. */
  @Authenticated('regional', 'admin')
  @Post()
  @ApiOperation({ operationId: 'createLossReview', summary: 'Write a loss review for your council' })
  @ApiCreatedResponse({ type: LossReviewDto })
  create(@Body() dto: CreateLossReviewDto, @Caller() caller: CurrentUser): Promise<LossReviewDto> {
    return this.reviews.create(dto, caller);
  }

  @Authenticated('regional', 'admin')
  @Patch(':id')
  @ApiOperation({ operationId: 'updateLossReview', summary: 'Change a loss review' })
  @ApiOkResponse({ type: LossReviewDto })
  @ApiConflictResponse({ description: 'Stale version' })
  update(@UuidParam() id: string, @Body() dto: UpdateLossReviewDto, @Caller() caller: CurrentUser): Promise<LossReviewDto> {
    return this.reviews.update(id, dto, caller);
  }

  @Authenticated('regional', 'admin')
  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ operationId: 'deleteLossReview', summary: 'Delete a loss review' })
  @ApiNoContentResponse({ description: 'Deleted' })
  remove(@UuidParam() id: string, @Caller() caller: CurrentUser): Promise<void> {
    return this.reviews.remove(id, caller);
  }
}
