"""Stand-in for ``awsglue.utils.getResolvedOptions`` (GLUE-REFERENCE sections 5 and 8).

Behaves as awsglue's does: an argparse parser where each requested name is a required ``--name`` and Glue's own
arguments are optional; unknown arguments are ignored; asking for a reserved name is a RuntimeError. The result is
argparse's namespace as a dict, so a name with ``-`` comes back with ``_`` (``--sink-path`` is ``args["sink_path"]``),
and Glue's optional arguments are there too (None when not given).
"""

import argparse

_BOOKMARK_OPTION = "job-bookmark-option"
_BOOKMARK_CHOICES = ["job-bookmark-enable", "job-bookmark-pause", "job-bookmark-disable"]
_CONTINUATION_OPTION = "continuation-option"
_CONTINUATION_CHOICES = ["continuation-enabled", "continuation-readonly", "continuation-ignore"]
_BOOKMARK_RANGE = ["job-bookmark-from", "job-bookmark-to"]
_RESERVED_IDS = ["JOB_ID", "JOB_RUN_ID", "SECURITY_CONFIGURATION"]
_ENCRYPTION_OPTION = "encryption-type"
_TEMP_DIRS = ("RedshiftTempDir", "TempDir")


class GlueArgumentError(Exception):
    pass


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message):
        # Glue surfaces the problem as an exception instead of exiting.
        raise GlueArgumentError(message)


def getResolvedOptions(args, options):
    if not isinstance(options, list):
        raise TypeError("getResolvedOptions: options must be a list of argument names, got %r" % (options,))
    for reserved in [_CONTINUATION_OPTION, _BOOKMARK_OPTION, _ENCRYPTION_OPTION] + _BOOKMARK_RANGE + _RESERVED_IDS:
        if reserved in options:
            raise RuntimeError("Using reserved arguments " + reserved)

    parser = _ArgumentParser()
    parser.add_argument("--" + _BOOKMARK_OPTION, choices=_BOOKMARK_CHOICES, required=False)
    parser.add_argument("--" + _CONTINUATION_OPTION, choices=_CONTINUATION_CHOICES, required=False)
    for name in _BOOKMARK_RANGE + _RESERVED_IDS:
        parser.add_argument("--" + name, required=False)
    parser.add_argument("--" + _ENCRYPTION_OPTION, choices=["sse-s3"])
    for name in _TEMP_DIRS:
        parser.add_argument("--" + name, required=False)
    for name in options:
        if name not in _TEMP_DIRS:
            parser.add_argument("--" + name, required=True)

    parsed, _unknown = parser.parse_known_args(args[1:])
    result = vars(parsed)

    if result.get("TempDir") is not None:
        result["RedshiftTempDir"] = result["TempDir"]
    elif result.get("RedshiftTempDir") is not None:
        result["TempDir"] = result["RedshiftTempDir"]

    continuation = result.pop("continuation_option", None)
    if result.get("job_bookmark_option") is None:
        if continuation is None:
            result["job_bookmark_option"] = "job-bookmark-disable"
        else:
            result["job_bookmark_option"] = _BOOKMARK_CHOICES[_CONTINUATION_CHOICES.index(continuation)]

    given_range = [name for name in _BOOKMARK_RANGE if result.get(name.replace("-", "_")) is not None]
    if result["job_bookmark_option"] == "job-bookmark-pause":
        if len(given_range) == 1:
            missing = [name for name in _BOOKMARK_RANGE if name not in given_range][0]
            raise RuntimeError("Missing option or value for --" + missing)
    elif len(given_range) == len(_BOOKMARK_RANGE):
        raise RuntimeError("Invalid option(s) --job-bookmark-from --job-bookmark-to")
    return result
