"""Loading the demo again is safe: it adds nothing and changes nothing."""

from django.apps import apps
from django.core.management import call_command

from wagtail.models import Page, Revision

from guidance_pages.demo import load_demo


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
