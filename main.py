"""Entry point: `python main.py [--data-dir DIR] [command …]`."""
import sys

from wizard.app import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
