"""Product templates: dates and fruit, spreads and jams, grains, cheese and dairy, the sea."""
from __future__ import annotations

from .specs import ProductSpec, g, kg, ml, pack
from .text import Tr

FOOD = "alimentaire"

DATES_AND_FRUIT = [
    ProductSpec(
        key="dattes-mejhoul", sku="DATTES-MJH", category="dattes", product_type=FOOD,
        picture="dates", gi="igp-dattes-majhoul-de-tafilalet", stock=(10, 120),
        name=Tr("Dattes Mejhoul {de}", "تمر المجهول من {place}", "Mejhoul dates from {place}"),
        text=Tr(
            "Grosses, charnues et fondantes, les Mejhoul de la {coop} mûrissent sur les palmiers "
            "de la palmeraie du Tafilalet et sont cueillies régime par régime.",
            "تنضج تمور المجهول الكبيرة اللحيمة الذائبة لدى {coop} على نخيل واحات تافيلالت، "
            "وتُجنى عرجونًا عرجونًا.",
            "Large, fleshy and melting, the {coop}'s Mejhoul dates ripen on the palms of the "
            "Tafilalet oasis and are picked bunch by bunch."),
        usage=Tr(
            "Avec un verre de lait pour rompre le jeûne, ou fourrées d'une amande. À garder au "
            "frais.",
            "مع كأس حليب للإفطار، أو محشوة بلوزة. تُحفظ في مكان بارد.",
            "With a glass of milk to break the fast, or stuffed with an almond. Keep cool."),
        variants=(g(500, 600, 62), kg(1, 1150, 110)),
    ),
    ProductSpec(
        key="dattes-boufeggous", sku="DATTES-BFG", category="dattes", product_type=FOOD,
        picture="dates",
        name=Tr("Dattes Boufeggous {de}", "تمر بوفقوس من {place}",
                "Boufeggous dates from {place}"),
        text=Tr(
            "Variété ancienne des oasis, la Boufeggous est moelleuse, peu sucrée, avec un goût de "
            "miel et de caramel. La {coop} la trie à la main après la récolte d'automne.",
            "بوفقوس صنف قديم من أصناف الواحات، طري وقليل السكر بطعم العسل والكراميل، تفرزه "
            "{coop} باليد بعد جني الخريف.",
            "An old oasis variety, Boufeggous is soft and not too sweet, tasting of honey and "
            "caramel. The {coop} sorts it by hand after the autumn harvest."),
        usage=Tr(
            "Idéale avec le thé, ou hachée dans un couscous sucré.",
            "مثالية مع الشاي أو مقطعة في كسكس حلو.",
            "Ideal with tea, or chopped into a sweet couscous."),
        variants=(g(500, 600, 40), kg(1, 1150, 75)),
    ),
    ProductSpec(
        key="dattes-aziza", sku="DATTES-AZIZA", category="dattes", product_type=FOOD,
        picture="dates_light", gi="aop-dattes-aziza-bouzid-de-figuig", stock=(10, 100),
        name=Tr("Dattes Aziza Bouzid {de}", "تمر عزيزة بوزيد من {place}",
                "Aziza Bouzid dates from {place}"),
        text=Tr(
            "L'Aziza ne pousse qu'autour des ksour {de}. Claire, ferme et parfumée, elle est "
            "récoltée par les familles de la {coop} dans les jardins irrigués par les foggaras.",
            "لا ينمو تمر عزيزة إلا حول قصور {place}، وهو فاتح صلب عطري، تجنيه أسر {coop} من "
            "البساتين التي تسقيها الخطارات.",
            "Aziza grows only around the ksour of {place}. Pale, firm and fragrant, it is "
            "harvested by the families of the {coop} in gardens watered by ancient channels."),
        usage=Tr(
            "Sa texture ferme se prête aux coffrets et aux dattes fourrées.",
            "يناسب قوامه الصلب العلب الهدايا والتمر المحشو.",
            "Its firm texture suits gift boxes and stuffed dates."),
        variants=(g(500, 600, 55), kg(1, 1150, 98)),
    ),
    ProductSpec(
        key="dattes-bousthammi", sku="DATTES-BST", category="dattes", product_type=FOOD,
        picture="dates",
        name=Tr("Dattes Bousthammi {de}", "تمر بوستحمي من {place}",
                "Bousthammi dates from {place}"),
        text=Tr(
            "Petite datte brune et sèche, la Bousthammi se garde longtemps : c'est la datte du "
            "quotidien des caravanes, triée par la {coop}.",
            "بوستحمي تمرة صغيرة بنية جافة تُحفظ طويلًا، وهي تمر القوافل اليومي، تفرزه {coop}.",
            "A small, dry brown date that keeps for months: the everyday date of the caravans, "
            "sorted by the {coop}."),
        usage=Tr(
            "À emporter en randonnée ou à servir avec le lben.",
            "تُحمل في الرحلات أو تُقدّم مع اللبن.",
            "Take it hiking or serve it with lben buttermilk."),
        variants=(kg(1, 1150, 62),),
    ),
    ProductSpec(
        key="dattes-fourrees-amandes", sku="DATTES-FOURREES", category="dattes",
        product_type=FOOD, picture="dates_box",
        name=Tr("Dattes fourrées aux amandes {de}", "تمر محشو باللوز من {place}",
                "Almond-stuffed dates from {place}"),
        text=Tr(
            "Chaque datte est dénoyautée à la main puis garnie d'une amande grillée par les "
            "membres de la {coop}.",
            "تُنزع نواة كل تمرة باليد ثم يحشوها أعضاء {coop} بلوزة محمصة.",
            "Each date is pitted by hand and filled with a roasted almond by members of the "
            "{coop}."),
        usage=Tr(
            "Un coffret à offrir pour l'Aïd ou à servir avec le thé.",
            "علبة تُهدى في العيد أو تُقدّم مع الشاي.",
            "A box to give at Eid or to serve with tea."),
        variants=(g(250, 380, 60), g(500, 700, 110)),
    ),
    ProductSpec(
        key="pate-dattes", sku="PATE-DATTES", category="amlou-pates", product_type=FOOD,
        picture="jar_date_paste",
        name=Tr("Pâte de dattes {de}", "معجون التمر من {place}", "Date paste from {place}"),
        text=Tr(
            "Des dattes mûres, dénoyautées et broyées sans sucre ajouté par la {coop}. La pâte "
            "sert de base aux makrout et aux biscuits.",
            "تمر ناضج منزوع النوى مطحون دون سكر مضاف لدى {coop}. ويُستعمل المعجون في المقروط "
            "والحلويات.",
            "Ripe dates, pitted and ground with no added sugar by the {coop}. The paste is the "
            "base of makrout and biscuits."),
        usage=Tr(
            "À tartiner ou à cuisiner. Se conserve plusieurs mois au frais.",
            "للدهن أو للطبخ، ويُحفظ أشهرًا في مكان بارد.",
            "Spread it or bake with it. Keeps for months in a cool place."),
        variants=(g(500, 650, 35), kg(1, 1200, 60)),
    ),
    ProductSpec(
        key="sirop-dattes", sku="ROB-DATTES", category="amlou-pates", product_type=FOOD,
        picture="syrup",
        name=Tr("Sirop de dattes (rob) {de}", "رُبّ التمر من {place}",
                "Date syrup (rob) from {place}"),
        text=Tr(
            "Les dattes sont cuites lentement dans l'eau puis pressées : le jus réduit devient un "
            "sirop sombre et fruité, préparé par la {coop}.",
            "يُطبخ التمر ببطء في الماء ثم يُعصر، فيتحول العصير المركّز إلى رُبّ داكن بطعم الفاكهة "
            "تحضّره {coop}.",
            "Dates are simmered slowly in water then pressed: the reduced juice becomes a dark, "
            "fruity syrup made by the {coop}."),
        usage=Tr(
            "Sur les crêpes, dans un yaourt ou à la place du sucre dans les gâteaux.",
            "على الفطائر أو في الياغورت أو بدل السكر في الحلويات.",
            "On pancakes, in yoghurt or instead of sugar in cakes."),
        variants=(ml(250, 420, 40), ml(500, 780, 70)),
    ),
    ProductSpec(
        key="amandes-beldi", sku="AMANDES", category="fruits-secs", product_type=FOOD,
        picture="almonds", organic=True,
        name=Tr("Amandes beldi décortiquées {de}", "لوز بلدي مقشور من {place}",
                "Shelled beldi almonds from {place}"),
        text=Tr(
            "Les amandiers des terrasses autour {de} ne reçoivent que l'eau de pluie. Leurs "
            "amandes, petites et très parfumées, sont cassées à la main par la {coop}.",
            "لا تسقي أشجار اللوز في مدرجات {place} إلا مياه الأمطار، فتعطي لوزًا صغيرًا شديد "
            "العطر تكسّره {coop} باليد.",
            "The almond trees on the terraces around {place} get nothing but rain. Their small, "
            "very fragrant almonds are cracked by hand by the {coop}."),
        usage=Tr(
            "Pour les cornes de gazelle, l'amlou ou simplement grillées avec le thé.",
            "لكعب الغزال وأملو، أو محمّصة مع الشاي.",
            "For gazelle horns, amlou or simply roasted with tea."),
        variants=(g(500, 600, 90), kg(1, 1150, 170)),
    ),
    ProductSpec(
        key="amandes-grillees", sku="AMANDES-GRILL", category="fruits-secs", product_type=FOOD,
        picture="almonds",
        name=Tr("Amandes grillées au sel {de}", "لوز محمص بالملح من {place}",
                "Salted roasted almonds from {place}"),
        text=Tr(
            "Grillées au four à bois et légèrement salées par la {coop}, ces amandes croquent "
            "sous la dent.",
            "تحمّص {coop} هذا اللوز في فرن الحطب وتملّحه قليلًا، فيصير مقرمشًا.",
            "Roasted in a wood oven and lightly salted by the {coop}, these almonds are "
            "satisfyingly crunchy."),
        usage=Tr(
            "À l'apéritif ou concassées sur une salade.",
            "مع المقبلات أو مجروشة على السلطة.",
            "As a snack or crushed over a salad."),
        variants=(g(250, 330, 50),),
    ),
    ProductSpec(
        key="figues-sechees", sku="FIGUES", category="fruits-secs", product_type=FOOD,
        picture="figs",
        name=Tr("Figues séchées au soleil {de}", "تين مجفف تحت الشمس من {place}",
                "Sun-dried figs from {place}"),
        text=Tr(
            "Les figues sont cueillies très mûres puis séchées sur des claies pendant une "
            "semaine, dans les vergers de la {coop}.",
            "يُقطف التين ناضجًا جدًا ثم يُجفف على الأطباق أسبوعًا في بساتين {coop}.",
            "The figs are picked very ripe and dried on racks for a week in the {coop}'s "
            "orchards."),
        usage=Tr(
            "Avec des noix et du thé, ou en compote l'hiver.",
            "مع الجوز والشاي، أو مطبوخة في الشتاء.",
            "With walnuts and tea, or stewed in winter."),
        variants=(g(500, 600, 55), kg(1, 1150, 100)),
    ),
    ProductSpec(
        key="cerises-sechees", sku="CERISES-SECHEES", category="fruits-secs",
        product_type=FOOD, picture="cherries", stock=(6, 50),
        name=Tr("Cerises séchées {de}", "كرز مجفف من {place}", "Dried cherries from {place}"),
        text=Tr(
            "Les cerises des vergers {de} sont dénoyautées puis séchées doucement par la "
            "{coop} au lendemain de la récolte de juin.",
            "يُنزع نوى كرز بساتين {place} ثم تجففه {coop} ببطء غداة جني يونيو.",
            "Cherries from the orchards of {place} are pitted and gently dried by the {coop} "
            "right after the June harvest."),
        usage=Tr(
            "Dans les gâteaux, le muesli ou à grignoter.",
            "في الحلويات أو حبوب الفطور أو كتسلية.",
            "In cakes, muesli or as a snack."),
        variants=(g(200, 280, 55),),
    ),
    ProductSpec(
        key="clementines-berkane", sku="CLEMENTINES", category="agrumes", product_type=FOOD,
        picture="clementines", gi="igp-clementine-de-berkane", stock=(10, 80),
        name=Tr("Clémentines {de}, caisse", "كليمنتين {place}، صندوق",
                "Clementines from {place}, crate"),
        text=Tr(
            "Juteuses, sucrées et faciles à peler, les clémentines de la {coop} sont cueillies "
            "à la main entre novembre et janvier et expédiées le lendemain.",
            "كليمنتين {coop} كثير العصير حلو سهل التقشير، يُجنى باليد بين نونبر ويناير ويُشحن في "
            "اليوم الموالي.",
            "Juicy, sweet and easy to peel, the {coop}'s clementines are picked by hand from "
            "November to January and shipped the next day."),
        usage=Tr(
            "À garder dans un endroit frais et aéré ; elles se conservent deux semaines.",
            "تُحفظ في مكان بارد مهوّى، وتبقى أسبوعين.",
            "Keep in a cool, airy place; they last two weeks."),
        variants=(kg(5, 5400, 75), kg(10, 10600, 140)),
    ),
]

