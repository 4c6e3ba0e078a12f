import { BIGINT, BOOLEAN, DOUBLE, InferredField, InferredType, mergeTypes, STRING } from './inferred-type';
import { isInt64Literal } from './text-value-type';

/** The text ended inside a JSON value. */
export class JsonTruncatedError extends Error {}
/** The text is not JSON at this position. */
export class JsonSyntaxError extends Error {}

/** The result of scanning one JSON value: its type, `undefined` for `null` or when nothing is known (`[]`, `{}`). */
export interface ScannedValue {
  readonly type: InferredType | undefined;
  /** Whether the value was an object, an array or a scalar. */
  readonly shape: 'object' | 'array' | 'scalar';
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * A JSON reader that yields the crawler's type of each value instead of the value: integers are `bigint` when the
 * literal has no fraction or exponent and fits int64 (so `1.0` is `double`, which `JSON.parse` cannot tell), other
 * numbers `double`, strings `string`, `true`/`false` `boolean`, objects `struct<...>` (fields in order, repeated keys
 * merged), arrays `array<merged element type>`. Null contributes nothing. An empty object contributes nothing either
 * (**Unconfirmed**: Hive has no empty struct; gluekit types a field that is only ever `{}` as `string`).
 */
export class JsonTypeScanner {
  pos = 0;

  constructor(readonly text: string) {}

  /** Skips whitespace (and a byte order mark); returns false at the end of the text. */
  skipWhitespace(): boolean {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff) this.pos++;
      else return true;
    }
    return false;
  }

  /** Scans the value at the current position (after whitespace). */
  value(): ScannedValue {
    if (!this.skipWhitespace()) throw new JsonTruncatedError('end of text');
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return { type: this.object(), shape: 'object' };
      case '[':
        return { type: this.array(), shape: 'array' };
      case '"':
        this.string();
        return { type: STRING, shape: 'scalar' };
      case 't':
        this.literal('true');
        return { type: BOOLEAN, shape: 'scalar' };
      case 'f':
        this.literal('false');
        return { type: BOOLEAN, shape: 'scalar' };
      case 'n':
        this.literal('null');
        return { type: undefined, shape: 'scalar' };
      default:
        return { type: this.number(), shape: 'scalar' };
    }
  }

  private fail(what: string): never {
    throw new JsonSyntaxError(`${what} at character ${this.pos}`);
  }

  private expectMore(): void {
    if (!this.skipWhitespace()) throw new JsonTruncatedError('end of text');
  }

  private literal(word: string): void {
    const available = this.text.slice(this.pos, this.pos + word.length);
    if (available === word) {
      this.pos += word.length;
      return;
    }
    if (word.startsWith(available)) throw new JsonTruncatedError('end of text');
    this.fail(`expected ${word}`);
  }

  private number(): InferredType {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match || match[0].length === 0) this.fail('unexpected character');
    this.pos += match[0].length;
    if (this.pos >= this.text.length) throw new JsonTruncatedError('end of text');
    return isInt64Literal(match[0]) ? BIGINT : DOUBLE;
  }

  /** Scans a string and returns its raw text including the quotes. */
  private string(): string {
    const t = this.text;
    const start = this.pos;
    let i = this.pos + 1;
    for (;;) {
      const q = t.indexOf('"', i);
      if (q < 0) throw new JsonTruncatedError('end of text');
      let backslashes = 0;
      for (let j = q - 1; j > start && t.charCodeAt(j) === 0x5c; j--) backslashes++;
      if (backslashes % 2 === 0) {
        this.pos = q + 1;
        return t.slice(start, q + 1);
      }
      i = q + 1;
    }
  }

  private object(): InferredType | undefined {
    this.pos++;
    const fields: InferredField[] = [];
    const index = new Map<string, number>();
    this.expectMore();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return undefined;
    }
    for (;;) {
      this.expectMore();
      if (this.text[this.pos] !== '"') this.fail('expected a field name');
      const raw = this.string();
      let name: string;
      try {
        name = JSON.parse(raw) as string;
      } catch {
        this.fail('bad field name');
      }
      this.expectMore();
      if (this.text[this.pos] !== ':') this.fail("expected ':'");
      this.pos++;
      const { type } = this.value();
      const i = index.get(name);
      if (i === undefined) {
        index.set(name, fields.length);
        fields.push({ name, type });
      } else {
        fields[i] = { name, type: mergeTypes(fields[i].type, type) };
      }
      this.expectMore();
      const c = this.text[this.pos++];
      if (c === '}') break;
      if (c !== ',') this.fail("expected ',' or '}'");
    }
    return { kind: 'struct', fields };
  }

  private array(): InferredType {
    this.pos++;
    let element: InferredType | undefined;
    this.expectMore();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', element };
    }
    for (;;) {
      element = mergeTypes(element, this.value().type);
      this.expectMore();
      const c = this.text[this.pos++];
      if (c === ']') break;
      if (c !== ',') this.fail("expected ',' or ']'");
    }
    return { kind: 'array', element };
  }

  /**
   * Scans the elements of a top-level array one by one, for a file that is one big array: returns the merged element
   * type of the elements that were complete when the text ended (the sample may cut the array).
   */
  partialArrayElements(): { element: InferredType | undefined; complete: boolean } {
    this.skipWhitespace();
    if (this.text[this.pos] !== '[') this.fail("expected '['");
    this.pos++;
    let element: InferredType | undefined;
    try {
      this.expectMore();
      if (this.text[this.pos] === ']') {
        this.pos++;
        return { element, complete: true };
      }
      for (;;) {
        const { type } = this.value();
        element = mergeTypes(element, type);
        this.expectMore();
        const c = this.text[this.pos++];
        if (c === ']') return { element, complete: true };
        if (c !== ',') this.fail("expected ',' or ']'");
      }
    } catch (e) {
      if (e instanceof JsonTruncatedError) return { element, complete: false };
      throw e;
    }
  }
}
