"""Stand-in for ``pyspark.context.SparkContext``: one per process, as in Spark; it runs nothing itself."""


class SparkContext(object):
    _active_spark_context = None

    def __init__(self, master=None, appName=None, sparkHome=None, pyFiles=None, environment=None, batchSize=0,
                 serializer=None, conf=None, gateway=None, jsc=None, profiler_cls=None, udf_profiler_cls=None,
                 memory_profiler_cls=None):
        if SparkContext._active_spark_context is not None:
            raise ValueError("Cannot run multiple SparkContexts at once; existing SparkContext(app=%s, master=%s)"
                             % (SparkContext._active_spark_context.appName, SparkContext._active_spark_context.master))
        self.master = master or "local[*]"
        self.appName = appName or "gluekit-standin"
        SparkContext._active_spark_context = self

    @classmethod
    def getOrCreate(cls, conf=None):
        return cls._active_spark_context or cls(conf=conf)

    def stop(self):
        if SparkContext._active_spark_context is self:
            SparkContext._active_spark_context = None
