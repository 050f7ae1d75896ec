"""What stratlint keeps between runs: results (each file's findings, in .stratlint_cache/ of
the folder checked) and user (the user's own cache folder: compiled packs, syllable counts
and the secret that signs results entries)."""
