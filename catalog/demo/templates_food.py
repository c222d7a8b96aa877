"""Product templates: oils, saffron and herbs, honey."""
from __future__ import annotations

from .specs import ProductSpec, g, kg, litre, ml
from .text import Tr

FOOD = "alimentaire"

OILS = [
    ProductSpec(
        key="huile-argan-alimentaire", sku="ARGAN-ALIM", category="huile-argan-alimentaire",
        product_type=FOOD, picture="argan_oil", gi="igp-argane", organic=True,
        name=Tr("Huile d'argan alimentaire {de}", "زيت الأركان الغذائي من {place}",
                "Culinary argan oil from {place}"),
        text=Tr(
            "Les amandons sont légèrement torréfiés avant d'être pressés par la {coop}, dans "
            "l'arganeraie qui entoure {place}. Filtrée doucement, l'huile ambrée garde un "
            "parfum franc de noisette grillée.",
            "تُحمَّص حبات لوز الأركان قليلًا قبل أن تعصرها {coop} في غابة الأركان المحيطة "
            "بمدينة {place}. ويحتفظ الزيت الكهرماني المصفّى برفق برائحة البندق المحمّص.",
            "The kernels are lightly roasted before the {coop} presses them, in the argan "
            "forest around {place}. Gently filtered, the amber oil keeps a clear scent of "
            "toasted hazelnut."),
        usage=Tr(
            "Un filet sur un couscous, une salade de tomates ou du pain chaud suffit. À garder à "
            "l'abri de la lumière et à consommer dans les six mois après ouverture.",
            "تكفي بضع قطرات على الكسكس أو سلطة الطماطم أو الخبز الساخن. يُحفظ بعيدًا عن الضوء "
            "ويُستهلك خلال ستة أشهر من فتحه.",
            "A drizzle over couscous, a tomato salad or warm bread is all it needs. Keep away "
            "from light and use within six months of opening."),
        variants=(ml(250, 480, 185), ml(500, 850, 340), litre(1, 1550, 640)),
    ),
    ProductSpec(
        key="huile-argan-cosmetique", sku="ARGAN-COSM", category="huile-argan-cosmetique",
        product_type="cosmetique", picture="dropper_argan", gi="igp-argane", organic=True,
        name=Tr("Huile d'argan cosmétique {de}", "زيت الأركان التجميلي من {place}",
                "Cosmetic argan oil from {place}"),
        text=Tr(
            "Pressée à froid à partir d'amandons crus, cette huile de la {coop} est presque "
            "inodore et pénètre vite. Chaque lot est tracé jusqu'aux familles de cueilleuses "
            "des environs {de}.",
            "يُعصر هذا الزيت على البارد من لوز أركان خام لدى {coop}، فيكاد يكون بلا رائحة "
            "ويتشربه الجلد بسرعة. ويمكن تتبع كل دفعة حتى أسر الجامعات في نواحي {place}.",
            "Cold-pressed from raw kernels, this oil from the {coop} is almost odourless and "
            "sinks in quickly. Every batch can be traced to the gathering families around "
            "{place}."),
        usage=Tr(
            "Quelques gouttes sur le visage le soir, sur les pointes des cheveux ou sur les "
            "ongles. Usage externe uniquement.",
            "بضع قطرات على الوجه مساءً أو على أطراف الشعر أو على الأظافر. للاستعمال الخارجي "
            "فقط.",
            "A few drops on the face at night, on the ends of the hair or on the nails. For "
            "external use only."),
        variants=(ml(50, 150, 95), ml(100, 260, 165), ml(250, 480, 320)),
    ),
    ProductSpec(
        key="huile-olive-vierge-extra", sku="OLIVE-EV", category="huile-olive",
        product_type=FOOD, picture="olive_oil", gi="aop-huile-dolive-tyout-chiadma",
        organic=True,
        name=Tr("Huile d'olive vierge extra {de}", "زيت زيتون بكر ممتاز من {place}",
                "Extra virgin olive oil from {place}"),
        text=Tr(
            "Les olives Picholine marocaine sont cueillies à la main au début de l'hiver et "
            "triturées à froid dans les vingt-quatre heures par la {coop}. L'huile, verte et "
            "fruitée, finit sur une pointe d'amertume.",
            "يُجنى زيتون البيشولين المغربي باليد في بداية الشتاء، وتعصره {coop} على البارد "
            "في غضون أربع وعشرين ساعة. زيت أخضر فوّاح بطعم الفاكهة ومرارة خفيفة في آخره.",
            "Moroccan Picholine olives are picked by hand at the start of winter and cold-"
            "milled within twenty-four hours by the {coop}. The oil is green and fruity, with "
            "a light bitter finish."),
        usage=Tr(
            "Parfaite sur le pain du matin, dans une salade ou pour finir un tajine. À conserver "
            "au frais, bouchon fermé.",
            "مثالي مع خبز الصباح أو في السلطة أو لتتويج الطاجين. يُحفظ في مكان بارد ومغلقًا "
            "بإحكام.",
            "Perfect with morning bread, in a salad or to finish a tagine. Keep cool with the "
            "cap closed."),
        variants=(ml(500, 800, 65), litre(1, 1450, 110), litre(3, 3400, 300)),
    ),
    ProductSpec(
        key="huile-olive-thym", sku="OLIVE-THYM", category="huile-olive", product_type=FOOD,
        picture="olive_oil",
        name=Tr("Huile d'olive au thym sauvage {de}", "زيت زيتون بالزعتر البري من {place}",
                "Olive oil with wild thyme from {place}"),
        text=Tr(
            "La {coop} laisse infuser des brins de thym cueillis sur les collines autour {de} "
            "dans son huile d'olive vierge extra pendant trois semaines.",
            "تنقع {coop} أغصان الزعتر المقطوفة من تلال {place} في زيت الزيتون البكر الممتاز "
            "لمدة ثلاثة أسابيع.",
            "The {coop} steeps sprigs of thyme from the hills around {place} in its extra "
            "virgin olive oil for three weeks."),
        usage=Tr(
            "Sur des grillades, des légumes rôtis ou un fromage frais.",
            "على المشويات أو الخضر المشوية أو الجبن الطري.",
            "Over grilled meat, roasted vegetables or fresh cheese."),
        variants=(ml(250, 450, 55),),
    ),
    ProductSpec(
        key="olives-vertes-cassees", sku="OLIVES-VERTES", category="conserves",
        product_type=FOOD, picture="olives",
        name=Tr("Olives vertes cassées {de}", "زيتون أخضر مرضوض من {place}",
                "Cracked green olives from {place}"),
        text=Tr(
            "Cassées une à une puis adoucies à l'eau claire, les olives de la {coop} sont "
            "marinées au citron confit, à l'ail et au piment doux.",
            "تُرضّ حبات الزيتون واحدة واحدة ثم تُحلّى بالماء الصافي، وتتبلها {coop} بالحامض "
            "المصبّر والثوم والفلفل الحلو.",
            "Cracked one by one then sweetened in clear water, the {coop}'s olives are "
            "marinated with preserved lemon, garlic and mild pepper."),
        usage=Tr(
            "À servir à l'apéritif ou dans un tajine de poulet. Après ouverture, garder au frais "
            "couvertes de leur saumure.",
            "تُقدّم مع المقبلات أو في طاجين الدجاج. بعد الفتح تُحفظ في الثلاجة مغمورة في "
            "محلولها.",
            "Serve as a snack or in a chicken tagine. Once opened, keep chilled in their brine."),
        variants=(g(500, 700, 30), kg(1, 1300, 55)),
    ),
    ProductSpec(
        key="olives-noires-beldi", sku="OLIVES-BELDI", category="conserves", product_type=FOOD,
        picture="olives_black",
        name=Tr("Olives noires beldi {de}", "زيتون أسود بلدي من {place}",
                "Beldi black olives from {place}"),
        text=Tr(
            "Récoltées bien mûres, ces olives sont séchées au sel selon la méthode transmise "
            "dans les familles de la {coop}, puis légèrement huilées.",
            "تُجنى هذه الحبات ناضجة تمامًا وتُجفف بالملح على الطريقة المتوارثة في أسر {coop}، "
            "ثم تُدهن بقليل من الزيت.",
            "Picked fully ripe, these olives are salt-cured the way the families of the {coop} "
            "have always done it, then lightly oiled."),
        usage=Tr(
            "Leur goût intense accompagne le pain, les œufs au khlii ou une salade d'oranges.",
            "يرافق طعمها القوي الخبز أو البيض بالخليع أو سلطة البرتقال.",
            "Their deep taste goes with bread, eggs with khlii or an orange salad."),
        variants=(g(500, 650, 38), kg(1, 1200, 70)),
    ),
]

