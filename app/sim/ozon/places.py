"""Warehouses and delivery methods of the simulated seller."""
from __future__ import annotations

import random
from dataclasses import dataclass

OZON_PROVIDER_ID = 24
OZON_PROVIDER_NAME = "Ozon Логистика"
PARTNER_PROVIDER_ID = 1
PARTNER_PROVIDER_NAME = "Партнёрская доставка Ozon"
# rFBS with the seller's own carrier: methods Ozon does not integrate with (``non_integrated``)
RUSSIAN_POST_PROVIDER = (1001, "Почта России")
CDEK_PROVIDER = (1002, "СДЭК")

_CITIES = ("Подольск", "Химки", "Москва", "Санкт-Петербург", "Казань", "Екатеринбург")


@dataclass(frozen=True, slots=True)
class Warehouse:
    warehouse_id: int
    name: str
    city: str
    is_rfbs: bool = False
    status: str = "created"


@dataclass(frozen=True, slots=True)
class DeliveryMethod:
    id: int
    name: str
    warehouse: Warehouse
    cutoff_hour: int  # UTC hour by which postings of this method must be packed
    provider_id: int = OZON_PROVIDER_ID
    provider_name: str = OZON_PROVIDER_NAME
    status: str = "ACTIVE"
    tpl_integration_type: str = "ozon"  # "aggregator": Ozon partner delivery (rFBS), 58x40 mm labels;
    # "non_integrated": rFBS by the seller's own carrier (the seller gives Ozon the tracking number)

    @property
    def partner_delivery(self) -> bool:
        return self.tpl_integration_type == "aggregator"

    @property
    def own_carrier(self) -> bool:
        return self.tpl_integration_type == "non_integrated"

    @property
    def cutoff(self) -> str:
        return f"{self.cutoff_hour:02d}:00"


def build_places(rng: random.Random) -> tuple[list[Warehouse], list[DeliveryMethod]]:
    """One or two FBS warehouses with two or three delivery methods between them."""
    cities = rng.sample(_CITIES, 2)
    warehouses = [
        Warehouse(warehouse_id=rng.randint(10**13, 10**14 - 1), name=f"Склад {city} FBS", city=city)
        for city in cities[: rng.choice((1, 2))]
    ]
    kinds = ["Ozon Логистика курьеру Ozon", "Ozon Логистика самостоятельно", "Ozon Логистика экспресс"]
    methods = []
    for index in range(rng.choice((2, 3))):
        warehouse = warehouses[index % len(warehouses)]
        methods.append(DeliveryMethod(
            id=rng.randint(10**9, 10**10 - 1) * 10 + index,
            name=f"{kinds[index]}, {warehouse.city}",
            warehouse=warehouse,
            cutoff_hour=rng.choice((9, 10, 11, 12, 13, 14)),
        ))
    return warehouses, methods


def partner_places(rng: random.Random) -> tuple[Warehouse, DeliveryMethod]:
    """An rFBS warehouse whose postings go by Ozon partner delivery (rFBS Aggregator)."""
    city = rng.choice(_CITIES)
    warehouse = Warehouse(warehouse_id=rng.randint(10**13, 10**14 - 1), name=f"Склад {city} rFBS", city=city,
                          is_rfbs=True)
    method = DeliveryMethod(id=rng.randint(10**9, 10**10 - 1) * 10 + 9, name=f"Партнёрская доставка Ozon, {city}",
                            warehouse=warehouse, cutoff_hour=rng.choice((10, 12, 14)),
                            provider_id=PARTNER_PROVIDER_ID, provider_name=PARTNER_PROVIDER_NAME,
                            tpl_integration_type="aggregator")
    return warehouse, method


def own_carrier_places(rng: random.Random) -> tuple[Warehouse, list[DeliveryMethod]]:
    """An rFBS warehouse whose postings the seller sends by Russian Post or CDEK, carriers Ozon is
    not integrated with (``non_integrated``): no carriage, a tracking number per parcel instead."""
    city = rng.choice(_CITIES)
    warehouse = Warehouse(warehouse_id=rng.randint(10**13, 10**14 - 1), name=f"Склад {city} rFBS своя доставка",
                          city=city, is_rfbs=True)
    methods = [DeliveryMethod(id=rng.randint(10**9, 10**10 - 1) * 10 + 7 + index, name=f"{name}, {city}",
                              warehouse=warehouse, cutoff_hour=rng.choice((12, 15, 17)), provider_id=provider,
                              provider_name=name, tpl_integration_type="non_integrated")
               for index, (provider, name) in enumerate((RUSSIAN_POST_PROVIDER, CDEK_PROVIDER))]
    return warehouse, methods
