"""Layer 2, entities: name chunks merged into the people and organisations of a story (short
forms, acronyms, misspellings), with roles, affiliations and parents; organisation nouns resolved."""
