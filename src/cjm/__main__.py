"""``python -m cjm`` runs the command line."""

from cjm.cli import main

if __name__ == "__main__":
    main()
