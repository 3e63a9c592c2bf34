"""One setting for the site's public address: the Wagtail Site record follows it when the demo is set up."""

import pytest
from wagtail.models import Site

from home.demo import ensure_home

pytestmark = pytest.mark.django_db


def test_the_site_record_follows_the_public_address(settings):
    settings.SITE_URL = "http://127.0.0.1:8765"
    home = ensure_home()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8765)
    assert home.full_url == "http://127.0.0.1:8765/"
