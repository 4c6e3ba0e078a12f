"""The DynamicFrame types the stand-ins track per field, and how they become Parquet (DuckDB) column types.

Glue's DynamicRecords are self-describing: every value carries its type, so a frame knows a field is a ``short`` even
where its Python value is a plain ``int``. The stand-ins keep that knowledge per frame, as a *declared* type for each
top-level field, wherever Glue knows it:

- ApplyMapping's target type;
- a Parquet source: the file's column types (DuckDB's ``DESCRIBE``);
- a catalog source: the catalog column types where values are cast to them (``GLUEKIT_STANDIN_CATALOG_TYPING=cast``),
  and the partition key types always.

Elsewhere (JSON and CSV values, and the fields of a struct or map taken over without a known type) the field is
undeclared (``None``) and its type is inferred from its values when it is written: ``int`` is long, ``float`` double,
``str`` string, ``bool`` boolean, ``dict`` struct, ``list`` array.

A type is a tuple:

========================  ==========================================================
``("long",)`` ...         long, int, short, byte, double, float, boolean, string, date, timestamp, binary
``("decimal", p, s)``     decimal(p,s)
``("struct", fields)``    ``fields``: a tuple of ``(name, type-or-None)`` pairs, in order
``("array", element)``    ``element``: a type or None
``("map", key, value)``   types or None
``("choice", types)``     a field whose values have several types (Parquet files disagreeing)
========================  ==========================================================
"""

import datetime
import decimal
import re

from awsglue._values import DecimalValue, JFloat, NotModelled, naive_utc, parse_type

INTEGRAL = ("long", "int", "short", "byte")

# Glue type -> the DuckDB type a Parquet file written by Spark with it reads back as.
#   short -> INT32 annotated INT(16) -> SMALLINT; byte -> INT(8) -> TINYINT; string -> BYTE_ARRAY UTF8 -> VARCHAR.
#   timestamp: Glue's Spark writes INT96 unless configured otherwise, which DuckDB reads as TIMESTAMP; DuckDB itself
#   writes INT64 microseconds, which it also reads back as TIMESTAMP. Unconfirmed: Glue's default timestamp encoding.
_SQL = {
    "long": "BIGINT", "int": "INTEGER", "short": "SMALLINT", "byte": "TINYINT",
    "double": "DOUBLE", "float": "FLOAT", "boolean": "BOOLEAN", "string": "VARCHAR",
    "date": "DATE", "timestamp": "TIMESTAMP", "binary": "BLOB",
}

# DuckDB type (as DESCRIBE prints it for a Parquet column) -> Glue type.
# Unsigned Parquet integers follow Spark's reader (UINT_8 -> short, UINT_16 -> int, UINT_32 -> long,
# UINT_64 -> decimal(20,0)); Unconfirmed for Glue's own reader. Any timestamp unit is a timestamp, and a time-zoned
# (UTC-adjusted) one is read as naive UTC.
_FROM_SQL = {
    "BOOLEAN": ("boolean",), "TINYINT": ("byte",), "SMALLINT": ("short",), "INTEGER": ("int",), "BIGINT": ("long",),
    "UTINYINT": ("short",), "USMALLINT": ("int",), "UINTEGER": ("long",), "UBIGINT": ("decimal", 20, 0),
    "FLOAT": ("float",), "DOUBLE": ("double",), "VARCHAR": ("string",), "BLOB": ("binary",), "DATE": ("date",),
    "TIMESTAMP": ("timestamp",), "TIMESTAMP_S": ("timestamp",), "TIMESTAMP_MS": ("timestamp",),
    "TIMESTAMP_NS": ("timestamp",), "TIMESTAMP WITH TIME ZONE": ("timestamp",),
}


# ---------------------------------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------------------------------

def from_type_name(name):
    """The declared type of a Glue/Hive type name (ApplyMapping's target type, a catalog column type). A bare
    ``struct``, ``array`` or ``map`` (or one spelled out as ``struct<...>``) says nothing of its contents: None."""
    t = parse_type(name)
    if t[0] in ("struct", "array", "map"):
        return None
    return t


