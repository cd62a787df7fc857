"""Readers: turn files, folders, JSONL records and standard input into `Article`s."""
