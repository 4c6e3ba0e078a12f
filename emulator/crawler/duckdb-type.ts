import { InferredField, InferredType, primitive, STRING } from './inferred-type';

/**
 * DuckDB scalar type names (as `DESCRIBE` prints them) and the Hive type the crawler writes for each. Parquet types
 * reach the crawler through DuckDB, so these are Parquet's logical types under DuckDB's names.
 * **Unconfirmed**: unsigned integers widen to the next signed Hive type (UBIGINT -> decimal(20,0)); TIME, UUID, INTERVAL
 * and anything unknown become `string`; HUGEINT becomes decimal(38,0).
 */
const SCALARS: Record<string, string> = {
  BOOLEAN: 'boolean',
  TINYINT: 'tinyint',
  SMALLINT: 'smallint',
  INTEGER: 'int',
  BIGINT: 'bigint',
  HUGEINT: 'decimal(38,0)',
  UTINYINT: 'smallint',
  USMALLINT: 'int',
  UINTEGER: 'bigint',
  UBIGINT: 'decimal(20,0)',
  UHUGEINT: 'decimal(38,0)',
  FLOAT: 'float',
  DOUBLE: 'double',
  VARCHAR: 'string',
  BLOB: 'binary',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamp',
  TIMESTAMP_S: 'timestamp',
  TIMESTAMP_MS: 'timestamp',
  TIMESTAMP_NS: 'timestamp',
};

class TypeParser {
  private pos = 0;

  constructor(private readonly text: string) {}

  parse(): InferredType {
    const t = this.type();
    this.space();
    if (this.pos !== this.text.length) throw new Error(`unexpected '${this.text.slice(this.pos)}'`);
    return t;
  }

  private space(): void {
    while (this.text[this.pos] === ' ') this.pos++;
  }

  private eat(token: string): boolean {
    this.space();
    if (this.text.startsWith(token, this.pos)) {
      this.pos += token.length;
      return true;
    }
    return false;
  }

  private expect(token: string): void {
    if (!this.eat(token)) throw new Error(`expected '${token}' at ${this.pos}`);
  }

  /** A type name: words up to a parenthesis, bracket or comma. */
  private word(): string {
    this.space();
    const start = this.pos;
    while (this.pos < this.text.length && !'(),[]'.includes(this.text[this.pos])) this.pos++;
    return this.text.slice(start, this.pos).trim();
  }

  /** A struct field name: `"quoted ""name"""` or a bare word up to the space before its type. */
  private fieldName(): string {
    this.space();
    if (this.text[this.pos] === '"') {
      let name = '';
      this.pos++;
      for (;;) {
        const q = this.text.indexOf('"', this.pos);
        if (q < 0) throw new Error('unterminated field name');
        name += this.text.slice(this.pos, q);
        this.pos = q + 1;
        if (this.text[this.pos] === '"') {
          name += '"';
          this.pos++;
        } else {
          return name;
        }
      }
    }
    const start = this.pos;
    while (this.pos < this.text.length && this.text[this.pos] !== ' ') this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Skips a balanced parenthesised list (ENUM values, UNION members). */
  private skipParenthesised(): void {
    let depth = 0;
    let quote: string | undefined;
    for (; this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (quote) {
        if (c === quote) quote = undefined;
      } else if (c === "'" || c === '"') quote = c;
      else if (c === '(') depth++;
      else if (c === ')' && --depth === 0) {
        this.pos++;
        return;
      }
    }
  }

  private type(): InferredType {
    const name = this.word().toUpperCase();
    let t: InferredType;
    if (name === 'STRUCT') {
      this.expect('(');
      const fields: InferredField[] = [];
      if (!this.eat(')')) {
        do {
          const fieldName = this.fieldName();
          fields.push({ name: fieldName, type: this.type() });
        } while (this.eat(','));
        this.expect(')');
      }
      t = { kind: 'struct', fields };
    } else if (name === 'MAP') {
      this.expect('(');
      const key = this.type();
      this.expect(',');
      const value = this.type();
      this.expect(')');
      t = { kind: 'map', key, value };
    } else if (name === 'DECIMAL' || name === 'NUMERIC') {
      let precision = '18';
      let scale = '3';
      if (this.eat('(')) {
        precision = this.word();
        scale = this.eat(',') ? this.word() : '0';
        this.expect(')');
      }
      t = primitive(`decimal(${precision},${scale})`);
    } else {
      if (this.text[this.pos] === '(') this.skipParenthesised();
      t = SCALARS[name] !== undefined ? primitive(SCALARS[name]) : STRING;
    }
    // Lists `T[]` and fixed-size arrays `T[3]`, possibly nested.
    while (this.eat('[')) {
      while (this.pos < this.text.length && this.text[this.pos] !== ']') this.pos++;
      this.expect(']');
      t = { kind: 'array', element: t };
    }
    return t;
  }
}

/**
 * The crawler's type for a DuckDB type as `DESCRIBE` prints it: `BIGINT` -> bigint, `INTEGER` -> int,
 * `DECIMAL(10,2)` -> decimal(10,2), `VARCHAR[]` -> array<string>, `STRUCT(a BIGINT, "B c" VARCHAR)` ->
 * struct<a:bigint,B c:string>, `MAP(VARCHAR, INTEGER)` -> map<string,int>. Throws on text it cannot parse.
 */
export function duckdbTypeToInferred(duckdbType: string): InferredType {
  try {
    return new TypeParser(duckdbType).parse();
  } catch (e) {
    throw new Error(`cannot read the DuckDB type '${duckdbType}': ${(e as Error).message}`);
  }
}
