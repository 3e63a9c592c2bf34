"""The demo FitnessScan (example content): 24 statements, advice for every factor and band, and
earlier results of professionals so that the coordinator's organisation profile shows."""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from accounts.models import User
from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions
from home.demo import ensure_child
from questionnaires.scoring import Band

from . import selectors, services
from .models import FactorAdvice, FitnessScanPage, ScanResponse, ScanStatement

INTRO = (
    "<p>Hoe klaar is jouw organisatie voor samenwerken met andere organisaties? Beantwoord 24 stellingen, "
    "verdeeld over de acht succesfactoren, en zie in één oogopslag waar je organisatie sterk staat en waar "
    "je het best kunt beginnen. Je krijgt gericht advies: welke cursussen je volgt en welke instrumenten je "
    "morgen inzet.</p><p><i>Dit is voorbeeldinhoud van de demo-omgeving.</i></p>"
)

# Per success factor (by number): (statement, reverse-scored).
STATEMENTS = {
    1: [
        ("Onze organisatie kan in één zin uitleggen wat we samen met onze partners willen bereiken.", False),
        ("We kennen de belangen van onze partners en houden daar bij onze eigen keuzes rekening mee.", False),
        ("In een samenwerking kijken we vooral naar wat het onze eigen organisatie oplevert.", True),
    ],
    2: [
        ("Voordat een samenwerking begint, spreken we met de partners af hoe we met elkaar omgaan.", False),
        ("We hebben vooraf afgesproken wat we doen als het tussen de partners gaat schuren.", False),
        ("Gedragsafspraken vinden we overbodig: het contract regelt wat er geregeld moet worden.", True),
    ],
    3: [
        ("Onze mensen kennen hun collega's bij de partners ook buiten het formele overleg.", False),
        ("We zijn open tegenover partners over onze eigen belangen, twijfels en beperkingen.", False),
        ("Informatie delen we met partners pas als het echt niet anders kan.", True),
    ],
    4: [
        ("Wie namens ons aan tafel zit, weet precies waarover hij of zij zelf mag beslissen.", False),
        ("Het is voor partners duidelijk wie bij ons waarvoor aanspreekbaar is.", False),
        (
            "Afspraken lopen regelmatig vertraging op omdat onze vertegenwoordiger eerst terug moet naar de "
            "eigen organisatie.",
            True,
        ),
    ],
    5: [
        ("We weten samen met de partners hoe besluiten worden genomen en wie daarbij betrokken is.", False),
        ("Als een besluit vastloopt, is er een afgesproken route om het op te schalen.", False),
        ("Genomen besluiten worden in onze samenwerkingen achteraf nog vaak ter discussie gesteld.", True),
    ],
    6: [
        ("Verschillen in de uitleg van afspraken bespreken we vroeg, in het gesprek met de partner.", False),
        ("Onze medewerkers voelen zich toegerust om een lastig gesprek met een partner te voeren.", False),
        ("Bij onenigheid schakelen we al snel de jurist of een formele procedure in.", True),
    ],
    7: [
        ("Als een sleutelpersoon vertrekt, is de overdracht van kennis en relaties goed geregeld.", False),
        (
            "Nieuwe collega's worden bewust ingewerkt in de afspraken en de geschiedenis van de samenwerking.",
            False,
        ),
        ("Het vertrouwen tussen ons en onze partners hangt af van een paar mensen.", True),
    ],
    8: [
        ("Ons contract ondersteunt de samenwerking in plaats van haar te vervangen.", False),
        (
            "We bespreken met de partners regelmatig of de contractafspraken nog passen bij de praktijk.",
            False,
        ),
        ("In de dagelijkse samenwerking grijpen we vooral terug op de letter van het contract.", True),
    ],
}

LOW, MEDIUM, HIGH = Band.LOW.value, Band.MEDIUM.value, Band.HIGH.value

