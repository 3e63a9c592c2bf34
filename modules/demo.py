"""Demo quizzes (example content): a quiz at the end of every demo module, and two attempts of the demo
professional, so that a review and the statistics have something to show.

The quiz of "Twee werelden van samenwerken" is imported from a GIFT file (modules/demo_data/), as a trainer
coming from Moodle would; the others are written here. A module this file does not know (e.g. one a trainer
added) gets a short general quiz. Seeding twice changes nothing: quizzes are found by their slug, questions
are only added to a quiz without questions, and attempts only made when the professional has none.

The passed attempt marks the quiz done in the professional's progress through `quiz_passed`, which is sent
when the seed's transaction commits, after courses.demo_progress has enrolled her.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, ReferenceIndex

from home.demo import ensure_child

from .factories import attempt_answers
from .gift_import import gift_import
from .models import (
    Attempt,
    LessonPage,
    ModuleCaseLink,
    ModulePage,
    Option,
    Question,
    QuestionKind,
    QuizPage,
    ReviewMode,
)
from .quiz_services import attempt_start, attempt_submit, field_name

DEMO_DATA = Path(__file__).resolve().parent / "demo_data"
QUIZ_SLUG = "toets"
DEMO_PROFESSIONAL = "deelnemer@example.org"
DEMO_TRAINER = "trainer@example.org"
ATTEMPTS_MODULE = "twee-werelden-van-samenwerken"
EXAMPLE_NOTE = "<p><i>Dit is een voorbeeldtoets van de demo-omgeving.</i></p>"


@dataclass
class O:  # noqa: E742 (an option, short for readable data below)
    text: str = ""
    credit: float = 0
    feedback: str = ""
    match_text: str = ""
    value: float | None = None
    tolerance: float | None = None
    minimum: float | None = None
    maximum: float | None = None


@dataclass
class Q:
    kind: str
    name: str
    text: str
    options: list[O] = field(default_factory=list)
    general_feedback: str = ""
    points: int = 1


@dataclass
class QuizSpec:
    intro: str = ""
    questions: list[Q] = field(default_factory=list)
    gift_file: str = ""
    settings: dict = field(default_factory=dict)
    minutes: int = 15


SINGLE, MULTIPLE, TRUE_FALSE = (
    QuestionKind.SINGLE_CHOICE,
    QuestionKind.MULTIPLE_RESPONSE,
    QuestionKind.TRUE_FALSE,
)
MATCHING, ORDERING, SHORT = QuestionKind.MATCHING, QuestionKind.ORDERING, QuestionKind.SHORT_ANSWER
NUMERIC, OPEN = QuestionKind.NUMERIC, QuestionKind.OPEN
THIRD, LAST_THIRD = 33.33333, 33.33334


def true_false(name: str, text: str, *, true: bool, if_true: str = "", if_false: str = "", **kwargs) -> Q:
    return Q(
        TRUE_FALSE,
        name,
        text,
        [O("Waar", 100 if true else 0, if_true), O("Onwaar", 0 if true else 100, if_false)],
        **kwargs,
    )


QUIZZES: dict[str, QuizSpec] = {
    # --- Startcondities voor samenwerking -------------------------------------------------------------
    "twee-werelden-van-samenwerken": QuizSpec(
        gift_file="twee-werelden-van-samenwerken.gift",
        settings={"passing_score": 70, "shuffle_options": True, "review_mode": ReviewMode.AFTER_ATTEMPT},
    ),
    "startcondities-formuleren": QuizSpec(
        intro="<p>Toets je kennis van startcondities: wat erin hoort, in welke volgorde je ze opstelt en hoe je "
        "een gezamenlijke ambitie formuleert. Je slaagt met 60% en hebt drie pogingen.</p>",
        settings={"passing_score": 60, "max_attempts": 3, "shuffle_options": True},
        questions=[
            Q(
                SINGLE,
                "Wat startcondities zijn",
                "<p>Wat zijn <b>startcondities</b>?</p>",
                [
                    O(
                        "Afspraken over hoe je samenwerkt, gemaakt voordat het werk begint",
                        100,
                        "Juist: het hoe, vooraf.",
                    ),
                    O(
                        "De voorwaarden in het contract waaronder de opdracht start",
                        0,
                        "Dat is het wat, vastgelegd in het contract.",
                    ),
                    O(
                        "De begroting en planning van het eerste jaar",
                        0,
                        "Begroting en planning horen bij de blauwe wereld van het project.",
                    ),
                    O(
                        "De eisen die een aanbesteding aan inschrijvers stelt",
                        0,
                        "Aanbestedingseisen gaan over de selectie, niet over de samenwerking.",
                    ),
                ],
                "<p>Startcondities gaan over besluitvorming, omgaan met verschillen, gedrag en continuïteit.</p>",
            ),
            Q(
                MULTIPLE,
                "Onderwerpen van de startcondities",
                "<p>Welke onderwerpen horen in de startcondities? Kies alle juiste antwoorden.</p>",
                [
                    O("Hoe we samen besluiten nemen", 25),
                    O("Hoe we omgaan met verschillen in uitleg", 25),
                    O("Hoe we elkaar aanspreken (gedragsafspraken)", 25),
                    O("Wat we doen als een sleutelfiguur vertrekt", 25),
                    O(
                        "De uurtarieven van de partners",
                        -50,
                        "Tarieven horen in het contract, niet in de startcondities.",
                    ),
                ],
            ),
            true_false(
                "Ambitie in één zin",
                "<p>Een gezamenlijke ambitie mag best een paar pagina's beslaan, zolang alle belangen erin staan.</p>",
                true=False,
                if_true="Nee: een ambitie die niet in één zin past, geeft geen richting als belangen botsen.",
                if_false="Juist: de ambitie past in één zin, zodat iedereen haar kan navertellen.",
            ),
            Q(
                ORDERING,
                "Volgorde van het werkblad",
                "<p>Zet de onderdelen van het werkblad <i>Startcondities en gedragsafspraken</i> in de volgorde "
                "waarin je ze met je partners invult.</p>",
                [
                    O("Onze gezamenlijke ambitie"),
                    O("Rollen en mandaat"),
                    O("Zo nemen we besluiten"),
                    O("Gedragsafspraken"),
                ],
                "<p>Eerst het waarom (ambitie), dan wie wat mag (rollen en mandaat), dan hoe je besluit, en tot "
                "slot hoe je je gedraagt.</p>",
            ),
            Q(
                SHORT,
                "Afspraken over gedrag",
                "<p>Hoe noem je afspraken als <q>we bellen elkaar voordat we mailen als het schuurt</q>?</p>",
                [
                    O("gedragsafspraken", 100, "Precies."),
                    O("gedragsafspraak", 100, "Precies."),
                    O("*afspraken", 50, "Bijna: wat voor afspraken zijn het?"),
                ],
            ),
            Q(
                MATCHING,
                "Welke vraag beantwoordt het",
                "<p>Koppel elk onderdeel van de startcondities aan de vraag die het beantwoordt.</p>",
                [
                    O("Gezamenlijke ambitie", 100, match_text="Waarom werken we samen?"),
                    O("Mandaat", 100, match_text="Wat mag ieder zelfstandig toezeggen?"),
                    O("Besluitvorming", 100, match_text="Hoe komen we tot een besluit?"),
                    O("Gedragsafspraken", 100, match_text="Hoe spreken we elkaar aan?"),
                    O("", 0, match_text="Wat kost het project?"),
                ],
            ),
            Q(
                NUMERIC,
                "Eén A4",
                "<p>Op hoeveel A4'tjes passen goede startcondities volgens het werkblad?</p>",
                [
                    O(
                        credit=100,
                        value=1,
                        tolerance=0,
                        feedback="Juist: alles op één pagina, zodat je het echt gebruikt.",
                    ),
                    O("*", 0, "Houd het korter: alles moet op één pagina passen."),
                ],
            ),
            Q(
                OPEN,
                "Eigen ambitie",
                "<p>Formuleer in één zin de gezamenlijke ambitie van een samenwerking waarin jij werkt.</p>",
                general_feedback="<p>Toets je zin: kan elke partner hem navertellen, en helpt hij kiezen als belangen botsen?</p>",
            ),
        ],
    ),
    "startcondities-levend-houden": QuizSpec(
        intro="<p>Deze toets heeft een tijdslimiet van 15 minuten. De juiste antwoorden zie je zodra je geslaagd "
        "bent.</p>",
        settings={
            "time_limit_minutes": 15,
            "review_mode": ReviewMode.AFTER_PASSING,
            "shuffle_questions": True,
        },
        questions=[
            Q(
                SINGLE,
                "Doel van de startbijeenkomst",
                "<p>Wat is het belangrijkste doel van een startbijeenkomst?</p>",
                [
                    O("Samen de startcondities maken, zodat ze van alle partners zijn", 100),
                    O("De planning presenteren aan de partners", 0),
                    O("Het contract ondertekenen", 0),
                    O("Kennismaken met de leden van de stuurgroep", 0),
                ],
                "<p>Startcondities maak je samen, niet voor elkaar.</p>",
            ),
            true_false(
                "Voorspelbaar gedrag",
                "<p>Vertrouwen groeit vooral door voorspelbaar gedrag: doen wat je zegt.</p>",
                true=True,
                if_true="Juist.",
                if_false="Toch wel: kleine toezeggingen nakomen bouwt meer vertrouwen dan grote woorden.",
            ),
            Q(
                NUMERIC,
                "De eerste dagen",
                "<p>Over hoeveel dagen gaat de les over vertrouwen opbouwen aan het begin van een samenwerking?</p>",
                [
                    O(credit=100, value=100, tolerance=0),
                    O(
                        credit=50,
                        minimum=80,
                        maximum=120,
                        feedback="In de buurt: het gaat om de eerste honderd dagen.",
                    ),
                ],
            ),
            Q(
                MULTIPLE,
                "Het samenwerkingsgesprek",
                "<p>Wat hoort bij een goed periodiek samenwerkingsgesprek? Kies alle juiste antwoorden.</p>",
                [
                    O("Terugkijken op de gedragsafspraken", THIRD),
                    O("Benoemen wat schuurt voordat het escaleert", THIRD),
                    O("Afspraken bijstellen waar nodig", LAST_THIRD),
                    O(
                        "Alleen de voortgang van de planning bespreken",
                        -50,
                        "Dat is een voortgangsoverleg; het samenwerkingsgesprek gaat over het hoe.",
                    ),
                ],
            ),
            Q(
                SHORT,
                "Naam van het gesprek",
                "<p>Hoe heet het korte, periodieke gesprek waarin partners hun startcondities onderhouden?</p>",
                [O("samenwerkingsgesprek", 100), O("*samenwerkingsgesprek*", 100)],
            ),
            Q(
                ORDERING,
                "Opbouw van de startbijeenkomst",
                "<p>Zet de delen van een startbijeenkomst in een logische volgorde.</p>",
                [
                    O("Kennismaken en verwachtingen delen"),
                    O("De gezamenlijke ambitie formuleren"),
                    O("Afspraken maken over besluiten, verschillen en gedrag"),
                    O("Vastleggen en een datum prikken voor het eerste samenwerkingsgesprek"),
                ],
            ),
        ],
    ),
    # --- Omgaan met interpretatieverschillen en conflict ----------------------------------------------
    "interpretatieverschillen-herkennen": QuizSpec(
        intro="<p>Je krijgt vijf vragen, steeds anders getrokken uit een grotere vragenbank. Je hebt twee "
        "pogingen; de juiste antwoorden zie je zodra je geslaagd bent.</p>",
        settings={"questions_per_attempt": 5, "max_attempts": 2, "review_mode": ReviewMode.AFTER_PASSING},
        questions=[
            true_false(
                "Onwil",
                "<p>Een interpretatieverschil is meestal een teken van onwil bij de andere partij.</p>",
                true=False,
                if_true="Nee: partners lezen dezelfde tekst vanuit hun eigen achtergrond en belangen.",
                if_false="Juist: een verschil in uitleg is normaal, geen kwade trouw.",
            ),
            Q(
                SINGLE,
                "Vroeg signaal",
                "<p>Wat is een vroeg signaal van een interpretatieverschil?</p>",
                [
                    O(
                        "Partners verwijzen in overleg steeds vaker naar wat er 'echt' in de afspraak staat",
                        100,
                    ),
                    O("Een overleg loopt een kwartier uit", 0),
                    O(
                        "Er komt een nieuwe projectleider",
                        0,
                        "Dat is een risico voor de continuïteit, geen signaal van een verschil.",
                    ),
                    O("De begroting wordt bijgesteld", 0),
                ],
            ),
            Q(
                MATCHING,
                "Standpunt en belang",
                "<p>Koppel elk standpunt aan het belang dat erachter kan zitten.</p>",
                [
                    O(
                        "“Wij leveren pas na akkoord van onze jurist.”",
                        100,
                        match_text="Zekerheid over aansprakelijkheid",
                    ),
                    O(
                        "“De deadline van 1 maart is heilig.”",
                        100,
                        match_text="Een toezegging aan de gemeenteraad",
                    ),
                    O(
                        "“Wij willen elke maand een rapportage.”",
                        100,
                        match_text="Grip op de besteding van publiek geld",
                    ),
                    O("", 0, match_text="Zo veel mogelijk omzet"),
                ],
            ),
            Q(
                SHORT,
                "Achter het standpunt",
                "<p>Hoe noem je wat iemand wil bereiken of beschermen, achter zijn standpunt?</p>",
                [
                    O("belang", 100),
                    O("belangen", 100),
                    O("*behoefte*", 50, "Dichtbij: in de les heet het het belang."),
                ],
            ),
            Q(
                MULTIPLE,
                "Waarom teksten anders gelezen worden",
                "<p>Waarom lezen partners dezelfde afspraak verschillend? Kies alle juiste antwoorden.</p>",
                [
                    O("Ieder leest vanuit het eigen vakgebied en jargon", THIRD),
                    O("Ieder heeft andere belangen", THIRD),
                    O("Aannames zijn nooit uitgesproken", LAST_THIRD),
                    O(
                        "De andere partij leest niet goed",
                        -100,
                        "Dat is precies de gedachte die het gesprek blokkeert.",
                    ),
                ],
            ),
            Q(
                OPEN,
                "Een afspraak met twee lezingen",
                "<p>Beschrijf een afspraak uit je eigen samenwerking die partners verschillend uitleggen.</p>",
            ),
        ],
    ),
    "het-gesprek-over-het-verschil": QuizSpec(
        intro="<p>Een korte toets over het interpretatiegesprek. Je hebt 80% nodig om te slagen.</p>",
        settings={"passing_score": 80},
        questions=[
            Q(
                ORDERING,
                "Vijf stappen",
                "<p>Zet de vijf stappen van het interpretatiegesprek in de juiste volgorde.</p>",
                [O("Feiten"), O("Lezingen"), O("Belangen"), O("Opties"), O("Afspraak")],
                "<p>Eerst samen vaststellen wat er is gebeurd, dan ieders lezing en belang, dan pas oplossingen.</p>",
                points=2,
            ),
            Q(
                SINGLE,
                "De jurist",
                "<p>Wanneer komt de jurist het best aan tafel?</p>",
                [
                    O(
                        "Vroeg, als adviseur van het gesprek tussen de partners, niet als vervanger ervan",
                        100,
                    ),
                    O(
                        "Pas als het gesprek helemaal is vastgelopen",
                        0,
                        "Dan is de jurist vaak al de vervanger van het gesprek geworden.",
                    ),
                    O("Nooit: juristen maken een verschil altijd groter", 0),
                ],
            ),
            true_false(
                "Eerst oplossingen",
                "<p>In het interpretatiegesprek bespreek je eerst de oplossingen en daarna de feiten.</p>",
                true=False,
                if_false="Juist: zonder gedeelde feiten praat je langs elkaar heen.",
            ),
            Q(
                NUMERIC,
                "Aantal stappen",
                "<p>Uit hoeveel stappen bestaat het interpretatiegesprek?</p>",
                [O(credit=100, value=5, tolerance=0)],
            ),
            Q(
                SHORT,
                "Vastleggen",
                "<p>In welk document leg je vast hoe partners een afspraak voortaan lezen?</p>",
                [O("uitlegregister", 100), O("*register*", 50, "Bijna: welk register?")],
            ),
        ],
    ),
    "escalatie-en-herstel": QuizSpec(
        intro="<p>Na deze toets zie je je score, maar niet de juiste antwoorden. Je hebt twee pogingen.</p>",
        settings={"review_mode": ReviewMode.NEVER, "max_attempts": 2},
        questions=[
            Q(
                SINGLE,
                "Escalatieladder",
                "<p>Wat is een escalatieladder?</p>",
                [
                    O(
                        "Een vooraf afgesproken route om een verschil op te schalen als het op de werkvloer niet lukt",
                        100,
                    ),
                    O("Een juridische procedure bij de rechter", 0),
                    O("Een lijst met sancties voor partners die afspraken niet nakomen", 0),
                ],
            ),
            true_false(
                "Opschalen is falen",
                "<p>Opschalen volgens de afgesproken ladder is een teken dat de samenwerking heeft gefaald.</p>",
                true=False,
            ),
            Q(
                ORDERING,
                "Treden",
                "<p>Zet de treden van een escalatieladder van laag naar hoog.</p>",
                [
                    O("Het projectteam"),
                    O("De projectleiders van de partners"),
                    O("De stuurgroep"),
                    O("De bestuurders, zo nodig met een onafhankelijke derde"),
                ],
            ),
            Q(
                MULTIPLE,
                "Herstel van vertrouwen",
                "<p>Wat is nodig om vertrouwen te herstellen na een conflict? Kies alle juiste antwoorden.</p>",
                [
                    O("Erkennen wat er is gebeurd", THIRD),
                    O("Nieuwe afspraken maken", THIRD),
                    O("Kleine toezeggingen zichtbaar nakomen", LAST_THIRD),
                    O("Het conflict niet meer noemen", -50),
                ],
            ),
            Q(
                SHORT,
                "Naam van de route",
                "<p>Hoe noem je de route waarlangs partners een verschil stap voor stap opschalen?</p>",
                [O("escalatieladder", 100), O("escalatie*", 50)],
            ),
        ],
    ),
    # --- Leidinggeven zonder hiërarchie ---------------------------------------------------------------
    "invloed-zonder-zeggenschap": QuizSpec(
        intro="<p>Vijf vragen over invloed, rollen en mandaat. Na elke poging zie je de juiste antwoorden.</p>",
        questions=[
            Q(
                SINGLE,
                "Sturen zonder lijn",
                "<p>Wat is kenmerkend voor leidinggeven in een samenwerking tussen organisaties?</p>",
                [
                    O("Je stuurt zonder lijnverantwoordelijkheid: niemand is jouw medewerker", 100),
                    O("Je hebt formele zeggenschap over alle partners", 0),
                    O("De grootste partner beslist", 0),
                ],
            ),
            Q(
                MATCHING,
                "Drie rollen",
                "<p>Koppel elke rol aan wat hem kenmerkt.</p>",
                [
                    O("Trekker", 100, match_text="Neemt initiatief en houdt de vaart erin"),
                    O("Verbinder", 100, match_text="Brengt mensen en belangen bij elkaar"),
                    O("Regisseur", 100, match_text="Bewaakt het geheel en de afspraken"),
                    O("", 0, match_text="Beslist namens alle partners"),
                ],
            ),
            true_false(
                "Mandaat vertraagt",
                "<p>Onduidelijk mandaat vertraagt samenwerkingen vaak meer dan inhoudelijke meningsverschillen.</p>",
                true=True,
            ),
            Q(
                MULTIPLE,
                "Bronnen van invloed",
                "<p>Welke bronnen van invloed heb je zonder formele macht? Kies alle juiste antwoorden.</p>",
                [
                    O("Kennis en ervaring", THIRD),
                    O("Relaties en netwerk", THIRD),
                    O("Vertrouwen door afspraken na te komen", LAST_THIRD),
                    O("Het recht om partners opdrachten te geven", -100),
                ],
            ),
            Q(
                SHORT,
                "Ruimte om toe te zeggen",
                "<p>Hoe heet de ruimte die je van je eigen organisatie krijgt om namens haar toezeggingen te doen?</p>",
                [O("mandaat", 100)],
            ),
        ],
    ),
    "samen-besluiten": QuizSpec(
        intro="<p>Deze toets heeft een tijdslimiet van 10 minuten.</p>",
        settings={"time_limit_minutes": 10},
        questions=[
            Q(
                SINGLE,
                "Consent",
                "<p>Wat betekent besluiten bij <i>consent</i>?</p>",
                [
                    O("Een besluit valt als niemand een overwegend bezwaar heeft", 100),
                    O("Iedereen moet het er volledig mee eens zijn", 0, "Dat is consensus."),
                    O("De meerderheid beslist", 0),
                ],
            ),
            true_false(
                "Niet gedragen",
                "<p>Een besluit waar een partner niet achter staat, wordt in de uitvoering vaak alsnog ongedaan gemaakt.</p>",
                true=True,
            ),
            Q(
                ORDERING,
                "Consentronde",
                "<p>Zet de stappen van een consentronde in de juiste volgorde.</p>",
                [
                    O("Voorstel toelichten"),
                    O("Verhelderende vragen"),
                    O("Reacties van ieder"),
                    O("Bezwaren toetsen en verwerken"),
                    O("Besluit vastleggen"),
                ],
            ),
            Q(
                SHORT,
                "Geen overwegend bezwaar",
                "<p>Hoe heet besluiten zolang niemand een overwegend bezwaar heeft?</p>",
                [O("consent", 100), O("consentbesluit*", 100)],
            ),
            Q(
                MULTIPLE,
                "Schakelen met de achterban",
                "<p>Hoe schakel je goed tussen de tafel en je eigen achterban? Kies alle juiste antwoorden.</p>",
                [
                    O("Vooraf je mandaat afstemmen", THIRD),
                    O("Terugkoppelen wat aan tafel besproken is", THIRD),
                    O("Tijd inbouwen voor afstemming vóór een besluit", LAST_THIRD),
                    O("Toezeggingen doen en die later intern verkopen", -50),
                ],
            ),
        ],
    ),
    "continuiteit-en-overdracht": QuizSpec(
        intro="<p>Over wat er gebeurt als mensen vertrekken. De vragen staan in willekeurige volgorde.</p>",
        settings={"shuffle_questions": True},
        questions=[
            true_false(
                "Het dossier",
                "<p>Bij een personeelswisseling is een goed overdrachtsdossier genoeg.</p>",
                true=False,
                if_false="Juist: relaties en ongeschreven afspraken staan niet in het dossier.",
            ),
            Q(
                SINGLE,
                "Risico bij vertrek",
                "<p>Wat is het grootste risico als de trekker van een samenwerking vertrekt?</p>",
                [
                    O("Vertrouwen en ongeschreven afspraken verdwijnen met die persoon", 100),
                    O("Het contract vervalt", 0),
                    O("De partners moeten opnieuw aanbesteden", 0),
                ],
            ),
            Q(
                MULTIPLE,
                "Meer dan stukken",
                "<p>Wat draag je over naast de stukken? Kies alle juiste antwoorden.</p>",
                [
                    O("De relaties met de belangrijkste personen", THIRD),
                    O("Gevoeligheden en eerdere verschillen", THIRD),
                    O("Een persoonlijke introductie bij de partners", LAST_THIRD),
                    O("Je eigen oordeel over collega's van de partners", -50),
                ],
            ),
            Q(
                ORDERING,
                "Overdracht in stappen",
                "<p>Zet de stappen van een goede overdracht in de juiste volgorde.</p>",
                [
                    O("Het overdrachtswerkblad samen invullen"),
                    O("Samen naar de overleggen gaan"),
                    O("Persoonlijke kennismakingsronde bij de partners"),
                    O("Na een maand samen terugkijken"),
                ],
            ),
            Q(
                NUMERIC,
                "Overlap",
                "<p>Naar hoeveel overleggen gaan vertrekker en opvolger volgens het werkblad samen?</p>",
                [O(credit=100, value=2, tolerance=0)],
            ),
            Q(
                OPEN,
                "Als jij vertrekt",
                "<p>Wat zou jij overdragen als je morgen vertrekt uit je samenwerking?</p>",
            ),
        ],
    ),
}

GENERAL_QUIZ = QuizSpec(
    intro="<p>Een korte toets over de kern van de methode.</p>",
    questions=[
        Q(
            SINGLE,
            "De oranje wereld",
            "<p>Wat hoort bij de oranje wereld van samenwerken?</p>",
            [O("Vertrouwen en gedrag", 100), O("Het contract", 0), O("De governance", 0)],
        ),
        true_false(
            "Twee werelden", "<p>Een samenwerking heeft een blauwe en een oranje wereld.</p>", true=True
        ),
        Q(
            MATCHING,
            "Werelden",
            "<p>Koppel elk onderdeel aan zijn wereld.</p>",
            [O("Contract", 100, match_text="Blauwe wereld"), O("Relatie", 100, match_text="Oranje wereld")],
        ),
        Q(
            SHORT,
            "Afspraken vooraf",
            "<p>Hoe heten de afspraken die je maakt voordat het werk begint?</p>",
            [O("startcondities", 100)],
        ),
        Q(
            NUMERIC,
            "Succesfactoren",
            "<p>Op hoeveel kritische succesfactoren rust de methode?</p>",
            [O(credit=100, value=8, tolerance=0)],
        ),
        Q(
            ORDERING,
            "Van praktijk naar les",
            "<p>Zet de stappen van de kern van de academie in volgorde.</p>",
            [O("Praktijkvoorbeeld"), O("Leermodule en instrument"), O("Toepassen in de eigen samenwerking")],
        ),
    ],
)


def _create_questions(quiz: QuizPage, spec: QuizSpec) -> int:
    for position, q in enumerate(spec.questions):
        question = Question.objects.create(
            quiz=quiz,
            sort_order=position,
            kind=q.kind,
            name=q.name,
            text=q.text,
            general_feedback=q.general_feedback,
            points=q.points,
        )
        Option.objects.bulk_create(
            Option(
                question=question,
                sort_order=order,
                text=o.text,
                credit=Decimal(str(o.credit)),
                feedback=o.feedback,
                match_text=o.match_text,
                value=o.value,
                tolerance=o.tolerance,
                minimum=o.minimum,
                maximum=o.maximum,
            )
            for order, o in enumerate(q.options)
        )
    return len(spec.questions)


def ensure_quiz(module: ModulePage, spec: QuizSpec) -> tuple[QuizPage, bool]:
    """The module's quiz, created at the end of the module with its questions when missing."""
    quiz = ensure_child(
        module,
        QuizPage,
        slug=QUIZ_SLUG,
        title=f"Toets: {module.title}",
        intro=spec.intro + (EXAMPLE_NOTE if spec.intro else ""),
        estimated_minutes=spec.minutes,
        search_description=f"Toets bij de module {module.title} (voorbeeld).",
        **spec.settings,
    )
    if Question.objects.filter(quiz=quiz).exists():
        return quiz, False
    if spec.gift_file:
        gift_import(quiz=quiz, text=(DEMO_DATA / spec.gift_file).read_text(encoding="utf-8"))
    else:
        _create_questions(quiz, spec)
    return quiz, True


