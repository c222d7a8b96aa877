"""The demo channel, category tree, product types, quality labels and terroir places.

The places and their geographical indications come from the project's terroir data (regions and
typical products by place); everything written about them here is CoopStore's own text.
"""
from __future__ import annotations

from dataclasses import dataclass

from .text import Tr

CHANNEL = {"slug": "maroc", "name": "Maroc", "currency_code": "MAD", "default_country": "MA"}


@dataclass(frozen=True)
class CategorySpec:
    slug: str
    name: Tr
    description: Tr
    parent: str | None = None


def _cat(slug: str, fr: str, ar: str, en: str, desc: Tr, parent: str | None = None
         ) -> CategorySpec:
    return CategorySpec(slug=slug, name=Tr(fr, ar, en), description=desc, parent=parent)


# Parents come before their children.
CATEGORIES: list[CategorySpec] = [
    _cat("huiles", "Huiles", "الزيوت", "Oils", Tr(
        "Huiles d'argan et d'olive pressées par les coopératives, de l'arbre à la bouteille.",
        "زيوت الأركان والزيتون تعصرها التعاونيات، من الشجرة إلى القارورة.",
        "Argan and olive oils pressed by the cooperatives, from the tree to the bottle.")),
    _cat("huile-argan-alimentaire", "Huile d'argan alimentaire", "زيت الأركان الغذائي",
         "Culinary argan oil", Tr(
             "Huile issue d'amandons torréfiés, au goût de noisette, pour la table.",
             "زيت من لوز الأركان المحمّص، بنكهة البندق، للمائدة.",
             "Oil from roasted kernels with a hazelnut taste, for the table."), "huiles"),
    _cat("huile-argan-cosmetique", "Huile d'argan cosmétique", "زيت الأركان التجميلي",
         "Cosmetic argan oil", Tr(
             "Huile pressée à froid d'amandons crus, pour la peau et les cheveux.",
             "زيت معصور على البارد من لوز خام، للبشرة والشعر.",
             "Cold-pressed oil from raw kernels, for skin and hair."), "huiles"),
    _cat("huile-olive", "Huile d'olive", "زيت الزيتون", "Olive oil", Tr(
        "Huiles d'olive vierges extra des vergers du Nord, du Moyen Atlas et du Haouz.",
        "زيوت زيتون بكر ممتازة من بساتين الشمال والأطلس المتوسط والحوز.",
        "Extra virgin olive oils from the orchards of the North, the Middle Atlas and the Haouz."),
        "huiles"),
    _cat("epices-safran", "Épices & safran", "التوابل والزعفران", "Spices & saffron", Tr(
        "Le safran des montagnes du Siroua, les herbes et les mélanges du terroir.",
        "زعفران جبال سيروا والأعشاب والخلطات المحلية.",
        "Saffron from the Siroua mountains, herbs and local blends.")),
    _cat("safran", "Safran", "الزعفران", "Saffron", Tr(
        "Pistils cueillis et séchés à la main, à l'automne.",
        "مياسم تُقطف وتُجفف يدويًا في الخريف.",
        "Stigmas picked and dried by hand in the autumn."), "epices-safran"),
    _cat("herbes-infusions", "Herbes & infusions", "الأعشاب والنقيعات", "Herbs & infusions", Tr(
        "Herbes aromatiques séchées à l'ombre et mélanges pour le thé.",
        "أعشاب عطرية مجففة في الظل وخلطات للشاي.",
        "Aromatic herbs dried in the shade and blends for tea."), "epices-safran"),
    _cat("miels", "Miels", "العسل", "Honey", Tr(
        "Miels de montagne, de plaine et d'arganier, récoltés par des apiculteurs coopérateurs.",
        "عسل الجبال والسهول والأركان، يجنيه نحّالون متعاونون.",
        "Mountain, lowland and argan honeys gathered by cooperative beekeepers.")),
    _cat("dattes-fruits", "Dattes & fruits", "التمور والفواكه", "Dates & fruit", Tr(
        "Dattes des oasis, amandes, fruits secs et agrumes de saison.",
        "تمور الواحات واللوز والفواكه الجافة والحوامض الموسمية.",
        "Oasis dates, almonds, dried fruit and seasonal citrus.")),
    _cat("dattes", "Dattes", "التمور", "Dates", Tr(
        "Mejhoul, Aziza, Boufeggous et variétés des palmeraies du Sud.",
        "المجهول والعزيزة وبوفقوس وأصناف واحات الجنوب.",
        "Mejhoul, Aziza, Boufeggous and varieties from the southern palm groves."),
        "dattes-fruits"),
    _cat("fruits-secs", "Amandes & fruits secs", "اللوز والفواكه الجافة",
         "Almonds & dried fruit", Tr(
             "Amandes beldi, figues et cerises séchées au soleil.",
             "لوز بلدي وتين وكرز مجفف تحت الشمس.",
             "Beldi almonds, figs and cherries dried in the sun."), "dattes-fruits"),
    _cat("agrumes", "Agrumes", "الحوامض", "Citrus", Tr(
        "Clémentines et fruits de la plaine de la Moulouya, en saison.",
        "كليمنتين وفواكه سهل ملوية، في موسمها.",
        "Clementines and fruit from the Moulouya plain, in season."), "dattes-fruits"),
    _cat("epicerie-fine", "Épicerie fine", "البقالة الرفيعة", "Fine foods", Tr(
        "Confitures, pâtes à tartiner et conserves préparées en petites séries.",
        "مربيات ومعاجين وأطعمة محفوظة تُحضّر بكميات صغيرة.",
        "Jams, spreads and preserves made in small batches.")),
    _cat("confitures", "Confitures", "المربيات", "Jams", Tr(
        "Fruits du verger cuits lentement, peu sucrés.",
        "فواكه البساتين مطبوخة ببطء وقليلة السكر.",
        "Orchard fruit cooked slowly, lightly sweetened."), "epicerie-fine"),
    _cat("amlou-pates", "Amlou & pâtes", "أملو والمعاجين", "Amlou & spreads", Tr(
        "Amlou, pâte et sirop de dattes : les douceurs du petit-déjeuner marocain.",
        "أملو ومعجون التمر ورُبّه: حلاوة الفطور المغربي.",
        "Amlou, date paste and date syrup: the sweet side of a Moroccan breakfast."),
        "epicerie-fine"),
    _cat("conserves", "Conserves", "المصبّرات", "Preserves", Tr(
        "Tomates et légumes du Sud mis en bocaux au moment de la récolte.",
        "طماطم وخضر الجنوب تُعبّأ في برطمانات وقت الجني.",
        "Southern tomatoes and vegetables put in jars at harvest time."), "epicerie-fine"),
    _cat("cereales-couscous", "Céréales & couscous", "الحبوب والكسكس", "Grains & couscous", Tr(
        "Couscous roulé à la main, belboula d'orge et semoules de blé dur.",
        "كسكس مفتول باليد وبلبولة الشعير وسميد القمح الصلب.",
        "Hand-rolled couscous, barley belboula and durum wheat semolina.")),
    _cat("fromages-laitages", "Fromages & laitages", "الأجبان ومشتقات الحليب",
         "Cheese & dairy", Tr(
             "Fromages de chèvre du Rif et produits au lait de chamelle du Sahara.",
             "أجبان الماعز من الريف ومنتجات حليب النوق من الصحراء.",
             "Goat cheese from the Rif and camel milk products from the Sahara.")),
    _cat("cosmetiques-naturels", "Cosmétiques naturels", "مستحضرات التجميل الطبيعية",
         "Natural cosmetics", Tr(
             "Savons, argiles, eaux florales et huiles de soin du hammam marocain.",
             "صابون وطين ومياه زهرية وزيوت عناية من الحمّام المغربي.",
             "Soaps, clays, floral waters and care oils of the Moroccan hammam.")),
    _cat("savons", "Savons", "الصابون", "Soaps", Tr(
        "Savons saponifiés à froid et savon noir beldi.",
        "صابون مصنوع على البارد وصابون بلدي أسود.",
        "Cold-process soaps and black beldi soap."), "cosmetiques-naturels"),
    _cat("rhassoul", "Rhassoul", "الغاسول", "Rhassoul clay", Tr(
        "L'argile lavante de la Moulouya, en poudre ou en plaquettes.",
        "طين ملوية الغاسل، مسحوقًا أو ألواحًا.",
        "The washing clay of the Moulouya, as powder or flakes."), "cosmetiques-naturels"),
    _cat("eau-de-rose", "Eau de rose", "ماء الورد", "Rose water", Tr(
        "Eau florale et boutons de la rose de la vallée du Dadès.",
        "ماء زهري وبراعم ورد وادي دادس.",
        "Floral water and buds of the Dades valley rose."), "cosmetiques-naturels"),
    _cat("soins", "Huiles & soins", "الزيوت ومستحضرات العناية", "Care oils & creams", Tr(
        "Huiles précieuses, crèmes et henné pour le corps et les cheveux.",
        "زيوت نفيسة وكريمات وحناء للجسم والشعر.",
        "Precious oils, creams and henna for body and hair."), "cosmetiques-naturels"),
    _cat("artisanat", "Artisanat", "الصناعة التقليدية", "Crafts", Tr(
        "Poteries, tapis et cuirs façonnés à la main par les artisanes et artisans.",
        "فخار وزرابي وجلود تصنعها أيادي الصانعات والصناع.",
        "Pottery, carpets and leather made by hand by craftswomen and craftsmen.")),
    _cat("poterie", "Poterie", "الفخار", "Pottery", Tr(
        "Tajines, plats et bols de Safi, de Fès et de Tamegroute.",
        "طواجين وأطباق وزلافات من آسفي وفاس وتامكروت.",
        "Tagines, dishes and bowls from Safi, Fez and Tamegroute."), "artisanat"),
    _cat("tapis", "Tapis & tissages", "الزرابي والمنسوجات", "Carpets & weaving", Tr(
        "Tapis de laine nouée et tissages des tribus de l'Atlas.",
        "زرابي صوف معقودة ومنسوجات قبائل الأطلس.",
        "Hand-knotted wool carpets and weavings of the Atlas tribes."), "artisanat"),
    _cat("cuir", "Cuir", "الجلد", "Leather", Tr(
        "Babouches, poufs et sacs en cuir tanné à la main.",
        "بلاغي وبوفات وحقائب من جلد مدبوغ يدويًا.",
        "Babouches, poufs and bags in hand-tanned leather."), "artisanat"),
    _cat("produits-de-la-mer", "Produits de la mer", "منتجات البحر", "From the sea", Tr(
        "Sel marin, poisson séché et algues de la baie de Dakhla.",
        "ملح بحري وسمك مجفف وطحالب من خليج الداخلة.",
        "Sea salt, dried fish and seaweed from the bay of Dakhla.")),
]


