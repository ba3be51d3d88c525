import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const PRINT_DOCUMENT = join(root, 'dist', 'src', 'platform', 'openapi', 'print-openapi.js');

export type Schema = Record<string, any>;
export interface Operation {
  method: string;
  path: string;
  name: string;
  operation: Record<string, any>;
}
export type OpenApiDocument = Record<string, any>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/**
 * The OpenAPI document as /docs-json serves it, printed from the build: the DTOs' schema
 * comes from the build's compiler plugin, which the tests' compiler does not run.
 */
export function builtOpenApiDocument(): OpenApiDocument {
  if (!existsSync(PRINT_DOCUMENT)) throw new Error('dist/ is missing: run `npm run build` (or `npx nest build`) first');
  return JSON.parse(execFileSync(process.execPath, [PRINT_DOCUMENT], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).toString());
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => ({ method, path, name: `${method.toUpperCase()} ${path}`, operation: item[method] })),
  );
}

/** The schema a `#/components/schemas/X` reference names, or undefined when it points nowhere. */
export function resolveRef(document: OpenApiDocument, ref: string): Schema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: any = document;
  for (const part of ref.slice(2).split('/')) node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return node ?? undefined;
}

const typeOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
};

const fits = (actual: string, declared: string): boolean => actual === declared || (declared === 'number' && actual === 'integer');

/**
 * A small checker of a JSON value against an OpenAPI 3.0 schema: required properties
 * present, no property the schema does not declare, declared types and enums, nullable,
 * $ref, allOf/oneOf and array items. Answers
 * the problems found, each naming where (`body.items[0].stage`).
 */
export function schemaProblems(document: OpenApiDocument, schema: Schema, value: unknown, at = 'body'): string[] {
  if (schema.$ref) {
    const target = resolveRef(document, schema.$ref);
    return target ? schemaProblems(document, target, value, at) : [`${at}: $ref ${schema.$ref} points nowhere`];
  }
  if (value === null) return schema.nullable ? [] : [`${at}: null, but not declared nullable`];
  if (schema.allOf) return (schema.allOf as Schema[]).flatMap((part) => schemaProblems(document, part, value, at));
  if (schema.oneOf) {
    const matching = (schema.oneOf as Schema[]).filter((part) => schemaProblems(document, part, value, at).length === 0);
    return matching.length > 0 ? [] : [`${at}: matches none of oneOf`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) return [`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  const actual = typeOf(value);
  if (schema.type && !fits(actual, schema.type)) return [`${at}: ${actual}, declared ${schema.type}`];
  if (actual === 'array' && schema.items) return (value as unknown[]).flatMap((item, i) => schemaProblems(document, schema.items, item, `${at}[${i}]`));
  if (actual === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const missing = ((schema.required ?? []) as string[]).filter((name) => !(name in object)).map((name) => `${at}.${name}: required, missing`);
    const present = Object.entries(properties).filter(([name]) => object[name] !== undefined);
    const undeclared = schema.properties && !schema.additionalProperties ? Object.keys(object).filter((name) => !(name in properties)) : [];
    return [
      ...missing,
      ...undeclared.map((name) => `${at}.${name}: not declared`),
      ...present.flatMap(([name, property]) => schemaProblems(document, property, object[name], `${at}.${name}`)),
    ];
  }
  return [];
}
