"""The dependency, part-of-speech, tag and entity labels extraction reads the parse by, in one
place: every layer names the same spaCy labels the same way (``SUBJECT_DEPS`` is the subject of a
verb in the names, quotes and speakers layers alike).
"""

from __future__ import annotations

SHORT_MEDIA_DEPS = frozenset({"dobj", "pobj", "dative"})
"""Parse roles of the short masthead after "the": object of a verb or preposition."""
NAME_LABELS = frozenset({"PERSON", "ORG", "FAC", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})
NOUN_RUN_TAGS = frozenset(
    {"JJ", "NN", "NNS", "NNP", "NNPS", "HYPH", "VBN", "VBG", "VBD"}
)  # "returned migrants"
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
UNIT_NON_PERSON_ENTS = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "PRODUCT", "EVENT"})
MONONYM_NON_PERSON_ENTS = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "MONEY", "PERCENT"})
DEMONYM_ENTS = frozenset({"NORP", "LANGUAGE"})  # the tagger calls "a Filipino" a language
ORG_ENTS = frozenset({"ORG"})  # the tagger's organisation label, alone
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "NORP"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
ACRONYM_DEPS = frozenset({"nsubj", "nsubjpass", "pobj", "dobj", "poss", "appos", "conj"})
PLACE_OR_NATIONALITY_ENTS = frozenset({"GPE", "LOC", "NORP"})
NAME_PART_TAGS = frozenset({"PROPN"})
ROLE_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
ROLE_PHRASE_DEPS = frozenset({"pobj", "prep", "compound", "poss"})
SPEAKER_MODIFIER_DEPS = frozenset({"det", "poss", "compound", "amod", "case"})
FRAGMENT_COMPLEMENT_DEPS = frozenset({"dobj", "oprd", "attr", "acomp", "ccomp", "xcomp"})
"""How the fragment hangs from its verb: as what is said or named, not a circumstance ('reported
them for “absconding”' is no quote)."""
VERB_POS = frozenset({"VERB", "AUX"})
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp"})
COMPLEMENT_DEPS = frozenset({"ccomp"})
PARENTHETICAL_DEPS = frozenset({"parataxis"})
OBJECT_DEPS = frozenset({"dobj", "xcomp", "attr", "acomp"})
ADVERBIAL_DEPS = frozenset({"prep", "npadvmod", "advmod", "tmod", "obl"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
TIME_ENTS = frozenset({"DATE", "TIME"})
DESCRIPTION_DEPS = frozenset({"compound", "amod", "nmod"})
NAME_DEPS = frozenset({"appos", "compound", "poss"})
MODIFIER_CLAUSE_DEPS = frozenset({"relcl", "acl"})
SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp"})
OBJECT_PATH_DEPS = frozenset({"dobj", "dative", "pobj", "prep", "compound", "appos", "npadvmod"})
BOUND_CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
MISTAGGED_SUBJECT_DEPS = frozenset({"nsubj", "nmod", "compound"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
NOMINAL_OR_PRONOUN_POS = frozenset({"NOUN", "PROPN", "PRON"})
NAME_OR_PRONOUN_POS = frozenset({"PROPN", "PRON"})
MODIFIER_WORD_POS = frozenset({"NOUN", "PROPN", "ADJ"})
"""Words that may stand in a role or description before a name."""
VERB_OR_SUBORDINATOR_POS = frozenset({"VERB", "AUX", "SCONJ"})
VERB_OR_PUNCT_POS = frozenset({"VERB", "AUX", "PUNCT"})
PREPOSITION_POS = frozenset({"ADP", "SCONJ"})
"""The tagger reads some prepositions ('after', 'before') as subordinators."""
PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})
DETERMINER_DEPS = frozenset({"det", "poss"})
THAT_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})
"""How a 'that' clause hangs from a noun ('reports that …')."""
VERB_OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
PREP_OBJECT_DEPS = frozenset({"pobj", "pcomp"})  # what a preposition takes: a noun, a clause or gerund
AUX_DEPS = frozenset({"aux", "auxpass"})  # a verb's own auxiliaries: "would respond", "was told"
COORDINATION_DEPS = frozenset({"cc", "punct"})  # what stands between two coordinated verbs: ", and"
NOUN_OBJECT_DEPS = frozenset({"dobj", "pobj"})
COMPOUND_DEPS = frozenset({"compound", "nmod"})
PREMODIFIER_DEPS = frozenset({"compound", "amod"})
PREDICATE_DEPS = frozenset({"attr", "acomp", "npadvmod", "advmod"})
"""What follows 'be' in 'she was 17', 'they were over 18'."""
PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})
DETERMINER_TAGS = frozenset({"DT", "PRP$", "POS"})
COUNTED_NOUN_TAGS = frozenset({"NN", "NNS", "JJ", "NNPS"})
"""A word a number counts: '50 employees', '3 new cases'."""
GEO_ENTS = frozenset({"GPE", "LOC"})
INSIDE_ENTITY_IOB = frozenset({"B", "I"})
"""A token that begins or continues an entity."""
SUBJECT_OR_POSSESSOR_DEPS = SUBJECT_DEPS | {"poss"}
CLAUSE_SUBJECT_DEPS = SUBJECT_DEPS | {"expl"}
"""A clause's subject, the expletive "there"/"it" included."""
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
