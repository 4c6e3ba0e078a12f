import type { DynamicFrame } from './dynamic-frame';
import { findName, type NameMatch } from './field-lookup';
import { arrayOf, structOf, type DataType, type StructType } from './schema';
import { quoteIdentifier, quoteLiteral } from './sql';

/** A value the output takes as it is: the SQL that reads it and its type. */
interface Value {
  readonly kind: 'value';
  readonly sql: string;
  readonly type: DataType;
}

/**
 * A struct the output rebuilds member by member. `nullWhen` says when the whole struct is null: SQL (a struct of the
 * input that is null stays null), or `all-null` (a struct ApplyMapping builds is null when none of its members has a
 * value, as awsglue leaves out a target whose sources a record lacks).
 */
interface Rebuilt {
  readonly kind: 'struct';
  readonly members: Member[];
  nullWhen: string | 'all-null';
}

type Part = Value | Rebuilt;

/** A field `Projection.replace` puts in the frame. */
export interface ReplacementField {
  readonly name: string;
  readonly sql: string;
  readonly type: DataType;
}

/** What replaces a field: fields in its place, and fields appended at the end of its struct. */
export interface Replacement {
  readonly inPlace: readonly ReplacementField[];
  readonly appended: readonly ReplacementField[];
}

interface Member {
  name: string;
  part: Part;
}

/**
 * The fields a node outputs, as a tree it edits: top-level fields and, where a path reaches into a struct, that
 * struct rebuilt from its members. Nodes that work on paths (ApplyMapping, RenameField, SelectFields, DropFields) edit it
 * and render it as one SELECT list, so a nested edit is one `struct_pack` over the input, never a pass in JavaScript.
 */
export class Projection {
  private constructor(
    private readonly members: Member[],
    /** Names for the lambdas of `list_transform`, unique within the projection. */
    private readonly lambdas: { count: number },
  ) {}

  /** Every field of a frame, as it is. */
  static of(frame: DynamicFrame): Projection {
    return Projection.over(frame.schema.map((f) => ({ name: f.name, sql: quoteIdentifier(f.name), type: f.dataType })));
  }

  /** Fields read by the given SQL (a frame's fields over its `base` relation). */
  static over(fields: readonly { name: string; sql: string; type: DataType }[]): Projection {
    return new Projection(fields.map((f) => ({ name: f.name, part: value(f.sql, f.type) })), { count: 0 });
  }

  /** No fields yet (ApplyMapping's output, filled by `put`). */
  static empty(): Projection {
    return new Projection([], { count: 0 });
  }

  /** A value to `put`. */
  static value(sql: string, type: DataType): Part {
    return value(sql, type);
  }

  get isEmpty(): boolean {
    return renderable(this.members).length === 0;
  }

  /**
   * Sets the member at `parts`, replacing one of that name where it is (names ignoring case: DuckDB holds no two names
   * differing only in case) or appending it; structs on the way are made where missing, as a dotted ApplyMapping target
   * makes them, and a struct that receives a value is no longer null.
   */
  put(parts: readonly string[], part: Part): void {
    let members = this.members;
    for (const name of parts.slice(0, -1)) {
      const i = findName(names(members), name, 'ignore-case');
      let next: Rebuilt;
      if (i < 0) {
        next = { kind: 'struct', members: [], nullWhen: 'all-null' };
        members.push({ name, part: next });
      } else {
        const existing = members[i].part;
        next = existing.kind === 'struct' ? existing : isStruct(existing) ? this.expand(existing) : { kind: 'struct', members: [], nullWhen: 'all-null' };
        members[i].part = next;
      }
      if (next.nullWhen !== 'all-null') next.nullWhen = `(${next.nullWhen}) AND ${isNull(part)}`;
      members = next.members;
    }
    const last = parts[parts.length - 1];
    const i = findName(names(members), last, 'ignore-case');
    if (i >= 0) members[i] = { name: last, part };
    else members.push({ name: last, part });
  }

  /**
   * RenameField: the member at `from` takes the name and place `to` gives. In the same struct it keeps its position
   * (replacing a member already called so); to another struct it moves there (made where missing) and goes last.
   * A path that is not in the frame leaves it unchanged.
   */
  rename(from: readonly string[], to: readonly string[], match: NameMatch): void {
    const parent = this.structAt(from.slice(0, -1), match);
    if (!parent) return;
    const i = findName(names(parent), from[from.length - 1], match);
    if (i < 0) return;
    const samePlace = from.length === to.length && from.slice(0, -1).every((p, k) => p === to[k]);
    if (samePlace) {
      const target = to[to.length - 1];
      const moved = parent[i];
      for (let k = parent.length - 1; k >= 0; k--) if (k !== i && parent[k].name.toLowerCase() === target.toLowerCase()) parent.splice(k, 1);
      moved.name = target;
      return;
    }
    const [moved] = parent.splice(i, 1);
    this.put(to, moved.part);
  }

  /**
   * DropFields: removes the member at `parts`; a struct losing its last member goes too; `arr.b` drops `b` from every
   * struct element of the array `arr`. A path that is not in the frame is ignored.
   */
  drop(parts: readonly string[], match: NameMatch, where: string): void {
    this.dropIn(this.members, parts, match, where);
  }

