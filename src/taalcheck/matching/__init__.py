"""Finding candidate passages and deciding, with context, what to report."""