@dataclass(frozen=True)
class ProductTypeSpec:
    slug: str
    name: str
    is_shipping_required: bool = True


PRODUCT_TYPES = [
    ProductTypeSpec("alimentaire", "Produit alimentaire"),
    ProductTypeSpec("cosmetique", "Cosmétique naturel"),
    ProductTypeSpec("artisanat", "Artisanat"),
]


@dataclass(frozen=True)
class LabelSpec:
    slug: str
    kind: str
    code: str  # short code used in certificate references
    name: Tr


LABELS: list[LabelSpec] = [
    LabelSpec("igp-argane", "IGP", "ARG", Tr(
        "IGP Argane", "بيان جغرافي محمي أركان", "Argane PGI")),
    LabelSpec("aop-safran-de-taliouine", "AOP", "SAF", Tr(
        "AOP Safran de Taliouine", "تسمية منشأ محمية زعفران تالوين",
        "Taliouine Saffron PDO")),
    LabelSpec("aop-huile-dolive-tyout-chiadma", "AOP", "TYC", Tr(
        "AOP Huile d'olive Tyout Chiadma", "تسمية منشأ محمية زيت زيتون تيوت الشياظمة",
        "Tyout Chiadma Olive Oil PDO")),
    LabelSpec("igp-rose-de-kelaat-mgouna-dades", "IGP", "ROS", Tr(
        "IGP Rose de Kelaat M'Gouna-Dadès", "بيان جغرافي محمي ورد قلعة مكونة-دادس",
        "Kelaat M'Gouna-Dades Rose PGI")),
    LabelSpec("igp-dattes-majhoul-de-tafilalet", "IGP", "MJH", Tr(
        "IGP Dattes Majhoul de Tafilalet", "بيان جغرافي محمي تمر المجهول لتافيلالت",
        "Tafilalet Majhoul Dates PGI")),
    LabelSpec("igp-figue-de-barbarie-ait-baamrane", "IGP", "FDB", Tr(
        "IGP Figue de Barbarie Aït Baâmrane", "بيان جغرافي محمي التين الشوكي آيت باعمران",
        "Ait Baamrane Prickly Pear PGI")),
    LabelSpec("igp-miel-deuphorbe-tadla-azilal", "IGP", "MEU", Tr(
        "IGP Miel d'euphorbe Tadla-Azilal", "بيان جغرافي محمي عسل الدغموس تادلة-أزيلال",
        "Tadla-Azilal Euphorbia Honey PGI")),
    LabelSpec("igp-fromage-de-chevre-de-chefchaouen", "IGP", "FCC", Tr(
        "IGP Fromage de chèvre de Chefchaouen", "بيان جغرافي محمي جبن الماعز لشفشاون",
        "Chefchaouen Goat Cheese PGI")),
    LabelSpec("igp-clementine-de-berkane", "IGP", "CLB", Tr(
        "IGP Clémentine de Berkane", "بيان جغرافي محمي كليمنتين بركان",
        "Berkane Clementine PGI")),
    LabelSpec("aop-dattes-aziza-bouzid-de-figuig", "AOP", "AZF", Tr(
        "AOP Dattes Aziza Bouzid de Figuig", "تسمية منشأ محمية تمر عزيزة بوزيد فجيج",
        "Figuig Aziza Bouzid Dates PDO")),
    LabelSpec("bio", "ORGANIC", "BIO", Tr("Bio", "عضوي", "Organic")),
    LabelSpec("commerce-equitable", "FAIR_TRADE", "CEQ", Tr(
        "Commerce équitable", "تجارة منصفة", "Fair trade")),
]