  /**
   * Replaces the field at `parts` by what `replace` makes of its value (its SQL and type): the fields that take its place
   * (the first where it was) and the fields appended at the end of its struct. `replace` returning undefined, or a
   * path not in the frame, leaves the frame as it is.
   */
  replace(parts: readonly string[], match: NameMatch, replace: (name: string, sql: string, type: DataType) => Replacement | undefined): void {
    const parent = this.structAt(parts.slice(0, -1), match);
    if (!parent) return;
    const i = findName(names(parent), parts[parts.length - 1], match);
    if (i < 0) return;
    const member = parent[i];
    const made = replace(member.name, render(member.part), typeOf(member.part));
    if (!made) return;
    const fields = (list: readonly ReplacementField[]): Member[] => list.map((f) => ({ name: f.name, part: value(f.sql, f.type) }));
    parent.splice(i, 1, ...fields(made.inPlace));
    parent.push(...fields(made.appended));
  }

  /** SelectFields: a projection of the members at `paths` (a nested path keeps that part of its struct), in frame order. */
  select(paths: readonly (readonly string[])[], match: NameMatch): Projection {
    return new Projection(this.selectIn(this.members, paths, match), this.lambdas);
  }

  /** The SELECT list: `<sql> AS "<name>"` per output field. */
  columns(): string[] {
    return renderable(this.members).map((m) => `${render(m.part)} AS ${quoteIdentifier(m.name)}`);
  }

  private dropIn(members: Member[], parts: readonly string[], match: NameMatch, where: string): void {
    const i = findName(names(members), parts[0], match);
    if (i < 0) return;
    if (parts.length === 1) {
      members.splice(i, 1);
      return;
    }
    const part = members[i].part;
    if (part.kind === 'struct' || isStruct(part)) {
      const struct = part.kind === 'struct' ? part : this.expand(part);
      members[i].part = struct;
      this.dropIn(struct.members, parts.slice(1), match, where);
      if (renderable(struct.members).length === 0) members.splice(i, 1);
      return;
    }
    if (part.type.kind === 'array' && part.type.element.kind === 'struct') {
      const element = `gluekit_element_${++this.lambdas.count}`;
      const inner = this.expand(value(element, part.type.element));
      this.dropIn(inner.members, parts.slice(1), match, where);
      if (renderable(inner.members).length === 0) {
        throw new Error(`${where}: dropping '${parts.join('.')}' leaves the structs of array '${members[i].name}' with no fields, which a DuckDB struct cannot be; drop '${members[i].name}' itself`);
      }
      members[i].part = value(`list_transform(${part.sql}, lambda ${element}: ${render(inner)})`, arrayOf(typeOf(inner)));
    }
  }

  private selectIn(members: readonly Member[], paths: readonly (readonly string[])[], match: NameMatch): Member[] {
    const memberNames = names(members);
    const out: Member[] = [];
    members.forEach((m, i) => {
      const rests = paths.filter((p) => findName(memberNames, p[0], match) === i).map((p) => p.slice(1));
      if (rests.length === 0) return;
      if (rests.some((r) => r.length === 0)) {
        out.push({ name: m.name, part: m.part });
        return;
      }
      if (m.part.kind !== 'struct' && !isStruct(m.part)) return;
      const struct = m.part.kind === 'struct' ? m.part : this.expand(m.part);
      const inner = this.selectIn(struct.members, rests, match);
      if (renderable(inner).length > 0) out.push({ name: m.name, part: { kind: 'struct', members: inner, nullWhen: struct.nullWhen } });
    });
    return out;
  }

  /** The members of the struct at `parts` ([] is the top level), a struct value on the way expanded to be rebuilt. */
  private structAt(parts: readonly string[], match: NameMatch): Member[] | undefined {
    let members = this.members;
    for (const name of parts) {
      const i = findName(names(members), name, match);
      if (i < 0) return undefined;
      const part = members[i].part;
      if (part.kind === 'value' && !isStruct(part)) return undefined;
      const struct = part.kind === 'struct' ? part : this.expand(part);
      members[i].part = struct;
      members = struct.members;
    }
    return members;
  }

  /** A struct value as a struct rebuilt from its members (null where the value is null). */
  private expand(v: Value): Rebuilt {
    if (v.type.kind !== 'struct') throw new Error(`internal: expanding a ${v.type.kind}`);
    return {
      kind: 'struct',
      members: v.type.fields.map((f) => ({ name: f.name, part: value(`struct_extract(${v.sql}, ${quoteLiteral(f.name)})`, f.type) })),
      nullWhen: `${v.sql} IS NULL`,
    };
  }
}

function value(sql: string, type: DataType): Value {
  return { kind: 'value', sql, type };
}

function isStruct(p: Part): p is Value & { readonly type: StructType } {
  return p.kind === 'value' && p.type.kind === 'struct';
}

function names(members: readonly Member[]): string[] {
  return members.map((m) => m.name);
}

/** The members that are in the output: a rebuilt struct left with no members is not (DuckDB has no empty struct). */
function renderable(members: readonly Member[]): Member[] {
  return members.filter((m) => m.part.kind === 'value' || renderable(m.part.members).length > 0);
}

function isNull(p: Part): string {
  if (p.kind === 'value') return `(${p.sql}) IS NULL`;
  if (p.nullWhen !== 'all-null') return `(${p.nullWhen})`;
  return `(${renderable(p.members).map((m) => isNull(m.part)).join(' AND ')})`;
}

function render(p: Part): string {
  if (p.kind === 'value') return p.sql;
  const members = renderable(p.members);
  return `(CASE WHEN ${isNull(p)} THEN NULL ELSE struct_pack(${members.map((m) => `${quoteIdentifier(m.name)} := ${render(m.part)}`).join(', ')}) END)`;
}

function typeOf(p: Part): DataType {
  if (p.kind === 'value') return p.type;
  return structOf(renderable(p.members).map((m) => ({ name: m.name, type: typeOf(m.part) })));
}
