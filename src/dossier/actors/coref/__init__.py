"""Coreference: which mentions become antecedents and how later words find them.

- ``antecedents``: the memory of actors seen (subjects, quotations, possessors) and
  group references for coordinations ("Trump and Pence ... they").
- ``nominals``: noun phrases that refer back: short forms of an organisation ("the
  Post"), age descriptions ("the 56-year-old"); ``orgnouns``: a noun for a kind of
  organisation ("the company"), the one resolver the quote stage's speakers reuse.
- ``pronouns``: he/she, it, they by gender, number and salience, with syntax
  (controllers, objects) and free indirect speech; ``expletive``: the "it" that
  refers to nothing; ``recent``: a speaking he/she goes to the person named just
  before the quotation; ``gender``: the gender a story gives an unknown person (an
  earlier he/she, a title); ``subjects``: a subject's possessor weighs as the subject.

Add a coreference rule by writing a function in the module of its kind, registered
with ``@BOOK.rule("coref", off=…)``, and a row in the matching test table
(tests/actors/test_pronouns.py).
"""
