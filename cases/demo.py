"""Demo best-practice cases (example content: the organisations and people are made up)."""

import io
import re

from PIL import Image, ImageChops, ImageDraw
from wagtail.models import Page

from accounts.models import Sector
from home.demo import ensure_child

from .models import CaseImage, CaseIndexPage, CaseInstrument, CasePage, CollaborationKind
from .services import CaseContent, case_image_store, case_save, case_workflow_ensure
from .uploads import CleanImage

EXAMPLE_NOTE = "<p><em>Voorbeeldcasus van de demo-omgeving: organisaties en personen zijn verzonnen.</em></p>"

CASES = [
    {
        "slug": "wijkteam-en-zorgaanbieders-herstellen-vertrouwen",
        "title": "Wijkteam en zorgaanbieders herstellen het vertrouwen na een stroeve start",
        "summary": (
            "Na een jaar van wederzijdse verwijten maakten een gemeente en vier zorgaanbieders samen "
            "gedragsafspraken. Het aantal escalaties naar de wethouder halveerde."
        ),
        "sector": Sector.SOCIAL,
        "kind": CollaborationKind.CHAIN,
        "organisations": "Gemeente Rivierstad\nZorggroep De Linde\nStichting Thuis in de Wijk\nJeugdhulp Rivierland\nGGZ Midden",
        "context": (
            "<p>Sinds de decentralisatie van de jeugdzorg werkt de gemeente Rivierstad met één wijkteam per "
            "stadsdeel en een vaste groep zorgaanbieders. De contracten waren netjes geregeld: tarieven, "
            "productcodes en verantwoording.</p>"
        ),
        "challenge": (
            "<p>In het eerste jaar liep het overleg vast op wachtlijsten. Aanbieders voelden zich "
            "gecontroleerd, het wijkteam voelde zich in de steek gelaten. Discussies gingen over de "
            "<strong>uitleg van het contract</strong> en werden steeds vaker per brief gevoerd.</p>"
        ),
        "approach": (
            "<p>Een onafhankelijke gespreksleider organiseerde drie sessies met uitvoerders én "
            "bestuurders. Samen legden ze vast:</p>"
            "<ul><li>hoe ze elkaar aanspreken als een afspraak niet wordt nagekomen;</li>"
            "<li>dat een verschil van uitleg eerst aan tafel komt, pas daarna bij de jurist;</li>"
            "<li>een vast maandelijks casusoverleg waarin één moeilijk dossier centraal staat.</li></ul>"
        ),
        "result": (
            "<p>Binnen een jaar halveerde het aantal escalaties naar de wethouder. De wachttijd voor "
            "ambulante jeugdhulp daalde van elf naar zes weken, vooral doordat aanbieders elkaars "
            "cliënten overnamen als het bij één partij vastliep.</p>"
        ),
        "lessons": (
            "<ul><li>Maak gedragsafspraken vóórdat het schuurt, niet erna.</li>"
            "<li>Laat bestuurders en uitvoerders dezelfde afspraken maken: anders gelden er twee.</li>"
            "<li>Een vast moment voor één moeilijke casus zegt meer dan tien rapportages.</li></ul>"
        ),
        "factors": [2, 3, 6],
        "instrument_words": ["gedragsafspraken", "startcondities", "escalatie"],
        "shared_by_member": True,
        "image": "blauw-oranje",
    },
    {
        "slug": "schuldhulp-in-de-keten-een-loket",
        "title": "Schuldhulp in de keten: één loket, vijf organisaties",
        "summary": (
            "Vijf organisaties brachten hun schuldhulp onder één aanmeldpunt. Het werkte pas toen ze "
            "afspraken wie na de aanmelding het eerste gesprek voert."
        ),
        "sector": Sector.SOCIAL,
        "kind": CollaborationKind.NETWORK,
        "organisations": "Gemeente Waterland\nKredietbank Noord\nWoningcorporatie Thuisbasis\nVoedselbank Waterland\nMaatschappelijk werk Kompas",
        "context": (
            "<p>Inwoners met geldzorgen kwamen bij vijf verschillende organisaties binnen en moesten hun "
            "verhaal telkens opnieuw vertellen. Het netwerk wilde één aanmeldpunt.</p>"
        ),
        "challenge": (
            "<p>Na de start van het loket bleven aanmeldingen liggen: iedereen dacht dat een ander het "
            "eerste gesprek zou voeren. Niemand voelde zich eigenaar.</p>"
        ),
        "approach": (
            "<p>Het netwerk maakte een eenvoudige <strong>rolverdeling</strong>: wie de aanmelding "
            "ontvangt, voert binnen vijf werkdagen het eerste gesprek en blijft contactpersoon tot er een "
            "vast traject is. Elke partner wees één vaste vervanger aan.</p>"
        ),
        "result": (
            "<p>Binnen drie maanden had 92 procent van de aanmelders binnen vijf werkdagen een gesprek. "
            "Inwoners noemen vooral dat ze hun verhaal maar één keer hoeven te doen.</p>"
        ),
        "lessons": (
            "<p>Een gezamenlijk loket is geen samenwerking zolang niet vastligt wie de eerste stap zet. "
            "Leg rollen vast op het niveau van de werkvloer, niet alleen in het convenant.</p>"
        ),
        "factors": [1, 4],
        "instrument_words": ["rol", "verantwoordelijk", "ambitie"],
    },
    {
        "slug": "bouwteam-vervangt-brug-zonder-claims",
        "title": "Bouwteam vervangt een brug zonder één claim",
        "summary": (
            "Provincie en aannemer werkten in een bouwteam met een open begroting. Tegenvallers werden "
            "samen opgelost; er kwam geen enkele meerwerkclaim."
        ),
        "sector": Sector.CONSTRUCTION,
        "kind": CollaborationKind.PUBLIC_PRIVATE,
        "organisations": "Provincie Noordmark\nBouwcombinatie Oeverwerk\nIngenieursbureau Stroom",
        "context": (
            "<p>De provincie moest een brug uit 1962 vervangen, midden in een drukke vaarroute. Eerdere "
            "projecten eindigden in langdurige discussies over meerwerk.</p>"
        ),
        "challenge": (
            "<p>Halverwege het ontwerp bleek de ondergrond slechter dan gedacht. In een traditioneel "
            "contract was dat het begin van een claimtraject geweest.</p>"
        ),
        "approach": (
            "<p>In het bouwteam lag de begroting open op tafel. Partijen hadden vooraf een "
            "<em>risicosessie</em> gehouden en een gezamenlijke risicopot ingericht. De tegenvaller werd "
            "in twee weken samen opgelost met een ander funderingsontwerp.</p>"
            "<blockquote><p>We hebben het contract geen enkele keer uit de kast gehaald.</p></blockquote>"
        ),
        "result": (
            "<p>De brug ging drie weken later open dan gepland, maar binnen budget en zonder claims. Beide "
            "partijen willen het volgende project weer zo doen.</p>"
        ),
        "lessons": (
            "<ul><li>Bespreek risico's vóór de gunning, en verdeel ze naar wie ze het best kan dragen.</li>"
            "<li>Een open begroting vraagt vertrouwen, en bouwt het ook op.</li></ul>"
        ),
        "factors": [3, 8, 6],
        "instrument_words": ["contract", "risico", "interpretatie"],
        "image": "brug",
    },
    {
        "slug": "alliantie-spooronderhoud-overdracht",
        "title": "Alliantie voor spooronderhoud overleeft drie wisselingen van projectleider",
        "summary": (
            "Een onderhoudsalliantie verloor binnen twee jaar drie projectleiders. Een vaste "
            "overdrachtsroutine hield de afspraken en de relaties overeind."
        ),
        "sector": Sector.CONSTRUCTION,
        "kind": CollaborationKind.ALLIANCE,
        "organisations": "Railbeheer Nederland-Midden\nInfra Onderhoud Combinatie\nSeinwerk Techniek",
        "context": (
            "<p>Een alliantie van opdrachtgever en twee aannemers onderhoudt een regionaal spoornet. De "
            "afspraken over samenwerking zaten vooral in de hoofden van de eerste projectleiders.</p>"
        ),
        "challenge": (
            "<p>Toen binnen twee jaar drie projectleiders vertrokken, kwamen oude discussies terug en "
            "werden afspraken anders uitgelegd.</p>"
        ),
        "approach": (
            "<p>De alliantie voerde een <strong>overdrachtsroutine</strong> in: elke nieuwe sleutelpersoon "
            "krijgt een inwerkdag met zijn tegenhangers, een logboek met de belangrijkste afspraken en "
            "de 'verhalen achter de afspraken', en een maatje bij de andere partij.</p>"
        ),
        "result": (
            "<p>De derde wisseling verliep zonder merkbare terugval. Het alliantieteam scoort op de "
            "jaarlijkse samenwerkingsmeting weer op het niveau van de startfase.</p>"
        ),
        "lessons": (
            "<p>Vertrouwen zit in mensen; afspraken moeten daarom ook op papier staan, met het waarom erbij. "
            "Inwerken bij de partner is net zo belangrijk als inwerken bij de eigen organisatie.</p>"
        ),
        "factors": [7, 3],
        "instrument_words": ["overdracht", "continu", "inwerk"],
    },
    {
        "slug": "energiecooperatie-en-netbeheerder-wachtrij",
        "title": "Energiecoöperatie en netbeheerder vinden samen ruimte op een vol net",
        "summary": (
            "Een zonnepark van een energiecoöperatie kon niet worden aangesloten. Door samen naar het net "
            "te kijken vonden coöperatie en netbeheerder een tijdelijke oplossing."
        ),
        "sector": Sector.ENERGY,
        "kind": CollaborationKind.PUBLIC_PRIVATE,
        "organisations": "Energiecoöperatie Zonnedorp\nNetbeheer Noord\nGemeente Heidebroek",
        "context": (
            "<p>Een energiecoöperatie met 600 leden had vergunning voor een zonnepark, maar het "
            "elektriciteitsnet in de regio zat vol. De coöperatie kwam op een wachtlijst.</p>"
        ),
        "challenge": (
            "<p>De verhoudingen waren gespannen: de coöperatie voelde zich niet serieus genomen, de "
            "netbeheerder voelde zich verantwoordelijk gesteld voor iets wat buiten zijn macht lag.</p>"
        ),
        "approach": (
            "<p>De gemeente nam de rol van verbinder. In drie werksessies legden de partijen hun "
            "<em>belangen</em> op tafel in plaats van hun standpunten. Samen onderzochten ze een "
            "flexibel aansluitcontract waarbij het park op piekmomenten minder terug levert.</p>"
        ),
        "result": (
            "<p>Het zonnepark werd anderhalf jaar eerder aangesloten dan de wachtlijst beloofde. De "
            "aanpak is inmiddels de standaard van de netbeheerder voor coöperaties in de regio.</p>"
        ),
        "lessons": (
            "<ul><li>Zoek het gezamenlijke belang: hier was dat zoveel mogelijk duurzame stroom op het net.</li>"
            "<li>Een neutrale derde partij helpt als twee partijen in hun rol vastzitten.</li></ul>"
        ),
        "factors": [1, 5],
        "instrument_words": ["ambitie", "belang", "besluit"],
    },
    {
        "slug": "warmtenet-wijkvernieuwing-besluitvorming",
        "title": "Warmtenet in een naoorlogse wijk: besluiten met drie eigenaren",
        "summary": (
            "Gemeente, corporatie en warmtebedrijf kwamen niet tot een besluit over een warmtenet. Een "
            "besluitvormingsladder met vaste termijnen doorbrak de impasse."
        ),
        "sector": Sector.ENERGY,
        "kind": CollaborationKind.PUBLIC_PRIVATE,
        "organisations": "Gemeente Veenoord\nWoonstichting Veenoord\nWarmtebedrijf Oost",
        "context": (
            "<p>Een naoorlogse wijk met 1.200 huurwoningen moest van het aardgas af. De drie partijen "
            "waren het eens over het doel, maar elk besluit moest langs drie besturen.</p>"
        ),
        "challenge": (
            "<p>Besluiten bleven hangen tussen de besturen. Elke partij wachtte op de ander, en de "
            "bewoners hoorden maandenlang niets.</p>"
        ),
        "approach": (
            "<p>De partners maakten een <strong>besluitvormingsladder</strong>: wat het projectteam zelf "
            "beslist, wat de stuurgroep beslist, en wat naar de besturen gaat, met een vaste termijn per "
            "trede. Bij een impasse beslist een vooraf aangewezen onafhankelijke voorzitter over het "
            "proces, niet over de inhoud.</p>"
        ),
        "result": (
            "<p>Het investeringsbesluit viel binnen vier maanden. Bewoners krijgen sindsdien elk kwartaal "
            "een gezamenlijke nieuwsbrief van de drie partners.</p>"
        ),
        "lessons": (
            "<p>Spreek af <em>hoe</em> je besluit voordat je het eerste besluit nodig hebt. Een "
            "escalatieroute is geen teken van wantrouwen maar van volwassenheid.</p>"
        ),
        "factors": [5, 4, 2],
        "instrument_words": ["besluit", "escalatie", "rol"],
    },
    {
        "slug": "regionale-mobiliteitsalliantie-werkgevers",
        "title": "Werkgevers en vervoerregio halen samen de spits uit de trein",
        "summary": (
            "Twaalf werkgevers spraken met de vervoerregio af hun werktijden te spreiden. Het werkte door "
            "een gedeelde ambitie en een vaste kerngroep."
        ),
        "sector": Sector.MOBILITY,
        "kind": CollaborationKind.NETWORK,
        "organisations": "Vervoerregio Delta\nZiekenhuis Deltaland\nHogeschool Delta\nTien werkgevers uit de regio",
        "context": (
            "<p>De treinen naar het centrum zaten in de ochtendspits overvol, terwijl extra treinen pas over "
            "jaren mogelijk waren. De vervoerregio zocht werkgevers die wilden meedenken.</p>"
        ),
        "challenge": (
            "<p>Werkgevers wilden wel, maar niemand wilde als eerste de werktijden aanpassen. Het netwerk "
            "dreigde te blijven praten zonder te doen.</p>"
        ),
        "approach": (
            "<p>Een kleine kerngroep van vier werkgevers formuleerde een gedeelde ambitie: tien procent "
            "minder reizigers in het drukste halfuur. Elke deelnemer koos zelf een maatregel, van "
            "flexibele begintijden tot een vaste thuiswerkdag, en rapporteerde elk kwartaal.</p>"
        ),
        "result": (
            "<p>Na een jaar reisde in het drukste halfuur acht procent minder mensen. Het ziekenhuis en de "
            "hogeschool maken de spreiding structureel.</p>"
        ),
        "lessons": (
            "<ul><li>Een meetbare, gedeelde ambitie houdt een vrijblijvend netwerk bij elkaar.</li>"
            "<li>Laat deelnemers hun eigen maatregel kiezen: dat geeft eigenaarschap.</li></ul>"
        ),
        "factors": [1, 3],
        "instrument_words": ["ambitie", "stakeholder", "vertrouwen"],
    },
    {
        "slug": "concessie-busvervoer-interpretatieverschil",
        "title": "Busconcessie: een interpretatieverschil opgelost aan tafel in plaats van bij de rechter",
        "summary": (
            "Provincie en busvervoerder lazen de concessie verschillend. Een afgesproken gespreksroute "
            "voorkwam een juridische procedure."
        ),
        "sector": Sector.MOBILITY,
        "kind": CollaborationKind.PUBLIC_PRIVATE,
        "organisations": "Provincie Zuidkust\nBusbedrijf Kustlijn",
        "context": (
            "<p>In de concessie stond dat de vervoerder 'voldoende capaciteit' moest bieden op "
            "scholierenlijnen. Na een dienstregelingswijziging stonden scholieren weer aan de kant.</p>"
        ),
        "challenge": (
            "<p>De provincie vond dat de vervoerder tekortschoot, de vervoerder vond dat de afspraak daar "
            "niets over zei. Beide juristen schreven al brieven.</p>"
        ),
        "approach": (
            "<p>Bij de start hadden partijen een <strong>route voor interpretatieverschillen</strong> "
            "afgesproken: eerst een gesprek tussen de contractmanagers, dan tussen de directeuren, pas "
            "daarna de jurist. In het directeurengesprek bleek dat beide partijen hetzelfde wilden: geen "
            "scholieren aan de kant.</p>"
        ),
        "result": (
            "<p>Binnen drie weken reden er extra bussen op twee lijnen, betaald uit een gezamenlijk "
            "ontwikkelbudget. De concessie kreeg een heldere bijlage over capaciteit.</p>"
        ),
        "lessons": (
            "<p>Een verschil in uitleg is normaal; een afgesproken route om erover te praten voorkomt dat "
            "het een conflict wordt. Leg die route vast vóór je hem nodig hebt.</p>"
        ),
        "factors": [6, 8, 5],
        "instrument_words": ["interpretatie", "escalatie", "contract"],
    },
]