# Per success factor: advice per band.
ADVICE = {
    1: {
        LOW: "Begin bij het waarom. Organiseer met je partners een sessie waarin ieder zijn eigen belang op "
        "tafel legt en formuleer daarna samen één ambitie die verder gaat dan die optelsom. Zonder gedeelde "
        "ambitie wordt elk meningsverschil een onderhandeling.",
        MEDIUM: "De ambitie is er, maar leeft niet overal. Toets haar bij elk belangrijk besluit: brengt dit "
        "ons dichter bij wat we samen willen? Maak de ambitie zichtbaar in overleggen en voortgangsrapportages.",
        HIGH: "Jullie weten waarom je samenwerkt. Houd dat levend: herijk de ambitie jaarlijks met alle "
        "partners en gebruik haar om nieuwe mensen mee te nemen in het verhaal van de samenwerking.",
    },
    2: {
        LOW: "Spreek startcondities af voordat het werk begint: hoe jullie beslissen, hoe jullie elkaar "
        "aanspreken en wat jullie doen als het schuurt. Leg ze vast op één A4 en bespreek ze in de eerste "
        "stuurgroep.",
        MEDIUM: "Er zijn afspraken, maar ze worden niet altijd gebruikt. Plan een korte evaluatie: welke "
        "gedragsafspraak hielp, welke bleef op papier? Vernieuw wat niet werkt en maak één persoon eigenaar.",
        HIGH: "Jullie startcondities werken. Deel ze als voorbeeld met nieuwe samenwerkingsverbanden en "
        "gebruik ze bewust bij elke wisseling van partners of mensen.",
    },
    3: {
        LOW: "Investeer in de relatie naast het overleg: werkbezoeken, een gezamenlijke lunch, elkaars "
        "dilemma's leren kennen. Wees open over je eigen belangen; vertrouwen begint bij voorspelbaar gedrag.",
        MEDIUM: "Vertrouwen is er tussen een paar mensen. Verbreed het: koppel medewerkers op verschillende "
        "niveaus aan elkaar en bespreek periodiek hoe het met de onderlinge verhoudingen gaat.",
        HIGH: "De relatie is stevig. Gebruik dat vertrouwen om moeilijke onderwerpen vroeg te agenderen, "
        "voordat ze een probleem worden.",
    },
    4: {
        LOW: "Maak per samenwerking een overzicht van rollen en mandaten: wie beslist waarover, wie is "
        "aanspreekbaar en waar houdt het mandaat van een vertegenwoordiger op. Regel dat mandaat vooraf in de "
        "eigen lijn.",
        MEDIUM: "Rollen zijn grotendeels helder, mandaten nog niet altijd. Spreek met je eigen bestuur af "
        "binnen welke ruimte je aan tafel mag besluiten, zodat afspraken niet stranden op terugkoppeling.",
        HIGH: "Rollen en mandaten zijn goed geregeld. Houd het overzicht actueel bij wisselingen en laat "
        "nieuwe vertegenwoordigers het bij hun start met de partners doornemen.",
    },
    5: {
        LOW: "Leg samen vast hoe besluiten tot stand komen: wie wordt geraadpleegd, wie beslist en wat "
        "er gebeurt als het vastloopt. Een heldere escalatieroute voorkomt dat besluiten eindeloos terugkomen.",
        MEDIUM: "Besluiten worden genomen, maar komen soms terug. Sluit elk besluit af met een korte check: "
        "kan iedereen dit in de eigen organisatie uitleggen en uitvoeren?",
        HIGH: "De besluitvorming is helder en gedragen. Blijf haar toetsen bij grote veranderingen en "
        "deel de werkwijze met nieuwe partners.",
    },
    6: {
        LOW: "Verschillen in uitleg worden nu vaak juridisch. Spreek een route af om ze eerst in het gesprek "
        "te bespreken, met de vraag ‘wat bedoelden we toen we dit afspraken?’. Train medewerkers in het voeren "
        "van dat gesprek.",
        MEDIUM: "Jullie bespreken verschillen, maar vaak laat. Maak interpretatieverschillen een vast "
        "agendapunt en benoem ze zodra ze opvallen, zonder schuldvraag.",
        HIGH: "Jullie gaan volwassen om met verschillen. Leg de lessen uit eerdere conflicten vast, zodat "
        "ook nieuwe collega's weten hoe het hier gaat.",
    },
    7: {
        LOW: "Het vertrouwen rust op een paar mensen. Regel een warme overdracht bij vertrek, houd een "
        "beknopt logboek bij van afspraken en hun achtergrond, en koppel elke sleutelpersoon aan een tweede.",
        MEDIUM: "Overdracht gebeurt, maar niet altijd volledig. Maak inwerken in de samenwerking standaard: "
        "een kennismakingsronde langs de partners en een gesprek over de geschiedenis van de afspraken.",
        HIGH: "Continuïteit is goed geborgd. Test het af en toe: kan de samenwerking een week zonder de "
        "vaste gezichten?",
    },
    8: {
        LOW: "Het contract vervangt nu het gesprek. Bespreek met de partners welke bedoeling achter de "
        "belangrijkste contractafspraken zit en spreek af dat je eerst elkaar belt voordat je naar het "
        "contract grijpt.",
        MEDIUM: "Contract en samenwerking raken elkaar nog niet overal. Plan een periodieke "
        "contractdialoog: passen de afspraken nog bij wat we in de praktijk zien?",
        HIGH: "Blauw en oranje versterken elkaar. Neem deze werkwijze mee in nieuwe aanbestedingen en "
        "contracten, zodat ze er vanaf de start in zit.",
    },
}

