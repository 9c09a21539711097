"""Scoring: the numpy engine, the batch scorer, worker processes and per-claim evidence."""
