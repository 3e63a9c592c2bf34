from django.dispatch import receiver
from wagtail.signals import page_published

from academy.tasks import enqueue

from .models import InstrumentPage
from .tasks import instrument_pdf_render


@receiver(page_published, sender=InstrumentPage, dispatch_uid="handelingsrepertoire_render_pdf_on_publish")
def render_pdf_on_publish(sender, instance, **kwargs):
    enqueue(instrument_pdf_render, page_id=instance.pk)
