"""The demo's sheet of sample marking codes: every DataMatrix on it reads back as the exact code
(GS1, GS separators kept), the codes are ones the simulated registry accepts for the demo's marked
postings, and the two codes "to try" are refused by it; ``packdesk demo`` writes it in its data dir."""
from __future__ import annotations

import zxingcpp

from app.cli.demo import SAMPLE_MARKS, write_sample_marks
from app.services.labels.marks_sheet import sheet_pages
from app.sim.ozon import World, WorldConfig
from app.sim.ozon.marks import GS, demo_sheet, gtin_of, registry_errors


def test_every_code_on_the_sheet_reads_back_exactly_as_a_gs1_datamatrix():
    world = World(WorldConfig(postings=40, seed=7))
    sections = demo_sheet(world)
    codes = [code for _, entries in sections for _, code in entries]
    read = []
    for page in sheet_pages(sections, "sample marking codes"):
        found = zxingcpp.read_barcodes(page.convert("L"), formats=zxingcpp.BarcodeFormat.DataMatrix,
                                       text_mode=zxingcpp.TextMode.Plain)
        assert all(b.symbology_identifier == "]d2" for b in found)  # GS1 DataMatrix: FNC1 first
        read += [b.text for b in found]
    assert sorted(read) == sorted(codes) and all(code.count(GS) == 2 for code in codes)


def test_the_sheet_holds_a_code_for_each_marked_unit_and_two_the_registry_refuses():
    world = World(WorldConfig(postings=40, seed=7))
    sections = demo_sheet(world)
    *postings, (_, trials) = sections
    assert postings and len({code for _, entries in sections for _, code in entries}) == sum(
        len(entries) for _, entries in sections)  # no code twice
    for number, entries in postings:
        posting = world.peek(number)
        assert len(entries) == sum(x.quantity for x in posting.lines if world.needs_mark[x.sku])
        skus = [x.sku for x in posting.lines if world.needs_mark[x.sku]]
        gtins = {gtin_of(b) for sku in skus for b in world.product_by_sku[sku].barcodes if b.isdigit()}
        assert all(registry_errors(code, gtins) == [] for _, code in entries)
    first_gtins = {gtin_of(b) for p in world.products for b in p.barcodes if b.isdigit() and world.needs_mark[p.sku]}
    assert [registry_errors(code, first_gtins) for _, code in trials] == [["MARK_NOT_FOUND"], ["MARK_GTIN_MISMATCH"]]


def test_the_demo_writes_the_sheet_in_its_data_dir(tmp_path):
    world = World(WorldConfig(postings=40, seed=7))
    path = write_sample_marks(world, tmp_path, "ru")
    assert path == tmp_path / SAMPLE_MARKS and path.read_bytes().startswith(b"%PDF")
