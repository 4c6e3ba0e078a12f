"""Stand-in for pyspark: only ``pyspark.context.SparkContext``, which a Glue script creates and hands to GlueContext."""

from pyspark.context import SparkContext

__all__ = ["SparkContext"]
