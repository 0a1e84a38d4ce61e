"""`python -m kommunsk` runs the command line."""

from kommunsk.cli import main

if __name__ == "__main__":
    main()