def type_name(t):
    """Glue's name for a type: ``short``, ``decimal(10,2)``, ``struct<a:int>``, ``choice<long,string>``."""
    if t is None:
        return "null"
    kind = t[0]
    if kind == "decimal":
        return "decimal(%d,%d)" % (t[1], t[2])
    if kind == "struct":
        return "struct<%s>" % ",".join("%s:%s" % (n, type_name(f)) for n, f in t[1])
    if kind == "array":
        return "array<%s>" % type_name(t[1])
    if kind == "map":
        return "map<%s,%s>" % (type_name(t[1]), type_name(t[2]))
    if kind == "choice":
        return "choice<%s>" % ",".join(type_name(c) for c in t[1])
    return kind


# ---------------------------------------------------------------------------------------------------------------------
# DuckDB type strings
# ---------------------------------------------------------------------------------------------------------------------

def _split_top(body):
    """Splits ``a INTEGER, "b c" STRUCT(x INTEGER, y VARCHAR)`` at the commas outside parentheses and quotes."""
    parts = []
    depth = 0
    start = 0
    in_quotes = False
    for i, c in enumerate(body):
        if c == '"':
            in_quotes = not in_quotes
        elif not in_quotes and c == "(":
            depth += 1
        elif not in_quotes and c == ")":
            depth -= 1
        elif not in_quotes and c == "," and depth == 0:
            parts.append(body[start:i].strip())
            start = i + 1
    if body.strip():
        parts.append(body[start:].strip())
    return parts


_SQL_DECIMAL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")
_SQL_FIELD = re.compile(r'(?:"((?:[^"]|"")*)"|([^\s"]+))\s+(.*)', re.S)


def from_duckdb(sql_type, where):
    """The Glue type of a DuckDB column type as ``DESCRIBE`` prints it (``SMALLINT``, ``DECIMAL(10,2)``,
    ``STRUCT(a INTEGER, "b c" VARCHAR)``, ``INTEGER[]``, ``MAP(VARCHAR, INTEGER)``). Types without a Glue counterpart
    (TIME, UUID, INTERVAL, HUGEINT, fixed-size arrays...) fail the job."""
    t = sql_type.strip()
    if t in _FROM_SQL:
        return _FROM_SQL[t]
    m = _SQL_DECIMAL.fullmatch(t)
    if m:
        return ("decimal", int(m.group(1)), int(m.group(2)))
    if t.endswith("[]"):
        return ("array", from_duckdb(t[:-2], where + "[]"))
    if t.startswith("STRUCT(") and t.endswith(")"):
        fields = []
        for part in _split_top(t[len("STRUCT("):-1]):
            fm = _SQL_FIELD.fullmatch(part)
            if not fm:
                raise NotModelled("%s: cannot read the struct field %r of %s" % (where, part, sql_type))
            name = fm.group(1).replace('""', '"') if fm.group(1) is not None else fm.group(2)
            fields.append((name, from_duckdb(fm.group(3), "%s.%s" % (where, name))))
        return ("struct", tuple(fields))
    if t.startswith("MAP(") and t.endswith(")"):
        parts = _split_top(t[len("MAP("):-1])
        if len(parts) == 2:
            return ("map", from_duckdb(parts[0], where + ".key"), from_duckdb(parts[1], where + ".value"))
    raise NotModelled("%s has the Parquet/DuckDB type %s, which the stand-ins do not model" % (where, sql_type))


def _ident(name):
    return '"' + name.replace('"', '""') + '"'


