"""The settings dialog and its Qt-free form (validation, saving the TOML file and the key)."""
