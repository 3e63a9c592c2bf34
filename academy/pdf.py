"""The one way the project turns HTML into PDF (WeasyPrint), for instrument sheets, scan reports and
certificates. Fonts come from the system (no network); URLs resolve against the site's static files."""

from dataclasses import dataclass

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


@dataclass(frozen=True)
class RenderedPdf:
    content: bytes
    page_count: int


def _local_fetcher():
    from weasyprint.urls import URLFetcher

    class LocalOnlyFetcher(URLFetcher):
        """Serves /static/ files from disk and refuses every other URL: the server has no outside
        network, and a PDF must never make a request on a user's behalf."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            marker = "/static/"
            if marker in url:
                path = finders.find(url.split(marker, 1)[1].split("?", 1)[0])
                if path:
                    return super().fetch(f"file://{path}", headers)
            raise ValueError(f"PDF resources must be local static files, not {url!r}")

    return LocalOnlyFetcher(timeout=5)


def html_to_pdf(html: str, *, base_url: str = "http://localhost/") -> RenderedPdf:
    from weasyprint import HTML  # imported lazily: WeasyPrint loads Pango at import time

    document = HTML(string=html, base_url=base_url, url_fetcher=_local_fetcher()).render()
    return RenderedPdf(content=document.write_pdf(), page_count=len(document.pages))


def template_to_pdf(template_name: str, context: dict, *, base_url: str = "http://localhost/") -> RenderedPdf:
    return html_to_pdf(render_to_string(template_name, context), base_url=base_url)