def demo_attempts(*, quiz: QuizPage, user, trainer=None) -> int:
    """A failed and then a passed attempt, a few days ago, through the same services as in the browser;
    the trainer grades their open answers."""
    if Attempt.objects.filter(quiz=quiz, user=user).exists():
        return 0
    now = timezone.now()
    failed = attempt_start(quiz=quiz, user=user, now=now - timedelta(days=3))
    # Mostly wrong, but the first question right: a first try as it goes.
    data = attempt_answers(failed, right=False, open_text=OPEN_ANSWER)
    right = attempt_answers(failed, right=True)
    first = failed.responses.order_by("position").select_related("question").first()
    for key in right:
        if key.startswith(field_name(first.question)):
            data.setlist(key, right.getlist(key))
    attempt_submit(
        attempt=failed,
        quiz=quiz,
        user=user,
        data=data,
        allow_unanswered=True,
        now=now - timedelta(days=3, minutes=-9),
    )
    passed = attempt_start(quiz=quiz, user=user, now=now - timedelta(days=2))
    attempt_submit(
        attempt=passed,
        quiz=quiz,
        user=user,
        data=attempt_answers(passed, right=True, open_text=OPEN_ANSWER),
        now=now - timedelta(days=2, minutes=-12),
    )
    if trainer is not None:
        # The trainer read both open answers: half the points the first time, full points the second.
        for attempt, share, feedback in ((failed, 0.5, FEEDBACK_FIRST), (passed, 1.0, FEEDBACK_SECOND)):
            _grade_open_answers(attempt=attempt, trainer=trainer, share=share, feedback=feedback, now=now)
    return 2


