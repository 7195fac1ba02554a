"""Layer 4, speakers: the attribution beside each quote and the entity its speaker words denote
(names, pronouns, nominals, documents), with the salience that coreference rests on."""