SPREADS_AND_JAMS = [
    ProductSpec(
        key="amlou-traditionnel", sku="AMLOU", category="amlou-pates", product_type=FOOD,
        picture="jar_amlou",
        name=Tr("Amlou traditionnel {de}", "أملو تقليدي من {place}",
                "Traditional amlou from {place}"),
        text=Tr(
            "Amandes grillées, huile d'argan alimentaire et miel, broyés à la meule de pierre "
            "par la {coop} : l'amlou est la pâte à tartiner du Souss.",
            "لوز محمّص وزيت أركان غذائي وعسل تطحنها {coop} بالرحى الحجرية: أملو هو معجون "
            "سوس للدهن.",
            "Roasted almonds, culinary argan oil and honey, ground on a stone mill by the "
            "{coop}: amlou is the spread of the Souss."),
        usage=Tr(
            "Sur du pain chaud ou des crêpes au petit-déjeuner. Remuer avant de servir.",
            "على الخبز الساخن أو البغرير في الفطور، ويُحرّك قبل التقديم.",
            "On warm bread or pancakes at breakfast. Stir before serving."),
        variants=(g(250, 400, 75), g(500, 700, 135)),
    ),
    ProductSpec(
        key="confiture-cerises", sku="CONF-CERISES", category="confitures", product_type=FOOD,
        picture="jar_jam_red",
        name=Tr("Confiture de cerises {de}", "مربى الكرز من {place}", "Cherry jam from {place}"),
        text=Tr(
            "Les cerises de la fête de juin sont cuites en petits chaudrons par la {coop}, avec "
            "peu de sucre et un trait de citron.",
            "تطبخ {coop} كرز موسم يونيو في قدور صغيرة بقليل من السكر وقطرات من الحامض.",
            "Cherries from the June festival are cooked in small pans by the {coop}, with little "
            "sugar and a dash of lemon."),
        usage=Tr(
            "Au petit-déjeuner ou avec un fromage frais. Au frais après ouverture.",
            "في الفطور أو مع جبن طري، ويُحفظ باردًا بعد الفتح.",
            "At breakfast or with fresh cheese. Refrigerate after opening."),
        variants=(g(250, 420, 35), g(400, 620, 50)),
    ),
    ProductSpec(
        key="confiture-figues", sku="CONF-FIGUES", category="confitures", product_type=FOOD,
        picture="jar_jam_dark",
        name=Tr("Confiture de figues {de}", "مربى التين من {place}", "Fig jam from {place}"),
        text=Tr(
            "Des figues mûres et un soupçon de graines de sésame grillées : la recette d'automne "
            "de la {coop}.",
            "تين ناضج ورشة من السمسم المحمّص: وصفة الخريف لدى {coop}.",
            "Ripe figs and a hint of toasted sesame: the {coop}'s autumn recipe."),
        usage=Tr(
            "Parfaite avec un fromage de chèvre ou sur du msemen.",
            "مثالية مع جبن الماعز أو على المسمن.",
            "Perfect with goat cheese or on msemen."),
        variants=(g(250, 420, 35),),
    ),
    ProductSpec(
        key="confiture-fraises", sku="CONF-FRAISES", category="confitures", product_type=FOOD,
        picture="jar_jam_red",
        name=Tr("Confiture de fraises {de}", "مربى الفراولة من {place}",
                "Strawberry jam from {place}"),
        text=Tr(
            "Les fraises de la plaine du Gharb sont cueillies à maturité et cuites le jour même "
            "par la {coop}, en morceaux.",
            "تُجنى فراولة سهل الغرب ناضجة وتطبخها {coop} في اليوم نفسه قطعًا.",
            "Strawberries from the Gharb plain are picked ripe and cooked the same day by the "
            "{coop}, in chunks."),
        usage=Tr(
            "Sur le pain beurré, dans un yaourt ou sur des crêpes.",
            "على الخبز بالزبدة أو في الياغورت أو على الفطائر.",
            "On buttered bread, in yoghurt or on pancakes."),
        variants=(g(250, 420, 30), g(400, 620, 45)),
    ),
    ProductSpec(
        key="confiture-oranges-ameres", sku="CONF-BIGARADE", category="confitures",
        product_type=FOOD, picture="jar_marmalade",
        name=Tr("Confiture d'oranges amères {de}", "مربى الرنج من {place}",
                "Bitter orange marmalade from {place}"),
        text=Tr(
            "Le bigaradier pousse dans les cours des maisons : la {coop} en récolte les fruits "
            "pour une marmelade aux écorces fines.",
            "تنمو شجرة الرنج في صحون البيوت، وتجني {coop} ثمارها لتحضير مربى بقشور رقيقة.",
            "Bitter oranges grow in the courtyards of houses: the {coop} gathers them for a "
            "marmalade with thin peel."),
        usage=Tr(
            "Avec du pain grillé ou pour napper un gâteau.",
            "مع الخبز المحمّص أو لتغطية كعكة.",
            "With toast or to glaze a cake."),
        variants=(g(250, 420, 32),),
    ),
    ProductSpec(
        key="marmelade-clementine", sku="MARM-CLEM", category="confitures",
        product_type=FOOD, picture="jar_marmalade",
        name=Tr("Marmelade de clémentines {de}", "مربى الكليمنتين من {place}",
                "Clementine marmalade from {place}"),
        text=Tr(
            "Les clémentines trop petites pour la vente en caisse deviennent une marmelade "
            "douce et parfumée, cuite par la {coop}.",
            "يتحوّل الكليمنتين الصغير الذي لا يُباع في الصناديق إلى مربى لطيف عطري تطبخه {coop}.",
            "Clementines too small for the crates become a mild, fragrant marmalade cooked by "
            "the {coop}."),
        usage=Tr(
            "Au petit-déjeuner, ou pour accompagner un canard rôti.",
            "في الفطور أو مع البط المشوي.",
            "At breakfast, or with roast duck."),
        variants=(g(250, 420, 35),),
    ),
    ProductSpec(
        key="ecorces-clementine-confites", sku="ECORCES", category="confitures",
        product_type=FOOD, picture="jar_marmalade",
        name=Tr("Écorces de clémentine confites {de}", "قشور الكليمنتين المسكّرة من {place}",
                "Candied clementine peel from {place}"),
        text=Tr(
            "Les écorces sont blanchies puis confites plusieurs jours dans un sirop léger par la "
            "{coop}.",
            "تُسلق القشور ثم تُسكّرها {coop} أيامًا في شراب خفيف.",
            "The peel is blanched then candied for several days in a light syrup by the "
            "{coop}."),
        usage=Tr(
            "Dans les cakes, les cornes de gazelle ou trempées dans le chocolat.",
            "في الكعك وكعب الغزال أو مغموسة في الشوكولاتة.",
            "In cakes, gazelle horns or dipped in chocolate."),
        variants=(g(200, 320, 45),),
    ),
    ProductSpec(
        key="confiture-figue-barbarie", sku="CONF-FDB", category="confitures",
        product_type=FOOD, picture="jar_jam_red", gi="igp-figue-de-barbarie-ait-baamrane",
        name=Tr("Confiture de figues de Barbarie {de}", "مربى التين الشوكي من {place}",
                "Prickly pear jam from {place}"),
        text=Tr(
            "Le fruit du cactus d'Aït Baâmrane, épluché à la main par la {coop} et cuit avec un "
            "peu de citron : une confiture rose, délicate.",
            "ثمرة صبار آيت باعمران تقشرها {coop} باليد وتطبخها بقليل من الحامض: مربى وردي "
            "رقيق.",
            "The cactus fruit of Ait Baamrane, peeled by hand by the {coop} and cooked with a "
            "little lemon: a delicate pink jam."),
        usage=Tr(
            "Sur des crêpes ou avec un fromage frais.",
            "على الفطائر أو مع جبن طري.",
            "On pancakes or with fresh cheese."),
        variants=(g(250, 420, 40),),
    ),
]

