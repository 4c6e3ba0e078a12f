"""The aggregate functions of ``pyspark.sql.functions`` that Glue Studio's Aggregate node offers, over the stand-ins'
DataFrame (``pyspark.sql.dataframe``), with Spark 3's result types, names and null rules:

- ``sum``: integers give a long, floating numbers a double, decimal(p,s) decimal(p+10,s); ``avg`` a double
  (decimal(p+4,s+4) for a decimal); strings are cast to double first (Spark's implicit cast). Nulls are skipped; no
  value at all gives None.
- ``count`` counts the values that are not None; ``countDistinct`` and ``sumDistinct`` the distinct ones.
- ``min``, ``max``, ``first``, ``last`` keep the column's type; ``first``/``last`` take the first/last value in row
  order, None included (``ignorenulls`` false).
- ``stddev_*``, ``var_*``: doubles; the sample forms give None for fewer than two values (Spark 3 without the legacy
  statistical-aggregate flag). ``kurtosis`` is n·m4/m2² − 3 and ``skewness`` √n·m3/m2^1.5 over central moments; both
  None when m2 is 0.
"""

import builtins
import decimal
import math

from awsglue import _schema
from awsglue._values import DecimalValue, cast

_INTEGRAL = ("long", "int", "short", "byte")
_NUMERIC = _INTEGRAL + ("float", "double", "decimal")


class _Aggregate(object):
    def __init__(self, function, column):
        if not isinstance(column, str):
            raise TypeError("%s: the stand-ins take a column name, got %r" % (function, column))
        self.function = function
        self.column = column

    def name(self):
        if self.function == "countDistinct":
            return "count(DISTINCT %s)" % self.column
        if self.function == "sumDistinct":
            return "sum(DISTINCT %s)" % self.column
        return "%s(%s)" % (self.function, self.column)

    def _kind(self, t, values):
        if t is None:
            present = [v for v in values if v is not None]
            t = _schema.value_type(present[0]) if present else None
        return t

    def result_type(self, t):
        f = self.function
        if f in ("count", "countDistinct"):
            return ("long",)
        if f in ("min", "max", "first", "last"):
            return t
        if f in ("sum", "sumDistinct"):
            if t is not None and t[0] == "decimal":
                return ("decimal", builtins.min(38, t[1] + 10), t[2])
            if t is not None and t[0] in _INTEGRAL:
                return ("long",)
            return ("double",)
        if f == "avg" and t is not None and t[0] == "decimal":
            return ("decimal", builtins.min(38, t[1] + 4), builtins.min(38, t[2] + 4))
        return ("double",)

    def compute(self, values, t):
        f = self.function
        present = [v for v in values if v is not None]
        if f == "count":
            return len(present)
        if f == "countDistinct":
            return len(set(repr(v) for v in present))
        if f == "min":
            return builtins.min(present) if present else None
        if f == "max":
            return builtins.max(present) if present else None
        if f == "first":
            return values[0] if values else None
        if f == "last":
            return values[-1] if values else None
        kind = self._kind(t, values)
        if kind is None:
            return None
        if kind[0] not in _NUMERIC and kind[0] != "string":
            raise TypeError("%s(%s): Spark's %s needs numbers, not %s" % (f, self.column, f, kind[0]))
        if kind[0] == "decimal" and f in ("sum", "sumDistinct", "avg"):
            nums = [decimal.Decimal(v) for v in present]
            if f == "sumDistinct":
                nums = list(set(nums))
            if not nums:
                return None
            rt = self.result_type(kind)
            total = builtins.sum(nums, decimal.Decimal(0))
            value = total if f != "avg" else total / len(nums)
            return DecimalValue(value.quantize(decimal.Decimal(1).scaleb(-rt[2]), rounding=decimal.ROUND_HALF_UP), rt[1], rt[2])
        if kind[0] == "string":
            nums = [x for x in (cast(v, "double") for v in present) if x is not None]
        else:
            nums = list(present)
        if f == "sumDistinct":
            nums = list(set(nums))
        if f in ("sum", "sumDistinct"):
            if not nums:
                return None
            return int(builtins.sum(nums)) if kind[0] in _INTEGRAL else float(builtins.sum(float(x) for x in nums))
        xs = [float(x) for x in nums]
        n = len(xs)
        if n == 0:
            return None
        mean = builtins.sum(xs) / n
        if f == "avg":
            return mean
        m2 = builtins.sum((x - mean) ** 2 for x in xs)
        if f == "var_pop":
            return m2 / n
        if f == "stddev_pop":
            return math.sqrt(m2 / n)
        if f in ("var_samp", "stddev_samp"):
            if n < 2:
                return None
            return m2 / (n - 1) if f == "var_samp" else math.sqrt(m2 / (n - 1))
        if m2 == 0:
            return None
        if f == "kurtosis":
            return n * builtins.sum((x - mean) ** 4 for x in xs) / (m2 * m2) - 3.0
        if f == "skewness":
            return math.sqrt(n) * builtins.sum((x - mean) ** 3 for x in xs) / (m2 ** 1.5)
        raise ValueError("unknown aggregate %r" % f)


def _make(function):
    def aggregate(col):
        return _Aggregate(function, col)

    aggregate.__name__ = function
    return aggregate


avg = _make("avg")
count = _make("count")
countDistinct = _make("countDistinct")
first = _make("first")
kurtosis = _make("kurtosis")
last = _make("last")
max = _make("max")  # noqa: A001 (pyspark's name)
min = _make("min")  # noqa: A001
skewness = _make("skewness")
stddev_pop = _make("stddev_pop")
stddev_samp = _make("stddev_samp")
sum = _make("sum")  # noqa: A001
sumDistinct = _make("sumDistinct")
var_pop = _make("var_pop")
var_samp = _make("var_samp")


class Column(object):
    """``col("l.a")``: a column of an aliased frame (the first part is the alias), for join conditions."""

    def __init__(self, name):
        if not isinstance(name, str) or "." not in name:
            raise NotImplementedError("col: the stand-ins take <alias>.<column> names, got %r" % (name,))
        self.name = name
        self.frame, self.path = name.split(".", 1)

    def __eq__(self, other):
        if not isinstance(other, Column):
            raise NotImplementedError("col(...) == %r is not modelled" % (other,))
        return Condition([(self, other)])

    __hash__ = object.__hash__


class Condition(object):
    """Equalities of columns, joined with ``&``."""

    def __init__(self, pairs):
        self.pairs = pairs

    def __and__(self, other):
        if not isinstance(other, Condition):
            raise NotImplementedError("& of %r is not modelled" % (other,))
        return Condition(self.pairs + other.pairs)


def col(name):
    return Column(name)


class Expression(object):
    """``expr("...")``: a SQL expression over a DataFrame's columns, evaluated by ``DataFrame.withColumn``."""

    def __init__(self, text):
        if not isinstance(text, str):
            raise TypeError("expr: the text must be a string, got %r" % (text,))
        self.text = text


def expr(text):
    return Expression(text)
