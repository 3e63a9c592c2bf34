"""Personal data of the collaboration scan (see accounts.privacy): a person's participations, their
own answers and remarks, and the actions of their collaborations are theirs to download; erasure
keeps their answers anonymously (the results of a round must not change) and hands a collaboration
they lead to another participant."""

from django.db.models import Q

from .models import Answer, Collaboration, Invitation, Participant, Remark


def export(user) -> dict:
    participations = Participant.objects.filter(user=user).select_related("collaboration", "partner")
    return {
        "participations": [
            {
                "collaboration": p.collaboration.name,
                "partner": p.partner.name,
                "joined_at": p.joined_at.isoformat(),
                "regisseur": p.collaboration.regisseur_id == user.pk,
            }
            for p in participations
        ],
        "answers": [
            {
                "collaboration": a.round.collaboration.name,
                "round": a.round.number,
                "statement": a.statement_text,
                "answer": a.value,
            }
            for a in Answer.objects.filter(participant__user=user).select_related("round__collaboration")
        ],
        "remarks": [
            {"collaboration": r.round.collaboration.name, "round": r.round.number, "remark": r.text}
            for r in Remark.objects.filter(participant__user=user).select_related("round__collaboration")
        ],
    }


def erase(user) -> None:
    for collaboration in Collaboration.objects.filter(regisseur=user):
        successor = (
            Participant.objects.filter(collaboration=collaboration, user__isnull=False)
            .exclude(user=user)
            .order_by("joined_at", "pk")
            .first()
        )
        collaboration.regisseur_id = successor.user_id if successor else None
        collaboration.save(update_fields=["regisseur"])
    Remark.objects.filter(participant__user=user).delete()  # free text could name them
    Invitation.objects.filter(Q(email__iexact=user.email) | Q(accepted_by=user)).update(
        email="", accepted_by=None
    )
    Participant.objects.filter(user=user).update(user=None)
