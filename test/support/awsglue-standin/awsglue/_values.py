"""Values of the stand-in DynamicRecords, and Spark's casts between them (GLUE-REFERENCE section 10).

A record is a plain ``dict``; its values are Python values:

=================  ===============================================================
Glue type          Python value
=================  ===============================================================
string             ``str``
long/int/short/... ``int`` (the Python type does not say which integral type)
double             ``float``
float              :class:`JFloat` (a ``float`` rounded to 32 bits, printed as Java prints a float)
decimal(p,s)       :class:`DecimalValue` (a ``decimal.Decimal`` that knows its precision and scale)
boolean            ``bool``
date               ``datetime.date``
timestamp          ``datetime.datetime`` (naive, UTC)
binary             ``bytes``
struct / array     ``dict`` / ``list``
null               ``None``
=================  ===============================================================

The Python value does not say which integral type an ``int`` is: the frame's declared types do (``awsglue._schema``).

Everything here is written for the stand-ins from Spark's documented behaviour; nothing is copied from Spark.
"""

import datetime
import decimal
import math
import re
import struct

LONG_MIN, LONG_MAX = -(2 ** 63), 2 ** 63 - 1
INT_MIN, INT_MAX = -(2 ** 31), 2 ** 31 - 1
_BITS = {"long": 64, "int": 32, "short": 16, "byte": 8}

# A context roomy enough that quantize() never fails for a decimal(38, s).
_DECIMAL_CONTEXT = decimal.Context(prec=100, rounding=decimal.ROUND_HALF_UP, Emax=999999, Emin=-999999)
_EPOCH = datetime.datetime(1970, 1, 1)


class NotModelled(Exception):
    """Raised where the stand-ins do not know what Glue does; the job fails instead of guessing."""


class JFloat(float):
    """A Spark ``float`` (32-bit IEEE) value. Arithmetic on it gives a plain ``float``."""

    __slots__ = ()

    def __new__(cls, value):
        return float.__new__(cls, to_float32(float(value)))

    def __repr__(self):
        return "JFloat(%s)" % java_float_str(self)


class DecimalValue(decimal.Decimal):
    """A Spark ``decimal(precision, scale)`` value (exactly ``scale`` digits after the point)."""

    def __new__(cls, value, precision, scale):
        self = decimal.Decimal.__new__(cls, value)
        self.precision = precision
        self.scale = scale
        return self

    def __repr__(self):
        return "DecimalValue('%s', %d, %d)" % (format(decimal.Decimal(self), "f"), self.precision, self.scale)


def to_float32(x):
    """Rounds a double to the nearest 32-bit float, as Java's ``(float) d`` does (overflow gives an infinity)."""
    if math.isnan(x) or math.isinf(x):
        return x
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


# ---------------------------------------------------------------------------------------------------------------------
# Printing values as Java / Spark print them
# ---------------------------------------------------------------------------------------------------------------------

def _java_fp_str(shortest):
    """Java's Double/Float.toString layout for a finite non-zero number given by its shortest decimal digits:
    plain notation (at least one fraction digit) for 1e-3 <= |x| < 1e7, else ``d.dddE<exp>``."""
    sign, digits, exponent = decimal.Decimal(shortest).as_tuple()
    digits = list(digits)
    while len(digits) > 1 and digits[-1] == 0:
        digits.pop()
        exponent += 1
    text = "".join(str(d) for d in digits)
    sci = len(digits) - 1 + exponent  # the power of ten of the first digit
    prefix = "-" if sign else ""
    if -3 <= sci < 7:
        if sci >= 0:
            whole = text[: sci + 1].ljust(sci + 1, "0")
            fraction = text[sci + 1:] or "0"
        else:
            whole = "0"
            fraction = "0" * (-sci - 1) + text
        return prefix + whole + "." + fraction
    return prefix + text[0] + "." + (text[1:] or "0") + "E" + str(sci)


def java_double_str(x):
    """``Double.toString``: ``12.0``, ``1.0E20``, ``1.0E-4``, ``NaN``, ``Infinity``. Uses the shortest digits that read
    back as the same double (the JDK 19+ algorithm; older JDKs print a few values with more digits)."""
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "-0.0" if math.copysign(1.0, x) < 0 else "0.0"
    return _java_fp_str(repr(x))


