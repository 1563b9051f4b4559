"""Dutch language layer: normalisation, tokens and sentences, and the spaCy pipeline."""
