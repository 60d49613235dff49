"""`python -m buurtoverleg.content [DIR]`: the same as `buurtoverleg content check [DIR]`."""

import sys

from ..cli import main

sys.exit(main(["content", "check", *sys.argv[1:]]))
