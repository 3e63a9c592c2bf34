"""The site's public address (settings.SITE_URL) for links made outside a request: PDFs, e-mails and the
Wagtail Site record, so that they all point where the site really runs."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings


def public_url(path: str) -> str:
    """The absolute URL of a site path such as "/cursussen/"."""
    return settings.SITE_URL + path


def public_page_url(page) -> str:
    """The absolute URL of a Wagtail page at the site's public address ("" for a page without a URL)."""
    parts = page.get_url_parts()
    return public_url(parts[2]) if parts and parts[2] else ""


def site_record_sync(site) -> None:
    """Points Wagtail's Site record (its "view live" links, page.full_url) at the public address."""
    address = urlsplit(settings.SITE_URL)
    hostname = address.hostname or "localhost"
    port = address.port or (443 if address.scheme == "https" else 80)
    if (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])
