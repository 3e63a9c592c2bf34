"""Demo instrument sheets (example content): fourteen original instruments covering the eight success
factors and the three phases of a collaboration, each on one A4."""

from accounts.roles import TRAINERS
from accounts.services import group_grant_page_permissions
from home.demo import ensure_child
from successfactors.models import World

from .models import InstrumentIndexPage, InstrumentPage, InstrumentRelation, Phase

INSTRUMENTS = [
    {
        "slug": "startgesprek-gedragsafspraken",
        "title": "Startgesprek over gedragsafspraken",
        "summary": "In één gesprek spreken de partners af hoe ze met elkaar omgaan, juist voor de momenten "
        "dat het schuurt.",
        "purpose": "Vóór het eerste inhoudelijke overleg expliciete afspraken maken over gedrag: hoe we elkaar "
        "informeren, aanspreken en beslissen. Zo hoeft niemand later te raden wat 'normaal' is.",
        "when_to_use": "Bij de start van een nieuwe samenwerking, bij een nieuw projectteam of wanneer een "
        "nieuwe partner aanschuift. Ook bruikbaar na een wisseling in de kerngroep.",
        "participants": "De vertegenwoordigers van alle partners, bij voorkeur wie het dagelijkse werk doet, "
        "met een onafhankelijke gespreksleider.",
        "time_needed": "90 minuten, plus 30 minuten uitwerking",
        "steps": [
            (
                "Open met ervaringen",
                "Laat ieder een samenwerking noemen die goed liep en één die misging. Wat "
                "deden mensen daar concreet?",
            ),
            (
                "Maak verwachtingen zichtbaar",
                "Ieder schrijft drie gedragingen op die hij van de anderen "
                "verwacht, en één die hij zelf belooft.",
            ),
            (
                "Kies vijf afspraken",
                "Cluster de kaartjes en formuleer hooguit vijf afspraken in gewone taal, "
                "als gedrag dat je kunt zien.",
            ),
            (
                "Spreek af wat je doet als het schuurt",
                "Wie spreekt wie aan, binnen welke termijn, en wanneer schakel je de stuurgroep in?",
            ),
            (
                "Leg vast en plan de check",
                "Zet de afspraken op één A4 bij de samenwerkingsovereenkomst en plan "
                "over drie maanden een korte evaluatie.",
            ),
        ],
        "tips": [
            "Formuleer afspraken als gedrag: 'we bellen voordat we over een probleem mailen', niet 'we zijn "
            "open'.",
            "Laat de gespreksleider doorvragen tot iedereen hetzelfde voorbeeld voor zich ziet.",
            "Hang de afspraken zichtbaar op bij elk overleg.",
        ],
        "pitfalls": [
            "Afspraken die zo algemeen zijn dat niemand ze kan schenden, en die dus ook niemand naleeft.",
            "Alleen bestuurders praten mee; de mensen van het dagelijkse werk herkennen zich er niet in.",
            "Het gesprek wordt een contractonderhandeling. Houd de juristen er deze keer buiten.",
        ],
        "factors": [2, 3],
        "world": World.ORANGE,
        "phase": Phase.EXPLORE_AND_START,
        "related": [],
    },
    {
        "slug": "protocol-interpretatieverschillen",
        "title": "Protocol bij interpretatieverschillen",
        "summary": "Een vaste route om een verschil in uitleg van een afspraak binnen twee weken aan tafel op "
        "te lossen, vóórdat het een juridisch dossier wordt.",
        "purpose": "Voorkomen dat een verschil van uitleg escaleert via brieven en juristen. Het protocol "
        "zorgt dat eerst de mensen die het werk doen het verschil met elkaar bespreken.",
        "when_to_use": "Zodra een partner merkt dat een afspraak uit het contract of de "
        "samenwerkingsovereenkomst anders wordt uitgelegd dan bedoeld, ook als het verschil klein lijkt.",
        "participants": "De twee betrokken contactpersonen; bij stap 5 ook hun leidinggevenden of de "
        "kernteamleden.",
        "time_needed": "Eerste gesprek 45 minuten; de hele route hooguit twee weken",
        "steps": [
            (
                "Meld het verschil binnen drie werkdagen",
                "Bel de contactpersoon van de andere partner. Noem het een verschil van uitleg, geen fout.",
            ),
            (
                "Beschrijf beide uitleggen",
                "Schrijf samen per partner in één zin op hoe die de afspraak leest "
                "en waarom dat vanuit zijn organisatie logisch is.",
            ),
            (
                "Zoek de bedoeling",
                "Ga terug naar het waarom van de afspraak: wat wilden we er samen mee "
                "bereiken? Vraag het zo nodig aan wie erbij was.",
            ),
            (
                "Kies een werkafspraak",
                "Spreek voorlopig af hoe jullie het nu doen, ook als het principiële verschil nog openstaat.",
            ),
            (
                "Schaal op als het niet lukt",
                "Lukt het niet binnen twee weken, dan bespreekt het kernteam het. "
                "De juridische route is pas de laatste stap.",
            ),
            (
                "Leg het vast",
                "Noteer het verschil en de uitkomst in het logboek van de samenwerking, zodat "
                "opvolgers het terugvinden.",
            ),
        ],
        "tips": [
            "Spreek het protocol af in de startfase, niet pas bij het eerste verschil.",
            "Zeg hardop dat een verschil van uitleg normaal is; het is geen teken van kwade wil.",
        ],
        "pitfalls": [
            "Het verschil per mail uitvechten. Een mail met de directeur in de cc verhardt de standpunten.",
            "Wachten tot de volgende stuurgroep; dan is het verschil al een conflict geworden.",
            "De werkafspraak niet vastleggen, zodat hetzelfde verschil een jaar later terugkomt.",
        ],
        "factors": [6, 8],
        "world": World.BOTH,
        "phase": Phase.CARRY_OUT,
        "related": ["startgesprek-gedragsafspraken"],
    },
    {
        "slug": "rollenkaart",
        "title": "Rollenkaart",
        "summary": "Eén overzicht van wie welke rol heeft in de samenwerking, waarvoor hij aanspreekbaar is en "
        "waar zijn mandaat ophoudt.",
        "purpose": "Duidelijkheid over rollen, verantwoordelijkheden en mandaten, zodat niemand dubbel werk "
        "doet of wacht op een besluit dat niemand mag nemen.",
        "when_to_use": "In de startfase, bij elke wisseling in de bezetting en wanneer besluiten blijven "
        "liggen of taken tussen wal en schip vallen.",
        "participants": "Het kernteam, met per partner de persoon die zijn organisatie vertegenwoordigt.",
        "time_needed": "60 minuten; jaarlijks herzien",
        "steps": [
            (
                "Zet de rollen op een rij",
                "Bijvoorbeeld opdrachtgever, kernteamlid, projectleider, "
                "contractmanager, ketenregisseur en inhoudelijk expert.",
            ),
            (
                "Beantwoord per rol drie vragen",
                "Wat doet deze rol? Waarvoor is hij aanspreekbaar? Wat mag hij "
                "beslissen zonder terug te gaan naar de eigen organisatie?",
            ),
            (
                "Koppel namen aan rollen",
                "Schrijf er namen en een vervanger bij. Eén persoon kan meer rollen "
                "hebben, maar maak dat zichtbaar.",
            ),
            (
                "Toets op gaten en overlap",
                "Loop drie recente situaties na: wie had moeten handelen, en wist die persoon dat?",
            ),
            (
                "Deel en onderhoud de kaart",
                "Zet de kaart in de gedeelde map en werk hem bij bij elke wisseling.",
            ),
        ],
        "tips": [
            "Vraag elke vertegenwoordiger zijn mandaat bij de eigen organisatie na te gaan; vaak blijkt het "
            "kleiner dan gedacht.",
            "Gebruik de kaart bij het inwerken van nieuwe mensen.",
        ],
        "pitfalls": [
            "Een organogram tekenen in plaats van afspraken over gedrag en mandaat te maken.",
            "Rollen benoemen met functietitels die in elke organisatie iets anders betekenen.",
        ],
        "factors": [4, 5],
        "world": World.BLUE,
        "phase": Phase.EXPLORE_AND_START,
        "related": [],
    },
    {
        "slug": "besluitvormingsmatrix",
        "title": "Besluitvormingsmatrix",
        "summary": "Een matrix die per type besluit laat zien wie beslist, wie adviseert en wie het hoort, en "
        "hoe je opschaalt als het vastloopt.",
        "purpose": "Snelle, gedragen besluiten zonder dat elk besluit langs alle bestuurstafels gaat. "
        "Iedereen weet vooraf hoe een besluit tot stand komt.",
        "when_to_use": "Bij het inrichten van de governance, en wanneer besluiten steeds opnieuw ter discussie "
        "staan of eindeloos rondgaan.",
        "participants": "Het kernteam en de opdrachtgevers van de partners.",
        "time_needed": "Twee sessies van 60 minuten",
        "steps": [
            (
                "Verzamel tien typische besluiten",
                "Van klein (de planning van een overleg) tot groot (extra "
                "budget, een nieuwe partner, stoppen met een project).",
            ),
            (
                "Verdeel per besluit de rollen",
                "Wie beslist (B), wie moet instemmen (I), wie adviseert (A) en "
                "wie hoort het achteraf (H)? Precies één B per besluit.",
            ),
            (
                "Kies de manier van beslissen",
                "Unanimiteit, consent (niemand heeft een overwegend bezwaar) of "
                "meerderheid. Kies per type besluit, niet per keer.",
            ),
            (
                "Spreek de opschaling af",
                "Wat gebeurt er als het kernteam er niet uitkomt? Wie beslist dan, en binnen welke termijn?",
            ),
            (
                "Test met een lastig voorbeeld",
                "Speel een recent besluit na met de matrix. Was het sneller en beter gegaan?",
            ),
        ],
        "tips": [
            "Consent werkt vaak beter dan unanimiteit: niet iedereen hoeft enthousiast te zijn, wel mag "
            "niemand een wezenlijk bezwaar hebben.",
            "Leg de matrix naast de agenda van elk kernteamoverleg.",
        ],
        "pitfalls": [
            "Alles onder 'samen beslissen' zetten. Dan beslist uiteindelijk niemand.",
            "Vergeten wie geïnformeerd moet worden; juist daar ontstaat wantrouwen.",
        ],
        "factors": [5, 4],
        "world": World.BLUE,
        "phase": Phase.EXPLORE_AND_START,
        "related": ["rollenkaart"],
    },
    {
        "slug": "belangenkaart",
        "title": "Belangenkaart",
        "summary": "Breng de belangen van alle partners en betrokkenen in kaart, zodat de gezamenlijke "
        "ambitie rust op wat ieder echt nodig heeft.",
        "purpose": "Inzicht in wat elke partner uit de samenwerking wil halen, waarop hij intern wordt "
        "afgerekend en waar belangen botsen of elkaar versterken.",
        "when_to_use": "Bij de verkenning van een nieuwe samenwerking, vóór het formuleren van de ambitie, en "
        "opnieuw wanneer een partner vertrekt of aanschuift.",
        "participants": "Vertegenwoordigers van alle partners, eventueel aangevuld met vertegenwoordigers van "
        "cliënten of bewoners.",
        "time_needed": "2 uur",
        "steps": [
            (
                "Teken de kaart",
                "Zet de samenwerking in het midden en alle partners en betrokkenen eromheen: "
                "dichtbij wie veel invloed heeft, verder weg wie minder heeft.",
            ),
            (
                "Laat ieder zijn eigen belang invullen",
                "Per partner: wat moet deze samenwerking ons opleveren? Waarop worden wij intern afgerekend?",
            ),
            (
                "Vul aan vanuit de ander",
                "Wat denken de anderen dat jouw belang is? Verschillen tussen beide "
                "beelden zijn het gesprek waard.",
            ),
            (
                "Markeer spanningen en kansen",
                "Trek rode lijnen waar belangen botsen en groene waar ze elkaar versterken.",
            ),
            (
                "Vertaal naar de ambitie",
                "Benoem het gezamenlijke belang dat uitstijgt boven de eigen belangen: "
                "de basis voor de gezamenlijke ambitie.",
            ),
        ],
        "tips": [
            "Benoem ook verborgen belangen, zoals imago, budgetdruk of een wethouder die resultaat wil zien.",
            "Werk in een eerste sessie met grote vellen papier en post-its.",
        ],
        "pitfalls": [
            "Alleen de officiële doelen opschrijven; de echte drijfveren blijven dan onder tafel.",
            "De kaart één keer maken en daarna vergeten.",
        ],
        "factors": [1, 3],
        "world": World.BOTH,
        "phase": Phase.EXPLORE_AND_START,
        "related": [],
    },
    {
        "slug": "feedback-geven-in-een-samenwerking",
        "title": "Feedback geven aan professionals in een samenwerking",
        "summary": "Een korte gespreksvorm om een professional van een andere organisatie aan te spreken op "
        "gedrag, zonder de relatie te beschadigen.",
        "purpose": "Feedback geven aan iemand over wie je geen zeggenschap hebt, zodat afspraken worden "
        "nageleefd en vertrouwen groeit in plaats van afbrokkelt.",
        "when_to_use": "Wanneer een professional van een partner zich niet aan een gedragsafspraak houdt, of "
        "juist iets doet wat de samenwerking verder helpt.",
        "participants": "Twee professionals, onder vier ogen; eventueel voorbereid met een collega.",
        "time_needed": "15 tot 30 minuten",
        "steps": [
            (
                "Kies het moment",
                "Zoek een rustig moment en vraag of de ander even tijd heeft. Feedback in een "
                "vol overleg werkt zelden.",
            ),
            (
                "Beschrijf wat je zag",
                "Noem concreet gedrag en het moment: 'Dinsdag zegde je toe het rapport "
                "te sturen; het is niet gekomen.'",
            ),
            (
                "Benoem het effect",
                "Wat deed het met jou, je organisatie of de samenwerking? Spreek vanuit jezelf.",
            ),
            (
                "Vraag naar het verhaal van de ander",
                "Luister echt. Vaak speelt er iets in de eigen organisatie van de ander dat jij niet ziet.",
            ),
            (
                "Maak samen een afspraak",
                "Wat doen jullie voortaan? Verwijs naar de gedragsafspraken als die er zijn.",
            ),
        ],
        "tips": [
            "Geef ook positieve feedback; dat maakt lastige feedback later makkelijker.",
            "Bereid je eerste zin letterlijk voor.",
        ],
        "pitfalls": [
            "Klagen bij de leidinggevende van de ander in plaats van zelf het gesprek aan te gaan.",
            "Generaliseren: 'jullie doen altijd…'.",
        ],
        "factors": [3, 2],
        "world": World.ORANGE,
        "phase": Phase.CARRY_OUT,
        "related": ["startgesprek-gedragsafspraken"],
    },
    {
        "slug": "samenwerkingsoverleg-voorzitten",
        "title": "Een samenwerkingsoverleg voorzitten",
        "summary": "Een draaiboek voor wie een overleg tussen organisaties voorzit: van agenda tot "
        "besluitenlijst, met ruimte voor de relatie.",
        "purpose": "Overleggen die tot besluiten leiden én waarin partners zich gehoord voelen. De voorzitter "
        "bewaakt inhoud, proces en de gemaakte gedragsafspraken.",
        "when_to_use": "Bij elk kernteam- of stuurgroepoverleg, en zeker wanneer een gevoelig onderwerp of "
        "een verschil van uitleg op de agenda staat.",
        "participants": "De voorzitter (wisselend per partner of onafhankelijk) en alle deelnemers aan het "
        "overleg.",
        "time_needed": "30 minuten voorbereiding, 60 tot 90 minuten overleg",
        "steps": [
            (
                "Bereid de agenda samen voor",
                "Vraag een week vooraf agendapunten op en zet bij elk punt of het "
                "ter informatie, bespreking of besluit is.",
            ),
            (
                "Open met een korte ronde",
                "Vraag hoe het ieder vergaat in het werk voor de samenwerking. Dat "
                "levert signalen op die anders pas later komen.",
            ),
            (
                "Werk per punt naar een uitkomst",
                "Vat samen, toets of iedereen zich herkent en benoem het besluit of de vervolgstap.",
            ),
            (
                "Bewaak de gedragsafspraken",
                "Benoem het vriendelijk en direct als een afspraak wordt "
                "geschonden, ook als het een bestuurder betreft.",
            ),
            (
                "Sluit af met een evaluatie",
                "Wat ging goed, wat kan beter? Stuur binnen twee dagen de besluitenlijst rond.",
            ),
        ],
        "tips": [
            "Geef het woord eerst aan wie het minst zegt.",
            "Een besluitenlijst is belangrijker dan een uitgebreid verslag.",
        ],
        "pitfalls": [
            "De voorzitter heeft zelf het grootste belang en stuurt ongemerkt naar de eigen uitkomst.",
            "Lastige onderwerpen steeds doorschuiven naar 'de volgende keer'.",
        ],
        "factors": [5, 2],
        "world": World.BOTH,
        "phase": Phase.CARRY_OUT,
        "related": ["besluitvormingsmatrix", "startgesprek-gedragsafspraken"],
    },
    {
        "slug": "overdrachtsdossier",
        "title": "Overdrachtsdossier bij vertrek",
        "summary": "Een vaste opzet om kennis, relaties en afspraken over te dragen wanneer een sleutelpersoon "
        "de samenwerking verlaat.",
        "purpose": "Voorkomen dat vertrouwen en kennis met één persoon vertrekken. De opvolger begint met een "
        "overdracht in plaats van bij nul.",
        "when_to_use": "Zodra bekend is dat een kernteamlid, projectleider of contactpersoon vertrekt of een "
        "andere rol krijgt; begin minstens vier weken voor het vertrek.",
        "participants": "De vertrekkende persoon, de opvolger en de belangrijkste contactpersonen bij de "
        "partners.",
        "time_needed": "Ongeveer 4 uur schrijfwerk en twee overdrachtsgesprekken",
        "steps": [
            (
                "Schrijf de geschiedenis kort op",
                "Waarom is de samenwerking gestart, welke besluiten waren "
                "bepalend en welke afspraken gelden?",
            ),
            (
                "Breng het netwerk in kaart",
                "Met wie heb je contact, hoe loopt dat contact en wat moet de opvolger over ieder weten?",
            ),
            (
                "Benoem de gevoelige punten",
                "Welke verschillen van uitleg, spanningen of beloften staan nog "
                "open? Wees eerlijk, ook over je eigen rol.",
            ),
            (
                "Introduceer de opvolger persoonlijk",
                "Ga samen langs de belangrijkste contactpersonen. Een "
                "mail met 'mijn opvolger is…' is niet genoeg.",
            ),
            ("Plan een terugblik", "Spreek af dat de opvolger je na twee maanden nog kan bellen met vragen."),
        ],
        "tips": [
            "Houd het dossier bij tijdens de samenwerking; dan kost de overdracht weinig extra tijd.",
            "Voeg de rollenkaart en het logboek van verschillen toe als bijlagen.",
        ],
        "pitfalls": [
            "Alleen documenten overdragen en niet de relaties.",
            "De overdracht pas in de laatste week regelen.",
        ],
        "factors": [7, 3],
        "world": World.BOTH,
        "phase": Phase.CARRY_OUT,
        "related": ["rollenkaart"],
    },
    {
        "slug": "resetsessie",
        "title": "Resetsessie voor een samenwerking die niet werkt zoals bedoeld",
        "summary": "Een begeleide sessie waarin de partners eerlijk kijken naar een vastgelopen samenwerking "
        "en samen kiezen: opnieuw beginnen, bijsturen of stoppen.",
        "purpose": "Een vastgelopen samenwerking weer bespreekbaar maken, zonder schuldvraag. Het resultaat is "
        "een gezamenlijke keuze en, bij doorgaan, vernieuwde afspraken.",
        "when_to_use": "Wanneer overleggen stroef verlopen, afspraken niet worden nagekomen, het vertrouwen "
        "is gedaald of er al met juridische stappen wordt gedreigd.",
        "participants": "De bestuurlijk verantwoordelijken en de kernteamleden van alle partners, met een "
        "onafhankelijke begeleider.",
        "time_needed": "Een dagdeel (4 uur)",
        "steps": [
            (
                "Stel de vragen vooraf",
                "Ieder beantwoordt anoniem: wat werkt, wat werkt niet, en wat heb ik "
                "zelf bijgedragen aan deze situatie?",
            ),
            (
                "Deel de beelden zonder discussie",
                "De begeleider presenteert de antwoorden. Eerst alleen verhelderende vragen, geen verweer.",
            ),
            (
                "Kijk naar blauw én oranje",
                "Welke knelpunten zitten in contract, afspraken en structuur, en "
                "welke in relaties, gedrag en vertrouwen?",
            ),
            (
                "Herijk de ambitie",
                "Willen we dit nog samen? Kies expliciet: doorgaan zoals bedoeld, doorgaan "
                "in een andere opzet, of zorgvuldig stoppen.",
            ),
            (
                "Maak nieuwe startafspraken",
                "Bij doorgaan: leg drie veranderingen vast met eigenaar en datum, "
                "en plan een vervolg na zes weken.",
            ),
        ],
        "tips": [
            "Laat de sessie leiden door iemand zonder belang bij de uitkomst.",
            "Zorgvuldig stoppen is ook een goede uitkomst.",
        ],
        "pitfalls": [
            "De sessie gebruiken om gelijk te halen over het verleden.",
            "Alleen contractuele knelpunten bespreken terwijl het probleem in het vertrouwen zit.",
        ],
        "factors": [1, 6, 3],
        "world": World.ORANGE,
        "phase": Phase.EVALUATE_AND_RESET,
        "related": ["belangenkaart", "protocol-interpretatieverschillen"],
    },
    {
        "slug": "workshop-gezamenlijke-ambitie",
        "title": "Workshop gezamenlijke ambitie",
        "summary": "In één workshop formuleren de partners samen waarom ze samenwerken en welk resultaat ze "
        "over drie jaar willen zien.",
        "purpose": "Een gedeelde, concrete ambitie die richting geeft bij keuzes en die elke partner kan "
        "uitleggen in de eigen organisatie.",
        "when_to_use": "Na de belangenkaart en vóór het opstellen van de samenwerkingsovereenkomst. Herhaal "
        "de workshop bij een reset of een nieuwe fase.",
        "participants": "Opdrachtgevers en kernteamleden van alle partners.",
        "time_needed": "3 uur",
        "steps": [
            (
                "Schets de opgave",
                "Welk maatschappelijk probleem lossen we samen op dat geen van ons alleen kan oplossen?",
            ),
            (
                "Kijk drie jaar vooruit",
                "Ieder schrijft een krantenkop over het succes van de samenwerking. "
                "Wat staat erin, en wie zegt het?",
            ),
            (
                "Zoek de gemeenschappelijke kern",
                "Leg de koppen naast elkaar en formuleer samen één ambitie van hooguit drie zinnen.",
            ),
            (
                "Maak het meetbaar",
                "Kies twee of drie resultaten waaraan je over een jaar ziet of je op koers ligt.",
            ),
            (
                "Vertaal naar het contract",
                "Welke afspraken in de overeenkomst ondersteunen de ambitie, en welke zitten haar in de weg?",
            ),
        ],
        "tips": [
            "Nodig een ervaringsdeskundige of eindgebruiker uit; dat houdt de ambitie concreet.",
            "Toets: kan elke partner de ambitie in één minuut uitleggen aan zijn directeur?",
        ],
        "pitfalls": [
            "Een ambitie zo breed dat iedereen instemt, maar niemand er keuzes mee maakt.",
            "De ambitie formuleren zonder de mensen die het werk moeten doen.",
        ],
        "factors": [1, 8],
        "world": World.BLUE,
        "phase": Phase.EXPLORE_AND_START,
        "related": ["belangenkaart"],
    },
    {
        "slug": "dubbelcheck-contract-en-samenwerking",
        "title": "Dubbelcheck contract en samenwerking",
        "summary": "Leg de kernafspraken uit het contract naast de dagelijkse praktijk, zodat het contract de "
        "samenwerking ondersteunt in plaats van vervangt.",
        "purpose": "Zien waar het contract knelt of tekortschiet, en waar de praktijk afwijkt van wat is "
        "afgesproken, voordat daar een conflict over ontstaat.",
        "when_to_use": "Halverwege een contractperiode, bij een grote wijziging in de opdracht, of wanneer "
        "partners vaker naar het contract verwijzen dan met elkaar praten.",
        "participants": "De contractmanagers en de projectleiders van de partners.",
        "time_needed": "2 uur voorbereiding, 90 minuten gesprek",
        "steps": [
            (
                "Kies vijf kernafspraken",
                "Selecteer de vijf afspraken uit het contract die het meest bepalen "
                "hoe het werk dagelijks loopt.",
            ),
            (
                "Beschrijf de praktijk",
                "Hoe gaat het echt? Laat de projectleiders per afspraak een recent voorbeeld geven.",
            ),
            (
                "Kleur de verschillen",
                "Groen: contract en praktijk sluiten aan. Oranje: de praktijk wijkt af, "
                "maar werkt. Rood: het knelt.",
            ),
            (
                "Bespreek oranje en rood",
                "Moet de praktijk terug naar het contract, of moet het contract mee met de praktijk?",
            ),
            (
                "Leg wijzigingen vast",
                "Pas afspraken aan via de afgesproken wijzigingsprocedure en informeer alle betrokkenen.",
            ),
        ],
        "tips": [
            "Begin bij de afspraken die goed werken; dat zet de toon.",
            "Oranje is niet fout: het laat zien waar mensen het contract slim toepassen.",
        ],
        "pitfalls": [
            "De check gebruiken om tekortkomingen van de andere partij te verzamelen.",
            "Alleen juristen aan tafel; de praktijk weet waar het echt knelt.",
        ],
        "factors": [8, 6],
        "world": World.BLUE,
        "phase": Phase.CARRY_OUT,
        "related": ["protocol-interpretatieverschillen"],
    },
    {
        "slug": "samenwerkingsthermometer",
        "title": "Samenwerkingsthermometer",
        "summary": "Een korte, periodieke meting waarin alle betrokkenen de samenwerking een cijfer geven per "
        "succesfactor, met het gesprek over de uitkomst als kern.",
        "purpose": "Op tijd zien waar de samenwerking achteruitgaat, en daarover praten op basis van ieders "
        "beeld in plaats van op gevoel.",
        "when_to_use": "Elk halfjaar, en vóór belangrijke momenten zoals een contractverlenging of een nieuwe "
        "fase.",
        "participants": "Alle kernteamleden en een dwarsdoorsnede van de professionals die in de samenwerking "
        "werken.",
        "time_needed": "10 minuten invullen, 60 minuten bespreken",
        "steps": [
            (
                "Zet de vragenlijst uit",
                "Iedereen geeft per succesfactor een cijfer van 1 tot 10, met één zin toelichting.",
            ),
            (
                "Maak de uitkomst zichtbaar",
                "Toon per factor het gemiddelde én de spreiding. Grote spreiding is "
                "vaak interessanter dan een laag gemiddelde.",
            ),
            (
                "Bespreek de verrassingen",
                "Waar verschillen de partners sterk in hun oordeel? Vraag naar voorbeelden.",
            ),
            (
                "Kies één verbeterpunt",
                "Kies samen de factor waar verbetering het meest oplevert en spreek één concrete actie af.",
            ),
            ("Vergelijk met de vorige meting", "Kijk bij de volgende meting eerst of de actie effect had."),
        ],
        "tips": [
            "Wil je weten hoe klaar je eigen organisatie is voor samenwerken? Doe dan ook de FitnessScan.",
            "Laat de uitkomst bespreken door een voorzitter die zelf niet het laagst of hoogst scoorde.",
        ],
        "pitfalls": [
            "Meten zonder bespreken: mensen voelen zich niet gehoord en vullen de volgende keer niets in.",
            "Te veel verbeterpunten tegelijk kiezen.",
        ],
        "factors": [3, 2, 5],
        "world": World.BOTH,
        "phase": Phase.EVALUATE_AND_RESET,
        "related": ["resetsessie"],
    },
    {
        "slug": "inwerken-in-een-samenwerking",
        "title": "Inwerken in een bestaande samenwerking",
        "summary": "Een inwerkplan waarmee een nieuwe collega binnen zes weken de mensen, afspraken en "
        "gevoeligheden van de samenwerking kent.",
        "purpose": "Nieuwe mensen snel laten bijdragen zonder dat ze onbedoeld afspraken schenden of relaties "
        "beschadigen; zo blijft de samenwerking doorlopen als mensen wisselen.",
        "when_to_use": "Bij elke nieuwe medewerker met een rol in de samenwerking, ook bij tijdelijke "
        "vervanging.",
        "participants": "De nieuwe collega, een buddy in de eigen organisatie en een buddy bij een partner.",
        "time_needed": "Ongeveer 8 uur, verspreid over zes weken",
        "steps": [
            (
                "Week 1: lees de basis",
                "De ambitie, de rollenkaart, de gedragsafspraken en het logboek van verschillen.",
            ),
            (
                "Week 1 en 2: maak kennis",
                "Voer één-op-één gesprekken met de contactpersonen van alle partners, samen met de buddy.",
            ),
            (
                "Week 2 tot 4: loop mee",
                "Woon overleggen bij als toehoorder en bespreek ze na met de buddy: wat "
                "viel op, wat snapte je niet?",
            ),
            ("Week 4: neem een eerste eigen taak", "Pak een afgebakende taak op, met de buddy als vangnet."),
            (
                "Week 6: kijk terug",
                "Bespreek met beide buddy's wat je nog mist en wat jouw frisse blik "
                "oplevert voor de samenwerking.",
            ),
        ],
        "tips": [
            "Vraag de nieuwe collega wat hem opvalt; nieuwe ogen zien ingesleten patronen.",
        ],
        "pitfalls": [
            "Alleen documenten sturen en verwachten dat de nieuwe collega zich redt.",
            "Geen buddy bij een partner regelen, waardoor het beeld van de samenwerking eenzijdig blijft.",
        ],
        "factors": [7, 4],
        "world": World.ORANGE,
        "phase": Phase.CARRY_OUT,
        "related": ["overdrachtsdossier", "rollenkaart"],
    },
    {
        "slug": "escalatieladder",
        "title": "Escalatieladder",
        "summary": "Een vooraf afgesproken ladder met treden, termijnen en gesprekspartners voor als een "
        "verschil niet op de werkvloer wordt opgelost.",
        "purpose": "Opschalen voorspelbaar en fatsoenlijk maken: niemand wordt verrast, elke trede heeft een "
        "termijn, en de juridische route komt pas na alle gesprekken.",
        "when_to_use": "Af te spreken in de startfase; te gebruiken wanneer het protocol bij "
        "interpretatieverschillen niet tot een oplossing leidt.",
        "participants": "Partners op elk niveau: professionals, projectleiders, kernteam en bestuurders.",
        "time_needed": "60 minuten om af te spreken; per trede hooguit tien werkdagen",
        "steps": [
            (
                "Trede 1: de professionals",
                "De direct betrokkenen zoeken samen een oplossing en leggen het verschil vast.",
            ),
            (
                "Trede 2: de projectleiders",
                "Zij bespreken het verschil binnen vijf werkdagen en zoeken een werkafspraak.",
            ),
            (
                "Trede 3: het kernteam",
                "Het kernteam agendeert het verschil in het eerstvolgende overleg of in "
                "een extra overleg binnen tien werkdagen.",
            ),
            (
                "Trede 4: de bestuurders",
                "Zij gaan met elkaar in gesprek, zo nodig met een onafhankelijke bemiddelaar.",
            ),
            (
                "Trede 5: de geschillenregeling",
                "Pas als alle treden doorlopen zijn, met een gezamenlijke verklaring waarom het niet lukte.",
            ),
        ],
        "tips": [
            "Spreek af dat opschalen geen falen is maar een afgesproken stap, en kondig het aan bij de ander.",
        ],
        "pitfalls": [
            "Treden overslaan door meteen de bestuurder te bellen.",
            "Geen termijnen afspreken, zodat een verschil maanden op één trede blijft hangen.",
        ],
        "factors": [6, 5],
        "world": World.BLUE,
        "phase": Phase.CARRY_OUT,
        "related": ["protocol-interpretatieverschillen", "besluitvormingsmatrix"],
    },
]


