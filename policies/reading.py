"""Reading an article from outside: a file, a folder of files, an upload or a pasted text.

One reader serves every way in (the import command, the admin's add form,
background jobs), so an article reads the same whichever way it arrives:
regular files only (a named pipe would block for ever), no more than
settings.ARTICLE_MAX_BYTES, checked before the text is read whole; UTF-8
(with or without BOM), UTF-16 with a BOM, GBK/GB18030; HTML reduced to its
text, its <title> kept apart (a Document) for naming the article. Whatever
cannot be read raises UnreadableText with a message for the person who gave
it, in their language.
"""
from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import charset_normalizer
from django.conf import settings
from django.utils.translation import gettext as _

SUFFIXES = (".txt", ".html", ".htm")
BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Encodings whose bytes GB18030 also decodes, into nonsense: when the detector
# says one of these, the text is refused with its name rather than garbled.
# Japanese and Korean ones included: the detector names Shift-JIS cp932 and EUC-KR cp949.
MISTAKEN_FOR_GBK = {
    "big5", "big5hkscs", "cp950", "utf_16_le", "utf_16_be",
    "shift_jis", "cp932", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004", "euc_jisx0213",
    "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext",
    "euc_kr", "cp949", "johab", "iso2022_kr",
}
# ISO-2022 texts are 7-bit, so UTF-8 reads them, escapes and all: an escape to
# a double-byte set (ESC $) is never in an article, and sends them to the detector.
ISO2022_ESCAPE = b"\x1b$"
SIGNATURES = {  # binary files people rename to .txt
    b"\x89PNG": "PNG", b"\xff\xd8\xff": "JPEG", b"GIF8": "GIF", b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/Office", b"\xd0\xcf\x11\xe0": "Office (.doc/.xls)",
}


@dataclass(frozen=True)
class Document:
    """An article as read: its text, and the <title> of the HTML page it came in ('' for plain text)."""

    text: str
    page_title: str = ""


class UnreadableText(ValueError):
    """The input is not a text article; the message says why, for the person who gave it."""


@dataclass(frozen=True)
class Unreadable:
    """A path that could not be read, with the reason: the import reports it and goes on."""

    path: Path
    reason: str


def max_bytes() -> int:
    return settings.ARTICLE_MAX_BYTES


def check_size(size: int) -> None:
    if size > max_bytes():
        raise UnreadableText(
            _("the article is %(size)s bytes, larger than the limit of %(limit)s bytes")
            % {"size": f"{size:,}", "limit": f"{max_bytes():,}"}
        )


def decode(data: bytes) -> str:
    """The text of `data`, or UnreadableText naming what it is instead."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            text = _decode_as(data, encoding)
            break
    else:
        text = _decode_plain(data)
    if not text.strip():
        raise UnreadableText(_("the file is empty"))
    return text


def _decode_as(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise UnreadableText(_("the text starts as %(encoding)s but is not valid %(encoding)s") % {
            "encoding": encoding.upper().replace("-SIG", "")
        }) from None


def _decode_plain(data: bytes) -> str:
    kind = next((name for magic, name in SIGNATURES.items() if data.startswith(magic)), None)
    if kind:
        raise UnreadableText(_("this is a binary file (%(kind)s), not a text article") % {"kind": kind})
    if b"\x00" not in data and ISO2022_ESCAPE not in data:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.reason == "unexpected end of data":
                raise UnreadableText(_("the UTF-8 text stops in the middle of a character: the file looks cut off")) from None
    found = charset_normalizer.from_bytes(data[:65536])
    guess = found.best()
    if b"\x00" not in data and not _mistaken_for_gbk(found):
        try:
            return data.decode("gb18030")  # a superset of GBK and GB2312
        except UnicodeDecodeError:
            pass
    encoding = guess.encoding.upper().replace("_", "-") if guess else ""
    if encoding.startswith(("UTF-16", "UTF-32")) and len(data) >= 32:  # a few bytes say nothing
        raise UnreadableText(
            _("the text is in %(encoding)s without a byte-order mark: save it as UTF-8, or as UTF-16 with a BOM")
            % {"encoding": encoding}
        )
    if b"\x00" in data or guess is None:
        raise UnreadableText(_("this is a binary file, not a text article"))
    raise UnreadableText(
        _("the text is in %(encoding)s, which is not read here: save it as UTF-8 (or UTF-16 with a BOM)")
        % {"encoding": encoding}
    )


def _mistaken_for_gbk(found) -> bool:
    """Whether the detector reads the bytes in an encoding GB18030 would garble,
    and better than as GB18030: on a few words of Chinese it may say cp949 or
    big5 first, with GB18030 as clean a reading (as little chaos)."""
    guess = found.best()
    if guess is None or guess.encoding not in MISTAKEN_FOR_GBK:
        return False
    return not any(match.encoding == "gb18030" and match.chaos <= guess.chaos for match in found)


def text_of(data: bytes, name: str = "") -> Document:
    """An article from the bytes of a file or upload called `name`."""
    check_size(len(data))
    text = decode(data)
    return read_html(text) if looks_like_html(text, name) else Document(text)


def read_file(path: Path) -> Document:
    """The article in `path`: a regular file no larger than the limit, opened
    without blocking and measured before it is read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as error:
        raise UnreadableText(_os_reason(error)) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableText(_("not a regular file (a pipe, device or socket)"))
        check_size(info.st_size)
        data = handle.read(max_bytes() + 1)
    return text_of(data, path.name)


