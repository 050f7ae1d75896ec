"""Helpers that keep what a repository under check controls from steering stratlint: files
(reading and writing stratlint's own files without following a committed link), escape
(outside text made safe to print where a terminal or CI runner acts on it) and yaml_loader
(the one place YAML is parsed: safe loading only, alias bombs refused)."""
