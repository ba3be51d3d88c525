import type { ExportDefinition, RouteExports } from './export-definition';

/** Route paths (after /api/v1, as Nest declares them: `/goals/:id/progress`) and their exports. */

/**
 * Every GET that answers `?format=xlsx|csv`, and the routes that read a `format` of their
 * own (an import template's CSV header), which the export interceptor leaves alone.
 */
export class ExportRoutes {
  private readonly definitions: Map<string, ExportDefinition>;
  private readonly ownFormat: Set<string>;

  constructor(definitions: RouteExports, ownFormat: readonly string[] = []) {
    this.definitions = new Map(Object.entries(definitions));
    this.ownFormat = new Set(ownFormat);
  }

  find(route: string): ExportDefinition | undefined {
    return this.definitions.get(route);
  }

  readsOwnFormat(route: string): boolean {
    return this.ownFormat.has(route);
  }

  paths(): string[] {
    return [...this.definitions.keys()];
  }
}
