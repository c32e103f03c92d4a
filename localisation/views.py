"""The translators' desk in the admin: each language's dashboard, the coverage matrix, assignments."""

import csv

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import TranslationSource

from editorial.snippet_permissions import policy_for
from localisation.access import is_coordinator, locales_for, translator_language_codes, translators_of
from localisation.models import TranslationAssignment
from localisation.states import NOT_STARTED, STATES, count_by_state, coverage, states_for_locale

NO_GUIDE = "none"


def language_name(locale):
    return locale.get_display_name()


def find_locale(request, language_code):
    """The language of the address, or None with a message saying it does not exist here."""
    locale = Locale.objects.filter(language_code=language_code).exclude(language_code=settings.LANGUAGE_CODE).first()
    if locale is None:
        messages.error(request, _("There is no language “%(code)s” to translate into on this site.") % {"code": language_code[:20]})
    return locale


class DeskFilterForm(forms.Form):
    """The dashboard's filters. Unknown values are reported and ignored, never a server error."""

    guide = forms.ChoiceField(label=gettext_lazy("Guide"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)

    def __init__(self, data, guides):
        super().__init__(data)
        self.fields["guide"].choices = [("", _("All guides and other items")), *guides, (NO_GUIDE, _("Not in a guide"))]
        self.fields["state"].choices = [("", _("Every state")), *STATES]

    def apply(self, states):
        if not self.is_valid():
            return states
        guide, state = self.cleaned_data["guide"], self.cleaned_data["state"]
        if guide == NO_GUIDE:
            states = [item for item in states if item.guide_key is None]
        elif guide:
            states = [item for item in states if item.guide_key == guide]
        if state:
            states = [item for item in states if item.state == state]
        return states


def may_open(user, item, coordinator):
    """Whether the link opens an editor this person may use (else the row says who to ask)."""
    if item.kind == "page":
        # Wagtail checks the page permission; translators may edit their own language's tree
        return item.parent_translated if item.target_id is None else True
    model = _snippet_model(item)
    policy = policy_for(model)
    if item.target_id is None:
        if policy is not None:
            return policy.may_translate_into(user, item.locale)
        return user.has_perm(get_permission_name("add", model))
    if policy is not None:
        return policy.may_change_in(user, item.locale)
    return user.has_perm(get_permission_name("change", model))


def _snippet_model(item):
    from django.apps import apps

    return apps.get_model("guidance_pages", item.model)


class DeskHomeView(WagtailAdminTemplateMixin, TemplateView):
    """ "Translations to do": the person's own language, or a choice of languages for coordinators."""

    template_name = "localisation/desk_home.html"
    page_title = gettext_lazy("Translations to do")
    header_icon = "wagtail-localize-language"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": "", "label": gettext_lazy("Translations to do")},
    ]

    def get(self, request, *args, **kwargs):
        locales = locales_for(request.user)
        if not locales:
            return permission_denied(request)
        if len(locales) == 1:
            return redirect("localisation_desk", language_code=locales[0].language_code)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["locales"] = locales_for(self.request.user)
        context["coordinator"] = is_coordinator(self.request.user)
        return context


