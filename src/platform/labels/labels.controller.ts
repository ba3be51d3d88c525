import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/auth.decorators';
import { allLabels } from './labels';
import { LabelsDto } from './dto/labels.dto';

@ApiTags('labels')
@Controller('labels')
export class LabelsController {
  /** Every code list of the API with its Japanese label. */
  @Authenticated()
  @Get()
  @ApiOperation({ operationId: 'listLabels', summary: 'Every code list with its Japanese labels' })
  @ApiOkResponse({ type: LabelsDto })
  list(): LabelsDto {
    return allLabels();
  }
}