GRAINS = [
    ProductSpec(
        key="couscous-roule-main", sku="COUSCOUS", category="cereales-couscous",
        product_type=FOOD, picture="couscous",
        name=Tr("Couscous de blé dur roulé main {de}", "كسكس القمح الصلب المفتول باليد من {place}",
                "Hand-rolled durum wheat couscous from {place}"),
        text=Tr(
            "La semoule est roulée à la main dans la gasâa, tamisée puis séchée au soleil par "
            "les membres de la {coop}. Ses grains irréguliers absorbent mieux le bouillon.",
            "يُفتل السميد باليد في القصعة ثم يُغربل ويُجفف تحت الشمس لدى أعضاء {coop}، "
            "فتتشرّب حبيباته غير المنتظمة المرق أكثر.",
            "The semolina is rolled by hand in the gasaa, sieved and sun-dried by members of the "
            "{coop}. Its uneven grains soak up the broth better."),
        usage=Tr(
            "Trois cuissons à la vapeur au-dessus du bouillon, comme le vendredi.",
            "ثلاث تبخيرات فوق المرق، كما في يوم الجمعة.",
            "Three steamings over the broth, as on Fridays."),
        variants=(kg(1, 1050, 32), kg(2, 2080, 60)),
    ),
    ProductSpec(
        key="couscous-orge-belboula", sku="BELBOULA", category="cereales-couscous",
        product_type=FOOD, picture="couscous_barley", organic=True,
        name=Tr("Belboula, couscous d'orge {de}", "بلبولة، كسكس الشعير من {place}",
                "Belboula barley couscous from {place}"),
        text=Tr(
            "L'orge des champs en bour est grillée, concassée puis roulée par la {coop}. La "
            "belboula a un goût rustique et se digère facilement.",
            "يُحمّص شعير الحقول البورية ويُجرش ثم تفتله {coop}. للبلبولة طعم ريفي وهضم سهل.",
            "Rain-fed barley is toasted, cracked and rolled by the {coop}. Belboula has a rustic "
            "taste and is easy to digest."),
        usage=Tr(
            "En couscous aux sept légumes ou en soupe au lait l'hiver.",
            "كسكس بسبع خضر أو حساء بالحليب في الشتاء.",
            "As seven-vegetable couscous or a milk soup in winter."),
        variants=(kg(1, 1050, 30),),
    ),
    ProductSpec(
        key="couscous-complet", sku="COUSCOUS-COMPLET", category="cereales-couscous",
        product_type=FOOD, picture="couscous_barley",
        name=Tr("Couscous complet {de}", "كسكس كامل من {place}",
                "Wholegrain couscous from {place}"),
        text=Tr(
            "Une semoule complète moulue sur pierre et roulée par la {coop}, riche en fibres et "
            "au goût de céréale marqué.",
            "سميد كامل مطحون على الحجر تفتله {coop}، غني بالألياف وبطعم الحبوب الواضح.",
            "Stone-ground wholegrain semolina rolled by the {coop}, rich in fibre with a strong "
            "grain taste."),
        usage=Tr(
            "Avec un bouillon de légumes ou en salade tiède.",
            "مع مرق الخضر أو سلطة دافئة.",
            "With a vegetable broth or as a warm salad."),
        variants=(kg(1, 1050, 36),),
    ),
    ProductSpec(
        key="berkoukech", sku="BERKOUKECH", category="cereales-couscous", product_type=FOOD,
        picture="couscous",
        name=Tr("Berkoukech roulé main {de}", "بركوكش مفتول يدويًا من {place}",
                "Hand-rolled berkoukech from {place}"),
        text=Tr(
            "Des grains roulés plus gros que le couscous, séchés par la {coop} pour les soupes "
            "épaisses des soirs froids.",
            "حبات مفتولة أكبر من الكسكس تجففها {coop} للحساء الكثيف في الليالي الباردة.",
            "Rolled grains larger than couscous, dried by the {coop} for the thick soups of "
            "cold evenings."),
        usage=Tr(
            "À cuire vingt minutes dans un bouillon aux légumes et aux herbes.",
            "يُطهى عشرين دقيقة في مرق بالخضر والأعشاب.",
            "Simmer twenty minutes in a broth with vegetables and herbs."),
        variants=(g(500, 550, 20), kg(1, 1050, 36)),
    ),
    ProductSpec(
        key="couscous-mais-baddaz", sku="BADDAZ", category="cereales-couscous",
        product_type=FOOD, picture="couscous_corn",
        name=Tr("Baddaz, couscous de maïs {de}", "بداز، كسكس الذرة من {place}",
                "Baddaz corn couscous from {place}"),
        text=Tr(
            "Le maïs est moulu puis roulé à la main : le baddaz de la {coop}, doré et léger.",
            "تُطحن الذرة ثم تُفتل باليد: هذا بداز {coop} الذهبي الخفيف.",
            "The corn is milled then rolled by hand: the {coop}'s golden, light baddaz."),
        usage=Tr(
            "Traditionnellement servi avec un bouillon de poisson ou de légumes.",
            "يُقدم تقليديًا مع مرق السمك أو الخضر.",
            "Traditionally served with a fish or vegetable broth."),
        variants=(kg(1, 1050, 30),),
    ),
]

