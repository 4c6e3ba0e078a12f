"""Reading and writing CSV, JSON and Parquet objects for the stand-ins (GLUE-REFERENCE sections 3 and 10).

Readers return records (``dict``); writers take the frame's field names and its records.
"""

import base64
import datetime
import decimal
import json
import math
import re

from awsglue._values import (
    DecimalValue,
    JFloat,
    NotModelled,
    date_str,
    java_decimal_str,
    java_double_str,
    java_float_str,
    naive_utc,
    timestamp_str,
    value_to_text,
)


# ---------------------------------------------------------------------------------------------------------------------
# CSV
# ---------------------------------------------------------------------------------------------------------------------

_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "0": "\0"}


def parse_csv(text, separator=",", quote='"', escaper=None, multiline=False):
    """Splits CSV text into rows; each row is a list of fields, a field is a ``str`` or None.

    - A quoted field may hold the separator; ``""`` inside quotes is one quote (RFC 4180; Unconfirmed for Glue, whose
      escaper defaults to none).
    - A quoted empty value ``""`` is the empty string; an unquoted empty field is null (None), as Spark's CSV reader
      reads it (Unconfirmed for Glue's reader).
    - ``quote=None`` turns quoting off (awsglue ``quoteChar: -1``): quote characters are ordinary text.
    - ``escaper``: the next character is taken as it is, except ``\\n \\r \\t \\0`` after it, which stand for newline,
      carriage return, tab and NUL (Glue's format docs); it works inside and outside quotes.
    - Without ``multiline`` every line is a record: a quoted value still open at the end of the line ends there (the
      next line is a record of its own). With ``multiline`` a quoted value runs on across lines.
    - Text after a closing quote is appended to the value (``"ab"c`` is ``abc``; Unconfirmed).
    - Empty lines are skipped; ``\\r\\n`` line ends are accepted.
    """
    if multiline:
        return _parse_csv_stream(text, separator, quote, escaper)
    rows = []
    for line in text.split("\n"):
        if line.endswith("\r"):
            line = line[:-1]
        if line == "":
            continue
        rows.extend(_parse_csv_stream(line, separator, quote, escaper))
    return rows


def _parse_csv_stream(text, separator, quote, escaper):
    if escaper == quote:
        escaper = None  # a quote escaping a quote is the doubling handled below
    rows = []
    row = []
    value = []
    quoted = False  # the current field was opened with a quote
    in_quotes = False  # inside that quote now
    field_started = False
    i = 0
    n = len(text)

    def end_field():
        nonlocal value, quoted, field_started
        text_value = "".join(value)
        # Unconfirmed: an unquoted empty field is null, a quoted "" the empty string (Spark's CSV reader does this).
        row.append(text_value if (quoted or text_value != "") else None)
        value = []
        quoted = False
        field_started = False

    while i < n:
        c = text[i]
        if escaper is not None and c == escaper and i + 1 < n:
            nxt = text[i + 1]
            value.append(_ESCAPES.get(nxt, nxt))
            field_started = True
            i += 2
            continue
        if in_quotes:
            if c == quote:
                if i + 1 < n and text[i + 1] == quote:
                    value.append(quote)
                    i += 2
                    continue
                in_quotes = False
            else:
                value.append(c)
            i += 1
            continue
        if c == separator:
            end_field()
        elif c == "\n" or (c == "\r" and i + 1 < n and text[i + 1] == "\n"):
            if c == "\r":
                i += 1
            end_field()
            if not (len(row) == 1 and row[0] is None):  # an empty line
                rows.append(row)
            row = []
        elif c == quote and not field_started:
            quoted = True
            in_quotes = True
            field_started = True
        else:
            value.append(c)
            field_started = True
        i += 1
    if row or value or quoted or field_started:
        end_field()
        if not (len(row) == 1 and row[0] is None):
            rows.append(row)
    return rows


def _quote_csv(text, separator, quote):
    if quote is None:
        return text
    if text == "" or any(ch in text for ch in (separator, quote, "\n", "\r")):
        return quote + text.replace(quote, quote + quote) + quote
    return text


def format_csv(fields, records, separator=",", quote='"', write_header=True):
    """CSV text: a header line (unless ``write_header`` is false), then one line per record, fields in ``fields``
    order, ``\\n`` line ends. Unconfirmed (Glue's CSV writer is closed code): null is an empty field, the empty string
    is ``""``, a value holding the separator, the quote or a line break is quoted with quotes doubled inside; numbers,
    booleans, dates and timestamps are written as Spark casts them to string (``12.0``, ``1.0E20``, ``true``). A struct
    or array value fails the job."""
    lines = []
    if write_header:
        lines.append(separator.join(_quote_csv(f, separator, quote) for f in fields))
    for rec in records:
        cells = []
        for f in fields:
            v = rec.get(f)
            if isinstance(v, (dict, list)):
                raise NotModelled("field %r holds a struct or array, which the stand-ins' CSV writer does not write" % f)
            text = value_to_text(v)
            cells.append("" if text is None else _quote_csv(text, separator, quote))
        lines.append(separator.join(cells))
    return "".join(line + "\n" for line in lines)


