import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ClockModule } from '../time/clock';
import { ExportInterceptor } from './export.interceptor';
import { ExportRoutes } from './export-routes';

/** Excel and CSV out of every route that has an export (`?format=xlsx|csv`). */
@Module({})
export class ExportsModule {
  static forRoot(routes: ExportRoutes): DynamicModule {
    return {
      module: ExportsModule,
      imports: [ClockModule],
      providers: [
        { provide: ExportRoutes, useValue: routes },
        { provide: APP_INTERCEPTOR, useClass: ExportInterceptor },
      ],
      exports: [ExportRoutes],
    };
  }
}