def to_sql(t):
    """The DuckDB column type that writes a (fully resolved) Glue type to Parquet as Spark would."""
    kind = t[0]
    if kind in _SQL:
        return _SQL[kind]
    if kind == "decimal":
        return "DECIMAL(%d,%d)" % (t[1], t[2])
    if kind == "struct":
        return "STRUCT(%s)" % ", ".join("%s %s" % (_ident(n), to_sql(f)) for n, f in t[1])
    if kind == "array":
        return to_sql(t[1]) + "[]"
    if kind == "map":
        return "MAP(%s, %s)" % (to_sql(t[1]), to_sql(t[2]))
    if kind == "choice":
        return "STRUCT(%s)" % ", ".join("%s %s" % (_ident(m[0]), to_sql(m)) for m in t[1])
    raise NotModelled("no Parquet type for %s" % type_name(t))


# ---------------------------------------------------------------------------------------------------------------------
# Merging (several files of one source) -- GLUE-REFERENCE section 1, LIBS mergeDataTypes
# ---------------------------------------------------------------------------------------------------------------------

def merge(a, b):
    """Two declared types of one field: equal types stay; structs merge field by field (the first one's fields first,
    new ones appended); arrays and maps merge their element types; anything else is a choice. An undeclared side
    leaves the field undeclared (its values decide)."""
    return _merge(a, b, None)


def _merge(a, b, null_merge):
    """The merge of LIBS mergeDataTypes, ``null_merge`` deciding when a side is None: ``None`` keeps the field
    undeclared (``merge``), ``"other"`` takes the other side (``merge_values``, where None is a null value)."""
    if a is None or b is None:
        return (b if a is None else a) if null_merge == "other" else None
    if a == b:
        return a
    if a[0] == b[0] == "struct":
        fields = list(a[1])
        names = [n for n, _t in fields]
        for n, t in b[1]:
            if n in names:
                i = names.index(n)
                fields[i] = (n, _merge(fields[i][1], t, null_merge))
            else:
                fields.append((n, t))
                names.append(n)
        return ("struct", tuple(fields))
    if a[0] == b[0] == "array":
        return ("array", _merge(a[1], b[1], null_merge))
    if a[0] == b[0] == "map":
        return ("map", _merge(a[1], b[1], null_merge), _merge(a[2], b[2], null_merge))
    # A choice holds one member per kind: a struct (array, map) meeting another merges with it.
    members = []
    for t in (a, b):
        for m in (t[1] if t[0] == "choice" else (t,)):
            same = next((i for i, x in enumerate(members) if x[0] == m[0] and m[0] in ("struct", "array", "map")), None)
            if same is not None:
                members[same] = _merge(members[same], m, null_merge)
            elif m not in members:
                members.append(m)
    return ("choice", tuple(members))


def json_value_type(v):
    """A JSON value's type as Glue's reader (Jackson) gives it: an integer is ``int`` where it fits 32 bits, else
    ``long``; a fraction ``double``; objects structs and lists arrays of their merged element types; null None."""
    if v is None:
        return None
    if isinstance(v, bool):
        return ("boolean",)
    if isinstance(v, int):
        return ("int",) if -(2 ** 31) <= v < 2 ** 31 else ("long",)
    if isinstance(v, float):
        return ("double",)
    if isinstance(v, str):
        return ("string",)
    if isinstance(v, dict):
        return ("struct", tuple((k, json_value_type(x)) for k, x in v.items()))
    if isinstance(v, list):
        element = None
        for x in v:
            element = merge_values(element, json_value_type(x))
        return ("array", element)
    raise NotModelled("no JSON type for a %s value" % type(v).__name__)


def merge_values(a, b):
    """Two types of values of one field (LIBS mergeDataTypes): a null (None) gives the other type; else as ``merge``."""
    return _merge(a, b, "other")


def json_types(records):
    """The declared types of JSON records' top-level fields, from their values (``{field: type}``)."""
    types = {}
    for rec in records:
        for k, v in rec.items():
            types[k] = merge_values(types.get(k), json_value_type(v))
    return types


def merge_into(schema, types):
    """Merges a reader's ``{field: type}`` into a frame's schema (in place)."""
    for name, t in types.items():
        schema[name] = merge(schema[name], t) if name in schema else t
    return schema


