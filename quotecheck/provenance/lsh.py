"""Candidate pairs by locality-sensitive hashing: never all pairs.

Stage: compare (across documents), step 4 — which pairs the similarity is asked about.

The scheme is MinHash with banding (Broder 1997, "On the resemblance and
containment of documents"; Leskovec, Rajaraman & Ullman, *Mining of Massive
Datasets*, ch. 3.4), written here in a few lines of pure Python rather than
pulling in datasketch, which needs NumPy and SciPy:

- The shingles of a rendering are its content lemmas
  (:func:`quotecheck.provenance.words.content_lemmas`); a rendering with none
  uses its words.
- Each shingle gets ``bands × rows`` pseudo-random 32-bit values from SHAKE-128
  of the shingle (stable across runs and machines, computed once per distinct
  shingle and cached). The rendering's MinHash signature is the element-wise
  minimum over its shingles: position *i* holds the smallest value of
  permutation *i*, and two sets agree at a position with probability equal to
  their Jaccard similarity *J*.
- The signature is cut into ``bands`` bands of ``rows`` values; each band is one
  bucket key. Two renderings are a candidate pair when they share a key in any
  band, which happens with probability ``1 - (1 - J^rows)^bands``: with the
  default 24 × 2, 0.63 at J = 0.2, 0.79 at J = 0.25, 0.985 at J = 0.4.
  Grouping is transitive, so a statement with three or more renderings needs
  only a chain of found pairs, not every pair.
- **Linear cost.** Within a bucket each rendering is compared with at most the
  ``bucket_window`` (6) most recent earlier members, so a statement syndicated
  ten thousand times, or a very common pair of words, costs ``bands × window``
  candidates per rendering, not a quadratic blow-up. (Identical renderings
  still end up in one group: each joins the one before it.) The more quotes,
  the more unrelated ones share a bucket by chance (two quotes with Jaccard
  similarity 0.1 meet in some band with probability 0.21): the caller scores a
  rendering against at most ``max_rejected`` candidates that fail the measure
  (:meth:`quotecheck.provenance.grouping.Comparison._join`), so those chance
  meetings cost a bounded number of comparisons per rendering, not one per
  thousand quotes read.

Memory: ``bands`` 64-bit keys per rendering (192 bytes with the defaults), kept
band by band so that each band's pass reads its keys in order, and
while one band is bucketed, a dictionary of at most one entry per rendering.
"""

from __future__ import annotations

import functools
import hashlib
from array import array
from typing import Iterable, Iterator, Sequence

__all__ = ["band_keys", "candidate_pairs", "shingle_values"]


@functools.lru_cache(maxsize=1 << 18)
def shingle_values(shingle: str, count: int) -> array[int]:
    """``count`` pseudo-random 32-bit values of one shingle, one per permutation."""
    digest = hashlib.shake_128(shingle.encode("utf-8", "surrogatepass")).digest(4 * count)
    return array("I", digest)


def band_keys(shingles: Iterable[str], bands: int, rows: int) -> list[int]:
    """The ``bands`` bucket keys of a shingle set; empty for no shingles.

    >>> a = band_keys(["geduld", "augenmaß", "verlieren"], 16, 2)
    >>> b = band_keys(["geduld", "augenmaß", "ausdauer"], 16, 2)
    >>> len(a), sum(x == y for x, y in zip(a, b)) > 0
    (16, True)
    """
    vectors = [shingle_values(s, bands * rows) for s in shingles]
    if not vectors:
        return []
    signature = list(map(min, zip(*vectors))) if len(vectors) > 1 else list(vectors[0])
    return [hash((band, *signature[band * rows : (band + 1) * rows])) for band in range(bands)]


def candidate_pairs(
    columns: Sequence[array[int]], window: int, owner: Sequence[int] | None = None,
) -> Iterator[tuple[int, int]]:
    """Pairs ``(earlier, later)`` of quote numbers that share a bucket in some band.

    ``columns`` holds one array per band, the band's key of every row in input
    order (``columns[band][row]``): each band is read front to back, and only
    one band's dictionary is in memory. ``owner[row]`` is the quote a row
    belongs to (default: each row is its own quote); the rows of one quote are
    consecutive (a quote's own row, then one per sentence). A bucket holds
    each quote once, however many of its rows fall into it, so the window is
    ``window`` earlier *quotes*, not rows: a long quote's sentences cannot
    push real candidates out of it, and no pair is yielded twice from one
    bucket. A row without shingles has the key 0 in every band and is never
    paired. A pair found in several bands, or in several buckets of one band
    (two rows of each quote), is yielded once per bucket; the caller skips
    pairs already tried.
    """
    for column in columns:
        buckets: dict[int, list[int] | int] = {}
        for row, key in enumerate(column):
            if key == 0:
                continue
            i = owner[row] if owner is not None else row
            members = buckets.get(key)
            if members is None:
                buckets[key] = i
                continue
            if isinstance(members, int):
                if members != i:
                    yield members, i
                    buckets[key] = [members, i]
                continue
            if members[-1] == i:  # another row of the quote just added
                continue
            for j in members[-window:]:
                yield j, i
            members.append(i)
            if len(members) > 2 * window:
                del members[:-window]
