"""A fuzz suite of our own: seeded mutators, one case end to end, and the long run."""
