"""Certificates: issued once when a professional completes a course that offers one."""

from __future__ import annotations

import segno
from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from academy.pdf import html_to_pdf
from academy.site_url import public_url

from .models import Certificate, Enrolment


def verification_url(certificate: Certificate) -> str:
    return public_url(certificate.get_absolute_url())


def certificate_issue(*, enrolment: Enrolment) -> Certificate | None:
    """Issues the certificate of a completed enrolment; idempotent (one per enrolment)."""
    course = enrolment.course.specific
    if not enrolment.completed_at or not course.offers_certificate:
        return None
    existing = Certificate.objects.filter(enrolment=enrolment).first()
    if existing:
        return existing
    user = enrolment.user
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                enrolment=enrolment,
                holder_name=user.get_full_name() or user.email,
                course_title=course.title,
                completed_at=enrolment.completed_at,
                success_factors="\n".join(str(factor) for factor in course.success_factors.all()),
                trainers="\n".join(t.get_full_name() or t.email for t in course.trainers.all()),
            )
    except IntegrityError:  # issued by a parallel task a moment ago
        return Certificate.objects.get(enrolment=enrolment)
    certificate_render_pdf(certificate=certificate)
    return certificate


def certificate_render_pdf(*, certificate: Certificate) -> None:
    url = verification_url(certificate)
    qr_svg = segno.make(url, error="m").svg_data_uri(scale=4, border=1)
    language = certificate.enrolment.user.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string(
            "courses/certificate_pdf.html",
            {"certificate": certificate, "verification_url": url, "qr_svg": qr_svg},
        )
    rendered = html_to_pdf(html)
    # The storage gives it a random name (Certificate.pdf's upload_to), in the private storage.
    certificate.pdf.save("certificaat.pdf", ContentFile(rendered.content), save=True)


def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    """Revokes the certificate and removes its PDF: a revoked certificate is never handed out again, and the
    verification page says it was revoked."""
    if certificate.revoked_at is None:
        certificate.revoked_at = timezone.now()
        certificate.revoke_reason = reason
        certificate.save(update_fields=["revoked_at", "revoke_reason"])
    if certificate.pdf:
        certificate.pdf.delete(save=False)
        Certificate.objects.filter(pk=certificate.pk).update(pdf="")
    return certificate


def certificate_for_download(*, user, code: str) -> Certificate | None:
    """The certificate behind a download link, for its holder or an administrator; None for anyone else and
    for a revoked certificate."""
    if not user.is_authenticated:
        return None
    certificate = Certificate.objects.select_related("enrolment").filter(code=code, revoked_at=None).first()
    if certificate is None:
        return None
    is_holder = certificate.enrolment is not None and certificate.enrolment.user_id == user.pk
    if is_holder or user.has_perm("courses.view_certificate"):
        return certificate
    return None
