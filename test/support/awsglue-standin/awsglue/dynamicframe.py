"""Stand-in for ``awsglue.dynamicframe``: a DynamicFrame holding its records in memory.

A record is a ``dict`` (nested structs are dicts, arrays lists; see ``awsglue._values`` for the value types). Records are
self-describing: a field absent from a record is not the same as a null one. The frame's fields (its schema's top-level
names) are the records' keys in first-seen order, the order GLUE-REFERENCE section 1 gives for merging struct types.

Every transform works on copies: a frame is never changed once made, so one frame can feed several steps.
"""

import copy
import json
import decimal

from awsglue import _schema
from awsglue._values import NotModelled, cast, parse_type


class _Records(object):
    """What the stand-ins keep where awsglue keeps the JVM frame (``_jdf``): the records, and the types Glue knows for
    their fields (``{top-level name: type or None}``, see ``awsglue._schema``; a field missing there or None is typed by
    its values when written)."""

    def __init__(self, rows, types=None, errors=None, stage_errors=0):
        self.rows = rows
        self.types = dict(types or {})
        # The error records of the steps that led to the frame (dicts of errorsAsDynamicFrame's `error` field), and
        # how many of them the frame's own step made.
        self.errors = list(errors or [])
        self.stage_errors = stage_errors


def split_path(path):
    """A field path as its parts: ``a.b`` is [a, b]; backticks quote a literal dot (`` `a.b`.c `` is [a.b, c])."""
    if not isinstance(path, str):
        raise TypeError("a field path must be a string, got %r" % (path,))
    parts = []
    current = []
    quoted = False
    for c in path:
        if c == "`":
            quoted = not quoted
        elif c == "." and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(c)
    parts.append("".join(current))
    return parts


def _paths(paths, what):
    if isinstance(paths, str):
        paths = [paths]
    if not isinstance(paths, (list, tuple)) or not all(isinstance(p, str) for p in paths):
        raise TypeError("%s: paths must be a list of strings, got %r" % (what, paths))
    return [split_path(p) for p in paths]