class LanguageDeskView(WagtailAdminTemplateMixin, TemplateView):
    """One language's dashboard: every page and snippet with its state, what is assigned to you first."""

    template_name = "localisation/desk.html"
    header_icon = "wagtail-localize-language"

    def dispatch(self, request, language_code, *args, **kwargs):
        self.locale = find_locale(request, language_code)
        if self.locale is None:
            return redirect("localisation_desk_home") if locales_for(request.user) else permission_denied(request)
        if self.locale not in locales_for(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Translations into %(language)s") % {"language": language_name(self.locale)}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        coordinator = is_coordinator(user)
        states = states_for_locale(self.locale, user=user)
        guides = [(item.key, item.title) for item in states if item.model == "guidepage"]
        form = DeskFilterForm(self.request.GET, guides)
        in_guide = DeskFilterForm({"guide": self.request.GET.get("guide", "")}, guides).apply(states)
        shown = form.apply(states)
        for item in shown:
            item.extra["may_open"] = may_open(user, item, coordinator)
            item.extra["assigned_to_you"] = item.assigned_to_id == user.pk
        translators = {person.pk: person for person in translators_of(self.locale)}
        for item in shown:
            item.extra["assignee"] = translators.get(item.assigned_to_id)
        guide_value = form.cleaned_data.get("guide", "") if form.is_valid() else ""
        context.update(
            locale=self.locale,
            form=form,
            items=shown,
            counts=[(state, label, count_by_state(in_guide)[state]) for state, label in STATES],
            guide_value=guide_value,
            coordinator=coordinator,
            assigned=[item for item in states if item.assigned_to_id == user.pk],
            not_started=NOT_STARTED,
            text_direction="rtl" if translation.get_language_bidi() else "ltr",
        )
        return context


class CoverageView(WagtailAdminTemplateMixin, TemplateView):
    """For coordinators: every page and snippet (rows) by language (columns), with percentages and CSV."""

    template_name = "localisation/coverage.html"
    page_title = gettext_lazy("Translation coverage")
    header_icon = "table"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": "", "label": gettext_lazy("Translation coverage")},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not is_coordinator(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format", "")
        if fmt not in ("", "html", "csv"):
            messages.error(
                request,
                _("The coverage can be shown as a table or downloaded as CSV; “%(format)s” is not one of them.") % {"format": fmt[:20]},
            )
            return redirect("localisation_coverage")
        if fmt == "csv":
            return coverage_csv(coverage())
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        matrix = coverage()
        context.update(
            matrix=matrix,
            columns=[(locale, matrix.percentages[locale.pk]) for locale in matrix.locales],
            states=STATES,
        )
        return context


def coverage_csv(matrix):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="translation-coverage.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Item"), _("Type"), _("Guide"), *[locale.language_code for locale in matrix.locales]])
    for first, cells in matrix.rows:
        row = [first.title, first.type_label, first.guide_title]
        for cell in cells:
            label = str(cell.state_label)
            if cell.state == "in_progress" and cell.total is not None:
                label = f"{label} ({cell.translated}/{cell.total})"
            row.append(label)
        writer.writerow(_safe_csv(row))
    writer.writerow(_safe_csv([_("Published (%)"), "", "", *[matrix.percentages[locale.pk] for locale in matrix.locales]]))
    return response


