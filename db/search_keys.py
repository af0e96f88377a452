"""The search text kept with every customer and contact (`search_text`), which the fuzzy
query (app/search.py) matches with LIKE and PostgreSQL indexes with pg_trgm.

A record's text is its tokens, each a field's value folded for matching (NFKC, so full
width meets half width; lower case; no spaces), between single spaces and with a space at
both ends, so that a query is found exactly (`% q %`), at a token's start (`% q%`) or
anywhere (`%q%`):

- name: the name (a customer's short and English names too);
- pinyin: the name's full pinyin, one token a reading of the name — the reading pypinyin
  gives the whole name (phrases: 重庆 chongqing, 银行 yinhang), and for each polyphonic
  character of POLYPHONES each of its other readings, one character at a time (乐华: lehua
  and yuehua; 单田芳: dantianfang, shantianfang, chantianfang), so that every reading of a
  polyphonic character finds the record. POLYPHONES holds the characters whose readings
  differ in everyday words, names and places, with those readings; pypinyin's own lists
  add archaic and dialect readings to nearly every character (有 wei, 司 ci, 车 ju), which
  made a company's text three times longer (540 characters) and its index as much bigger;
- initials: the initials of those readings (华夏 hx);
- mnemonic; phone (digits only: 010-8888 1234 is 01088881234); email; address;
- and, marked with GRAM_MARK so that they never rank as a name, every Chinese character of
  the name and every pair of neighbouring ones: a query of one or two characters (华, 华夏)
  is then a whole token, which pg_trgm can look up, where a bare `%华%` it cannot.

The text is derived: a change of these rules is a migration that fills the column again.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, pinyin
from pypinyin.constants import RE_HANS

# A CJK compatibility ideograph: a letter to pg_trgm (so 豈京 is a word of its own, apart
# from a name 京), and never in a folded query or value (NFKC makes it 豈).
GRAM_MARK = "\uf900"
MAX_READINGS = 16  # a name's pinyin tokens: its reading, then other readings, this many at most
_HAN = re.compile(RE_HANS.pattern.removeprefix("^(?:").removesuffix(")+$"))
_LATIN = re.compile(r"[a-z0-9]")


@dataclass(frozen=True)
class Token:
    """One field's folded value: `positions[i]` is the index in `source` (the value as
    stored) of the character `text[i]` came from — what a hit highlights."""

    field: str
    text: str
    positions: tuple[int, ...]
    source: str


@dataclass(frozen=True)
class SearchFields:
    """What a record is searched by, as stored: `names[0]` is the name its pinyin is read
    from."""

    names: Sequence[str | None]
    mnemonic: str | None = None
    phones: Sequence[str | None] = ()
    email: str | None = None
    address: str | None = None


def fold(value: str) -> str:
    """NFKC, lower case, without white space or control characters: how a value and a
    query are compared."""
    folded = unicodedata.normalize("NFKC", value).lower()
    return "".join(c for c in folded if not c.isspace() and unicodedata.category(c) not in _HIDDEN)


_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def fold_positions(value: str) -> tuple[str, tuple[int, ...]]:
    """`fold`, character by character, with each folded character's index in `value`."""
    text: list[str] = []
    positions: list[int] = []
    for index, character in enumerate(value):
        for folded in fold(character):
            text.append(folded)
            positions.append(index)
    return "".join(text), tuple(positions)


def _digits(folded: str) -> str:
    return "".join(c for c in folded if c in _DIGITS)


_DIGITS = frozenset("0123456789")


def _written(fields: SearchFields) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The (field, value) pairs matched as written, best first: the names, which the
    name's pinyin follows, and the rest."""
    names = [("name", name) for name in fields.names if name]
    rest = [
        ("mnemonic", fields.mnemonic),
        *(("phone", phone) for phone in fields.phones),
        ("email", fields.email),
        ("address", fields.address),
    ]
    return names, [(field, value) for field, value in rest if value]


def _folded(field: str, value: str) -> tuple[str, tuple[int, ...]]:
    """`fold_positions` of a value; a phone's digits only."""
    folded, positions = fold_positions(value)
    if field != "phone":
        return folded, positions
    kept = [(c, p) for c, p in zip(folded, positions, strict=True) if c in _DIGITS]
    return "".join(c for c, _ in kept), tuple(p for _, p in kept)