def java_float_str(x):
    """``Float.toString`` of a 32-bit value: the shortest digits that read back as the same float."""
    x = float(x)
    if math.isnan(x) or math.isinf(x) or x == 0:
        return java_double_str(x)
    for n in range(1, 10):
        text = "%.*e" % (n - 1, x)
        if to_float32(float(text)) == x:
            return _java_fp_str(text)
    return _java_fp_str(repr(x))


def java_decimal_str(d):
    """``java.math.BigDecimal.toString`` (what Spark prints for a decimal): plain unless the exponent is very small."""
    sign, digits, exponent = d.as_tuple()
    if not isinstance(exponent, int):
        raise NotModelled("decimal %r has no Java form" % (d,))
    text = "".join(str(x) for x in digits)
    scale = -exponent
    adjusted = -scale + len(text) - 1
    negative = sign == 1 and any(digits)
    if scale >= 0 and adjusted >= -6:
        plain = format(abs(d), "f")
        return ("-" if negative else "") + plain
    mantissa = text[0] + ("." + text[1:] if len(text) > 1 else "")
    return ("-" if negative else "") + mantissa + "E" + ("+" if adjusted > 0 else "") + str(adjusted)


def date_str(d):
    return "%04d-%02d-%02d" % (d.year, d.month, d.day)


def timestamp_str(ts):
    """Spark's timestamp as a string: ``yyyy-MM-dd HH:mm:ss`` plus the fraction without trailing zeros."""
    ts = naive_utc(ts)
    text = "%s %02d:%02d:%02d" % (date_str(ts), ts.hour, ts.minute, ts.second)
    if ts.microsecond:
        text += ("." + "%06d" % ts.microsecond).rstrip("0")
    return text


def naive_utc(ts):
    if ts.tzinfo is not None:
        ts = ts.astimezone(datetime.timezone.utc).replace(tzinfo=None)
    return ts


def value_to_text(v):
    """A value cast to ``string`` (Spark semantics); also the text the CSV writer and partition folders use."""
    if v is None:
        return None
    if isinstance(v, str):
        return v
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, JFloat):
        return java_float_str(v)
    if isinstance(v, float):
        return java_double_str(v)
    if isinstance(v, decimal.Decimal):
        return java_decimal_str(v)
    if isinstance(v, datetime.datetime):
        return timestamp_str(v)
    if isinstance(v, datetime.date):
        return date_str(v)
    if isinstance(v, (bytes, bytearray)):
        return bytes(v).decode("utf-8", errors="replace")
    if isinstance(v, (dict, list)):
        raise NotModelled("casting a struct or array to string is not modelled by the stand-ins")
    raise NotModelled("no string form for a %s value" % type(v).__name__)


# ---------------------------------------------------------------------------------------------------------------------
# Reading CSV values without a schema
# ---------------------------------------------------------------------------------------------------------------------

_CSV_INTEGER = re.compile(r"[+-]?[0-9]+")
_CSV_FRACTIONAL = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?[0-9]+[eE][+-]?[0-9]+")


def infer_csv_value(text):
    """The value of one CSV field read without a schema (``text`` is never None here: an unquoted empty field is null
    before this is asked).

    Unconfirmed (GLUE-REFERENCE is silent on how Glue's CSV reader types values; the developer guide's medicare example
    only shows that it does, per value): a decimal integer (optional sign, ASCII digits; leading zeros allowed, so
    ``02134`` is 2134) that fits a long is an ``int``; a number with a decimal point and/or an exponent is a ``float``
    (unless it overflows to infinity); everything else, ``true``/``false``, ``NaN``, ``1_000``, ``0x1F`` and text with
    surrounding spaces included, stays a ``str``. An integer too big for a long stays a ``str``.
    """
    # Unconfirmed: the typing rule below (see the docstring); change it here only.
    if _CSV_INTEGER.fullmatch(text):
        n = int(text)
        return n if LONG_MIN <= n <= LONG_MAX else text
    if _CSV_FRACTIONAL.fullmatch(text):
        f = float(text)
        return f if not math.isinf(f) else text
    return text


_CATALOG_INTEGER = re.compile(r"[+-]?[0-9]+")
_CATALOG_NUMBER = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_CATALOG_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_CATALOG_TIMESTAMP = re.compile(r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]*)?)?)?")
_INTEGRAL_BITS = {"long": 64, "int": 32, "short": 16, "byte": 8}


