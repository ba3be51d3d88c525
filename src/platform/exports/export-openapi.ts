import type { OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { EXPORT_FORMATS } from './export-format';
import type { ExportRoutes } from './export-routes';

const FORMAT_PARAMETER: ParameterObject = {
  name: 'format',
  in: 'query',
  required: false,
  schema: { type: 'string', enum: [...EXPORT_FORMATS] },
  description: 'The answer as an Excel or CSV file (see the API description); a list gives every row in scope, not one page.',
};

/** Adds the `format` query parameter, once, to every GET that has an export. */
export function documentExportFormat(document: OpenAPIObject, routes: ExportRoutes, prefix: string): OpenAPIObject {
  for (const route of routes.paths()) {
    const path = `${prefix}${route.replace(/:(\w+)/g, '{$1}')}`;
    const get = document.paths[path]?.get;
    if (!get) throw new Error(`An export is defined for ${route}, which has no GET in the API`);
    get.parameters = [...(get.parameters ?? []).filter((p) => !('name' in p) || p.name !== 'format'), FORMAT_PARAMETER];
  }
  return document;
}
