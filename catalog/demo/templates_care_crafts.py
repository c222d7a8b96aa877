"""Product templates: natural cosmetics and crafts."""
from __future__ import annotations

from .specs import ProductSpec, diameter, g, height, ml, pack, piece, rug, shoe
from .text import Tr

CARE = "cosmetique"
CRAFT = "artisanat"

COSMETICS = [
    ProductSpec(
        key="savon-argan", sku="SAVON-ARGAN", category="savons", product_type=CARE,
        picture="soap_argan",
        name=Tr("Savon à l'huile d'argan {de}", "صابون بزيت الأركان من {place}",
                "Argan oil soap from {place}"),
        text=Tr(
            "Saponifié à froid par la {coop} avec son huile d'argan et de l'huile d'olive, ce "
            "savon sèche six semaines avant d'être emballé à la main.",
            "تصنع {coop} هذا الصابون على البارد بزيت الأركان وزيت الزيتون، ويجف ستة أسابيع قبل "
            "أن يُغلّف باليد.",
            "Cold-processed by the {coop} with its argan oil and olive oil, this soap cures for "
            "six weeks before it is wrapped by hand."),
        usage=Tr(
            "Pour le visage et le corps, même les peaux sensibles.",
            "للوجه والجسم، حتى البشرة الحساسة.",
            "For face and body, sensitive skin included."),
        variants=(g(100, 130, 35), pack(3, 380, 95)),
    ),
    ProductSpec(
        key="creme-argan", sku="CREME-ARGAN", category="soins", product_type=CARE,
        picture="cream_jar",
        name=Tr("Crème nourrissante à l'argan {de}", "كريم مغذٍّ بالأركان من {place}",
                "Nourishing argan cream from {place}"),
        text=Tr(
            "Une crème simple, à base d'huile d'argan cosmétique, de cire d'abeille et d'eau "
            "florale, préparée en petits lots par la {coop}.",
            "كريم بسيط من زيت الأركان التجميلي وشمع النحل والماء الزهري تحضّره {coop} بكميات "
            "صغيرة.",
            "A simple cream of cosmetic argan oil, beeswax and floral water, made in small "
            "batches by the {coop}."),
        usage=Tr(
            "Sur les mains et les zones sèches, matin et soir.",
            "على اليدين والمناطق الجافة صباحًا ومساءً.",
            "On hands and dry patches, morning and evening."),
        variants=(ml(50, 140, 85),),
    ),
    ProductSpec(
        key="huile-argan-rose", sku="ARGAN-ROSE", category="soins", product_type=CARE,
        picture="dropper_rose",
        name=Tr("Huile de soin argan et rose {de}", "زيت العناية بالأركان والورد من {place}",
                "Argan and rose care oil from {place}"),
        text=Tr(
            "L'huile d'argan cosmétique de la {coop}, parfumée de quelques gouttes d'essence de "
            "rose de la vallée du Dadès.",
            "زيت الأركان التجميلي لدى {coop} معطّر بقطرات من عطر ورد وادي دادس.",
            "The {coop}'s cosmetic argan oil, scented with a few drops of Dades valley rose."),
        usage=Tr(
            "En massage après le hammam ou sur les cheveux secs.",
            "للتدليك بعد الحمّام أو على الشعر الجاف.",
            "As a massage oil after the hammam or on dry hair."),
        variants=(ml(50, 150, 110),),
    ),
    ProductSpec(
        key="eau-de-rose", sku="EAU-ROSE", category="eau-de-rose", product_type=CARE,
        picture="rose_water", gi="igp-rose-de-kelaat-mgouna-dades", organic=True,
        name=Tr("Eau de rose {de}", "ماء الورد من {place}", "Rose water from {place}"),
        text=Tr(
            "En mai, les roses de Damas qui bordent les champs de la vallée sont cueillies avant "
            "que le soleil ne chauffe, puis distillées à l'alambic par la {coop}.",
            "في ماي تُقطف الورود الدمشقية التي تسيّج حقول الوادي قبل أن تشتد الشمس، ثم "
            "تقطّرها {coop} في القطّارة.",
            "In May, the Damask roses edging the valley's fields are picked before the sun gets "
            "hot, then distilled in a copper still by the {coop}."),
        usage=Tr(
            "Comme tonique pour le visage, dans les pâtisseries ou pour parfumer le linge.",
            "كمنعش للوجه أو في الحلويات أو لتعطير الثياب.",
            "As a face toner, in pastries or to scent linen."),
        variants=(ml(250, 400, 45), ml(500, 700, 75)),
    ),
    ProductSpec(
        key="huile-essentielle-rose", sku="HE-ROSE", category="soins", product_type=CARE,
        picture="dropper_rose", gi="igp-rose-de-kelaat-mgouna-dades", stock=(3, 20),
        name=Tr("Huile essentielle de rose {de}", "زيت الورد العطري من {place}",
                "Rose essential oil from {place}"),
        text=Tr(
            "Il faut plusieurs tonnes de pétales pour un litre d'essence : la {coop} n'en "
            "distille que quelques flacons chaque saison.",
            "يلزم عدة أطنان من البتلات لإنتاج لتر واحد من العطر، لذا لا تقطّر {coop} إلا بضع "
            "قوارير كل موسم.",
            "It takes several tonnes of petals for one litre of oil: the {coop} distils only a "
            "few bottles each season."),
        usage=Tr(
            "Une goutte diluée dans une huile végétale suffit. Ne pas appliquer pure.",
            "تكفي قطرة مخففة في زيت نباتي، ولا يُستعمل صافيًا.",
            "One drop diluted in a carrier oil is enough. Do not apply undiluted."),
        variants=(ml(2, 60, 290), ml(5, 70, 650)),
    ),
    ProductSpec(
        key="boutons-rose-seches", sku="BOUTONS-ROSE", category="eau-de-rose",
        product_type=CARE, picture="rose_buds", gi="igp-rose-de-kelaat-mgouna-dades",
        name=Tr("Boutons de rose séchés {de}", "براعم الورد المجففة من {place}",
                "Dried rose buds from {place}"),
        text=Tr(
            "Cueillis encore fermés puis séchés à l'ombre sur les terrasses de la {coop}, les "
            "boutons gardent leur parfum pendant des mois.",
            "تُقطف البراعم مغلقة ثم تُجفف في الظل على سطوح {coop}، فتحتفظ برائحتها أشهرًا.",
            "Picked while still closed and dried in the shade on the {coop}'s rooftops, the buds "
            "keep their scent for months."),
        usage=Tr(
            "En infusion, dans le ras el hanout, ou en sachet parfumé pour l'armoire.",
            "في النقيع أو في رأس الحانوت أو في كيس معطّر للخزانة.",
            "In an infusion, in ras el hanout, or in a scented sachet for the wardrobe."),
        variants=(g(100, 200, 45), g(250, 380, 95)),
    ),
    ProductSpec(
        key="savon-rose", sku="SAVON-ROSE", category="savons", product_type=CARE,
        picture="soap_rose",
        name=Tr("Savon à la rose {de}", "صابون الورد من {place}", "Rose soap from {place}"),
        text=Tr(
            "Un savon doux à l'eau de rose et aux pétales broyés, fabriqué par la {coop} à partir "
            "de sa propre distillation.",
            "صابون لطيف بماء الورد والبتلات المطحونة تصنعه {coop} من تقطيرها الخاص.",
            "A gentle soap with rose water and crushed petals, made by the {coop} from its own "
            "distillation."),
        usage=Tr(
            "Pour les mains et le visage.",
            "لليدين والوجه.",
            "For hands and face."),
        variants=(g(100, 130, 35), pack(3, 380, 95)),
    ),
    ProductSpec(
        key="creme-rose", sku="CREME-ROSE", category="soins", product_type=CARE,
        picture="cream_jar_pink",
        name=Tr("Crème à la rose {de}", "كريم الورد من {place}", "Rose cream from {place}"),
        text=Tr(
            "Eau de rose, huile d'amande douce et beurre de karité : une crème légère préparée "
            "par la {coop}.",
            "ماء الورد وزيت اللوز الحلو وزبدة الشيا: كريم خفيف تحضّره {coop}.",
            "Rose water, sweet almond oil and shea butter: a light cream made by the {coop}."),
        usage=Tr(
            "Sur le visage après la toilette.",
            "على الوجه بعد الغسل.",
            "On the face after washing."),
        variants=(ml(50, 140, 90),),
    ),
    ProductSpec(
        key="rhassoul-poudre", sku="RHASSOUL", category="rhassoul", product_type=CARE,
        picture="rhassoul",
        name=Tr("Rhassoul en poudre {de}", "غاسول مسحوق من {place}",
                "Rhassoul clay powder from {place}"),
        text=Tr(
            "Extrait des gisements de la haute Moulouya, le rhassoul est lavé, séché au soleil "
            "puis tamisé finement par la {coop}.",
            "يُستخرج الغاسول من مناجم ملوية العليا، فتغسله {coop} وتجففه تحت الشمس ثم "
            "تغربله ناعمًا.",
            "Mined in the upper Moulouya, the rhassoul is washed, sun-dried and finely sieved by "
            "the {coop}."),
        usage=Tr(
            "Mélangé à de l'eau ou de l'eau de rose, en masque pour le visage ou en shampoing "
            "au hammam.",
            "يُخلط بالماء أو بماء الورد، قناعًا للوجه أو غسولًا للشعر في الحمّام.",
            "Mixed with water or rose water, as a face mask or a hammam shampoo."),
        variants=(g(200, 260, 35), g(500, 600, 70)),
    ),
    ProductSpec(
        key="rhassoul-sept-plantes", sku="RHASSOUL-PLANTES", category="rhassoul",
        product_type=CARE, picture="rhassoul",
        name=Tr("Rhassoul aux sept plantes {de}", "غاسول بسبع نباتات من {place}",
                "Rhassoul with seven herbs from {place}"),
        text=Tr(
            "Le rhassoul est pétri avec une décoction de lavande, romarin, myrte, camomille, "
            "laurier, sauge et thym, puis séché en galettes par la {coop}.",
            "يُعجن الغاسول بمغلي الخزامى وإكليل الجبل والريحان والبابونج والرند والسالمية "
            "والزعتر، ثم تجففه {coop} أقراصًا.",
            "The clay is kneaded with a brew of lavender, rosemary, myrtle, camomile, bay, sage "
            "and thyme, then dried into cakes by the {coop}."),
        usage=Tr(
            "Émietter une galette dans un bol d'eau tiède et laisser gonfler.",
            "يُفتت قرص في إناء ماء فاتر ويُترك لينتفخ.",
            "Crumble a cake into a bowl of warm water and let it swell."),
        variants=(g(200, 260, 45),),
    ),
    ProductSpec(
        key="rhassoul-plaquettes", sku="RHASSOUL-PIERRE", category="rhassoul",
        product_type=CARE, picture="rhassoul_stones",
        name=Tr("Rhassoul en plaquettes {de}", "غاسول ألواح من {place}",
                "Rhassoul clay flakes from {place}"),
        text=Tr(
            "Le rhassoul brut, tel qu'il sort de la mine, simplement séché et trié par la {coop}.",
            "الغاسول الخام كما يخرج من المنجم، تجففه {coop} وتفرزه فقط.",
            "Raw rhassoul as it comes out of the mine, simply dried and sorted by the {coop}."),
        usage=Tr(
            "À laisser tremper une heure avant l'usage.",
            "يُنقع ساعة قبل الاستعمال.",
            "Soak for an hour before use."),
        variants=(g(250, 320, 40),),
    ),
    ProductSpec(
        key="savon-noir-beldi", sku="SAVON-NOIR", category="savons", product_type=CARE,
        picture="black_soap",
        name=Tr("Savon noir beldi à l'olive {de}", "صابون بلدي أسود بالزيتون من {place}",
                "Beldi black olive soap from {place}"),
        text=Tr(
            "Pâte de savon obtenue à partir d'olives noires macérées, préparée par la {coop} "
            "pour le gommage du hammam.",
            "عجينة صابون من الزيتون الأسود المنقوع تحضّرها {coop} لتقشير الجسم في الحمّام.",
            "A soap paste made from macerated black olives, prepared by the {coop} for the "
            "hammam scrub."),
        usage=Tr(
            "Appliquer sur la peau humide, laisser poser cinq minutes puis frotter avec un gant "
            "kessa.",
            "يوضع على البشرة المبللة لخمس دقائق ثم تُفرك بكيس الحمّام.",
            "Apply to damp skin, leave for five minutes, then scrub with a kessa glove."),
        variants=(g(250, 330, 35), g(500, 620, 60)),
    ),
    ProductSpec(
        key="gant-kessa", sku="KESSA", category="savons", product_type=CARE,
        picture="kessa",
        name=Tr("Gant de gommage kessa {de}", "كيس الحمّام من {place}",
                "Kessa exfoliating glove from {place}"),
        text=Tr(
            "Tissé et cousu par les membres de la {coop}, le gant kessa accompagne le savon noir "
            "au hammam.",
            "ينسج أعضاء {coop} كيس الحمّام ويخيطونه، وهو رفيق الصابون البلدي.",
            "Woven and sewn by members of the {coop}, the kessa glove goes with black soap at "
            "the hammam."),
        usage=Tr(
            "Rincer et laisser sécher à l'air après chaque usage.",
            "يُشطف ويُترك ليجف في الهواء بعد كل استعمال.",
            "Rinse and air-dry after each use."),
        variants=(piece(60, 25), pack(3, 160, 65)),
    ),
    ProductSpec(
        key="henne-naturel", sku="HENNE", category="soins", product_type=CARE,
        picture="henna", organic=True,
        name=Tr("Henné naturel des oasis {de}", "حناء طبيعية من واحات {place}",
                "Natural oasis henna from {place}"),
        text=Tr(
            "Le henné pousse au pied des palmiers, dans les jardins de la vallée. La {coop} en "
            "sèche les feuilles puis les moud finement.",
            "تنمو الحناء تحت النخيل في بساتين الوادي، فتجفف {coop} أوراقها ثم تطحنها ناعمة.",
            "Henna grows beneath the palms in the valley gardens. The {coop} dries its leaves "
            "and grinds them finely."),
        usage=Tr(
            "Pour les cheveux ou les mains, à délayer avec de l'eau tiède et du citron.",
            "للشعر أو اليدين، يُخلط بالماء الفاتر والحامض.",
            "For hair or hands, mixed with warm water and lemon."),
        variants=(g(100, 160, 25), g(250, 330, 50)),
    ),
    ProductSpec(
        key="huile-figue-barbarie", sku="HUILE-FDB", category="soins", product_type=CARE,
        picture="dropper_cactus", gi="igp-figue-de-barbarie-ait-baamrane", stock=(4, 40),
        name=Tr("Huile de pépins de figue de Barbarie {de}", "زيت بذور التين الشوكي من {place}",
                "Prickly pear seed oil from {place}"),
        text=Tr(
            "Il faut près d'une tonne de fruits pour un litre de cette huile : la {coop} "
            "récupère les pépins à la main, les sèche puis les presse à froid.",
            "يلزم قرابة طن من الثمار للتر واحد من هذا الزيت، إذ تستخرج {coop} البذور باليد "
            "وتجففها ثم تعصرها على البارد.",
            "Nearly a tonne of fruit makes one litre of this oil: the {coop} collects the seeds "
            "by hand, dries them and cold-presses them."),
        usage=Tr(
            "Deux gouttes le soir sur le visage et le contour des yeux.",
            "قطرتان مساءً على الوجه ومحيط العينين.",
            "Two drops at night on the face and around the eyes."),
        variants=(ml(15, 90, 180), ml(30, 120, 330)),
    ),
    ProductSpec(
        key="savon-figue-barbarie", sku="SAVON-FDB", category="savons", product_type=CARE,
        picture="soap_cactus",
        name=Tr("Savon à la figue de Barbarie {de}", "صابون التين الشوكي من {place}",
                "Prickly pear soap from {place}"),
        text=Tr(
            "Un savon surgras à la pulpe de figue de Barbarie et à l'huile de ses pépins, "
            "fabriqué par la {coop}.",
            "صابون غني بلب التين الشوكي وزيت بذوره تصنعه {coop}.",
            "A rich soap with prickly pear pulp and seed oil, made by the {coop}."),
        usage=Tr(
            "Pour le visage et le corps.",
            "للوجه والجسم.",
            "For face and body."),
        variants=(g(100, 130, 35),),
    ),
    ProductSpec(
        key="huile-amande-douce", sku="HUILE-AMANDE", category="soins", product_type=CARE,
        picture="dropper_almond",
        name=Tr("Huile d'amande douce {de}", "زيت اللوز الحلو من {place}",
                "Sweet almond oil from {place}"),
        text=Tr(
            "Pressée à froid à partir des amandes des vergers en terrasse de la {coop}, une huile "
            "fine et presque sans odeur.",
            "زيت رقيق شبه عديم الرائحة يُعصر على البارد من لوز بساتين {coop} المدرّجة.",
            "Cold-pressed from the almonds of the {coop}'s terraced orchards, a fine, almost "
            "odourless oil."),
        usage=Tr(
            "Pour masser les bébés, démaquiller ou assouplir la peau.",
            "لتدليك الرضع أو إزالة المكياج أو تليين البشرة.",
            "For baby massage, removing make-up or softening the skin."),
        variants=(ml(100, 220, 70),),
    ),
    ProductSpec(
        key="savon-lait-chamelle", sku="SAVON-CHAMELLE", category="savons", product_type=CARE,
        picture="soap_milk",
        name=Tr("Savon au lait de chamelle {de}", "صابون حليب النوق من {place}",
                "Camel milk soap from {place}"),
        text=Tr(
            "Le lait des chamelles du troupeau de la {coop} remplace l'eau dans ce savon doux, "
            "crémeux et très nourrissant.",
            "يحل حليب نوق قطيع {coop} محل الماء في هذا الصابون اللطيف الكريمي المغذي.",
            "Milk from the {coop}'s camel herd replaces water in this gentle, creamy, very "
            "nourishing soap."),
        usage=Tr(
            "Pour les peaux sèches et les enfants.",
            "للبشرة الجافة وللأطفال.",
            "For dry skin and children."),
        variants=(g(100, 130, 35), pack(3, 380, 95)),
    ),
    ProductSpec(
        key="creme-lait-chamelle", sku="CREME-CHAMELLE", category="soins", product_type=CARE,
        picture="cream_jar",
        name=Tr("Crème au lait de chamelle {de}", "كريم حليب النوق من {place}",
                "Camel milk cream from {place}"),
        text=Tr(
            "Lait de chamelle, huile d'argan et cire d'abeille : la crème du désert préparée par "
            "la {coop}.",
            "حليب النوق وزيت الأركان وشمع النحل: كريم الصحراء الذي تحضّره {coop}.",
            "Camel milk, argan oil and beeswax: the desert cream made by the {coop}."),
        usage=Tr(
            "Sur les mains et le visage exposés au vent et au soleil.",
            "على اليدين والوجه المعرضين للريح والشمس.",
            "On hands and face exposed to wind and sun."),
        variants=(ml(50, 140, 85),),
    ),
    ProductSpec(
        key="savon-safran", sku="SAVON-SAFRAN", category="savons", product_type=CARE,
        picture="soap_saffron",
        name=Tr("Savon au safran {de}", "صابون الزعفران من {place}",
                "Saffron soap from {place}"),
        text=Tr(
            "Un savon à l'huile d'olive coloré par une infusion de pistils de safran de la "
            "{coop}.",
            "صابون بزيت الزيتون يلوّنه منقوع خيوط زعفران {coop}.",
            "An olive oil soap coloured with an infusion of the {coop}'s saffron threads."),
        usage=Tr(
            "Pour un teint lumineux, matin et soir.",
            "لبشرة مشرقة صباحًا ومساءً.",
            "For a bright complexion, morning and evening."),
        variants=(g(100, 130, 40),),
    ),
]