def parse_catalog_text(text, type_name):
    """A CSV catalog table's text value read as its column's type (the stand-ins' default catalog typing, "catalog"):
    ``(True, value)`` where it parses by Java's rules, else ``(False, None)`` and the value stays a string (making the
    column a choice). Integral types: an optional sign and digits, in range; double and float: a decimal number with an
    optional exponent, surrounding whitespace allowed, or ``NaN`` / ``Infinity``; decimal: a decimal number; boolean:
    ``true`` / ``false`` in any case; date ``yyyy-m-d``; timestamp ``yyyy-m-d[ hh:mm[:ss[.f]]]``; string and binary:
    anything. Unconfirmed (Glue's reader is closed code): the same rules as the frame engine's (text-values.ts)."""
    t = parse_type(type_name)
    kind = t[0]
    if kind == "string":
        return True, text
    if kind == "binary":
        return True, text.encode("utf-8")
    if kind in _INTEGRAL_BITS:
        if not _CATALOG_INTEGER.fullmatch(text):
            return False, None
        n, bits = int(text), _INTEGRAL_BITS[kind]
        return (True, n) if -(2 ** (bits - 1)) <= n < 2 ** (bits - 1) else (False, None)
    if kind in ("double", "float"):
        stripped = text.strip()
        if stripped in ("NaN", "Infinity", "+Infinity", "-Infinity"):
            f = float(stripped.replace("Infinity", "inf"))
        elif _CATALOG_NUMBER.fullmatch(stripped):
            f = float(stripped)
            if math.isinf(f):
                return False, None
        else:
            return False, None
        return True, (JFloat(to_float32(f)) if kind == "float" else f)
    if kind == "decimal":
        stripped = text.strip()
        if not _CATALOG_NUMBER.fullmatch(stripped):
            return False, None
        d = _to_decimal(stripped, t[1], t[2])
        return (True, d) if d is not None else (False, None)
    if kind == "boolean":
        return (True, text.lower() == "true") if text.lower() in ("true", "false") else (False, None)
    if kind == "date":
        m = _CATALOG_DATE.fullmatch(text)
        d = _make_date(*m.groups()) if m else None
        return (True, d) if d is not None else (False, None)
    if kind == "timestamp":
        ts = parse_spark_timestamp(text) if _CATALOG_TIMESTAMP.fullmatch(text) else None
        return (True, ts) if ts is not None else (False, None)
    raise NotModelled("reading CSV text as %s is not modelled by the stand-ins" % type_name)


# ---------------------------------------------------------------------------------------------------------------------
# Type names
# ---------------------------------------------------------------------------------------------------------------------

_SIMPLE_TYPES = {
    "string": "string", "varchar": "string", "char": "string",
    "long": "long", "bigint": "long",
    "int": "int", "integer": "int",
    "short": "short", "smallint": "short",
    "byte": "byte", "tinyint": "byte",
    "double": "double", "float": "float",
    "boolean": "boolean",
    "date": "date", "timestamp": "timestamp",
    "binary": "binary",
    "struct": "struct", "array": "array", "map": "map",
}
def catalog_type_name(name):
    """A Data Catalog (Hive) column type name as the stand-ins read it: a bare ``decimal`` is Hive's and Spark's
    decimal(10,0) there, not awsglue's ``DecimalType()`` default decimal(10,2)."""
    t = name.strip().lower() if isinstance(name, str) else name
    return "decimal(10,0)" if t in ("decimal", "numeric") else name


_DECIMAL_TYPE = re.compile(r"(?:decimal|numeric)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?")
_SIZED_STRING = re.compile(r"(?:var)?char\s*\(\s*\d+\s*\)")
_COMPLEX_TYPE = re.compile(r"(struct|array|map)\s*<.*>", re.S)