# Demo courses (created by courses.demo) recommended per success factor.
COURSES_PER_FACTOR = {
    1: ["startcondities-voor-samenwerking"],
    2: ["startcondities-voor-samenwerking"],
    3: ["leidinggeven-zonder-hierarchie", "omgaan-met-interpretatieverschillen-en-conflict"],
    4: ["leidinggeven-zonder-hierarchie", "startcondities-voor-samenwerking"],
    5: ["leidinggeven-zonder-hierarchie"],
    6: ["omgaan-met-interpretatieverschillen-en-conflict"],
    7: ["startcondities-voor-samenwerking", "leidinggeven-zonder-hierarchie"],
    8: ["omgaan-met-interpretatieverschillen-en-conflict"],
}

MEMBER_ORGANISATION = "Gemeente Rivierstad (voorbeeld)"
OTHER_ORGANISATION = "Bouwcombinatie De Brug (voorbeeld)"

# (e-mail, first name, last name, job title, organisation)
RESPONDENTS = [
    ("lid1@example.org", "Fatima", "El Amrani", "Wijkcoördinator", MEMBER_ORGANISATION),
    ("lid2@example.org", "Jeroen", "Visser", "Contractmanager sociaal domein", MEMBER_ORGANISATION),
    ("lid3@example.org", "Annemiek", "de Boer", "Projectleider jeugdzorg", MEMBER_ORGANISATION),
    ("lid4@example.org", "Bas", "Mulder", "Beleidsmedewerker Wmo", MEMBER_ORGANISATION),
    ("lid5@example.org", "Priya", "Ramdin", "Accountmanager zorgaanbieders", MEMBER_ORGANISATION),
    ("lid6@example.org", "Koen", "Smits", "Teamleider sociaal team", MEMBER_ORGANISATION),
    ("lid7@example.org", "Ellen", "Hoekstra", "Inkoopadviseur", MEMBER_ORGANISATION),
    ("lid8@example.org", "Daan", "Bos", "Programmasecretaris", MEMBER_ORGANISATION),
    ("brug1@example.org", "Wouter", "Kramer", "Omgevingsmanager", OTHER_ORGANISATION),
    ("brug2@example.org", "Lisa", "van Leeuwen", "Contractmanager", OTHER_ORGANISATION),
    ("brug3@example.org", "Mehmet", "Yilmaz", "Uitvoerder", OTHER_ORGANISATION),
]

# How favourably (1–5) people of each organisation tend to answer per factor: the member
# organisation is strong on ambition and roles, weak on conflict and continuity.
TENDENCIES = {
    MEMBER_ORGANISATION: {1: 4.2, 2: 3.1, 3: 3.6, 4: 4.0, 5: 3.0, 6: 2.1, 7: 1.9, 8: 2.9},
    OTHER_ORGANISATION: {1: 3.4, 2: 2.6, 3: 3.0, 4: 3.5, 5: 3.8, 6: 3.2, 7: 2.8, 8: 2.2},
}
# The demo professional's earlier scan, a few months ago: room to grow on several factors.
EARLIER_SCAN = {1: 3.4, 2: 2.2, 3: 3.0, 4: 3.2, 5: 2.6, 6: 1.8, 7: 2.0, 8: 2.4}


def seed(log, context) -> dict:
    page = ensure_child(
        context["home"],
        FitnessScanPage,
        slug="fitnessscan",
        title="FitnessScan",
        show_in_menus=True,
        search_description="Hoe klaar is jouw organisatie voor samenwerken? Doe de scan en krijg gericht advies.",
        intro=INTRO,
    )
    group_grant_page_permissions(
        group=context["groups"][TRAINERS], page=page, codenames=["add_page", "change_page", "publish_page"]
    )
    factors = context["factors"]
    if not page.statements.exists():
        _fill_scan(page, factors)
        log(f"fitnessscan: {page.statements.count()} statements, {page.advice.count()} pieces of advice")
    created = _seed_results(page, context)
    if created:
        log(f"fitnessscan: {created} earlier results")
    return {"fitnessscan_page": page}


