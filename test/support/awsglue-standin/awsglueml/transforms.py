"""Stand-in for ``awsglueml.transforms``: ``FillMissingValues``, with awsglueml's signature.

Glue fills the missing values with the predictions of a model it trains on the frame, which nothing local reproduces.
This models the frame engine's stand-in estimate (gluekit's choice, not Glue's): the mean of the values present for a
number, cast back to the column's type as Spark casts; the most frequent value present for anything else (ties to the
smallest); None when no value is present.
"""

import collections

from awsglue import _schema
from awsglue._values import NotModelled, cast
from awsglue.dynamicframe import _check_thresholds
from awsglue.transforms import GlueTransform

_NUMERIC = ("byte", "short", "int", "long", "float", "double", "decimal")


def _find(frame, name):
    """The frame's field called ``name``: an exact match first, then one ignoring case (as the frame engine matches;
    Unconfirmed), among its records' keys and its declared fields."""
    return _schema._find(frame._fields() + list(frame._types()), name, False)


class FillMissingValues(GlueTransform):
    def __call__(self, frame, missing_values_column, output_column="", transformation_ctx="", info="",
                 stageThreshold=0, totalThreshold=0):
        _check_thresholds(info, stageThreshold, totalThreshold, frame)
        output = output_column or missing_values_column + "_filled"
        column = _find(frame, missing_values_column)
        if column is None:
            raise ValueError("FillMissingValues: the frame has no column %r" % missing_values_column)
        types = frame._types()
        values = [rec.get(column) for rec in frame._rows()]

        def missing(v):
            return v is None or v == ""

        present = [v for v in values if not missing(v)]
        declared = types.get(column)
        kinds = {_schema.value_type(v) for v in present}
        t = declared or (kinds.pop() if len(kinds) == 1 else None)
        if t is None and present:
            raise NotModelled("FillMissingValues over a column of several types")
        if not present:
            estimate = None
        elif t[0] in _NUMERIC:
            estimate = cast(sum(float(v) for v in present) / len(present), _schema.type_name(t))
        else:
            counts = collections.Counter(present)
            estimate = min(counts, key=lambda v: (-counts[v], v))
        existing = _find(frame, output)
        rows = []
        for rec, value in zip(frame._rows(), values):
            filled = estimate if missing(value) else value
            if existing is None:
                rows.append(dict(rec, **{output: filled}))
            else:
                row = {(output if k == existing else k): (filled if k == existing else v) for k, v in rec.items()}
                row.setdefault(output, filled)
                rows.append(row)
        if existing is not None:
            types.pop(existing, None)
        if declared is not None:
            types[output] = declared
        return frame._derive(rows, types)
