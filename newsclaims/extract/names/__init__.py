"""Layer 1, names: capitalised runs joined into name chunks (titles, nicknames, hyphens, 'of'
joins) and what their context says each one is (person, organisation, place, role)."""