def search_text(fields: SearchFields) -> str:
    """The record's `search_text`: its tokens' texts, then its name's marked grams (the
    texts as `tokens` makes them, without the positions, which cost three times as much)."""
    names, rest = _written(fields)
    words = dict.fromkeys(fold(value) for _, value in names)
    main = fields.names[0] if fields.names else None
    if main:
        spellings = _spellings(_segments(fold(main)))
        words.update(dict.fromkeys(full for full, _ in spellings))
        words.update(dict.fromkeys(initials for _, initials in spellings))
    words.update(
        dict.fromkeys(
            _digits(fold(value)) if field == "phone" else fold(value) for field, value in rest
        )
    )
    words.pop("", None)
    if main:
        words.update(dict.fromkeys(GRAM_MARK + gram for gram in han_grams(fold(main))))
    return f" {' '.join(words)} " if words else ""


def tokens(fields: SearchFields) -> list[Token]:
    """The record's tokens with the positions a hit highlights, best field first, each
    distinct text once: what `search_text` holds but the grams."""
    names, rest = _written(fields)
    found = [Token(field, *_folded(field, value), value) for field, value in names]
    main = fields.names[0] if fields.names else None
    if main:
        folded, positions = fold_positions(main)
        segments = _segments(folded)
        spellings = _spellings(segments)
        found.extend(
            Token("pinyin", full, _letter_positions(segments, choice, positions), main)
            for (full, _), choice in zip(spellings, _choices(segments), strict=True)
        )
        found.extend(
            Token("initials", initials, tuple(positions[start] for _, start in segments), main)
            for _, initials in spellings
        )
    found.extend(Token(field, *_folded(field, value), value) for field, value in rest)
    distinct: dict[str, Token] = {}
    for token in found:
        if token.text:
            distinct.setdefault(token.text, token)
    return list(distinct.values())


def han_grams(folded: str) -> list[str]:
    """Every Chinese character of `folded` and every pair of neighbouring ones, once each."""
    grams: dict[str, None] = {}
    for run in _HAN_RUN.findall(folded):
        for index, character in enumerate(run):
            grams[character] = None
            if index + 1 < len(run):
                grams[run[index : index + 2]] = None
    return list(grams)


_HAN_RUN = re.compile(f"(?:{_HAN.pattern})+")
_RUNS = re.compile(f"(?:{_HAN.pattern})+|(?:(?!{_HAN.pattern}).)+", re.DOTALL)

Segment = tuple[tuple[str, ...], int]  # readings (its own first), index in the folded name


def _segments(folded: str) -> list[Segment]:
    """The folded name's letters, digits and Chinese characters, each with its readings
    (a letter or digit reads as itself; other characters are left out)."""
    segments: list[Segment] = []
    start = 0
    for run in _RUNS.findall(folded):
        if _HAN.match(run):
            segments.extend(
                (options, start + offset) for offset, options in enumerate(_han_run_readings(run))
            )
        else:
            segments.extend(
                ((character,), start + offset)
                for offset, character in enumerate(run)
                if _LATIN.match(character)
            )
        start += len(run)
    return segments


def _choices(segments: list[Segment]) -> list[tuple[int, str] | None]:
    """Which reading each spelling changes: none (the name's own), then one polyphonic
    character's other readings at a time, at most MAX_READINGS spellings."""
    choices: list[tuple[int, str] | None] = [None]
    for index, (options, _start) in enumerate(segments):
        for other in options[1:]:
            if len(choices) == MAX_READINGS:
                return choices
            choices.append((index, other))
    return choices


def _spellings(segments: list[Segment]) -> list[tuple[str, str]]:
    """The name's pinyin and initials for each of `_choices`."""
    own = [options[0] for options, _ in segments]
    full, initials = "".join(own), "".join(reading[0] for reading in own)
    spellings = [(full, initials)]
    offsets = [0]
    for reading in own:
        offsets.append(offsets[-1] + len(reading))
    for choice in _choices(segments)[1:]:
        assert choice is not None
        index, other = choice
        spellings.append(
            (
                full[: offsets[index]] + other + full[offsets[index + 1] :],
                initials[:index] + other[0] + initials[index + 1 :],
            )
        )
    return spellings


