"""Layer 3, quotes: direct quotations between marks, reported clauses of verbs of saying and
'according to', and quoted fragments that are a speaker's words in part."""