CRAFTS = [
    ProductSpec(
        key="tajine-emaille", sku="TAJINE", category="poterie", product_type=CRAFT,
        picture="tagine_brown", stock=(2, 14),
        name=Tr("Tajine émaillé {de}", "طاجين مزجج من {place}", "Glazed tagine from {place}"),
        text=Tr(
            "Tourné dans l'argile rouge de la colline des potiers, cuit au four à bois puis "
            "émaillé à la main par les artisans de la {coop}, ce tajine va au feu doux.",
            "يُشكَّل هذا الطاجين من الطين الأحمر لتلة الخزّافين، ويُطهى في فرن الحطب ثم "
            "يزججه صنّاع {coop} باليد، ويصلح للنار الهادئة.",
            "Thrown in red clay from the potters' hill, fired in a wood kiln and glazed by hand "
            "by the {coop}'s artisans, this tagine can go on a gentle flame."),
        usage=Tr(
            "Avant le premier usage, le faire tremper une nuit puis le frotter d'huile. Toujours "
            "sur feu doux avec un diffuseur.",
            "قبل أول استعمال يُنقع ليلة ثم يُدهن بالزيت، ويُستعمل دائمًا على نار هادئة مع موزّع "
            "للحرارة.",
            "Before first use, soak it overnight and rub it with oil. Always on a low flame "
            "with a heat diffuser."),
        variants=(diameter(25, 2600, 180), diameter(30, 3600, 240)),
    ),
    ProductSpec(
        key="plat-couscous", sku="GASAA", category="poterie", product_type=CRAFT,
        picture="plate_brown", stock=(2, 12),
        name=Tr("Plat à couscous en terre cuite {de}", "قصعة الكسكس الفخارية من {place}",
                "Terracotta couscous dish from {place}"),
        text=Tr(
            "Large et creux, ce plat est décoré au pinceau de motifs géométriques par les "
            "artisanes de la {coop}.",
            "طبق واسع مجوّف تزيّنه صانعات {coop} بالفرشاة بزخارف هندسية.",
            "Wide and deep, this dish is hand-painted with geometric patterns by the {coop}'s "
            "craftswomen."),
        usage=Tr(
            "Pour servir le couscous ou une salade. Lavage à la main.",
            "لتقديم الكسكس أو السلطة، ويُغسل باليد.",
            "For serving couscous or salad. Hand wash."),
        variants=(diameter(35, 3200, 220), diameter(40, 4200, 290)),
    ),
    ProductSpec(
        key="bols-emailles", sku="BOLS", category="poterie", product_type=CRAFT,
        picture="bowls_brown", stock=(3, 20),
        name=Tr("Bols émaillés {de}", "زلافات مزججة من {place}", "Glazed bowls from {place}"),
        text=Tr(
            "Des bols à harira tournés un par un : aucun n'est tout à fait identique à son voisin, "
            "c'est la signature de la {coop}.",
            "زلافات للحريرة تُشكّل واحدة واحدة، فلا تشبه إحداها الأخرى تمامًا، وهذه بصمة {coop}.",
            "Harira bowls thrown one by one: no two are quite alike, which is the {coop}'s "
            "signature."),
        usage=Tr(
            "Compatibles lave-vaisselle à basse température ; pas au micro-ondes.",
            "تتحمل غسالة الأواني بحرارة منخفضة، ولا تصلح للميكروويف.",
            "Dishwasher-safe at low temperature; not for the microwave."),
        variants=(pack(2, 1000, 95), pack(4, 1900, 175)),
    ),
    ProductSpec(
        key="assiette-bleu-fes", sku="ASSIETTE-BLEU", category="poterie", product_type=CRAFT,
        picture="plate_blue", stock=(2, 15),
        name=Tr("Assiette bleu de Fès", "صحن الأزرق الفاسي", "Fez blue plate"),
        text=Tr(
            "Le bleu de cobalt sur fond blanc est la couleur de la faïence de Fès. Chaque "
            "assiette est peinte à main levée par un maâlem de la {coop}.",
            "الأزرق الكوبالتي على أرضية بيضاء هو لون خزف فاس، ويرسم كل صحن بيد حرة معلّم من "
            "{coop}.",
            "Cobalt blue on white is the colour of Fez faience. Each plate is painted freehand "
            "by a master artisan of the {coop}."),
        usage=Tr(
            "Pour servir ou à accrocher au mur. Lavage à la main.",
            "للتقديم أو للتعليق على الحائط، ويُغسل باليد.",
            "For serving or hanging on a wall. Hand wash."),
        variants=(diameter(27, 1100, 150), diameter(32, 1500, 210)),
    ),
    ProductSpec(
        key="bol-bleu-fes", sku="BOL-BLEU", category="poterie", product_type=CRAFT,
        picture="bowls_blue", stock=(3, 20),
        name=Tr("Bol à fruits bleu de Fès", "زلافة الفواكه بالأزرق الفاسي", "Fez blue fruit bowl"),
        text=Tr(
            "Un grand bol à pied décoré de rosaces bleues, dans la tradition des potiers de "
            "Fès que perpétue la {coop}.",
            "زلافة كبيرة بقاعدة مزينة بورود زرقاء، على تقاليد خزّافي فاس التي تحافظ عليها {coop}.",
            "A large footed bowl painted with blue rosettes, in the Fez potters' tradition that "
            "the {coop} keeps alive."),
        usage=Tr(
            "Pour les fruits, les dattes ou les pâtisseries.",
            "للفواكه أو التمر أو الحلويات.",
            "For fruit, dates or pastries."),
        variants=(diameter(24, 1300, 180),),
    ),
    ProductSpec(
        key="tajine-vert", sku="TAJINE-VERT", category="poterie", product_type=CRAFT,
        picture="tagine_green", stock=(1, 10),
        name=Tr("Tajine vert {de}", "طاجين أخضر من {place}", "Green tagine from {place}"),
        text=Tr(
            "L'émail vert irrégulier de Tamegroute vient d'un mélange de manganèse et de cuivre. "
            "Les potiers de la {coop} cuisent encore dans les fours de terre du village.",
            "يأتي التزجيج الأخضر غير المنتظم لتامكروت من خليط المنغنيز والنحاس، وما يزال "
            "خزّافو {coop} يطهون في أفران القرية الطينية.",
            "Tamegroute's uneven green glaze comes from a mix of manganese and copper. The "
            "{coop}'s potters still fire in the village's earthen kilns."),
        usage=Tr(
            "Décoratif ou pour servir ; éviter le feu direct.",
            "للزينة أو للتقديم، ويُتجنب وضعه على النار مباشرة.",
            "Decorative or for serving; avoid direct flame."),
        variants=(diameter(25, 2600, 260), diameter(30, 3600, 340)),
    ),
    ProductSpec(
        key="bol-vert-tamegroute", sku="BOL-VERT", category="poterie", product_type=CRAFT,
        picture="bowls_green", stock=(3, 20),
        name=Tr("Bols verts {de}", "زلافات خضراء من {place}", "Green bowls from {place}"),
        text=Tr(
            "Petits bols à l'émail vert profond, chacun avec ses coulures uniques, tournés par la "
            "{coop}.",
            "زلافات صغيرة بتزجيج أخضر عميق، لكل منها سيلانه الفريد، من صنع {coop}.",
            "Small bowls in deep green glaze, each with its own drips, thrown by the {coop}."),
        usage=Tr(
            "Pour les olives, les amandes ou les épices sur la table.",
            "للزيتون أو اللوز أو التوابل على المائدة.",
            "For olives, almonds or spices on the table."),
        variants=(pack(2, 800, 85), pack(4, 1500, 160)),
    ),
    ProductSpec(
        key="jarre-verte", sku="JARRE-VERTE", category="poterie", product_type=CRAFT,
        picture="jar_pottery_green", stock=(1, 6),
        name=Tr("Jarre émaillée verte {de}", "جرة خضراء مزججة من {place}",
                "Green glazed jar from {place}"),
        text=Tr(
            "Une jarre à l'ancienne, jadis faite pour garder l'huile ou le smen, façonnée par la "
            "{coop}.",
            "جرة على الطريقة القديمة كانت تُستعمل لحفظ الزيت أو السمن، من صنع {coop}.",
            "An old-style jar once used to keep oil or smen butter, shaped by the {coop}."),
        usage=Tr(
            "En décoration, pour un bouquet sec ou des ustensiles.",
            "للزينة أو لباقة مجففة أو للأدوات.",
            "As decoration, for dried flowers or utensils."),
        variants=(height(30, 3000, 350), height(45, 5500, 560)),
    ),
    ProductSpec(
        key="tapis-ouzguita", sku="TAPIS-OUZGUITA", category="tapis", product_type=CRAFT,
        picture="carpet_red", stock=(1, 4),
        name=Tr("Tapis Ouzguita noué main {de}", "زربية أوزگيتة معقودة يدويًا من {place}",
                "Hand-knotted Ouzguita carpet from {place}"),
        text=Tr(
            "Laine de mouton filée à la main et teinte au henné, à la garance et à l'indigo : les "
            "tisserandes de la {coop} nouent chaque tapis sur un métier vertical pendant des "
            "semaines.",
            "صوف غنم مغزول باليد ومصبوغ بالحناء والفوّة والنيلة، تعقد نسّاجات {coop} كل زربية على "
            "منسج عمودي لأسابيع.",
            "Hand-spun wool dyed with henna, madder and indigo: the {coop}'s weavers knot each "
            "carpet on an upright loom for weeks."),
        usage=Tr(
            "Aspirer sans brosse rotative ; nettoyage à l'eau froide chez un spécialiste.",
            "يُنظف بالمكنسة دون فرشاة دوّارة، ويُغسل بالماء البارد عند مختص.",
            "Vacuum without a rotating brush; cold-water cleaning by a specialist."),
        variants=(rug(80, 120, 5000, 1800), rug(140, 200, 12000, 4500)),
    ),
    ProductSpec(
        key="tapis-zemmour", sku="TAPIS-ZEMMOUR", category="tapis", product_type=CRAFT,
        picture="carpet_red", stock=(1, 4),
        name=Tr("Tapis Zemmour {de}", "زربية زمور من {place}", "Zemmour carpet from {place}"),
        text=Tr(
            "Rouge profond, losanges et lignes brisées : le tapis Zemmour est tissé en laine "
            "locale par les femmes de la {coop}, qui en transmettent les motifs de mère en fille.",
            "أحمر عميق ومعينات وخطوط متكسرة: تنسج نساء {coop} زربية زمور من الصوف المحلي، "
            "ويتوارثن زخارفها من الأم إلى البنت.",
            "Deep red, diamonds and broken lines: the Zemmour carpet is woven in local wool by "
            "the women of the {coop}, who pass the patterns from mother to daughter."),
        usage=Tr(
            "Retourner de temps en temps pour une usure égale.",
            "يُقلب من حين لآخر ليتآكل بالتساوي.",
            "Turn it now and then so it wears evenly."),
        variants=(rug(100, 150, 7000, 2200), rug(150, 200, 12000, 3900)),
    ),
    ProductSpec(
        key="tapis-zayane", sku="TAPIS-ZAYANE", category="tapis", product_type=CRAFT,
        picture="carpet_dark", stock=(1, 4),
        name=Tr("Tapis Zayane {de}", "زربية زيان من {place}", "Zayane carpet from {place}"),
        text=Tr(
            "Épais et chaud, fait pour les hivers du Moyen Atlas, le tapis Zayane mêle le rouge "
            "et le noir. La {coop} le noue en laine de brebis de la région.",
            "زربية سميكة دافئة صُنعت لشتاء الأطلس المتوسط، يمتزج فيها الأحمر بالأسود، تعقدها "
            "{coop} من صوف نعاج المنطقة.",
            "Thick and warm, made for Middle Atlas winters, the Zayane carpet mixes red and "
            "black. The {coop} knots it in wool from local ewes."),
        usage=Tr(
            "À aérer au soleil une fois par saison.",
            "يُهوّى تحت الشمس مرة كل فصل.",
            "Air it in the sun once a season."),
        variants=(rug(100, 150, 8000, 2400), rug(150, 230, 14000, 4200)),
    ),
    ProductSpec(
        key="kilim-tisse", sku="KILIM", category="tapis", product_type=CRAFT,
        picture="carpet_kilim", stock=(1, 6),
        name=Tr("Kilim tissé à plat {de}", "حنبل منسوج من {place}",
                "Flat-woven kilim from {place}"),
        text=Tr(
            "Léger, réversible, à bandes colorées : le kilim de la {coop} est tissé à plat sans "
            "nœuds, comme les couvertures hanbel.",
            "حنبل {coop} خفيف بوجهين وخطوط ملونة، يُنسج مسطحًا دون عقد كأغطية الحنبل.",
            "Light, reversible and striped: the {coop}'s kilim is flat-woven without knots, like "
            "hanbel blankets."),
        usage=Tr(
            "Au sol, sur un canapé ou en tenture murale.",
            "على الأرض أو على الأريكة أو معلّقًا على الحائط.",
            "On the floor, over a sofa or as a wall hanging."),
        variants=(rug(90, 150, 3000, 950), rug(150, 230, 6000, 1900)),
    ),
    ProductSpec(
        key="coussin-kilim", sku="COUSSIN", category="tapis", product_type=CRAFT,
        picture="cushion", stock=(2, 15),
        name=Tr("Housse de coussin tissée {de}", "غطاء وسادة منسوج من {place}",
                "Woven cushion cover from {place}"),
        text=Tr(
            "Tissée avec les fils restant des grands tapis, chaque housse de la {coop} est unique.",
            "يُنسج كل غطاء من خيوط الزرابي الكبيرة المتبقية، فكل غطاء لدى {coop} فريد.",
            "Woven from yarn left over from the large carpets, every cover from the {coop} is "
            "one of a kind."),
        usage=Tr(
            "Housse seule, fermeture à boutons ; lavage à froid.",
            "غطاء فقط بأزرار، ويُغسل بالماء البارد.",
            "Cover only, button closure; cold wash."),
        variants=(rug(45, 45, 450, 220), rug(60, 60, 650, 290)),
    ),
    ProductSpec(
        key="pouf-cuir", sku="POUF", category="cuir", product_type=CRAFT,
        picture="pouf", stock=(1, 10),
        name=Tr("Pouf en cuir brodé {de}", "بوف جلدي مطرّز من {place}",
                "Embroidered leather pouf from {place}"),
        text=Tr(
            "Cuir de chèvre tanné dans les cuves de la médina, découpé et brodé au fil de soie "
            "par les artisans de la {coop}. Livré vide, à garnir.",
            "جلد ماعز مدبوغ في مدابغ المدينة القديمة، يقصه صنّاع {coop} ويطرزونه بخيط الحرير. "
            "يُسلّم فارغًا ليُحشى.",
            "Goatskin tanned in the medina's vats, cut and embroidered with silk thread by the "
            "{coop}'s artisans. Delivered empty, ready to stuff."),
        usage=Tr(
            "Nourrir le cuir une fois par an avec une cire incolore.",
            "يُغذّى الجلد مرة في السنة بشمع شفاف.",
            "Feed the leather once a year with a colourless wax."),
        variants=(diameter(50, 1800, 550),),
    ),
    ProductSpec(
        key="sac-cuir", sku="SAC-CUIR", category="cuir", product_type=CRAFT,
        picture="bag", stock=(1, 10),
        name=Tr("Sac cabas en cuir {de}", "حقيبة جلدية من {place}",
                "Leather tote bag from {place}"),
        text=Tr(
            "Un grand cabas en cuir de vache au tannage végétal, cousu à la main par la {coop}.",
            "حقيبة كبيرة من جلد البقر المدبوغ نباتيًا، تخيطها {coop} باليد.",
            "A large tote in vegetable-tanned cowhide, stitched by hand by the {coop}."),
        usage=Tr(
            "Le cuir fonce et se patine avec le temps.",
            "يغمق الجلد ويكتسب لمعانًا مع الوقت.",
            "The leather darkens and gains a patina over time."),
        variants=(piece(900, 590),),
    ),
    ProductSpec(
        key="babouches-cuir", sku="BABOUCHES", category="cuir", product_type=CRAFT,
        picture="babouches", stock=(1, 12),
        name=Tr("Babouches en cuir {de}", "بلغة جلدية من {place}",
                "Leather babouches from {place}"),
        text=Tr(
            "Semelle cousue, cuir souple teint au safran : les babouches jaunes de la {coop} se "
            "portent à la maison comme pour les fêtes.",
            "نعل مخيط وجلد لين مصبوغ بالزعفران: بلغة {coop} الصفراء تُلبس في البيت وفي الأعياد.",
            "Stitched soles and soft leather dyed with saffron: the {coop}'s yellow babouches are "
            "worn at home and on feast days."),
        usage=Tr(
            "Elles se font au pied en quelques jours.",
            "تتشكل على القدم في أيام قليلة.",
            "They mould to the foot within a few days."),
        variants=(shoe(38, 180), shoe(40, 180), shoe(42, 190)),
    ),
]