# ---------------------------------------------------------------------------------------------------------------------
# Paths in a frame schema (a dict: top-level field name -> type or None)
# ---------------------------------------------------------------------------------------------------------------------

def _find(names, name, case_sensitive):
    if name in names:
        return name
    if not case_sensitive:
        for n in names:
            if n.lower() == name.lower():
                return n
    return None


def lookup(schema, parts, case_sensitive=True):
    """The declared type at a path (None when undeclared or absent), matched as ApplyMapping matches sources."""
    current = ("struct", tuple(schema.items()))
    for part in parts:
        if current is None or current[0] != "struct":
            return None
        fields = dict(current[1])
        key = _find(list(fields), part, case_sensitive)
        if key is None:
            return None
        current = fields[key]
    return current


def has(schema, parts, case_sensitive=True):
    """Whether the schema has a field at the path (declared with a type or not)."""
    fields = schema
    for depth, part in enumerate(parts):
        key = _find(list(fields), part, case_sensitive)
        if key is None:
            return False
        if depth == len(parts) - 1:
            return True
        t = fields[key]
        if t is None or t[0] != "struct":
            return False
        fields = dict(t[1])
    return False


def _fields(t):
    """The fields of a declared struct type as an ordered dict; {} for anything else."""
    return dict(t[1]) if t is not None and t[0] == "struct" else {}


def put(schema, parts, t):
    """Sets the type at a path, making structs on the way (as ApplyMapping's dotted targets make them); names differing
    only in case are one name, as in ``dynamicframe._put``."""
    key = _find(list(schema), parts[0], False)
    if len(parts) == 1:
        if key is None or key == parts[0]:
            schema[parts[0]] = t
        else:
            items = list(schema.items())
            schema.clear()
            schema.update((parts[0], t) if k == key else (k, v) for k, v in items)
        return
    key = key or parts[0]
    inner = _fields(schema.get(key))
    put(inner, parts[1:], t)
    schema[key] = ("struct", tuple(inner.items()))


def drop(schema, parts):
    """Removes the type at a path: ``a.b`` in a struct, ``arr.b`` in the element struct of an array."""
    key = _find(list(schema), parts[0], False)
    if key is None:
        return
    if len(parts) == 1:
        del schema[key]
        return
    t = schema[key]
    if t is None:
        return
    if t[0] == "struct":
        inner = _fields(t)
        drop(inner, parts[1:])
        if inner:
            schema[key] = ("struct", tuple(inner.items()))
        else:
            del schema[key]
    elif t[0] == "array" and t[1] is not None and t[1][0] == "struct":
        inner = _fields(t[1])
        drop(inner, parts[1:])
        schema[key] = ("array", ("struct", tuple(inner.items())))


def select(schema, wanted):
    """The schema of SelectFields: the listed paths (lists of parts) kept, nested ones keeping part of a struct."""
    out = {}
    for key, t in schema.items():
        rests = [p[1:] for p in wanted if _find(list(schema), p[0], False) == key]
        if not rests:
            continue
        if any(len(r) == 0 for r in rests):
            out[key] = t
        elif t is not None and t[0] == "struct":
            inner = select(_fields(t), rests)
            if inner:
                out[key] = ("struct", tuple(inner.items()))
    return out


def rename(schema, old, new):
    """The schema of RenameField(old, new) (paths as lists of parts), mirroring what it does to records."""
    parent = _fields(lookup(schema, old[:-1], False)) if len(old) > 1 else schema
    key = _find(list(parent), old[-1], False)
    if key is None:
        return
    t = parent[key]
    if new[:-1] == old[:-1]:
        renamed = {}
        for k, v in parent.items():
            if k == key:
                renamed[new[-1]] = v
            elif k.lower() != new[-1].lower():
                renamed[k] = v
        if len(old) == 1:
            schema.clear()
            schema.update(renamed)
        else:
            put(schema, old[:-1], ("struct", tuple(renamed.items())))
        return
    del parent[key]
    if len(old) > 1:
        put(schema, old[:-1], ("struct", tuple(parent.items())))
    put(schema, new, t)


