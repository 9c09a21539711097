"""The labelling loop: which claims to label next, Label Studio in and out, and which labels look wrong."""
