"""The record: reading entry files, the model, validation, the corpus and its language."""
