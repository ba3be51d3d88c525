/**
 * The one way this code base writes raw SQL: a tagged template that sends every
 * interpolated value as a parameter and numbers the placeholders itself.
 *
 *   const near = sql`u.regional_council_id = ${councilId}`;
 *   await query<UnionRow[]>(manager, sql`SELECT u.id FROM unions u WHERE ${near} AND u.code = ${code}`);
 *
 * An interpolated `sql` fragment is spliced in (its own values renumbered), so conditions
 * compose without string replacement; anything else becomes `$n`. Identifiers that must
 * vary (a table alias) go through `sql.ident`, which accepts only plain names.
 */
const FRAGMENT = Symbol('sql');

export interface Sql {
  readonly [FRAGMENT]: true;
  /** Text pieces around the values: always one more than `values`. */
  readonly texts: readonly string[];
  readonly values: readonly unknown[];
}

function fragment(texts: string[], values: unknown[]): Sql {
  return { [FRAGMENT]: true, texts, values };
}

function isSql(value: unknown): value is Sql {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

/** Appends `value` to the pieces being built: a fragment spliced in, anything else a parameter. */
function append(texts: string[], params: unknown[], value: unknown, after: string): void {
  if (isSql(value)) {
    texts[texts.length - 1] += value.texts[0];
    for (let j = 0; j < value.values.length; j++) {
      params.push(value.values[j]);
      texts.push(value.texts[j + 1]);
    }
    texts[texts.length - 1] += after;
  } else {
    params.push(value);
    texts.push(after);
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const texts = [strings[0]];
  const params: unknown[] = [];
  values.forEach((value, i) => append(texts, params, value, strings[i + 1]));
  return fragment(texts, params);
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table alias or column name chosen by the code (never by a caller): plain lower-case names only. */
sql.ident = (name: string): Sql => {
  if (!IDENTIFIER.test(name)) throw new Error(`sql.ident: not a plain identifier: ${name}`);
  return fragment([name], []);
};

/** The fragments with `separator` between them (a comma by default), built in one pass however many. */
sql.join = (parts: readonly Sql[], separator: Sql = sql`, `): Sql => {
  const texts = [''];
  const params: unknown[] = [];
  parts.forEach((part, i) => {
    if (i > 0) append(texts, params, separator, '');
    append(texts, params, part, '');
  });
  return fragment(texts, params);
};

/** Every condition must hold; none at all is TRUE. */
sql.and = (conditions: readonly Sql[]): Sql =>
  conditions.length
    ? sql.join(
        conditions.map((c) => sql`(${c})`),
        sql` AND `,
      )
    : sql`TRUE`;

/** The statement's text with `$1`…`$n` and its values, in the shape `pg` and TypeORM take. */
export function render(statement: Sql): { text: string; values: unknown[] } {
  const text = statement.texts.reduce((all, piece, i) => `${all}$${i}${piece}`);
  return { text, values: [...statement.values] };
}

/** A DataSource, EntityManager or QueryRunner: anything with TypeORM's `query(text, values)`. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Runs a statement and returns what TypeORM's `query` returns: the rows for a SELECT or
 * INSERT … RETURNING; `[rows, affected]` for UPDATE and DELETE.
 */
export async function query<T>(db: Queryable, statement: Sql): Promise<T> {
  const { text, values } = render(statement);
  return (await db.query(text, values)) as T;
}