def _grade_open_answers(*, attempt: Attempt, trainer, share: float, feedback: str, now) -> None:
    from .manual_grading import GradeInput, response_grade

    waiting = attempt.responses.filter(awaiting_grading_since__isnull=False).select_related("question")
    for response in waiting:
        response.attempt = attempt
        grade = GradeInput(points=share * response.question.points, feedback=feedback)
        response_grade(response=response, grader=trainer, grade=grade, expected_graded_at=None, now=now)


FEEDBACK_FIRST = (
    "<p>Een herkenbaar voorbeeld: de afspraak over de reactietermijn stond er, de afspraak over "
    "<em>wat we doen als het misgaat</em> niet. Benoem nog welke startconditie hier ontbrak.</p>"
)
FEEDBACK_SECOND = (
    "<p>Precies: het vertrouwen zat in één persoon. Je beschrijft goed hoe de oranje wereld "
    "stilviel toen zij vertrok. Probeer het instrument <strong>Overdrachtsgesprek</strong> eens uit.</p>"
)


OPEN_ANSWER = (
    "In ons wijkteam was contractueel vastgelegd hoe snel we op een verwijzing reageren, maar niemand had "
    "afgesproken wat we doen als de wachtlijst oploopt. Toen de teamleider van de GGD vertrok, belde niemand "
    "meer vooraf: we zagen het pas in de kwartaalrapportage."
)


