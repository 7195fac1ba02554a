"""Layer 5, figures: the numbers a story claims (counts, money, percentages, ages, durations,
ranges), each with its qualifier and unit."""
