"""Demo customers and their contacts, with their extension rows: the million-row hot path.

Generated chunk by chunk, each chunk from a generator of its own, so memory stays flat and
a chunk's rows do not depend on how the previous ones were drawn. The hot loops read
precomputed lists into locals and draw with `random()`: attribute look-ups, `choice` and
`randrange` cost several times more per call, which three million rows turn into minutes.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from typing import Any

from app import demo_words as words
from app.demo_master import CUSTOMER_TYPES, RECORD, Batch, CustomerFacts, World, density
from app.demo_names import MOBILE_PREFIXES, CreditCodes
from app.demo_sink import Row
from db.customer_keys import customer_name_key
from db.models.customers import (
    CONTACT_SEARCH_COLUMNS,
    CUSTOMER_SEARCH_COLUMNS,
    contact_search_fields,
    customer_search_fields,
)
from db.reference_data import POSITIONS
from db.search_keys import SearchFields, search_text

CHUNK = 10_000  # customers per chunk; even, so that contact counts pair up within a chunk
# Customer type weights (of 100): mostly existing, target and prospect customers.
TYPE_TABLE = [0] * 30 + [1] * 25 + [2] * 32 + [3] * 7 + [4] * 3 + [5] * 3
# Sales step by type: (lowest, span); step 0 = none (blacklist and competitors).
STAGE_RANGE = ((7, 2), (2, 5), (1, 3), (8, 1), (0, 1), (0, 1))
RATINGS = ("AABBBC", "BBCCC", "CCDD", "AAB", "D", "")
CAPITALS = (100_000, 500_000, 1_000_000, 2_000_000, 5_000_000, 10_000_000, 50_000_000)
BLACKLIST_REASONS = ("长期拖欠广告款", "多次违约撤单", "提供虚假资质材料")
CONTACT_POSITIONS = (
    "marketing_director", "brand_manager", "purchasing_manager", "department_manager",
    "assistant", "clerk", "sales_director",
)  # fmt: skip
POSITION_NAMES = {code: zh for code, zh, _ in POSITIONS}
CUSTOMER_COLUMNS = (
    *RECORD, "customer_no", "name", "name_pinyin", "name_key", "short_name", "mnemonic",
    "english_name", "parent_id", "customer_type_id", "industry_id", "source_id", "country_id",
    "region_id", "city_id", "address", "postal_code", "phone", "fax", "website", "email",
    "credit_code", "legal_representative", "registered_capital", "founded_on", "employee_count",
    "annual_revenue", "sales_stage_id", "rating", "is_key_account", "blacklisted_reason",
    "last_contact_at", "next_follow_up_on", "owner_id", "department_id", "search_text",
)  # fmt: skip
CONTACT_COLUMNS = (
    *RECORD, "customer_id", "name", "name_pinyin", "mnemonic", "gender", "form_of_address_id",
    "position_id", "job_title", "department", "mobile", "phone", "extension", "email", "wechat",
    "qq", "birthday", "is_primary", "is_decision_maker", "search_text",
)  # fmt: skip
CUSTOMER_EXTENSION_COLUMNS = (
    *RECORD, "customer_id", "bank_name", "bank_account", "tax_number", "invoice_title",
    "invoice_address", "invoice_phone", "business_scope", "main_products", "annual_ad_budget",
    "preferred_media", "decision_process", "wechat_official_account",
)  # fmt: skip
CONTACT_EXTENSION_COLUMNS = (
    *RECORD, "contact_id", "hobbies", "education", "hometown", "marital_status",
    "assistant_name", "assistant_phone", "preferred_contact_method", "do_not_email",
    "do_not_call",
)  # fmt: skip
TABLES = ("customers", "customer_extensions", "contacts", "contact_extensions")
CUSTOMER_EXTENSION_SHARE = 0.3
CONTACT_EXTENSION_SHARE = 0.2
CONTACT_METHODS = ("phone", "mobile", "email", "wechat", "visit")


class CustomerStage:
    """Customers, their extensions, contacts and contact extensions, chunk by chunk.

    Built once (pools, credit-code tables), then `run` for each chunk, possibly in forked
    worker processes; `merge` adds a chunk's facts to the world, in chunk order.
    """

    def __init__(self, world: World) -> None:
        self.world = world
        self.pools = Pools(world)
        world.person_pool = self.pools.people
        self.codes = CreditCodes(int(world.rng("credit-codes").random() * 10**8))
        self.owner_ids = [str(world.staff[k].id) for k in world.sales_staff]
        self.owner_departments = [str(world.staff_department_id(k)) for k in world.sales_staff]
        self.chunks = (world.customers + CHUNK - 1) // CHUNK

    def run(self, chunk: int) -> tuple[list[Batch], CustomerFacts]:
        maker = CustomerMaker(self, chunk)
        start = chunk * CHUNK
        for index in range(start, min(self.world.customers, start + CHUNK)):
            maker.add(index)
        return [
            ("customers", CUSTOMER_COLUMNS, maker.customers),
            ("customer_extensions", CUSTOMER_EXTENSION_COLUMNS, maker.customer_extensions),
            ("contacts", CONTACT_COLUMNS, maker.contacts),
            ("contact_extensions", CONTACT_EXTENSION_COLUMNS, maker.contact_extensions),
        ], maker.facts

    def merge(self, facts: CustomerFacts) -> None:
        self.world.facts.extend(facts)


class Pools:
    """Everything a customer or contact row is drawn from, as plain lists.

    Ids are kept as text: the rows of this module hold only text (and the formats' NULL
    and booleans), which PostgreSQL's COPY takes as they are joined, and which SQLite turns
    back into numbers by column affinity.
    """

    PEOPLE = 65_536  # fits the contacts' array("H") of person numbers
    ADDRESS_TAILS = 4_096

    def __init__(self, world: World) -> None:
        f, ref = world.formats, world.reference
        companies = world.companies
        rnd = world.rng("pools")
        self.places = ref.places
        self.days, self.day_zero = f.days, f.day_zero
        self.times = [f.time_of_day(8 * 3600 + 60 * minute) for minute in range(600)]
        self.capitals = [(f.money(c * 100), c) for c in CAPITALS]
        self.null, self.true, self.false = f.null, f.true, f.false
        self.type_ids = [str(ref.customer_types[code]) for code in CUSTOMER_TYPES]
        self.industry_ids = [str(ref.industries[code]) for code in companies.trade_industries]
        self.stage_ids = [f.null] + [str(stage_id) for stage_id, _ in ref.stages]
        self.sources = [str(source) for source in ref.sources]
        self.place_ids = [(str(p.country_id), str(p.region_id), str(p.city_id)) for p in ref.places]
        self.domains = [
            [trade + word + ".com" for word in (w.lower() for w in companies.word_initials)]
            for trade in companies.trade_pinyins
        ]
        self.address_tails = [_address_tail(rnd) for _ in range(self.ADDRESS_TAILS)]
        self.people = world.people.pool(rnd, self.PEOPLE)
        self.mobile_prefixes = [str(prefix) for prefix in MOBILE_PREFIXES]
        self.positions = [
            (str(ref.positions[code]), POSITION_NAMES[code]) for code in CONTACT_POSITIONS
        ]
        lead = "general_manager"
        self.lead_position = (str(ref.positions[lead]), POSITION_NAMES[lead])
        forms = ref.forms_of_address
        self.address_forms = {"M": str(forms["mr"]), "F": str(forms["ms"])}


def _address_tail(rnd: random.Random) -> str:
    """Street, number, building and floor: '文三路168号华星大厦12层'."""
    r = rnd.random
    street = words.STREETS[int(r() * len(words.STREETS))]
    suffix = words.STREET_SUFFIXES[int(r() * len(words.STREET_SUFFIXES))]
    building = words.BUILDINGS[int(r() * len(words.BUILDINGS))]
    return f"{street}{suffix}{1 + int(r() * 999)}号{building}{1 + int(r() * 30)}层"


class CustomerMaker:
    """Builds the rows of one chunk, and the facts later stages need of them.

    Row ids follow the customer and contact numbers (extensions too, leaving gaps), so a
    chunk needs nothing from the chunks before it.
    """

    def __init__(self, stage: CustomerStage, chunk: int) -> None:
        self.world = stage.world
        self.pools = stage.pools
        self.codes = stage.codes
        self.owner_ids = stage.owner_ids
        self.owner_departments = stage.owner_departments
        self.rnd = stage.world.rng("customers", chunk)
        self.customer_base = stage.world.id_base["customers"]
        self.customer_extension_share = CUSTOMER_EXTENSION_SHARE * density(stage.world.customers)
        self.contact_extension_share = CONTACT_EXTENSION_SHARE * density(stage.world.customers)
        self.contact_base = stage.world.id_base["contacts"]
        self.facts = CustomerFacts()
        self.next_contact = 2 * chunk * CHUNK  # every pair of customers has four contacts
        self.customers: list[Row] = []
        self.customer_extensions: list[Row] = []
        self.contacts: list[Row] = []
        self.contact_extensions: list[Row] = []
        self.group_id: str | None = None
        self.pair_rest = 0

    def add(self, index: int) -> None:
        """One customer with its contacts (1 to 3; two on average, exactly)."""
        r = self.rnd.random
        if self.pair_rest:
            count, self.pair_rest = self.pair_rest, 0
        elif index + 1 < self.world.customers:
            count = 1 + int(r() * 3)  # the neighbour gets 4 - count: 1+3, 2+2 or 3+1
            self.pair_rest = 4 - count
        else:
            count = 2
        row = self._customer_row(index, count)
        customer = (*row, self._search_text(row, _CUSTOMER_SEARCHED, customer_search_fields))
        self.customers.append(customer)
        if r() < self.customer_extension_share:
            self.customer_extensions.append(self._extension_row(customer))
        domain = self.pools.domains[self.facts.trade[-1]][self.facts.word[-1]]
        for number in range(count):
            self._add_contact(customer, number == 0, domain)

    def _customer_row(self, index: int, contacts: int) -> Row:
        # One long function on purpose: locals are the fast path of CPython.
        world, pools, r = self.world, self.pools, self.rnd.random
        companies, days, zero, times = world.companies, pools.days, pools.day_zero, pools.times
        null = pools.null
        city = int(r() * len(pools.places))
        place = pools.places[city]
        kind = TYPE_TABLE[int(r() * 100)]
        if index < len(CUSTOMER_TYPES):  # one of each type first, so small demos show all
            kind = index
        low, span = STAGE_RANGE[kind]
        stage = low + int(r() * span)
        trade, word, form = companies.pick(self.rnd)
        self.facts.remember_customer(city, kind, stage, trade, word, self.next_contact, contacts)
        customer_id = f"{self.customer_base + index + 1}"
        parent = self.group_id if self.group_id and r() < 0.03 else null
        if form == 3:  # 集团有限公司: the chunk's next customers may be its subsidiaries
            self.group_id = customer_id
        created = -3000 + int(r() * 2990)
        updated = created + int(r() * -created)
        capital_text, capital = pools.capitals[int(r() * len(CAPITALS))]
        domain = pools.domains[trade][word]
        slot = index % len(self.owner_ids)
        ratings = RATINGS[kind]
        trade_name, trade_words = companies.trade_names[trade], companies.trade_words[word]
        name = place.name + trade_name + trade_words + companies.forms[form]
        return (
            customer_id, days[zero + created] + times[int(r() * 600)],
            days[zero + updated] + times[int(r() * 600)], f"C{customer_id:0>8}", name,
            place.pinyin + companies.trade_pinyins[trade] + companies.word_pinyins[word]
            + companies.form_pinyins[form], customer_name_key(name),
            trade_name + trade_words,
            place.initials + companies.trade_initials[trade] + companies.word_initials[word]
            + companies.form_initials[form],
            companies.english(place.name_en, trade, word, form) if r() < 0.3 else null,
            parent, pools.type_ids[kind], pools.industry_ids[word],
            pools.sources[int(r() * len(pools.sources))], *pools.place_ids[city],
            place.address_prefix + pools.address_tails[int(r() * Pools.ADDRESS_TAILS)],
            f"{place.postal_prefix[:4]}{int(r() * 100):02d}", place.phone(r),
            place.phone(r) if r() < 0.4 else null, f"www.{domain}" if r() < 0.6 else null,
            f"info@{domain}", self.codes.code(place.code, index + 1),
            pools.people[int(r() * Pools.PEOPLE)].name, capital_text,
            days[zero + created - int(r() * 2900)], f"{5 + int(r() ** 3 * 5000)}",
            world.formats.money_text(capital * (20 + int(r() * 400))), pools.stage_ids[stage],
            ratings[int(r() * len(ratings))] if ratings else null,
            pools.true if kind == 0 and r() < 0.15 else pools.false,
            BLACKLIST_REASONS[int(r() * 3)] if kind == 4 else null,
            days[zero - 1 - int(r() * 180)] + times[int(r() * 600)] if kind != 2 else null,
            days[zero + 1 + int(r() * 60)] if kind < 2 else null,
            self.owner_ids[slot], self.owner_departments[slot],
        )  # fmt: skip

    def _search_text(
        self,
        row: Row,
        searched: tuple[tuple[str, int | None], ...],
        fields_of: Callable[[Mapping[str, Any]], SearchFields],
    ) -> str:
        null = self.pools.null
        values = {
            column: None if index is None or row[index] == null else row[index]
            for column, index in searched
        }
        return search_text(fields_of(values))

    def _extension_row(self, customer: Row) -> Row:
        r = self.rnd.random
        word = self.facts.word[-1]
        trade_words = self.world.companies.trade_words[word]
        base = self.world.id_base
        return (
            f"{base['customer_extensions'] - base['customers'] + int(customer[C_ID])}",
            customer[C_CREATED], customer[C_UPDATED], customer[C_ID],
            f"{words.BANKS[int(r() * len(words.BANKS))]}{customer[C_ADDRESS][:2]}分行",
            f"6222{int(r() * 10**15):015d}", customer[C_CREDIT_CODE], customer[C_NAME],
            customer[C_ADDRESS], customer[C_PHONE], f"{trade_words}相关产品与服务的研发、销售",
            f"{trade_words}产品",
            self.world.formats.money_text(10_000_000 * (1 + int(r() * 50))), "期刊、网络",
            "市场部提出，总经理审批", customer[C_SHORT_NAME] if r() < 0.5 else self.pools.null,
        )  # fmt: skip

    def _add_contact(self, customer: Row, lead: bool, domain: str) -> None:
        pools, r = self.pools, self.rnd.random
        null = pools.null
        number = int(r() * Pools.PEOPLE)
        person = pools.people[number]
        self.facts.person.append(number)
        self.next_contact += 1
        contact_id = self.contact_base + self.next_contact
        position_id, job_title = (
            pools.lead_position if lead else pools.positions[int(r() * len(CONTACT_POSITIONS))]
        )
        qq = 10_000_000 + int(r() * 1_900_000_000)
        style = r()
        if style < 0.6:
            email = f"{person.mailbox}@{domain}"
        else:
            email = f"{qq}@qq.com" if style < 0.8 else f"{person.pinyin}{qq % 1000}@163.com"
        contact = (
            f"{contact_id}", customer[C_CREATED], customer[C_UPDATED], customer[C_ID],
            person.name, person.pinyin, person.mnemonic, person.gender,
            pools.address_forms[person.gender], position_id, job_title,
            null if lead else words.DEPARTMENT_WORDS[int(r() * len(words.DEPARTMENT_WORDS))],
            f"{pools.mobile_prefixes[int(r() * len(MOBILE_PREFIXES))]}{int(r() * 100_000_000):08d}",
            customer[C_PHONE], f"{800 + int(r() * 199)}" if r() < 0.4 else null, email,
            f"wx_{person.pinyin}{qq % 10000}" if r() < 0.5 else null,
            f"{qq}" if r() < 0.3 else null,
            f"{1960 + int(r() * 40)}-{1 + int(r() * 12):02d}-{1 + int(r() * 28):02d}"
            if r() < 0.4 else null,
            pools.true if lead else pools.false,
            pools.true if lead or r() < 0.1 else pools.false,
        )  # fmt: skip
        self.contacts.append(
            (*contact, self._search_text(contact, _CONTACT_SEARCHED, contact_search_fields))
        )
        if r() < self.contact_extension_share:
            self.contact_extensions.append(self._contact_extension_row(contact_id, customer))

    def _contact_extension_row(self, contact_id: int, customer: Row) -> Row:
        pools, r = self.pools, self.rnd.random
        places = pools.places
        assistant = r() < 0.3
        base = self.world.id_base
        return (
            f"{base['contact_extensions'] - base['contacts'] + contact_id}",
            customer[C_CREATED], customer[C_UPDATED], f"{contact_id}",
            words.HOBBIES[int(r() * len(words.HOBBIES))],
            words.EDUCATION[int(r() * len(words.EDUCATION))],
            places[int(r() * len(places))].region_name, words.MARITAL[int(r() * 3)],
            pools.people[int(r() * Pools.PEOPLE)].name if assistant else pools.null,
            customer[C_PHONE] if assistant else pools.null, CONTACT_METHODS[int(r() * 5)],
            pools.true if r() < 0.05 else pools.false, pools.true if r() < 0.03 else pools.false,
        )  # fmt: skip


# Positions in a customer row, for the rows derived from it.
C_ID, C_CREATED, C_UPDATED = 0, 1, 2
C_NAME, C_SHORT_NAME, C_ADDRESS, C_PHONE, C_CREDIT_CODE = (
    CUSTOMER_COLUMNS.index(column)
    for column in ("name", "short_name", "address", "phone", "credit_code")
)
# Where a row holds each column its search text is made of (None: the demo leaves it empty).
_CUSTOMER_SEARCHED = tuple((c, CUSTOMER_COLUMNS.index(c)) for c in CUSTOMER_SEARCH_COLUMNS)
_CONTACT_SEARCHED = tuple(
    (c, CONTACT_COLUMNS.index(c) if c in CONTACT_COLUMNS else None) for c in CONTACT_SEARCH_COLUMNS
)
