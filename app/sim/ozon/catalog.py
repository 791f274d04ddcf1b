"""The simulated seller's catalogue: products with Ozon ids, barcodes, weights and sizes.

Everything is drawn from the caller's seeded ``random.Random``, so one seed gives one catalogue.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from app.sim.ozon import ean

# (name, offer prefix, weight g, (length, width, height) mm, price RUB, needs a marking code)
# Marked goods follow the Chestny ZNAK categories (shoes, clothes, perfume, water, textiles...).
_KINDS: tuple[tuple[str, str, tuple[int, int], tuple[int, int, int], tuple[int, int], bool], ...] = (
    ("Кружка керамическая", "MUG", (280, 450), (120, 95, 100), (390, 990), False),
    ("Термос стальной", "TRM", (350, 700), (260, 80, 80), (990, 2990), False),
    ("Чехол для смартфона", "CAS", (30, 80), (170, 90, 15), (290, 1290), False),
    ("Зарядное устройство USB-C 20 Вт", "CHG", (60, 120), (90, 60, 35), (690, 1990), False),
    ("Кабель USB-C 1 м", "CBL", (25, 60), (150, 90, 20), (190, 790), False),
    ("Наушники беспроводные", "EAR", (90, 180), (110, 90, 45), (1490, 6990), False),
    ("Набор отвёрток 24 предмета", "SCR", (300, 650), (200, 120, 40), (590, 2490), False),
    ("Сковорода антипригарная 26 см", "PAN", (900, 1500), (460, 270, 60), (1290, 3990), False),
    ("Мягкая игрушка Медведь 30 см", "TOY", (150, 350), (300, 200, 150), (490, 1490), False),
    ("Лампа настольная LED", "LMP", (500, 1200), (350, 180, 150), (1290, 3490), False),
    ("Рюкзак городской 20 л", "BAG", (400, 900), (420, 300, 120), (1490, 4990), False),
    ("Коврик для йоги 6 мм", "YOG", (700, 1300), (620, 130, 130), (890, 2490), False),
    ("Бутылка для воды 750 мл", "BTL", (120, 300), (260, 80, 80), (390, 1290), False),
    ("Батарейки AA 4 шт", "BAT", (90, 110), (100, 70, 15), (190, 490), False),
    ("Ежедневник A5", "NTB", (250, 450), (215, 150, 20), (390, 1190), False),
    ("Органайзер для кабелей", "ORG", (40, 120), (180, 110, 30), (190, 690), False),
    ("Кроссовки беговые", "SNK", (600, 1100), (330, 220, 120), (2990, 8990), True),
    ("Футболка хлопковая", "TSH", (150, 260), (300, 250, 20), (590, 1990), True),
    ("Парфюмерная вода 50 мл", "PRF", (180, 320), (120, 80, 60), (1990, 6990), True),
    ("Полотенце махровое 70x140", "TWL", (400, 600), (300, 250, 60), (690, 1790), True),
    ("Носки спортивные 5 пар", "SCK", (150, 250), (220, 150, 40), (390, 990), True),
    ("Вода минеральная 0,5 л, 6 шт", "WTR", (3100, 3300), (250, 170, 210), (390, 690), True),
)
_BRANDS = ("HomeLine", "Nordik", "Urban", "Volna", "Sever", "Tochka", "Kedr", "Luch", "Bereg", "Polus")
_COLORS = ("чёрный", "белый", "синий", "красный", "серый", "зелёный", "бежевый", "жёлтый")
_MARKED_SHARE = 0.10


@dataclass(frozen=True, slots=True)
class Product:
    product_id: int
    sku: int
    offer_id: str
    name: str
    barcodes: tuple[str, ...]  # EAN-13 codes first, then OZN<sku>
    weight_g: int
    depth_mm: int  # length
    width_mm: int
    height_mm: int
    price: str  # "1290.00", RUB
    needs_mark: bool
    description_category_id: int
    type_id: int


def product_count_for(postings: int) -> int:
    """About 60 products for a small shop, more for a big one (10k postings: 1000)."""
    return max(60, min(5000, postings // 10))


def build_catalog(rng: random.Random, count: int) -> list[Product]:
    """``count`` products with unique ids and barcodes, about 10 % needing marking codes."""
    marked_kinds = [k for k in _KINDS if k[5]]
    plain_kinds = [k for k in _KINDS if not k[5]]
    skus: set[int] = set()
    product_ids: set[int] = set()
    eans: set[str] = set()
    products = []
    for index in range(count):
        needs_mark = rng.random() < _MARKED_SHARE
        kind_no = rng.randrange(len(marked_kinds if needs_mark else plain_kinds))
        kind = (marked_kinds if needs_mark else plain_kinds)[kind_no]
        name, prefix, (w_lo, w_hi), (depth, width, height), (p_lo, p_hi), _ = kind
        sku = _unique(rng, skus, 100_000_000, 3_999_999_999)
        product_id = _unique(rng, product_ids, 10_000_000, 999_999_999)
        codes = []
        for _ in range(rng.choice((1, 1, 2))):
            code = ean.random_ean13(rng)
            while code in eans:
                code = ean.random_ean13(rng)
            eans.add(code)
            codes.append(code)
        codes.append(f"OZN{sku}")
        color = rng.choice(_COLORS)
        products.append(Product(
            product_id=product_id,
            sku=sku,
            offer_id=f"{prefix}-{index + 1:05d}",
            name=f"{name} {rng.choice(_BRANDS)}, {color}",
            barcodes=tuple(codes),
            weight_g=rng.randint(w_lo, w_hi),
            depth_mm=_jitter(rng, depth),
            width_mm=_jitter(rng, width),
            height_mm=_jitter(rng, height),
            price=f"{rng.randint(p_lo // 100, p_hi // 100) * 100 + 90}.00",
            needs_mark=needs_mark,
            description_category_id=17_027_000 + _KINDS.index(kind),
            type_id=90_000 + _KINDS.index(kind),
        ))
    return products


def _unique(rng: random.Random, taken: set[int], low: int, high: int) -> int:
    value = rng.randint(low, high)
    while value in taken:
        value = rng.randint(low, high)
    taken.add(value)
    return value


def _jitter(rng: random.Random, mm: int) -> int:
    return max(5, round(mm * rng.uniform(0.9, 1.1)))
