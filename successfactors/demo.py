"""Eight example success factors, derived from the themes of the method (example content)."""

from django.utils.text import slugify

from .models import SuccessFactor, World

FACTORS = [
    (
        1,
        "Gezamenlijke ambitie",
        World.BLUE,
        "De partners formuleren samen waarom ze samenwerken en wat ze samen willen bereiken, voorbij het "
        "eigen belang van elke organisatie.",
    ),
    (
        2,
        "Startcondities en gedragsafspraken",
        World.ORANGE,
        "Voordat het werk begint, spreken de partners af hoe ze met elkaar omgaan: hoe ze beslissen, "
        "hoe ze elkaar aanspreken en wat ze doen als het schuurt.",
    ),
    (
        3,
        "Vertrouwen en relatie",
        World.ORANGE,
        "Vertrouwen groeit door voorspelbaar gedrag, openheid over belangen en persoonlijke relaties die "
        "verder gaan dan het overleg.",
    ),
    (
        4,
        "Rollen en verantwoordelijkheden",
        World.BLUE,
        "Iedereen weet wie waarover gaat, wie waarvoor aanspreekbaar is en waar het mandaat van een "
        "vertegenwoordiger ophoudt.",
    ),
    (
        5,
        "Besluitvorming",
        World.BLUE,
        "Er is een heldere, door alle partners gedragen manier om samen besluiten te nemen en op te "
        "schalen als dat niet lukt.",
    ),
    (
        6,
        "Omgaan met interpretatieverschillen en conflict",
        World.BOTH,
        "Verschillen in uitleg van afspraken worden vroeg besproken, in het gesprek en niet via de "
        "jurist, met een afgesproken route voor escalatie.",
    ),
    (
        7,
        "Continuïteit bij personeelswisselingen",
        World.BOTH,
        "Kennis, relaties en afspraken liggen niet bij een paar mensen: overdracht en inwerken van "
        "nieuwe mensen zijn geregeld.",
    ),
    (
        8,
        "Verbinding tussen contract en samenwerking",
        World.BOTH,
        "Het contract ondersteunt de samenwerking in plaats van haar te vervangen; blauwe afspraken en "
        "oranje gedrag versterken elkaar.",
    ),
]


def seed(log, context) -> dict:
    factors = {}
    for number, name, world, description in FACTORS:
        factor, _created = SuccessFactor.objects.update_or_create(
            number=number,
            defaults={"name": name, "slug": slugify(name), "world": world, "description": description},
        )
        factors[number] = factor
    log(f"success factors: {len(factors)}")
    return {"factors": factors}