def read_upload(upload) -> Document:
    """The article in an uploaded file (Django's UploadedFile)."""
    check_size(upload.size)
    return text_of(upload.read(max_bytes() + 1), upload.name)


def read_pasted(text: str) -> Document:
    check_size(len(text.encode("utf-8")))
    return read_html(text) if looks_like_html(text) else Document(text)


def expand(paths: Iterable[Path]) -> Iterator[Path | Unreadable]:
    """The article files named by `paths`, folders scanned for .txt and .html
    files (not recursively); paths that cannot be listed come out as Unreadable."""
    for path in paths:
        try:
            is_dir = stat.S_ISDIR(os.stat(path).st_mode)
        except OSError as error:
            yield Unreadable(path, _os_reason(error))
            continue
        if not is_dir:
            yield path
            continue
        try:
            with os.scandir(path) as entries:
                names = sorted(e.name for e in entries if e.name.lower().endswith(SUFFIXES))
        except OSError as error:
            yield Unreadable(path, _os_reason(error))
            continue
        yield from (path / name for name in names)


def _os_reason(error: OSError) -> str:
    # strerror is the C library's English; the cases people meet get our words.
    reasons = {
        "ENOENT": _("no such file or folder"),
        "EACCES": _("permission denied"),
        "EPERM": _("permission denied"),
        "ELOOP": _("a loop of symbolic links"),
        "EISDIR": _("a folder, not a file"),
    }
    return reasons.get(errno.errorcode.get(error.errno, ""), error.strerror or str(error))


class _TextOfHTML(HTMLParser):
    BLOCKS = {
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
        "section", "article", "table", "ul", "ol", "blockquote", "pre", "title",
    }
    SKIPPED = {"script", "style", "head", "noscript", "template"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.title: list[str] | None = None  # the first <title>'s words while inside it

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "title" and self.title is None:
            self.title = []

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "title" and isinstance(self.title, list):
            self.title = " ".join("".join(self.title).split())

    def handle_data(self, data):
        if isinstance(self.title, list):
            self.title.append(data)
        if not self.skipping:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def read_html(html: str) -> Document:
    """The readable text of an HTML page: scripts, styles and the head dropped,
    one line per paragraph (block element), spaces inside a line collapsed;
    and the page's <title> beside it."""
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    lines = (line.strip(" ") for line in "".join(parser.parts).split("\n"))
    title = parser.title if isinstance(parser.title, str) else ""
    return Document("\n".join(line for line in lines if line), title)


def looks_like_html(text: str, filename: str = "") -> bool:
    if filename.lower().endswith((".html", ".htm")):
        return True
    head = text.lstrip()[:500].lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head