PENDING_CASE = {
    "title": "Samen één plan voor gezinnen met meervoudige problemen",
    "summary": (
        "Wijkteam, schuldhulp en jeugdbescherming maakten voor twintig gezinnen één gezamenlijk plan met één "
        "regisseur. Gezinnen hebben minder hulpverleners aan tafel."
    ),
    "sector": Sector.SOCIAL,
    "kind": CollaborationKind.CHAIN,
    "organisations": "Gemeente Rivierstad\nKredietbank Rivierland\nJeugdbescherming Midden\nWijkteam Rivierstad-Oost",
    "context": (
        "<p>Gezinnen met problemen op meerdere terreinen hadden soms acht hulpverleners, elk met een eigen "
        "plan.</p>" + EXAMPLE_NOTE
    ),
    "challenge": "<p>Plannen spraken elkaar tegen en niemand had het overzicht.</p>",
    "approach": (
        "<p>Per gezin één regisseur met doorzettingsmacht, en één plan dat alle partners ondertekenen. Elke "
        "zes weken een kort overleg met het gezin erbij.</p>"
    ),
    "result": "<p>Na een jaar hadden de twintig gezinnen gemiddeld drie in plaats van zeven hulpverleners.</p>",
    "lessons": "<p>Doorzettingsmacht werkt alleen als alle partners haar vooraf erkennen.</p>",
    "factors": [4, 5],
}


