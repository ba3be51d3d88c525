import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../common/auth/auth.decorators';
import { allLabels } from './labels';
import { LabelsDto } from './dto/labels.dto';

@ApiTags('labels')
@Controller('labels')
export class LabelsController {
  /** Every code list of the API with its Japanese label. */
  @Authenticated()
  @Get()
  list(): LabelsDto {
    return allLabels();
  }
}
