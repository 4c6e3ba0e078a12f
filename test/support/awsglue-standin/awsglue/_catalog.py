"""The stand-ins' Data Catalog (a JSON file named by GLUEKIT_STANDIN_CATALOG) and the ``push_down_predicate``
evaluator.

The file is ``{"tables": [{"Table": <GetTable's Table>, "Partitions": [<GetPartitions' Partition>, ...]}]}``.
"""

import decimal
import json
import os
import re

from awsglue._values import cast, catalog_type_name, parse_java_double, parse_spark_integral

_CATALOG = None


class EntityNotFoundException(Exception):
    pass


def _load():
    global _CATALOG
    if _CATALOG is None:
        file = os.environ.get("GLUEKIT_STANDIN_CATALOG")
        if file:
            with open(file, "r", encoding="utf-8") as f:
                _CATALOG = json.load(f)
        else:
            _CATALOG = {"tables": []}
    return _CATALOG


def find_table(database, table_name):
    """The catalog entry ``{"Table", "Partitions"}`` of ``database.table_name``. Names are matched case-insensitively
    (the Data Catalog keeps them in lower case and lower-cases what it is asked)."""
    for entry in _load().get("tables", []):
        t = entry.get("Table") or {}
        if str(t.get("DatabaseName", "")).lower() == database.lower() and str(t.get("Name", "")).lower() == table_name.lower():
            return entry
    raise EntityNotFoundException("Table %s not found in database %s (stand-in catalog)" % (table_name, database))


def table_parameters(table):
    """The table's parameters, those of its StorageDescriptor first and the table's own over them."""
    params = dict(((table.get("StorageDescriptor") or {}).get("Parameters")) or {})
    params.update(table.get("Parameters") or {})
    return params


# ---------------------------------------------------------------------------------------------------------------------
# push_down_predicate
# ---------------------------------------------------------------------------------------------------------------------

class PredicateError(ValueError):
    pass


_TOKEN = re.compile(
    r"\s*(?:"
    r"(?P<number>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)(?![A-Za-z_])"
    r"|(?P<string>'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")"
    r"|(?P<quoted>`(?:[^`]|``)*`)"
    r"|(?P<word>[A-Za-z_][A-Za-z0-9_]*)"
    r"|(?P<op>==|!=|<>|<=|>=|=|<|>|\(|\)|,|-)"
    r")",
    re.S,
)
_KEYWORDS = {"AND", "OR", "NOT", "IN", "IS", "NULL"}
_STRING_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "0": "\0", "Z": "\x1a", "%": "\\%", "_": "\\_"}


def _unescape(body):
    out = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append(_STRING_ESCAPES.get(nxt, nxt))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _tokenize(text):
    tokens = []
    pos = 0
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise PredicateError("push_down_predicate %r: the stand-ins cannot read %r" % (text, text[pos:pos + 20]))
        pos = m.end()
        if m.group("number") is not None:
            tokens.append(("number", m.group("number")))
        elif m.group("string") is not None:
            tokens.append(("string", _unescape(m.group("string")[1:-1])))
        elif m.group("quoted") is not None:
            tokens.append(("column", m.group("quoted")[1:-1].replace("``", "`")))
        elif m.group("word") is not None:
            word = m.group("word")
            tokens.append(("keyword", word.upper()) if word.upper() in _KEYWORDS else ("column", word))
        else:
            tokens.append(("op", m.group("op")))
    return tokens