def _fill_scan(page: FitnessScanPage, factors: dict) -> None:
    page.statements = [
        ScanStatement(factor=factors[number], text=text, reverse_scored=reverse)
        for number, statements in STATEMENTS.items()
        for text, reverse in statements
    ]
    instruments = _instruments_per_factor(factors)
    advice = []
    for number, per_band in ADVICE.items():
        courses = [page for page in map(_course, COURSES_PER_FACTOR[number]) if page is not None]
        for band, text in per_band.items():
            advice.append(
                FactorAdvice(
                    factor=factors[number],
                    band=band,
                    text=f"<p>{text}</p>",
                    course=courses[0] if courses else None,
                    second_course=courses[1] if len(courses) > 1 else None,
                    instrument=instruments.get(number, [None])[0],
                    second_instrument=(instruments.get(number, []) + [None, None])[1],
                )
            )
    page.advice = advice
    page.save_revision().publish()


def _course(slug: str) -> Page | None:
    return Page.objects.live().filter(slug=slug, content_type__model="coursepage").first()


def _instruments_per_factor(factors: dict) -> dict[int, list[Page]]:
    """The demo instruments for each factor: those tagged with it when the instrument pages say so,
    otherwise spread evenly."""
    pages = [
        page.specific
        for page in Page.objects.live().filter(content_type__model="instrumentpage").order_by("path")
    ]
    if not pages:
        return {}
    result: dict[int, list[Page]] = {}
    for number, factor in factors.items():
        tagged = [
            page
            for page in pages
            if hasattr(page, "success_factors") and factor in page.success_factors.all()
        ]
        result[number] = tagged[:2] or [pages[(number - 1) % len(pages)]]
    return result


def _seed_results(page: FitnessScanPage, context) -> int:
    steps = selectors.scan_steps(page=page)
    statements = [statement for step in steps for statement in step.statements]
    if not statements:
        return 0
    organisations = context["organisations"]
    professional = context["users"]["deelnemer@example.org"]
    now = timezone.now()
    created = 0
    for index, (email, first, last, job, organisation_name) in enumerate(RESPONDENTS):
        user = _respondent(email, first, last, job, organisations[organisation_name], professional.password)
        if not ScanResponse.objects.filter(page=page, user=user).exists():
            _completed_response(
                page,
                user,
                statements,
                TENDENCIES[organisation_name],
                rng=random.Random(email),
                completed_at=now - timedelta(days=12 + 9 * index),
            )
            created += 1
    if not ScanResponse.objects.filter(page=page, user=professional).exists():
        _completed_response(
            page,
            professional,
            statements,
            EARLIER_SCAN,
            rng=random.Random(professional.email),
            completed_at=now - timedelta(days=120),
        )
        created += 1
    return created


def _respondent(email, first_name, last_name, job_title, organisation, password_hash) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        # The same published demo password as the other demo accounts; copying its hash saves a
        # deliberately slow hash per account.
        user = User.objects.create(
            email=email,
            password=password_hash,
            first_name=first_name,
            last_name=last_name,
            job_title=job_title,
            organisation=organisation,
            organisation_role=User.Role.PROFESSIONAL,
        )
        from allauth.account.models import EmailAddress

        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    return user


def _completed_response(page, user, statements, tendencies, *, rng, completed_at) -> ScanResponse:
    response = services.response_create(page=page, user=user)
    answers = {}
    for statement in statements:
        if rng.random() < 0.05:
            answers[statement.key] = None  # "don't know"
            continue
        favourable = round(tendencies[statement.factor.number] + rng.uniform(-1.2, 1.2))
        favourable = min(max(favourable, 1), 5)
        answers[statement.key] = 6 - favourable if statement.reverse_scored else favourable
    services.step_save(response=response, statements=statements, answers=answers)
    services.response_complete(response=response, statements=statements, completed_at=completed_at)
    ScanResponse.objects.filter(pk=response.pk).update(
        created_at=completed_at - timedelta(minutes=14), updated_at=completed_at
    )
    return response
