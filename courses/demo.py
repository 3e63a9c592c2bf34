"""Demo courses: three original Dutch courses with their modules and lessons (example content).

The content is written as data (courses → modules → lessons → blocks) and turned into pages by `seed`. Pages
are only created when their slug is missing, so a trainer's edits survive a second run.
"""

from __future__ import annotations

import io
import uuid
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions
from home.demo import ensure_child
from modules.models import LessonPage, ModulePage

from .models import CourseIndexPage, CoursePage, Level

EXAMPLE_NOTE = "<p><i>Dit is een voorbeeldcursus van de demo-omgeving.</i></p>"
VIDEO_BASE = "https://video.example.org/academie/"
TRAINER_EMAIL = "trainer@example.org"


# --- The shape of the content ----------------------------------------------------------------------


@dataclass
class Lesson:
    slug: str
    title: str
    summary: str
    minutes: int
    factors: list[int]
    body: list[tuple[str, object]]
    required: bool = True


@dataclass
class Module:
    slug: str
    title: str
    intro: str
    lessons: list[Lesson]


@dataclass
class Course:
    slug: str
    title: str
    intro: str
    learning_goals: str
    audience: str
    level: str
    duration_hours: str
    factors: list[int]
    sectors: str
    search_description: str
    modules: list[Module]
    sequential: bool = False
    prerequisites: list[str] = field(default_factory=list)


def heading(text: str, level: str = "h2"):
    return ("heading", {"text": text, "level": level})


def rich_text(html: str):
    return ("text", html)


def callout(kind: str, title: str, html: str):
    return ("callout", {"kind": kind, "title": title, "text": html})


def reflection(question: str, hint: str = "", *, trainer_feedback: bool = False):
    return ("reflection", {"question": question, "hint": hint, "trainer_feedback": trainer_feedback})


def checklist(title: str, *items: str):
    return ("checklist", {"title": title, "items": list(items)})


def quote(text: str, attribution: str):
    return ("quote", {"text": text, "attribution": attribution})


def video(title: str, slug: str, transcript: str):
    return ("video", {"title": title, "file": None, "url": VIDEO_BASE + slug, "transcript": transcript})


def figure(image: str, alt_text: str, caption: str):
    return ("image", {"image": image, "alt_text": alt_text, "caption": caption})


def download(document: str, description: str):
    return ("download", {"document": document, "description": description})


def instrument(keywords: tuple[str, ...], intro: str):
    """An instrument sheet from the handelingsrepertoire, when that block and demo instruments exist."""
    return ("instrument", {"instrument": keywords, "intro": intro})


def case(keywords: tuple[str, ...], intro: str):
    """A best-practice case, when that block and demo cases exist."""
    return ("case", {"case": keywords, "intro": intro})


# --- Images and documents the lessons use ----------------------------------------------------------

DIAGRAM = "Blauwe en oranje wereld (voorbeeld)"
WORKSHEET_START = "Werkblad startcondities en gedragsafspraken (voorbeeld)"
WORKSHEET_INTERPRETATION = "Werkblad interpretatiegesprek (voorbeeld)"
WORKSHEET_HANDOVER = "Werkblad overdracht in een samenwerking (voorbeeld)"

WORKSHEETS = {
    WORKSHEET_START: (
        "werkblad-startcondities.pdf",
        """
        <h1>Startcondities en gedragsafspraken</h1>
        <p class="lead">Vul dit werkblad samen met je partners in, in de startbijeenkomst. Houd het kort:
        alles moet op deze ene pagina passen.</p>
        <h2>1. Onze gezamenlijke ambitie</h2>
        <p>Wij werken samen zodat …</p><div class="line"></div>
        <h2>2. Rollen en mandaat</h2>
        <table><tr><th>Partner</th><th>Aanspreekpunt</th><th>Mag zelfstandig besluiten over</th></tr>
        <tr><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td></tr></table>
        <h2>3. Zo nemen we besluiten</h2><div class="line"></div>
        <h2>4. Zo gaan we om met verschillen van uitleg</h2><div class="line"></div>
        <h2>5. Gedragsafspraken</h2>
        <table><tr><th>In deze situatie …</th><th>… doen we dit</th><th>Zo spreken we elkaar aan</th></tr>
        <tr><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td></tr></table>
        <h2>6. Continuïteit</h2><p>Als iemand vertrekt, dan …</p><div class="line"></div>
        <p>Eerste samenwerkingsgesprek op: ____________________</p>
        """,
    ),
    WORKSHEET_INTERPRETATION: (
        "werkblad-interpretatiegesprek.pdf",
        """
        <h1>Het interpretatiegesprek in vijf stappen</h1>
        <p class="lead">Gebruik dit werkblad samen, aan één tafel. Eén persoon bewaakt de stappen en vat
        samen.</p>
        <h2>1. Feiten</h2><p>Om welke afspraak gaat het? Wat is er gebeurd?</p><div class="line"></div>
        <h2>2. Lezingen</h2>
        <table><tr><th>Partner</th><th>Zo lezen wij de afspraak</th><th>Omdat …</th></tr>
        <tr><td></td><td></td><td></td></tr><tr><td></td><td></td><td></td></tr></table>
        <h2>3. Belangen</h2><p>Wat staat er voor ieder op het spel?</p><div class="line"></div>
        <h2>4. Opties</h2><p>Minstens drie mogelijke oplossingen:</p>
        <ol><li></li><li></li><li></li></ol>
        <h2>5. Afspraak</h2><p>Wat spreken we af, en hoe lezen we de afspraak voortaan?</p>
        <div class="line"></div>
        <p>Vastgelegd in het uitlegregister door: ____________________ op: ____________</p>
        """,
    ),
    WORKSHEET_HANDOVER: (
        "werkblad-overdracht.pdf",
        """
        <h1>Overdracht in een samenwerking</h1>
        <p class="lead">Voor wie vertrekt én wie begint. Draag beide werelden over: de stukken en de
        relaties.</p>
        <h2>Blauwe wereld</h2>
        <ul><li>Startcondities en uitlegregister: waar liggen ze?</li>
        <li>Lopende besluiten en termijnen</li><li>Mandaat van de opvolger, afgestemd met de
        leidinggevende</li></ul>
        <h2>Oranje wereld</h2>
        <table><tr><th>Partner</th><th>Belangrijkste persoon</th><th>Wat vindt die belangrijk?</th>
        <th>Gevoeligheden</th></tr><tr><td></td><td></td><td></td><td></td></tr>
        <tr><td></td><td></td><td></td><td></td></tr></table>
        <h2>Eerdere verschillen en hoe ze zijn opgelost</h2><div class="line"></div>
        <h2>Kennismakingsronde</h2><p>Bij wie introduceert de vertrekker de opvolger persoonlijk, en
        wanneer?</p><div class="line"></div>
        <p>Overlap: samen naar de overleggen op ____________ en ____________</p>
        """,
    ),
}

WORKSHEET_STYLE = """
@page { size: A4; margin: 18mm; }
body { font-family: sans-serif; font-size: 10.5pt; color: #222; }
h1 { color: #1d4f8c; font-size: 18pt; margin: 0 0 4pt; }
h2 { color: #1d4f8c; font-size: 11.5pt; margin: 12pt 0 4pt; }
.lead { color: #444; }
table { width: 100%; border-collapse: collapse; }
th, td { border: 1px solid #999; padding: 4pt; text-align: left; height: 16pt; }
th { background: #eef2f8; font-size: 9.5pt; }
.line { border-bottom: 1px solid #999; height: 28pt; }
footer { margin-top: 14pt; font-size: 8.5pt; color: #e2731f; }
"""


def ensure_worksheet(title: str):
    """A worksheet PDF as a Wagtail document, found again by its title."""
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    from academy.pdf import html_to_pdf

    filename, body = WORKSHEETS[title]
    html = (
        f"<html lang='nl'><head><meta charset='utf-8'><style>{WORKSHEET_STYLE}</style></head><body>{body}"
        "<footer>Academie voor Samenwerken · voorbeeldmateriaal van de demo-omgeving</footer></body></html>"
    )
    content = html_to_pdf(html).content
    document = Document(title=title, file=ContentFile(content, name=filename), file_size=len(content))
    document.save()
    return document


def diagram_png() -> bytes:
    """Two overlapping circles: the blue and the orange world, with the collaboration where they meet."""
    from PIL import Image, ImageChops, ImageDraw, ImageFont

    width, height, radius, centre_y = 1200, 780, 300, 440

    def layer(centre_x: int, fill: str, outline: str) -> Image.Image:
        image = Image.new("RGB", (width, height), "white")
        ImageDraw.Draw(image).ellipse(
            (centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius),
            fill=fill,
            outline=outline,
            width=10,
        )
        return image

    canvas = ImageChops.multiply(layer(440, "#d2dff0", "#1d4f8c"), layer(760, "#fbdcc4", "#e2731f"))

    def font(size: int):
        try:
            return ImageFont.truetype("DejaVuSans-Bold.ttf", size)
        except OSError:
            return ImageFont.load_default(size=size)

    draw = ImageDraw.Draw(canvas)
    for centre_x, title, words, colour in [
        (310, "Blauwe wereld", ["contract", "governance", "proces"], "#1d4f8c"),
        (890, "Oranje wereld", ["relatie", "vertrouwen", "gedrag"], "#a54b0c"),
    ]:
        draw.text((centre_x, 70), title, font=font(44), fill=colour, anchor="mm")
        for offset, word in enumerate(words):
            draw.text((centre_x, 395 + offset * 46), word, font=font(32), fill=colour, anchor="mm")
    draw.text((600, 420), "samen-", font=font(30), fill="#2b2b2b", anchor="mm")
    draw.text((600, 460), "werking", font=font(30), fill="#2b2b2b", anchor="mm")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_diagram():
    Image = get_image_model()
    image = Image.objects.filter(title=DIAGRAM).first()
    if image is None:
        image = Image(
            title=DIAGRAM, file=ImageFile(io.BytesIO(diagram_png()), name="blauwe-en-oranje-wereld.png")
        )
        image.save()
    return image


# --- Course 1: Startcondities voor samenwerking ----------------------------------------------------

