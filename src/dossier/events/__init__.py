"""Events: CAMEO/PLOVER-coded who-did-what-to-whom, with negation, modality and dates.

``extract.extract_events(parsed, geo)`` runs the rooms: patterns (which word, which
code), arguments with actors and syntax (who is source and target), coding, modality,
dates and places; codes holds the CAMEO table."""
