import { OpenApiDocument, Operation, Schema, builtOpenApiDocument, operationsOf, resolveRef, schemaProblems } from '../support/openapi';

const ERROR_REF = '#/components/schemas/ErrorResponseDto';
/** Answers that are files, not JSON: a download needs no JSON schema. */
const FILE_TYPES = /^(application\/vnd\.openxmlformats|text\/csv|application\/octet-stream)/;

const allRefs = (node: unknown, found: string[] = []): string[] => {
  if (Array.isArray(node)) node.forEach((item) => allRefs(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else allRefs(value, found);
    }
  }
  return found;
};

/** `{type: object}` and nothing else says nothing about the answer. */
const isBareObject = (schema: Schema): boolean =>
  schema.type === 'object' && !schema.properties && !schema.additionalProperties && !schema.allOf && !schema.oneOf && !schema.$ref;

/** The property paths in a schema (and the schemas it refers to) that are bare objects. */
function bareObjects(document: OpenApiDocument, schema: Schema, at: string, seen = new Set<string>()): string[] {
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return [];
    seen.add(schema.$ref);
    const target = resolveRef(document, schema.$ref);
    return target ? bareObjects(document, target, schema.$ref.split('/').pop() as string, seen) : [];
  }
  if (isBareObject(schema)) return [at];
  const parts: [string, Schema][] = [
    ...Object.entries((schema.properties ?? {}) as Record<string, Schema>).map(([name, s]): [string, Schema] => [`${at}.${name}`, s]),
    ...(schema.items ? [[`${at}[]`, schema.items] as [string, Schema]] : []),
    ...((schema.allOf ?? []) as Schema[]).map((s): [string, Schema] => [at, s]),
  ];
  return parts.flatMap(([path, s]) => bareObjects(document, s, path, seen));
}

/**
 * The OpenAPI document is the console's typed client and the contract scripts read: every
 * operation says what it does, has a stable name, and declares its answer and its errors.
 * Each check names the operations that fail it.
 */
