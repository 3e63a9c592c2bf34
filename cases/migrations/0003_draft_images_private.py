"""Images members uploaded with a case that is not published yet move to the private storage under a draft
name (academy/storage.py), with their renditions removed (they are made again, privately). Images chosen
from the library (another collection) or shown on a published case stay where they are. Missing files are
skipped."""

import uuid
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import migrations

from academy.storage import is_draft_name

CASE_COLLECTION_NAME = "Praktijkvoorbeelden"


def make_draft_images_private(apps, schema_editor):
    CaseImage = apps.get_model("cases", "CaseImage")
    Image = apps.get_model("wagtailimages", "Image")
    Rendition = apps.get_model("wagtailimages", "Rendition")
    storage = storages["default"]
    draft_ids = CaseImage.objects.filter(page__live=False).values_list("image_id", flat=True)
    published_ids = CaseImage.objects.filter(page__live=True).values_list("image_id", flat=True)
    images = Image.objects.filter(pk__in=draft_ids, collection__name=CASE_COLLECTION_NAME).exclude(
        pk__in=published_ids
    )
    for image in images:
        name = image.file.name
        if is_draft_name(name) or not storage.exists(name):
            continue
        for rendition in Rendition.objects.filter(image_id=image.pk):
            if rendition.file.name and storage.exists(rendition.file.name):
                storage.delete(rendition.file.name)
            rendition.delete()
        with storage.open(name, "rb") as source:
            new_name = storage.save(
                f"original_images/concept-{uuid.uuid4().hex}{Path(name).suffix}", ContentFile(source.read())
            )
        Image.objects.filter(pk=image.pk).update(file=new_name)
        storage.delete(name)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_casepage_caseinstrument_caseimage_casesubmission"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(make_draft_images_private, migrations.RunPython.noop)]
