

def lookup(endpoint: Optional[Endpoint], status: int) -> Optional[Entry]:
    """What ``status`` from ``endpoint`` means: the endpoint's own entry, else
    the general table's, else ``None``. With no endpoint, the general table's,
    so ``lookup(route(method, path), status)`` explains any response."""
    if endpoint is not None:
        own = _OWN_BY_STATUS[endpoint].get(status)
        if own is not None:
            return own
    return _GENERAL_BY_STATUS.get(status)


def lookup_request(method: str, path: str, status: int) -> Optional[Entry]:
    """What ``status`` means for the endpoint a request routes to (:func:`route`):
    its own entry, else the general table's (also when no endpoint matches)."""
    return lookup(route(method, path), status)


def lookup_general(status: int) -> Optional[Entry]:
    """What ``status`` means in the general table."""
    return _GENERAL_BY_STATUS.get(status)


def lookup_code(code: Union[str, int]) -> Optional[Entry]:
    """The entry of an application code as the API sends it, compared exactly
    (an integer code as a number or in decimal); ``None`` for a code the
    catalogue lacks."""
    return _BY_CODE.get(code if isinstance(code, str) else str(code))


def lookup_response(
    endpoint: Optional[Endpoint], status: int, code: Union[str, int, None]
) -> Optional[Entry]:
    """What a response means: the entry of its application ``code`` when one is
    given and the catalogue knows it, else what :func:`lookup` answers."""
    if code is not None:
        found = lookup_code(code)
        if found is not None:
            return found
    return lookup(endpoint, status)


def route(method: str, path: str) -> Optional[Endpoint]:
    """The endpoint a request routes to, by the Rust router's rules.

    ``path`` is a bare path or a full URL (any scheme and host); the query,
    the fragment and one trailing slash are ignored, and the path may start
    with one of :data:`BASE_PATHS`. ``method`` is compared exactly (``GET``);
    HEAD also routes to GET endpoints. A literal segment matches a segment
    that percent-decodes to it; ``{name}`` takes one non-empty segment; a
    mixed segment (``{id}.{format}``) one whose decoded bytes hold its texts;
    ``{*name}`` one or more segments. Where two templates first differ, the
    literal wins, then the mixed segment tried first, then ``{name}``, then
    ``{*name}`` taking the fewest segments."""
    request = _request_segments(path.encode("utf-8", "surrogatepass"))
    if request is None:
        return None
    best: Optional[Tuple[List[Tuple[int, int]], Endpoint]] = None
    for candidate in _ROUTES.get(method, ()):
        key = _match(candidate.segments, 0, request, 0)
        if key is not None and (best is None or key < best[0]):
            best = (key, candidate.endpoint)
    return None if best is None else best[1]


_LITERAL: Final = 0
_MIXED: Final = 1
_ONE: Final = 2
_MANY: Final = 3


@dataclass(frozen=True)
class _Segment:
    """A template segment; ``kind`` is the order the router tries kinds in."""

    kind: int
    text: bytes = b""
    """A literal's text, percent-decoded."""
    rank: int = 0
    """A mixed segment's place among those tried at the same point."""
    parts: Tuple[Optional[bytes], ...] = ()
    """A mixed segment's texts, ``None`` for each parameter."""


@dataclass(frozen=True)
class _Route:
    """A template of ``endpoint`` under one base path, split into segments."""

    endpoint: Endpoint
    base_path: str
    segments: Tuple[_Segment, ...]


def _lit(text: str) -> _Segment:
    return _Segment(_LITERAL, text=text.encode("utf-8"))


def _mixed(rank: int, *parts: Optional[str]) -> _Segment:
    encoded = tuple(None if p is None else p.encode("utf-8") for p in parts)
    return _Segment(_MIXED, rank=rank, parts=encoded)


_PARAM: Final = _Segment(_ONE)
_CATCH_ALL: Final = _Segment(_MANY)


def _match(
    template: Tuple[_Segment, ...], i: int, request: List[bytes], at: int
) -> Optional[List[Tuple[int, int]]]:
    """The least priority key with which ``template[i:]`` matches
    ``request[at:]``: per template segment, its kind and rank (for ``{*name}``
    the segments it takes); ``None`` when it does not match."""
    if i == len(template):
        return [] if at == len(request) else None
    segment = template[i]
    if segment.kind == _MANY:
        taken = 0
        while at + taken < len(request) and request[at + taken]:
            taken += 1
            rest = _match(template, i + 1, request, at + taken)
            if rest is not None:
                return [(_MANY, taken)] + rest
        return None
    if at == len(request):
        return None
    raw = request[at]
    if segment.kind == _LITERAL:
        matches = _decode(raw) == segment.text
    elif segment.kind == _MIXED:
        matches = raw != b"" and _cut(segment.parts, raw)
    else:
        matches = raw != b""
    if not matches:
        return None
    rest = _match(template, i + 1, request, at + 1)
    return None if rest is None else [(segment.kind, segment.rank)] + rest