DAIRY = [
    ProductSpec(
        key="fromage-chevre-frais", sku="JBEN", category="fromages-laitages", product_type=FOOD,
        picture="cheese_fresh", gi="igp-fromage-de-chevre-de-chefchaouen", stock=(6, 40),
        name=Tr("Fromage de chèvre frais {de}", "جبن الماعز الطري من {place}",
                "Fresh goat cheese from {place}"),
        text=Tr(
            "Le lait des chèvres noires du Rif, qui pâturent en liberté sur les pentes autour "
            "{de}, est caillé le matin même par la {coop}. Ce jben est doux, légèrement acidulé.",
            "يُخثّر حليب الماعز الأسود الذي يرعى حرًا في سفوح {place} صباح اليوم نفسه لدى "
            "{coop}. جبن لطيف بحموضة خفيفة.",
            "Milk from the Rif's black goats, grazing freely on the slopes around {place}, is "
            "curdled the same morning by the {coop}. This jben is mild and slightly tangy."),
        usage=Tr(
            "Avec du miel, de l'huile d'olive ou des olives. À conserver au réfrigérateur, "
            "livraison en colis réfrigéré.",
            "مع العسل أو زيت الزيتون أو الزيتون. يُحفظ في الثلاجة ويُسلّم في طرد مبرد.",
            "With honey, olive oil or olives. Keep refrigerated; shipped in a chilled parcel."),
        variants=(g(250, 400, 35), g(500, 700, 65)),
    ),
    ProductSpec(
        key="fromage-chevre-affine", sku="CHEVRE-AFFINE", category="fromages-laitages",
        product_type=FOOD, picture="cheese_wheel", gi="igp-fromage-de-chevre-de-chefchaouen",
        stock=(4, 30),
        name=Tr("Fromage de chèvre affiné {de}", "جبن الماعز المعتّق من {place}",
                "Aged goat cheese from {place}"),
        text=Tr(
            "Affiné trois à six semaines dans la cave fraîche de la {coop}, ce fromage prend une "
            "croûte fine et un goût de noisette.",
            "يُعتّق هذا الجبن من ثلاثة إلى ستة أسابيع في قبو {coop} البارد، فتتكوّن له قشرة رقيقة "
            "وطعم البندق.",
            "Aged three to six weeks in the {coop}'s cool cellar, this cheese grows a thin rind "
            "and a nutty taste."),
        usage=Tr(
            "En fines tranches avec du pain et des figues.",
            "شرائح رقيقة مع الخبز والتين.",
            "In thin slices with bread and figs."),
        variants=(g(250, 380, 60), g(500, 650, 110)),
    ),
    ProductSpec(
        key="fromage-chevre-huile", sku="CHEVRE-HUILE", category="fromages-laitages",
        product_type=FOOD, picture="jar_cheese", gi="igp-fromage-de-chevre-de-chefchaouen",
        name=Tr("Fromage de chèvre à l'huile d'olive et au thym {de}",
                "جبن الماعز بزيت الزيتون والزعتر من {place}",
                "Goat cheese in olive oil and thyme from {place}"),
        text=Tr(
            "De petites boules de fromage frais égoutté, roulées dans le thym puis conservées "
            "dans l'huile d'olive par la {coop}.",
            "كرات صغيرة من الجبن الطري المصفّى تُدحرج في الزعتر ثم تحفظها {coop} في زيت الزيتون.",
            "Small balls of drained fresh cheese rolled in thyme and kept in olive oil by the "
            "{coop}."),
        usage=Tr(
            "Sur une salade, une tartine ou à l'apéritif ; l'huile parfumée se garde pour la "
            "cuisine.",
            "على السلطة أو الخبز أو مع المقبلات، ويُحتفظ بالزيت المعطّر للطبخ.",
            "On a salad, on toast or as a snack; keep the scented oil for cooking."),
        variants=(g(300, 550, 75),),
    ),
    ProductSpec(
        key="lait-chamelle-poudre", sku="LAIT-CHAMELLE", category="fromages-laitages",
        product_type=FOOD, picture="jar_milk", stock=(6, 50),
        name=Tr("Lait de chamelle en poudre {de}", "حليب النوق المجفف من {place}",
                "Camel milk powder from {place}"),
        text=Tr(
            "Les chamelles de la {coop} pâturent dans les parcours autour {de}. Leur lait est "
            "séché à basse température pour voyager sans chaîne du froid.",
            "ترعى نوق {coop} في مراعي {place}، ويُجفف حليبها في حرارة منخفضة ليسافر دون تبريد.",
            "The {coop}'s camels graze the open range around {place}. Their milk is dried at low "
            "temperature so it can travel without refrigeration."),
        usage=Tr(
            "Deux cuillères dans un verre d'eau tiède ; aussi dans le thé ou les pâtisseries.",
            "ملعقتان في كأس ماء فاتر، ويصلح أيضًا للشاي والحلويات.",
            "Two spoonfuls in a glass of warm water; also in tea or baking."),
        variants=(g(250, 380, 120),),
    ),
]

