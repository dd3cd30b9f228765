"""Fill the catalogues after `makemessages`: Chinese from zh_hans.py, English as the msgid itself.

    python locale/fill.py          # fills, then lists msgids with no Chinese translation (exit 1 if any)

Both catalogues end up complete, so `msgfmt --statistics` reports no untranslated message.
"""
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from zh_hans import ZH  # noqa: E402

ENTRY = re.compile(
    r'(?P<head>(?:#.*\n)*)(?:msgctxt "(?P<ctx>.*)"\n)?msgid (?P<id>(?:".*"\n)+)'
    r'(?:msgid_plural (?P<plural>(?:".*"\n)+))?(?P<strs>(?:msgstr(?:\[\d\])? (?:".*"\n?)+)+)'
)


def unquote(block: str) -> str:
    return "".join(re.findall(r'"(.*)"', block))


def quote(text: str) -> str:
    return '"' + text + '"'


def fill(path: Path, translate) -> list[str]:
    source = path.read_text(encoding="utf-8")
    missing = []

    def replace(m):
        msgid = unquote(m["id"])
        if not msgid:
            return m.group(0)  # the header
        key = (m["ctx"], msgid) if m["ctx"] else msgid
        plural = unquote(m["plural"]) if m["plural"] else None
        found = translate(key, msgid, plural)
        if found is None:
            missing.append(msgid)
            return m.group(0)
        head = m["head"].replace("#, fuzzy\n", "")
        out = head + (f'msgctxt "{m["ctx"]}"\n' if m["ctx"] else "") + f"msgid {quote(msgid)}\n"
        if plural is not None:
            out += f"msgid_plural {quote(plural)}\n"
            out += "".join(f"msgstr[{i}] {quote(s)}\n" for i, s in enumerate(found))
        else:
            out += f"msgstr {quote(found)}\n"
        return out

    text = ENTRY.sub(replace, source)
    text = text.replace('"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"', '"Plural-Forms: nplurals=1; plural=0;\\n"')
    text = re.sub(r'#, fuzzy\n(msgid ""\nmsgstr ""\n)', r"\1", text, count=1)
    path.write_text(text, encoding="utf-8")
    return missing


def chinese(key, msgid, plural):
    value = ZH.get(key)
    if value is None:
        return None
    return value if plural is None else (value if isinstance(value, list) else [value])


def english(key, msgid, plural):
    return msgid if plural is None else [msgid, plural]


if __name__ == "__main__":
    missing = fill(HERE / "zh_Hans" / "LC_MESSAGES" / "django.po", chinese)
    fill(HERE / "en" / "LC_MESSAGES" / "django.po", english)
    for msgid in missing:
        print("no Chinese for:", msgid)
    sys.exit(1 if missing else 0)
