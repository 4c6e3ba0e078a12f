"""The stand-ins' S3: ``s3://bucket/key`` is the local file ``<GLUEKIT_STANDIN_S3_ROOT>/bucket/key``.

Object selection for readers (GLUE-REFERENCE section 3), Hive partition folder names for writers (section 10) and the
Glue sink's file names (section 3, observed) live here.
"""

import bz2
import gzip
import json
import os
import re
import time

_SCHEMES = ("s3://", "s3a://", "s3n://")


def s3_root():
    root = os.environ.get("GLUEKIT_STANDIN_S3_ROOT")
    if not root:
        raise RuntimeError("GLUEKIT_STANDIN_S3_ROOT is not set: the awsglue stand-ins need a folder standing for S3")
    return root


def run_millis():
    """The ``<epochMillis>`` of the sink file names: GLUEKIT_STANDIN_RUN_MILLIS, else the time of the first write."""
    global _RUN_MILLIS
    if _RUN_MILLIS is None:
        fixed = os.environ.get("GLUEKIT_STANDIN_RUN_MILLIS")
        _RUN_MILLIS = int(fixed) if fixed else int(time.time() * 1000)
    return _RUN_MILLIS


_RUN_MILLIS = None


def split_s3(path):
    """``s3://bucket/a/b/`` -> (``bucket``, ``a/b/``). Raises ValueError for anything that is not an S3 URL."""
    if not isinstance(path, str):
        raise TypeError("an S3 path must be a string, got %r" % (path,))
    for scheme in _SCHEMES:
        if path.startswith(scheme):
            rest = path[len(scheme):]
            bucket, _, key = rest.partition("/")
            if not bucket:
                raise ValueError("S3 path %r has no bucket" % path)
            if any(part in (".", "..") for part in key.split("/")):
                raise ValueError("S3 path %r has a '.' or '..' segment, which the stand-ins refuse" % path)
            return bucket, key
    raise ValueError("%r is not an s3:// path" % path)


def local_path(path):
    bucket, key = split_s3(path)
    return os.path.join(s3_root(), bucket, *[p for p in key.split("/") if p])


def join_s3(path, *parts):
    return path.rstrip("/") + "/" + "/".join(parts)


# ---------------------------------------------------------------------------------------------------------------------
# Exclusion globs
# ---------------------------------------------------------------------------------------------------------------------

def glob_to_regex(pattern):
    """A Glue exclusion glob (GLUE-REFERENCE section 4) as a regular expression: ``*`` within one folder level, ``**``
    across levels, ``?`` one character, ``[a-z]``, ``[!a-c]``, ``{a,b}`` (not nested), ``\\`` escapes."""
    out = []
    i = 0
    in_braces = False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
            continue
        if c == "*":
            if pattern.startswith("**", i):
                out.append(".*")
                i += 2
            else:
                out.append("[^/]*")
                i += 1
            continue
        if c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:end]
                negate = body.startswith("!")
                if negate:
                    body = body[1:]
                out.append("[" + ("^" if negate else "") + body.replace("\\", "\\\\") + "]")
                i = end + 1
                continue
        elif c == "{" and not in_braces:
            in_braces = True
            out.append("(?:")
        elif c == "}" and in_braces:
            in_braces = False
            out.append(")")
        elif c == "," and in_braces:
            out.append("|")
        else:
            out.append(re.escape(c))
        i += 1
    if in_braces:
        raise ValueError("exclusion glob %r has an unclosed '{'" % pattern)
    return re.compile("".join(out), re.S)


def parse_exclusions(value):
    """``exclusions`` as awsglue takes it: a JSON-encoded list of globs (a list is accepted too)."""
    if value is None or value == "":
        return []
    globs = json.loads(value) if isinstance(value, str) else value
    if not isinstance(globs, list) or not all(isinstance(g, str) for g in globs):
        raise ValueError("exclusions must be a JSON list of glob strings, got %r" % (value,))
    return [glob_to_regex(g) for g in globs]


# ---------------------------------------------------------------------------------------------------------------------
# Listing objects
# ---------------------------------------------------------------------------------------------------------------------

