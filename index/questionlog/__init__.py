"""The question log: what readers asked, what they were told, and what they thought of it.

The command line and the bot hold a `interface.Recorder` (record an answer, vote on it later);
`recorder.py` opens the log, `store.py` holds every SQL statement, `writer.py` writes off the
caller's thread, `spool.py` keeps rows in a local file until the database takes them,
`brief.py` spools the rows of one-shot commands, `rows.py` builds the rows, and `report.py` and
`page.py` read it back for the newsroom.
"""
