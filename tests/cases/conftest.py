import io

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from PIL import Image
from wagtail.models import Page, Site

from accounts.factories import OrganisationFactory, UserFactory
from accounts.roles import MODERATORS
from accounts.services import groups_ensure
from cases.factories import CaseIndexPageFactory
from home.models import HomePage
from successfactors.models import SuccessFactor


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def fresh_cache():
    # Wagtail caches site root paths in the (process-wide) cache; another test's database must not leak in.
    cache.clear()


@pytest.fixture
def index(db):
    """The case index under a home page that is the site's root, as in the real site."""
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Academie", slug="academie", hero_title="Samenwerken", hero_intro="Leren.")
    )
    Site.objects.filter(is_default_site=True).update(root_page=home)
    return CaseIndexPageFactory(parent=home)


@pytest.fixture
def factors(db):
    return [
        SuccessFactor.objects.create(
            number=number, name=name, slug=slug, description="Omschrijving.", world=world
        )
        for number, name, slug, world in [
            (1, "Gezamenlijke ambitie", "gezamenlijke-ambitie", "blauw"),
            (2, "Startcondities en gedragsafspraken", "startcondities", "oranje"),
            (3, "Vertrouwen en relatie", "vertrouwen", "oranje"),
        ]
    ]


@pytest.fixture
def member(db):
    return UserFactory(organisation=OrganisationFactory(name="Gemeente Rivierstad", is_platform_member=True))


@pytest.fixture
def other_member(db):
    return UserFactory(organisation=OrganisationFactory(name="Zorggroep De Linde", is_platform_member=True))


@pytest.fixture
def outsider(db):
    return UserFactory(organisation=OrganisationFactory(name="Bouwbedrijf Buiten", is_platform_member=False))


@pytest.fixture
def moderator(db):
    groups_ensure()
    user = UserFactory(organisation=None, email="moderator@example.org")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def make_image():
    """Bytes of a real image in the given format."""

    def make_image(image_format="PNG", size=(64, 48), mode="RGB", **save_options) -> bytes:
        buffer = io.BytesIO()
        Image.new(mode, size, "#1d4f8c" if mode == "RGB" else 0).save(
            buffer, format=image_format, **save_options
        )
        return buffer.getvalue()

    return make_image


@pytest.fixture
def case_form_data(factors):
    """A complete case, as the share form posts it."""
    return {
        "title": "Ketenaanpak jeugdhulp",
        "summary": "Gedragsafspraken halveerden de escalaties.",
        "sector": "sociaal-domein",
        "collaboration_kind": "ketensamenwerking",
        "organisations_involved": "Gemeente Rivierstad\nZorggroep De Linde",
        "context": "Wijkteams en aanbieders werken samen.\n\nSinds 2015.",
        "challenge": "<p>Het overleg liep <strong>vast</strong>.</p>",
        "approach": "<ul><li>Drie sessies</li><li>Een gespreksleider</li></ul>",
        "result": "<p>Minder escalaties.</p>",
        "lessons_learned": '<p>Zie <a href="https://example.org/lessen">de lessen</a>.</p>',
        "success_factors": [str(factors[1].pk), str(factors[2].pk)],
        "show_submitter_organisation": "on",
    }
