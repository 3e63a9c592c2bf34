"""The share form and the index filters."""

from __future__ import annotations

import re

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _
from wagtail.images import get_image_model

from academy.sanitizer import sanitize_html, sanitize_plain
from accounts.models import Sector
from successfactors.models import SuccessFactor

from .models import CaseImage, CasePage, CollaborationKind
from .selectors import SUBMISSIONS_PER_DAY, case_submissions_today, instrument_pages
from .services import CASE_COLLECTION_NAME, MAX_IMAGES_PER_CASE, CaseContent
from .uploads import image_upload_clean

ALLOWED_FORMATTING_HELP = _(
    "Plain text is fine: leave an empty line between paragraphs. For formatting you may use these HTML "
    'tags: <p>, <strong>, <em>, <ul> or <ol> with <li>, <h2> to <h4>, <blockquote> and <a href="https://…"> '
    "(web and e-mail links only). Everything else is removed when you save."
)
RICH_TEXT_MAX_LENGTH = 20_000
PENDING_IMAGE_SALT = "cases.pending-image"
PENDING_IMAGE_MAX_AGE = 60 * 60 * 24

_LOOKS_LIKE_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!]")


class PlainTextField(forms.CharField):
    """Plain text as typed, minus control characters; templates escape it when shown."""

    def to_python(self, value):
        return sanitize_plain(super().to_python(value))


class LimitedHtmlField(forms.CharField):
    """A little HTML, cleaned by the project's sanitiser before anything is stored. Text without tags
    becomes paragraphs."""

    widget = forms.Textarea(attrs={"rows": 8})

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", RICH_TEXT_MAX_LENGTH)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value and not _LOOKS_LIKE_HTML.search(value):
            value = linebreaks(value)
        cleaned = sanitize_html(value).strip()
        # Text left without any tag goes into a paragraph: otherwise saving it again would treat its
        # entities as typed text and escape them a second time.
        if cleaned and not _LOOKS_LIKE_HTML.search(cleaned):
            cleaned = sanitize_html(f"<p>{cleaned}</p>").strip()
        return cleaned


# Needed before a case can go to the moderators; a draft only needs its title.
REQUIRED_TO_SUBMIT = (
    "summary",
    "sector",
    "collaboration_kind",
    "organisations_involved",
    "context",
    "challenge",
    "approach",
    "result",
    "lessons_learned",
)