# ---------------------------------------------------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------------------------------------------------

def value_type(v):
    """The type a value has by itself (an undeclared field's value): int is long, float double, ``JFloat`` float,
    ``DecimalValue`` its decimal(p,s), a plain ``Decimal`` ``("decimal",)``, dict a struct, list an array."""
    if isinstance(v, bool):
        return ("boolean",)
    if isinstance(v, int):
        return ("long",)
    if isinstance(v, JFloat):
        return ("float",)
    if isinstance(v, float):
        return ("double",)
    if isinstance(v, DecimalValue):
        return ("decimal", v.precision, v.scale)
    if isinstance(v, decimal.Decimal):
        return ("decimal",)
    if isinstance(v, str):
        return ("string",)
    if isinstance(v, (bytes, bytearray)):
        return ("binary",)
    if isinstance(v, datetime.datetime):
        return ("timestamp",)
    if isinstance(v, datetime.date):
        return ("date",)
    if isinstance(v, dict):
        return ("struct",)
    if isinstance(v, list):
        return ("array",)
    raise NotModelled("no Glue type for a %s value" % type(v).__name__)


def _fits(v, t):
    """Whether a value can be one of a declared scalar type's values."""
    kind = t[0]
    if kind in INTEGRAL:
        bits = {"long": 64, "int": 32, "short": 16, "byte": 8}[kind]
        return isinstance(v, int) and not isinstance(v, bool) and -(2 ** (bits - 1)) <= v < 2 ** (bits - 1)
    if kind == "double":
        return isinstance(v, float) and not isinstance(v, JFloat)
    if kind == "float":
        return isinstance(v, JFloat)
    if kind == "decimal":
        return isinstance(v, decimal.Decimal) and (not isinstance(v, DecimalValue) or (v.precision, v.scale) == t[1:])
    if kind == "string":
        return isinstance(v, str)
    if kind == "boolean":
        return isinstance(v, bool)
    if kind == "date":
        return isinstance(v, datetime.date) and not isinstance(v, datetime.datetime)
    if kind == "timestamp":
        return isinstance(v, datetime.datetime)
    if kind == "binary":
        return isinstance(v, (bytes, bytearray))
    return False


def _choice(where, names):
    return NotModelled("%s holds values of several types (%s), a choice type; the stand-ins' Parquet writer does not "
                       "model that: resolve it first (e.g. ApplyMapping to one type)" % (where, ", ".join(names)))


def resolve(declared, values, where):
    """The full type a column is written with: the declared type, its undeclared parts inferred from ``values``.

    Unconfirmed choices: a column (or struct field) undeclared and null in every record is a string (Glue's schema says
    ``null`` there); values of several types (a choice) fail the job, as does a value that is not of its declared type;
    plain decimals (undeclared) are decimal(38, largest scale)."""
    present = [v for v in values if v is not None]
    if declared is not None and declared[0] == "choice":
        return _resolve_choice(declared[1], present, where)
    if declared is None:
        if not present:
            return ("string",)
        kinds = []
        for v in present:
            k = value_type(v)
            if k not in kinds:
                kinds.append(k)
        if len(kinds) > 1:
            if ("decimal",) in kinds:
                raise NotModelled("%s: a choice with an undeclared decimal is not modelled by the stand-ins" % where)
            return _resolve_choice([{"struct": ("struct", ()), "array": ("array", None)}.get(k[0], k) for k in kinds], present, where)
        kind = kinds[0]
        if kind == ("decimal",):
            scale = max(-v.as_tuple().exponent for v in present if isinstance(v.as_tuple().exponent, int))
            return ("decimal", 38, max(0, min(scale, 38)))
        if kind == ("struct",):
            return resolve(("struct", ()), present, where)
        if kind == ("array",):
            return resolve(("array", None), present, where)
        return kind
    kind = declared[0]
    wrong = []
    for v in present:
        ok = (isinstance(v, dict) if kind in ("struct", "map") else isinstance(v, list) if kind == "array"
              else _fits(v, declared))
        if not ok:
            name = type_name(value_type(v)) if value_type(v) != ("decimal",) else "decimal"
            if name not in wrong:
                wrong.append(name)
    if wrong:
        raise _choice(where, [type_name(declared) if kind not in ("struct", "array", "map") else kind] + wrong)
    if kind == "struct":
        fields = dict(declared[1])
        names = list(fields)
        for rec in present:
            for k in rec:
                if k not in fields:
                    fields[k] = None
                    names.append(k)
        if not names:
            raise NotModelled("%s is a struct without fields, which the stand-ins' Parquet writer does not model" % where)
        return ("struct", tuple((n, resolve(fields[n], [rec.get(n) for rec in present], "%s.%s" % (where, n)))
                                for n in names))
    if kind == "array":
        return ("array", resolve(declared[1], [x for lst in present for x in lst], where + "[]"))
    if kind == "map":
        return ("map", resolve(declared[1], [k for m in present for k in m], where + ".key"),
                resolve(declared[2], [x for m in present for x in m.values()], where + ".value"))
    return declared