SAFFRON_AND_HERBS = [
    ProductSpec(
        key="safran-pistils", sku="SAFRAN", category="safran", product_type=FOOD,
        picture="saffron", gi="aop-safran-de-taliouine", organic=True, stock=(10, 90),
        name=Tr("Safran en pistils {de}", "زعفران حر من {place}", "Saffron threads from {place}"),
        text=Tr(
            "Les fleurs de crocus sont cueillies à l'aube, entre fin octobre et mi-novembre, sur "
            "les terrasses autour {de}. Les membres de la {coop} séparent les stigmates à la main "
            "et les font sécher lentement à l'ombre.",
            "تُقطف أزهار الزعفران فجرًا بين أواخر أكتوبر ومنتصف نونبر في مدرجات نواحي "
            "{place}، ثم تفصل عضوات وأعضاء {coop} المياسم باليد وتجففها ببطء في الظل.",
            "The crocus flowers are picked at dawn, from late October to mid-November, on the "
            "terraces around {place}. Members of the {coop} separate the stigmas by hand and dry "
            "them slowly in the shade."),
        usage=Tr(
            "Faites infuser quelques pistils dans un peu d'eau tiède avant de les ajouter au "
            "tajine, au riz ou au thé. Une boîte se garde deux ans à l'abri de l'humidité.",
            "انقعوا بضعة خيوط في قليل من الماء الفاتر قبل إضافتها إلى الطاجين أو الأرز أو "
            "الشاي. تُحفظ العلبة سنتين بعيدًا عن الرطوبة.",
            "Steep a few threads in a little warm water before adding them to a tagine, rice or "
            "tea. A box keeps for two years away from moisture."),
        variants=(g(1, 40, 65), g(2, 45, 125), g(5, 60, 295)),
    ),
    ProductSpec(
        key="safran-sargol", sku="SAFRAN-SARGOL", category="safran", product_type=FOOD,
        picture="saffron", gi="aop-safran-de-taliouine", stock=(6, 60),
        name=Tr("Safran Sargol {de}, coupe supérieure", "زعفران سركول ممتاز من {place}",
                "Sargol saffron from {place}, top cut"),
        text=Tr(
            "Seule la partie rouge du stigmate est gardée : c'est la coupe la plus concentrée "
            "en arôme et en couleur. La {coop} la trie pistil par pistil.",
            "لا يُحتفظ إلا بالجزء الأحمر من الميسم، وهو الأغنى لونًا ورائحة. وتفرزه {coop} خيطًا "
            "خيطًا.",
            "Only the red tip of the stigma is kept: the cut richest in aroma and colour. The "
            "{coop} sorts it thread by thread."),
        usage=Tr(
            "Une pincée suffit pour quatre personnes. Conserver dans sa boîte fermée.",
            "رشة واحدة تكفي لأربعة أشخاص. يُحفظ في علبته مغلقة.",
            "A pinch is enough for four. Keep in its closed box."),
        variants=(g(1, 40, 78), g(3, 50, 220)),
    ),
    ProductSpec(
        key="infusion-safran-verveine", sku="INFUSION-SAFRAN", category="herbes-infusions",
        product_type=FOOD, picture="herbs",
        name=Tr("Infusion verveine et safran {de}", "منقوع اللويزة والزعفران من {place}",
                "Lemon verbena and saffron infusion from {place}"),
        text=Tr(
            "Des feuilles de verveine séchées à l'ombre, relevées de quelques pistils de safran "
            "de la {coop}.",
            "أوراق لويزة مجففة في الظل تُعطّرها خيوط من زعفران {coop}.",
            "Lemon verbena leaves dried in the shade, lifted by a few saffron threads from the "
            "{coop}."),
        usage=Tr(
            "Une cuillère pour une théière, cinq minutes d'infusion, sans sucre de préférence.",
            "ملعقة لإبريق واحد، ونقع لخمس دقائق، ويُفضّل دون سكر.",
            "One spoonful per teapot, five minutes of steeping, best without sugar."),
        variants=(g(50, 120, 45),),
    ),
    ProductSpec(
        key="origan-zaatar", sku="ZAATAR", category="herbes-infusions", product_type=FOOD,
        picture="herbs", organic=True,
        name=Tr("Zaatar, origan sauvage {de}", "زعتر بري من {place}",
                "Zaatar, wild oregano from {place}"),
        text=Tr(
            "Cueilli en fleur dans les champs autour {de}, le zaatar est séché à l'ombre puis "
            "émietté par la {coop}.",
            "يُقطف الزعتر مزهرًا من حقول {place}، ثم تجففه {coop} في الظل وتفتته.",
            "Picked in flower in the fields around {place}, the zaatar is dried in the shade and "
            "crumbled by the {coop}."),
        usage=Tr(
            "Dans le thé d'hiver, sur le pain à l'huile d'olive ou dans une harira.",
            "في شاي الشتاء أو على الخبز بزيت الزيتون أو في الحريرة.",
            "In winter tea, on bread with olive oil or in a harira soup."),
        variants=(g(50, 110, 20), g(100, 170, 35)),
    ),
    ProductSpec(
        key="verveine-sechee", sku="VERVEINE", category="herbes-infusions", product_type=FOOD,
        picture="herbs",
        name=Tr("Verveine odorante séchée {de}", "لويزة مجففة من {place}",
                "Dried lemon verbena from {place}"),
        text=Tr(
            "Les feuilles entières de louiza sont cueillies avant la floraison dans les jardins "
            "des membres de la {coop}.",
            "تُقطف أوراق اللويزة كاملة قبل الإزهار من حدائق أعضاء {coop}.",
            "Whole louiza leaves are picked before flowering in the gardens of the {coop}'s "
            "members."),
        usage=Tr(
            "En infusion le soir, seule ou avec la menthe du thé.",
            "منقوعًا في المساء، وحدها أو مع نعناع الشاي.",
            "As an evening infusion, on its own or with the mint of the tea."),
        variants=(g(50, 120, 22),),
    ),
    ProductSpec(
        key="menthe-nanah-sechee", sku="MENTHE", category="herbes-infusions",
        product_type=FOOD, picture="herbs",
        name=Tr("Menthe nanah séchée {de}", "نعناع مجفف من {place}",
                "Dried nanah mint from {place}"),
        text=Tr(
            "La menthe nanah des parcelles irriguées {de} est séchée à l'abri du soleil pour "
            "garder sa couleur et sa fraîcheur.",
            "يُجفف نعناع الحقول المسقية في {place} بعيدًا عن الشمس ليحافظ على لونه وانتعاشه.",
            "Nanah mint from the irrigated plots of {place} is dried out of the sun to keep its "
            "colour and freshness."),
        usage=Tr(
            "Pour le thé à la menthe quand la menthe fraîche manque.",
            "لشاي النعناع حين يغيب النعناع الطري.",
            "For mint tea when fresh mint is out of reach."),
        variants=(g(50, 110, 18),),
    ),
    ProductSpec(
        key="ras-el-hanout", sku="RAS-HANOUT", category="herbes-infusions", product_type=FOOD,
        picture="spices",
        name=Tr("Ras el hanout maison {de}", "رأس الحانوت البلدي من {place}",
                "House ras el hanout from {place}"),
        text=Tr(
            "Une vingtaine d'épices torréfiées et moulues sur place par la {coop}, selon le "
            "mélange de ses aînées.",
            "نحو عشرين نوعًا من التوابل تحمّصها {coop} وتطحنها في عين المكان حسب خلطة الكبيرات.",
            "Around twenty spices roasted and ground on site by the {coop}, following its elders' "
            "blend."),
        usage=Tr(
            "Une cuillère à café dans un tajine d'agneau, une mrouzia ou une soupe de lentilles.",
            "ملعقة صغيرة في طاجين الغنمي أو المروزية أو حساء العدس.",
            "A teaspoon in a lamb tagine, a mrouzia or a lentil soup."),
        variants=(g(100, 170, 35),),
    ),
    ProductSpec(
        key="armoise-chiba", sku="CHIBA", category="herbes-infusions", product_type=FOOD,
        picture="herbs",
        name=Tr("Chiba, armoise du désert {de}", "شيبة صحراوية من {place}",
                "Desert wormwood (chiba) from {place}"),
        text=Tr(
            "Dans le Sahara, on ajoute la chiba au thé d'hiver. La {coop} la cueille sur les "
            "regs après les pluies.",
            "في الصحراء تُضاف الشيبة إلى شاي الشتاء، وتجنيها {coop} من الأراضي الحجرية بعد "
            "الأمطار.",
            "In the Sahara, chiba goes into winter tea. The {coop} gathers it on the stony "
            "plains after the rains."),
        usage=Tr(
            "Un petit brin par théière : son amertume est puissante.",
            "غصن صغير لكل إبريق، فمرارتها قوية.",
            "One small sprig per teapot: its bitterness is strong."),
        variants=(g(50, 110, 20),),
    ),
]

