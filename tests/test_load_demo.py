"""Loading the demo again is safe: it adds nothing and changes nothing."""

from django.apps import apps
from django.core.management import call_command

from wagtail import blocks
from wagtail.models import Page, Revision

from guidance_pages.blocks import GuideBodyBlock
from guidance_pages.demo import load_demo, with_list_item_ids
from guidance_pages.models import GuideChapterPage, StandardPage


def snapshot():
    """Row counts of every table, plus what could change without changing a count."""
    counts = {model._meta.label: model.objects.count() for model in apps.get_models() if not model._meta.proxy}
    pages = list(Page.objects.order_by("pk").values_list("pk", "title", "live", "latest_revision_id", "url_path"))
    return counts, pages, Revision.objects.order_by("-pk").values_list("pk", flat=True).first()


def test_loading_the_demo_twice_changes_nothing(db):
    before = snapshot()
    added, users = load_demo()
    assert added == []
    assert snapshot() == before
    assert {username for username, _name in users} >= {"admin", "editor", "peer", "reviewer", "translator-ar"}


def test_load_demo_command_says_nothing_changed_and_prints_the_logins(db, capsys):
    call_command("load_demo")
    output = capsys.readouterr().out
    assert "nothing changed" in output
    assert "admin" in output and "guidance-demo" in output


def stored_lists(block, value):
    """Every list value (as stored in the database) inside one block's raw data."""
    if isinstance(block, blocks.ListBlock):
        yield block, value
        for item in value:
            if isinstance(item, dict) and "value" in item:
                yield from stored_lists(block.child_block, item["value"])
    elif isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        for name, child in block.child_blocks.items():
            if name in value:
                yield from stored_lists(child, value[name])


def test_demo_lists_are_stored_in_the_format_wagtail_localize_translates(db):
    """Plain lists are Wagtail's old format: wagtail-localize skips them, so translators never see them."""
    kinds = set()
    for page in [*GuideChapterPage.objects.all(), *StandardPage.objects.all()]:
        stream_block = page.body.stream_block
        for child in page.body.raw_data:
            for list_block, value in stored_lists(stream_block.child_blocks[child["type"]], child["value"]):
                kinds.add(list_block.label)
                assert value, f"{page.url_path}: an empty list"
                for item in value:
                    assert isinstance(item, dict) and item.get("type") == "item" and item.get("id"), (
                        f"{page.url_path}: old list format {item!r}"
                    )
                ids = [item["id"] for item in value]
                assert len(set(ids)) == len(ids), f"{page.url_path}: two list items share an id"
    assert {"Items", "Steps", "Links", "Captions"} <= {str(kind) for kind in kinds}


def test_demo_list_item_ids_are_made_from_their_text():
    """Loading the demo into another database gives every list item the same id; the same text
    twice in one list still gets two ids."""
    checklist = GuideBodyBlock().child_blocks["checklist"]
    value = {"title": "", "items": ["Book a room", "Bring tea", "Book a room"]}
    first, again = with_list_item_ids(checklist, value), with_list_item_ids(checklist, dict(value))
    assert first == again
    assert [item["value"] for item in first["items"]] == value["items"]
    assert len({item["id"] for item in first["items"]}) == 3
    # Lists already in the current format keep their ids.
    assert with_list_item_ids(checklist, first) == first
    # A step list's items are made from the whole step, title and details.
    steps = GuideBodyBlock().child_blocks["steps"]
    one = with_list_item_ids(steps, {"title": "", "steps": [{"title": "Ask", "text": "Kindly."}]})
    other = with_list_item_ids(steps, {"title": "", "steps": [{"title": "Ask", "text": "Plainly."}]})
    assert one["steps"][0]["id"] != other["steps"][0]["id"]