def parse_type(name):
    """A Glue/Hive type name as ``(kind,)`` or ``("decimal", precision, scale)``. ``decimal`` alone is awsglue's
    ``DecimalType()`` default, decimal(10,2); ``decimal(p)`` has scale 0. Unknown names raise ValueError."""
    if not isinstance(name, str):
        raise TypeError("a type name must be a string, got %r" % (name,))
    t = name.strip().lower()
    if t in _SIMPLE_TYPES:
        return (_SIMPLE_TYPES[t],)
    m = _DECIMAL_TYPE.fullmatch(t)
    if m:
        precision = int(m.group(1)) if m.group(1) else 10
        scale = int(m.group(2)) if m.group(2) else (0 if m.group(1) else 2)
        if not 1 <= precision <= 38 or scale > precision:
            raise ValueError("invalid decimal type %r" % name)
        return ("decimal", precision, scale)
    if _SIZED_STRING.fullmatch(t):
        return ("string",)
    m = _COMPLEX_TYPE.fullmatch(t)
    if m:
        return (m.group(1),)
    raise ValueError("unknown type name %r" % name)


# ---------------------------------------------------------------------------------------------------------------------
# Casts (Spark, non-ANSI)
# ---------------------------------------------------------------------------------------------------------------------

def _trim_all(s):
    """Spark's trimAll for numbers, booleans and dates: whitespace and ASCII control characters at both ends."""
    return s.strip("".join(chr(c) for c in range(0x21)) + "\x7f")


def _wrap(n, bits):
    """JVM narrowing of an integral value: keep the low ``bits`` bits, two's complement."""
    n &= (1 << bits) - 1
    return n - (1 << bits) if n >= 1 << (bits - 1) else n


def parse_spark_integral(s, kind):
    """Spark's string -> long/int/short/byte: trimmed, optional sign, digits, optionally ``.`` and more digits (the
    fraction is dropped: ``"12.50"`` is 12, ``"-2.7"`` is -2, ``"5."`` is 5, ``"."`` is 0). Anything else, and a
    value out of the type's range, is None."""
    t = _trim_all(s)
    if not t:
        return None
    negative = t[0] == "-"
    if t[0] in "+-":
        if len(t) == 1:
            return None
        t = t[1:]
    whole, dot, fraction = t.partition(".")
    if any(c not in "0123456789" for c in whole) or any(c not in "0123456789" for c in fraction):
        return None
    n = int(whole) if whole else 0
    if negative:
        n = -n
    bits = 64 if kind == "long" else 32
    if not -(1 << (bits - 1)) <= n < 1 << (bits - 1):
        return None
    if kind in ("short", "byte") and _wrap(n, _BITS[kind]) != n:
        return None
    return n


def _to_integral(v, kind):
    bits = _BITS[kind]
    if isinstance(v, bool):
        return 1 if v else 0
    if isinstance(v, int):
        return _wrap(v, bits)
    if isinstance(v, float):
        if math.isnan(v):
            return 0
        # JVM d2l / d2i saturate; short and byte go through int and then wrap.
        if kind == "long":
            return LONG_MAX if v >= 2.0 ** 63 else LONG_MIN if v <= -(2.0 ** 63) else int(v)
        n = INT_MAX if v >= 2.0 ** 31 else INT_MIN if v <= -(2.0 ** 31) else int(v)
        return _wrap(n, bits)
    if isinstance(v, decimal.Decimal):
        if not v.is_finite():
            return None
        return _wrap(_wrap(int(v), 64), bits)  # truncated toward zero, then narrowed as a long is
    if isinstance(v, str):
        return parse_spark_integral(v, kind)
    if isinstance(v, datetime.datetime):
        seconds = (naive_utc(v) - _EPOCH) // datetime.timedelta(seconds=1)
        return _wrap(seconds, bits)
    if isinstance(v, (datetime.date, bytes, bytearray)):
        return None  # Spark refuses date -> number; binary -> number
    raise NotModelled("casting a %s value to %s is not modelled by the stand-ins" % (type(v).__name__, kind))


_JAVA_DOUBLE = re.compile(r"[+-]?(?:NaN|Infinity|(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)[fFdD]?)")


def parse_java_double(s):
    """Spark's string -> double: Java's ``Double.parseDouble`` (trimmed; ``1.5``, ``.5``, ``1.``, ``1e3``, ``1.5d``,
    ``NaN``, ``Infinity``; hexadecimal floating literals are not modelled and give None) and then Spark's special
    literals ``inf``, ``+inf``, ``-inf``, ``infinity``, ``nan`` in any case. Anything else is None."""
    t = s.strip("".join(chr(c) for c in range(0x21)))
    if _JAVA_DOUBLE.fullmatch(t):
        if t[-1] in "fFdD" and not t.endswith("Infinity"):
            t = t[:-1]
        return float(t.replace("Infinity", "inf"))
    special = t.lower()
    if special in ("inf", "+inf", "infinity", "+infinity"):
        return math.inf
    if special in ("-inf", "-infinity"):
        return -math.inf
    if special == "nan":
        return math.nan
    return None