class CaseShareForm(forms.Form):
    title = PlainTextField(label=_("Title"), max_length=120, help_text=_("What was the collaboration about?"))
    summary = PlainTextField(
        label=_("Summary"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences: the challenge and what it led to. Shown on overviews."),
    )
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", "—"), *Sector.choices], required=False)
    collaboration_kind = forms.ChoiceField(
        label=_("Kind of collaboration"), choices=[("", "—"), *CollaborationKind.choices], required=False
    )
    organisations_involved = PlainTextField(
        label=_("Organisations involved"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One organisation per line."),
    )
    context = LimitedHtmlField(
        label=_("Context"), required=False, help_text=_("Who worked together, on what, since when?")
    )
    challenge = LimitedHtmlField(
        label=_("Challenge"), required=False, help_text=_("What did the collaboration run into?")
    )
    approach = LimitedHtmlField(
        label=_("Approach"), required=False, help_text=_("What did you do, and who did what?")
    )
    result = LimitedHtmlField(label=_("Result"), required=False, help_text=_("What changed, for whom?"))
    lessons_learned = LimitedHtmlField(
        label=_("Lessons learned"), required=False, help_text=_("What would you tell others to do, or avoid?")
    )
    success_factors = forms.ModelMultipleChoiceField(
        label=_("Success factors"),
        queryset=SuccessFactor.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Which of the success factors did this case depend on?"),
    )
    instruments = forms.ModelMultipleChoiceField(
        label=_("Instruments used"),
        queryset=instrument_pages(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Instruments from the repertoire of action that you used."),
    )
    image = forms.FileField(
        label=_("Add an image"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_(
            "JPEG, PNG or WebP, at most 5 MB and 16 megapixels. Photo data such as location is removed."
        ),
    )
    image_alt_text = PlainTextField(
        label=_("Alternative text for the image"),
        max_length=250,
        required=False,
        help_text=_("Describe what the image shows for people who cannot see it. Required with an image."),
    )
    image_caption = PlainTextField(label=_("Caption (optional)"), max_length=250, required=False)
    remove_images = forms.TypedMultipleChoiceField(
        label=_("Remove images"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    pending_image = forms.CharField(required=False, widget=forms.HiddenInput)
    show_submitter_name = forms.BooleanField(label=_("Show my name with the case"), required=False)
    show_submitter_organisation = forms.BooleanField(
        label=_("Show the name of my organisation with the case"), required=False, initial=True
    )

    STORY_FIELDS = ("context", "challenge", "approach", "result", "lessons_learned")

    def __init__(self, *args, user, case: CasePage | None = None, submit: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.submit = submit
        self.stored_image = None  # an accepted upload kept for the next attempt
        self.images = list(case.gallery_images.all()) if case else []
        self.fields["remove_images"].choices = [
            (item.pk, item.caption or item.alt_text) for item in self.images
        ]
        if not self.images:
            del self.fields["remove_images"]
        if not self.fields["instruments"].queryset.exists():
            del self.fields["instruments"]

    @classmethod
    def initial_for(cls, case: CasePage) -> dict:
        initial = {name: getattr(case, name) for name in cls.base_fields if hasattr(CasePage, name)}
        initial["success_factors"] = list(case.success_factors.all())
        initial["instruments"] = [link.instrument_id for link in case.instrument_links.all()]
        return initial

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if not upload:
            return None
        return image_upload_clean(upload)

    def clean_pending_image(self):
        token = self.cleaned_data.get("pending_image")
        if not token:
            return None
        try:
            data = signing.loads(token, salt=PENDING_IMAGE_SALT, max_age=PENDING_IMAGE_MAX_AGE)
        except signing.BadSignature:
            return None
        if data.get("user") != self.user.pk:
            return None
        # Not one a case already uses: an old form posted again must not attach it twice.
        return (
            get_image_model()
            .objects.filter(
                pk=data.get("image"), uploaded_by_user=self.user, collection__name=CASE_COLLECTION_NAME
            )
            .exclude(pk__in=CaseImage.objects.values("image_id"))
            .first()
        )

    def clean(self):
        cleaned = super().clean()
        if self.submit:
            for name in REQUIRED_TO_SUBMIT:
                if name not in self.errors and not cleaned.get(name):
                    self.add_error(
                        name,
                        _("Fill this in before you submit the case. A draft can be saved without it."),
                    )
            if case_submissions_today(user=self.user) >= SUBMISSIONS_PER_DAY:
                self.add_error(None, self.limit_message())
        new_image = cleaned.get("image") or cleaned.get("pending_image")
        if new_image and not cleaned.get("image_alt_text") and "image_alt_text" not in self.errors:
            self.add_error("image_alt_text", _("Describe the image for people who cannot see it."))
        remaining = len(self.images) - len(cleaned.get("remove_images") or [])
        if new_image and remaining >= MAX_IMAGES_PER_CASE:
            self.add_error(
                "image",
                _("A case can have at most %(count)s images. Remove one first.")
                % {"count": MAX_IMAGES_PER_CASE},
            )
        return cleaned

    @staticmethod
    def limit_message():
        return _(
            "You have already submitted %(count)s cases today, the most per day. Save this one as a draft "
            "and submit it tomorrow; nothing you wrote is lost."
        ) % {"count": SUBMISSIONS_PER_DAY}

    @staticmethod
    def rate_message():
        return _(
            "You have saved this form %(count)s times within an hour, the most we accept. Wait a while "
            "and save again; what you typed is still here (choose a new image again)."
        ) % {"count": settings.CASE_SAVES_PER_HOUR}

    @property
    def accepted_upload(self):
        """The checked upload of this attempt, even when other fields have errors."""
        return getattr(self, "cleaned_data", {}).get("image")

    @property
    def kept_image(self):
        """The image kept from an earlier attempt, or stored from this one."""
        return self.stored_image or getattr(self, "cleaned_data", {}).get("pending_image")

    def keep_image(self, image) -> None:
        """Carries an accepted upload to the next attempt: browsers cannot refill a file input."""
        self.stored_image = image
        self.data = self.data.copy()
        self.data[self.add_prefix("pending_image")] = signing.dumps(
            {"image": image.pk, "user": self.user.pk}, salt=PENDING_IMAGE_SALT
        )

    def case_content(self, *, new_image=None) -> CaseContent:
        data = self.cleaned_data
        return CaseContent(
            title=data["title"],
            summary=data.get("summary", ""),
            sector=data.get("sector", ""),
            collaboration_kind=data.get("collaboration_kind", ""),
            organisations_involved=data.get("organisations_involved", ""),
            context=data.get("context", ""),
            challenge=data.get("challenge", ""),
            approach=data.get("approach", ""),
            result=data.get("result", ""),
            lessons_learned=data.get("lessons_learned", ""),
            success_factors=list(data.get("success_factors") or []),
            instruments=list(data.get("instruments") or []),
            show_submitter_name=data.get("show_submitter_name", False),
            show_submitter_organisation=data.get("show_submitter_organisation", False),
            new_image=new_image,
            new_image_alt_text=data.get("image_alt_text", ""),
            new_image_caption=data.get("image_caption", ""),
            remove_image_ids=list(data.get("remove_images") or []),
        )

    # Groups of fields, rendered as fieldsets by the template.
    def fieldsets(self):
        groups = [
            (
                "about",
                _("About the case"),
                None,
                ["title", "summary", "sector", "collaboration_kind", "organisations_involved"],
            ),
            ("story", _("The story"), ALLOWED_FORMATTING_HELP, list(self.STORY_FIELDS)),
            ("links", _("Success factors and instruments"), None, ["success_factors", "instruments"]),
            ("images", _("Images"), None, ["image", "image_alt_text", "image_caption"]),
            ("naming", _("Who may be named"), None, ["show_submitter_name", "show_submitter_organisation"]),
        ]
        return [
            (legend, help_text, [self[name] for name in names if name in self.fields], key)
            for key, legend, help_text, names in groups
        ]

    def removable_images(self):
        """The case's current images, each with its "remove" checkbox."""
        if "remove_images" not in self.fields:
            return []
        return list(zip(self.images, self["remove_images"], strict=True))


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("All sectors")), *Sector.choices], required=False
    )
    factor = forms.ModelChoiceField(
        label=_("Success factor"),
        queryset=SuccessFactor.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All success factors"),
    )
    kind = forms.ChoiceField(
        label=_("Kind of collaboration"),
        choices=[("", _("All kinds")), *CollaborationKind.choices],
        required=False,
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def filters(self) -> dict:
        data = self.cleaned_data
        return {
            "query": data.get("q", "").strip()[:200],
            "sector": data.get("sector", ""),
            "factor": data.get("factor"),
            "kind": data.get("kind", ""),
        }

    @property
    def is_filtered(self) -> bool:
        return self.is_bound and any(self.data.get(name) for name in self.fields)