def instrument_fields(spec: dict, factors: dict, pages: dict) -> dict:
    """The page fields of one demo sheet; related sheets must come earlier in INSTRUMENTS."""
    return {
        "title": spec["title"],
        "summary": spec["summary"],
        "search_description": spec["summary"],
        "purpose": spec["purpose"],
        "when_to_use": spec["when_to_use"],
        "participants": spec["participants"],
        "time_needed": spec["time_needed"],
        "steps": [{"type": "step", "value": {"title": title, "text": text}} for title, text in spec["steps"]],
        "tips": [{"type": "tip", "value": tip} for tip in spec["tips"]],
        "pitfalls": [{"type": "pitfall", "value": pitfall} for pitfall in spec["pitfalls"]],
        "success_factors": [factors[number] for number in spec["factors"]],
        "world": spec["world"],
        "phase": spec["phase"],
        "related_instruments": [InstrumentRelation(related=pages[slug]) for slug in spec["related"]],
    }


def seed(log, context) -> dict:
    index = ensure_child(
        context["home"],
        InstrumentIndexPage,
        slug="handelingsrepertoire",
        title="Handelingsrepertoire",
        show_in_menus=True,
        search_description="Praktische instrumenten voor je samenwerking, elk op één A4.",
        intro="<p>Instrumenten die je morgenochtend inzet in een echte samenwerking. Elk past op één A4.</p>"
        "<p><i>De instrumenten hieronder zijn voorbeeldinhoud van de demo-omgeving.</i></p>",
    )
    group_grant_page_permissions(
        group=context["groups"][TRAINERS], page=index, codenames=["add_page", "change_page", "publish_page"]
    )
    pages: dict[str, InstrumentPage] = {}
    for spec in INSTRUMENTS:
        pages[spec["slug"]] = ensure_child(
            index, InstrumentPage, slug=spec["slug"], **instrument_fields(spec, context["factors"], pages)
        )
    log(f"instruments: {len(pages)}")
    return {"instrument_index": index, "instruments": pages}
