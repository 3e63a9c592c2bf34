"""Moves certificate PDFs from public media (named after their public code) into the private storage under
random names. A missing file is no error: the holder's download renders the PDF again. A revoked
certificate's PDF is removed, not moved."""

import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import migrations


def move_to_private(apps, schema_editor):
    Certificate = apps.get_model("courses", "Certificate")
    public, private = storages["default"], storages["private"]
    for certificate in Certificate.objects.exclude(pdf="").iterator():
        old_name = certificate.pdf.name
        if private.exists(old_name):
            continue  # already private
        new_name = ""
        if certificate.revoked_at is None and public.exists(old_name):
            with public.open(old_name, "rb") as source:
                new_name = private.save(f"certificates/{uuid.uuid4().hex}.pdf", ContentFile(source.read()))
        if public.exists(old_name):
            public.delete(old_name)
        Certificate.objects.filter(pk=certificate.pk).update(pdf=new_name)


class Migration(migrations.Migration):
    dependencies = [("courses", "0006_certificate_pdf_private")]

    operations = [migrations.RunPython(move_to_private, migrations.RunPython.noop)]