# ---------------------------------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------------------------------

def parse_json(text, multiline=False):
    """Records from JSON text. Without ``multiline``: one JSON value per non-blank line. With ``multiline``: the whole
    object is one JSON value. A JSON object is a record (keys kept as written, in their order; a repeated key keeps its
    last value); a JSON array gives one record per element (Spark's behaviour; Unconfirmed for Glue). Anything else,
    or malformed JSON, fails the job (Unconfirmed: Glue may make an error record instead)."""
    values = []
    if multiline:
        if text.strip():
            values.append(json.loads(text))
    else:
        for number, line in enumerate(text.split("\n"), 1):
            if line.strip() == "":
                continue
            try:
                values.append(json.loads(line))
            except ValueError as e:
                raise ValueError("line %d is not valid JSON: %s" % (number, e))
    records = []
    for v in values:
        for item in (v if isinstance(v, list) else [v]):
            if not isinstance(item, dict):
                raise NotModelled("a JSON value that is not an object (%r) is not modelled by the stand-ins" % (item,))
            records.append(item)
    return records


def _json_value(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return json.dumps(java_double_str(v))
        return java_float_str(v) if isinstance(v, JFloat) else java_double_str(v)
    if isinstance(v, decimal.Decimal):
        return java_decimal_str(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, datetime.datetime):
        return json.dumps(timestamp_str(v))
    if isinstance(v, datetime.date):
        return json.dumps(date_str(v))
    if isinstance(v, (bytes, bytearray)):
        return json.dumps(base64.b64encode(bytes(v)).decode("ascii"))
    if isinstance(v, dict):
        return _json_object(v, list(v.keys()))
    if isinstance(v, list):
        return "[" + ",".join(_json_value(x) for x in v) + "]"
    raise NotModelled("no JSON form for a %s value" % type(v).__name__)


def _json_object(rec, keys):
    # Unconfirmed: null fields are left out (Spark's JSON writer does so by default).
    return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + _json_value(rec[k])
                          for k in keys if k in rec and rec[k] is not None) + "}"


def format_json(fields, records):
    """One JSON object per line, keys in ``fields`` order, no spaces, non-ASCII as it is (UTF-8).

    Unconfirmed (Glue's JSON writer is closed code): null fields are left out; doubles are written as Java prints them
    (``12.0``, ``1.0E20``; NaN and infinities as strings); decimals as plain numbers; dates and timestamps as the
    strings Spark casts them to (``2024-01-15``, ``2024-01-15 10:20:30.5``); binary as base64."""
    return "".join(_json_object(rec, fields) + "\n" for rec in records)


# ---------------------------------------------------------------------------------------------------------------------
# Parquet (through the duckdb Python package)
# ---------------------------------------------------------------------------------------------------------------------

def _duckdb():
    try:
        import duckdb
    except ImportError:
        raise RuntimeError("the awsglue stand-ins read and write Parquet with the duckdb Python package: "
                           "pip install duckdb==1.5.6")
    return duckdb


def _sql_string(text):
    return "'" + text.replace("'", "''") + "'"


def _ident(name):
    return '"' + name.replace('"', '""') + '"'


_DECIMAL_SQL = re.compile(r"DECIMAL\((\d+),\s*(\d+)\)")


def read_parquet(file):
    """Records of a Parquet file, columns in the file's order. FLOAT values become :class:`JFloat`, DECIMAL(p,s)
    values :class:`DecimalValue`, time-zoned timestamps naive UTC; types without a Glue counterpart (UUID, TIME,
    INTERVAL...) fail the job."""
    duckdb = _duckdb()
    con = duckdb.connect()
    try:
        cur = con.execute("SELECT * FROM read_parquet(%s, hive_partitioning = false)" % _sql_string(file))
        names = [d[0] for d in cur.description]
        types = [str(d[1]) for d in cur.description]
        rows = cur.fetchall()
    finally:
        con.close()
    converters = [_parquet_converter(t, n) for n, t in zip(names, types)]
    return [{n: conv(v) for n, conv, v in zip(names, converters, row)} for row in rows]


_PLAIN_SQL_TYPES = {"BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                    "UBIGINT", "DOUBLE", "VARCHAR", "BLOB", "DATE", "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS",
                    "TIMESTAMP_NS"}


def _parquet_converter(sql_type, name):
    if sql_type in _PLAIN_SQL_TYPES:
        return lambda v: v
    if sql_type == "FLOAT":
        return lambda v: None if v is None else JFloat(v)
    m = _DECIMAL_SQL.fullmatch(sql_type)
    if m:
        p, s = int(m.group(1)), int(m.group(2))
        return lambda v: None if v is None else DecimalValue(v, p, s)
    if sql_type in ("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ"):
        return lambda v: None if v is None else naive_utc(v)
    if sql_type.startswith(("STRUCT(", "MAP(")) or sql_type.endswith("[]"):
        return lambda v: v
    raise NotModelled("Parquet column %r has type %s, which the stand-ins do not model" % (name, sql_type))


