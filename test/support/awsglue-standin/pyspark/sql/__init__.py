"""Stand-in for the parts of ``pyspark.sql`` that Glue Studio's scripts use on ``toDF()``: a DataFrame holding its rows
in memory, ``dropDuplicates``, ``groupBy(...).agg(...)`` and ``agg(...)`` with ``pyspark.sql.functions``' aggregates.

A row is a dict with every column (a missing value is None). Column names resolve ignoring case, as Spark's default
(``spark.sql.caseSensitive`` false) does; a dotted name reaches into a struct. Each column knows its type where the
frame did (see ``awsglue._schema``), so Parquet output keeps Spark's result types.
"""

from pyspark.sql.dataframe import DataFrame, GroupedData

__all__ = ["DataFrame", "GroupedData"]
