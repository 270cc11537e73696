"""The SQLite store: the ``Store`` itself (``store``), how one report maps onto its tables
(``rows``), the schema and its migrations (``schema``), the read-only look at a file before
writing to it (``inspection``), and the daily backups (``backups``)."""
