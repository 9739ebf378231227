"""The question log: what readers asked, what they were told, and what they thought of it.

The command line and the bot hold a `interface.Recorder` (record an answer, vote on it later);
`recorder.py` opens the log, `store.py` holds every SQL statement, `spool.py` writes off the
caller's thread, `report.py` and `page.py` read it back for the newsroom.
"""
