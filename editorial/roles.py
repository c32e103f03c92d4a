"""The groups behind each role in the design, their permissions, and the review workflows.

Run by ``manage.py setup_roles`` (and by ``load_demo``). Safe to run again: it adds what is
missing and never removes permissions someone granted by hand.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from editorial.models import PeerReviewTask, TranslationReviewTask

EBE_EDITORS = "EBE editors"
PEER_REVIEWERS = "Peer reviewers"
REVIEWERS = "Reviewers"
ADMINISTRATORS = "Administrators"
CO_PRODUCTION_REVIEW = "Co-production review"
PEER_REVIEW = "Peer review by an Expert by Experience"

# Page actions each role may take on the pages of its tree. Anyone may unlock their own lock;
# only reviewers may unlock a page someone else locked.
EDITOR_PAGE_ACTIONS = ["add_page", "change_page", "lock_page"]
REVIEWER_PAGE_ACTIONS = [*EDITOR_PAGE_ACTIONS, "unlock_page", "publish_page", "bulk_delete_page"]
TRANSLATOR_PAGE_ACTIONS = ["add_page", "change_page"]
# A language's reviewers approve and publish its translations, in that language's tree only.
LANGUAGE_REVIEWER_PAGE_ACTIONS = [*EDITOR_PAGE_ACTIONS, "unlock_page", "publish_page"]

# Captions attached to a video or audio file, per language (translators: their own language only).
CAPTION_ACTIONS = ["add_captiontrack", "change_captiontrack"]

# Library actions: editors and translators upload and choose images, documents, video and audio.
LIBRARY_ACTIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailmedia", "add_media"),
    ("wagtailmedia", "choose_media"),
]


def translator_group_name(language_code):
    """ "Translators: Arabic", named in English so every admin sees the same group name."""
    return f"Translators: {_language_name(language_code)}"


def _language_name(language_code):
    with translation.override("en"):
        return translation.get_language_info(language_code)["name"]


def language_reviewer_group_name(language_code):
    """ "Reviewers: Arabic": the people who approve and publish Arabic translations."""
    return f"Reviewers: {_language_name(language_code)}"


def translation_review_name(language_code):
    """ "Translation review (Arabic)": the workflow every Arabic page goes through before publishing."""
    return f"Translation review ({_language_name(language_code)})"


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=_permission("wagtailcore", codename))


def _grant_library(group, collection):
    for app_label, codename in LIBRARY_ACTIONS:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=permission)


def _group(name, *model_permissions):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(_permission("wagtailadmin", "access_admin"), *model_permissions)
    return group


def _snippet_permissions(*codenames):
    return [_permission("guidance_pages", codename) for codename in codenames]


def _approval_task(name, group):
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    task.groups.add(group)
    return task


def _peer_review_task(name, group):
    """The peer step; on a site set up before it existed, the plain approval step becomes it in place."""
    task = GroupApprovalTask.objects.filter(name=name).first()
    if task is not None and not PeerReviewTask.objects.filter(pk=task.pk).exists():
        # Same row, history and workflow position: only the kind of step changes.
        PeerReviewTask(groupapprovaltask_ptr_id=task.pk).save_base(raw=True)
        Task.objects.filter(pk=task.pk).update(content_type=ContentType.objects.get_for_model(PeerReviewTask))
    task = PeerReviewTask.objects.filter(pk=task.pk).first() if task else PeerReviewTask.objects.create(name=name)
    task.groups.add(group)
    return task


def _translation_review_task(language_code, group):
    name = f"Approval by {group.name.split(': ', 1)[0].lower()} of {_language_name(language_code)}"
    task = TranslationReviewTask.objects.filter(name=name).first()
    if task is None:
        task = TranslationReviewTask.objects.create(name=name, machine_text_must_be_checked=True)
    task.groups.add(group)
    return task


def _setup_language_review(code, home):
    """The "Reviewers: <language>" group and the "Translation review (<language>)" workflow on its home page."""
    reviewers = _group(language_reviewer_group_name(code))
    _grant_library(reviewers, Collection.get_first_root_node())
    if home is None:
        return reviewers
    _grant_pages(reviewers, home, LANGUAGE_REVIEWER_PAGE_ACTIONS)
    workflow, _created = Workflow.objects.get_or_create(name=translation_review_name(code))
    if not workflow.workflow_tasks.exists():
        WorkflowTask.objects.create(workflow=workflow, task=_translation_review_task(code, reviewers), sort_order=0)
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return reviewers


def setup_roles(source_home):
    """Create every role's group, the co-production review workflow on the English pages, and a
    translation review workflow on each other language's home page."""
    root_collection = Collection.get_first_root_node()
    snippet_edit = _snippet_permissions(
        "add_contributor", "change_contributor", "add_glossaryterm", "change_glossaryterm", *CAPTION_ACTIONS
    )
    # The team keeps the plain-English checker's lists (plainer words, words we use and avoid).
    snippet_edit += [
        _permission("plain_english", codename)
        for codename in ("add_plainerword", "change_plainerword", "add_preferredterm", "change_preferredterm")
    ]

    editors = _group(EBE_EDITORS, *snippet_edit)
    _grant_pages(editors, source_home, EDITOR_PAGE_ACTIONS)
    _grant_library(editors, root_collection)

    peers = _group(PEER_REVIEWERS, *snippet_edit)
    _grant_pages(peers, source_home, EDITOR_PAGE_ACTIONS)
    _grant_library(peers, root_collection)

    read_feedback = [_permission("feedback", "view_pagefeedback"), _permission("feedback", "change_pagefeedback")]
    reviewers = _group(
        REVIEWERS,
        *snippet_edit,
        *read_feedback,
        *_snippet_permissions(
            "delete_contributor", "delete_glossaryterm", "change_navigationmenu", "change_footertext", "delete_captiontrack"
        ),
        _permission("plain_english", "delete_plainerword"),
        _permission("plain_english", "delete_preferredterm"),
    )
    _grant_pages(reviewers, Page.get_first_root_node(), REVIEWER_PAGE_ACTIONS)
    _grant_library(reviewers, root_collection)

    administrators = _group(
        ADMINISTRATORS,
        _permission("auth", "add_user"),
        _permission("auth", "change_user"),
        _permission("auth", "delete_user"),
        _permission("auth", "change_group"),
        *read_feedback,
        *_snippet_permissions(*CAPTION_ACTIONS, "delete_captiontrack"),
    )
    _grant_pages(administrators, Page.get_first_root_node(), REVIEWER_PAGE_ACTIONS)
    _grant_library(administrators, root_collection)

    # Translators work only in their own language's tree; the source pages stay out of reach.
    translate_permission = Permission.objects.filter(content_type__app_label="wagtail_localize", codename="submit_translation").first()
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        # Captions in their own language for any video or audio (guidance_pages.models.media). Their
        # language's contributors, glossary, menu, footer and words come from the group's name, not
        # from a model permission (editorial/snippet_permissions.py).
        group = _group(translator_group_name(code), *_snippet_permissions(*CAPTION_ACTIONS))
        if translate_permission is not None:
            group.permissions.add(translate_permission)
        locale = Locale.objects.filter(language_code=code).first()
        home = source_home.get_translation_or_none(locale) if locale else None
        if home is not None:
            _grant_pages(group, home, TRANSLATOR_PAGE_ACTIONS)
        _grant_library(group, root_collection)
        _setup_language_review(code, home)

    workflow, _created = Workflow.objects.get_or_create(name=CO_PRODUCTION_REVIEW)
    peer_review = _peer_review_task(PEER_REVIEW, peers)
    if not workflow.workflow_tasks.exists():
        tasks = [peer_review, _approval_task("Approval by a reviewer", reviewers)]
        for order, task in enumerate(tasks):
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.get_or_create(page=source_home, defaults={"workflow": workflow})
    return {"editors": editors, "peers": peers, "reviewers": reviewers, "administrators": administrators}
