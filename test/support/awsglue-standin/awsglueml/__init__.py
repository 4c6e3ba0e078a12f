"""Stand-in for ``awsglueml``: the machine-learning transforms gluekit's scripts call (``awsglueml.transforms``)."""
