"""Command line entry point (see CONTRACT.md)."""


def main(argv=None) -> int:  # replaced below once the commands exist
    return 0