COURSE_STARTCONDITIES = Course(
    slug="startcondities-voor-samenwerking",
    title="Startcondities voor samenwerking",
    intro=(
        "<p>De meeste samenwerkingen lopen niet vast op het contract, maar op wat niemand vooraf heeft "
        "afgesproken: hoe je besluit, hoe je elkaar aanspreekt en wat je doet als partners een afspraak "
        "verschillend uitleggen. In deze cursus leer je die <b>startcondities</b> samen met je partners te "
        "formuleren, vast te leggen en levend te houden.</p>"
        "<p>Je werkt met voorbeelden uit het sociaal domein, de bouw, energie en mobiliteit, en past elke les "
        "direct toe op je eigen samenwerking.</p>" + EXAMPLE_NOTE
    ),
    learning_goals=(
        "<ul><li>het verschil uitleggen tussen de blauwe en de oranje wereld van een samenwerking;</li>"
        "<li>met je partners een gezamenlijke ambitie in één zin formuleren;</li>"
        "<li>concrete gedragsafspraken opstellen over besluiten, aanspreken en verschillen van uitleg;</li>"
        "<li>een startbijeenkomst ontwerpen en de afspraken daarna periodiek onderhouden.</li></ul>"
    ),
    audience=(
        "Projectleiders, ketenregisseurs, contractmanagers en beleidsadviseurs die een nieuwe samenwerking "
        "tussen organisaties opstarten of een lopende samenwerking een frisse start willen geven."
    ),
    level=Level.BASIC,
    duration_hours="3.0",
    factors=[1, 2, 3, 8],
    sectors="sociaal-domein,bouw-infra,energie,mobiliteit,overheid",
    search_description=(
        "Basiscursus: spreek met je partners startcondities en gedragsafspraken af voordat het werk begint."
    ),
    modules=[
        Module(
            slug="twee-werelden-van-samenwerken",
            title="Twee werelden van samenwerken",
            intro=(
                "<p>Voordat je startcondities opstelt, moet je zien wat er in een samenwerking eigenlijk "
                "gebeurt. Deze module introduceert het onderscheid tussen de blauwe en de oranje wereld en "
                "laat zien waarom het contract alleen niet genoeg is.</p>"
            ),
            lessons=[
                Lesson(
                    slug="waarom-samenwerkingen-vastlopen",
                    title="Waarom samenwerkingen vastlopen",
                    summary=(
                        "Meer dan de helft van de samenwerkingen tussen organisaties werkt niet zoals bedoeld. "
                        "Je leert waar het meestal misgaat, en waarom dat zelden aan het contract ligt."
                    ),
                    minutes=15,
                    factors=[1, 3],
                    body=[
                        heading("Het contract is zelden het probleem"),
                        rich_text(
                            "<p>Een gemeente en drie zorgaanbieders starten een wijkteam. Een provincie en een "
                            "aannemerscombinatie bouwen samen een nieuwe brug. Een netbeheerder, twee gemeenten "
                            "en een energiecoöperatie leggen een warmtenet aan. Op papier is alles geregeld: er "
                            "is een contract, er zijn budgetten en er is een stuurgroep. Toch blijkt na een jaar "
                            "vaak dat de samenwerking niet oplevert wat iedereen ervan verwachtte.</p>"
                            "<p>Onderzoek en praktijkervaring laten hetzelfde beeld zien: <b>meer dan de helft "
                            "van de samenwerkingsverbanden tussen organisaties werkt niet zoals bedoeld</b>. Als "
                            "je betrokkenen vraagt wat er misging, noemen ze zelden een fout in het contract. Ze "
                            "vertellen over vertrouwen dat wegviel toen een projectleider vertrok, over een "
                            "overleg waarin niemand durfde te zeggen dat een planning niet haalbaar was, of over "
                            "een meningsverschil dat pas op tafel kwam toen de juristen er al een brief over "
                            "hadden geschreven.</p>"
                        ),
                        heading("Drie patronen die steeds terugkomen", "h3"),
                        rich_text(
                            "<ol><li><b>Vertrouwen zit in een paar mensen.</b> De samenwerking draait op de "
                            "goede relatie tussen twee of drie sleutelfiguren. Als een van hen vertrekt, blijkt "
                            "er niets te zijn vastgelegd over hoe je met elkaar omgaat.</li>"
                            "<li><b>Er zijn geen startcondities.</b> Partners hebben wel afgesproken <i>wat</i> "
                            "ze gaan doen, maar niet <i>hoe</i>: hoe ze besluiten nemen, hoe ze elkaar "
                            "aanspreken en wat ze doen als ze een afspraak verschillend uitleggen.</li>"
                            "<li><b>Procedures vervangen het gesprek.</b> Zodra het schuurt, grijpen partners "
                            "naar het contract en de formele route. Dat voelt veilig, maar het maakt het gesprek "
                            "over wat er werkelijk speelt steeds moeilijker.</li></ol>"
                        ),
                        quote(
                            "Het contract was prima. We hadden alleen nooit afgesproken wat we zouden doen als "
                            "we het oneens werden. Toen het zover was, hadden we geen taal meer voor elkaar.",
                            "Projectleider bij een provincie, over een wegenproject (fictief voorbeeld)",
                        ),
                        callout(
                            "tip",
                            "Kijk eerst naar het hoe",
                            "<p>Lees de stukken van je volgende samenwerking eens met één vraag in je "
                            "achterhoofd: staat hier ergens hoe we met elkaar omgaan als het tegenzit? Vaak is "
                            "het antwoord nee.</p>",
                        ),
                        rich_text(
                            "<p>In deze cursus leer je die lege plek te vullen. Niet met meer regels, maar met "
                            "een handvol afspraken die je samen met je partners maakt voordat het werk begint: "
                            "de startcondities.</p>"
                        ),
                        reflection(
                            "Denk aan een samenwerking waarin je nu werkt of hebt gewerkt. Welk van de drie "
                            "patronen herken je, en waaraan merkte je dat?",
                            "Beschrijf een concreet moment: een overleg, een mail, het vertrek van een collega.",
                            trainer_feedback=True,
                        ),
                    ],
                ),
                Lesson(
                    slug="de-blauwe-en-de-oranje-wereld",
                    title="De blauwe en de oranje wereld",
                    summary=(
                        "Elke samenwerking heeft een rationele, maakbare kant en een sociale kant. Je leert "
                        "beide werelden herkennen en zien waarom je ze allebei moet managen."
                    ),
                    minutes=20,
                    factors=[8, 3],
                    body=[
                        rich_text(
                            "<p>Om te begrijpen wat er in een samenwerking gebeurt, helpt een eenvoudig "
                            "onderscheid tussen twee werelden. Ze bestaan altijd tegelijk, in elk overleg en in "
                            "elk project.</p>"
                        ),
                        figure(
                            DIAGRAM,
                            "Twee overlappende cirkels. Links een blauwe cirkel: blauwe wereld, met contract, "
                            "governance en proces. Rechts een oranje cirkel: oranje wereld, met relatie, "
                            "vertrouwen en gedrag. In de overlap staat: samenwerking.",
                            "De blauwe en de oranje wereld overlappen: daar gebeurt de samenwerking.",
                        ),
                        callout(
                            "blauw",
                            "De blauwe wereld",
                            "<p>Alles wat rationeel en maakbaar is: beleid, het contract, de governance, "
                            "planningen, budgetten en processen. De blauwe wereld kun je op papier zetten, "
                            "vergaderen en controleren.</p><ul><li>Wie zit in de stuurgroep?</li>"
                            "<li>Welke prestaties zijn afgesproken?</li>"
                            "<li>Hoe loopt de besluitvorming formeel?</li></ul>",
                        ),
                        callout(
                            "oranje",
                            "De oranje wereld",
                            "<p>Alles wat sociaal is: relaties, vertrouwen, gedrag en de dagelijkse ervaring "
                            "van mensen. De oranje wereld zie je niet in de stukken, maar wel in het overleg."
                            "</p><ul><li>Durven mensen te zeggen dat iets niet lukt?</li>"
                            "<li>Hoe reageren partners op elkaars fouten?</li>"
                            "<li>Wie belt wie als het ergens schuurt?</li></ul>",
                        ),
                        heading("Waarom je beide werelden nodig hebt"),
                        rich_text(
                            "<p>Organisaties zijn goed in de blauwe wereld. Daar hebben ze afdelingen, "
                            "procedures en specialisten voor. De oranje wereld wordt vaak overgelaten aan het "
                            "toeval, of aan de persoonlijkheid van de projectleider. Dat gaat goed zolang de "
                            "juiste mensen aan tafel zitten en het meezit.</p>"
                            "<p>Het gaat mis als de twee werelden los van elkaar komen te staan. Een stuurgroep "
                            "die alleen blauw stuurt, ziet niet dat het vertrouwen tussen de uitvoerders "
                            "wegzakt. Een team dat alleen op de relatie vertrouwt, heeft geen houvast als er een "
                            "nieuwe wethouder of directeur komt. Goede samenwerkers schakelen bewust tussen "
                            "beide: ze gebruiken blauwe afspraken om oranje gedrag te ondersteunen, en oranje "
                            "gesprekken om blauwe afspraken te laten werken.</p>"
                        ),
                        heading("Een voorbeeld uit het sociaal domein", "h3"),
                        rich_text(
                            "<p>In een jeugdzorgregio is contractueel vastgelegd dat aanbieders binnen vijf "
                            "werkdagen reageren op een verwijzing. Dat is blauw. Of een aanbieder de gemeente "
                            "belt als een wachtlijst oploopt, voordat de termijn wordt overschreden, is oranje. "
                            "Het eerste kun je afrekenen; het tweede bepaalt of de gemeente en de aanbieder samen "
                            "een oplossing vinden of elkaar achteraf de schuld geven.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="contract-en-samenwerking",
                    title="Contract en samenwerking: twee kanten van één afspraak",
                    summary=(
                        "Het contract en de samenwerking zijn geen tegenpolen. Je leert hoe een contract de "
                        "samenwerking kan ondersteunen in plaats van vervangen."
                    ),
                    minutes=20,
                    factors=[8],
                    body=[
                        rich_text(
                            "<p>Wie over samenwerken praat, zet het contract vaak tegenover het vertrouwen: óf "
                            "je regelt alles op papier, óf je vertrouwt elkaar. Dat is een schijntegenstelling. "
                            "Een goed contract <b>ondersteunt</b> de samenwerking; het wordt pas een probleem "
                            "als het de plaats inneemt van het gesprek.</p>"
                        ),
                        video(
                            "Wat het contract wel en niet regelt",
                            "contract-en-samenwerking",
                            "Ik ben contractmanager bij een waterschap, en ik heb een haat-liefdeverhouding met "
                            "contracten. Ik schrijf ze, dus ik vind ze belangrijk. Maar ik heb ook gezien wat er "
                            "gebeurt als een contract het enige is dat je hebt.\n\n"
                            "We hadden een onderhoudscontract voor onze gemalen, zes jaar, met een aannemer die "
                            "we goed kenden. In het tweede jaar kwam er een storing die niet precies in de "
                            "definities paste. Was het regulier onderhoud of herstelwerk? Financieel maakte dat "
                            "veel uit. Binnen een week lagen er twee juridische analyses op tafel, en de monteurs "
                            "van beide kanten mochten niet meer met elkaar over de oorzaak praten.\n\n"
                            "Wat ik daarvan heb geleerd: het contract regelt wat we leveren en wat het kost. Het "
                            "regelt niet hoe we praten als we het antwoord niet weten. Bij ons volgende contract "
                            "hebben we daarom in de eerste maand een middag met beide teams gezeten. We hebben "
                            "afgesproken dat technische vragen eerst technisch worden besproken, door de mensen "
                            "die het werk doen, en dat we pas daarna kijken wat het contractueel betekent. Dat "
                            "staat nu ook als werkafspraak in een bijlage bij het contract.\n\n"
                            "Het contract is daardoor niet zwakker geworden. We halen het alleen minder vaak uit "
                            "de kast.\n\n"
                            "(Voorbeeldvideo van de demo-omgeving; de spreker is fictief.)",
                        ),
                        heading("Wat hoort in het contract, en wat in de samenwerkingsafspraken?"),
                        rich_text(
                            "<p>Een handige vuistregel: het contract legt vast <i>wat</i> partners aan elkaar "
                            "verplicht zijn, de samenwerkingsafspraken leggen vast <i>hoe</i> ze met elkaar "
                            "omgaan om dat waar te maken. Het contract is er voor het geval het misgaat; de "
                            "samenwerkingsafspraken zijn er om te voorkomen dat het misgaat.</p>"
                            "<p>Sommige afspraken horen in allebei. Een escalatieroute staat formeel in het "
                            "contract, maar werkt alleen als partners ook hebben afgesproken dat ze een verschil "
                            "eerst zelf bespreken, op het niveau waar het ontstaat. Verwijs in het contract "
                            "daarom naar de samenwerkingsafspraken, en omgekeerd.</p>"
                        ),
                        callout(
                            "letop",
                            "Laat de jurist niet als eerste spreken",
                            "<p>Als een verschil van inzicht meteen naar de juridische afdeling gaat, schuift "
                            "het gesprek op van <i>wat is hier aan de hand?</i> naar <i>wie heeft gelijk?</i>. "
                            "Spreek af dat een inhoudelijk gesprek tussen de betrokken mensen altijd de eerste "
                            "stap is.</p>",
                        ),
                        reflection(
                            "Pak het contract of de samenwerkingsovereenkomst van je eigen samenwerking erbij. "
                            "Welke afspraken gaan over wát jullie leveren, en welke over hóe jullie "
                            "samenwerken? Wat mis je?",
                            "Let vooral op wat er staat over overleg, besluiten en verschillen van inzicht.",
                        ),
                    ],
                ),
            ],
        ),
        Module(
            slug="startcondities-formuleren",
            title="Startcondities formuleren",
            intro=(
                "<p>Startcondities zijn de afspraken die je maakt voordat het werk begint. In deze module leer "
                "je welke startcondities ertoe doen, hoe je een gezamenlijke ambitie formuleert en hoe je "
                "gedragsafspraken maakt die in de praktijk overeind blijven.</p>"
            ),
            lessons=[
                Lesson(
                    slug="wat-zijn-startcondities",
                    title="Wat zijn startcondities?",
                    summary=(
                        "Startcondities zijn afspraken over hóe je samenwerkt, gemaakt voordat het werk begint. "
                        "Je leert welke vijf onderwerpen er altijd in horen."
                    ),
                    minutes=15,
                    factors=[2],
                    body=[
                        rich_text(
                            "<p>Startcondities zijn de voorwaarden waaronder partners met elkaar aan het werk "
                            "gaan. Ze gaan niet over de inhoud van het project, maar over de manier waarop je "
                            "samen optrekt. Denk aan de spelregels die je afspreekt voordat een wedstrijd "
                            "begint: niet spannend als alles goed gaat, onmisbaar als het schuurt.</p>"
                            "<p>Het moment om startcondities af te spreken is <b>vóór</b> het eerste conflict. "
                            "Zolang de verhoudingen goed zijn, kun je open praten over wat je doet als het "
                            "misgaat. Als het eenmaal misgaat, wordt elk voorstel voor een spelregel gelezen als "
                            "een zet in het conflict.</p>"
                        ),
                        heading("Vijf onderwerpen die er altijd in horen"),
                        checklist(
                            "Startcondities: de basis",
                            "Ambitie: waarom werken we samen en wat willen we samen bereiken?",
                            "Rollen: wie doet wat, wie is aanspreekpunt en wat is ieders mandaat?",
                            "Besluitvorming: hoe nemen we besluiten, en wat doen we als we er niet uitkomen?",
                            "Omgang met verschillen: hoe bespreken we interpretatieverschillen, en wanneer "
                            "schalen we op?",
                            "Continuïteit: hoe dragen we over als iemand vertrekt, en hoe werken we nieuwe "
                            "mensen in?",
                        ),
                        rich_text(
                            "<p>Bij elk onderwerp horen twee soorten afspraken. De <b>blauwe</b> afspraak legt "
                            "de structuur vast, bijvoorbeeld: het kernteam besluit bij meerderheid, en als de "
                            "stemmen staken beslist de stuurgroep. De <b>oranje</b> afspraak beschrijft het "
                            "gedrag dat nodig is om die structuur te laten werken, bijvoorbeeld: we brengen een "
                            "twijfel in vóór de vergadering, niet erna in de wandelgang.</p>"
                        ),
                        callout(
                            "blauw",
                            "Leg het vast, maar kort",
                            "<p>Startcondities passen op één A4. Een document van twintig pagina's leest "
                            "niemand na, en dan zijn het geen afspraken meer maar archief. Gebruik eenvoudige "
                            "taal die elke medewerker van elke partner begrijpt.</p>",
                        ),
                        rich_text(
                            "<p>In de volgende lessen werk je de belangrijkste onderwerpen uit: eerst de "
                            "gezamenlijke ambitie, daarna de gedragsafspraken. Rollen, besluitvorming en "
                            "continuïteit komen uitgebreid aan bod in de cursus <i>Leidinggeven zonder "
                            "hiërarchie</i>; de omgang met verschillen in de cursus <i>Omgaan met "
                            "interpretatieverschillen en conflict</i>.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="gezamenlijke-ambitie",
                    title="Een gezamenlijke ambitie in één zin",
                    summary=(
                        "Een gedeelde ambitie geeft richting als belangen botsen. Je leert een ambitie "
                        "formuleren die verder gaat dan de optelsom van de eigen doelen."
                    ),
                    minutes=20,
                    factors=[1],
                    body=[
                        rich_text(
                            "<p>Elke partner komt met eigen doelen een samenwerking binnen. De gemeente wil "
                            "minder uithuisplaatsingen, de zorgaanbieder wil zijn specialistische aanbod "
                            "behouden, de woningcorporatie wil rust in de wijk. Dat is legitiem. Maar als de "
                            "samenwerking alleen de optelsom van eigen doelen is, valt ze uit elkaar zodra die "
                            "doelen botsen.</p>"
                            "<p>Een <b>gezamenlijke ambitie</b> beschrijft wat de partners samen willen bereiken "
                            "en wat geen van hen alleen kan. Het is het antwoord op de vraag: waarom doen we dit "
                            "eigenlijk samen?</p>"
                        ),
                        heading("Zo formuleer je de ambitie"),
                        rich_text(
                            "<ol><li>Laat elke partner eerst zijn eigen belang benoemen, hardop en zonder "
                            "oordeel. Een verborgen belang komt later toch op tafel, meestal op een slecht "
                            "moment.</li>"
                            "<li>Zoek de overlap: wat levert de samenwerking op voor de mensen om wie het gaat, "
                            "de inwoner, de reiziger, de gebruiker?</li>"
                            "<li>Schrijf de ambitie in één zin, in gewone taal. Heb je er drie komma's voor "
                            "nodig, dan is ze nog niet scherp.</li>"
                            "<li>Toets de zin aan een lastig scenario: helpt deze ambitie ons kiezen als het "
                            "budget krap wordt?</li></ol>"
                        ),
                        quote(
                            "In de regio Rivierland werken we samen zodat elk gezin met een hulpvraag binnen twee "
                            "weken één vast aanspreekpunt heeft, bij welke organisatie het ook aanklopt.",
                            "Gezamenlijke ambitie van een jeugdzorgregio (fictief voorbeeld)",
                        ),
                        callout(
                            "tip",
                            "Test de ambitie bij een buitenstaander",
                            "<p>Lees de ambitie voor aan iemand die niet bij de samenwerking betrokken is. Kan "
                            "die in eigen woorden navertellen waar jullie samen voor staan? Dan is de zin goed "
                            "genoeg.</p>",
                        ),
                        rich_text(
                            "<p>Een ambitie is geen slogan voor de website. Ze is een werkinstrument: je haalt "
                            "haar erbij als partners het oneens zijn over een prioriteit, en je stelt haar bij "
                            "als de omstandigheden veranderen. Zet de ambitie daarom bovenaan de agenda van elk "
                            "stuurgroepoverleg.</p>"
                        ),
                        reflection(
                            "Schrijf de gezamenlijke ambitie van jouw samenwerking op in één zin. Is die er nog "
                            "niet: hoe zou jij haar formuleren?",
                            "Begin met: 'Wij werken samen zodat …'",
                            trainer_feedback=True,
                        ),
                    ],
                ),
                Lesson(
                    slug="gedragsafspraken-die-werken",
                    title="Gedragsafspraken die werken",
                    summary=(
                        "Gedragsafspraken maken de oranje wereld bespreekbaar. Je leert afspraken formuleren "
                        "die concreet genoeg zijn om elkaar erop aan te spreken."
                    ),
                    minutes=25,
                    factors=[2, 3],
                    body=[
                        rich_text(
                            "<p>Bijna elke samenwerking heeft ergens staan dat de partners 'open en transparant' "
                            "met elkaar omgaan. Dat is sympathiek, maar je kunt er niets mee. Wat is open? Meld "
                            "je een tegenvaller direct, of pas als je een oplossing hebt? Mag je een collega van "
                            "een andere organisatie rechtstreeks bellen, of loopt alles via de projectleider?</p>"
                            "<p>Een goede gedragsafspraak beschrijft <b>zichtbaar gedrag</b> in een <b>concrete "
                            "situatie</b>. Je kunt haar toetsen: is het wel of niet gebeurd?</p>"
                        ),
                        heading("Van waarde naar afspraak"),
                        rich_text(
                            "<p>Vergelijk deze formuleringen:</p>"
                            "<ul><li><i>Vaag:</i> we gaan respectvol met elkaar om.</li>"
                            "<li><i>Concreet:</i> wie het niet eens is met een besluit, zegt dat in het overleg "
                            "zelf; we bespreken een besluit niet na met de eigen achterban voordat we dat aan "
                            "tafel hebben gedaan.</li>"
                            "<li><i>Vaag:</i> we communiceren transparant.</li>"
                            "<li><i>Concreet:</i> een risico voor planning of budget melden we binnen twee "
                            "werkdagen aan de andere partners, ook als we de oplossing nog niet weten.</li></ul>"
                        ),
                        checklist(
                            "Toets je gedragsafspraak",
                            "Beschrijft de afspraak gedrag dat je kunt zien of horen?",
                            "Staat erbij in welke situatie de afspraak geldt?",
                            "Kun je iemand erop aanspreken zonder dat het een verwijt wordt?",
                            "Geldt de afspraak voor alle partners, niet alleen voor de opdrachtnemer?",
                            "Hebben de mensen die ernaar moeten handelen haar zelf mee opgesteld?",
                        ),
                        callout(
                            "oranje",
                            "De afspraak over de afspraken",
                            "<p>De belangrijkste gedragsafspraak gaat over de andere afspraken: hoe spreken we "
                            "elkaar aan als iemand zich er niet aan houdt? Spreek bijvoorbeeld af dat je het "
                            "eerst één op één benoemt, binnen een week, en dat dat geldt als zorg voor de "
                            "samenwerking en niet als aanval.</p>",
                        ),
                        download(WORKSHEET_START, "één A4 om samen met je partners in te vullen"),
                        instrument(
                            ("gedragsafspra", "startcondit", "spelregel"),
                            "Met dit instrument stel je in een eerste sessie samen met je partners "
                            "gedragsafspraken op.",
                        ),
                        rich_text(
                            "<p>Maak de afspraken samen, in een bijeenkomst met de mensen die ze moeten naleven. "
                            "Een lijst die de directies hebben opgesteld, voelt voor de uitvoerders als een regel "
                            "van boven. In module 3 lees je hoe je zo'n bijeenkomst opzet.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="verdieping-startcondities-in-een-aanbesteding",
                    title="Verdieping: startcondities in een aanbesteding",
                    summary=(
                        "Hoe veranker je startcondities als de samenwerking via een aanbesteding ontstaat? Een "
                        "verdiepende les voor wie als opdrachtgever of opdrachtnemer werkt."
                    ),
                    minutes=15,
                    factors=[8, 2],
                    required=False,
                    body=[
                        rich_text(
                            "<p>In de bouw, de infrastructuur en de energiesector ontstaat een samenwerking vaak "
                            "via een aanbesteding. Dat geeft een bijzondere uitdaging: in de aanbestedingsfase "
                            "moeten partijen juist afstand houden, terwijl ze daarna jarenlang nauw moeten "
                            "samenwerken. De eerste maanden na de gunning zijn daarom cruciaal.</p>"
                        ),
                        heading("Drie momenten om startcondities te verankeren"),
                        rich_text(
                            "<ol><li><b>In de aanbestedingsstukken.</b> Neem op dat opdrachtgever en "
                            "opdrachtnemer na de gunning samen startcondities opstellen, met een termijn en een "
                            "tijdsinvestering. Dan is het geen vrijblijvende wens maar een gedeelde "
                            "verplichting.</li>"
                            "<li><b>In de startfase.</b> Plan binnen zes weken na de gunning een gezamenlijke "
                            "startsessie met de teams van beide kanten, niet alleen met de "
                            "contractmanagers.</li>"
                            "<li><b>In het contractmanagement.</b> Bespreek de startcondities in elk periodiek "
                            "overleg als vast agendapunt, naast planning en kosten.</li></ol>"
                        ),
                        callout(
                            "letop",
                            "Een plan van aanpak is nog geen afspraak",
                            "<p>Een inschrijver die hoog scoort op 'samenwerking' in zijn plan van aanpak, heeft "
                            "beloften gedaan, geen afspraken met jou gemaakt. Gebruik het plan als vertrekpunt "
                            "voor het gesprek, niet als eindpunt.</p>",
                        ),
                        case(
                            ("aanbesteding", "gunning", "bouwteam", "aannemer"),
                            "In dit praktijkvoorbeeld lees je hoe een opdrachtgever en een opdrachtnemer na de "
                            "gunning samen hun startcondities opstelden.",
                        ),
                        rich_text(
                            "<p>Een veelgehoorde zorg is dat gezamenlijke afspraken na de gunning het gelijke "
                            "speelveld van de aanbesteding aantasten. Dat is niet zo, zolang de afspraken gaan "
                            "over de manier van samenwerken en niet over prijs, scope of risicoverdeling. Leg dat "
                            "onderscheid vooraf uit aan je inkoopadviseur; dan voorkom je discussie achteraf.</p>"
                        ),
                        reflection(
                            "Hoe was in je laatste aanbesteding de samenwerking na de gunning geregeld? Wat zou je "
                            "de volgende keer in de aanbestedingsstukken opnemen?",
                            "Denk aan de eerste zes weken na de gunning.",
                        ),
                    ],
                ),
            ],
        ),
        Module(
            slug="startcondities-levend-houden",
            title="Startcondities levend houden",
            intro=(
                "<p>Afspraken op papier zijn een begin. In deze module leer je hoe je ze samen maakt in een "
                "startbijeenkomst, hoe vertrouwen in de eerste maanden groeit en hoe je de afspraken "
                "onderhoudt als de samenwerking verandert.</p>"
            ),
            lessons=[
                Lesson(
                    slug="de-startbijeenkomst-ontwerpen",
                    title="De startbijeenkomst ontwerpen",
                    summary=(
                        "Startcondities maak je samen, niet voor elkaar. Je leert een startbijeenkomst opzetten "
                        "waarin partners de ambitie en de gedragsafspraken samen formuleren."
                    ),
                    minutes=20,
                    factors=[2, 1],
                    body=[
                        rich_text(
                            "<p>In de startbijeenkomst stellen de partners hun startcondities samen vast. Het is "
                            "geen kick-off met taart en presentaties, maar een werksessie. Trek er een dagdeel "
                            "voor uit, met de mensen die de samenwerking straks dragen: de bestuurders of "
                            "opdrachtgevers, de projectleiders en een paar mensen uit de uitvoering.</p>"
                        ),
                        heading("Een opzet in vier blokken"),
                        rich_text(
                            "<ol><li><b>Kennismaken met belangen</b> (45 minuten). Elke partner vertelt wat hij "
                            "wil bereiken, wat hij vreest en wat hij nodig heeft van de anderen.</li>"
                            "<li><b>De gezamenlijke ambitie</b> (45 minuten). Werk in gemengde groepjes aan een "
                            "zin, en kies er samen één.</li>"
                            "<li><b>Gedragsafspraken</b> (60 minuten). Bespreek twee of drie lastige situaties "
                            "die waarschijnlijk gaan voorkomen, en spreek af hoe je daarmee omgaat.</li>"
                            "<li><b>Vastleggen en verdelen</b> (30 minuten). Wie schrijft de afspraken uit, wie "
                            "bewaakt ze en wanneer kijk je er samen weer naar?</li></ol>"
                        ),
                        callout(
                            "tip",
                            "Werk met echte situaties",
                            "<p>Gedragsafspraken worden veel concreter als je ze maakt aan de hand van een "
                            "situatie. Bijvoorbeeld: 'Het is maart, de planning loopt drie maanden uit en de "
                            "wethouder leest het in de krant. Wat doen we?' Laat elke partner zo'n situatie "
                            "meenemen.</p>",
                        ),
                        checklist(
                            "Voorbereiding van de startbijeenkomst",
                            "Alle partners zijn vertegenwoordigd, ook de uitvoering",
                            "Een onafhankelijke gespreksleider zonder belang bij de uitkomst leidt de sessie",
                            "Elke partner heeft vooraf zijn belangen en zorgen op papier gezet",
                            "Er liggen twee of drie herkenbare, lastige situaties klaar",
                            "De datum van het eerste samenwerkingsgesprek wordt in de bijeenkomst zelf gepland",
                        ),
                        rich_text(
                            "<p>Let op de samenstelling. Als alleen de bestuurders de afspraken maken, voelen de "
                            "uitvoerders zich er niet aan gebonden. Als alleen de uitvoerders ze maken, ontbreekt "
                            "het mandaat. Zorg dat beide lagen aan tafel zitten, en dat de bestuurders na afloop "
                            "laten zien dat de afspraken ook voor hen gelden.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="vertrouwen-opbouwen",
                    title="Vertrouwen opbouwen in de eerste honderd dagen",
                    summary=(
                        "Vertrouwen groeit door voorspelbaar gedrag. Je leert wat je in de eerste maanden van "
                        "een samenwerking doet om vertrouwen een stevige basis te geven."
                    ),
                    minutes=20,
                    factors=[3],
                    body=[
                        rich_text(
                            "<p>Vertrouwen is geen gevoel dat je kunt afspreken. Het is een verwachting: ik "
                            "vertrouw erop dat jij doet wat je zegt, en dat je mijn belang meeweegt als ik er "
                            "niet bij ben. Die verwachting groeit door ervaring. Elke keer dat een partner een "
                            "toezegging nakomt of een tegenvaller eerlijk meldt, wordt het vertrouwen een beetje "
                            "sterker.</p>"
                            "<p>De eerste honderd dagen van een samenwerking zijn daarom belangrijk. Partners "
                            "kijken scherp naar elkaar: houden de anderen zich aan wat in de startbijeenkomst is "
                            "afgesproken?</p>"
                        ),
                        callout(
                            "oranje",
                            "Vertrouwen zit in mensen",
                            "<p>Organisaties vertrouwen elkaar niet; mensen doen dat. Vertrouwen tussen twee "
                            "projectleiders is waardevol, maar kwetsbaar. Zorg dat er op meerdere niveaus "
                            "relaties ontstaan: tussen bestuurders, tussen projectleiders en tussen "
                            "uitvoerders.</p>",
                        ),
                        heading("Wat helpt"),
                        rich_text(
                            "<ul><li><b>Kleine toezeggingen, snel nagekomen.</b> Stuur het verslag de dag na het "
                            "overleg, niet na twee weken. Bel terug op het moment dat je hebt beloofd.</li>"
                            "<li><b>Slecht nieuws vroeg.</b> Een partner die een tegenvaller meldt voordat de "
                            "ander hem ontdekt, wint vertrouwen, ook als het nieuws vervelend is.</li>"
                            "<li><b>Belangen hardop.</b> Vertel wat jouw organisatie belangrijk vindt, ook als "
                            "dat niet populair is. Verborgen agenda's komen altijd uit.</li>"
                            "<li><b>Tijd voor elkaar buiten de agenda.</b> Een kop koffie voor het overleg of een "
                            "werkbezoek bij elkaar op locatie maakt van de ander een mens in plaats van een "
                            "functie.</li></ul>"
                        ),
                        quote(
                            "We hebben in het eerste halfjaar elke maand bij een andere partner vergaderd. Pas "
                            "toen ik bij de woningcorporatie zag met hoeveel meldingen hun wijkbeheerders per dag "
                            "te maken hebben, begreep ik waarom ze zo op snelheid drukten.",
                            "Ketenregisseur bij een gemeente (fictief voorbeeld)",
                        ),
                        case(
                            ("vertrouwen", "wijkteam"),
                            "Lees in dit praktijkvoorbeeld hoe een wijkteam en zorgaanbieders na een stroeve start "
                            "het vertrouwen herstelden.",
                        ),
                        reflection(
                            "Wat heb jij de afgelopen maand gedaan dat het vertrouwen van je partners heeft "
                            "versterkt, of juist verzwakt?",
                            "Denk aan kleine dingen: een teruggebelde vraag, een gemiste deadline, een eerlijke "
                            "mededeling.",
                        ),
                    ],
                ),
                Lesson(
                    slug="afspraken-onderhouden",
                    title="Afspraken onderhouden: het samenwerkingsgesprek",
                    summary=(
                        "Startcondities verouderen als je er niet naar omkijkt. Je leert een kort, periodiek "
                        "gesprek voeren over hoe de samenwerking loopt, los van de inhoud."
                    ),
                    minutes=20,
                    factors=[2, 7],
                    body=[
                        rich_text(
                            "<p>Een samenwerking verandert voortdurend. Er komen nieuwe mensen bij, een partner "
                            "reorganiseert, de politieke wind draait. Startcondities die in de eerste maand zijn "
                            "gemaakt, passen na een jaar vaak niet meer helemaal. Wie ze niet onderhoudt, merkt "
                            "dat pas als het misgaat.</p>"
                            "<p>Plan daarom een <b>periodiek samenwerkingsgesprek</b>: elke drie maanden een half "
                            "uur, los van de inhoudelijke agenda, waarin het alleen gaat over hóe jullie "
                            "samenwerken.</p>"
                        ),
                        checklist(
                            "Vragen voor het samenwerkingsgesprek",
                            "Houden we ons aan onze gedragsafspraken? Waar wel, waar niet?",
                            "Is er een verschil van inzicht dat we nog niet hebben uitgesproken?",
                            "Zijn er nieuwe mensen die de afspraken nog niet kennen?",
                            "Past onze gezamenlijke ambitie nog bij wat we nu doen?",
                            "Welke afspraak passen we aan, schrappen we of voegen we toe?",
                        ),
                        callout(
                            "blauw",
                            "Maak het een vast agendapunt",
                            "<p>Zet het samenwerkingsgesprek in de jaarplanning van de stuurgroep, met een vaste "
                            "eigenaar. Een gesprek dat alleen plaatsvindt 'als er tijd is', vindt nooit plaats. "
                            "Leg de uitkomst vast in een korte notitie bij de startcondities.</p>",
                        ),
                        rich_text(
                            "<p>Het samenwerkingsgesprek is ook het moment om nieuwe mensen mee te nemen. Wie "
                            "halverwege instroomt, kent de afspraken alleen van papier. Vraag nieuwkomers wat hun "
                            "opvalt: zij zien vaak haarscherp welke afspraken nog leven en welke alleen nog in "
                            "een document staan.</p>"
                            "<p>Met dit gesprek sluit je de cirkel van deze cursus. Je weet nu waarom "
                            "samenwerkingen vastlopen, hoe de blauwe en de oranje wereld samenhangen, hoe je "
                            "startcondities opstelt en hoe je ze levend houdt. De volgende stap is ze toepassen, "
                            "in je eigen samenwerking.</p>"
                        ),
                        reflection(
                            "Wanneer is in jouw samenwerking voor het laatst gesproken over hóe jullie "
                            "samenwerken, los van de inhoud? Wat zet jij op de agenda van het eerstvolgende "
                            "samenwerkingsgesprek?",
                            "Kies één afspraak die je wilt aanscherpen.",
                        ),
                    ],
                ),
            ],
        ),
    ],
)


# --- Course 2: Omgaan met interpretatieverschillen en conflict -------------------------------------

COURSE_INTERPRETATIEVERSCHILLEN = Course(
    slug="omgaan-met-interpretatieverschillen-en-conflict",
    title="Omgaan met interpretatieverschillen en conflict",
    intro=(
        "<p>Twee partners lezen dezelfde afspraak en komen tot een andere conclusie. Dat is normaal: elke "
        "organisatie leest met haar eigen belangen, geschiedenis en taal. Het wordt pas een probleem als het "
        "verschil te laat, of via de verkeerde route, op tafel komt. In deze cursus leer je "
        "<b>interpretatieverschillen</b> vroeg te herkennen, ze in het gesprek op te lossen in plaats van via de "
        "jurist, en te herstellen als het toch uit de hand liep.</p>"
        "<p>De lessen openen één voor één: elke les bouwt voort op de vorige.</p>" + EXAMPLE_NOTE
    ),
    learning_goals=(
        "<ul><li>herkennen waar interpretatieverschillen vandaan komen en welke signalen erop wijzen;</li>"
        "<li>een interpretatiegesprek voeren dat van standpunten naar belangen gaat;</li>"
        "<li>een escalatieladder ontwerpen die de samenwerking beschermt;</li>"
        "<li>na een conflict werken aan herstel van vertrouwen.</li></ul>"
    ),
    audience=(
        "Projectleiders, contractmanagers en ketenregisseurs met ervaring in samenwerkingen, die geregeld met "
        "verschillen van inzicht tussen partners te maken krijgen."
    ),
    level=Level.ADVANCED,
    duration_hours="4.0",
    factors=[6, 3, 5, 8],
    sectors="bouw-infra,energie,mobiliteit,overheid,sociaal-domein",
    search_description=(
        "Herken interpretatieverschillen vroeg, bespreek ze in het gesprek in plaats van via de jurist en "
        "herstel vertrouwen na een conflict."
    ),
    sequential=True,
    modules=[
        Module(
            slug="interpretatieverschillen-herkennen",
            title="Interpretatieverschillen herkennen",
            intro=(
                "<p>Voordat je een verschil kunt bespreken, moet je het zien. Deze module gaat over waar "
                "interpretatieverschillen vandaan komen en hoe je ze opmerkt voordat ze een conflict "
                "worden.</p>"
            ),
            lessons=[
                Lesson(
                    slug="dezelfde-tekst-anders-lezen",
                    title="Waarom partners dezelfde tekst anders lezen",
                    summary=(
                        "Een interpretatieverschil is geen teken van onwil. Je leert waarom partners dezelfde "
                        "afspraak oprecht verschillend kunnen uitleggen."
                    ),
                    minutes=15,
                    factors=[6, 8],
                    body=[
                        rich_text(
                            "<p>'Opdrachtnemer zorgt voor een goede bereikbaarheid van de omgeving tijdens de "
                            "werkzaamheden.' Voor de gemeente betekent dat: elke winkel blijft elke dag "
                            "bereikbaar voor voetgangers. Voor de aannemer betekent het: er is een "
                            "omleidingsroute en de hulpdiensten kunnen erdoor. Beide lezingen zijn verdedigbaar. "
                            "En beide partijen zijn ervan overtuigd dat de ander er met opzet een eigen draai aan "
                            "geeft.</p>"
                            "<p>Dit is een <b>interpretatieverschil</b>: partners lezen dezelfde afspraak "
                            "verschillend, zonder dat een van hen de afspraak bewust breekt. Het is een van de "
                            "meest voorkomende bronnen van conflict in samenwerkingen, en een van de meest "
                            "onderschatte.</p>"
                        ),
                        heading("Drie bronnen van verschil"),
                        rich_text(
                            "<ul><li><b>Taal.</b> Woorden als 'tijdig', 'redelijk', 'goede kwaliteit' of 'in "
                            "overleg' hebben voor elke organisatie een eigen betekenis, gevormd door haar eigen "
                            "praktijk.</li>"
                            "<li><b>Belang.</b> Iedereen leest een afspraak, meestal onbewust, zoals die het best "
                            "past bij het eigen belang. Dat is menselijk, geen kwade trouw.</li>"
                            "<li><b>Geschiedenis.</b> Wie eerder met een partner heeft samengewerkt, leest nieuwe "
                            "afspraken in het licht van oude ervaringen. Een partij die ooit is 'gepakt' op de "
                            "kleine lettertjes, leest voortaan elke zin defensief.</li></ul>"
                        ),
                        callout(
                            "blauw",
                            "Je kunt niet alles dichtschrijven",
                            "<p>De reflex na een interpretatieverschil is: de volgende keer schrijven we het "
                            "preciezer op. Dat helpt soms, maar geen contract voorziet alle situaties. Hoe "
                            "preciezer de tekst, hoe meer nieuwe randgevallen. Beter is het om af te spreken "
                            "<i>hoe</i> je verschillen bespreekt als ze zich voordoen.</p>",
                        ),
                        quote(
                            "We dachten allemaal dat we hetzelfde bedoelden met 'integrale aanpak'. Pas na een "
                            "halfjaar ontdekten we dat de gemeente er één plan per gezin mee bedoelde, en wij een "
                            "doorverwijzing binnen één dag.",
                            "Teamleider bij een zorgaanbieder (fictief voorbeeld)",
                        ),
                        rich_text(
                            "<p>Het eerste dat je in deze cursus leert, is daarom een houding: ga ervan uit dat "
                            "een verschil in uitleg een oprecht verschil is, tot het tegendeel blijkt. Dat maakt "
                            "het gesprek veel makkelijker, en het is bijna altijd ook waar.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="vroege-signalen",
                    title="Vroege signalen van een verschil",
                    summary=(
                        "Interpretatieverschillen sluimeren vaak lang voordat ze uitbreken. Je leert de "
                        "signalen herkennen waaraan je een verschil vroeg opmerkt."
                    ),
                    minutes=15,
                    factors=[6, 3],
                    body=[
                        rich_text(
                            "<p>Een interpretatieverschil begint zelden met ruzie. Het begint met een kleine "
                            "irritatie, een opmerking in de wandelgang of een mail die net iets formeler is dan "
                            "anders. Wie die signalen leert zien, kan het verschil bespreken terwijl er nog weinig "
                            "op het spel staat.</p>"
                        ),
                        checklist(
                            "Signalen dat er een verschil sluimert",
                            "De toon in mails wordt formeler; er staan meer mensen in de cc",
                            "Partners verwijzen ineens naar artikelnummers in plaats van naar de bedoeling",
                            "Een onderwerp wordt in het overleg 'nog even geparkeerd', en nog eens",
                            "Gespreksverslagen worden achteraf aangevuld met eigen formuleringen",
                            "Uitvoerders zeggen: 'dat moet je maar met de projectleider opnemen'",
                            "Een partner begint een eigen dossier bij te houden",
                        ),
                        callout(
                            "oranje",
                            "Let op je eigen irritatie",
                            "<p>Het eerste signaal is vaak je eigen gevoel. Als je je ergert aan hoe een partner "
                            "een afspraak uitvoert, is dat informatie: waarschijnlijk leest de ander de afspraak "
                            "anders dan jij. Vraag jezelf af: wat denkt de ander dat hier is afgesproken?</p>",
                        ),
                        heading("Waarom signalen worden genegeerd"),
                        rich_text(
                            "<p>Veel mensen zien de signalen wel, maar doen er niets mee. Ze willen de goede "
                            "sfeer niet verstoren, ze hopen dat het vanzelf overgaat, of ze vinden het niet hun "
                            "rol om het aan te kaarten. Daardoor groeit het verschil ongemerkt. Als het "
                            "uiteindelijk op tafel komt, is er al een geschiedenis van ergernis, en gaat het "
                            "gesprek niet meer over de afspraak maar over de relatie.</p>"
                            "<p>Een goede gewoonte is het <b>verschil benoemen zonder oordeel</b>: 'Ik merk dat "
                            "we artikel 4 verschillend lijken te lezen. Zullen we even kijken wat we allebei "
                            "bedoelen?' Dat is geen beschuldiging, maar een uitnodiging. Hoe eerder je die "
                            "uitnodiging doet, hoe kleiner het verschil nog is.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="van-standpunt-naar-belang",
                    title="Van standpunt naar belang",
                    summary=(
                        "Achter elk standpunt zit een belang. Je leert de vraag achter de vraag te stellen, "
                        "zodat er ruimte ontstaat voor een oplossing die voor beide partners werkt."
                    ),
                    minutes=20,
                    factors=[6],
                    body=[
                        rich_text(
                            "<p>In een interpretatieverschil verdedigen partners meestal een <b>standpunt</b>: "
                            "'dit valt onder de aanneemsom', 'dit is meerwerk'. Standpunten sluiten elkaar uit; "
                            "maar één partij kan gelijk krijgen. Achter elk standpunt zit echter een "
                            "<b>belang</b>: de aannemer moet zijn marge bewaken, de opdrachtgever moet "
                            "verantwoording afleggen aan de raad. Belangen sluiten elkaar veel minder vaak "
                            "uit.</p>"
                        ),
                        heading("De vraag achter de vraag"),
                        rich_text(
                            "<p>Een eenvoudige techniek is doorvragen met 'waarom is dat belangrijk voor je?' "
                            "Niet als kruisverhoor, maar uit oprechte nieuwsgierigheid. Neem een energiecoöperatie "
                            "en een netbeheerder die het oneens zijn over de aansluitdatum van een zonnepark.</p>"
                            "<ul><li>Coöperatie: 'In de overeenkomst staat dat jullie in het voorjaar aansluiten.' "
                            "Waarom is dat belangrijk? 'Onze subsidie vervalt als we niet vóór 1 juli "
                            "produceren.'</li>"
                            "<li>Netbeheerder: 'Voorjaar betekent voor ons: als het onderstation klaar is.' Waarom "
                            "is dat belangrijk? 'We mogen niemand aansluiten voordat de netveiligheid is "
                            "getoetst.'</li></ul>"
                            "<p>Nu ligt er geen strijd meer over een woord, maar een gezamenlijk probleem: hoe "
                            "halen we 1 juli binnen de veiligheidseisen? Misschien met een tijdelijke "
                            "aansluiting, misschien met een gezamenlijk gesprek met de subsidieverstrekker.</p>"
                        ),
                        callout(
                            "tip",
                            "Vat samen voordat je reageert",
                            "<p>Herhaal het belang van de ander in je eigen woorden voordat je je eigen belang "
                            "noemt: 'Als ik je goed begrijp, gaat het jou vooral om …' Dat voelt traag, maar het "
                            "versnelt het gesprek: wie zich gehoord voelt, luistert beter.</p>",
                        ),
                        reflection(
                            "Neem een verschil van inzicht uit je eigen samenwerking. Wat is het standpunt van de "
                            "andere partner, en welk belang zou daarachter kunnen zitten? En wat is jouw eigen "
                            "belang?",
                            "Schrijf het belang op zoals de ander het zou zeggen, niet zoals jij het ziet.",
                        ),
                    ],
                ),
            ],
        ),
        Module(
            slug="het-gesprek-over-het-verschil",
            title="Het gesprek over het verschil",
            intro=(
                "<p>Een verschil dat je ziet, moet je ook bespreken. Deze module geeft je een aanpak voor het "
                "interpretatiegesprek en laat zien wanneer juridische kennis helpt in plaats van hindert.</p>"
            ),
            lessons=[
                Lesson(
                    slug="het-verschil-op-tafel-leggen",
                    title="Het verschil op tafel leggen",
                    summary=(
                        "Het moeilijkste van een interpretatieverschil is het eerste gesprek. Je leert hoe je "
                        "een verschil aankaart zonder dat de ander in de verdediging schiet."
                    ),
                    minutes=20,
                    factors=[6, 3],
                    body=[
                        rich_text(
                            "<p>Veel interpretatieverschillen blijven liggen omdat niemand het eerste gesprek wil "
                            "voeren. Dat is begrijpelijk: wie een verschil aankaart, loopt het risico als lastig "
                            "of wantrouwig te worden gezien. Toch is aankaarten juist een teken van vertrouwen: "
                            "je gaat ervan uit dat de ander het verschil samen met jou wil oplossen.</p>"
                        ),
                        video(
                            "Een verschil aankaarten: zo deed een ketenregisseur het",
                            "verschil-aankaarten",
                            "Ik werk als ketenregisseur beschermd wonen in een regio met zes gemeenten en een "
                            "stuk of tien aanbieders. Een tijd geleden merkte ik dat één aanbieder cliënten pas "
                            "opnam als de indicatie helemaal rond was, terwijl we hadden afgesproken dat ze bij "
                            "spoed alvast konden starten. Ik ergerde me eraan, en mijn collega's ook.\n\n"
                            "Mijn eerste neiging was een mail te sturen met de afspraak erin, vetgedrukt. Dat heb "
                            "ik niet gedaan. Ik heb de teamleider gebeld en gevraagd of ik langs mocht komen, "
                            "omdat ik het gevoel had dat we de spoedafspraak verschillend lazen.\n\n"
                            "Toen ik daar zat, bleek dat hun controller had gezegd dat ze zonder indicatie niet "
                            "betaald zouden worden. Ze wílden wel starten, maar durfden het financieel niet aan. "
                            "Van onze kant was nooit helder opgeschreven dat spoedzorg met terugwerkende kracht "
                            "wordt vergoed.\n\n"
                            "Het verschil zat dus niet in onwil, maar in een gat in onze eigen afspraak. We "
                            "hebben het binnen twee weken opgelost, met één zin in het uitvoeringsprotocol. Als "
                            "ik die mail had gestuurd, hadden we nu waarschijnlijk nog steeds een discussie over "
                            "wie er gelijk had.\n\n"
                            "(Voorbeeldvideo van de demo-omgeving; de spreker is fictief.)",
                        ),
                        heading("Zo begin je het gesprek"),
                        rich_text(
                            "<ol><li><b>Kies de juiste vorm.</b> Bel of zoek elkaar op. Een interpretatieverschil "
                            "per mail bespreken leidt bijna altijd tot stellingname.</li>"
                            "<li><b>Benoem het verschil als iets gezamenlijks.</b> 'Ik denk dat we deze afspraak "
                            "verschillend lezen' in plaats van 'jullie houden je niet aan de afspraak'.</li>"
                            "<li><b>Vertel je eigen lezing en waarom.</b> Maak je belang zichtbaar.</li>"
                            "<li><b>Vraag naar de lezing van de ander.</b> En luister, ook als je het er niet mee "
                            "eens bent.</li></ol>"
                        ),
                        callout(
                            "tip",
                            "Kies het juiste niveau",
                            "<p>Bespreek een verschil op het niveau waar het ontstaat. Een verschil tussen "
                            "uitvoerders los je op met die uitvoerders, niet door het meteen naar de stuurgroep "
                            "te tillen. Opschalen doe je pas als het op het eigen niveau niet lukt.</p>",
                        ),
                    ],
                ),
                Lesson(
                    slug="interpretatiegesprek-in-vijf-stappen",
                    title="Het interpretatiegesprek in vijf stappen",
                    summary=(
                        "Een vaste structuur helpt partners een verschil in uitleg samen op te lossen. Je leert "
                        "de vijf stappen van het interpretatiegesprek en oefent ze met een werkblad."
                    ),
                    minutes=25,
                    factors=[6, 5],
                    body=[
                        rich_text(
                            "<p>Als het verschil benoemd is, volgt het eigenlijke gesprek. Een vaste structuur "
                            "helpt, zeker als er spanning is: iedereen weet waar het gesprek naartoe gaat, en "
                            "niemand hoeft bang te zijn dat het ontspoort.</p>"
                        ),
                        heading("De vijf stappen"),
                        rich_text(
                            "<ol><li><b>Feiten.</b> Wat is er precies gebeurd, en over welke afspraak gaat het? "
                            "Zoek de tekst erbij en lees hem samen hardop.</li>"
                            "<li><b>Lezingen.</b> Elke partner vertelt hoe hij de afspraak leest en waarom. De "
                            "ander vat samen voordat hij reageert.</li>"
                            "<li><b>Belangen.</b> Wat staat er voor elk van jullie op het spel? Wat is het ergste "
                            "dat kan gebeuren als de ander gelijk krijgt?</li>"
                            "<li><b>Opties.</b> Bedenk samen minstens drie oplossingen voordat je er een kiest. "
                            "De eerste oplossing is zelden de beste.</li>"
                            "<li><b>Afspraak.</b> Leg vast wat je besluit, en ook hoe je de oorspronkelijke "
                            "afspraak voortaan leest. Zo voorkom je dat hetzelfde verschil terugkomt.</li></ol>"
                        ),
                        callout(
                            "blauw",
                            "Leg de uitleg vast",
                            "<p>De uitkomst van een interpretatiegesprek is een stukje jurisprudentie van jullie "
                            "samenwerking. Houd een eenvoudig <b>uitlegregister</b> bij: per afspraak de "
                            "gezamenlijke uitleg, met datum. Nieuwe mensen lezen daarin hoe de afspraken in de "
                            "praktijk bedoeld zijn.</p>",
                        ),
                        checklist(
                            "Voor het interpretatiegesprek",
                            "De tekst van de afspraak ligt op tafel",
                            "Elke partner heeft iemand aan tafel die over een oplossing mag besluiten",
                            "Er is genoeg tijd: minstens een uur, niet tussen twee agendapunten door",
                            "Iemand bewaakt de stappen en vat samen",
                            "Er is afgesproken wie de uitkomst vastlegt in het uitlegregister",
                        ),
                        download(
                            WORKSHEET_INTERPRETATION, "de vijf stappen op één A4, om samen in te vullen"
                        ),
                        instrument(
                            ("interpretatie", "verschil", "uitleg"),
                            "Dit instrument uit het handelingsrepertoire helpt je het gesprek voor te "
                            "bereiden.",
                        ),
                    ],
                ),
                Lesson(
                    slug="wanneer-de-jurist-aan-tafel-komt",
                    title="Wanneer de jurist aan tafel komt",
                    summary=(
                        "Juridische kennis is waardevol, maar timing en rol bepalen of ze een verschil "
                        "oplost of verhardt. Je leert de jurist op de juiste manier in te zetten."
                    ),
                    minutes=20,
                    factors=[6, 8],
                    body=[
                        rich_text(
                            "<p>In veel samenwerkingen is de jurist de eerste die partners inschakelen als er "
                            "een verschil ontstaat. Dat is begrijpelijk: je wilt weten waar je staat. Maar het "
                            "heeft een bijwerking. Zodra een partner een juridische analyse laat maken, doet de "
                            "ander dat ook. Het gesprek verschuift van <i>wat bedoelden we?</i> naar <i>wat "
                            "staat er?</i>, en de mensen die het werk doen, praten niet meer met elkaar.</p>"
                        ),
                        callout(
                            "letop",
                            "De juridische route verandert de relatie",
                            "<p>Een formele brief of een beroep op een contractartikel is een signaal aan de "
                            "andere partner: we vertrouwen het gesprek niet meer. Soms is dat nodig. Maar wees je "
                            "ervan bewust dat je daarmee de relatie verandert, en dat herstel daarna veel tijd "
                            "kost.</p>",
                        ),
                        heading("Een andere rol voor de jurist"),
                        rich_text(
                            "<p>Dat betekent niet dat juristen buiten de samenwerking moeten blijven. Ze kunnen "
                            "juist helpen verschillen te voorkomen en op te lossen, als je ze een andere rol "
                            "geeft:</p>"
                            "<ul><li><b>Vooraf:</b> laat de jurist meedenken over de escalatieroute en de "
                            "samenwerkingsafspraken, niet alleen over de aansprakelijkheid.</li>"
                            "<li><b>Op de achtergrond:</b> vraag advies over je positie, maar voer het gesprek "
                            "zelf. De jurist is je adviseur, niet je woordvoerder.</li>"
                            "<li><b>Samen:</b> liggen er echt juridische vragen, laat de juristen van beide "
                            "partners dan samen één analyse maken in plaats van twee tegenover elkaar.</li></ul>"
                        ),
                        quote(
                            "Mijn beste werk als jurist is het werk dat nooit in een procedure belandt. Ik help "
                            "liever aan de voorkant een goede escalatieroute te maken dan aan de achterkant een "
                            "conflict te winnen.",
                            "Bedrijfsjurist bij een netbeheerder (fictief voorbeeld)",
                        ),
                        reflection(
                            "Hoe wordt in jouw organisatie de jurist ingeschakeld bij een verschil met een "
                            "partner? Op welk moment, en door wie? Wat zou je daaraan willen veranderen?",
                            "Denk aan het laatste verschil waarbij een jurist betrokken raakte.",
                        ),
                    ],
                ),
                Lesson(
                    slug="verdieping-casus-wegenbouw",
                    title="Verdieping: een casus uit de wegenbouw",
                    summary=(
                        "Een uitgewerkte casus over een interpretatieverschil in een infrastructuurproject, met "
                        "vragen om de stappen uit deze module te oefenen."
                    ),
                    minutes=15,
                    factors=[6, 8],
                    required=False,
                    body=[
                        rich_text(
                            "<p>Een provincie en een aannemerscombinatie werken samen aan de verbreding van een "
                            "provinciale weg. In het contract staat dat de aannemer 'de hinder voor aanwonenden "
                            "tot een minimum beperkt'. Na drie maanden klagen bewoners over nachtelijk werk. De "
                            "provincie vindt dat de aannemer de afspraak schendt; de aannemer wijst erop dat "
                            "nachtwerk juist de hinder voor het verkeer overdag beperkt, wat ook in het contract "
                            "staat.</p>"
                        ),
                        heading("Hoe het verliep", "h3"),
                        rich_text(
                            "<p>De omgevingsmanager van de provincie stuurde eerst een formele brief. De aannemer "
                            "reageerde met een verwijzing naar de planning, die de provincie zelf had "
                            "goedgekeurd. Twee weken lang gingen er brieven heen en weer, terwijl de klachten "
                            "toenamen. Pas toen de projectleiders van beide kanten samen een avond bij de "
                            "bewoners langsgingen, kwam er beweging.</p>"
                            "<p>In een interpretatiegesprek bleek dat beide partijen hetzelfde belang hadden: een "
                            "project zonder politieke onrust. Ze spraken af het zwaarste werk te bundelen in drie "
                            "aangekondigde nachten per maand, met een bewonersavond vooraf en een vast "
                            "telefoonnummer voor klachten. De gezamenlijke uitleg van 'minimale hinder' kwam in "
                            "het uitlegregister.</p>"
                            "<p>Let op wat er in deze casus níet gebeurde: niemand vroeg in de eerste week wat de "
                            "ander onder 'minimale hinder' verstond. Beide partijen hadden een verdedigbare "
                            "lezing, en beide lazen de brief van de ander als kwade trouw.</p>"
                        ),
                        case(
                            ("interpretatieverschil", "concessie", "hinder", "weg"),
                            "In dit praktijkvoorbeeld, gedeeld door een lid van de academie, lees je hoe "
                            "partners in een vergelijkbare situatie het gesprek aangingen.",
                        ),
                        reflection(
                            "Op welk moment had in deze casus het interpretatiegesprek gevoerd kunnen worden? "
                            "Welke van de vijf stappen had het verschil het snelst verkleind?",
                            "Kijk naar het moment van de eerste klacht.",
                        ),
                    ],
                ),
            ],
        ),
        Module(
            slug="escalatie-en-herstel",
            title="Escalatie en herstel",
            intro=(
                "<p>Niet elk verschil los je op aan de werktafel. Deze module gaat over een escalatieroute die "
                "de samenwerking beschermt in plaats van beschadigt, over herstel van vertrouwen na een conflict "
                "en over leren als samenwerkingsverband.</p>"
            ),
            lessons=[
                Lesson(
                    slug="escalatieladder",
                    title="Een escalatieladder die de samenwerking beschermt",
                    summary=(
                        "Opschalen is geen falen, maar een afgesproken stap. Je leert een escalatieladder "
                        "ontwerpen met heldere treden, termijnen en spelregels."
                    ),
                    minutes=20,
                    factors=[5, 6],
                    body=[
                        rich_text(
                            "<p>Escaleren heeft een slechte naam. Het voelt als klikken, of als toegeven dat je "
                            "er zelf niet uitkomt. Daardoor gebeurt het vaak te laat, of juist veel te vroeg, via "
                            "een bestuurder die een collega-bestuurder belt. Een goede escalatieladder haalt de "
                            "lading eraf: opschalen is een normale, afgesproken stap als een verschil op het "
                            "eigen niveau niet binnen een bepaalde tijd is opgelost.</p>"
                        ),
                        heading("De treden van de ladder"),
                        rich_text(
                            "<ol><li><b>Werkvloer:</b> de mensen die het verschil ervaren, bespreken het binnen "
                            "een week.</li>"
                            "<li><b>Projectleiders:</b> lukt dat niet, dan voeren de projectleiders binnen twee "
                            "weken een interpretatiegesprek.</li>"
                            "<li><b>Stuurgroep:</b> komen zij er niet uit, dan bespreekt de stuurgroep het "
                            "verschil in haar eerstvolgende vergadering, aan de hand van een gezamenlijke "
                            "notitie.</li>"
                            "<li><b>Externe hulp:</b> lukt het ook daar niet, dan schakelen de partners samen een "
                            "onafhankelijke deskundige of mediator in.</li>"
                            "<li><b>Formele geschillenregeling:</b> pas als laatste stap volgt de route uit het "
                            "contract.</li></ol>"
                        ),
                        callout(
                            "blauw",
                            "Eén gezamenlijke notitie",
                            "<p>Laat de partners bij elke trede samen één notitie schrijven, met beide lezingen "
                            "en de belangen. Twee aparte notities worden pleidooien; één gezamenlijke notitie "
                            "dwingt tot begrip van elkaars positie, en is vaak al de helft van de oplossing.</p>",
                        ),
                        checklist(
                            "Spelregels bij opschalen",
                            "We schalen samen op, nooit eenzijdig",
                            "We laten de andere partner vooraf weten dat we opschalen, en waarom",
                            "Het verschil blijft van de mensen op het niveau waar het ontstond",
                            "Het werk gaat door zolang het verschil wordt besproken",
                            "Na afloop koppelen we de uitkomst terug naar de werkvloer",
                        ),
                        instrument(
                            ("escalatie", "ladder"),
                            "Gebruik dit instrument om samen met je partners de treden en termijnen van jullie "
                            "eigen ladder vast te leggen.",
                        ),
                        rich_text(
                            "<p>Leg de ladder vast in de startcondities én in het contract, met dezelfde treden "
                            "en termijnen. Zo versterken de blauwe en de oranje wereld elkaar: het contract geeft "
                            "de route, de gedragsafspraken zorgen dat partners die route ook echt samen lopen.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="herstel-van-vertrouwen",
                    title="Herstel van vertrouwen na een conflict",
                    summary=(
                        "Een conflict laat sporen na, ook als het is opgelost. Je leert wat nodig is om het "
                        "vertrouwen tussen partners weer op te bouwen."
                    ),
                    minutes=20,
                    factors=[3],
                    body=[
                        rich_text(
                            "<p>Een conflict is pas echt voorbij als partners weer op elkaar durven te rekenen. "
                            "Een getekende vaststellingsovereenkomst regelt de blauwe kant. De oranje kant, het "
                            "vertrouwen, herstelt niet vanzelf. Mensen onthouden hoe ze zijn behandeld, ook als "
                            "ze de uitkomst accepteren.</p>"
                        ),
                        callout(
                            "oranje",
                            "Erkenning gaat voor oplossing",
                            "<p>Na een conflict willen partners vaak zo snel mogelijk door. Maar wie zich niet "
                            "gehoord voelde, neemt dat mee naar het volgende overleg. Benoem wat er is gebeurd en "
                            "wat het met de mensen heeft gedaan. Een oprecht 'dat had anders gemoeten' is vaak "
                            "meer waard dan een uitgebreide procesanalyse.</p>",
                        ),
                        heading("Vier stappen naar herstel"),
                        rich_text(
                            "<ol><li><b>Terugblikken.</b> Bespreek samen wat er gebeurde, zonder schuldvraag: wat "
                            "zagen we, wat deden we en wat was het effect?</li>"
                            "<li><b>Erkennen.</b> Benoem wat ieder heeft bijgedragen aan het conflict. Vrijwel "
                            "altijd hebben beide partners een aandeel.</li>"
                            "<li><b>Opnieuw afspreken.</b> Pas de startcondities aan: welke afspraak ontbrak, of "
                            "werd niet nageleefd?</li>"
                            "<li><b>Klein beginnen.</b> Vertrouwen herstelt door nieuwe, kleine ervaringen. Kies "
                            "een paar concrete toezeggingen voor de komende weken, en kom ze na.</li></ol>"
                        ),
                        quote(
                            "Na de arbitrage hebben we een heel jaar alleen maar kleine afspraken gemaakt, en die "
                            "allemaal nagekomen. Pas daarna durfden we samen weer iets groots aan.",
                            "Directeur van een vervoerbedrijf, over de concessie met een provincie (fictief "
                            "voorbeeld)",
                        ),
                        reflection(
                            "Is er in jouw samenwerking een conflict geweest waarvan de sporen nog merkbaar zijn? "
                            "Welke van de vier stappen is toen overgeslagen?",
                            "Let op wat mensen nog steeds zeggen over 'toen'.",
                        ),
                    ],
                ),
                Lesson(
                    slug="leren-van-conflicten",
                    title="Leren van conflicten als samenwerkingsverband",
                    summary=(
                        "Elk conflict bevat informatie over de samenwerking. Je leert hoe een "
                        "samenwerkingsverband van verschillen leert, zodat dezelfde fout niet terugkomt."
                    ),
                    minutes=15,
                    factors=[6, 7],
                    body=[
                        rich_text(
                            "<p>Samenwerkingsverbanden die lang goed functioneren, hebben niet minder conflicten "
                            "dan andere. Ze leren er meer van. Een interpretatieverschil laat zien waar afspraken "
                            "onduidelijk zijn; een escalatie laat zien waar mandaten niet kloppen; een vastgelopen "
                            "overleg laat zien waar het vertrouwen dun is.</p>"
                        ),
                        heading("Van incident naar patroon"),
                        rich_text(
                            "<p>Kijk twee keer per jaar samen terug op alle verschillen die zijn opgeschaald of "
                            "in het uitlegregister zijn beland. Stel dan niet de vraag wie er gelijk had, maar "
                            "welk patroon je ziet. Gaan de verschillen steeds over dezelfde afspraak? Ontstaan ze "
                            "steeds bij dezelfde overgang, bijvoorbeeld van ontwerp naar uitvoering? Of steeds "
                            "kort na een personeelswisseling?</p>"
                            "<p>Dat laatste komt veel voor. Wie nieuw is in een samenwerking, kent de gezamenlijke "
                            "uitleg van de afspraken niet en leest het contract met een frisse blik, en dus "
                            "anders. Een goed uitlegregister en een zorgvuldige overdracht voorkomen een groot "
                            "deel van die verschillen.</p>"
                        ),
                        checklist(
                            "De halfjaarlijkse terugblik",
                            "Welke verschillen waren er, en op welk niveau zijn ze opgelost?",
                            "Welke afspraken gaven het vaakst aanleiding tot verschil?",
                            "Werkte de escalatieladder zoals bedoeld?",
                            "Welke afspraak passen we aan, en wie schrijft het voorstel?",
                            "Hoe nemen we nieuwe mensen mee in wat we hebben geleerd?",
                        ),
                        reflection(
                            "Welk patroon zie je in de verschillen van inzicht in je eigen samenwerking? Wat pak "
                            "je als eerste aan?",
                            "Kijk naar de laatste drie verschillen die je hebt meegemaakt.",
                        ),
                        rich_text(
                            "<p>Hiermee rond je deze cursus af. Wil je verder met de rol die je zelf speelt als "
                            "een samenwerking onder druk staat? Dan is de cursus <i>Leidinggeven zonder "
                            "hiërarchie</i> een logische volgende stap.</p>"
                        ),
                    ],
                ),
            ],
        ),
    ],
)


# --- Course 3: Leidinggeven zonder hiërarchie ------------------------------------------------------

COURSE_LEIDINGGEVEN = Course(
    slug="leidinggeven-zonder-hierarchie",
    title="Leidinggeven zonder hiërarchie",
    intro=(
        "<p>In een samenwerking tussen organisaties ben je niemands baas. Toch verwacht iedereen dat je richting "
        "geeft, besluiten voorbereidt en de boel bij elkaar houdt. In deze cursus leer je invloed uit te oefenen "
        "zonder zeggenschap, met je partners tot gedragen besluiten te komen en de samenwerking overeind te "
        "houden als mensen vertrekken.</p>"
        "<p>Deze cursus bouwt voort op <i>Startcondities voor samenwerking</i>: rond die cursus eerst af.</p>"
        + EXAMPLE_NOTE
    ),
    learning_goals=(
        "<ul><li>je eigen rol en mandaat in een samenwerking helder krijgen en bespreekbaar maken;</li>"
        "<li>een besluitvormingsproces inrichten dat alle partners dragen;</li>"
        "<li>schakelen tussen de gezamenlijke tafel en je eigen organisatie;</li>"
        "<li>de continuïteit van de samenwerking borgen bij personeelswisselingen.</li></ul>"
    ),
    audience=(
        "Programmamanagers, ketenregisseurs, projectleiders en bestuursadviseurs die een samenwerking tussen "
        "organisaties trekken zonder formele zeggenschap over de deelnemers."
    ),
    level=Level.ADVANCED,
    duration_hours="3.5",
    factors=[4, 5, 7, 3],
    sectors="sociaal-domein,overheid,energie,mobiliteit",
    search_description=(
        "Geef richting aan een samenwerking zonder zeggenschap: rollen, mandaat, gedragen besluiten en "
        "continuïteit bij personeelswisselingen."
    ),
    prerequisites=[COURSE_STARTCONDITIES.slug],
    modules=[
        Module(
            slug="invloed-zonder-zeggenschap",
            title="Invloed zonder zeggenschap",
            intro=(
                "<p>Wie een samenwerking trekt, kan niemand iets opdragen. Deze module gaat over de bronnen van "
                "invloed die je wél hebt, de rol die je kiest en de grenzen van je mandaat.</p>"
            ),
            lessons=[
                Lesson(
                    slug="niemands-baas",
                    title="Niemands baas, wel verantwoordelijk",
                    summary=(
                        "In een samenwerking stuur je zonder lijnverantwoordelijkheid. Je leert welke bronnen "
                        "van invloed je wel hebt en hoe je ze inzet."
                    ),
                    minutes=15,
                    factors=[4, 3],
                    body=[
                        rich_text(
                            "<p>Als programmamanager van een regionale samenwerking heb je een opdracht, een "
                            "budget en een stuurgroep. Wat je niet hebt, is zeggenschap over de mensen die het "
                            "werk doen. Zij werken voor de gemeente, de zorgaanbieder, de provincie of het "
                            "ingenieursbureau, en hun eigen leidinggevende bepaalt hun prioriteiten. Als het in "
                            "hun organisatie druk is, schuift de samenwerking als eerste opzij.</p>"
                            "<p>Toch wordt van jou verwacht dat de samenwerking resultaat boekt. Dat vraagt om "
                            "een andere manier van leidinggeven: niet op basis van positie, maar op basis van "
                            "invloed.</p>"
                        ),
                        heading("Vier bronnen van invloed"),
                        rich_text(
                            "<ul><li><b>Inhoud.</b> Je kent het dossier en de belangen van alle partners beter "
                            "dan wie ook. Dat maakt je een waardevolle gesprekspartner.</li>"
                            "<li><b>Relaties.</b> Je hebt contact met mensen op verschillende niveaus en in "
                            "verschillende organisaties. Je weet wie je moet bellen.</li>"
                            "<li><b>Proces.</b> Jij maakt de agenda, bereidt besluiten voor en schrijft de "
                            "verslagen. Wie het proces ontwerpt, beïnvloedt de uitkomst.</li>"
                            "<li><b>Betrouwbaarheid.</b> Als partners weten dat je onpartijdig bent en doet wat "
                            "je zegt, krijg je ruimte die geen mandaat je kan geven.</li></ul>"
                        ),
                        callout(
                            "oranje",
                            "Onpartijdigheid is je kapitaal",
                            "<p>Zodra partners het gevoel krijgen dat je vooral je eigen organisatie dient, "
                            "verlies je je invloed. Wees open over je achtergrond en belangen, en laat in je "
                            "gedrag zien dat je het gezamenlijke belang vooropstelt, ook als dat je eigen "
                            "organisatie iets kost.</p>",
                        ),
                        quote(
                            "Ik heb in vijf jaar ketenregie nooit iemand iets kunnen opdragen. Alles wat ik "
                            "bereikte, kwam doordat mensen me vertrouwden en doordat ik de juiste vragen op de "
                            "juiste tafel legde.",
                            "Ketenregisseur zorg en veiligheid in een regio (fictief voorbeeld)",
                        ),
                        rich_text(
                            "<p>In de volgende lessen kijk je naar twee dingen die je invloed vergroten of juist "
                            "ondermijnen: de rol die je kiest en het mandaat dat je hebt.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="je-rol-in-de-samenwerking",
                    title="Je rol: trekker, verbinder of regisseur",
                    summary=(
                        "Wie een samenwerking leidt, kan verschillende rollen spelen. Je leert welke rol past "
                        "bij de fase van de samenwerking en hoe je die rol met je partners afspreekt."
                    ),
                    minutes=20,
                    factors=[4],
                    body=[
                        rich_text(
                            "<p>'Leiden' betekent in een samenwerking niet voor iedereen hetzelfde. Sommige "
                            "partners verwachten dat jij de kar trekt en knopen doorhakt. Andere willen juist dat "
                            "je alleen het overleg organiseert en verder op afstand blijft. Als die verwachtingen "
                            "niet worden uitgesproken, krijg je het van twee kanten: te veel sturen voor de een, "
                            "te weinig voor de ander.</p>"
                        ),
                        heading("Drie rollen"),
                        rich_text(
                            "<ul><li><b>Trekker:</b> je neemt initiatief, doet voorstellen en jaagt op resultaat. "
                            "Past in de beginfase, of als de partners je daar uitdrukkelijk om vragen.</li>"
                            "<li><b>Verbinder:</b> je brengt mensen en belangen bij elkaar, vertaalt tussen "
                            "organisaties en zorgt dat iedereen wordt gehoord. Past als er spanning is of als "
                            "partners elkaar nog slecht kennen.</li>"
                            "<li><b>Regisseur:</b> je bewaakt het geheel, de afspraken en de samenhang, en laat "
                            "het werk aan de partners. Past bij een volwassen samenwerking met een stevige "
                            "basis.</li></ul>"
                            "<p>De meeste mensen hebben een voorkeursrol. Het vakmanschap zit in bewust schakelen, "
                            "en in het bespreekbaar maken van je rol.</p>"
                        ),
                        callout(
                            "blauw",
                            "Leg je rol vast in de startcondities",
                            "<p>Beschrijf in de startcondities niet alleen wie de samenwerking trekt, maar ook "
                            "wat je in die rol wel en niet mag: agenderen, voorstellen doen, partners aanspreken, "
                            "knopen doorhakken bij tijdsdruk? Dan hoef je die discussie niet te voeren op het "
                            "moment dat het spannend wordt.</p>",
                        ),
                        instrument(
                            ("rollen", "rol"),
                            "Met dit instrument breng je samen in kaart wie welke rol speelt en wat ieder daarin "
                            "mag.",
                        ),
                        reflection(
                            "Welke rol speel je nu het vaakst in je samenwerking: trekker, verbinder of "
                            "regisseur? Welke rol verwachten je partners van je, en hoe weet je dat?",
                            "Weet je het niet? Dan is dat een goede vraag voor het volgende overleg.",
                        ),
                    ],
                ),
                Lesson(
                    slug="mandaat",
                    title="Mandaat: wat mag je toezeggen namens je organisatie?",
                    summary=(
                        "Onduidelijk mandaat is een van de grootste vertragers in samenwerkingen. Je leert je "
                        "eigen mandaat en dat van je partners vooraf helder te krijgen."
                    ),
                    minutes=20,
                    factors=[4, 5],
                    body=[
                        rich_text(
                            "<p>Een overleg loopt goed. De partners komen tot een voorstel dat voor iedereen "
                            "werkt. Dan zegt de vertegenwoordiger van één organisatie: 'Dit moet ik eerst nog "
                            "voorleggen.' Twee weken later komt het voorstel terug, met wijzigingen van een "
                            "directeur die niet aan tafel zat. De anderen voelen zich gepasseerd, en het voorstel "
                            "gaat opnieuw langs alle organisaties.</p>"
                            "<p>Dit patroon komt voort uit <b>onduidelijk mandaat</b>: niemand weet precies wat "
                            "de mensen aan tafel namens hun organisatie mogen toezeggen.</p>"
                        ),
                        callout(
                            "letop",
                            "Mandaat is geen vertrouwenskwestie",
                            "<p>Vragen naar iemands mandaat voelt soms als wantrouwen. Maak het daarom een vast "
                            "onderdeel van de startcondities, voor alle partners tegelijk. Dan gaat het over de "
                            "spelregels en niet over de persoon.</p>",
                        ),
                        rich_text(
                            "<p>Mandaat heeft twee kanten. De blauwe kant is de formele bevoegdheid: waarover mag "
                            "je tekenen, tot welk bedrag? De oranje kant is het vertrouwen van je eigen bestuurder "
                            "dat je aan tafel verstandige keuzes maakt. Dat vertrouwen groeit als je laat zien hoe "
                            "je afwegingen maakt, ook als het besluit anders uitvalt dan je organisatie had "
                            "gehoopt.</p>"
                        ),
                        checklist(
                            "Mandaat helder krijgen",
                            "Waarover mag ieder aan tafel zelfstandig besluiten?",
                            "Tot welk bedrag of welke omvang reikt dat mandaat?",
                            "Wat moet terug naar de eigen organisatie, en hoe snel kan dat?",
                            "Wie neemt in de eigen organisatie dan het besluit?",
                            "Wie vervangt iemand bij afwezigheid, en met welk mandaat?",
                        ),
                        rich_text(
                            "<p>Regel ook je eigen mandaat. Bespreek met je leidinggevende of opdrachtgever wat "
                            "je in de samenwerking mag toezeggen, en leg dat kort vast. Vraag ruimte om binnen de "
                            "gezamenlijke ambitie zelf keuzes te maken: een vertegenwoordiger die voor elke stap "
                            "terug moet naar huis, remt de hele samenwerking af.</p>"
                        ),
                    ],
                ),
            ],
        ),
        Module(
            slug="samen-besluiten",
            title="Samen besluiten",
            intro=(
                "<p>In een samenwerking heeft niemand het laatste woord. Deze module gaat over besluitvorming die "
                "partners samen dragen: hoe je besluiten voorbereidt, hoe je met bezwaren omgaat en hoe je "
                "schakelt tussen de gezamenlijke tafel en de eigen organisatie.</p>"
            ),
            lessons=[
                Lesson(
                    slug="gedragen-besluitvorming",
                    title="Besluitvorming die alle partners dragen",
                    summary=(
                        "Een besluit waar partners niet achter staan, wordt in de uitvoering alsnog ongedaan "
                        "gemaakt. Je leert een besluitvormingsproces inrichten dat draagvlak oplevert."
                    ),
                    minutes=20,
                    factors=[5],
                    body=[
                        rich_text(
                            "<p>In een organisatie neemt uiteindelijk iemand een besluit: de directeur, het "
                            "college, de raad van bestuur. In een samenwerking ontbreekt die ene persoon. "
                            "Besluiten komen tot stand doordat zelfstandige partners zich eraan verbinden. Een "
                            "besluit dat formeel genomen is, maar waar een partner niet achter staat, wordt in de "
                            "uitvoering alsnog ongedaan gemaakt: niet met een veto, maar met vertraging, een "
                            "andere uitleg of gebrek aan inzet.</p>"
                        ),
                        callout(
                            "blauw",
                            "Leg vast hoe je besluit",
                            "<p>Spreek in de startcondities af welke besluiten op welk niveau vallen (werkgroep, "
                            "kernteam, stuurgroep), welke besluitregel geldt (unanimiteit, consent, meerderheid) "
                            "en wat er gebeurt als je er niet uitkomt. Een eenvoudige besluitenmatrix op één A4 "
                            "voorkomt veel discussie.</p>",
                        ),
                        instrument(
                            ("besluitvorming", "besluit"),
                            "Dit instrument helpt je die besluitenmatrix samen met je partners op te stellen.",
                        ),
                        video(
                            "Een stuurgroep die weer besluiten nam",
                            "stuurgroep-besluiten",
                            "Ik was secretaris van de stuurgroep van een mobiliteitsprogramma: een provincie, "
                            "vier gemeenten, een vervoerder en de regionale werkgeversvereniging. Na een jaar "
                            "hadden we een probleem. Elk voorstel werd in de stuurgroep besproken, iedereen was "
                            "positief, en daarna gebeurde er niets. Een gemeente moest het nog aan het college "
                            "voorleggen, de vervoerder moest het afstemmen met het moederbedrijf.\n\n"
                            "We hebben toen drie dingen veranderd. Eén: elk voorstel ging vier weken voor de "
                            "vergadering naar de ambtelijke voorbereiders van alle partners, met de vraag wat er "
                            "in hun organisatie nodig was om ja te kunnen zeggen. Twee: in de vergadering vroeg "
                            "de voorzitter bij elk besluit aan iedere partner afzonderlijk: kun je hiermee leven, "
                            "en zo niet, wat heb je nodig? Drie: we schreven in de besluitenlijst niet alleen het "
                            "besluit op, maar ook wie wat moest doen in de eigen organisatie, met een datum.\n\n"
                            "Het eerste kwartaal voelde dat trager. Daarna gingen besluiten twee keer zo snel, "
                            "omdat we ze niet meer hoefden over te doen.\n\n"
                            "(Voorbeeldvideo van de demo-omgeving; de spreker is fictief.)",
                        ),
                        heading("Besluiten voorbereiden"),
                        rich_text(
                            "<p>De meeste besluiten vallen niet in de vergadering, maar in de voorbereiding. "
                            "Zorg dat elke partner een voorstel vroeg genoeg ziet om het intern af te stemmen. "
                            "Vraag niet 'bent u het hiermee eens?', maar 'wat heeft uw organisatie nodig om dit "
                            "te kunnen dragen?'. Zo komen bezwaren boven voordat ze in de vergadering een "
                            "blokkade worden.</p>"
                        ),
                    ],
                ),
                Lesson(
                    slug="consent-in-plaats-van-consensus",
                    title="Consent in plaats van consensus",
                    summary=(
                        "Wachten tot iedereen het helemaal eens is, verlamt een samenwerking. Je leert besluiten "
                        "met consent: doorgaan zolang niemand een overwegend bezwaar heeft."
                    ),
                    minutes=20,
                    factors=[5, 6],
                    body=[
                        rich_text(
                            "<p>Veel samenwerkingen streven naar consensus: iedereen moet het eens zijn. Dat "
                            "klinkt zorgvuldig, maar in de praktijk leidt het tot eindeloze rondes, vage "
                            "compromissen of besluiten die worden uitgesteld tot niemand nog weet waarom ze nodig "
                            "waren.</p>"
                            "<p>Een alternatief is <b>consent</b>: een besluit is genomen als geen van de "
                            "partners een <i>overwegend bezwaar</i> heeft. De vraag is niet 'ben je het ermee "
                            "eens?', maar 'kun je ermee leven, en is het veilig genoeg om te proberen?'</p>"
                        ),
                        heading("Zo werkt een consentronde"),
                        rich_text(
                            "<ol><li>De indiener licht het voorstel toe.</li>"
                            "<li>Iedereen mag verduidelijkende vragen stellen, nog geen meningen.</li>"
                            "<li>In een ronde zegt iedereen kort wat hij van het voorstel vindt.</li>"
                            "<li>De indiener mag het voorstel aanpassen.</li>"
                            "<li>De consentronde: heeft iemand een overwegend bezwaar? Een bezwaar is overwegend "
                            "als het voorstel de gezamenlijke ambitie of het wezenlijke belang van een partner "
                            "schaadt, niet als iemand een andere voorkeur heeft.</li>"
                            "<li>Bezwaren worden samen in het voorstel verwerkt, tot niemand nog een overwegend "
                            "bezwaar heeft.</li></ol>"
                        ),
                        callout(
                            "tip",
                            "Spreek een evaluatiemoment af",
                            "<p>Consent wordt makkelijker als een besluit niet voor altijd is. Spreek bij elk "
                            "besluit af wanneer je kijkt of het werkt. 'We proberen het een halfjaar' verlaagt de "
                            "drempel voor partners die twijfelen.</p>",
                        ),
                        reflection(
                            "Denk aan een besluit in je samenwerking dat lang bleef liggen. Wat was er anders "
                            "gegaan met een consentronde? Welk bezwaar was echt overwegend, en welk was een "
                            "voorkeur?",
                            "Een overwegend bezwaar kun je uitleggen vanuit de gezamenlijke ambitie.",
                        ),
                    ],
                ),
                Lesson(
                    slug="schakelen-met-de-achterban",
                    title="Schakelen tussen de tafel en de eigen achterban",
                    summary=(
                        "Iedere vertegenwoordiger staat met één been in de samenwerking en met het andere in de "
                        "eigen organisatie. Je leert die dubbele loyaliteit hanteren."
                    ),
                    minutes=20,
                    factors=[4, 3],
                    body=[
                        rich_text(
                            "<p>Aan de gezamenlijke tafel vertegenwoordig je je organisatie. In je eigen "
                            "organisatie ben je vaak de enige die de samenwerking van binnenuit kent. Die dubbele "
                            "positie is lastig. Aan tafel krijg je het verwijt dat je te veel het belang van je "
                            "eigen organisatie verdedigt; thuis dat je te veel 'meegaat met de partners'.</p>"
                        ),
                        callout(
                            "oranje",
                            "De achterban zit niet aan tafel",
                            "<p>Het vertrouwen dat aan de gezamenlijke tafel groeit, bestaat in de eigen "
                            "organisaties nog niet. Collega's en bestuurders die de partners alleen van papier "
                            "kennen, lezen elk voorstel met argwaan. Jij bent de brug: neem je achterban mee in "
                            "wat je aan tafel hebt gezien en gehoord, niet alleen in de besluiten.</p>",
                        ),
                        heading("Wat helpt"),
                        rich_text(
                            "<ul><li><b>Vaak en kort terugkoppelen.</b> Praat je leidinggevende en je collega's "
                            "na elk overleg bij, ook als er niets is besloten. Dan zijn besluiten geen "
                            "verrassing.</li>"
                            "<li><b>Belangen meenemen naar tafel.</b> Vraag vóór het overleg wat je organisatie "
                            "echt belangrijk vindt, en wat onderhandelbaar is.</li>"
                            "<li><b>Partners laten kennismaken.</b> Nodig een partner uit in je eigen "
                            "teamoverleg, of neem je directeur mee op werkbezoek. Relaties op meerdere niveaus "
                            "ontlasten jou als enige brug.</li>"
                            "<li><b>Open zijn over je positie.</b> Zeg aan tafel gewoon: 'Hier ga ik thuis "
                            "tegenaan lopen, en dit is waarom.' Je partners hebben vaak hetzelfde "
                            "probleem.</li></ul>"
                        ),
                        quote(
                            "Ik zei altijd dat ik aan twee tafels zat. Pas toen ik dat hardop zei in de "
                            "stuurgroep, bleek dat iedereen daarmee worstelde. Sindsdien bespreken we aan het "
                            "eind van elk overleg wat ieder mee naar huis neemt.",
                            "Programmamanager bij een omgevingsdienst (fictief voorbeeld)",
                        ),
                        reflection(
                            "Hoe neem je je eigen organisatie nu mee in wat er in de samenwerking gebeurt? Wat "
                            "wil je de komende maand anders doen?",
                            "Denk aan één persoon in je organisatie die de samenwerking beter zou moeten kennen.",
                        ),
                    ],
                ),
            ],
        ),
        Module(
            slug="continuiteit-en-overdracht",
            title="Continuïteit en overdracht",
            intro=(
                "<p>Samenwerkingen duren vaak langer dan de mensen die ze begonnen. Deze module gaat over wat er "
                "gebeurt als sleutelfiguren vertrekken, en hoe je de samenwerking zo inricht dat ze een "
                "personeelswisseling overleeft.</p>"
            ),
            lessons=[
                Lesson(
                    slug="als-de-trekker-vertrekt",
                    title="Als de trekker vertrekt",
                    summary=(
                        "Veel samenwerkingen draaien op een paar sleutelfiguren. Je leert waarom hun vertrek "
                        "zo'n groot risico is en hoe je dat risico vroeg herkent."
                    ),
                    minutes=15,
                    factors=[7, 3],
                    body=[
                        rich_text(
                            "<p>Een samenwerking in de energietransitie loopt al drie jaar goed. De projectleider "
                            "van de gemeente en de gebiedsmanager van de netbeheerder kennen elkaar door en door; "
                            "ze bellen elkaar bij elk probleem en lossen het meeste zelf op. Dan vertrekt de "
                            "gebiedsmanager naar een andere regio. Zijn opvolger kent de voorgeschiedenis niet, "
                            "leest het contract letterlijk en vraagt bij elk verzoek om een formele onderbouwing. "
                            "Binnen een halfjaar is de samenwerking terug bij af.</p>"
                            "<p>Dit patroon is een van de belangrijkste oorzaken van vastgelopen samenwerkingen: "
                            "<b>het vertrouwen zat in een paar mensen, niet in de samenwerking zelf</b>.</p>"
                        ),
                        callout(
                            "letop",
                            "Goede relaties kunnen een risico verbergen",
                            "<p>Juist als een samenwerking soepel loopt dankzij twee mensen die elkaar goed "
                            "kennen, wordt er weinig vastgelegd. 'Dat regelen we wel even.' Dat werkt, tot een "
                            "van hen vertrekt. Hoe beter de relatie, hoe belangrijker het is de afspraken die "
                            "erin leven expliciet te maken.</p>",
                        ),
                        heading("Hoe kwetsbaar is jouw samenwerking?"),
                        rich_text(
                            "<p>Stel jezelf drie vragen. Als morgen de belangrijkste contactpersoon bij een "
                            "partner vertrekt: weet de opvolger welke afspraken er gelden, ook de ongeschreven? "
                            "Weet die hoe eerdere verschillen zijn opgelost? En kent die de mensen bij de andere "
                            "partners, of begint die bij nul? Is het antwoord op een van die vragen nee, "
                            "investeer dan nu in continuïteit, voordat het nodig is.</p>"
                        ),
                        quote(
                            "Toen onze wethouder en hun directeur in hetzelfde jaar vertrokken, merkten we pas "
                            "hoeveel van onze samenwerking in hun telefoongesprekken had gezeten.",
                            "Beleidsadviseur bij een gemeente (fictief voorbeeld)",
                        ),
                        case(
                            ("wisseling", "projectleider", "overdracht"),
                            "Dit praktijkvoorbeeld laat zien hoe een samenwerking meerdere wisselingen van "
                            "sleutelfiguren doorstond.",
                        ),
                    ],
                ),
                Lesson(
                    slug="een-goede-overdracht",
                    title="Een goede overdracht: meer dan een dossier",
                    summary=(
                        "Bij een personeelswisseling draag je niet alleen documenten over, maar ook relaties, "
                        "afspraken en geschiedenis. Je leert een overdracht die de samenwerking heel laat."
                    ),
                    minutes=20,
                    factors=[7],
                    body=[
                        rich_text(
                            "<p>De gebruikelijke overdracht bestaat uit een map met stukken en een "
                            "overdrachtsnotitie. Die legt de blauwe wereld vast: de contracten, de planningen, de "
                            "openstaande besluiten. De oranje wereld, met de relaties, de gevoeligheden en de "
                            "ongeschreven afspraken, gaat meestal verloren. Juist die bepaalt of de opvolger de "
                            "samenwerking kan voortzetten.</p>"
                        ),
                        heading("Draag beide werelden over"),
                        checklist(
                            "Overdracht in een samenwerking",
                            "De startcondities en het uitlegregister, met uitleg over hoe ze in de praktijk "
                            "werken",
                            "Een overzicht van de mensen bij elke partner: wie is waarvoor belangrijk, en wat "
                            "vinden zij belangrijk?",
                            "De gevoeligheden: welke onderwerpen liggen moeilijk, en waarom?",
                            "De geschiedenis van eerdere verschillen en hoe ze zijn opgelost",
                            "Een kennismakingsronde waarin de vertrekker de opvolger persoonlijk voorstelt",
                            "Een periode van overlap, bij voorkeur minstens twee overleggen samen",
                        ),
                        rich_text(
                            "<p>De belangrijkste stap is de <b>persoonlijke introductie</b>. Vertrouwen is niet "
                            "overdraagbaar via een document, maar wel een beetje via een persoon. Als de "
                            "vertrekker tegen een partner zegt 'dit is mijn opvolger, je kunt met haar net zo "
                            "praten als met mij', krijgt de opvolger een voorschot op vertrouwen dat ze anders in "
                            "maanden moet opbouwen.</p>"
                        ),
                        download(WORKSHEET_HANDOVER, "voor wie vertrekt én wie begint"),
                        callout(
                            "tip",
                            "Begin niet pas bij het vertrek",
                            "<p>Wacht niet tot iemand zijn vertrek aankondigt. Spreek in de startcondities af dat "
                            "elke partner een tweede contactpersoon heeft die de samenwerking kent en af en toe "
                            "aanschuift. Dan is er bij een vertrek altijd al iemand die de weg weet.</p>",
                        ),
                    ],
                ),
                Lesson(
                    slug="nieuwe-mensen-inwerken",
                    title="Nieuwe mensen inwerken in een lopende samenwerking",
                    summary=(
                        "Wie instroomt in een lopende samenwerking, moet niet alleen het werk leren maar ook de "
                        "cultuur tussen de partners. Je leert nieuwkomers goed op weg te helpen."
                    ),
                    minutes=20,
                    factors=[7, 2],
                    body=[
                        rich_text(
                            "<p>Een nieuwkomer in een samenwerking komt in een lopend gesprek terecht. Er is een "
                            "geschiedenis, er zijn gevoeligheden en er zijn afspraken die nergens staan. Zonder "
                            "goede begeleiding valt de nieuwkomer terug op wat hij wel kent: het contract en de "
                            "gewoonten van zijn eigen organisatie. Zo ontstaan nieuwe "
                            "interpretatieverschillen.</p>"
                        ),
                        heading("Een inwerkprogramma voor de samenwerking"),
                        rich_text(
                            "<ul><li><b>Een buddy bij een andere partner.</b> Koppel de nieuwkomer aan een "
                            "ervaren collega van een andere organisatie, niet alleen van de eigen. Dat legt "
                            "meteen een relatie over de grens heen.</li>"
                            "<li><b>Het verhaal van de samenwerking.</b> Laat iemand vertellen waarom de "
                            "samenwerking is begonnen, wat er goed ging en wat er misging. Een verhaal onthoudt "
                            "een nieuwkomer beter dan een dossier.</li>"
                            "<li><b>De startcondities samen doorlopen.</b> Niet als document om te lezen, maar in "
                            "een gesprek: hoe werkt deze afspraak in de praktijk?</li>"
                            "<li><b>Vragen mag.</b> Spreek af dat nieuwkomers in hun eerste drie maanden elke "
                            "afspraak mogen bevragen. Hun frisse blik laat zien welke afspraken nog leven.</li>"
                            "</ul>"
                        ),
                        callout(
                            "oranje",
                            "Welkom heten is ook een gedragsafspraak",
                            "<p>Hoe een samenwerking nieuwe mensen ontvangt, zegt veel over haar cultuur. Een "
                            "partner die een nieuwkomer vanaf de eerste dag betrekt, bouwt aan vertrouwen. Een "
                            "partner die afwacht of de nieuwkomer 'het wel redt', zaait afstand.</p>",
                        ),
                        instrument(
                            ("overdracht", "inwerk", "continuïteit", "wissel"),
                            "Met dit instrument maak je de overdracht en het inwerken van nieuwe mensen "
                            "concreet.",
                        ),
                        reflection(
                            "Hoe werd jij zelf ingewerkt toen je in je huidige samenwerking begon? Wat miste je, "
                            "en wat wil je een nieuwkomer nu meegeven?",
                            "Denk aan je eerste drie maanden.",
                        ),
                    ],
                ),
                Lesson(
                    slug="verdieping-eigen-organisatie",
                    title="Verdieping: de samenwerking als eigen organisatie?",
                    summary=(
                        "Sommige samenwerkingen krijgen een eigen rechtsvorm, bureau of directeur. Een "
                        "verdiepende les over de voor- en nadelen van een steviger structuur."
                    ),
                    minutes=15,
                    factors=[4, 5, 8],
                    required=False,
                    body=[
                        rich_text(
                            "<p>Als een samenwerking groeit, ontstaat vaak de wens haar steviger te organiseren: "
                            "een eigen programmabureau, een gemeenschappelijke regeling, een stichting of een "
                            "coöperatie. Dat kan de continuïteit vergroten. Mensen werken dan voor de "
                            "samenwerking zelf, niet alleen voor hun eigen organisatie, en kennis blijft beter "
                            "behouden.</p>"
                        ),
                        callout(
                            "blauw",
                            "Structuur lost geen relatieproblemen op",
                            "<p>Een nieuwe rechtsvorm regelt de blauwe wereld: zeggenschap, financiën, "
                            "aansprakelijkheid. Als partners elkaar niet vertrouwen, verhuist het wantrouwen "
                            "gewoon mee naar het bestuur van de nieuwe organisatie. Investeer eerst in de oranje "
                            "wereld, en kies pas daarna een structuur.</p>",
                        ),
                        heading("Voor- en nadelen op een rij", "h3"),
                        rich_text(
                            "<p>Een eigen organisatie geeft duidelijkheid over wie waarover gaat en maakt de "
                            "samenwerking minder afhankelijk van de inzet van individuele partners. Er is een "
                            "eigen budget, eigen personeel en één aanspreekpunt naar buiten.</p>"
                            "<p>Daar staat tegenover dat de partners op afstand kunnen raken. Zodra er een bureau "
                            "is, leunen ze achterover: 'dat doet het programmabureau wel'. De samenwerking wordt "
                            "dan een uitvoeringsorganisatie, en het eigenaarschap verdwijnt bij de partners. Een "
                            "goede tussenvorm is een klein bureau dat de samenwerking ondersteunt, terwijl het "
                            "werk bij de partners blijft.</p>"
                        ),
                        checklist(
                            "Vragen voordat je kiest voor een eigen structuur",
                            "Welk probleem lost de nieuwe structuur op, en is dat een blauw of een oranje probleem?",
                            "Blijven de partners eigenaar van het resultaat?",
                            "Wie krijgt zeggenschap, en wie verliest die?",
                            "Wat kost de structuur aan tijd en geld, ook over vijf jaar?",
                        ),
                        reflection(
                            "Zou jouw samenwerking baat hebben bij een steviger structuur? Welk probleem zou dat "
                            "oplossen, en welk niet?",
                            "Maak onderscheid tussen blauwe en oranje problemen.",
                        ),
                    ],
                ),
            ],
        ),
    ],
)

COURSES = [COURSE_STARTCONDITIES, COURSE_INTERPRETATIEVERSCHILLEN, COURSE_LEIDINGGEVEN]


# --- Turning the content into pages ----------------------------------------------------------------


@dataclass
class Assets:
    """What block values refer to by key: images, documents and pages of other apps."""

    images: dict
    documents: dict
    instruments: list
    cases: list
    block_types: set


def _pick(pages: list, keywords: tuple[str, ...], used: set):
    """The first unused page whose title holds the first keyword that matches, else the first unused page."""
    unused = [page for page in pages if page.pk not in used] or pages
    for keyword in keywords:
        for page in unused:
            if keyword in page.title.lower():
                return page
    return unused[0]


def stream_data(body: list[tuple[str, object]], assets: Assets, used: set) -> list[dict]:
    blocks = []
    for block_type, value in body:
        value = dict(value) if isinstance(value, dict) else value
        if block_type in {"instrument", "case"}:
            pages = assets.instruments if block_type == "instrument" else assets.cases
            if block_type not in assets.block_types or not pages:
                continue  # that app's block or its demo pages do not exist (yet)
            page = _pick(pages, value[block_type], used)
            used.add(page.pk)
            value[block_type] = page.pk
        elif block_type == "image":
            value["image"] = assets.images[value["image"]].pk
        elif block_type == "download":
            value["document"] = assets.documents[value["document"]].pk
        elif block_type == "checklist":
            value["items"] = [
                {"type": "item", "value": item, "id": str(uuid.uuid4())} for item in value["items"]
            ]
        blocks.append({"type": block_type, "value": value, "id": str(uuid.uuid4())})
    return blocks


def _live_pages(model_name: str) -> list[Page]:
    return list(Page.objects.live().filter(content_type__model=model_name).order_by("path"))


def seed(log, context) -> dict:
    index = ensure_child(
        context["home"],
        CourseIndexPage,
        slug="cursussen",
        title="Cursussen",
        show_in_menus=True,
        search_description=(
            "Zelfstudiecursussen over samenwerken tussen organisaties, opgebouwd uit praktijkvoorbeelden."
        ),
        intro="<p>Leer in je eigen tempo hoe je een samenwerkingsverband laat werken.</p>",
    )
    group_grant_page_permissions(
        group=context["groups"][TRAINERS], page=index, codenames=["add_page", "change_page", "publish_page"]
    )

    factors = context["factors"]
    trainer = context["users"][TRAINER_EMAIL]
    assets = Assets(
        images={DIAGRAM: ensure_diagram()},
        documents={title: ensure_worksheet(title) for title in WORKSHEETS},
        instruments=_live_pages("instrumentpage"),
        cases=_live_pages("casepage"),
        block_types=set(LessonPage.body.field.stream_block.child_blocks),
    )
    used: set[int] = set()
    courses: dict[str, CoursePage] = {}
    lesson_count = 0
    for course in COURSES:
        page = ensure_child(
            index,
            CoursePage,
            slug=course.slug,
            title=course.title,
            intro=course.intro,
            learning_goals=course.learning_goals,
            audience=course.audience,
            level=course.level,
            duration_hours=Decimal(course.duration_hours),
            sectors=course.sectors,
            search_description=course.search_description,
            sequential=course.sequential,
            offers_certificate=True,
            # Many-to-many values only take effect when the page is created; existing pages are left alone.
            success_factors=[factors[number] for number in course.factors],
            trainers=[trainer],
            prerequisites=[courses[slug] for slug in course.prerequisites],
        )
        courses[course.slug] = page
        for module in course.modules:
            module_page = ensure_child(
                page, ModulePage, slug=module.slug, title=module.title, intro=module.intro
            )
            for lesson in module.lessons:
                if not module_page.get_children().filter(slug=lesson.slug).exists():
                    ensure_child(
                        module_page,
                        LessonPage,
                        slug=lesson.slug,
                        title=lesson.title,
                        summary=lesson.summary,
                        is_required=lesson.required,
                        estimated_minutes=lesson.minutes,
                        body=stream_data(lesson.body, assets, used),
                        success_factors=[factors[number] for number in lesson.factors],
                    )
                lesson_count += 1
    log(f"courses: {len(courses)} demo courses with {lesson_count} lessons")
    return {"course_index": index, "courses": courses}
