"""Events: CAMEO/PLOVER-coded who-did-what-to-whom, with negation, modality and dates."""