def _course_modules(context) -> list[ModulePage]:
    """The modules of the demo courses only: a trainer's own course (or the benchmark's) gets no demo quiz."""
    modules: list[ModulePage] = []
    for course in context.get("courses", {}).values():
        modules.extend(ModulePage.objects.child_of(course).order_by("path"))
    return modules


def demo_module_case_links() -> int:
    """Each demo module names the cases its lessons show (case blocks), as a trainer would; idempotent."""
    lesson_type = ContentType.objects.get_for_model(LessonPage)
    added = 0
    for case in Page.objects.live().filter(content_type__model="casepage"):
        lesson_ids = (
            ReferenceIndex.get_references_to(case)
            .filter(content_type=lesson_type)
            .values_list("object_id", flat=True)
        )
        parents = {
            lesson.get_parent().pk
            for lesson in LessonPage.objects.filter(pk__in=[int(pk) for pk in lesson_ids])
        }
        for module in ModulePage.objects.filter(pk__in=parents):
            _link, created = ModuleCaseLink.objects.get_or_create(page=module, case=case)
            if created:
                added += 1
                ReferenceIndex.create_or_update_for_object(module)
    return added


def seed(log, context) -> dict:
    quizzes: dict[str, QuizPage] = {}
    created = 0
    for module in _course_modules(context):
        quiz, is_new = ensure_quiz(module, QUIZZES.get(module.slug, GENERAL_QUIZ))
        quizzes[module.slug] = quiz
        created += is_new
    attempts = 0
    user = context.get("users", {}).get(DEMO_PROFESSIONAL)
    target = quizzes.get(ATTEMPTS_MODULE) or next(iter(quizzes.values()), None)
    if user is not None and target is not None:
        trainer = context.get("users", {}).get(DEMO_TRAINER)
        attempts = demo_attempts(quiz=target, user=user, trainer=trainer)
    log(f"modules: {demo_module_case_links()} new links from modules to the cases they were built from")
    log(f"quizzes: {len(quizzes)} demo quizzes ({created} new), {attempts} new demo attempts")
    return {"quizzes": quizzes}


__all__ = ["GENERAL_QUIZ", "QUIZZES", "seed"]