def _letter_positions(
    segments: list[Segment], choice: tuple[int, str] | None, positions: tuple[int, ...]
) -> tuple[int, ...]:
    letters: list[int] = []
    for index, (options, start) in enumerate(segments):
        reading = choice[1] if choice is not None and choice[0] == index else options[0]
        letters.extend([positions[start]] * len(reading))
    return tuple(letters)


@lru_cache(maxsize=100_000)
def _han_run_readings(run: str) -> tuple[tuple[str, ...], ...]:
    """Each character's readings, the one pypinyin gives it in this run (phrases) first."""
    own = [reading[0] for reading in pinyin(run, style=Style.NORMAL)]
    return tuple(
        (mine, *(other for other in _character_readings(character) if other != mine))
        for mine, character in zip(own, run, strict=True)
    )


def _character_readings(character: str) -> tuple[str, ...]:
    return POLYPHONES.get(character, ())


# Polyphonic characters (多音字) as names, companies and places use them, with their readings
# without tones (a difference of tone alone is none here): the reading of a word is
# pypinyin's; these are the others a user may type.
_POLYPHONE_TABLE = """
        乐:le,yue 行:xing,hang 长:chang,zhang 重:zhong,chong 朝:chao,zhao 藏:cang,zang
        传:chuan,zhuan 单:dan,shan,chan 都:du,dou 和:he,huo,hu 会:hui,kuai 降:jiang,xiang
        觉:jue,jiao 卡:ka,qia 了:le,liao 率:lv,shuai 绿:lv,lu 落:luo,lao,la 秘:mi,bi 区:qu,ou
        仇:chou,qiu 朴:pu,piao,po 省:sheng,xing 盛:sheng,cheng 石:shi,dan 属:shu,zhu 说:shuo,shui
        宿:su,xiu 调:tiao,diao 度:du,duo 冯:feng,ping 盖:gai,ge 广:guang,an 解:jie,xie 模:mo,mu
        便:bian,pian 曾:ceng,zeng 查:cha,zha 参:can,shen,cen 差:cha,chai,ci 称:cheng,chen
        种:zhong,chong 转:zhuan,zhuai 着:zhe,zhao,zhuo 血:xue,xie 员:yuan,yun 约:yue,yao
        折:zhe,she 殷:yin,yan 翟:zhai,di 缪:miao,mou 覃:qin,tan 尉:wei,yu 万:wan,mo 俟:si,qi
        厦:xia,sha 番:fan,pan 蚌:bang,beng 六:liu,lu 莎:sha,suo 车:che,ju 大:da,dai 给:gei,ji
        角:jiao,jue 校:xiao,jiao 系:xi,ji 薄:bo,bao 奇:qi,ji 尾:wei,yi 圈:quan,juan 弹:dan,tan
        泊:bo,po 铅:qian,yan 堡:bao,bu,pu 浒:hu,xu 乘:cheng,sheng 强:qiang,jiang 雀:que,qiao
        塞:sai,se 色:se,shai 似:si,shi 提:ti,di 吓:xia,he 削:xiao,xue 叶:ye,xie 扎:zha,za
        粘:zhan,nian 柏:bai,bo 汤:tang,shang 陆:lu,liu 牟:mou,mu 那:na,nei 拓:tuo,ta 阿:a,e
        埔:pu,bu 曝:pu,bao 蕃:fan,bo 得:de,dei 地:di,de 的:de,di 还:hai,huan 将:jiang,qiang
        露:lu,lou 剥:bo,bao 恶:e,wu 期:qi,ji 畜:chu,xu 炮:pao,bao 刨:pao,bao 蔓:man,wan 择:ze,zhai
        """
POLYPHONES: dict[str, tuple[str, ...]] = {
    character: tuple(readings.split(","))
    for character, readings in (entry.split(":") for entry in _POLYPHONE_TABLE.split())
}
