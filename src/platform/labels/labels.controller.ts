import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/auth.decorators';
import { LabelMap, labelList } from './labels';
import { LabelsDto } from './dto/labels.dto';

/** The lists GET /labels answers, by name (provided by LabelsModule.forRoot). */
export const LABEL_LISTS = Symbol('LABEL_LISTS');

@ApiTags('labels')
@Controller('labels')
export class LabelsController {
  private readonly labels: LabelsDto;

  constructor(@Inject(LABEL_LISTS) lists: Record<string, LabelMap>) {
    this.labels = Object.fromEntries(Object.entries(lists).map(([name, map]) => [name, labelList(map)])) as unknown as LabelsDto;
  }

  /** Every code list of the API with its Japanese label. */
  @Authenticated()
  @Get()
  @ApiOperation({ operationId: 'listLabels', summary: 'Every code list with its Japanese labels' })
  @ApiOkResponse({ type: LabelsDto })
  list(): LabelsDto {
    return this.labels;
  }
}
