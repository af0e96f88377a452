"""Realistic Chinese names, numbers and addresses for the demo data (app/demo.py).

Pinyin is computed once per word part (a city, a trade name, a given name) and cached:
a million company names are then joined from cached parts, never run through pypinyin.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from pypinyin import Style, lazy_pinyin

from app import demo_words as words
from app.identifiers import (  # the weights of GB 32100 and GB 11714, as applied there
    _CREDIT_WEIGHTS,
    _ORG_WEIGHTS,
    CREDIT_CODE_ALPHABET,
    credit_code_check_char,
    is_valid_credit_code,
    organisation_code_check_char,
)

MOBILE_PREFIXES = (
    *range(130, 140),
    *(150, 151, 152, 153, 155, 156, 157, 158, 159),
    166,
    *(173, 175, 176, 177, 178),
    *range(180, 190),
    *(191, 193, 195, 196, 197, 198, 199),
)
# A stride prime to 10 is a unit modulo 10**8: distinct customer numbers, distinct serials.
_SERIAL_STRIDE = 97
_SERIAL_SPACE = 10**8
_VALUE = {char: value for value, char in enumerate(CREDIT_CODE_ALPHABET)}
# Check characters by weighted total: organisation code (mod 11), credit code (mod 31).
_ORG_CHECK = ["0"] + [{10: "X", 11: "0"}.get(11 - r, str(11 - r)) for r in range(1, 11)]
_CREDIT_CHECK = [CREDIT_CODE_ALPHABET[(31 - r) % 31] for r in range(31)]


@cache
def pinyin_of(word: str) -> tuple[str, str]:
    """(full pinyin, lower case and without tones or spaces; initials, upper case) of a word."""
    full = "".join(lazy_pinyin(word))
    initials = "".join(lazy_pinyin(word, style=Style.FIRST_LETTER)).upper()
    return full, initials


def weighted_picker(weights: list[int], size: int = 1024) -> list[int]:
    """Indices repeated in proportion to `weights`: `table[int(random() * len)]` picks fast."""
    total = sum(weights)
    table: list[int] = []
    for index, weight in enumerate(weights):
        table.extend([index] * max(1, round(weight * size / total)))
    return table


class Person(NamedTuple):
    name: str
    pinyin: str
    mnemonic: str
    gender: str  # M or F
    mailbox: str  # given.surname, the usual company e-mail address


class PersonNames:
    """Chinese personal names: a weighted surname and a one- or two-character given name."""

    def __init__(self) -> None:
        self.surnames = [zh for zh, _, _ in words.SURNAMES]
        self.surname_pinyin = [py for _, py, _ in words.SURNAMES]
        self.surname_initials = [_surname_initials(zh, py) for zh, py, _ in words.SURNAMES]
        self._surname_table = weighted_picker([weight for _, _, weight in words.SURNAMES])
        self.given = (_given_names(words.GIVEN_CHARS_MALE), _given_names(words.GIVEN_CHARS_FEMALE))
        self.given_pinyins = tuple([pinyin_of(name)[0] for name in pool] for pool in self.given)
        self.given_initials = tuple([pinyin_of(name)[1] for name in pool] for pool in self.given)

    def pick(self, rnd: random.Random) -> tuple[int, int, int]:
        """(surname index, gender 0 male / 1 female, given-name index)."""
        r = rnd.random
        gender = 0 if r() < 0.55 else 1
        pool = self.given[gender]
        return (
            self._surname_table[int(r() * len(self._surname_table))],
            gender,
            int(r() * len(pool)),
        )

    def pool(self, rnd: random.Random, size: int) -> list[Person]:
        """`size` people drawn once: rows then pick a whole person with a single draw.

        65,536 people among two million contacts repeat names about as often as real
        Chinese names repeat, and save the hot loop a dozen operations per contact.
        """
        people = []
        for _ in range(size):
            surname, gender, given = self.pick(rnd)
            name, pinyin, mnemonic = self.full(surname, gender, given)
            mailbox = f"{self.given_pinyins[gender][given]}.{self.surname_pinyin[surname]}"
            people.append(Person(name, pinyin, mnemonic, "MF"[gender], mailbox))
        return people

    def full(self, surname: int, gender: int, given: int) -> tuple[str, str, str]:
        """(name, pinyin sort key, mnemonic initials)."""
        return (
            self.surnames[surname] + self.given[gender][given],
            self.surname_pinyin[surname] + self.given_pinyins[gender][given],
            self.surname_initials[surname] + self.given_initials[gender][given],
        )


def _surname_initials(surname: str, reading: str) -> str:
    """Initials from the surname's own reading (曾 → Z, not pypinyin's C); compound ones too."""
    if len(surname) == 1:
        return reading[0].upper()
    return _COMPOUND_SURNAME_INITIALS[reading]


_COMPOUND_SURNAME_INITIALS = {
    "ouyang": "OY",
    "sima": "SM",
    "zhuge": "ZG",
    "shangguan": "SG",
    "yuchi": "YC",
    "linghu": "LH",
}


def _given_names(chars: list[str]) -> list[str]:
    """Single characters (one in five) and ordered pairs of different characters."""
    pairs = [a + b for a in chars for b in chars if a != b]
    singles = chars * max(1, len(pairs) // (4 * len(chars)))
    return singles + pairs


class CompanyNames:
    """Company names: city + trade name (字号) + trade words + legal form."""

    def __init__(self) -> None:
        chars = words.TRADE_NAME_CHARS
        self.trade_names = [a + b for a in chars for b in chars if a != b]
        self.trade_pinyins = [pinyin_of(name)[0] for name in self.trade_names]
        self.trade_initials = [pinyin_of(name)[1] for name in self.trade_names]
        self.word_pinyins = [pinyin_of(zh)[0] for zh, _, _ in words.TRADE_WORDS]
        self.word_initials = [pinyin_of(zh)[1] for zh, _, _ in words.TRADE_WORDS]
        self.form_pinyins = [pinyin_of(zh)[0] for zh, _, _ in words.LEGAL_FORMS]
        self.form_initials = [pinyin_of(zh)[1] for zh, _, _ in words.LEGAL_FORMS]
        self.trade_words = [zh for zh, _, _ in words.TRADE_WORDS]
        self.trade_words_en = [en for _, en, _ in words.TRADE_WORDS]
        self.trade_industries = [code for _, _, code in words.TRADE_WORDS]
        self.forms = [zh for zh, _, _ in words.LEGAL_FORMS]
        self.forms_en = [en for _, en, _ in words.LEGAL_FORMS]
        self._form_table = weighted_picker([weight for _, _, weight in words.LEGAL_FORMS], 100)

    def pick(self, rnd: random.Random) -> tuple[int, int, int]:
        """(trade-name index, trade-words index, legal-form index)."""
        r = rnd.random
        return (
            int(r() * len(self.trade_names)),
            int(r() * len(self.trade_words)),
            self._form_table[int(r() * len(self._form_table))],
        )

    def english(self, city_en: str, trade: int, word: int, form: int) -> str:
        trade_pinyin = pinyin_of(self.trade_names[trade])[0].capitalize()
        return f"{city_en} {trade_pinyin} {self.trade_words_en[word]} {self.forms_en[form]}"


class CreditCodes:
    """Valid unified social credit codes (企业, 91…), distinct for distinct customer numbers.

    The organisation-code body is an affine bijection of the number modulo 10**8 (a salt
    plus a stride prime to 10), written as eight digits, so codes are unique by
    construction; they grow with the customer number, as codes were handed out, which also
    makes their unique index cheap to fill. (All digits also keeps the check
    character independent of how letters are valued: GB 11714 counts A as 10 … Z as 35,
    app.identifiers by the credit-code alphabet, and the two agree only up to H.) The check
    characters are those of app.identifiers, summed from per-position tables of its weights:
    a million codes take a second instead of seven. Each division's first code is checked
    with app.identifiers itself.
    """

    def __init__(self, salt: int) -> None:
        self.salt = salt
        org_weights, credit_weights = _ORG_WEIGHTS, _CREDIT_WEIGHTS[8:16]
        self.org_high, self.org_low = _sums(org_weights[:4]), _sums(org_weights[4:])
        self.credit_high, self.credit_low = _sums(credit_weights[:4]), _sums(credit_weights[4:])
        self.prefix_totals: dict[str, int] = {}

    def code(self, division: str, number: int) -> str:
        prefix = self.prefix_totals.get(division)
        if prefix is None:
            prefix = self._add_division(division, number)
        serial = (number * _SERIAL_STRIDE + self.salt) % _SERIAL_SPACE
        high, low = divmod(serial, 10_000)
        org_check = _ORG_CHECK[(self.org_high[high] + self.org_low[low]) % 11]
        credit_total = (
            prefix
            + self.credit_high[high]
            + self.credit_low[low]
            + _VALUE[org_check] * _CREDIT_WEIGHTS[16]
        )
        return f"91{division}{serial:08d}{org_check}{_CREDIT_CHECK[credit_total % 31]}"

    def _add_division(self, division: str, number: int) -> int:
        first8 = "91" + division
        total = sum(_VALUE[c] * w for c, w in zip(first8, _CREDIT_WEIGHTS, strict=False))
        self.prefix_totals[division] = total
        sample = self.code(division, number)
        if not (
            is_valid_credit_code(sample)
            and organisation_code_check_char(sample[8:16]) == sample[16]
            and credit_code_check_char(sample[:17]) == sample[17]
        ):
            raise AssertionError(f"credit code tables disagree with app.identifiers: {sample}")
        return total


def _sums(weights: tuple[int, ...]) -> list[int]:
    """Weighted digit sums of every four-digit group 0000…9999."""
    return [
        sum(int(d) * w for d, w in zip(f"{v:04d}", weights, strict=True)) for v in range(10_000)
    ]


@dataclass
class Place:
    """A seeded city with what addresses and numbers there need."""

    city_id: int
    region_id: int
    country_id: int
    code: str
    name: str
    name_en: str
    region_name: str
    area_code: str
    postal_prefix: str
    pinyin: str = field(init=False)
    initials: str = field(init=False)
    address_prefix: str = field(init=False)

    def __post_init__(self) -> None:
        self.pinyin, self.initials = pinyin_of(self.name)
        if self.region_name.startswith(self.name):  # 北京市, not 北京市北京市
            self.address_prefix = self.region_name
        else:
            self.address_prefix = f"{self.region_name}{self.name}市"
        # 8 digits after a three-digit area code; 7 or 8 after a four-digit one.
        digits = 8 if len(self.area_code) == 3 or int(self.code) % 3 else 7
        self._local_low = 2 * 10 ** (digits - 1)  # local numbers start with 2 to 8
        self._local_span = 7 * 10 ** (digits - 1)

    def phone(self, random_: Callable[[], float]) -> str:
        """A landline number: area code, hyphen, local number ('0571-87654321')."""
        return f"{self.area_code}-{self._local_low + int(random_() * self._local_span)}"


def mobile(rnd: random.Random) -> str:
    prefix = MOBILE_PREFIXES[int(rnd.random() * len(MOBILE_PREFIXES))]
    return f"{prefix}{int(rnd.random() * 100_000_000):08d}"
