"""Reading and writing CSV, JSON and Parquet objects for the stand-ins (GLUE-REFERENCE sections 3 and 10).

Readers return records (``dict``); writers take the frame's field names and its records.
"""

import base64
import datetime
import decimal
import json
import re
import math

from awsglue import _schema
from awsglue._values import (
    JFloat,
    NotModelled,
    date_str,
    java_decimal_str,
    java_double_str,
    java_float_str,
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
    booleans, dates and timestamps are written as Spark casts them to string (``12.0``, ``1.0E20``, ``true``); a
    decimal as ``BigDecimal.toString`` prints it, with its scale (``12.50`` for decimal(10,2)). A struct or array value
    fails the job, and so does a binary value: Spark's CSV data source refuses the binary type (Unconfirmed for Glue's
    own CSV writer)."""
    lines = []
    if write_header:
        lines.append(separator.join(_quote_csv(f, separator, quote) for f in fields))
    for rec in records:
        cells = []
        for f in fields:
            v = rec.get(f)
            if isinstance(v, (dict, list)):
                raise NotModelled("field %r holds a struct or array, which the stand-ins' CSV writer does not write" % f)
            if isinstance(v, (bytes, bytearray)):
                # Unconfirmed: Spark's CSV data source refuses binary columns; Glue's CSV writer is closed code.
                raise NotModelled("field %r holds binary values, which Spark's CSV writer refuses and the stand-ins "
                                  "do not write" % f)
            text = value_to_text(v)
            cells.append("" if text is None else _quote_csv(text, separator, quote))
        lines.append(separator.join(cells))
    return "".join(line + "\n" for line in lines)


# ---------------------------------------------------------------------------------------------------------------------
# JSON
# ---------------------------------------------------------------------------------------------------------------------

def parse_json(text, multiline=False, on_error=None, json_path=None):
    """Records from JSON text. Without ``multiline``: one JSON value per non-blank line; a line that is not JSON is
    given to ``on_error(line_number, line, bytes_read_through_it)`` (an error record, as Glue's reader makes one), or
    fails the job without ``on_error``. With ``multiline``: the whole object is one JSON value. A JSON object is a record
    (keys kept as written, in their order; a repeated key keeps its last value); a JSON array gives one record per
    element (Spark's behaviour; Unconfirmed for Glue). Anything else fails the job."""
    values = []
    if multiline:
        if text.strip():
            try:
                values.append(json.loads(text))
            except ValueError as e:
                if on_error is None:
                    raise
                # The whole document is one error record (its content is not compared with the engine's).
                on_error(None, str(e), len(text.encode("utf-8")))
    else:
        read = 0
        for number, line in enumerate(text.split("\n"), 1):
            read += len(line.encode("utf-8")) + 1
            if line.strip() == "":
                continue
            try:
                values.append(json.loads(line))
            except ValueError as e:
                if on_error is None:
                    raise ValueError("line %d is not valid JSON: %s" % (number, e))
                on_error(number, line.rstrip("\r"), read)
    if json_path is not None:
        # The records are what the path selects in each document: a selected array's elements, a selected object;
        # anything else is no record (gluekit's choice, as the frame engine's json-path.ts).
        selected = []
        for v in values:
            for match in _json_path_matches(v, json_path):
                for item in (match if isinstance(match, list) else [match]):
                    if isinstance(item, dict):
                        selected.append(item)
        return selected
    records = []
    for v in values:
        for item in (v if isinstance(v, list) else [v]):
            if not isinstance(item, dict):
                raise NotModelled("a JSON value that is not an object (%r) is not modelled by the stand-ins" % (item,))
            records.append(item)
    return records


_JSON_PATH_STEP = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\['([^'\\]*)'\]|\[([0-9]+)\]|\[(\*)\]")


def _json_path_matches(value, json_path):
    """The values a JsonPath of ``$`` then ``.name``, ``['name']``, ``[n]`` and ``[*]`` steps selects in a document."""
    if not json_path.startswith("$"):
        raise NotModelled("the jsonPath %r does not start with $" % json_path)
    matches = [value]
    rest = json_path[1:]
    while rest:
        step = _JSON_PATH_STEP.match(rest)
        if step is None:
            raise NotModelled("the jsonPath %r is outside the modelled subset" % json_path)
        name, quoted, index, star = step.groups()
        out = []
        for m in matches:
            if star is not None and isinstance(m, list):
                out.extend(m)
            elif index is not None and isinstance(m, list) and int(index) < len(m):
                out.append(m[int(index)])
            elif (name is not None or quoted is not None) and isinstance(m, dict) and (name if name is not None else quoted) in m:
                out.append(m[name if name is not None else quoted])
        matches = out
        rest = rest[step.end():]
    return matches


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
    (``12.0``, ``1.0E20``; NaN and infinities as strings); decimals as JSON numbers with their scale, as
    ``BigDecimal.toString`` prints them (``12.50``); dates and timestamps as the strings Spark casts them to
    (``2024-01-15``, ``2024-01-15 10:20:30.5``); binary as a base64 string with padding (what Spark's JSON writer does
    through Jackson's ``writeBinary``; Unconfirmed for Glue's own JSON writer)."""
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


def read_parquet(file):
    """Records of a Parquet file, columns in the file's order, and the file's column types as Glue types
    (``{name: type}``, from DuckDB's ``DESCRIBE``; see ``awsglue._schema.from_duckdb``). FLOAT values become
    :class:`JFloat`, DECIMAL(p,s) values :class:`DecimalValue` (nested ones too), time-zoned timestamps naive UTC; types
    without a Glue counterpart (UUID, TIME, INTERVAL, HUGEINT...) fail the job."""
    duckdb = _duckdb()
    con = duckdb.connect()
    try:
        source = "read_parquet(%s, hive_partitioning = false)" % _sql_string(file)
        described = con.execute("DESCRIBE SELECT * FROM " + source).fetchall()
        names = [str(r[0]) for r in described]
        sql_types = [str(r[1]) for r in described]
        types = [_schema.from_duckdb(t, "Parquet column %r" % n) for n, t in zip(names, sql_types)]
        # A UTC-adjusted timestamp is read as its epoch microseconds, naive (the Python client would need pytz).
        columns = ", ".join(("make_timestamp(epoch_us(%s)) AS %s" % (_ident(n), _ident(n)))
                            if t == "TIMESTAMP WITH TIME ZONE" else _ident(n) for n, t in zip(names, sql_types))
        rows = con.execute("SELECT %s FROM %s" % (columns, source)).fetchall()
    finally:
        con.close()
    records = [{n: _schema.from_parquet(v, t) for n, t, v in zip(names, types, row)} for row in rows]
    return records, dict(zip(names, types))


def write_parquet(file, fields, records, compression, types=None):
    """Writes a Parquet file with DuckDB, each column typed by the frame's declared type for the field (``types``:
    ``{field: type or None}``), or, where undeclared, by its values (``awsglue._schema.resolve``): long -> BIGINT,
    int -> INTEGER, short -> SMALLINT, byte -> TINYINT, double -> DOUBLE, float -> FLOAT, decimal(p,s) ->
    DECIMAL(p,s), string -> VARCHAR, boolean -> BOOLEAN, date -> DATE, timestamp -> TIMESTAMP, binary -> BLOB,
    struct -> STRUCT, array -> LIST, map -> MAP. ``compression``: snappy, gzip or uncompressed."""
    if not fields:
        raise NotModelled("writing a Parquet file without any column is not modelled by the stand-ins")
    types = types or {}
    duckdb = _duckdb()
    resolved = [_schema.resolve(types.get(f), [rec.get(f) for rec in records], "field %r" % f) for f in fields]
    con = duckdb.connect()
    try:
        con.execute("CREATE TABLE t (%s)" % ", ".join("%s %s" % (_ident(f), _schema.to_sql(t))
                                                      for f, t in zip(fields, resolved)))
        if records:
            con.executemany("INSERT INTO t VALUES (%s)" % ", ".join("?" for _ in fields),
                            [[_schema.to_param(rec.get(f), t) for f, t in zip(fields, resolved)] for rec in records])
        con.execute("COPY t TO %s (FORMAT parquet, COMPRESSION %s)" % (_sql_string(file), compression))
    finally:
        con.close()
