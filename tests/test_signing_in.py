"""Signing in to the admin: repeated wrong passwords pause it, sessions end, passwords are checked."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-password-for-tests"
LOGIN = "/admin/login/"
OFFICE = "203.0.113.7"


@pytest.fixture
def editor(users):
    user = users["editor"]
    user.set_password(PASSWORD)
    user.save()
    return user


def sign_in(client, username, password, address=OFFICE):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=address)


def fail(client, user, times, address=OFFICE):
    for _ in range(times):
        response = sign_in(client, user.username, "not-the-password", address)
    return response


def is_signed_in(client):
    return client.get("/admin/").status_code == 200


def test_the_right_password_signs_in(client, editor):
    response = sign_in(client, editor.username, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert is_signed_in(client)


def test_a_few_wrong_passwords_only_say_the_password_is_wrong(client, editor, settings):
    response = fail(client, editor, settings.AXES_FAILURE_LIMIT - 1)
    assert response.status_code == 200
    assert "Your username and password didn" in response.text
    assert sign_in(client, editor.username, PASSWORD).status_code == 302


def test_too_many_wrong_passwords_pause_signing_in_with_a_plain_english_message(client, editor, settings):
    response = fail(client, editor, settings.AXES_FAILURE_LIMIT)
    assert response.status_code == 429
    # Wagtail's own sign-in page, with the form, not a bare error text.
    assert "Sign in to Wagtail" in response.text
    assert 'name="password"' in response.text
    assert "Too many wrong passwords for this account." in response.text
    assert "signing in is paused for 15 minutes" in response.text
    assert f'value="{editor.username}"' in response.text
    assert "not-the-password" not in response.text


def test_during_the_pause_even_the_right_password_is_refused(client, editor, settings):
    fail(client, editor, settings.AXES_FAILURE_LIMIT)
    response = sign_in(client, editor.username, PASSWORD)
    assert response.status_code == 429
    assert "Too many wrong passwords for this account." in response.text
    assert not is_signed_in(client)


def test_after_the_pause_the_right_password_works_again(client, editor, settings):
    fail(client, editor, settings.AXES_FAILURE_LIMIT)
    # The failures happened a cool-off period ago.
    AccessAttempt.objects.update(attempt_time=timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1))
    response = sign_in(client, editor.username, PASSWORD)
    assert response.status_code == 302
    assert is_signed_in(client)


def test_a_colleague_at_the_same_address_can_still_sign_in(editor, users, settings):
    fail(Client(), editor, settings.AXES_FAILURE_LIMIT)
    colleague = users["reviewer"]
    colleague.set_password(PASSWORD)
    colleague.save()
    client = Client()
    assert sign_in(client, colleague.username, PASSWORD).status_code == 302
    assert is_signed_in(client)


def test_the_same_account_from_another_address_is_not_paused(editor, settings):
    # Nobody can lock an editor out by guessing their password from somewhere else.
    fail(Client(), editor, settings.AXES_FAILURE_LIMIT, address="198.51.100.1")
    client = Client()
    assert sign_in(client, editor.username, PASSWORD, address=OFFICE).status_code == 302


def test_wrong_passwords_for_many_accounts_from_one_address_do_not_pause_the_others(client, editor, users, settings):
    # Guessing is paused per account; an office sharing one address keeps working.
    for user in [users["peer"], users["translator-ar"]]:
        assert fail(client, user, settings.AXES_FAILURE_LIMIT).status_code == 429
    assert sign_in(Client(), editor.username, PASSWORD).status_code == 302


def test_a_successful_sign_in_forgets_earlier_mistakes(client, editor, settings):
    fail(client, editor, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client, editor.username, PASSWORD).status_code == 302
    client.logout()
    assert fail(client, editor, settings.AXES_FAILURE_LIMIT - 1).status_code == 200


def test_sign_in_lasts_at_most_a_working_day(client, editor, settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    sign_in(client, editor.username, PASSWORD)
    session = Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value)
    assert timedelta(hours=7, minutes=59) < session.expire_date - timezone.now() <= timedelta(hours=8)


def test_remember_me_cannot_make_it_longer(client, editor, settings):
    client.post(LOGIN, {"username": editor.username, "password": PASSWORD, "remember": "on"}, REMOTE_ADDR=OFFICE)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 8 * 60 * 60
    session = Session.objects.get(session_key=cookie.value)
    assert session.expire_date - timezone.now() <= timedelta(hours=8)


def test_an_expired_session_must_sign_in_again(client, editor, settings):
    sign_in(client, editor.username, PASSWORD)
    assert is_signed_in(client)
    Session.objects.filter(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("short1", "too short"),
        ("password123", "too common"),
        ("4815162342", "entirely numeric"),
        ("editor", "too similar"),
    ],
)
def test_weak_passwords_are_refused(users, password, reason):
    user = users["editor"]
    with pytest.raises(ValidationError, match=reason):
        validate_password(password, user)


def test_a_strong_password_is_accepted(users):
    assert validate_password("fern lantern quietly orbit", users["editor"]) is None


def test_an_administrator_setting_a_weak_password_gets_the_reason(client, users):
    client.force_login(users["admin"])
    editor = users["editor"]
    response = client.post(
        reverse("wagtailusers_users:edit", args=[editor.pk]),
        {
            "username": editor.username,
            "email": editor.email or "editor@example.org",
            "first_name": editor.first_name or "Amina",
            "last_name": editor.last_name or "Editor",
            "password1": "password123",
            "password2": "password123",
            "is_active": "on",
            "groups": [group.pk for group in editor.groups.all()],
        },
    )
    assert response.status_code == 200
    assert "This password is too common." in response.text
    assert get_user_model().objects.get(pk=editor.pk).check_password("password123") is False