def _safe_csv(values):
    """Cells starting with = + - @ are read as formulas by spreadsheets; a quote keeps them text."""
    return [f"'{value}" if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") else value for value in values]


class AssignmentForm(forms.Form):
    """Choose who translates one page into one language: only people in that language's translator group."""

    translator = forms.ModelChoiceField(
        label=gettext_lazy("Translator"),
        queryset=None,
        required=False,
        empty_label=gettext_lazy("Nobody (remove the assignment)"),
        error_messages={"invalid_choice": gettext_lazy("Choose one of the translators of this language. Only they can translate into it.")},
    )

    def __init__(self, data, locale):
        super().__init__(data)
        self.fields["translator"].queryset = translators_of(locale)


class AssignView(WagtailAdminTemplateMixin, TemplateView):
    """A coordinator asks one translator to translate one page or snippet into one language."""

    template_name = "localisation/assign.html"
    header_icon = "user"

    def dispatch(self, request, language_code, key, *args, **kwargs):
        if not is_coordinator(request.user):
            return permission_denied(request)
        self.locale = find_locale(request, language_code)
        if self.locale is None:
            return redirect("localisation_desk_home")
        self.item = next((item for item in states_for_locale(self.locale) if item.key == str(key)), None)
        if self.item is None:
            messages.error(request, _("This page or snippet was not found. It may have been deleted."))
            return redirect("localisation_desk", language_code=self.locale.language_code)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Assign a translator")

    def get_breadcrumbs_items(self):
        desk = reverse("localisation_desk", args=[self.locale.language_code])
        here = _("Translations into %(language)s") % {"language": language_name(self.locale)}
        return [*super().get_breadcrumbs_items(), {"url": desk, "label": here}, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = kwargs.get("form") or AssignmentForm(None, self.locale)
        if not form.is_bound:
            form.fields["translator"].initial = self.item.assigned_to_id
        context.update(form=form, item=self.item, locale=self.locale)
        return context

    def post(self, request, *args, **kwargs):
        form = AssignmentForm(request.POST, self.locale)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        translator = form.cleaned_data["translator"]
        desk = reverse("localisation_desk", args=[self.locale.language_code])
        if translator is None:
            TranslationAssignment.objects.filter(translation_key=self.item.key, locale=self.locale).delete()
            messages.success(request, _("Nobody is assigned to “%(title)s” now.") % {"title": self.item.title})
            return redirect(desk)
        with transaction.atomic():
            TranslationAssignment.objects.update_or_create(
                translation_key=self.item.key,
                locale=self.locale,
                defaults={"translator": translator, "assigned_by": request.user},
            )
        notify_translator(request, translator, self.item, self.locale)
        messages.success(
            request,
            _("%(name)s is asked to translate “%(title)s” into %(language)s, and was sent an email.")
            % {
                "name": translator.get_full_name() or translator.get_username(),
                "title": self.item.title,
                "language": language_name(self.locale),
            },
        )
        return redirect(desk)


def notify_translator(request, translator, item, locale):
    """An email to the translator, in their admin language, with a link to their dashboard."""
    if not translator.email:
        return
    from wagtail.users.models import UserProfile

    language = UserProfile.get_for_user(translator).get_preferred_language() or settings.LANGUAGE_CODE
    link = request.build_absolute_uri(reverse("localisation_desk", args=[locale.language_code]))
    with translation.override(language):
        subject = _("Please translate “%(title)s” into %(language)s") % {"title": item.title, "language": language_name(locale)}
        body = _(
            "Hello,\n\n%(coordinator)s asked you to translate “%(title)s” into %(language)s.\n"
            "It is at the top of your translation dashboard:\n%(link)s\n"
        ) % {
            "coordinator": request.user.get_full_name() or request.user.get_username(),
            "title": item.title,
            "language": language_name(locale),
            "link": link,
        }
    send_mail(subject, body, None, [translator.email], fail_silently=True)


@require_POST
def refresh_english(request, language_code, source_id):
    """ "Get the new English text": wagtail-localize reads the published English again, so the
    translation editor shows what changed. Then the translator is taken to the editor."""
    locale = find_locale(request, language_code)
    if locale is None:
        return redirect("localisation_desk_home")
    if locale not in locales_for(request.user):
        return permission_denied(request)
    desk = reverse("localisation_desk", args=[locale.language_code])
    source = TranslationSource.objects.filter(pk=source_id, locale__language_code=settings.LANGUAGE_CODE).first()
    translation_exists = source is not None and source.translations.filter(target_locale=locale).exists()
    if not translation_exists:
        messages.error(request, _("This page has no translation into %(language)s to update yet.") % {"language": language_name(locale)})
        return redirect(desk)
    try:
        source.update_from_db()
    except source.object.content_type.model_class().DoesNotExist:
        messages.error(request, _("The English page was deleted, so there is nothing to update."))
        return redirect(desk)
    target = source.get_translated_instance(locale)
    messages.success(request, _("The translation editor now shows the new English text. Translate the strings marked as new."))
    item_url = (
        reverse("wagtailadmin_pages:edit", args=[target.pk])
        if hasattr(target, "path")
        else reverse(f"wagtailsnippets_{target._meta.app_label}_{target._meta.model_name}:edit", args=[target.pk])
    )
    return redirect(item_url)


def desk_link_for(user):
    """The dashboard address for the menu and the sign-in landing: the one language, or the chooser."""
    codes = translator_language_codes(user)
    if len(codes) == 1 and not is_coordinator(user):
        return reverse("localisation_desk", args=[codes[0]])
    return reverse("localisation_desk_home")