def _to_double(v):
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, decimal.Decimal):
        return float(v)
    if isinstance(v, str):
        return parse_java_double(v)
    if isinstance(v, datetime.datetime):
        return (naive_utc(v) - _EPOCH) / datetime.timedelta(seconds=1)
    if isinstance(v, (datetime.date, bytes, bytearray)):
        return None
    raise NotModelled("casting a %s value to double is not modelled by the stand-ins" % type(v).__name__)


_TRUE_STRINGS = ("t", "true", "y", "yes", "1")
_FALSE_STRINGS = ("f", "false", "n", "no", "0")


def _to_boolean(v):
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float, decimal.Decimal)):
        return v != 0
    if isinstance(v, str):
        t = _trim_all(v).lower()
        return True if t in _TRUE_STRINGS else False if t in _FALSE_STRINGS else None
    if isinstance(v, datetime.datetime):
        return naive_utc(v) != _EPOCH
    if isinstance(v, (datetime.date, bytes, bytearray)):
        return None
    raise NotModelled("casting a %s value to boolean is not modelled by the stand-ins" % type(v).__name__)


_JAVA_BIG_DECIMAL = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _to_decimal(v, precision, scale):
    if isinstance(v, bool):
        d = decimal.Decimal(1 if v else 0)
    elif isinstance(v, int):
        d = decimal.Decimal(v)
    elif isinstance(v, float):
        if math.isnan(v) or math.isinf(v):
            return None
        d = decimal.Decimal(repr(float(v)))  # Spark goes through Double.toString's digits
    elif isinstance(v, decimal.Decimal):
        if not v.is_finite():
            return None
        d = decimal.Decimal(v)
    elif isinstance(v, str):
        t = _trim_all(v)
        if not _JAVA_BIG_DECIMAL.fullmatch(t):
            return None
        d = decimal.Decimal(t)
    elif isinstance(v, datetime.datetime):
        d = decimal.Decimal((naive_utc(v) - _EPOCH) // datetime.timedelta(microseconds=1)).scaleb(-6)
    elif isinstance(v, (datetime.date, bytes, bytearray)):
        return None
    else:
        raise NotModelled("casting a %s value to decimal is not modelled by the stand-ins" % type(v).__name__)
    q = d.quantize(decimal.Decimal(1).scaleb(-scale), rounding=decimal.ROUND_HALF_UP, context=_DECIMAL_CONTEXT)
    if abs(q) >= decimal.Decimal(10) ** (precision - scale):
        return None  # does not fit decimal(precision, scale): null, as Spark does without ANSI mode
    return DecimalValue(q, precision, scale)


_DATE_TEXT = re.compile(r"([+-]?[0-9]{4,7})(?:-([0-9]{1,2})(?:-([0-9]{1,2})(?:[ T].*)?)?)?", re.S)
_TIMESTAMP_TEXT = re.compile(
    r"([+-]?[0-9]{4,7})(?:-([0-9]{1,2})(?:-([0-9]{1,2})"
    r"(?:[ T]([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\.([0-9]{0,9}))?)?"
    r"\s*(Z|UTC|[+-][0-9]{1,2}(?::?[0-9]{2})?)?)?)?)?"
)


def _make_date(y, m, d):
    try:
        return datetime.date(int(y), int(m or 1), int(d or 1))
    except ValueError:
        return None


def parse_spark_date(s):
    """Spark's string -> date: trimmed ``yyyy``, ``yyyy-[m]m``, ``yyyy-[m]m-[d]d``, optionally followed by a space or
    ``T`` and anything (a time). ``2024/01/15``, ``15-01-2024`` and impossible dates are None."""
    m = _DATE_TEXT.fullmatch(_trim_all(s))
    if not m:
        return None
    return _make_date(m.group(1), m.group(2), m.group(3))


def parse_spark_timestamp(s):
    """Spark's string -> timestamp: ``yyyy[-[m]m[-[d]d[( |T)[h]h:[m]m[:[s]s[.fraction]][zone]]]]``. The zone may be
    ``Z``, ``UTC`` or an offset; the result is naive UTC (the stand-ins run with the UTC session time zone, as Glue
    does by default). Fractions beyond microseconds are truncated. Anything else is None."""
    m = _TIMESTAMP_TEXT.fullmatch(_trim_all(s))
    if not m:
        return None
    y, mo, d, hh, mi, ss, frac, zone = m.groups()
    day = _make_date(y, mo, d)
    if day is None:
        return None
    try:
        ts = datetime.datetime(day.year, day.month, day.day, int(hh or 0), int(mi or 0), int(ss or 0),
                               int((frac or "").ljust(6, "0")[:6]))
    except ValueError:
        return None
    if zone and zone not in ("Z", "UTC"):
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        hours = int(digits[:-2]) if len(digits) > 2 else int(digits)
        minutes = int(digits[-2:]) if len(digits) > 2 else 0
        ts -= sign * datetime.timedelta(hours=hours, minutes=minutes)
    return ts


def _to_date(v):
    if isinstance(v, str):
        return parse_spark_date(v)
    if isinstance(v, datetime.datetime):
        return naive_utc(v).date()
    if isinstance(v, datetime.date):
        return v
    if isinstance(v, (bool, int, float, decimal.Decimal, bytes, bytearray)):
        return None  # Spark refuses number -> date
    raise NotModelled("casting a %s value to date is not modelled by the stand-ins" % type(v).__name__)


def _seconds_to_timestamp(seconds):
    try:
        return _EPOCH + datetime.timedelta(seconds=seconds)
    except (OverflowError, ValueError):
        return None


def _to_timestamp(v):
    if isinstance(v, str):
        return parse_spark_timestamp(v)
    if isinstance(v, datetime.datetime):
        return naive_utc(v)
    if isinstance(v, datetime.date):
        return datetime.datetime(v.year, v.month, v.day)
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return _seconds_to_timestamp(v)
    if isinstance(v, (float, decimal.Decimal)):
        if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
            return None
        return _seconds_to_timestamp(float(v))
    if isinstance(v, (bytes, bytearray)):
        return None
    raise NotModelled("casting a %s value to timestamp is not modelled by the stand-ins" % type(v).__name__)


def _to_binary(v, from_kind):
    """Spark's casts to binary: a string is its UTF-8 bytes; an integral value its two's complement big-endian bytes,
    as wide as its type (long 8, int 4, short 2, byte 1; a value of unknown integral type is a long). Spark refuses
    every other type at analysis time, so the job fails here. Unconfirmed for Glue's ApplyMapping (closed code)."""
    if isinstance(v, str):
        return v.encode("utf-8")
    if isinstance(v, (bytes, bytearray)):
        return bytes(v)
    if isinstance(v, int) and not isinstance(v, bool):
        kind = from_kind if from_kind in _BITS else "long"
        bits = _BITS[kind]
        return (v & ((1 << bits) - 1)).to_bytes(bits // 8, "big")
    raise NotModelled("casting a %s value to binary: Spark does not cast %s to binary, and the stand-ins do not "
                      "model it" % (type(v).__name__, from_kind or type(v).__name__))


def cast(v, type_name, from_kind=None):
    """Casts one value to a Glue type name with Spark's (non-ANSI) semantics: a value that cannot be cast is None.

    ``from_kind`` is the value's Glue type where the frame knows it (``"short"``...); only casts whose result depends on
    it beyond the Python value use it (an integral value to binary)."""
    t = parse_type(type_name)
    if v is None:
        return None
    kind = t[0]
    if kind == "string":
        return value_to_text(v)
    if kind in _BITS:
        return _to_integral(v, kind)
    if kind == "double":
        return _to_double(v)
    if kind == "float":
        d = _to_double(v)
        return None if d is None else JFloat(d)
    if kind == "boolean":
        return _to_boolean(v)
    if kind == "decimal":
        return _to_decimal(v, t[1], t[2])
    if kind == "date":
        return _to_date(v)
    if kind == "timestamp":
        return _to_timestamp(v)
    if kind == "binary":
        return _to_binary(v, from_kind)
    if kind in ("struct", "map"):
        return v if isinstance(v, dict) else None
    if kind == "array":
        return v if isinstance(v, list) else None
    raise NotModelled("casting to %s is not modelled by the stand-ins" % type_name)