def _request_segments(path: bytes) -> Optional[List[bytes]]:
    """The raw segments of a path or URL's path; ``None`` when it is neither."""
    if not path.startswith(b"/"):
        sep = path.find(b"://")
        if sep < 0:
            return None
        scheme, rest = path[:sep], path[sep + 3 :]
        # bytes.isalpha and isalnum are ASCII-only.
        if not scheme[:1].isalpha() or not scheme.translate(None, b"+-.").isalnum():
            return None
        # The path starts where the host ends: at a `/`, `?` or `#`.
        path = rest[_segment_end(rest, 0) :]
    if not path.startswith(b"/"):
        return []
    if path.startswith(b"//") and _at_end(path, 2):
        return []
    if _at_end(path, 1):
        return []
    segments: List[bytes] = []
    i = 1
    while True:
        end = _segment_end(path, i)
        segments.append(path[i:end])
        if end == len(path) or path[end] != 0x2F:
            return segments
        i = end + 1
        if _at_end(path, i):
            return segments


def _at_end(path: bytes, i: int) -> bool:
    """Whether nothing of the path is left at ``i``: its end, query or fragment."""
    return i >= len(path) or path[i] in b"?#"


def _segment_end(path: bytes, i: int) -> int:
    """Where the segment starting at ``i`` ends: the next ``/``, ``?`` or ``#``."""
    end = len(path)
    for delimiter in (b"/", b"?", b"#"):
        found = path.find(delimiter, i, end)
        if found >= 0:
            end = found
    return end


def _decoded_at(raw: bytes, i: int) -> Tuple[int, int]:
    """The byte ``raw[i:]`` decodes to first and how many bytes it takes:
    ``%`` and two hex digits, else the byte itself."""
    b = raw[i]
    if b == 0x25 and i + 2 < len(raw) and _hex(raw[i + 1]) and _hex(raw[i + 2]):
        return int(raw[i + 1 : i + 3], 16), 3
    return b, 1


def _hex(b: int) -> bool:
    return b in b"0123456789abcdefABCDEF"


def _decode(raw: bytes) -> bytes:
    if b"%" not in raw:
        return raw
    out = bytearray()
    i = 0
    while i < len(raw):
        b, width = _decoded_at(raw, i)
        out.append(b)
        i += width
    return bytes(out)


def _prefix(text: bytes, raw: bytes, start: int) -> Optional[int]:
    """Where ``raw`` from ``start``, decoded, has finished ``text``."""
    i = start
    for t in text:
        if i >= len(raw):
            return None
        b, width = _decoded_at(raw, i)
        if b != t:
            return None
        i += width
    return i


def _suffix(text: bytes, raw: bytes, lo: int) -> Optional[int]:
    """The start, at or after ``lo``, of the tail of ``raw`` that decodes to ``text``."""
    i = lo
    while True:
        if _prefix(text, raw, i) == len(raw):
            return i
        if i >= len(raw):
            return None
        i += _decoded_at(raw, i)[1]


def _last_between(text: bytes, raw: bytes, lo: int, hi: int) -> Optional[Tuple[int, int]]:
    """The last occurrence of ``text`` in ``raw`` (decoded) starting after
    ``lo`` and ending before ``hi``: its start and end."""
    found: Optional[Tuple[int, int]] = None
    i = lo
    while i < hi:
        if i > lo:
            end = _prefix(text, raw, i)
            if end is not None and end < hi:
                found = (i, end)
        i += _decoded_at(raw, i)[1]
    return found


def _boundary(raw: bytes, i: int) -> bool:
    return i >= len(raw) or raw[i] & 0xC0 != 0x80


def _cut(parts: Tuple[Optional[bytes], ...], raw: bytes) -> bool:
    """Whether a mixed segment's parts match ``raw``: the last text ends it,
    each text before at its last occurrence leaving the parameter after it
    non-empty, and the first starts it."""
    lo, hi = 0, len(raw)
    first, last = 0, len(parts)
    head = parts[0] if parts else None
    if head is not None:
        start = _prefix(head, raw, 0)
        if start is None:
            return False
        lo, first = start, 1
    tail = parts[-1] if last > first else None
    if tail is not None:
        end = _suffix(tail, raw, lo)
        if end is None:
            return False
        hi, last = end, last - 1
    for part in reversed(parts[first:last]):
        if part is not None:
            found = _last_between(part, raw, lo, hi)
            if found is None or not (_boundary(raw, found[1]) and _boundary(raw, hi)):
                return False
            hi = found[0]
    return hi > lo and _boundary(raw, lo) and _boundary(raw, hi)
