"""``python -m quotecheck`` is the ``quotecheck`` command."""

import sys

from quotecheck.cli import main

sys.exit(main())
