"""Stage 1, parse: raw files (text, tables, manifests) to documents and sentences with kinds, languages and
exact offsets. Knows nothing of the measures."""