def list_objects(path, recurse, exclusions=()):
    """The objects a reader reads under ``path``, as (s3 url, local file), in S3's listing order (by key).

    A path naming one object reads that object. Under a folder: the objects directly in it, and with ``recurse`` those
    in sub-folders too; objects whose path below ``path`` has a segment starting with ``_`` or ``.`` are skipped
    (Hadoop's hidden files: ``_SUCCESS``, ``_temporary/``, ``.crc``...), and so are empty objects.

    Unconfirmed: an exclusion glob is matched against the object's full ``s3://bucket/key`` and against its key
    relative to ``path``; matching either excludes it. A path that names nothing gives no objects (an empty frame).
    """
    local = local_path(path)
    if os.path.isfile(local):
        return [] if os.path.getsize(local) == 0 or _excluded(path, os.path.basename(local), exclusions) else [(path, local)]
    if not os.path.isdir(local):
        return []
    found = []
    for dirpath, dirnames, filenames in os.walk(local):
        rel_dir = os.path.relpath(dirpath, local)
        parts = [] if rel_dir == "." else rel_dir.split(os.sep)
        if not recurse and parts:
            continue
        if any(p.startswith(("_", ".")) for p in parts):
            continue
        for name in filenames:
            if name.startswith(("_", ".")):
                continue
            file = os.path.join(dirpath, name)
            rel = "/".join(parts + [name])
            url = join_s3(path, rel)
            if os.path.getsize(file) == 0 or _excluded(url, rel, exclusions):
                continue
            found.append((rel, url, file))
    found.sort(key=lambda entry: entry[0].encode("utf-8"))
    return [(url, file) for _rel, url, file in found]


def _excluded(url, rel, exclusions):
    return any(rx.fullmatch(url) or rx.fullmatch(rel) for rx in exclusions)


def read_text(file, compression=None):
    """An object's text. Compressed objects are recognised by their name, as Hadoop's codecs are: ``.gz`` (gzip) and
    ``.bz2`` (bzip2), or by an S3 source's ``compressionType`` (``gzip``, ``bzip2``), which applies to every object
    whatever its name (Unconfirmed; Glue's docs call it unnecessary where the extension is standard). Invalid UTF-8
    becomes U+FFFD."""
    if compression == "gzip" or (compression in (None, "none") and file.endswith(".gz")):
        with gzip.open(file, "rb") as f:
            data = f.read()
    elif compression == "bzip2" or (compression in (None, "none") and file.endswith(".bz2")):
        with bz2.open(file, "rb") as f:
            data = f.read()
    else:
        with open(file, "rb") as f:
            data = f.read()
    return data.decode("utf-8", errors="replace")


# ---------------------------------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------------------------------

_ESCAPED = set(chr(c) for c in range(0x01, 0x20)) | set("\"#%'*/:=?\\\x7f{[]^")
DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__"


def escape_path_name(text):
    """Spark's ``escapePathName``: control characters (U+0001-U+001F), DEL and ``" # % ' * / : = ? \\ { [ ] ^`` become
    ``%XX`` (upper-case hex); everything else, spaces and non-ASCII letters included, stays as it is."""
    return "".join("%%%02X" % ord(c) if c in _ESCAPED else c for c in text)


def partition_folder(key, text):
    """``key=value`` for one partition column; a null or empty value is ``__HIVE_DEFAULT_PARTITION__``."""
    value = DEFAULT_PARTITION if text is None or text == "" else escape_path_name(text)
    return escape_path_name(key) + "=" + value


def new_file(folder, extension):
    """A new file ``run-<epochMillis>-part-r-<5 digits><extension>`` in ``folder`` (created). The first unused part
    number is taken, so two sinks writing to one folder in one run do not overwrite each other."""
    os.makedirs(folder, exist_ok=True)
    part = 0
    while True:
        name = "run-%d-part-r-%05d%s" % (run_millis(), part, extension)
        file = os.path.join(folder, name)
        if not os.path.exists(file):
            return file
        part += 1


def write_bytes(file, data, compression):
    if compression == "gzip":
        # mtime=0 keeps the bytes reproducible.
        with open(file, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
            f.write(data)
    elif compression == "bzip2":
        with bz2.open(file, "wb") as f:
            f.write(data)
    else:
        with open(file, "wb") as f:
            f.write(data)