ORGANIC = "bio"
FAIR_TRADE = "commerce-equitable"


@dataclass(frozen=True)
class Place:
    """A terroir place: a city of the City table, and its geographical indication if any."""

    city_slug: str
    lat: float
    lon: float
    de_fr: str  # "de Taroudant" / "d'Essaouira", for French names
    label: str | None = None


PLACES: dict[str, Place] = {p.city_slug: p for p in [
    Place("taliouine", 30.5312, -7.9236, "de Taliouine", "aop-safran-de-taliouine"),
    Place("taroudant", 30.4703, -8.8769, "de Taroudant", "igp-argane"),
    Place("tafraout", 29.7203, -8.9756, "de Tafraout"),
    Place("tiznit", 29.6974, -9.7316, "de Tiznit", "igp-argane"),
    Place("essaouira", 31.5085, -9.7595, "d'Essaouira", "igp-argane"),
    Place("safi", 32.2994, -9.2372, "de Safi"),
    Place("chichaoua", 31.5450, -8.7640, "de Chichaoua", "aop-huile-dolive-tyout-chiadma"),
    Place("kelaat-mgouna", 31.2410, -6.1284, "de Kelaat M'Gouna",
          "igp-rose-de-kelaat-mgouna-dades"),
    Place("errachidia", 31.9314, -4.4244, "d'Errachidia", "igp-dattes-majhoul-de-tafilalet"),
    Place("zagora", 30.3324, -5.8384, "de Zagora"),
    Place("tamegroute", 30.2600, -5.6800, "de Tamegroute"),
    Place("taznakht", 30.5784, -7.2024, "de Taznakht"),
    Place("sidi-ifni", 29.3797, -10.1731, "de Sidi Ifni", "igp-figue-de-barbarie-ait-baamrane"),
    Place("guelmim", 28.9870, -10.0574, "de Guelmim"),
    Place("azilal", 31.9616, -6.5718, "d'Azilal", "igp-miel-deuphorbe-tadla-azilal"),
    Place("khenifra", 32.9349, -5.6616, "de Khénifra"),
    Place("beni-mellal", 32.3373, -6.3498, "de Béni Mellal"),
    Place("meknes", 33.8935, -5.5473, "de Meknès"),
    Place("missour", 33.0472, -3.9922, "de Missour"),
    Place("sefrou", 33.8305, -4.8353, "de Sefrou"),
    Place("fes", 34.0331, -5.0003, "de Fès"),
    Place("chefchaouen", 35.1688, -5.2636, "de Chefchaouen",
          "igp-fromage-de-chevre-de-chefchaouen"),
    Place("ouezzane", 34.7969, -5.5796, "d'Ouezzane"),
    Place("berkane", 34.9200, -2.3200, "de Berkane", "igp-clementine-de-berkane"),
    Place("figuig", 32.1090, -1.2290, "de Figuig", "aop-dattes-aziza-bouzid-de-figuig"),
    Place("khemisset", 33.8240, -6.0660, "de Khémisset"),
    Place("kenitra", 34.2610, -6.5802, "de Kénitra"),
    Place("settat", 33.0010, -7.6166, "de Settat"),
    Place("el-jadida", 33.2316, -8.5007, "d'El Jadida"),
    Place("laayoune", 27.1253, -13.1625, "de Laâyoune"),
    Place("dakhla", 23.6848, -15.9580, "de Dakhla"),
]}