class _Parser(object):
    """Spark SQL's subset: ``= == != <> < <= > >=``, ``AND OR NOT``, parentheses, ``IN (...)``, ``IS [NOT] NULL``,
    string and number literals (a leading ``-`` included), partition column names (bare or in backticks)."""

    def __init__(self, text, keys):
        self.text = text
        self.tokens = _tokenize(text)
        self.pos = 0
        self.keys = {k.lower(): k for k in keys}

    def fail(self, what):
        raise PredicateError("push_down_predicate %r: %s (the stand-ins model only comparisons, AND/OR/NOT, IN, "
                             "IS [NOT] NULL and literals over partition columns)" % (self.text, what))

    def peek(self, offset=0):
        i = self.pos + offset
        return self.tokens[i] if i < len(self.tokens) else (None, None)

    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok

    def expect(self, kind, value):
        tok = self.take()
        if tok != (kind, value):
            self.fail("expected %r, found %r" % (value, tok[1]))

    def parse(self):
        node = self.or_expr()
        if self.pos != len(self.tokens):
            self.fail("unexpected %r" % (self.peek()[1],))
        return node

    def or_expr(self):
        node = self.and_expr()
        while self.peek() == ("keyword", "OR"):
            self.take()
            node = ("or", node, self.and_expr())
        return node

    def and_expr(self):
        node = self.not_expr()
        while self.peek() == ("keyword", "AND"):
            self.take()
            node = ("and", node, self.not_expr())
        return node

    def not_expr(self):
        if self.peek() == ("keyword", "NOT"):
            self.take()
            return ("not", self.not_expr())
        return self.predicate()

    def predicate(self):
        if self.peek() == ("op", "("):
            # A parenthesised boolean expression (operands are never parenthesised in this subset).
            self.take()
            node = self.or_expr()
            self.expect("op", ")")
            return node
        left = self.operand()
        kind, value = self.peek()
        if kind == "op" and value in ("=", "==", "!=", "<>", "<", "<=", ">", ">="):
            self.take()
            return ("cmp", value, left, self.operand())
        negate = False
        if (kind, value) == ("keyword", "NOT"):
            self.take()
            negate = True
            kind, value = self.peek()
        if (kind, value) == ("keyword", "IN"):
            self.take()
            self.expect("op", "(")
            items = [self.operand()]
            while self.peek() == ("op", ","):
                self.take()
                items.append(self.operand())
            self.expect("op", ")")
            node = ("in", left, items)
            return ("not", node) if negate else node
        if negate:
            self.fail("NOT must be followed by IN here")
        if (kind, value) == ("keyword", "IS"):
            self.take()
            is_not = False
            if self.peek() == ("keyword", "NOT"):
                self.take()
                is_not = True
            self.expect("keyword", "NULL")
            node = ("isnull", left)
            return ("not", node) if is_not else node
        self.fail("expected a comparison after %r" % (left,))

    def operand(self):
        kind, value = self.take()
        if kind == "string":
            return ("lit", value)
        if kind == "number":
            return ("num", value)
        if (kind, value) == ("op", "-") and self.peek()[0] == "number":
            return ("num", "-" + self.take()[1])
        if (kind, value) == ("keyword", "NULL"):
            return ("lit", None)
        if kind == "column":
            key = self.keys.get(value.lower())
            if key is None:
                self.fail("%r is not a partition column (partition columns: %s)"
                          % (value, ", ".join(self.keys.values()) or "none"))
            return ("col", key)
        self.fail("expected a column or a literal, found %r" % (value,))


def _compare(op, a, b):
    if a is None or b is None:
        return None
    if op in ("=", "=="):
        return a == b
    if op in ("!=", "<>"):
        return a != b
    if op == "<":
        return a < b
    if op == "<=":
        return a <= b
    if op == ">":
        return a > b
    return a >= b


def _numeric(text, literal):
    """A partition value (a string) against a number literal. Unconfirmed for numeric keys: partition values are
    strings here whatever the key's type; compared with an integer literal the value is cast as Spark casts a string to
    a long (``"07"`` is 7, ``"7.9"`` is 7, ``"x"`` is null), with any other number literal as a string to double."""
    if text is None:
        return None
    if re.fullmatch(r"-?[0-9]+", literal):
        return parse_spark_integral(text, "long")
    return parse_java_double(text)


def _operands(a, b, env):
    """The two sides of a comparison as comparable Python values."""
    kinds = (a[0], b[0])
    if "num" in kinds and kinds != ("num", "num"):
        num, other = (a, b) if a[0] == "num" else (b, a)
        other_value = env[other[1]] if other[0] == "col" else other[1]
        left = _numeric(other_value, num[1]) if isinstance(other_value, str) else other_value
        right = decimal.Decimal(num[1])
        if left is not None and not isinstance(left, (int, float)):
            return None, None
        left = None if left is None else decimal.Decimal(repr(left)) if isinstance(left, float) else decimal.Decimal(left)
        return (left, right) if a[0] != "num" else (right, left)

    def value(x):
        if x[0] == "col":
            return env[x[1]]
        if x[0] == "num":
            return decimal.Decimal(x[1])
        return x[1]

    return value(a), value(b)


def _eval(node, env):
    op = node[0]
    if op == "or":
        left, right = _eval(node[1], env), _eval(node[2], env)
        if left is True or right is True:
            return True
        return None if left is None or right is None else False
    if op == "and":
        left, right = _eval(node[1], env), _eval(node[2], env)
        if left is False or right is False:
            return False
        return None if left is None or right is None else True
    if op == "not":
        v = _eval(node[1], env)
        return None if v is None else not v
    if op == "cmp":
        a, b = _operands(node[2], node[3], env)
        try:
            return _compare(node[1], a, b)
        except TypeError:
            return None
    if op == "in":
        results = [_eval(("cmp", "=", node[1], item), env) for item in node[2]]
        if True in results:
            return True
        return None if None in results else False
    if op == "isnull":
        target = node[1]
        v = env[target[1]] if target[0] == "col" else target[1]
        return v is None
    raise PredicateError("bad predicate node %r" % (node,))


def compile_predicate(text, keys):
    """A function from ``{partition key: value string or None}`` to whether the partition is kept (only a true result
    keeps it; null, as in SQL, does not). An empty predicate keeps every partition."""
    if text is None or str(text).strip() == "":
        return lambda env: True
    tree = _Parser(text, keys).parse()
    return lambda env: _eval(tree, env) is True


def typed_partition_value(text, key_type):
    """A partition value typed by its key's catalog type (Spark cast from string: ``"2024"`` as ``int`` is 2024, a value
    that does not cast is null); ``__HIVE_DEFAULT_PARTITION__`` is null."""
    if text is None or text == "__HIVE_DEFAULT_PARTITION__":
        return None
    return cast(text, catalog_type_name(key_type or "string"))
