"""Stage 3, report: statistics over scored tables, the figures and their records, agreement with hand labels,
writing tables, and running the figure notebooks in batch."""