def _kind(v):
    if isinstance(v, bool):
        return "BOOLEAN"
    if isinstance(v, int):
        return "BIGINT"
    if isinstance(v, JFloat):
        return "FLOAT"
    if isinstance(v, float):
        return "DOUBLE"
    if isinstance(v, DecimalValue):
        return "DECIMAL(%d,%d)" % (v.precision, v.scale)
    if isinstance(v, decimal.Decimal):
        return "DECIMAL"
    if isinstance(v, str):
        return "VARCHAR"
    if isinstance(v, (bytes, bytearray)):
        return "BLOB"
    if isinstance(v, datetime.datetime):
        return "TIMESTAMP"
    if isinstance(v, datetime.date):
        return "DATE"
    if isinstance(v, dict):
        return "STRUCT"
    if isinstance(v, list):
        return "LIST"
    raise NotModelled("no Parquet type for a %s value" % type(v).__name__)


def _sql_type(values, where):
    """The DuckDB type for a column's values. Unconfirmed choices: a column null in every record is VARCHAR; a column
    whose values have different types (a choice type) fails the job, since what Glue's writer does with it is not
    modelled; plain decimals take DECIMAL(38, largest scale)."""
    present = [v for v in values if v is not None]
    if not present:
        return "VARCHAR"
    kinds = []
    for v in present:
        k = _kind(v)
        if k not in kinds:
            kinds.append(k)
    if len(kinds) > 1:
        raise NotModelled("%s holds values of several types (%s), a choice type; the stand-ins' Parquet writer does "
                          "not model that: resolve it first (e.g. ApplyMapping to one type)" % (where, ", ".join(kinds)))
    kind = kinds[0]
    if kind == "DECIMAL":
        scale = max(-v.as_tuple().exponent for v in present if isinstance(v.as_tuple().exponent, int))
        return "DECIMAL(38,%d)" % max(0, min(scale, 38))
    if kind == "STRUCT":
        fields = []
        for rec in present:
            for k in rec:
                if k not in fields:
                    fields.append(k)
        inner = ", ".join("%s %s" % (_ident(k), _sql_type([rec.get(k) for rec in present], "%s.%s" % (where, k)))
                          for k in fields)
        return "STRUCT(%s)" % inner
    if kind == "LIST":
        return _sql_type([x for lst in present for x in lst], where + "[]") + "[]"
    return kind


def _param(v, sql_type):
    """A value as DuckDB binds it into a column of ``sql_type`` (structs get every field, missing ones null)."""
    if v is None:
        return None
    if sql_type.startswith("STRUCT("):
        names = [f for f in _struct_fields(sql_type)]
        return {n: _param(v.get(n), t) for n, t in names}
    if sql_type.endswith("[]"):
        return [_param(x, sql_type[:-2]) for x in v]
    if isinstance(v, JFloat):
        return float(v)
    if isinstance(v, decimal.Decimal):
        return decimal.Decimal(v)
    if isinstance(v, datetime.datetime):
        return naive_utc(v)
    if isinstance(v, bytearray):
        return bytes(v)
    return v


def _struct_fields(sql_type):
    """(name, type) pairs of a STRUCT(...) type this module built."""
    body = sql_type[len("STRUCT("):-1]
    fields = []
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
            fields.append(body[start:i].strip())
            start = i + 1
    if body.strip():
        fields.append(body[start:].strip())
    out = []
    for f in fields:
        m = re.match(r'"((?:[^"]|"")*)"\s+(.*)', f, re.S)
        out.append((m.group(1).replace('""', '"'), m.group(2)))
    return out


def write_parquet(file, fields, records, compression):
    """Writes a Parquet file with DuckDB: int -> BIGINT, float -> DOUBLE, :class:`JFloat` -> FLOAT, str -> VARCHAR,
    bool -> BOOLEAN, decimal -> DECIMAL(p,s), date -> DATE, datetime -> TIMESTAMP, bytes -> BLOB, dict -> STRUCT,
    list -> LIST. ``compression``: snappy, gzip or uncompressed."""
    if not fields:
        raise NotModelled("writing a Parquet file without any column is not modelled by the stand-ins")
    duckdb = _duckdb()
    types = [_sql_type([rec.get(f) for rec in records], "field %r" % f) for f in fields]
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE t (%s)" % ", ".join("%s %s" % (_ident(f), t) for f, t in zip(fields, types)))
        if records:
            con.executemany("INSERT INTO t VALUES (%s)" % ", ".join("?" for _ in fields),
                            [[_param(rec.get(f), t) for f, t in zip(fields, types)] for rec in records])
        con.execute("COPY t TO %s (FORMAT parquet, COMPRESSION %s)" % (_sql_string(file), compression))
    finally:
        con.close()