def _instrument_pages() -> list[Page]:
    # The instrument app seeds before this one; its page model is not imported here on purpose.
    return list(
        Page.objects.live()
        .filter(content_type__app_label="handelingsrepertoire", content_type__model="instrumentpage")
        .order_by("path")
    )


def _pick_instruments(instruments: list[Page], words: list[str], position: int) -> list[Page]:
    """Up to two instruments whose title has a word starting with one of `words`, in the order of the words."""
    picked = []
    for word in words:
        pattern = re.compile(rf"\b{re.escape(word)}", re.IGNORECASE)
        picked += [page for page in instruments if pattern.search(page.title) and page not in picked]
    if not picked and instruments:
        picked = [instruments[position % len(instruments)]]
    return picked[:2]


def _illustration(kind: str) -> CleanImage:
    """A simple illustration drawn here, so the demo needs no image files."""
    image = Image.new("RGB", (1200, 675), "#f6f5f1")
    draw = ImageDraw.Draw(image)
    if kind == "brug":
        draw.rectangle((0, 470, 1200, 675), fill="#9cc3e6")
        draw.arc((150, 250, 1050, 700), start=180, end=360, fill="#1d4f8c", width=28)
        draw.rectangle((120, 440, 1080, 470), fill="#0f2f57")
        for x in (300, 600, 900):
            draw.rectangle((x - 10, 300, x + 10, 470), fill="#e2731f")
    else:
        blue, orange = Image.new("L", image.size, 0), Image.new("L", image.size, 0)
        ImageDraw.Draw(blue).ellipse((260, 140, 660, 540), fill=255)
        ImageDraw.Draw(orange).ellipse((540, 140, 940, 540), fill=255)
        image.paste("#1d4f8c", mask=blue)
        image.paste("#e2731f", mask=orange)
        image.paste("#7a3300", mask=ImageChops.multiply(blue, orange))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return CleanImage(
        content=buffer.getvalue(), extension="png", width=1200, height=675, original_name=f"{kind}.png"
    )


