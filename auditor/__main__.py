"""`python -m auditor`: the same as the `auditor` command."""

from auditor.cli import main

if __name__ == "__main__":
    main()
