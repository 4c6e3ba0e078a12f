"""Stand-in for ``awsglue.job.Job``: ``Job(glueContext)``, ``init(job_name, args={})``, ``commit()``.

Bookmarks are not modelled: every source reads all of its objects, and ``commit`` has nothing to save.
"""

from awsglue.context import GlueContext


class Job(object):
    def __init__(self, glue_context):
        if not isinstance(glue_context, GlueContext):
            raise TypeError("Job takes a GlueContext, got %r" % (glue_context,))
        self._glue_context = glue_context
        self._job_name = None
        self._args = None
        self._committed = False

    def init(self, job_name, args={}):
        if not isinstance(job_name, str) or not job_name:
            raise TypeError("Job.init: job_name must be a non-empty string, got %r" % (job_name,))
        if not isinstance(args, dict):
            raise TypeError("Job.init: args must be a dict, got %r" % (args,))
        self._job_name = job_name
        self._args = dict(args)

    def isInitialized(self):
        return self._job_name is not None

    def commit(self):
        if self._job_name is None:
            raise RuntimeError("Job.commit() before Job.init()")
        self._committed = True