SEA = [
    ProductSpec(
        key="sel-marin", sku="SEL", category="produits-de-la-mer", product_type=FOOD,
        picture="salt",
        name=Tr("Sel marin de la lagune {de}", "ملح بحري من بحيرة {place}",
                "Sea salt from the {place} lagoon"),
        text=Tr(
            "Récolté à la main dans les salines au bord de la lagune, le sel de la {coop} sèche "
            "au vent de l'Atlantique, sans lavage ni raffinage.",
            "يُجمع ملح {coop} باليد من الملاحات على ضفة البحيرة، ويجف بنسيم الأطلسي دون غسل "
            "ولا تكرير.",
            "Raked by hand in the salt pans at the lagoon's edge, the {coop}'s salt dries in the "
            "Atlantic wind, unwashed and unrefined."),
        usage=Tr(
            "Pour la cuisine de tous les jours et les saumures.",
            "للطبخ اليومي والمحاليل الملحية.",
            "For everyday cooking and brines."),
        variants=(g(500, 600, 25), kg(1, 1100, 40)),
    ),
    ProductSpec(
        key="fleur-de-sel", sku="FLEUR-SEL", category="produits-de-la-mer", product_type=FOOD,
        picture="salt_bowl",
        name=Tr("Fleur de sel {de}", "زهرة الملح من {place}", "Fleur de sel from {place}"),
        text=Tr(
            "La fine pellicule de cristaux qui se forme à la surface des bassins par les jours "
            "calmes est cueillie au râteau de bois par la {coop}.",
            "تجني {coop} بمجرفة خشبية الطبقة الرقيقة من البلورات التي تتكوّن على سطح الأحواض في "
            "الأيام الهادئة.",
            "The thin film of crystals that forms on the ponds on calm days is skimmed with a "
            "wooden rake by the {coop}."),
        usage=Tr(
            "À parsemer au dernier moment sur un poisson grillé ou des tomates.",
            "تُرش في آخر لحظة على السمك المشوي أو الطماطم.",
            "Sprinkle at the last moment over grilled fish or tomatoes."),
        variants=(g(125, 220, 45), g(250, 380, 80)),
    ),
    ProductSpec(
        key="sel-aux-herbes", sku="SEL-HERBES", category="produits-de-la-mer",
        product_type=FOOD, picture="salt_bowl",
        name=Tr("Sel marin aux herbes du désert {de}", "ملح بحري بأعشاب الصحراء من {place}",
                "Sea salt with desert herbs from {place}"),
        text=Tr(
            "Le sel de la lagune mélangé par la {coop} à du thym, de l'origan et une pointe de "
            "piment séché.",
            "ملح البحيرة تخلطه {coop} بالزعتر والأوريغانو وقليل من الفلفل الحار المجفف.",
            "Lagoon salt blended by the {coop} with thyme, oregano and a touch of dried chilli."),
        usage=Tr(
            "Sur les grillades, les pommes de terre ou un œuf à la coque.",
            "على المشويات أو البطاطس أو بيضة مسلوقة.",
            "On grilled meat, potatoes or a boiled egg."),
        variants=(g(250, 380, 35),),
    ),
    ProductSpec(
        key="courbine-sechee", sku="POISSON-SECHE", category="produits-de-la-mer",
        product_type=FOOD, picture="dried_fish", stock=(4, 40),
        name=Tr("Courbine séchée {de}", "سمك الكوربين المجفف من {place}",
                "Dried meagre fish from {place}"),
        text=Tr(
            "Pêchée à la ligne par les barques artisanales, la courbine est salée puis séchée "
            "au soleil et au vent par les femmes de la {coop}, comme on le fait depuis toujours "
            "sur cette côte.",
            "يُصطاد الكوربين بالصنارة من القوارب التقليدية، ثم تملحه نساء {coop} وتجففه "
            "بالشمس والريح كما جرت العادة على هذا الساحل.",
            "Caught on lines from small boats, the meagre is salted then dried in sun and wind "
            "by the women of the {coop}, as has always been done on this coast."),
        usage=Tr(
            "À dessaler une nuit avant de le cuisiner en tajine ou en bouillon.",
            "يُنقع ليلة لإزالة الملح قبل طهيه في الطاجين أو المرق.",
            "Soak overnight to remove the salt before cooking it in a tagine or broth."),
        variants=(g(250, 350, 90), g(500, 650, 170)),
    ),
    ProductSpec(
        key="algues-sechees", sku="ALGUES", category="produits-de-la-mer", product_type=FOOD,
        picture="seaweed",
        name=Tr("Algues séchées {de}", "طحالب مجففة من {place}",
                "Dried seaweed from {place}"),
        text=Tr(
            "Ramassées à marée basse sur les rochers de la baie, rincées et séchées par la "
            "{coop} : un mélange de laitue de mer et de dulse.",
            "تُجمع عند الجزر من صخور الخليج وتُشطف وتجففها {coop}: خليط من خس البحر والدلس.",
            "Gathered at low tide on the rocks of the bay, rinsed and dried by the {coop}: a "
            "mix of sea lettuce and dulse."),
        usage=Tr(
            "Réhydratées dans une salade, une soupe ou un riz.",
            "تُرطّب وتُضاف إلى السلطة أو الحساء أو الأرز.",
            "Rehydrate in a salad, a soup or rice."),
        variants=(g(50, 120, 45),),
    ),
    ProductSpec(
        key="tomates-cerises-confites", sku="TOMATES-CONFITES", category="conserves",
        product_type=FOOD, picture="jar_tomato",
        name=Tr("Tomates cerises confites à l'huile d'olive {de}",
                "طماطم كرزية مصبّرة بزيت الزيتون من {place}",
                "Cherry tomatoes preserved in olive oil from {place}"),
        text=Tr(
            "Les serres {de} profitent d'un soleil d'hiver constant. La {coop} y cueille des "
            "tomates cerises très sucrées qu'elle confit au four avec de l'ail.",
            "تستفيد بيوت {place} البلاستيكية من شمس شتوية دائمة، وتجني فيها {coop} طماطم كرزية "
            "حلوة جدًا تصبّرها في الفرن مع الثوم.",
            "The greenhouses of {place} enjoy steady winter sunshine. The {coop} picks very sweet "
            "cherry tomatoes there and slow-roasts them with garlic."),
        usage=Tr(
            "Sur des pâtes, une pizza ou des œufs brouillés.",
            "على المعكرونة أو البيتزا أو البيض المخفوق.",
            "On pasta, pizza or scrambled eggs."),
        variants=(g(250, 450, 45), pack(3, 1350, 125)),
    ),
    ProductSpec(
        key="sauce-tomate-maison", sku="SAUCE-TOMATE", category="conserves",
        product_type=FOOD, picture="jar_tomato",
        name=Tr("Sauce tomate maison {de}", "صلصة طماطم بلدية من {place}",
                "Homemade tomato sauce from {place}"),
        text=Tr(
            "Tomates mûres, oignon, huile d'olive et cumin, mijotés longuement par la {coop} puis "
            "mis en bocaux.",
            "طماطم ناضجة وبصل وزيت زيتون وكمون تطهوها {coop} طويلًا ثم تعبئها في برطمانات.",
            "Ripe tomatoes, onion, olive oil and cumin, simmered slowly by the {coop} and "
            "jarred."),
        usage=Tr(
            "Une base prête pour les boulettes, la chakchouka ou les pâtes.",
            "قاعدة جاهزة للكفتة أو الشكشوكة أو المعكرونة.",
            "A ready base for meatballs, shakshuka or pasta."),
        variants=(g(500, 750, 30),),
    ),
    ProductSpec(
        key="tomates-sechees", sku="TOMATES-SECHEES", category="conserves",
        product_type=FOOD, picture="dried_tomatoes",
        name=Tr("Tomates séchées au soleil {de}", "طماطم مجففة تحت الشمس من {place}",
                "Sun-dried tomatoes from {place}"),
        text=Tr(
            "Coupées en deux et séchées quatre jours au soleil par la {coop}, sans conservateur.",
            "تقسمها {coop} نصفين وتجففها أربعة أيام تحت الشمس دون مواد حافظة.",
            "Halved and dried for four days in the sun by the {coop}, with no preservatives."),
        usage=Tr(
            "À réhydrater dans l'eau chaude, puis à l'huile avec des herbes.",
            "تُرطّب في الماء الساخن ثم تُحفظ في الزيت مع الأعشاب.",
            "Rehydrate in hot water, then keep in oil with herbs."),
        variants=(g(200, 300, 40),),
    ),
]