def _check_thresholds(info, stageThreshold, totalThreshold, *frames):
    """Checks a transform's info and thresholds, and fails where the error records of its input frames pass
    ``totalThreshold`` (the modelled transforms make none of their own, so ``stageThreshold`` never fails)."""
    if not isinstance(info, str):
        raise TypeError("info must be a string, got %r" % (info,))
    for name, v in (("stageThreshold", stageThreshold), ("totalThreshold", totalThreshold)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError("%s must be an integer, got %r" % (name, v))
    total = len(_merged_errors(*frames))
    if totalThreshold > 0 and total > totalThreshold:
        raise ErrorThresholdExceeded("%d error records, more than totalThreshold %d" % (total, totalThreshold))


class ErrorThresholdExceeded(Exception):
    """A transform's input holds more error records than its totalThreshold."""


def _merged_errors(*frames):
    """The error records of several frames, each once (two inputs may share a source's)."""
    out = []
    for f in frames:
        for e in f._jdf.errors:
            if not any(e is o for o in out):
                out.append(e)
    return out


class FilterFunctionError(Exception):
    """A Filter function raised something other than KeyError, ValueError or TypeError."""


class DynamicFrame(object):
    def __init__(self, jdf, glue_ctx, name=""):
        if not isinstance(jdf, _Records):
            raise TypeError("the stand-in DynamicFrame is made by the stand-in GlueContext's readers and transforms")
        self._jdf = jdf
        self.glue_ctx = glue_ctx
        self.name = name

    # --- the stand-ins' own accessors ---------------------------------------------------------------------------------

    def _rows(self):
        return self._jdf.rows

    def _fields(self):
        """The top-level field names: every record's keys, in first-seen order."""
        seen = {}
        for rec in self._jdf.rows:
            for k in rec:
                seen.setdefault(k, None)
        return list(seen)

    def _types(self):
        """The declared types of the top-level fields (a copy): ``{name: type or None}``."""
        return dict(self._jdf.types)

    def _derive_with(self, other, rows, types):
        """A frame of two inputs' (join, union, merge): the error records of both."""
        return DynamicFrame(_Records(rows, types, _merged_errors(self, other)), self.glue_ctx, self.name)

    def _derive(self, rows, types):
        return DynamicFrame(_Records(rows, types, self._jdf.errors), self.glue_ctx, self.name)

    # --- awsglue's DynamicFrame API (the parts the stand-ins model) ---------------------------------------------------

    def count(self):
        return len(self._jdf.rows)

    def show(self, num_rows=20):
        from awsglue._formats import format_json

        print(format_json(self._fields(), self._jdf.rows[:num_rows]), end="")

    def errorsCount(self):
        return len(self._jdf.errors)

    def stageErrorsCount(self):
        return self._jdf.stage_errors  # only a reader makes error records among the modelled steps

    def errorsAsDynamicFrame(self):
        """The error records of the steps that led to this frame, one ``error`` struct each (gluekit's choice of their
        content: see emulator/frames/error-records.ts)."""
        rows = [{"error": copy.deepcopy(e)} for e in self._jdf.errors]
        return DynamicFrame(_Records(rows, _schema.json_types(rows)), self.glue_ctx, self.name)

    def toDF(self, options=None):
        """The frame as the stand-ins' DataFrame (``pyspark.sql``): every record with every field, a missing one None.
        A choice (a struct in Spark's DataFrame) is not modelled."""
        from pyspark.sql import DataFrame

        if options:
            raise NotModelled("toDF options are not modelled")
        types = self._types()
        if any(t is not None and t[0] == "choice" for t in types.values()):
            raise NotModelled("toDF of a frame holding a choice is not modelled")
        fields = self._fields()
        fields += [f for f in types if f not in fields]
        return DataFrame(fields, [{f: copy.deepcopy(rec.get(f)) for f in fields} for rec in self._jdf.rows], types)

    @staticmethod
    def fromDF(dataframe, glue_ctx, name):
        """A DynamicFrame of a DataFrame's rows, each with every column (a None value is a null field)."""
        from pyspark.sql import DataFrame

        if not isinstance(dataframe, DataFrame):
            raise TypeError("fromDF: dataframe must be a DataFrame, got %r" % (dataframe,))
        if not isinstance(name, str):
            raise TypeError("fromDF: name must be a string, got %r" % (name,))
        types = {k: v for k, v in dataframe._types.items() if v is not None}
        return DynamicFrame(_Records([dict(r) for r in dataframe._rows], types), glue_ctx, name)

    def apply_mapping(self, mappings, case_sensitive=False, transformation_ctx="", info="", stageThreshold=0,
                      totalThreshold=0):
        """Only mapped fields survive, in mapping order. A source path is matched part by part, case-insensitively
        unless ``case_sensitive`` (an exact-case match wins); a missing source (or one under an array) leaves the
        target out of that record. A dotted target builds structs. The value is cast from its actual type to the target
        type with Spark's semantics (``awsglue._values.cast``). The target field's type is the target type (a bare
        ``struct``, ``array`` or ``map`` target keeps the source's known type of that kind, else its values decide).

        Unconfirmed: the source type is checked to be a type name but not used (Glue converts the value it finds, of
        the type the frame knows for it)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if isinstance(mappings, tuple):
            mappings = [mappings]
        specs = []
        for m in mappings:
            if not isinstance(m, (tuple, list)) or len(m) != 4 or not all(isinstance(x, str) for x in m):
                raise TypeError("a mapping is a (source path, source type, target path, target type) tuple of "
                                "strings, got %r" % (m,))
            source, source_type, target, target_type = m
            parse_type(source_type)
            parse_type(target_type)
            specs.append((split_path(source), split_path(target), target_type))
        types = {}
        from_kinds = []
        for source, target, target_type in specs:
            known = _schema.lookup(self._jdf.types, source, case_sensitive)
            declared = _schema.from_type_name(target_type)
            if declared is None and known is not None and known[0] == parse_type(target_type)[0]:
                declared = known
            # A source the frame does not have gives no target field (not even inside a struct the mapping builds).
            if _schema.has(self._jdf.types, source, case_sensitive) or any(_lookup(r, source, case_sensitive)[0] for r in self._jdf.rows):
                _schema.put(types, target, declared)
            from_kinds.append(known[0] if known is not None else None)
        rows = []
        for rec in self._jdf.rows:
            out = {}
            for (source, target, target_type), from_kind in zip(specs, from_kinds):
                found, value = _lookup(rec, source, case_sensitive)
                if found:
                    _put(out, target, copy.deepcopy(cast(value, target_type, from_kind)))
            rows.append(out)
        return self._derive(rows, types)

    def rename_field(self, oldName, newName, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """Renames the field at the full path ``oldName`` to ``newName``. In the same struct the field keeps its
        position (a field already called ``newName`` there is replaced); to another struct it moves (created if
        missing) and goes last. A record without the field is left as it is. Names match as ApplyMapping's do (an
        exact match first, then ignoring case; Unconfirmed)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        old = _paths(oldName, "RenameField")[0]
        new = _paths(newName, "RenameField")[0]
        rows = []
        for rec in self._jdf.rows:
            rec = copy.deepcopy(rec)
            parent = _navigate(rec, old[:-1])
            key = _find_key(parent, old[-1], False) if isinstance(parent, dict) else None
            if key is not None:
                if new[:-1] == old[:-1]:
                    items = list(parent.items())
                    parent.clear()
                    for k, v in items:
                        if k == key:
                            parent[new[-1]] = v
                        elif k.lower() != new[-1].lower():
                            parent[k] = v
                else:
                    value = parent.pop(key)
                    _put(rec, new, value)
            rows.append(rec)
        types = self._types()
        _schema.rename(types, old, new)
        return self._derive(rows, types)

    def select_fields(self, paths, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """Keeps the fields at ``paths`` (top-level names; a dotted path keeps that part of a struct), in the record's
        own field order. Paths that match nothing are ignored. Names match exactly."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        wanted = _paths(paths, "SelectFields")
        return self._derive([_select(rec, wanted) for rec in self._jdf.rows], _schema.select(self._jdf.types, wanted))

    def drop_fields(self, paths, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """Drops the fields at ``paths``: ``a.b`` inside a struct (a struct losing its last field goes too), ``arr.b``
        inside every struct element of an array. Paths that match nothing are ignored. Names match exactly."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        dropped = _paths(paths, "DropFields")
        rows = []
        for rec in self._jdf.rows:
            rec = copy.deepcopy(rec)
            for parts in dropped:
                _drop(rec, parts)
            rows.append(rec)
        types = self._types()
        for parts in dropped:
            _schema.drop(types, parts)
        return self._derive(rows, types)

    def join(self, paths1, paths2, frame2, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """The equijoin (GLUE-REFERENCE section 2): pairs of records whose key values are all equal (None matches
        nothing), with every field of both; a field ``frame2`` shares with this frame is kept twice, ``frame2``'s copy
        named ``.<field>`` (Unconfirmed: which side gets the prefix). Keys are paths (``address.zip``), matched as
        ApplyMapping matches sources."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if not isinstance(frame2, DynamicFrame):
            raise TypeError("join: frame2 must be a DynamicFrame, got %r" % (frame2,))
        if len(paths1) != len(paths2) or not paths1:
            raise ValueError("join: keys1 and keys2 must name as many keys, at least one")
        index = {}
        for rec in frame2._jdf.rows:
            key = _join_key(rec, paths2)
            if None in key:
                continue
            index.setdefault(key, []).append(rec)
        names1 = set(self._types()) | {k for rec in self._jdf.rows for k in rec}
        rename = lambda k: "." + k if k in names1 else k
        rows = []
        for rec in self._jdf.rows:
            key = _join_key(rec, paths1)
            if None in key:
                continue
            for other in index.get(key, []):
                joined = copy.deepcopy(rec)
                for k, v in other.items():
                    joined[rename(k)] = copy.deepcopy(v)
                rows.append(joined)
        types = self._types()
        for k, t in frame2._types().items():
            types[rename(k)] = t
        return self._derive_with(frame2, rows, types)

    def resolveChoice(self, specs=None, choice="", database=None, table_name=None, transformation_ctx="", info="",
                      stageThreshold=0, totalThreshold=0, catalog_id=None):
        """Resolves choices (GLUE-REFERENCE section 1): ``specs`` ``(path, action)`` pairs or one ``choice`` for every
        choice of the frame. ``cast:T`` casts each value from its own type (also on a field that is not a choice);
        ``project:T`` keeps the values of type T (others None); ``make_cols`` makes ``<field>_<type>`` fields, the
        first in the field's place and the others appended; ``make_struct`` a dict with a key per type (in order of
        the type names); ``match_catalog`` casts each top-level choice to its catalog column's type. Paths reach into
        structs (``a.b``) and arrays (``tags[]``, ``items[].n``, GLUE-REFERENCE section 1); so does one ``choice``."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if specs is None and not choice:
            raise ValueError("Parameter specs and option are both missing, add one.")
        if specs is not None and choice:
            raise ValueError("Parameter specs and option are both specified, choose one.")
        rows = [copy.deepcopy(r) for r in self._jdf.rows]
        types = self._types()
        if specs is not None:
            for path, action in specs:
                _resolve_at(rows, types, _element_steps(split_path(path)), action, False)
        elif choice == "match_catalog":
            from awsglue import _catalog
            from awsglue._values import catalog_type_name
            table = _catalog.find_table(database, table_name)["Table"]
            columns = (table.get("StorageDescriptor") or {}).get("Columns") or []
            columns = columns + (table.get("PartitionKeys") or [])
            for name, t in list(types.items()):
                column = next((c for c in columns if c["Name"].lower() == name.lower()), None)
                if t is not None and t[0] == "choice" and column is not None:
                    _resolve_field(rows, types, name, "cast:" + catalog_type_name(column.get("Type") or "string"))
        else:
            for parts in _choice_paths(types):
                _resolve_at(rows, types, parts, choice, True)
        return self._derive(rows, types)

    def mergeDynamicFrame(self, stage_dynamic_frame, primary_keys, transformation_ctx="", options={}, info="",
                          stageThreshold=0, totalThreshold=0):
        """Every record of the staging frame, and this frame's records whose primary keys no staging record has (a
        None key matches nothing); duplicates are kept (GLUE-REFERENCE section 2). Unconfirmed: that staging records
        without a match are added. Keys are paths, matched as ApplyMapping matches sources."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if not isinstance(stage_dynamic_frame, DynamicFrame):
            raise TypeError("mergeDynamicFrame: stage_dynamic_frame must be a DynamicFrame, got %r" % (stage_dynamic_frame,))
        if isinstance(primary_keys, str) or not isinstance(primary_keys, (list, tuple)) or not primary_keys:
            raise ValueError("mergeDynamicFrame: primary_keys must be a non-empty list of paths, got %r" % (primary_keys,))
        staged = set(k for k in (_join_key(r, primary_keys) for r in stage_dynamic_frame._jdf.rows) if None not in k)
        rows = [copy.deepcopy(r) for r in stage_dynamic_frame._jdf.rows]
        for rec in self._jdf.rows:
            key = _join_key(rec, primary_keys)
            if None in key or key not in staged:
                rows.append(copy.deepcopy(rec))
        types = _schema.merge_into(stage_dynamic_frame._types(), self._types())
        return self._derive_with(stage_dynamic_frame, rows, types)

    def union(self, other_frame, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """Every record of both frames, each keeping its own fields (GLUE-REFERENCE sections 2 and 8); a field's
        declared types merge (different ones make a choice)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if not isinstance(other_frame, DynamicFrame):
            raise TypeError("union: other_frame must be a DynamicFrame, got %r" % (other_frame,))
        types = _schema.merge_into(self._types(), other_frame._types())
        return self._derive_with(other_frame, [copy.deepcopy(r) for r in self._jdf.rows] + [copy.deepcopy(r) for r in other_frame._jdf.rows], types)

    def drop_null_fields(self, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """Drops the fields whose schema type is null: null or missing in every record (GLUE-REFERENCE section 2; an
        empty string is a value), at the top level and inside structs and arrays of structs (not maps, nor arrays
        inside arrays). A struct left without fields goes too, and so does an array whose elements' fields all go
        (Unconfirmed, as the frame engine does)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        rows = self._jdf.rows
        present, valued = set(), set()
        for rec in rows:
            _field_paths(rec, (), present, valued, False)
        for name in self._types():
            present.add((name,))
        arrays = {}
        for rec in rows:
            _array_paths(rec, (), arrays)
        dropped = present - valued
        for path, fields in arrays.items():
            if fields and all(path + (f,) in dropped for f in fields):
                dropped = {d for d in dropped if d[:len(path)] != path or d == path} | {path}
        rows = [copy.deepcopy(r) for r in rows]
        types = self._types()
        for path in sorted(dropped, key=len, reverse=True):
            for rec in rows:
                _drop(rec, list(path))
            _schema.drop(types, list(path))
        return self._derive(rows, types)

    def relationalize(self, root_table_name, staging_path, options={}, transformation_ctx="", info="", stageThreshold=0,
                      totalThreshold=0):
        """A collection: the root frame (``root_table_name``), its records with structs flattened to dotted names and
        each array replaced by a join key, and a frame per array, ``<root>_<dotted path>``, with ``id`` (the key),
        ``index`` (from 0) and the element flattened under ``<path>.val`` (GLUE-REFERENCE section 2). Which fields are
        structs or arrays is decided over all of a frame's records (its schema), as Glue computes one. A key is
        the record's position in its frame, from 1 (Unconfirmed, as the frame engine does); a None or missing
        array has none. Nothing is written to ``staging_path``."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if not isinstance(root_table_name, str) or not root_table_name:
            raise TypeError("relationalize: root_table_name must be a non-empty string, got %r" % (root_table_name,))
        if not isinstance(staging_path, str) or not staging_path:
            raise ValueError("relationalize: staging_path is missing (Glue falls back to --TempDir, which the stand-ins do not model)")
        frames = {}
        # Each level: its name, and its entries: (leading fields, {top-level name: value}, {top-level name: declared type}).
        pending = [(root_table_name, [({}, rec) for rec in self._jdf.rows], self._types())]
        while pending:
            key, entries, declared = pending.pop(0)
            shape = {}
            for _lead, rec in entries:
                for name, value in rec.items():
                    _see_shape(shape, (name,), value)
            children, rows, types = {}, [], {}
            if key != root_table_name:
                types.update({"id": ("long",), "index": ("int",)})
            for position, (lead, rec) in enumerate(entries, 1):
                out = dict(lead)
                for name in rec:
                    _flatten_value(name, (name,), rec[name], declared.get(name), shape, out, types, position, children)
                rows.append(out)
            if key in frames:
                raise ValueError("relationalize: two frames would be named %r" % key)
            frames[key] = DynamicFrame(_Records(rows, types), self.glue_ctx, key)
            for path, (element_type, child_entries) in children.items():
                pending.append((root_table_name + "_" + path, child_entries, {path + ".val": element_type}))
        return DynamicFrameCollection(frames, self.glue_ctx)

    def spigot(self, path, options={}, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """Writes a sample of the records to ``path`` as JSON (as a JSON sink names its file) and returns the frame
        unchanged: the first ``topk`` (default 100). A ``prob`` sample (random on Glue) is not modelled."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        options = dict(options or {})
        if "prob" in options:
            raise NotModelled("spigot: a prob sample is random; the stand-ins do not model it")
        unknown = set(options) - {"topk"}
        if unknown:
            raise NotModelled("spigot: options %s are not modelled" % sorted(unknown))
        topk = options.get("topk", 100)
        if isinstance(topk, bool) or not isinstance(topk, int) or topk < 0:
            raise ValueError("spigot: topk must be a whole number from 0, got %r" % (topk,))
        sample = self._derive([copy.deepcopy(r) for r in self._jdf.rows[:topk]], self._jdf.types)
        self.glue_ctx.write_dynamic_frame_from_options(sample, "s3", {"path": path}, "json")
        return self._derive(list(self._jdf.rows), self._jdf.types)

    def repartition(self, num_partitions, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """The same records: the stand-ins have no partitions (each sink writes one file per folder)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if isinstance(num_partitions, bool) or not isinstance(num_partitions, int) or num_partitions < 1:
            raise ValueError("repartition: num_partitions must be a positive integer, got %r" % (num_partitions,))
        return self._derive(list(self._jdf.rows), self._jdf.types)

    def coalesce(self, num_partitions, shuffle=False, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """The same records: the stand-ins have no partitions (each sink writes one file per folder)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if isinstance(num_partitions, bool) or not isinstance(num_partitions, int) or num_partitions < 1:
            raise ValueError("coalesce: num_partitions must be a positive integer, got %r" % (num_partitions,))
        return self._derive(list(self._jdf.rows), self._jdf.types)

    def split_fields(self, paths, name1, name2, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """A collection of two frames: ``name1`` the fields at ``paths`` (as select_fields keeps them), ``name2`` the
        others (as drop_fields leaves them) (GLUE-REFERENCE section 2)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if not isinstance(name1, str) or not isinstance(name2, str) or name1 == name2:
            raise ValueError("split_fields: name1 and name2 must be two different strings, got %r and %r" % (name1, name2))
        selected = self.select_fields(paths)
        rest = self.drop_fields(paths)
        selected.name, rest.name = name1, name2
        return DynamicFrameCollection({name1: selected, name2: rest}, self.glue_ctx)

    def split_rows(self, comparison_dict, name1, name2, transformation_ctx="", info="", stageThreshold=0,
                   totalThreshold=0):
        """A collection of two frames: ``name1`` the records for which every ``{path: {op: value}}`` comparison holds,
        ``name2`` the others. A comparison holds where the field has a value of the constant's kind (a number against a
        number, a string against a string) that compares so; a missing or None field does not (Unconfirmed, as the
        frame engine does)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if not isinstance(comparison_dict, dict) or not comparison_dict:
            raise ValueError("split_rows: comparison_dict must be a non-empty {path: {op: value}} dict")
        ops = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b, ">=": lambda a, b: a >= b,
               "=": lambda a, b: a == b, "!=": lambda a, b: a != b}
        checks = []
        for path, comparisons in comparison_dict.items():
            for op, value in comparisons.items():
                if op not in ops:
                    raise ValueError("split_rows: unknown operator %r" % op)
                checks.append((split_path(path), ops[op], value))

        def kind(v):
            if isinstance(v, bool):
                return "boolean"
            if isinstance(v, (int, float, decimal.Decimal)):
                return "number"
            return "string" if isinstance(v, str) else "other"

        def holds(rec):
            for parts, op, value in checks:
                v = _navigate(rec, parts)
                if v is None or kind(v) != kind(value) or not op(v, value):
                    return False
            return True

        matched = [r for r in self._jdf.rows if holds(r)]
        rest = [r for r in self._jdf.rows if not holds(r)]
        first = DynamicFrame(_Records(matched, self._jdf.types), self.glue_ctx, name1)
        second = DynamicFrame(_Records(rest, self._jdf.types), self.glue_ctx, name2)
        return DynamicFrameCollection({name1: first, name2: second}, self.glue_ctx)

    def unbox(self, path, format, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0, **options):
        """Parses the top-level string field ``path`` (matched ignoring case where no exact name matches) into a struct
        of the same name. json: a value that is not a JSON object becomes None (gluekit's choice; Unconfirmed). csv
        (options ``separator``, ``escaper``, ``withHeader``, ``skipFirst``, ``withSchema``): the value read as the text of a CSV file,
        as the csv source reads one, its first record the struct (no record: None; Unconfirmed)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if format == "csv":
            return self._unbox_csv(path, **options)
        if format != "json" or options:
            raise NotModelled("unbox with format %r and options %r is not modelled (json, csv)" % (format, options))
        parts = split_path(path)
        if len(parts) != 1:
            raise NotModelled("unbox of the nested path %r is not modelled" % path)
        name = _schema._find(self._fields() + list(self._jdf.types), parts[0], False)
        if name is None:
            return self._derive([copy.deepcopy(r) for r in self._jdf.rows], self._types())
        rows = []
        for rec in self._jdf.rows:
            rec = copy.deepcopy(rec)
            if name in rec:
                try:
                    parsed = json.loads(rec[name]) if isinstance(rec[name], str) else None
                except ValueError:
                    parsed = None
                rec[name] = parsed if isinstance(parsed, dict) else None
            rows.append(rec)
        types = self._types()
        types[name] = _schema.json_types([{name: r[name]} for r in rows if r.get(name) is not None]).get(name)
        return self._derive(rows, types)

    def _unbox_csv(self, path, separator=",", escaper=None, withHeader=False, skipFirst=False, withSchema=None, **others):
        from awsglue import _formats
        from awsglue.context import _csv_records

        if others:
            raise NotModelled("unbox csv options %r are not modelled" % sorted(others))
        name = _schema._find(self._fields() + list(self._jdf.types), path, False)
        if name is None:
            return self._derive([copy.deepcopy(r) for r in self._jdf.rows], self._types())
        if withSchema is not None:
            return self._unbox_csv_schema(name, json.loads(withSchema), separator, escaper, withHeader, skipFirst)
        rows, struct = [], None
        for rec in self._jdf.rows:
            rec = copy.deepcopy(rec)
            if name in rec:
                text = rec[name]
                records = _csv_records(_formats.parse_csv(text, separator, '"', escaper), withHeader, skipFirst) if isinstance(text, str) else []
                rec[name] = records[0] if records else None
                if rec[name] is not None:
                    fields = tuple((k, None if v is None else _schema.value_type(v)) for k, v in rec[name].items())
                    struct = _schema.merge_values(struct, ("struct", fields))
            rows.append(rec)
        types = self._types()
        types[name] = struct
        return self._derive(rows, types)

    def _unbox_csv_schema(self, name, schema, separator, escaper, with_header, skip_first):
        """Unbox csv with ``withSchema`` (a ``StructType.json()`` string): the first record's values by position as the
        schema's fields (a header line skipped, its names unused; values beyond the schema dropped, missing ones None),
        each read as its type by the CSV catalog text rule, None where it does not read (Unconfirmed, as the frame
        engine does)."""
        from awsglue import _formats
        from awsglue._values import parse_catalog_text

        fields = [(f["name"], f["type"]) for f in schema["fields"]]
        rows = []
        for rec in self._jdf.rows:
            rec = copy.deepcopy(rec)
            if name in rec:
                text = rec[name]
                lines = _formats.parse_csv(text, separator, '"', escaper) if isinstance(text, str) else []
                lines = lines[(1 if with_header else 0) + (1 if skip_first else 0):]
                if lines:
                    row = lines[0]
                    struct = {}
                    for i, (field, type_name) in enumerate(fields):
                        raw = row[i] if i < len(row) else None
                        ok, value = parse_catalog_text(raw, type_name) if raw is not None else (False, None)
                        struct[field] = value if ok else None
                    rec[name] = struct
                else:
                    rec[name] = None
            rows.append(rec)
        types = self._types()
        types[name] = ("struct", tuple((field, parse_type(type_name)) for field, type_name in fields))
        return self._derive(rows, types)

    def unnest(self, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """Every struct's fields, at any depth, as top-level fields named by their dotted paths; arrays stay as they
        are (GLUE-REFERENCE section 2; Unconfirmed for structs inside arrays, as the frame engine does). Which fields
        are structs is decided over all records (the frame's schema)."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        shape = {}
        for rec in self._jdf.rows:
            for name, value in rec.items():
                _see_shape(shape, (name,), value)
        # Arrays are values here: only structs are flattened.
        shape = {path: s for path, s in shape.items() if s["kind"] == "struct"}
        declared = self._types()
        rows, types = [], {}
        for rec in self._jdf.rows:
            out = {}
            for name in rec:
                _flatten_value(name, (name,), rec[name], declared.get(name), shape, out, types, None, None)
            rows.append(out)
        return self._derive(rows, types)

    def filter(self, f, transformation_ctx="", info="", stageThreshold=0, totalThreshold=0):
        """Keeps the records for which ``f(record)`` is true. ``record`` is a dict (a copy): ``row["x"]`` raises
        KeyError when the record has no ``x``. KeyError, ValueError and TypeError make the record false.

        Any other exception fails the job. GLUE-REFERENCE section 2 says it makes an error record instead (which, with
        the default thresholds of 0, would not fail the job); the brief for the stand-ins asks for the failure, which
        is what awsglue's Python 3 filter wrapper does if, as remembered but not seen in our sources, its error branch
        reads ``E.message`` (Python 3 exceptions have none). Unconfirmed."""
        _check_thresholds(info, stageThreshold, totalThreshold, self)
        if not callable(f):
            raise TypeError("Filter: f must be callable, got %r" % (f,))
        rows = []
        for index, rec in enumerate(self._jdf.rows):
            try:
                keep = f(copy.deepcopy(rec))
            except (KeyError, ValueError, TypeError):
                keep = False
            except Exception as e:
                raise FilterFunctionError("Filter function raised %s on record %d %r: %s"
                                          % (type(e).__name__, index, rec, e)) from e
            if keep:
                rows.append(rec)
        return self._derive(rows, self._jdf.types)


def _see_shape(shape, path, value):
    """Notes what a value at ``path`` is (a struct's member names in first-seen order, or an array) in ``shape``."""
    if isinstance(value, dict):
        members = shape.setdefault(path, {"kind": "struct", "members": []}).get("members")
        if members is None:
            return
        for name, v in value.items():
            if name not in members:
                members.append(name)
            _see_shape(shape, path + (name,), v)
    elif isinstance(value, list):
        shape.setdefault(path, {"kind": "array"})


def _flatten_value(name, path, value, declared, shape, out, types, position, children):
    """Puts a value into a relationalized record ``out`` under ``name``: a struct's members under dotted names, an
    array as its join key (its elements go to ``children[name]``), anything else as it is."""
    kind = shape.get(path, {}).get("kind")
    if kind == "struct":
        for member in shape[path]["members"]:
            member_type = None
            if declared is not None and declared[0] == "struct":
                member_type = dict(declared[1]).get(member)
            if isinstance(value, dict) and member in value:
                _flatten_value(name + "." + member, path + (member,), value[member], member_type, shape, out, types,
                               position, children)
        return
    if kind == "array":
        types[name] = ("long",)
        element_type = declared[1] if declared is not None and declared[0] == "array" else None
        child = children.setdefault(name, (element_type, []))
        if value is None:
            out[name] = None
            return
        out[name] = position
        for index, element in enumerate(value):
            child[1].append(({"id": position, "index": index}, {name + ".val": element}))
        return
    out[name] = value
    if declared is not None:
        types.setdefault(name, declared)


def _find_key(rec, name, case_sensitive):
    if name in rec:
        return name
    if not case_sensitive:
        lower = name.lower()
        for k in rec:
            if k.lower() == lower:
                return k
    return None


def _lookup(rec, parts, case_sensitive):
    current = rec
    for part in parts:
        if not isinstance(current, dict):
            return False, None
        key = _find_key(current, part, case_sensitive)
        if key is None:
            return False, None
        current = current[key]
    return True, current


def _choice_members(t, values):
    """The types a field's values have: a declared choice's members, else the field's one type (declared, or of its
    values)."""
    if t is not None and t[0] == "choice":
        return list(t[1])
    if t is not None:
        return [t]
    kinds = []
    for v in values:
        if v is not None and _schema.value_type(v) not in kinds:
            kinds.append(_schema.value_type(v))
    return kinds


def _member_kind(v, members):
    for m in members:
        if _schema._member_of(v, m):
            return m
    return None


def _element_steps(parts):
    """A path's parts with ``[]`` steps split off (``items[]`` is ``items``, ``[]``)."""
    out = []
    for part in parts:
        steps = 0
        while part.endswith("[]") and len(part) > 2:
            part, steps = part[:-2], steps + 1
        out.extend([part] + ["[]"] * steps)
    return out


def _choice_paths(types):
    """The paths of the declared choices, inside structs and arrays too."""
    out = []

    def walk(path, t):
        if t is None:
            return
        if t[0] == "choice":
            out.append(path)
        elif t[0] == "struct":
            for name, ft in t[1]:
                walk(path + [name], ft)
        elif t[0] == "array":
            walk(path + ["[]"], t[1])

    for name, t in types.items():
        walk([name], t)
    return out


def _resolve_at(rows, types, parts, action, case_sensitive):
    """Resolves the field at a path (``[]`` steps go into arrays) in every record: the structs on the way are resolved
    in place, as top-level records of their own, with their declared field types."""
    name = _schema._find(list(types) + [k for r in rows for k in r], parts[0], case_sensitive)
    if name is None:
        return
    if len(parts) == 1:
        _resolve_field(rows, types, name, action)
        return
    t = types.get(name)
    if parts[1] == "[]":
        if t is not None and t[0] != "array":
            return
        element = t[1] if t is not None else None
        lists = [r[name] for r in rows if isinstance(r.get(name), list)]
        if len(parts) == 2:
            wrapped = [{"element": e} for lst in lists for e in lst]
            inner = {"element": element}
            _resolve_field(wrapped, inner, "element", action)
            if list(inner) != ["element"]:
                raise ValueError("resolveChoice: an array's element cannot become %d fields" % len(inner))
            it = iter(wrapped)
            for lst in lists:
                lst[:] = [next(it).get("element") for _ in lst]
            types[name] = ("array", inner["element"])
            return
        structs = [e for lst in lists for e in lst if isinstance(e, dict)]
        inner = dict(element[1]) if element is not None and element[0] == "struct" else {}
        _resolve_at(structs, inner, parts[2:], action, case_sensitive)
        types[name] = ("array", ("struct", tuple(inner.items())))
        return
    if t is not None and t[0] != "struct":
        return
    structs = [r[name] for r in rows if isinstance(r.get(name), dict)]
    inner = dict(t[1]) if t is not None else {}
    _resolve_at(structs, inner, parts[1:], action, case_sensitive)
    types[name] = ("struct", tuple(inner.items()))


def _resolve_field(rows, types, name, action):
    """One top-level field resolved by an action, in every record and in the declared types (see resolveChoice)."""
    t = types.get(name)
    members = _choice_members(t, [r.get(name) for r in rows])
    if action in ("make_cols", "make_struct"):
        if t is None or t[0] != "choice":
            return
        if action == "make_cols":
            names = ["%s_%s" % (name, m[0]) for m in members]
            for rec in rows:
                value = rec.get(name)
                holder = _member_kind(value, members) if value is not None else None
                items = list(rec.items())
                rec.clear()
                for k, v in items:
                    if k == name:
                        if holder is members[0]:
                            rec[names[0]] = v
                    else:
                        rec[k] = v
                for m, n in zip(members[1:], names[1:]):
                    if holder is m:
                        rec[n] = value
            items = list(types.items())
            types.clear()
            for k, v in items:
                if k == name:
                    types[names[0]] = members[0]
                else:
                    types[k] = v
            for m, n in zip(members[1:], names[1:]):
                types[n] = m
            return
        ordered = sorted(members, key=lambda m: m[0])
        for rec in rows:
            value = rec.get(name)
            if value is not None:
                holder = _member_kind(value, members)
                rec[name] = {m[0]: (value if m is holder else None) for m in ordered}
        types[name] = ("struct", tuple((m[0], m) for m in ordered))
        return
    kind, _, type_name = action.partition(":")
    if kind not in ("cast", "project") or not type_name:
        raise ValueError("resolveChoice: unknown action %r" % action)
    target = parse_type(type_name)
    if target == ("decimal",):
        target = ("decimal", 10, 2)
    target_name = _schema.type_name(target)
    for rec in rows:
        if name not in rec or rec[name] is None:
            continue
        holder = _member_kind(rec[name], members)
        if kind == "cast":
            rec[name] = cast(rec[name], target_name, holder[0] if holder else None)
        else:
            rec[name] = cast(rec[name], target_name, holder[0]) if holder is not None and holder[0] == target[0] else None
    types[name] = target


def _field_paths(value, path, present, valued, in_list):
    """The field paths of a record (``present``) and those holding a value somewhere (``valued``), into structs and
    the struct elements of arrays (not arrays inside arrays)."""
    if not isinstance(value, dict):
        return
    for k, v in value.items():
        p = path + (k,)
        present.add(p)
        if v is None:
            continue
        if isinstance(v, list):
            if not in_list:
                for x in v:
                    _field_paths(x, p, present, valued, True)
            if not in_list or v:
                valued.add(p)
            continue
        valued.add(p)
        _field_paths(v, p, present, valued, in_list)


def _array_paths(value, path, arrays):
    """The paths of the arrays of structs in a record, with the fields their elements have."""
    if not isinstance(value, dict):
        return
    for k, v in value.items():
        p = path + (k,)
        if isinstance(v, list):
            fields = arrays.setdefault(p, [])
            for x in v:
                if isinstance(x, dict):
                    fields.extend(f for f in x if f not in fields)
        elif isinstance(v, dict):
            _array_paths(v, p, arrays)


def _join_key(rec, paths):
    """A record's join key: the values at the paths (None where a path finds nothing, which matches nothing)."""
    return tuple(_lookup(rec, split_path(p), False)[1] for p in paths)


def _navigate(rec, parts):
    current = rec
    for part in parts:
        key = _find_key(current, part, False) if isinstance(current, dict) else None
        if key is None:
            return None
        current = current[key]
    return current


def _put(rec, parts, value):
    """Sets the value at a path, making dicts on the way; a key differing only in case is the same key (a frame holds
    no two names that differ only in case), the last one taking the new name in its place."""
    current = rec
    for part in parts[:-1]:
        key = _find_key(current, part, False) or part
        if not isinstance(current.get(key), dict):
            current[key] = {}
        current = current[key]
    key = _find_key(current, parts[-1], False)
    if key is None or key == parts[-1]:
        current[parts[-1]] = value
        return
    items = list(current.items())
    current.clear()
    for k, v in items:
        current[parts[-1] if k == key else k] = value if k == key else v


def _select(rec, wanted):
    out = {}
    for key, value in rec.items():
        rests = [p[1:] for p in wanted if _find_key(rec, p[0], False) == key]
        if not rests:
            continue
        if any(len(r) == 0 for r in rests):
            out[key] = copy.deepcopy(value)
        elif isinstance(value, dict):
            inner = _select(value, rests)
            if inner:
                out[key] = inner
    return out


def _drop(rec, parts):
    key = _find_key(rec, parts[0], False) if isinstance(rec, dict) else None
    if key is None:
        return
    if len(parts) == 1:
        del rec[key]
        return
    value = rec[key]
    if isinstance(value, dict):
        _drop(value, parts[1:])
        if not value:
            del rec[key]
    elif isinstance(value, list):
        for element in value:
            if isinstance(element, dict):
                _drop(element, parts[1:])


class DynamicFrameCollection(object):
    def __init__(self, dynamic_frames, glue_ctx):
        if isinstance(dynamic_frames, list):
            self._df_dict = {df.name: df for df in dynamic_frames}
        elif isinstance(dynamic_frames, dict):
            self._df_dict = dynamic_frames
        else:
            raise TypeError("dynamic_frames must be list or dict.")
        self._glue_ctx = glue_ctx

    def __getitem__(self, key):
        return self._df_dict[key]

    def __len__(self):
        return len(self._df_dict)

    def keys(self):
        return self._df_dict.keys()

    def values(self):
        return self._df_dict.values()

    def select(self, key, transformation_ctx=""):
        if key in self._df_dict:
            return self._df_dict[key]
        return DynamicFrame(_Records([]), self._glue_ctx, key)


class DynamicFrameReader(object):
    """``glueContext.create_dynamic_frame``."""

    def __init__(self, glue_context):
        self._glue_context = glue_context

    def from_options(self, connection_type, connection_options={}, format=None, format_options={},
                     transformation_ctx="", push_down_predicate="", **kwargs):
        return self._glue_context.create_dynamic_frame_from_options(
            connection_type, connection_options, format, format_options, transformation_ctx, push_down_predicate,
            **kwargs)

    def from_catalog(self, database=None, table_name=None, redshift_tmp_dir="", transformation_ctx="",
                     push_down_predicate="", additional_options={}, catalog_id=None, **kwargs):
        if database is not None and "name_space" in kwargs:
            raise Exception("Parameter name_space and database are both specified, choose one.")
        if database is None and "name_space" not in kwargs:
            raise Exception("Parameter name_space or database is missing.")
        db = kwargs.pop("name_space") if "name_space" in kwargs else database
        if table_name is None:
            raise Exception("Parameter table_name is missing.")
        return self._glue_context.create_dynamic_frame_from_catalog(
            db, table_name, redshift_tmp_dir, transformation_ctx, push_down_predicate, additional_options, catalog_id,
            **kwargs)


class DynamicFrameWriter(object):
    """``glueContext.write_dynamic_frame``."""

    def __init__(self, glue_context):
        self._glue_context = glue_context

    def from_options(self, frame, connection_type, connection_options={}, format=None, format_options={},
                     transformation_ctx=""):
        return self._glue_context.write_dynamic_frame_from_options(
            frame, connection_type, connection_options, format, format_options, transformation_ctx)

    def from_catalog(self, frame, database=None, table_name=None, redshift_tmp_dir="", transformation_ctx="",
                     additional_options={}, catalog_id=None, **kwargs):
        if database is not None and "name_space" in kwargs:
            raise Exception("Parameter name_space and database are both specified, choose one.")
        if database is None and "name_space" not in kwargs:
            raise Exception("Parameter name_space or database is missing.")
        db = kwargs.pop("name_space") if "name_space" in kwargs else database
        if table_name is None:
            raise Exception("Parameter table_name is missing.")
        return self._glue_context.write_dynamic_frame_from_catalog(
            frame, db, table_name, redshift_tmp_dir, transformation_ctx, additional_options, catalog_id, **kwargs)
