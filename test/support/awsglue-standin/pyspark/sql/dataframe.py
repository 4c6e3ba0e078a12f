"""``DataFrame`` and ``GroupedData`` for the stand-ins (see ``pyspark.sql``)."""


_TEMP_VIEWS = {}


def temp_views():
    """The DataFrames registered with ``createOrReplaceTempView``, by name."""
    return dict(_TEMP_VIEWS)


class AnalysisException(Exception):
    """Spark's error for a column it cannot resolve."""


class DataFrame(object):
    def __init__(self, fields, rows, types, alias=None):
        self._fields = list(fields)
        self._rows = rows
        self._types = dict(types)
        self._alias = alias

    def createOrReplaceTempView(self, name):
        _TEMP_VIEWS[name] = self

    def filter(self, condition):
        """The rows for which ``condition`` (an ``expr``) is true, evaluated by sqlite as ``withColumn`` does."""
        keep = self.withColumn("__gluekit_keep", condition)
        rows = [{k: v for k, v in r.items() if k != "__gluekit_keep"} for r in keep._rows if r["__gluekit_keep"]]
        return DataFrame(self._fields, rows, self._types)

    def withColumn(self, name, column):
        """The frame with ``name`` set to ``column`` (an ``expr``) for each row: a column of that name (ignoring case) is
        replaced in place, else appended. The expression runs on Python's sqlite3 over the rows (the part of SQL where
        sqlite agrees with Spark; see ``awsglue.context``'s session)."""
        import sqlite3

        from pyspark.sql.functions import Expression

        if not isinstance(column, Expression):
            raise NotImplementedError("withColumn: the stand-ins take an expr(...), got %r" % (column,))
        connection = sqlite3.connect(":memory:")
        try:
            connection.execute("PRAGMA case_sensitive_like = ON")
            names = ", ".join('"%s"' % f.replace('"', '""') for f in self._fields) or '"_"'
            connection.execute("CREATE TABLE t (%s)" % names)
            marks = ", ".join("?" for _ in self._fields) or "?"
            for row in self._rows:
                values = [row.get(f) for f in self._fields] or [None]
                if any(isinstance(v, (dict, list, bool)) for v in values):
                    raise NotImplementedError("withColumn: a struct, array or boolean value is not modelled by the stand-ins' sqlite")
                connection.execute("INSERT INTO t VALUES (%s)" % marks, values)
            values = [r[0] for r in connection.execute("SELECT (%s) FROM t ORDER BY rowid" % column.text)]
        finally:
            connection.close()
        existing = [f for f in self._fields if f.lower() == name.lower()]
        fields = list(self._fields) if existing else self._fields + [name]
        key = existing[0] if existing else name
        rows = []
        for row, value in zip(self._rows, values):
            out = dict(row)
            if existing and key != name:
                out = {(name if k == key else k): v for k, v in out.items()}
            out[name] = value
            rows.append(out)
        fields = [name if f == key else f for f in fields]
        types = {(name if k == key else k): v for k, v in self._types.items() if k != key}
        return DataFrame(fields, rows, types)

    def alias(self, name):
        return DataFrame(self._fields, self._rows, self._types, name)

    def join(self, other, on, how="inner"):
        """Spark's join of two aliased frames on ``col("l.a") == col("r.b")`` conditions joined with ``&``: inner,
        left, right, outer (full), left_semi and left_anti. None keys match nothing. Every column of both is kept
        (duplicate names included: Spark keeps them), semi and anti keep the left's."""
        from pyspark.sql.functions import Condition

        if not isinstance(other, DataFrame):
            raise TypeError("join: other must be a DataFrame, got %r" % (other,))
        if not isinstance(on, Condition):
            raise NotImplementedError("join: the stand-ins take a col() == col() condition, got %r" % (on,))
        sides = {self._alias: self, other._alias: other}
        if None in sides or len(sides) != 2:
            raise ValueError("join: alias both frames, differently")
        pairs = []
        for left, right in on.pairs:
            if left.frame == other._alias and right.frame == self._alias:
                left, right = right, left
            if left.frame != self._alias or right.frame != other._alias:
                raise ValueError("join: a condition compares %s with %s" % (left.name, right.name))
            pairs.append((self._column(left.path)[1], other._column(right.path)[1]))

        def matches(a, b):
            for get_a, get_b in pairs:
                va, vb = get_a(a), get_b(b)
                if va is None or vb is None or va != vb:
                    return False
            return True

        how = how.lower()
        if how in ("left_semi", "leftsemi", "semi", "left_anti", "leftanti", "anti"):
            keep = how.endswith("semi")
            rows = [a for a in self._rows if any(matches(a, b) for b in other._rows) == keep]
            return DataFrame(self._fields, rows, self._types)
        if how not in ("inner", "left", "right", "outer", "full"):
            raise NotImplementedError("join: how %r is not modelled" % how)
        fields = self._fields + other._fields
        if len({f.lower() for f in fields}) != len(fields):
            raise NotImplementedError("join: both frames have a column of one name; the stand-ins do not model duplicate columns")
        types = dict(self._types)
        types.update(other._types)
        rows, matched_right = [], set()
        for a in self._rows:
            found = False
            for j, b in enumerate(other._rows):
                if matches(a, b):
                    found = True
                    matched_right.add(j)
                    rows.append(dict(list(a.items()) + list(b.items())))
            if not found and how in ("left", "outer", "full"):
                rows.append(dict(list(a.items()) + [(f, None) for f in other._fields]))
        if how in ("right", "outer", "full"):
            for j, b in enumerate(other._rows):
                if j not in matched_right:
                    rows.append(dict([(f, None) for f in self._fields] + list(b.items())))
        return DataFrame(fields, rows, types)

    @property
    def columns(self):
        return list(self._fields)

    def _resolve(self, name):
        """A column name as this frame spells it (matched ignoring case), or AnalysisException."""
        for f in self._fields:
            if f == name:
                return f
        for f in self._fields:
            if f.lower() == name.lower():
                return f
        raise AnalysisException('Cannot resolve column name "%s" among (%s)' % (name, ", ".join(self._fields)))

    def _column(self, path):
        """A (possibly dotted) column: its name in the result (the last part), a getter over rows, its type."""
        parts = path.split(".")
        top = self._resolve(parts[0])
        t = self._types.get(top)
        for part in parts[1:]:
            t = dict(t[1]).get(part) if t is not None and t[0] == "struct" else None

        def get(row):
            v = row.get(top)
            for part in parts[1:]:
                if not isinstance(v, dict):
                    return None
                match = [k for k in v if k.lower() == part.lower()]
                v = v.get(match[0]) if match else None
            return v

        return parts[-1], get, t

    def dropDuplicates(self, subset=None):
        """One row per distinct value of ``subset`` (whole rows without it), the first of each kept."""
        names = [self._resolve(c) for c in subset] if subset else list(self._fields)
        seen, rows = set(), []
        for row in self._rows:
            key = repr([row.get(n) for n in names])
            if key not in seen:
                seen.add(key)
                rows.append(row)
        return DataFrame(self._fields, rows, self._types)

    def unionByName(self, other, allowMissingColumns=False):
        """Every row of both frames, columns matched by name (ignoring case); with ``allowMissingColumns`` a column
        one frame lacks is None in its rows, else such a column is an AnalysisException."""
        if not isinstance(other, DataFrame):
            raise TypeError("unionByName: other must be a DataFrame, got %r" % (other,))
        fields = list(self._fields)
        lower = {f.lower(): f for f in fields}
        renamed = []
        for row in other._rows:
            renamed.append({lower.get(k.lower(), k): v for k, v in row.items()})
        extra = [f for f in other._fields if f.lower() not in lower]
        missing = [f for f in fields if f.lower() not in {o.lower() for o in other._fields}]
        if (extra or missing) and not allowMissingColumns:
            raise AnalysisException("unionByName: the frames' columns differ (%s)" % ", ".join(extra + missing))
        fields += extra
        types = dict(self._types)
        for f in extra:
            types[f] = other._types.get(f)
        rows = [{f: r.get(f) for f in fields} for r in self._rows + renamed]
        return DataFrame(fields, rows, types)

    def distinct(self):
        """One of each distinct row, the first kept."""
        return self.dropDuplicates()

    def groupBy(self, *cols):
        return GroupedData(self, [c for c in cols])

    def agg(self, *aggs):
        return GroupedData(self, []).agg(*aggs)


class GroupedData(object):
    def __init__(self, frame, groups):
        self._frame = frame
        self._groups = groups

    def agg(self, *aggs):
        frame = self._frame
        groups = [frame._column(g) for g in self._groups]
        columns = [(a, frame._column(a.column)) for a in aggs]
        buckets = {}
        for row in frame._rows:
            key = repr([get(row) for _n, get, _t in groups])
            buckets.setdefault(key, ([get(row) for _n, get, _t in groups], []))[1].append(row)
        if not groups and not buckets:
            buckets[repr([])] = ([], [])
        fields, types, rows = [], {}, []
        for name, _get, t in groups:
            fields.append(name)
            types[name] = t
        for a, (_name, _get, t) in columns:
            fields.append(a.name())
            types[a.name()] = a.result_type(t)
        if len(set(fields)) != len(fields):
            raise AnalysisException("two result columns would have the same name: %r" % (fields,))
        for values, members in buckets.values():
            out = dict(zip(fields, values))
            for a, (_name, get, t) in columns:
                out[a.name()] = a.compute([get(r) for r in members], t)
            rows.append(out)
        return DataFrame(fields, rows, types)
