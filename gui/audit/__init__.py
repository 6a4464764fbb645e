"""The audit trail on screen: the change log, one record's history, recently deleted records."""
