"""The generator of the shipped corpus and the vocabularies it is written from."""