ILLUSTRATION_ALT = {
    "blauw-oranje": "Twee overlappende cirkels, een blauwe en een oranje: de blauwe en de oranje wereld van samenwerken",
    "brug": "Tekening van een boogbrug over het water, met drie oranje pijlers",
}


def seed(log, context) -> dict:
    index = ensure_child(
        context["home"],
        CaseIndexPage,
        slug="praktijkvoorbeelden",
        title="Praktijkvoorbeelden",
        show_in_menus=True,
        search_description="Hoe lidorganisaties hun samenwerking laten werken: gedeelde praktijkvoorbeelden.",
        intro="<p>Lidorganisaties delen wat werkte, en wat niet, in hun samenwerkingsverbanden.</p>",
    )
    case_workflow_ensure(index=index)
    factors = context["factors"]
    member_organisation = next(
        (
            organisation
            for organisation in context["organisations"].values()
            if organisation.is_platform_member
        ),
        None,
    )
    instruments = _instrument_pages()
    cases = {}
    for position, data in enumerate(CASES):
        existing = index.get_children().filter(slug=data["slug"]).first()
        if existing is not None:
            cases[data["slug"]] = existing.specific
            continue
        gallery = []
        if data.get("image"):
            image = case_image_store(
                user=None, image=_illustration(data["image"]), alt_text=ILLUSTRATION_ALT[data["image"]]
            )
            gallery = [CaseImage(image=image, alt_text=ILLUSTRATION_ALT[data["image"]])]
        cases[data["slug"]] = ensure_child(
            index,
            CasePage,
            slug=data["slug"],
            title=data["title"],
            summary=data["summary"],
            search_description=data["summary"],
            sector=data["sector"],
            collaboration_kind=data["kind"],
            organisations_involved=data["organisations"],
            context=data["context"] + EXAMPLE_NOTE,
            challenge=data["challenge"],
            approach=data["approach"],
            result=data["result"],
            lessons_learned=data["lessons"],
            success_factors=[factors[number] for number in data["factors"]],
            instrument_links=[
                CaseInstrument(instrument=page, sort_order=order)
                for order, page in enumerate(
                    _pick_instruments(instruments, data["instrument_words"], position)
                )
            ],
            gallery_images=gallery,
            submitting_organisation=member_organisation if data.get("shared_by_member") else None,
            show_submitter_organisation=bool(data.get("shared_by_member")),
        )
    pending = _seed_pending_case(index=index, factors=factors, user=context["users"]["deelnemer@example.org"])
    log(f"cases: {len(cases)} published, 1 waiting for the moderators ({pending.title})")
    return {"case_index": index, "cases": cases}


def _seed_pending_case(*, index: CaseIndexPage, factors: dict, user) -> CasePage:
    existing = CasePage.objects.child_of(index).filter(submitted_by=user, title=PENDING_CASE["title"]).first()
    if existing is not None:
        return existing
    data = PENDING_CASE
    return case_save(
        user=user,
        index=index,
        case=None,
        content=CaseContent(
            title=data["title"],
            summary=data["summary"],
            sector=data["sector"],
            collaboration_kind=data["kind"],
            organisations_involved=data["organisations"],
            context=data["context"],
            challenge=data["challenge"],
            approach=data["approach"],
            result=data["result"],
            lessons_learned=data["lessons"],
            success_factors=[factors[number] for number in data["factors"]],
            show_submitter_name=True,
            show_submitter_organisation=True,
        ),
        submit=True,
    )
