"""The demo cooperatives: invented names and stories, set in real terroir places.

Every cooperative, its people and its story are fictional, written for the CoopStore demo.
"""
from __future__ import annotations

from dataclasses import dataclass

from .taxonomy import FAIR_TRADE, ORGANIC
from .text import Tr

APPROVED, PENDING, SUSPENDED = "approved", "pending", "suspended"


@dataclass(frozen=True)
class CooperativeSpec:
    name: Tr
    code: str  # SKU prefix, e.g. "TIFAWINE"
    city: str  # City slug
    founded: int
    members: int
    women_led: bool
    youth_led: bool
    manager: tuple[str, str]  # first and last name of the demo manager
    story: Tr
    products: tuple[str, ...]  # product template keys
    certifications: tuple[str, ...] = ()  # ORGANIC and/or FAIR_TRADE label slugs
    status: str = APPROVED


def _coop(fr: str, ar: str, en: str, **fields) -> CooperativeSpec:
    return CooperativeSpec(name=Tr(fr, ar, en), **fields)


COOPERATIVES: list[CooperativeSpec] = [
    # MA-01 Tanger-Tétouan-Al Hoceïma
    _coop(
        "Coopérative Jbel Tissouka", "تعاونية جبل تيسوكا", "Jbel Tissouka Cooperative",
        code="TISSOUKA", city="chefchaouen", founded=2009, members=27, women_led=True,
        youth_led=False, manager=("Rahma", "El Khamlichi"),
        story=Tr(
            "Au pied du Jbel Tissouka, vingt-sept éleveuses ont mis en commun leurs chèvres "
            "noires et une petite fromagerie. Elles caillent le lait chaque matin et ont appris "
            "l'affinage pour vendre au-delà du souk du lundi.",
            "عند سفح جبل تيسوكا جمعت سبع وعشرون مربية ماعزهن السوداء في ملبنة صغيرة. يخثّرن "
            "الحليب كل صباح، وتعلّمن التعتيق ليبعن أبعد من سوق الاثنين.",
            "At the foot of Jbel Tissouka, twenty-seven women herders pooled their black goats "
            "and a small dairy. They curdle the milk every morning and learned to age cheese so "
            "they could sell beyond the Monday market."),
        products=("fromage-chevre-frais", "fromage-chevre-affine", "fromage-chevre-huile",
                  "miel-toutes-fleurs", "origan-zaatar"),
    ),
    _coop(
        "Coopérative Zitoun Ouezzane", "تعاونية زيتون وزان", "Zitoun Ouezzane Cooperative",
        code="ZITOUNOUEZ", city="ouezzane", founded=2004, members=64, women_led=False,
        youth_led=False, manager=("Abdeslam", "Ouazzani"),
        story=Tr(
            "Soixante-quatre familles d'oléiculteurs des collines d'Ouezzane partagent un moulin "
            "moderne depuis 2004. Elles récoltent tôt pour une huile plus verte et sèchent aussi "
            "les figues de leurs vergers.",
            "تتقاسم أربع وستون أسرة من مزارعي الزيتون في تلال وزان معصرة حديثة منذ 2004. يجنون "
            "الزيتون باكرًا لزيت أكثر اخضرارًا، ويجففون أيضًا تين بساتينهم.",
            "Sixty-four olive-growing families in the hills of Ouezzane have shared a modern "
            "mill since 2004. They harvest early for a greener oil and also dry the figs from "
            "their orchards."),
        products=("huile-olive-vierge-extra", "huile-olive-thym", "olives-vertes-cassees",
                  "olives-noires-beldi", "savon-noir-beldi", "figues-sechees"),
    ),
    # MA-02 L'Oriental
    _coop(
        "Coopérative Nour Berkane", "تعاونية نور بركان", "Nour Berkane Cooperative",
        code="NOURBERKANE", city="berkane", founded=2011, members=41, women_led=True,
        youth_led=True, manager=("Siham", "Boutahri"),
        story=Tr(
            "Des filles d'agrumiculteurs de la plaine des Triffa ont fondé Nour pour valoriser "
            "les fruits déclassés des vergers familiaux. La coopérative expédie aujourd'hui des "
            "caisses de clémentines et cuit marmelades et écorces toute l'année.",
            "أسست بنات مزارعي الحوامض في سهل تريفة تعاونية نور لتثمين الفواكه غير المصنفة في "
            "بساتين الأسر. وهي اليوم تشحن صناديق الكليمنتين وتطبخ المربيات والقشور طوال السنة.",
            "Daughters of citrus growers on the Triffa plain founded Nour to make use of the "
            "fruit that failed the grading at their family orchards. Today the cooperative "
            "ships crates of clementines and cooks marmalade and candied peel all year."),
        products=("clementines-berkane", "marmelade-clementine", "ecorces-clementine-confites",
                  "miel-oranger", "confiture-oranges-ameres"),
    ),
    _coop(
        "Coopérative Ksar Zenaga", "تعاونية قصر زناكة", "Ksar Zenaga Cooperative",
        code="ZENAGA", city="figuig", founded=2007, members=38, women_led=False,
        youth_led=False, manager=("Mohammed", "Bouzidi"),
        story=Tr(
            "Dans l'un des sept ksour de Figuig, les phoeniciculteurs se sont regroupés pour "
            "trier, conditionner et vendre ensemble leurs dattes Aziza. Une partie des recettes "
            "finance l'entretien des galeries d'irrigation de l'oasis.",
            "في أحد قصور فجيج السبعة تجمّع مزارعو النخيل لفرز تمر عزيزة وتعبئته وبيعه معًا. "
            "ويموّل جزء من المداخيل صيانة قنوات السقي في الواحة.",
            "In one of Figuig's seven ksour, date growers joined forces to sort, pack and sell "
            "their Aziza dates together. Part of the income pays for the upkeep of the oasis "
            "irrigation tunnels."),
        products=("dattes-aziza", "pate-dattes", "sirop-dattes", "dattes-fourrees-amandes",
                  "henne-naturel"),
    ),
    # MA-03 Fès-Meknès
    _coop(
        "Coopérative Zitouna Meknès", "تعاونية زيتونة مكناس", "Zitouna Meknes Cooperative",
        code="ZITOUNA", city="meknes", founded=2013, members=52, women_led=False,
        youth_led=True, manager=("Yassine", "Alaoui"),
        story=Tr(
            "De jeunes agronomes revenus au pays ont convaincu une cinquantaine de petits "
            "producteurs du Saïs de presser ensemble leurs olives. La coopérative mise sur la "
            "traçabilité : chaque bouteille indique la parcelle et la date de récolte.",
            "أقنع مهندسون زراعيون شباب عادوا إلى بلدتهم نحو خمسين منتجًا صغيرًا في سايس بعصر "
            "زيتونهم معًا. وتراهن التعاونية على التتبع، فكل قارورة تحمل القطعة الأرضية وتاريخ "
            "الجني.",
            "Young agronomists who came home persuaded some fifty smallholders of the Sais "
            "plain to press their olives together. The cooperative is betting on traceability: "
            "every bottle states the plot and the harvest date."),
        products=("huile-olive-vierge-extra", "olives-vertes-cassees", "olives-noires-beldi",
                  "huile-olive-thym", "confiture-figues"),
    ),
    _coop(
        "Coopérative Ghassoul Moulouya", "تعاونية غاسول ملوية", "Ghassoul Moulouya Cooperative",
        code="GHASSOUL", city="missour", founded=2012, members=19, women_led=True,
        youth_led=False, manager=("Fatima", "Azzouzi"),
        story=Tr(
            "Près des gisements de la haute Moulouya, dix-neuf femmes lavent, sèchent et tamisent "
            "le rhassoul qu'on vendait autrefois brut aux intermédiaires. Elles préparent aussi "
            "le savon noir et cousent les gants kessa.",
            "قرب مناجم ملوية العليا تغسل تسع عشرة امرأة الغاسول وتجففه وتغربله، بعدما كان يُباع "
            "خامًا للوسطاء. ويحضّرن أيضًا الصابون البلدي ويخطن أكياس الحمّام.",
            "Near the deposits of the upper Moulouya, nineteen women wash, dry and sieve the "
            "rhassoul that used to be sold raw to middlemen. They also make black soap and sew "
            "kessa gloves."),
        products=("rhassoul-poudre", "rhassoul-sept-plantes", "rhassoul-plaquettes",
                  "savon-noir-beldi", "gant-kessa"),
    ),
    _coop(
        "Coopérative Hab Al Moulouk", "تعاونية حب الملوك", "Hab Al Moulouk Cooperative",
        code="HABMOULOUK", city="sefrou", founded=2015, members=23, women_led=True,
        youth_led=True, manager=("Nawal", "Sefrioui"),
        story=Tr(
            "Hab al-moulouk, « le fruit des rois », c'est ainsi qu'on appelle la cerise à Sefrou. "
            "Cette coopérative de jeunes femmes transforme les récoltes des vergers familiaux "
            "en confitures et fruits séchés, pour que rien ne se perde après la fête de juin.",
            "حب الملوك هو اسم الكرز في صفرو. وتحوّل هذه التعاونية الشابة النسائية محاصيل بساتين "
            "الأسر إلى مربيات وفواكه مجففة، حتى لا يضيع شيء بعد موسم يونيو.",
            "Hab al-moulouk, 'the fruit of kings', is what Sefrou calls the cherry. This "
            "cooperative of young women turns the family orchards' harvest into jams and dried "
            "fruit, so nothing goes to waste after the June festival."),
        products=("confiture-cerises", "cerises-sechees", "figues-sechees", "confiture-figues",
                  "miel-toutes-fleurs"),
    ),
    _coop(
        "Coopérative Fakhar Fès", "تعاونية فخار فاس", "Fakhar Fes Cooperative",
        code="FAKHARFES", city="fes", founded=1998, members=34, women_led=False,
        youth_led=False, manager=("Driss", "Bennani"),
        story=Tr(
            "Potiers, peintres sur faïence et maroquiniers de la médina se sont associés en 1998 "
            "pour acheter ensemble l'argile, le cuir et le cobalt. Les maîtres forment chaque "
            "année de nouveaux apprentis dans l'atelier commun.",
            "اتحد خزّافون ورسّامو خزف وصنّاع جلد من المدينة القديمة سنة 1998 لشراء الطين والجلد "
            "والكوبالت معًا. ويكوّن المعلّمون كل سنة متعلمين جددًا في الورشة المشتركة.",
            "Potters, faience painters and leatherworkers from the medina teamed up in 1998 to "
            "buy clay, leather and cobalt together. Every year the masters train new apprentices "
            "in the shared workshop."),
        products=("assiette-bleu-fes", "bol-bleu-fes", "pouf-cuir", "sac-cuir", "babouches-cuir"),
    ),
    # MA-04 Rabat-Salé-Kénitra
    _coop(
        "Coopérative Tamazirt Zemmour", "تعاونية تامازيرت زمور", "Tamazirt Zemmour Cooperative",
        code="ZEMMOUR", city="khemisset", founded=2006, members=46, women_led=True,
        youth_led=False, manager=("Itto", "Zemmouri"),
        story=Tr(
            "Les tisserandes zemmour ont longtemps vendu leurs tapis au poids. Réunies en "
            "coopérative, elles fixent leurs prix, signent leurs pièces et gardent des ruches "
            "qui complètent les revenus entre deux tapis.",
            "ظلت نسّاجات زمور طويلًا يبعن زرابيهن بالوزن. وبعد أن اجتمعن في تعاونية صرن يحددن "
            "أسعارهن ويوقّعن قطعهن، ويربين خلايا نحل تكمّل الدخل بين زربية وأخرى.",
            "For years the Zemmour weavers sold their carpets by weight. Together in a "
            "cooperative they set their own prices, sign their pieces and keep beehives that top "
            "up their income between two carpets."),
        products=("tapis-zemmour", "kilim-tisse", "coussin-kilim", "miel-toutes-fleurs",
                  "miel-thym"),
        certifications=(FAIR_TRADE,),
    ),
    _coop(
        "Coopérative Gharb Assala", "تعاونية الغرب أصالة", "Gharb Assala Cooperative",
        code="GHARB", city="kenitra", founded=2016, members=29, women_led=True,
        youth_led=True, manager=("Hajar", "Lamrani"),
        story=Tr(
            "Née dans un douar proche de la forêt de la Mamora, Gharb Assala associe de jeunes "
            "apicultrices et des cueilleuses de fraises. Les ruches suivent les floraisons "
            "d'eucalyptus et d'orangers, la cuisine tourne pendant la saison des fraises.",
            "وُلدت تعاونية الغرب أصالة في دوار قرب غابة المعمورة، وتجمع نحّالات شابات وجانيات "
            "فراولة. تتنقل الخلايا مع إزهار الكاليبتوس والبرتقال، ويشتغل المطبخ في موسم الفراولة.",
            "Born in a village near the Mamora forest, Gharb Assala brings together young women "
            "beekeepers and strawberry pickers. The hives follow the eucalyptus and orange "
            "blossom, and the kitchen runs through the strawberry season."),
        products=("confiture-fraises", "miel-oranger", "miel-eucalyptus",
                  "confiture-oranges-ameres", "pollen-frais"),
    ),
    # MA-05 Béni Mellal-Khénifra
    _coop(
        "Coopérative Nahla Azilal", "تعاونية نحلة أزيلال", "Nahla Azilal Cooperative",
        code="NAHLA", city="azilal", founded=2003, members=58, women_led=False,
        youth_led=False, manager=("Lahcen", "Ait Ouahmane"),
        story=Tr(
            "Les apiculteurs de Nahla déplacent leurs ruches de la plaine du Tadla jusqu'aux "
            "versants arides où pousse l'euphorbe. Ils ont ouvert une miellerie commune et un "
            "laboratoire d'analyse pour garantir l'origine de chaque pot.",
            "ينقل نحّالو تعاونية نحلة خلاياهم من سهل تادلة إلى السفوح الجافة حيث ينبت الدغموس. "
            "وقد فتحوا معملًا مشتركًا للعسل ومختبرًا للتحليل لضمان أصل كل برطمان.",
            "Nahla's beekeepers move their hives from the Tadla plain to the arid slopes where "
            "the spurge grows. They opened a shared honey house and a testing lab to guarantee "
            "where every jar comes from."),
        products=("miel-euphorbe", "miel-thym", "miel-jujubier", "pollen-frais",
                  "miel-toutes-fleurs"),
        certifications=(ORGANIC,),
    ),
    _coop(
        "Coopérative Aït Zayane", "تعاونية آيت زيان", "Ait Zayane Cooperative",
        code="ZAYANE", city="khenifra", founded=2010, members=33, women_led=True,
        youth_led=False, manager=("Mimouna", "Zaiani"),
        story=Tr(
            "Dans les montagnes autour de Khénifra, les femmes zayane tissent l'hiver et roulent "
            "le couscous au printemps. La coopérative leur fournit une laine lavée et teinte "
            "ensemble, et vend leur travail sans intermédiaire.",
            "في الجبال المحيطة بخنيفرة تنسج نساء زيان في الشتاء ويفتلن الكسكس في الربيع. "
            "وتوفر لهن التعاونية صوفًا مغسولًا ومصبوغًا جماعيًا، وتبيع عملهن دون وسطاء.",
            "In the mountains around Khenifra, Zayane women weave in winter and roll couscous "
            "in spring. The cooperative supplies wool washed and dyed in common, and sells their "
            "work with no middleman."),
        products=("tapis-zayane", "kilim-tisse", "coussin-kilim", "couscous-orge-belboula",
                  "couscous-roule-main"),
    ),
    _coop(
        "Coopérative Aïn Asserdoun", "تعاونية عين أسردون", "Ain Asserdoun Cooperative",
        code="ASSERDOUN", city="beni-mellal", founded=2001, members=71, women_led=False,
        youth_led=False, manager=("Mustapha", "Tadlaoui"),
        story=Tr(
            "Baptisée du nom de la source qui irrigue les vergers de Béni Mellal, la coopérative "
            "réunit oléiculteurs et agrumiculteurs du piémont. Elle a été l'une des premières de "
            "la région à équiper son moulin d'une station de traitement des margines.",
            "تحمل التعاونية اسم العين التي تسقي بساتين بني ملال، وتجمع مزارعي الزيتون والحوامض "
            "في السفح. وكانت من أوائل تعاونيات الجهة التي جهّزت معصرتها بمحطة لمعالجة المرج.",
            "Named after the spring that waters Beni Mellal's orchards, the cooperative brings "
            "together the foothills' olive and citrus growers. It was one of the first in the "
            "region to fit its mill with a plant treating the olive wastewater."),
        products=("huile-olive-vierge-extra", "olives-vertes-cassees", "olives-noires-beldi",
                  "miel-oranger", "savon-noir-beldi"),
    ),
    # MA-06 Casablanca-Settat
    _coop(
        "Coopérative Chaouia Al Baraka", "تعاونية الشاوية البركة", "Chaouia Al Baraka Cooperative",
        code="CHAOUIA", city="settat", founded=2008, members=36, women_led=True,
        youth_led=False, manager=("Khadija", "Chaoui"),
        story=Tr(
            "Trente-six femmes de la Chaouia roulent ensemble le couscous comme leurs mères, "
            "mais dans un atelier aux normes où la semoule sèche à l'abri de la poussière. Le blé "
            "et l'orge viennent des champs de leurs propres familles.",
            "تفتل ست وثلاثون امرأة من الشاوية الكسكس معًا كما كانت تفعل أمهاتهن، لكن في ورشة "
            "مطابقة للمعايير يجف فيها السميد بعيدًا عن الغبار. ويأتي القمح والشعير من حقول "
            "أسرهن.",
            "Thirty-six women of the Chaouia roll couscous together as their mothers did, but in "
            "an approved workshop where the semolina dries away from dust. The wheat and barley "
            "come from their own families' fields."),
        products=("couscous-roule-main", "couscous-orge-belboula", "couscous-complet",
                  "berkoukech", "couscous-mais-baddaz"),
        certifications=(ORGANIC,),
    ),
    _coop(
        "Coopérative Lalla Doukkalia", "تعاونية لالة دكالية", "Lalla Doukkalia Cooperative",
        code="DOUKKALIA", city="el-jadida", founded=2014, members=24, women_led=True,
        youth_led=True, manager=("Meryem", "Doukkali"),
        story=Tr(
            "Entre l'océan et les plaines à céréales des Doukkala, de jeunes femmes cueillent les "
            "herbes des champs et roulent couscous et berkoukech. Leur séchoir solaire, construit "
            "avec l'aide d'un lycée technique, a doublé leur production.",
            "بين المحيط وسهول دكالة الزراعية تجني شابات أعشاب الحقول ويفتلن الكسكس والبركوكش. "
            "وقد ضاعف مجففهن الشمسي، الذي بُني بمساعدة ثانوية تقنية، إنتاجهن.",
            "Between the ocean and the grain plains of the Doukkala, young women gather field "
            "herbs and roll couscous and berkoukech. Their solar dryer, built with help from a "
            "technical high school, doubled their output."),
        products=("couscous-roule-main", "berkoukech", "origan-zaatar", "verveine-sechee",
                  "menthe-nanah-sechee", "ras-el-hanout"),
        certifications=(ORGANIC,),
    ),
    # MA-07 Marrakech-Safi
    _coop(
        "Coopérative Nissae Al Argan", "تعاونية نساء الأركان", "Nissae Al Argan Cooperative",
        code="NISSAE", city="essaouira", founded=1999, members=112, women_led=True,
        youth_led=False, manager=("Aicha", "Ait Baha"),
        story=Tr(
            "Fondée par douze femmes d'un douar de l'arrière-pays d'Essaouira, Nissae Al Argan "
            "compte aujourd'hui plus de cent coopératrices. Le concassage se fait toujours à la "
            "main, et chaque membre est payée selon les kilos d'amandons qu'elle apporte.",
            "أسستها اثنتا عشرة امرأة من دوار في نواحي الصويرة، وتضم تعاونية نساء الأركان اليوم "
            "أكثر من مئة متعاونة. ما يزال التكسير يدويًا، وتتقاضى كل عضوة أجرها حسب كيلوغرامات "
            "اللوز التي تجلبها.",
            "Founded by twelve women from a village inland from Essaouira, Nissae Al Argan now "
            "has more than a hundred members. Cracking is still done by hand, and each member is "
            "paid by the kilos of kernels she brings in."),
        products=("huile-argan-alimentaire", "huile-argan-cosmetique", "amlou-traditionnel",
                  "savon-argan", "creme-argan"),
        certifications=(ORGANIC, FAIR_TRADE),
    ),
    _coop(
        "Coopérative Afoulki", "تعاونية أفولكي", "Afoulki Cooperative",
        code="AFOULKI", city="essaouira", founded=2017, members=31, women_led=True,
        youth_led=True, manager=("Salma", "Amrani"),
        story=Tr(
            "Afoulki signifie « beau » en tachelhit. Ses jeunes coopératrices, formées en "
            "cosmétologie, ont créé des soins à l'argan sans parfum de synthèse, testés avec une "
            "pharmacienne d'Essaouira.",
            "أفولكي تعني «الجميل» بالتاشلحيت. وقد ابتكرت متعاوناتها الشابات، المتكوّنات في التجميل، "
            "مستحضرات بالأركان دون عطور اصطناعية، جُرّبت مع صيدلانية من الصويرة.",
            "Afoulki means 'beautiful' in Tashelhit. Its young members, trained in cosmetology, "
            "created argan care products with no synthetic fragrance, tested with a pharmacist "
            "in Essaouira."),
        products=("huile-argan-cosmetique", "huile-argan-alimentaire", "huile-argan-rose",
                  "savon-argan", "creme-argan"),
    ),
    _coop(
        "Coopérative Al Fakhar Asfi", "تعاونية الفخار آسفي", "Al Fakhar Asfi Cooperative",
        code="ASFI", city="safi", founded=2002, members=22, women_led=False, youth_led=False,
        manager=("Abdelkader", "Safiani"),
        story=Tr(
            "Sur la colline des potiers de Safi, vingt-deux artisans partagent un four à gaz qui "
            "a remplacé les fours à bois les plus polluants. Ils perpétuent les émaux bruns et "
            "verts de la ville et accueillent des stagiaires de l'école d'art.",
            "فوق تلة الخزّافين بآسفي يتقاسم اثنان وعشرون صانعًا فرنًا بالغاز عوّض أكثر أفران "
            "الحطب تلويثًا. ويحافظون على تزجيج المدينة البني والأخضر ويستقبلون متدربين من مدرسة "
            "الفنون.",
            "On Safi's potters' hill, twenty-two artisans share a gas kiln that replaced the "
            "most polluting wood kilns. They carry on the town's brown and green glazes and host "
            "trainees from the art school."),
        products=("tajine-emaille", "plat-couscous", "bols-emailles"),
    ),
    _coop(
        "Coopérative Zitoun Chiadma", "تعاونية زيتون الشياظمة", "Zitoun Chiadma Cooperative",
        code="CHIADMA", city="chichaoua", founded=2005, members=48, women_led=False,
        youth_led=False, manager=("Brahim", "Chiadmi"),
        story=Tr(
            "Les oliviers de la Tyout Chiadma poussent sur des terres sèches et pauvres qui "
            "donnent une huile puissante. Les quarante-huit membres de la coopérative ont porté "
            "ensemble le dossier de l'appellation d'origine.",
            "ينمو زيتون تيوت الشياظمة في أراضٍ جافة فقيرة تعطي زيتًا قويًا. وقد حمل أعضاء "
            "التعاونية الثمانية والأربعون معًا ملف تسمية المنشأ.",
            "The olive trees of Tyout Chiadma grow on dry, poor land that gives a powerful oil. "
            "The cooperative's forty-eight members carried the designation of origin application "
            "together."),
        products=("huile-olive-vierge-extra", "huile-olive-thym", "olives-noires-beldi",
                  "olives-vertes-cassees", "miel-toutes-fleurs"),
        certifications=(ORGANIC,),
    ),
    # MA-08 Drâa-Tafilalet
    _coop(
        "Coopérative Warda Dadès", "تعاونية وردة دادس", "Warda Dades Cooperative",
        code="WARDA", city="kelaat-mgouna", founded=2006, members=67, women_led=True,
        youth_led=False, manager=("Zahra", "Ait Ouzzine"),
        story=Tr(
            "Chaque mois de mai, les coopératrices de Warda cueillent les roses des haies de la "
            "vallée avant l'aube. Leur alambic en cuivre tourne jour et nuit pendant trois "
            "semaines ; le reste de l'année, elles sèchent les boutons et fabriquent savons et "
            "crèmes.",
            "في كل شهر ماي تقطف متعاونات وردة ورود سياجات الوادي قبل الفجر. ويشتغل قطّارهن "
            "النحاسي ليلًا ونهارًا ثلاثة أسابيع، وفي بقية السنة يجففن البراعم ويصنعن الصابون "
            "والكريمات.",
            "Every May, the members of Warda pick the roses of the valley hedges before dawn. "
            "Their copper still runs day and night for three weeks; the rest of the year they dry "
            "buds and make soaps and creams."),
        products=("eau-de-rose", "huile-essentielle-rose", "boutons-rose-seches", "savon-rose",
                  "creme-rose"),
        certifications=(ORGANIC, FAIR_TRADE),
    ),
    _coop(
        "Coopérative Nakhil Tafilalet", "تعاونية نخيل تافيلالت", "Nakhil Tafilalet Cooperative",
        code="NAKHIL", city="errachidia", founded=2010, members=85, women_led=False,
        youth_led=False, manager=("Hassan", "Filali"),
        story=Tr(
            "Après les incendies qui ont frappé la palmeraie, quatre-vingt-cinq phoeniciculteurs "
            "ont replanté ensemble des rejets de Mejhoul. La coopérative possède une chambre "
            "froide et une unité de conditionnement à Errachidia.",
            "بعد الحرائق التي أصابت الواحة أعاد خمسة وثمانون مزارع نخيل غرس فسائل المجهول معًا. "
            "وتملك التعاونية غرفة تبريد ووحدة تعبئة في الرشيدية.",
            "After fires swept through the palm grove, eighty-five date growers replanted Mejhoul "
            "offshoots together. The cooperative owns a cold store and a packing unit in "
            "Errachidia."),
        products=("dattes-mejhoul", "dattes-boufeggous", "pate-dattes", "sirop-dattes",
                  "dattes-fourrees-amandes"),
    ),
    _coop(
        "Coopérative Tamount Drâa", "تعاونية تامونت درعة", "Tamount Draa Cooperative",
        code="TAMOUNT", city="zagora", founded=2012, members=40, women_led=True,
        youth_led=False, manager=("Hafsa", "Draoui"),
        story=Tr(
            "Tamount veut dire « union ». Dans les jardins de la vallée du Drâa, ces femmes "
            "récoltent dattes et henné à l'ombre des palmiers et transforment les dattes trop "
            "sèches pour la vente en pâte et en sirop.",
            "تامونت تعني «الاتحاد». في بساتين وادي درعة تجني هؤلاء النساء التمر والحناء في ظل "
            "النخيل، ويحوّلن التمر الجاف غير الصالح للبيع إلى معجون ورُبّ.",
            "Tamount means 'union'. In the gardens of the Draa valley, these women harvest dates "
            "and henna in the shade of the palms and turn dates too dry to sell into paste and "
            "syrup."),
        products=("dattes-boufeggous", "dattes-bousthammi", "pate-dattes", "henne-naturel",
                  "dattes-fourrees-amandes"),
        certifications=(ORGANIC,),
    ),
    _coop(
        "Coopérative Tamegroute Al Akhdar", "تعاونية تامكروت الأخضر",
        "Tamegroute Al Akhdar Cooperative",
        code="AKHDAR", city="tamegroute", founded=2000, members=16, women_led=False,
        youth_led=True, manager=("Omar", "Nasiri"),
        story=Tr(
            "Seize potiers, dont une majorité de moins de trente ans, font vivre l'émail vert de "
            "Tamegroute. Ils cuisent toujours dans les fours de terre du village et ont ouvert "
            "leur atelier aux visiteurs de la vallée.",
            "يحافظ ستة عشر خزّافًا، أغلبهم دون الثلاثين، على التزجيج الأخضر لتامكروت. وما يزالون "
            "يطهون في أفران القرية الطينية، وقد فتحوا ورشتهم لزوار الوادي.",
            "Sixteen potters, most of them under thirty, keep Tamegroute's green glaze alive. "
            "They still fire in the village's earthen kilns and have opened their workshop to "
            "visitors of the valley."),
        products=("tajine-vert", "bol-vert-tamegroute", "jarre-verte"),
    ),
    _coop(
        "Coopérative Tazrbit", "تعاونية تازربيت", "Tazrbit Cooperative",
        code="TAZRBIT", city="taznakht", founded=2004, members=54, women_led=True,
        youth_led=False, manager=("Ijja", "Ouzguiti"),
        story=Tr(
            "Tazrbit, c'est le tapis en tamazight. Cinquante-quatre tisserandes de la tribu "
            "Ouzguita filent et teignent elles-mêmes leur laine aux plantes, et chaque tapis "
            "porte une étiquette au nom de celle qui l'a noué.",
            "تازربيت تعني الزربية بالأمازيغية. تغزل أربع وخمسون نسّاجة من قبيلة أوزگيتة صوفهن "
            "بأيديهن ويصبغنه بالنباتات، وتحمل كل زربية بطاقة باسم من عقدتها.",
            "Tazrbit means carpet in Tamazight. Fifty-four weavers of the Ouzguita tribe spin "
            "and plant-dye their own wool, and every carpet carries a tag with the name of the "
            "woman who knotted it."),
        products=("tapis-ouzguita", "kilim-tisse", "coussin-kilim"),
        certifications=(FAIR_TRADE,),
    ),
    # MA-09 Souss-Massa
    _coop(
        "Coopérative Tifawine", "تعاونية تيفاوين", "Tifawine Cooperative",
        code="TIFAWINE", city="taroudant", founded=2003, members=78, women_led=True,
        youth_led=False, manager=("Fadma", "Oubella"),
        story=Tr(
            "Tifawine, « les lumières », a été fondée par des femmes qui voulaient que l'argan "
            "de leurs terres collectives leur rapporte directement. La coopérative a financé des "
            "cours d'alphabétisation pour toutes ses membres.",
            "أسست نساء تعاونية تيفاوين، أي «الأنوار»، ليعود عليهن أركان أراضيهن الجماعية مباشرة. "
            "وقد موّلت التعاونية دروس محو الأمية لجميع عضواتها.",
            "Tifawine, 'the lights', was founded by women who wanted the argan from their "
            "collective land to pay them directly. The cooperative has funded literacy classes "
            "for all its members."),
        products=("huile-argan-alimentaire", "huile-argan-cosmetique", "amlou-traditionnel",
                  "miel-arganier", "savon-argan"),
        certifications=(ORGANIC,),
    ),
    _coop(
        "Coopérative Tagmat", "تعاونية تاكمات", "Tagmat Cooperative",
        code="TAGMAT", city="taliouine", founded=2008, members=44, women_led=True,
        youth_led=False, manager=("Touda", "Ait Lhaj"),
        story=Tr(
            "Tagmat signifie « fraternité ». Ses coopératrices, cultivatrices de safran sur les "
            "contreforts du Siroua, émondent les fleurs ensemble chaque matin de novembre, "
            "autour d'un thé et d'un grand plateau.",
            "تاكمات تعني «الأخوّة». تجتمع متعاوناتها، مزارعات الزعفران على سفوح سيروا، كل صباح "
            "من نونبر لتنقية الأزهار معًا حول الشاي وصينية كبيرة.",
            "Tagmat means 'fellowship'. Its members, saffron growers on the foothills of the "
            "Siroua, strip the flowers together every November morning around tea and a large "
            "tray."),
        products=("safran-pistils", "safran-sargol", "infusion-safran-verveine", "miel-safran",
                  "savon-safran"),
        certifications=(FAIR_TRADE,),
    ),
    _coop(
        "Coopérative Jbel Siroua", "تعاونية جبل سيروا", "Jbel Siroua Cooperative",
        code="SIROUA", city="taliouine", founded=2014, members=26, women_led=False,
        youth_led=True, manager=("Ayoub", "Amazigh"),
        story=Tr(
            "De jeunes diplômés revenus dans leurs villages de montagne ont relancé des terrasses "
            "de safran abandonnées et replanté des amandiers. Ils cultivent sans intrants "
            "chimiques et accueillent des randonneurs au moment de la récolte.",
            "أعاد شباب خرّيجون عادوا إلى قراهم الجبلية إحياء مدرجات زعفران مهجورة وغرسوا أشجار "
            "لوز من جديد. ويزرعون دون مواد كيميائية ويستقبلون المتنزهين وقت الجني.",
            "Young graduates who returned to their mountain villages revived abandoned saffron "
            "terraces and replanted almond trees. They farm without chemical inputs and welcome "
            "hikers at harvest time."),
        products=("safran-pistils", "safran-sargol", "infusion-safran-verveine",
                  "amandes-beldi", "miel-thym"),
        certifications=(ORGANIC,),
    ),
    _coop(
        "Coopérative Ameln", "تعاونية أملن", "Ameln Cooperative",
        code="AMELN", city="tafraout", founded=2011, members=30, women_led=True,
        youth_led=False, manager=("Latifa", "Tafraouti"),
        story=Tr(
            "Dans la vallée des Ameln, au pied des rochers roses, les amandiers fleurissent dès "
            "février. Trente femmes y cassent les amandes et broient l'amlou à la meule, dans une "
            "ancienne maison restaurée par la coopérative.",
            "في وادي أملن، عند سفح الصخور الوردية، يزهر اللوز منذ فبراير. وتكسّر ثلاثون امرأة "
            "اللوز وتطحن أملو بالرحى في بيت قديم رمّمته التعاونية.",
            "In the Ameln valley, beneath the pink rocks, the almond trees blossom in February. "
            "Thirty women crack almonds and grind amlou on a millstone there, in an old house "
            "the cooperative restored."),
        products=("amandes-beldi", "amandes-grillees", "amlou-traditionnel",
                  "huile-amande-douce", "huile-argan-alimentaire"),
        certifications=(ORGANIC,),
    ),
    _coop(
        "Coopérative Tafoukt", "تعاونية تافوكت", "Tafoukt Cooperative",
        code="TAFOUKT", city="tiznit", founded=2007, members=39, women_led=True,
        youth_led=False, manager=("Hanane", "Tiznitia"),
        story=Tr(
            "Tafoukt, « le soleil », rassemble des coopératrices des douars autour de Tiznit. "
            "Elles ont équipé leur atelier de presses modernes tout en gardant le concassage à "
            "la main, qui fait vivre les plus âgées.",
            "تجمع تعاونية تافوكت، أي «الشمس»، متعاونات من دواوير نواحي تيزنيت. جهّزن ورشتهن "
            "بمعاصر حديثة مع الإبقاء على التكسير اليدوي الذي تعيش منه الأكبر سنًا.",
            "Tafoukt, 'the sun', brings together women from the villages around Tiznit. They "
            "fitted their workshop with modern presses while keeping hand-cracking, which "
            "provides a living for the oldest members."),
        products=("huile-argan-alimentaire", "huile-argan-cosmetique", "savon-argan",
                  "amlou-traditionnel", "creme-argan"),
    ),
    # MA-10 Guelmim-Oued Noun
    _coop(
        "Coopérative Aknari Aït Baâmrane", "تعاونية أكناري آيت باعمران",
        "Aknari Ait Baamrane Cooperative",
        code="AKNARI", city="sidi-ifni", founded=2013, members=35, women_led=True,
        youth_led=True, manager=("Naima", "Baamrani"),
        story=Tr(
            "Aknari, c'est le cactus en tachelhit. Sur les collines d'Aït Baâmrane, la "
            "coopérative a replanté des figuiers de Barbarie résistants après la cochenille et "
            "valorise chaque partie du fruit, de la pulpe aux pépins.",
            "أكناري هو الصبار بالتاشلحيت. وعلى تلال آيت باعمران أعادت التعاونية غرس أصناف "
            "مقاومة بعد آفة الحشرة القرمزية، وتثمّن كل جزء من الثمرة من اللب إلى البذور.",
            "Aknari is the Tashelhit word for cactus. On the hills of Ait Baamrane, the "
            "cooperative replanted resistant prickly pears after the cochineal blight and makes "
            "use of every part of the fruit, from pulp to seeds."),
        products=("huile-figue-barbarie", "confiture-figue-barbarie", "savon-figue-barbarie",
                  "huile-argan-cosmetique", "miel-toutes-fleurs"),
    ),
    _coop(
        "Coopérative Tighmert", "تعاونية تغمرت", "Tighmert Cooperative",
        code="TIGHMERT", city="guelmim", founded=2009, members=21, women_led=True,
        youth_led=False, manager=("Mbarka", "Guelmimi"),
        story=Tr(
            "Dans l'oasis voisine de Guelmim, aux portes du Sahara, vingt et une femmes "
            "fabriquent savons et crèmes au lait des chamelles de leurs familles. Elles vendent "
            "aussi les dattes et le henné de leurs jardins.",
            "في الواحة المجاورة لكلميم، على أبواب الصحراء، تصنع إحدى وعشرون امرأة الصابون "
            "والكريمات من حليب نوق أسرهن، ويبعن أيضًا تمر بساتينهن وحناءها.",
            "In the oasis next to Guelmim, at the gates of the Sahara, twenty-one women make "
            "soaps and creams from their families' camel milk. They also sell the dates and "
            "henna from their gardens."),
        products=("savon-lait-chamelle", "creme-lait-chamelle", "dattes-boufeggous",
                  "dattes-bousthammi", "henne-naturel"),
    ),
    # MA-11 Laâyoune-Sakia El Hamra
    _coop(
        "Coopérative Saguia Al Hamra", "تعاونية الساقية الحمراء", "Saguia Al Hamra Cooperative",
        code="SAGUIA", city="laayoune", founded=2015, members=18, women_led=False,
        youth_led=True, manager=("Sidi Mohamed", "Ould Ahmed"),
        story=Tr(
            "De jeunes éleveurs nomades se sont associés pour collecter le lait de leurs "
            "troupeaux de chamelles et le sécher dans une petite unité près de Laâyoune. Ils "
            "récoltent aussi la chiba pour le thé du désert.",
            "اتحد رعاة رحّل شباب لجمع حليب قطعان نوقهم وتجفيفه في وحدة صغيرة قرب العيون، "
            "ويجنون أيضًا الشيبة لشاي الصحراء.",
            "Young nomadic herders joined forces to collect the milk of their camel herds and "
            "dry it in a small unit near Laayoune. They also gather chiba for desert tea."),
        products=("lait-chamelle-poudre", "savon-lait-chamelle", "creme-lait-chamelle",
                  "armoise-chiba"),
    ),
    _coop(
        "Coopérative Al Khaima", "تعاونية الخيمة", "Al Khaima Cooperative",
        code="KHAIMA", city="laayoune", founded=2018, members=15, women_led=True,
        youth_led=False, manager=("Mina", "Laaroussi"),
        story=Tr(
            "Al Khaima, « la tente », est née d'un groupe de femmes qui se retrouvaient pour "
            "préparer ensemble les provisions de l'année. Elles trient les dattes, préparent "
            "pâte et sirop, et composent leur propre mélange d'épices.",
            "وُلدت تعاونية الخيمة من مجموعة نساء كن يجتمعن لتحضير مؤونة السنة معًا. يفرزن التمر "
            "ويحضّرن المعجون والرُّبّ، ويركّبن خلطة توابلهن الخاصة.",
            "Al Khaima, 'the tent', grew out of a group of women who met to prepare the year's "
            "provisions together. They sort dates, make paste and syrup, and blend their own "
            "spice mix."),
        products=("dattes-bousthammi", "pate-dattes", "sirop-dattes", "armoise-chiba",
                  "ras-el-hanout"),
    ),
    # MA-12 Dakhla-Oued Ed-Dahab
    _coop(
        "Coopérative Nisaa Al Bahr", "تعاونية نساء البحر", "Nisaa Al Bahr Cooperative",
        code="NISAABAHR", city="dakhla", founded=2012, members=28, women_led=True,
        youth_led=False, manager=("Khadijetou", "Mint Salem"),
        story=Tr(
            "Les femmes des pêcheurs de la baie de Dakhla salaient et séchaient déjà le poisson "
            "pour leurs familles. Réunies en coopérative, elles ont obtenu un séchoir aux normes "
            "et récoltent aussi le sel et les algues de la lagune.",
            "كانت نساء صيادي خليج الداخلة يملّحن السمك ويجففنه لأسرهن. وبعد أن اجتمعن في "
            "تعاونية حصلن على مجفف مطابق للمعايير، ويجنين أيضًا ملح البحيرة وطحالبها.",
            "The wives of the Dakhla bay fishermen already salted and dried fish for their "
            "families. Together as a cooperative they obtained an approved drying room and also "
            "harvest the lagoon's salt and seaweed."),
        products=("courbine-sechee", "algues-sechees", "sel-marin", "fleur-de-sel",
                  "sel-aux-herbes"),
    ),
    _coop(
        "Coopérative Wadi Dahab", "تعاونية وادي الذهب", "Wadi Dahab Cooperative",
        code="WADIDAHAB", city="dakhla", founded=2019, members=17, women_led=False,
        youth_led=True, manager=("Mahjoub", "Ould Sidi"),
        story=Tr(
            "De jeunes ouvriers agricoles des serres de Dakhla ont fondé Wadi Dahab pour "
            "transformer les tomates écartées de l'export. Leurs conserves ont remporté un prix "
            "régional dès leur deuxième année.",
            "أسس عمال زراعيون شباب في بيوت الداخلة البلاستيكية تعاونية وادي الذهب لتحويل "
            "الطماطم المستبعدة من التصدير. وفازت مصبّراتهم بجائزة جهوية منذ سنتها الثانية.",
            "Young farm workers from Dakhla's greenhouses founded Wadi Dahab to process the "
            "tomatoes rejected for export. Their preserves won a regional prize in their second "
            "year."),
        products=("tomates-cerises-confites", "sauce-tomate-maison", "tomates-sechees",
                  "sel-marin", "fleur-de-sel"),
    ),
    # Two cooperatives outside the storefront, to show the other statuses.
    _coop(
        "Coopérative Aguerd", "تعاونية أكرد", "Aguerd Cooperative",
        code="AGUERD", city="taroudant", founded=2025, members=12, women_led=True,
        youth_led=True, manager=("Soukaina", "Aguerdi"), status=PENDING,
        story=Tr(
            "Douze jeunes femmes d'un douar du Souss viennent de déposer leurs statuts. Leur "
            "dossier attend l'approbation du réseau avant l'ouverture de leur boutique.",
            "أودعت اثنتا عشرة شابة من دوار في سوس قانونهن الأساسي للتو، وينتظر ملفهن موافقة "
            "الشبكة قبل فتح متجرهن.",
            "Twelve young women from a Souss village have just filed their statutes. Their "
            "application is awaiting the network's approval before their shop opens."),
        products=("huile-argan-alimentaire", "amlou-traditionnel"),
    ),
    _coop(
        "Coopérative Oasis Mhamid", "تعاونية واحة امحاميد", "Oasis Mhamid Cooperative",
        code="MHAMID", city="zagora", founded=2011, members=20, women_led=False,
        youth_led=False, manager=("Bachir", "Mhamidi"), status=SUSPENDED,
        story=Tr(
            "Cette coopérative de producteurs de dattes du bas Drâa est suspendue le temps de "
            "renouveler son agrément sanitaire. Ses produits reviendront dès la visite de "
            "contrôle passée.",
            "عُلّقت تعاونية منتجي التمر هذه في درعة السفلى ريثما تجدد ترخيصها الصحي، وستعود "
            "منتجاتها بعد اجتياز زيارة المراقبة.",
            "This cooperative of lower Draa date growers is suspended while it renews its health "
            "approval. Its products will be back once the inspection visit is passed."),
        products=("dattes-bousthammi", "henne-naturel"),
    ),
]
