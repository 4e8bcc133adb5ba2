"""``quotecheck view``: documents and their quotes as one self-contained HTML page.

:func:`write_page` writes the page; :func:`quotes_html` gives the cards that
``Quote._repr_html_`` and ``DocumentResult._repr_html_`` show in notebooks.
"""

from __future__ import annotations

from quotecheck.view.render import PageDocument, card_css, document_html, quote_card, quotes_html, write_page

__all__ = ["PageDocument", "card_css", "document_html", "quote_card", "quotes_html", "write_page"]
