"""The demo page tree: the home page and the sections the other apps fill."""

from wagtail.models import Page, Site

from academy.site_url import site_record_sync

from .models import HomePage

HOME = {
    "title": "Academie voor Samenwerken",
    "slug": "home",
    "hero_title": "Samenwerken tussen organisaties kun je leren",
    "hero_intro": (
        "Meer dan de helft van de samenwerkingsverbanden tussen organisaties werkt niet zoals bedoeld. "
        "Zelden door het contract, meestal door de sociale kant: vertrouwen, startcondities en het gesprek "
        "over verschillen. Hier leer je de blauwe én de oranje wereld van samenwerken te managen."
    ),
    "body": (
        "<h2>Zo werkt de academie</h2>"
        "<p>Onze kennis komt uit de praktijk. Leden delen <b>praktijkvoorbeelden</b>, trainers maken daar "
        "leermodules en instrumenten van, en jij past ze morgen toe in je eigen samenwerking. "
        "De <b>FitnessScan</b> laat zien waar je organisatie staat en waar je het best kunt beginnen.</p>"
        "<p><i>Dit is voorbeeldinhoud van de demo-omgeving.</i></p>"
    ),
}


def ensure_home() -> HomePage:
    """Returns the home page, creating it (and pointing the default site at it) when missing."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration creates a placeholder "Welcome" page at /home/; replace it.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = root.add_child(instance=HomePage(**HOME))
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Academie voor Samenwerken",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Academie voor Samenwerken"
        site.save()
    site_record_sync(site)
    return home


def ensure_child(parent: Page, page_class, *, slug: str, **fields) -> Page:
    """Returns the live child page with this slug, creating and publishing it when missing.

    Existing pages are left as they are, so a trainer's edits survive a second seed run."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed(log, context) -> dict:
    home = ensure_home()
    log("pages: home page ready")
    return {"home": home}


MENU_ORDER = ["cursussen", "leergangen", "handelingsrepertoire", "praktijkvoorbeelden", "fitnessscan"]