describe('the OpenAPI document', () => {
  let document: OpenApiDocument;
  let operations: Operation[];
  const failing = (problem: (o: Operation) => string | false | undefined): string[] =>
    operations.map((o) => problem(o)).filter((p): p is string => typeof p === 'string');

  beforeAll(() => {
    document = builtOpenApiDocument();
    operations = operationsOf(document);
  });

  it('describes the whole API', () => {
    expect(operations.length).toBeGreaterThan(80);
  });

  it('gives every operation a one-line summary', () => {
    expect(failing((o) => (!o.operation.summary?.trim() || /\n/.test(o.operation.summary)) && o.name)).toEqual([]);
  });

  it('gives every operation its own explicit operationId (camelCase, not the generated Controller_method)', () => {
    expect(failing((o) => !/^[a-z][A-Za-z0-9]+$/.test(o.operation.operationId ?? '') && `${o.name}: ${o.operation.operationId}`)).toEqual([]);
    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('tags every operation', () => {
    expect(failing((o) => !(o.operation.tags?.length > 0) && o.name)).toEqual([]);
  });

  it('declares a success answer with a schema for every operation (204 and file downloads excepted)', () => {
    const problem = (o: Operation): string | false => {
      const successes = Object.entries(o.operation.responses as Record<string, any>).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return `${o.name}: no 2xx answer`;
      for (const [status, response] of successes) {
        if (status === '204') {
          if (response.content) return `${o.name}: 204 with a body`;
          continue;
        }
        const types = Object.keys(response.content ?? {});
        if (types.length > 0 && types.every((type) => FILE_TYPES.test(type))) continue;
        const schema = response.content?.['application/json']?.schema as Schema | undefined;
        if (!schema) return `${o.name}: ${status} without a JSON schema`;
        const bare = bareObjects(document, schema, `${status}`);
        if (bare.length > 0) return `${o.name}: untyped object at ${bare.join(', ')}`;
      }
      return false;
    };
    expect(failing(problem)).toEqual([]);
  });

  it('gives every error answer the one error body, and declares 401 wherever a token is required', () => {
    const problem = (o: Operation): string | false => {
      const responses = o.operation.responses as Record<string, any>;
      const errors = Object.entries(responses).filter(([status]) => /^4\d\d$/.test(status));
      const other = errors.filter(([, r]) => r.content?.['application/json']?.schema?.$ref !== ERROR_REF).map(([status]) => status);
      if (other.length > 0) return `${o.name}: ${other.join(', ')} not ${ERROR_REF}`;
      if (o.operation.security?.length > 0 && !responses['401']) return `${o.name}: signed in, but no 401`;
      const hasInput = (o.operation.parameters?.length ?? 0) > 0 || o.operation.requestBody;
      if (hasInput && !responses['400']) return `${o.name}: takes input, but no 400`;
      return false;
    };
    expect(failing(problem)).toEqual([]);
  });

  it('has no $ref that points nowhere', () => {
    expect(allRefs(document).filter((ref) => resolveRef(document, ref) === undefined)).toEqual([]);
  });

  it('describes the error body once: statusCode, error, message, code, details?: [{field, code, message}]', () => {
    const error = resolveRef(document, ERROR_REF) as Schema;
    expect(error.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message', 'code']));
    expect(error.required).not.toContain('details');
    const details = resolveRef(document, error.properties.details.items.$ref) as Schema;
    expect(details.required).toEqual(expect.arrayContaining(['field', 'code', 'message']));
  });

  it('lists every error code as one enum, which the body’s code and each detail’s code refer to', () => {
    const error = resolveRef(document, ERROR_REF) as Schema;
    const details = resolveRef(document, error.properties.details.items.$ref) as Schema;
    const codeSchema = (schema: Schema): Schema => {
      const code = schema.properties.code as Schema;
      return resolveRef(document, code.$ref ?? code.allOf?.[0]?.$ref) as Schema;
    };
    const codes = codeSchema(error);
    expect(codes).toBe(codeSchema(details));
    expect(codes.type).toBe('string');
    expect(codes.enum).toEqual(
      expect.arrayContaining([
        'NOT_FOUND',
        'INVALID_FIELD',
        'STALE_VERSION',
        'DUPLICATE',
        'BODY_TOO_LARGE',
        'SIGN_MISMATCH',
        'OUT_OF_SCOPE',
        'CONTACT_DETAIL',
        'REQUIRED',
        'UNKNOWN_FIELD',
      ]),
    );
    for (const code of codes.enum) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(new Set(codes.enum).size).toBe(codes.enum.length);
  });
});

/** The checker that openapi-answers.e2e-spec.ts holds real answers to. */
describe('the answer checker', () => {
  const document = {
    components: {
      schemas: {
        Item: {
          type: 'object',
          required: ['id', 'stage', 'nextActionOn'],
          properties: {
            id: { type: 'string' },
            stage: { type: 'string', enum: ['identified', 'contacted'] },
            nextActionOn: { type: 'string', nullable: true },
            workers: { type: 'integer' },
          },
        },
      },
    },
  };
  const page = { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } };
  const item = { id: 'a', stage: 'identified', nextActionOn: null, workers: 3 };

  it('accepts an answer of the declared shape', () => {
    expect(schemaProblems(document, page, { items: [item] })).toEqual([]);
  });

  it('names a missing property, an undeclared one, a wrong type, an undeclared null and a value outside the enum', () => {
    const answer = {
      items: [
        { id: 'a', stage: 'founded', workers: 2.5, passwordHash: 'x' },
        { ...item, id: null },
      ],
    };
    expect(schemaProblems(document, page, answer)).toEqual([
      'body.items[0].nextActionOn: required, missing',
      'body.items[0].passwordHash: not declared',
      'body.items[0].stage: "founded" is not one of ["identified","contacted"]',
      'body.items[0].workers: number, declared integer',
      'body.items[1].id: null, but not declared nullable',
    ]);
  });

  it('names a $ref that points nowhere', () => {
    expect(schemaProblems(document, { $ref: '#/components/schemas/Gone' }, {})).toEqual(['body: $ref #/components/schemas/Gone points nowhere']);
  });
});
