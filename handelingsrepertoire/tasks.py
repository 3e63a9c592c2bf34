from celery import shared_task

from .models import InstrumentPage
from .services import instrument_pdf_ensure


@shared_task(ignore_result=True)
def instrument_pdf_render(page_id: int) -> None:
    """Renders and stores the PDF of a sheet's live revision (idempotent: a stored PDF is kept)."""
    page = InstrumentPage.objects.live().filter(pk=page_id).first()
    if page is not None:
        instrument_pdf_ensure(page=page)
