"""Stand-ins for the awsglue Python library: an independent, plain-Python model of what the awsglue calls that gluekit's
generated scripts make do on AWS Glue, run over lists of records. Test code only; see README.md beside this package.
"""
