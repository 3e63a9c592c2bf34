"""Personal data of the learning journey (see accounts.privacy)."""

from .certificates import certificate_revoke
from .models import Certificate, Enrolment, ItemProgress, JournalEntry

ERASED_NAME = "(verwijderd account)"


def export(user) -> dict:
    return {
        "enrolments": [
            {
                "course": e.course.title,
                "status": e.status,
                "enrolled_at": e.enrolled_at.isoformat(),
                "last_activity_at": e.last_activity_at.isoformat() if e.last_activity_at else None,
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
            }
            for e in Enrolment.objects.filter(user=user).select_related("course")
        ],
        "progress": [
            {
                "item": p.item.title,
                "course": p.course.title,
                "started_at": p.started_at.isoformat(),
                "completed_at": p.completed_at.isoformat() if p.completed_at else None,
            }
            for p in ItemProgress.objects.filter(user=user).select_related("item", "course")
        ],
        "learning_journal": [
            {
                "course": j.course.title,
                "lesson": j.lesson.title,
                "question": j.question,
                "answer": j.answer,
                "updated_at": j.updated_at.isoformat(),
            }
            for j in JournalEntry.objects.filter(user=user).select_related("course", "lesson")
        ],
        "certificates": [
            {
                "code": c.code,
                "course": c.course_title,
                "completed_at": c.completed_at.isoformat(),
                "revoked": c.revoked_at is not None,
            }
            for c in Certificate.objects.filter(enrolment__user=user)
        ],
    }


def erase(user) -> None:
    """Certificates are revoked and anonymised (their code keeps answering "revoked"), the rest goes."""
    for certificate in Certificate.objects.filter(enrolment__user=user):
        certificate_revoke(certificate=certificate, reason="Account verwijderd op verzoek van de deelnemer.")
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        Certificate.objects.filter(pk=certificate.pk).update(holder_name=ERASED_NAME, pdf="")
    # Enrolments go with the account (cascade); the certificates' enrolment link becomes empty.
    JournalEntry.objects.filter(user=user).delete()
    ItemProgress.objects.filter(user=user).delete()
