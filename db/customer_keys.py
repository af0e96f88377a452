"""The normalised name of a company (名称查重键), kept in `customers.name_key` so that the
duplicate check (撞单) is one index lookup: 北京华夏传媒有限公司, 华夏传媒（北京）有限责任公司
and ＨＵＡＸＩＡ传媒 Co., Ltd. meet the same key as their plain counterparts.

What it does, in order: NFKC (full width → half width) and case folding; brackets of every
kind unified, and a bracketed place or legal form (（北京）, 【集团】, (中国)) dropped; legal-form
words at the end dropped (Co., Ltd., 有限公司, 股份有限公司, 集团, 北京分公司…); everything but
letters and digits dropped; a leading province or city dropped (北京, 广东省深圳市) when at
least three characters remain, so that 北京银行 stays itself. Traditional characters are
not converted. The place names are the frozen reference data (db/reference_data.py).

The key is stored: a change of these rules is a migration that fills the column again.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from db.reference_data import REGIONS

NAME_KEY_LENGTH = 200
MIN_CORE_AFTER_PLACE = 3
_MAX_PASSES = 6

_OPENING = "([{<（［｛＜【〔〖《「『〈⦅｟〘〚"
_CLOSING = ")]}>）］｝＞】〕〗》」』〉⦆｠〙〛"
_BRACKETS = str.maketrans(_OPENING + _CLOSING, "(" * len(_OPENING) + ")" * len(_CLOSING))
_BRACKETED = re.compile(r"\(([^()]*)\)")

# Longest first: 股份有限公司 before 有限公司 before 公司.
_CJK_LEGAL_FORMS = (
    "集团股份有限公司",
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "股份公司",
    "总公司",
    "公司",
    "集团",
)
_ENGLISH_LEGAL_WORDS = frozenset(
    {
        "co",
        "company",
        "corp",
        "corporation",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "group",
        "pte",
        "pty",
    }
)
_ENGLISH_SUFFIX = re.compile(
    r"(?<![a-z0-9])(" + "|".join(sorted(_ENGLISH_LEGAL_WORDS, key=len, reverse=True)) + r")$"
)
_SETTLED = re.compile(r"[a-z0-9\u4e00-\u9fff]*")
_REGION_ENDINGS = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "省",
    "市",
)


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Provinces and cities, with and without 省/市/自治区, longest first; 中国 too (it is
    dropped only in brackets, as in ABC（中国）有限公司)."""
    names: set[str] = set()
    for _code, region, _english, cities in REGIONS:
        names.add(region)
        for ending in _REGION_ENDINGS:
            if region.endswith(ending) and len(region) > len(ending) + 1:
                names.add(region.removesuffix(ending))
                break
        for _city_code, city, _city_english, _area, _postal in cities:
            names.update((city, f"{city}市"))
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def _leading_place() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, place_names())))


@lru_cache(maxsize=1)
def _branch_place() -> re.Pattern[str]:
    """A place right before 分公司: the branch's city."""
    return re.compile("(" + "|".join(map(re.escape, place_names())) + ")分公司$")


@lru_cache(maxsize=1)
def _bracketed_places() -> frozenset[str]:
    return frozenset((*place_names(), "中国", "中国大陆"))


def normalise_name(name: str) -> str:
    """The comparable form of a company name ("" for one of nothing but punctuation).
    Idempotent: a key normalises to itself."""
    current = _one_pass(name)
    # Plain Chinese and lower-case ASCII is a fixed point; other scripts may fold or
    # compose further once the punctuation between their characters has gone.
    for _ in range(_MAX_PASSES):
        if _SETTLED.fullmatch(current):
            break
        following = _one_pass(current)
        if following == current:
            break
        current = following
    return current


def customer_name_key(name: str | None) -> str | None:
    """The value stored in `customers.name_key`: the normalised name, at most 200 characters,
    or None when nothing is left to compare."""
    if not name:
        return None
    key = normalise_name(name)[:NAME_KEY_LENGTH]
    return key or None


def _one_pass(text: str) -> str:
    text = _folded(text).translate(_BRACKETS)
    text = _without_bracketed_noise(text)
    spaced = "".join(char if _kept(char) else " " for char in text).split()
    while len(spaced) > 1 and spaced[-1] in _ENGLISH_LEGAL_WORDS:
        spaced.pop()
    return _stripped("".join(spaced))


def _folded(text: str) -> str:
    """NFKC and case folding until neither changes the text (ß → ss, ｶ → カ…)."""
    for _ in range(_MAX_PASSES):
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
        if folded == text:
            break
        text = folded
    return text


def _kept(char: str) -> bool:
    return unicodedata.category(char)[0] in "LN"


def _without_bracketed_noise(text: str) -> str:
    """Bracketed places and legal forms go; any other bracketed words stay, unbracketed."""
    places = _bracketed_places()

    def replace(found: re.Match[str]) -> str:
        inner = "".join(char for char in found.group(1) if _kept(char))
        if inner in places or inner in _CJK_LEGAL_FORMS or inner in _ENGLISH_LEGAL_WORDS:
            return " "
        return f" {found.group(1)} "

    for _ in range(_MAX_PASSES):
        replaced = _BRACKETED.sub(replace, text)
        if replaced == text:
            break
        text = replaced
    return text


def _stripped(key: str) -> str:
    """Legal forms off the end and places off the front, while something is left."""
    while True:
        shorter = _without_legal_form(key)
        shorter = _without_leading_place(shorter)
        if shorter == key:
            return key
        key = shorter


def _without_legal_form(key: str) -> str:
    english = _ENGLISH_SUFFIX.search(key)
    if english and english.start() > 0:
        return key[: english.start()]
    if key.endswith("分公司"):
        branch = _branch_place().search(key)  # 华夏传媒有限公司北京分公司 → 华夏传媒有限公司
        if branch and branch.start() > 0:
            return key[: branch.start()]
    if key in _CJK_LEGAL_FORMS:
        return key
    if key.endswith("分公司") and len(key) > 3:
        return key.removesuffix("分公司")
    for form in _CJK_LEGAL_FORMS:
        if key.endswith(form) and len(key) > len(form):
            return key.removesuffix(form)
    return key


def _without_leading_place(key: str) -> str:
    found = _leading_place().match(key)
    if found and len(key) - found.end() >= MIN_CORE_AFTER_PLACE:
        return key[found.end() :]
    return key
