import { DynamicModule, Module } from '@nestjs/common';
import { LABEL_LISTS, LabelsController } from './labels.controller';
import type { LabelMap } from './labels';

/** GET /labels, over the lists the app gathers from the areas (src/labels.ts). */
@Module({})
export class LabelsModule {
  static forRoot(lists: Record<string, LabelMap>): DynamicModule {
    return { module: LabelsModule, controllers: [LabelsController], providers: [{ provide: LABEL_LISTS, useValue: lists }] };
  }
}
