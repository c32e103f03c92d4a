"""Every role against every action, tried through the admin as the demo users (editorial/permission_matrix.py)."""

import re
from pathlib import Path

from django.core.management import call_command

import pytest

from editorial.permission_matrix import ACTIONS, ROLES, as_markdown, try_action

pytestmark = pytest.mark.django_db

README = Path(__file__).resolve().parents[1] / "README.md"

YES, NO = True, False
# What each role must be able to do (issue #5): rows are ROLES, columns are ACTIONS.
EXPECTED = {
    #                      create edit submit peer  review publish unpub delete move translate edit-ar users feedback
    "EBE editor": [YES, YES, YES, NO, NO, NO, NO, NO, NO, NO, NO, NO, NO],
    "Peer reviewer": [YES, YES, YES, YES, NO, NO, NO, NO, NO, NO, NO, NO, NO],
    "Reviewer": [YES, YES, YES, NO, YES, YES, YES, YES, YES, NO, YES, NO, YES],
    "Administrator": [YES, YES, YES, YES, YES, YES, YES, YES, YES, YES, YES, YES, YES],
    "Translator (Arabic)": [NO, NO, NO, NO, NO, NO, NO, NO, NO, YES, YES, NO, NO],
}
CASES = [(role, username, action, EXPECTED[role][column]) for role, username in ROLES for column, (action, _function) in enumerate(ACTIONS)]


@pytest.mark.parametrize(("role", "username", "action", "allowed"), CASES, ids=[f"{case[0]}-{case[2]}" for case in CASES])
def test_each_role_may_do_exactly_what_it_should(role, username, action, allowed):
    assert try_action(username, action) is allowed, f"{role}: {action} should be {'allowed' if allowed else 'refused'}"


def test_trying_an_action_changes_nothing(unchanged):
    assert try_action("admin", "delete published") is True


def test_the_readme_shows_the_table_the_command_prints(capsys):
    call_command("permission_matrix")
    printed = capsys.readouterr().out.strip()
    expected = as_markdown({role: {action: EXPECTED[role][i] for i, (action, _f) in enumerate(ACTIONS)} for role, _u in ROLES})
    assert printed == expected
    assert expected in README.read_text()
    assert re.search(r"manage\.py permission_matrix", README.read_text())


def test_the_command_says_what_to_do_without_the_demo_users(users):
    from django.core.management import CommandError

    users["peer"].delete()
    with pytest.raises(CommandError, match="run `manage.py load_demo` first"):
        call_command("permission_matrix")
