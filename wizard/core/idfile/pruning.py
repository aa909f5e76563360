"""Freeing what has been read: after each chunk, every element that is not on the path from the root to the element
being read has been seen whole (its end event handled), so it goes; the path stays. What the path itself holds is
bounded elsewhere (depth, attributes per element, run of bytes), except text: CDATA sections and comments can hide
« < » inside a text, so the text held by the path is counted here."""
from __future__ import annotations

from wizard.core.idfile.layoutbase import Element
from wizard.core.idfile.limits import MAX_OPEN_TEXT
from wizard.core.idfile.safety import too_long


def prune(root: Element) -> None:
    node, held = root, 0
    while True:
        held += len(node.text or "") + len(node.tail or "")
        if held > MAX_OPEN_TEXT:
            raise too_long(node.sourceline)
        count = len(node)
        if not count:
            return
        if count > 1:
            del node[:-1]
        node = node[-1]
