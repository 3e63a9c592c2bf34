import factory
import wagtail_factories

from accounts.models import Sector

from .models import CaseIndexPage, CasePage, CollaborationKind


class CaseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CaseIndexPage

    title = "Praktijkvoorbeelden"
    slug = "praktijkvoorbeelden"


class CasePageFactory(wagtail_factories.PageFactory):
    """A published case; `publish=False` leaves it a draft that was never published."""

    class Meta:
        model = CasePage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Samenwerking in de keten {n}")
    summary = "Een gemeente en zorgaanbieders maakten gedragsafspraken."
    sector = Sector.SOCIAL
    collaboration_kind = CollaborationKind.CHAIN
    organisations_involved = "Gemeente Rivierstad\nZorggroep De Linde"
    context = "<p>De context van de samenwerking.</p>"
    challenge = "<p>Het overleg liep vast.</p>"
    approach = "<p>Drie gesprekken met een gespreksleider.</p>"
    result = "<p>Minder escalaties.</p>"
    lessons_learned = "<p>Maak afspraken voordat het schuurt.</p>"

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is False:
            self.live = False
            self.save(update_fields=["live"], clean=False)
            self.save_revision()
        else:
            self.save_revision().publish()