def _member_of(v, t):
    """Whether a value belongs to a choice's member type."""
    if t[0] in ("struct", "map"):
        return isinstance(v, dict)
    if t[0] == "array":
        return isinstance(v, list)
    return _fits(v, t)


def _resolve_choice(members, present, where):
    """A choice written to Parquet: one member per type, each resolved from the values it holds, in order of the type
    names (as the frame engine writes it: a struct with one field per type, the value in its own type's field).
    Unconfirmed: how Glue's Parquet writers write an unresolved choice; this is what ``toDF()`` makes of it."""
    resolved = [resolve(m, [v for v in present if _member_of(v, m)], "%s.%s" % (where, m[0])) for m in members]
    return ("choice", tuple(sorted(resolved, key=lambda t: t[0])))


def _choice_member(v, t):
    """The member of a resolved choice ``t`` that holds the value ``v``."""
    for m in t[1]:
        if _member_of(v, m):
            return m
    raise NotModelled("no member of %s holds the value %r" % (type_name(t), v))


def to_param(v, t):
    """A value as DuckDB binds it into a column of the resolved type ``t`` (a struct gets every field, missing ones
    null)."""
    if v is None:
        return None
    kind = t[0]
    if kind == "choice":
        holder = _choice_member(v, t)
        return {m[0]: (to_param(v, m) if m is holder else None) for m in t[1]}
    if kind == "struct":
        return {n: to_param(v.get(n), f) for n, f in t[1]}
    if kind == "array":
        return [to_param(x, t[1]) for x in v]
    if kind == "map":
        return {to_param(k, t[1]): to_param(x, t[2]) for k, x in v.items()}
    if isinstance(v, JFloat):
        return float(v)
    if isinstance(v, decimal.Decimal):
        return decimal.Decimal(v)
    if isinstance(v, datetime.datetime):
        return naive_utc(v)
    if isinstance(v, bytearray):
        return bytes(v)
    return v


def from_parquet(v, t):
    """A value DuckDB read from a Parquet column of Glue type ``t``, as a stand-in value (FLOAT as ``JFloat``,
    DECIMAL as ``DecimalValue``, nested values likewise)."""
    if v is None:
        return None
    kind = t[0]
    if kind == "float":
        return JFloat(v)
    if kind == "decimal":
        return DecimalValue(v, t[1], t[2])
    if kind == "timestamp":
        return naive_utc(v)
    if kind == "struct":
        fields = dict(t[1])
        return {k: (from_parquet(x, fields[k]) if fields.get(k) is not None else x) for k, x in v.items()}
    if kind == "array":
        return [from_parquet(x, t[1]) if t[1] is not None else x for x in v]
    if kind == "map":
        return {(from_parquet(k, t[1]) if t[1] is not None else k): (from_parquet(x, t[2]) if t[2] is not None else x)
                for k, x in v.items()}
    return v
