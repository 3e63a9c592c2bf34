"""The CMS's listings say "Ja"/"Nee", not Python's "True"/"False"."""

import pytest

from accounts.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_organisation_listing_says_ja_and_nee(client, django_user_model):
    OrganisationFactory(name="Gemeente Rivierstad", is_platform_member=True)
    OrganisationFactory(name="Bouwbedrijf Buiten", is_platform_member=False)
    client.force_login(django_user_model.objects.create_superuser(email="beheer@example.org", password="x"))
    html = client.get("/admin/snippets/accounts/organisation/").content.decode()
    assert "Gemeente Rivierstad" in html
    assert ">Ja<" in html.replace("\n", "").replace(" ", "") and ">Nee<" in html.replace("\n", "").replace(
        " ", ""
    )
    assert "True" not in html and "False" not in html
