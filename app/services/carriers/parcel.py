"""A packed posting as a carrier shipment asks for it (pure but for the reads): weight from the
scale, dimensions from the products' sizes, declared value from the prices, recipient and address
from Ozon's posting (rFBS with the seller's own carrier), and the checks made before any carrier
is asked (no address, a weight of 0)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from app.services.carriers.base import (
    BAD_ADDRESS, INVALID, WEIGHT, Address, CarrierRefused, Item, Parcel, Recipient,
)

MIN_CM = 1


def _kop(price: str | None) -> int:
    try:
        return int((Decimal(price or "0") * 100).to_integral_value())
    except InvalidOperation:
        return 0


def build_parcel(posting, products: dict, addressee) -> Parcel:
    """``posting``: the cached PostingRow with items; ``products``: sku → ProductRow;
    ``addressee``: Ozon's ``Addressee`` (None when Ozon gave none)."""
    items, heights, widths, depths = [], [], [], []
    for line in posting.items:
        product = products.get(line.sku)
        unit_g = int(product.weight_g or 0) if product is not None else 0
        items.append(Item(line.name, line.offer_id, line.quantity, _kop(line.price), unit_g))
        if product is not None:
            heights.append((product.height_mm or 0) * line.quantity)
            widths.append(product.width_mm or 0)
            depths.append(product.depth_mm or 0)
    weight = posting.measured_weight_g or sum(i.weight_g * i.quantity for i in items)

    def cm(mm: float) -> int:
        return max(MIN_CM, round(mm / 10))

    a = addressee
    address = Address(postcode=(a.zip_code if a else "").strip(), city=(a.city if a else "").strip(),
                      street=(a.address_tail if a else "").strip(), region=(a.region if a else "").strip())
    recipient = Recipient(name=(a.name if a else "").strip(), phone=(a.phone if a else "").strip(), address=address)
    return Parcel(reference=posting.posting_number, weight_g=int(round(weight or 0)),
                  length_cm=cm(max(depths, default=0)), width_cm=cm(max(widths, default=0)),
                  height_cm=cm(sum(heights)), declared_value_kop=sum(i.price_kop * i.quantity for i in items),
                  recipient=recipient, items=tuple(items))


def check_parcel(parcel: Parcel) -> None:
    """CarrierRefused for what no carrier would take (said in our words, before any call)."""
    a = parcel.recipient.address
    missing = [name for name, value in (("postcode", a.postcode), ("city", a.city), ("street and house", a.street),
                                        ("recipient's name", parcel.recipient.name)) if not value]
    if missing:
        raise CarrierRefused(f"the address is incomplete: no {', no '.join(missing)}", kind=BAD_ADDRESS,
                             code="address_incomplete")
    if not (a.postcode.isdigit() and len(a.postcode) == 6):
        raise CarrierRefused(f"{a.postcode!r} is not a Russian postcode (6 digits)", kind=BAD_ADDRESS,
                             code="postcode")
    if parcel.weight_g <= 0:
        raise CarrierRefused("the parcel weighs 0 g: weigh it again", kind=WEIGHT, code="weight_zero")
    if not parcel.items:
        raise CarrierRefused("the parcel has no items", kind=INVALID, code="no_items")