HONEY = [
    ProductSpec(
        key="miel-euphorbe", sku="MIEL-EUPH", category="miels", product_type=FOOD,
        picture="honey_dark", gi="igp-miel-deuphorbe-tadla-azilal", stock=(8, 70),
        name=Tr("Miel d'euphorbe {de}", "عسل الدغموس من {place}",
                "Euphorbia honey from {place}"),
        text=Tr(
            "Les ruches de la {coop} transhument vers les pentes sèches où fleurit l'euphorbe "
            "résinifère. Ce miel ambré, rare, a une saveur poivrée qui pique agréablement la "
            "gorge.",
            "تنتقل خلايا {coop} إلى السفوح الجافة حيث يزهر الدغموس. عسل كهرماني نادر بطعم "
            "حار يلسع الحلق بلطف.",
            "The {coop}'s hives move up to the dry slopes where the resin spurge flowers. This "
            "rare amber honey has a peppery taste that pleasantly catches the throat."),
        usage=Tr(
            "Une cuillère le matin, nature ou dans une eau tiède. Il peut cristalliser : un bain-"
            "marie doux lui rend sa fluidité.",
            "ملعقة في الصباح، وحده أو في ماء فاتر. قد يتبلور، ويعيده حمام مائي خفيف إلى سيولته.",
            "A spoonful in the morning, plain or in warm water. It may crystallise: a gentle "
            "water bath makes it runny again."),
        variants=(g(250, 400, 130), g(500, 750, 250), kg(1, 1400, 480)),
    ),
    ProductSpec(
        key="miel-thym", sku="MIEL-THYM", category="miels", product_type=FOOD,
        picture="honey", organic=True,
        name=Tr("Miel de thym {de}", "عسل الزعتر من {place}", "Thyme honey from {place}"),
        text=Tr(
            "Récolté au printemps sur les plateaux autour {de}, ce miel de la {coop} est clair, "
            "très parfumé, avec une note herbacée.",
            "يُجنى هذا العسل في الربيع من هضاب {place}، وهو عسل فاتح اللون عطري بنفحة عشبية "
            "من {coop}.",
            "Gathered in spring on the plateaus around {place}, this honey from the {coop} is "
            "pale and fragrant, with a herbal note."),
        usage=Tr(
            "Sur le msemen chaud, dans une tisane ou avec un fromage de chèvre.",
            "على المسمن الساخن أو في النقيع أو مع جبن الماعز.",
            "On warm msemen, in a herbal tea or with goat cheese."),
        variants=(g(250, 400, 90), g(500, 750, 170)),
    ),
    ProductSpec(
        key="miel-jujubier", sku="MIEL-SIDR", category="miels", product_type=FOOD,
        picture="honey_dark", stock=(8, 60),
        name=Tr("Miel de jujubier (sidr) {de}", "عسل السدرة من {place}",
                "Jujube (sidr) honey from {place}"),
        text=Tr(
            "Le jujubier sauvage fleurit en été dans les plaines sèches. Les apiculteurs de la "
            "{coop} en tirent un miel épais, caramel, recherché pour l'hiver.",
            "تزهر السدرة البرية صيفًا في السهول الجافة، ويستخرج منها نحّالو {coop} عسلًا كثيفًا "
            "بلون الكراميل يُطلب في الشتاء.",
            "Wild jujube flowers in summer on the dry plains. The {coop}'s beekeepers draw a "
            "thick, caramel-coloured honey from it, sought after in winter."),
        usage=Tr(
            "À déguster à la cuillère ou dans un lait chaud.",
            "يُتذوق بالملعقة أو في حليب ساخن.",
            "Enjoy it by the spoonful or in warm milk."),
        variants=(g(250, 400, 150), g(500, 750, 280)),
    ),
    ProductSpec(
        key="miel-toutes-fleurs", sku="MIEL-FLEURS", category="miels", product_type=FOOD,
        picture="honey",
        name=Tr("Miel de montagne toutes fleurs {de}", "عسل جبلي متعدد الأزهار من {place}",
                "Wildflower mountain honey from {place}"),
        text=Tr(
            "Un miel de printemps qui mêle les fleurs des champs, des arbres fruitiers et des "
            "plantes aromatiques butinées autour {de}, extrait à froid par la {coop}.",
            "عسل ربيعي يجمع أزهار الحقول والأشجار المثمرة والنباتات العطرية حول {place}، "
            "تستخرجه {coop} على البارد.",
            "A spring honey blending field flowers, fruit trees and aromatic plants foraged "
            "around {place}, cold-extracted by the {coop}."),
        usage=Tr(
            "Pour le petit-déjeuner, les pâtisseries au miel et la chebakia.",
            "للفطور والحلويات بالعسل والشباكية.",
            "For breakfast, honey pastries and chebakia."),
        variants=(g(500, 750, 110), kg(1, 1400, 200)),
    ),
    ProductSpec(
        key="miel-oranger", sku="MIEL-ORANGER", category="miels", product_type=FOOD,
        picture="honey",
        name=Tr("Miel de fleur d'oranger {de}", "عسل زهر البرتقال من {place}",
                "Orange blossom honey from {place}"),
        text=Tr(
            "Quand les vergers d'agrumes fleurissent, les ruches de la {coop} y sont posées pour "
            "quelques semaines. Le miel est doux, floral et cristallise finement.",
            "حين تزهر بساتين الحوامض تضع {coop} خلاياها فيها لأسابيع. عسل لطيف بنكهة زهرية "
            "يتبلور بنعومة.",
            "When the citrus orchards bloom, the {coop} sets its hives among them for a few "
            "weeks. The honey is mild and floral and crystallises finely."),
        usage=Tr(
            "Sur les crêpes baghrir, dans un yaourt ou une salade d'oranges à la cannelle.",
            "على البغرير أو في الياغورت أو سلطة البرتقال بالقرفة.",
            "On baghrir pancakes, in yoghurt or an orange and cinnamon salad."),
        variants=(g(500, 750, 120), kg(1, 1400, 220)),
    ),
    ProductSpec(
        key="miel-eucalyptus", sku="MIEL-EUCA", category="miels", product_type=FOOD,
        picture="honey_dark",
        name=Tr("Miel d'eucalyptus {de}", "عسل الكاليبتوس من {place}",
                "Eucalyptus honey from {place}"),
        text=Tr(
            "Issu des eucalyptus de la forêt toute proche, ce miel de la {coop} est sombre, "
            "boisé et légèrement mentholé.",
            "يأتي هذا العسل من أشجار الكاليبتوس في الغابة القريبة، وهو داكن بنكهة خشبية ولمسة "
            "نعناعية من {coop}.",
            "From the eucalyptus of the nearby forest, this honey from the {coop} is dark, "
            "woody and faintly minty."),
        usage=Tr(
            "Apprécié l'hiver, dans une boisson chaude au citron.",
            "يُحب في الشتاء مع مشروب ساخن بالحامض.",
            "A winter favourite in a hot lemon drink."),
        variants=(g(500, 750, 100), kg(1, 1400, 180)),
    ),
    ProductSpec(
        key="miel-arganier", sku="MIEL-ARGAN", category="miels", product_type=FOOD,
        picture="honey_dark", stock=(5, 40),
        name=Tr("Miel d'arganier {de}", "عسل الأركان من {place}", "Argan honey from {place}"),
        text=Tr(
            "L'arganier ne fleurit que quelques semaines : ce miel de la {coop} est rare, "
            "dense et ambré, avec un goût de fruits secs.",
            "لا تزهر شجرة الأركان إلا لأسابيع قليلة، لذا فعسل {coop} هذا نادر وكثيف وكهرماني "
            "بطعم الفواكه الجافة.",
            "The argan tree flowers for only a few weeks: this honey from the {coop} is rare, "
            "dense and amber, tasting of dried fruit."),
        usage=Tr(
            "Mélangé à l'huile d'argan et aux amandes, il donne l'amlou.",
            "إذا خُلط بزيت الأركان واللوز صار أملو.",
            "Mixed with argan oil and almonds, it becomes amlou."),
        variants=(g(250, 400, 180), g(500, 750, 330)),
    ),
    ProductSpec(
        key="miel-safran", sku="MIEL-SAFRAN", category="miels", product_type=FOOD,
        picture="honey",
        name=Tr("Miel au safran {de}", "عسل بالزعفران من {place}", "Saffron honey from {place}"),
        text=Tr(
            "Un miel de montagne dans lequel la {coop} fait infuser ses propres pistils de "
            "safran : une couleur d'or et un parfum chaud.",
            "عسل جبلي تنقع فيه {coop} خيوط زعفرانها، فيكتسب لونًا ذهبيًا ورائحة دافئة.",
            "A mountain honey in which the {coop} steeps its own saffron threads: a golden colour "
            "and a warm scent."),
        usage=Tr(
            "À tartiner, ou à fondre dans un thé ou un lait chaud.",
            "للدهن أو للإذابة في الشاي أو الحليب الساخن.",
            "Spread it, or melt it into tea or warm milk."),
        variants=(g(250, 400, 120),),
    ),
    ProductSpec(
        key="pollen-frais", sku="POLLEN", category="miels", product_type=FOOD,
        picture="pollen",
        name=Tr("Pollen de fleurs {de}", "حبوب لقاح الأزهار من {place}",
                "Flower pollen from {place}"),
        text=Tr(
            "Récolté à l'entrée des ruches au printemps puis séché à basse température par la "
            "{coop}.",
            "يُجمع عند مداخل الخلايا في الربيع، ثم تجففه {coop} في حرارة منخفضة.",
            "Collected at the hive entrance in spring, then dried at low temperature by the "
            "{coop}."),
        usage=Tr(
            "Une cuillère à café par jour, dans un yaourt ou un jus.",
            "ملعقة صغيرة في اليوم، مع الياغورت أو العصير.",
            "A teaspoon a day, in yoghurt or juice."),
        variants=(g(100, 200, 45), g(250, 380, 95)),
    ),
]
