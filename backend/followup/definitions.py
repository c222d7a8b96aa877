"""The follow-up indicators: codes, units, sources and their definitions in fr/ar/en.

The single source of the definitions: the data migration loads them into
``IndicatorDefinition`` and ``definitions_sync`` refreshes the rows after a wording change.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Definition:
    code: str
    unit: str  # IndicatorUnit
    source: str  # IndicatorSource
    name: tuple[str, str, str]  # fr, ar, en
    text: tuple[str, str, str]


SALES = "sales"
ORDERS = "orders"
ACTIVE_PRODUCTS = "active_products"
REPEAT_CUSTOMERS = "repeat_customers"
SHORT_CIRCUIT_SHARE = "short_circuit_share"
PAYOUTS = "payouts"
PAID_TO_MEMBERS = "paid_to_members"
MEMBERS_PAID = "members_paid"
AVERAGE_MEMBER_INCOME = "average_member_income"
MEMBERS = "members"
MEMBERS_WOMEN = "members_women"
MEMBERS_YOUTH = "members_youth"
JOBS = "jobs"
TRAININGS = "trainings"
CERTIFICATIONS = "certifications"

C, D = "computed", "declared"

DEFINITIONS: tuple[Definition, ...] = (
    Definition(SALES, "mad", C, ("Ventes", "المبيعات", "Sales"), (
        "Somme des montants des lignes de la coopérative dans les commandes passées pendant le "
        "mois (heure du Maroc), hors commandes brouillon, annulées, expirées ou retournées — "
        "comme le tableau de bord de la coopérative. Livraison non comprise.",
        "مجموع مبالغ سطور التعاونية في الطلبات المسجلة خلال الشهر (بتوقيت المغرب)، باستثناء "
        "الطلبات المسودة أو الملغاة أو المنتهية أو المرجعة، كما في لوحة قيادة التعاونية. "
        "لا يشمل ثمن التوصيل.",
        "Sum of the cooperative's order-line totals of the orders placed in the month (Morocco "
        "time), excluding draft, cancelled, expired and returned orders, as the cooperative "
        "dashboard counts sales. Delivery is not included.")),
    Definition(ORDERS, "count", C, ("Commandes", "الطلبات", "Orders"), (
        "Nombre de commandes distinctes passées pendant le mois qui contiennent au moins une "
        "ligne de la coopérative (mêmes exclusions que les ventes).",
        "عدد الطلبات المختلفة المسجلة خلال الشهر والتي تتضمن سطرا واحدا على الأقل من منتجات "
        "التعاونية (بنفس استثناءات المبيعات).",
        "Number of distinct orders placed in the month with at least one line of the "
        "cooperative (same exclusions as sales).")),
    Definition(ACTIVE_PRODUCTS, "count", C, ("Produits actifs", "المنتجات النشطة",
                                              "Active products"), (
        "Produits de la coopérative publiés sur un canal au plus tard le dernier jour du mois, "
        "et qui ont été vendus pendant le mois ou ont du stock disponible. Le stock n'ayant pas "
        "d'historique, c'est le stock d'aujourd'hui qui compte pour un mois passé.",
        "منتجات التعاونية المنشورة في قناة بيع قبل نهاية الشهر أو في آخر يوم منه، والتي بيعت "
        "خلال الشهر أو لها مخزون متوفر. بما أن المخزون لا يحفظ تاريخه، يُعتمد مخزون اليوم "
        "بالنسبة للأشهر الماضية.",
        "Products of the cooperative published in a channel by the last day of the month that "
        "were sold in the month or have stock available. Stock has no history, so for a past "
        "month today's stock is used.")),
    Definition(REPEAT_CUSTOMERS, "count", C, ("Clients fidèles", "الزبناء الأوفياء",
                                               "Repeat customers"), (
        "Clients (reconnus par leur adresse e-mail) qui ont commandé à la coopérative pendant "
        "le mois et qui totalisent au moins deux commandes auprès d'elle jusqu'à la fin du mois.",
        "الزبناء (يُعرفون ببريدهم الإلكتروني) الذين طلبوا من التعاونية خلال الشهر ولهم طلبان "
        "على الأقل لديها إلى غاية نهاية الشهر.",
        "Customers (known by their email address) who ordered from the cooperative in the month "
        "and have at least two orders from it up to the month's end.")),
    Definition(SHORT_CIRCUIT_SHARE, "percent", C, (
        "Part livrée par un partenaire régional", "حصة التوصيل عبر شريك جهوي",
        "Share delivered by a regional partner"), (
        "Parmi les colis de la coopérative livrés pendant le mois, la part (en %) dont chaque "
        "partenaire de livraison de la chaîne dessert la région de la coopérative (circuit "
        "court). Vide quand aucun colis n'a été livré.",
        "من بين طرود التعاونية التي سُلمت خلال الشهر، النسبة المئوية للطرود التي يغطي كل "
        "شركاء التوصيل في سلسلتها جهة التعاونية (الدائرة القصيرة). فارغ إذا لم يُسلم أي طرد.",
        "Of the cooperative's parcels delivered in the month, the share (in %) whose every "
        "delivery partner in the chain serves the cooperative's region (short circuit). Empty "
        "when no parcel was delivered.")),
    Definition(PAYOUTS, "mad", C, ("Virements reçus", "التحويلات المستلمة",
                                   "Payouts received"), (
        "Somme des virements versés à la coopérative (statut payé) dont le paiement a été "
        "confirmé pendant le mois.",
        "مجموع التحويلات المدفوعة للتعاونية (بحالة مدفوع) التي تأكد أداؤها خلال الشهر.",
        "Sum of the payouts to the cooperative marked paid whose payment was confirmed in the "
        "month.")),
    Definition(PAID_TO_MEMBERS, "mad", C, ("Versé aux membres", "المدفوع للأعضاء",
                                           "Paid to members"), (
        "Montant distribué aux membres (après la réserve) par les répartitions de la "
        "coopérative dont la période se termine pendant le mois.",
        "المبلغ الموزع على الأعضاء (بعد الاحتياطي) في توزيعات التعاونية التي تنتهي فترتها "
        "خلال الشهر.",
        "Amount distributed to the members (after the reserve) by the cooperative's member "
        "distributions whose period ends in the month.")),
    Definition(MEMBERS_PAID, "count", C, ("Membres payés", "الأعضاء المستفيدون",
                                          "Members paid"), (
        "Nombre de membres qui ont reçu un montant non nul dans ces répartitions.",
        "عدد الأعضاء الذين حصلوا على مبلغ غير منعدم في هذه التوزيعات.",
        "Number of members who received a non-zero amount in those distributions.")),
    Definition(AVERAGE_MEMBER_INCOME, "mad", C, (
        "Revenu moyen par membre issu de CoopStore", "متوسط دخل العضو من كوب ستور",
        "Average member income from CoopStore"), (
        "Versé aux membres divisé par le nombre de membres payés, arrondi au centime. Vide "
        "quand aucun membre n'a été payé.",
        "المدفوع للأعضاء مقسوما على عدد الأعضاء المستفيدين، مقربا إلى السنتيم. فارغ إذا لم "
        "يُدفع لأي عضو.",
        "Paid to members divided by the number of members paid, rounded to the centime. Empty "
        "when no member was paid.")),
    Definition(MEMBERS, "count", D, ("Membres", "الأعضاء", "Members"), (
        "Nombre de membres (coopérants) à la fin du mois, déclaré par la coopérative ou son "
        "mentor.",
        "عدد الأعضاء (المتعاونين) في نهاية الشهر، كما صرحت به التعاونية أو مؤطرها.",
        "Number of members at the month's end, declared by the cooperative or its mentor.")),
    Definition(MEMBERS_WOMEN, "count", D, ("Membres femmes", "العضوات النساء",
                                           "Women members"), (
        "Parmi les membres, le nombre de femmes (déclaré).",
        "عدد النساء من بين الأعضاء (مصرح به).",
        "Of the members, the number of women (declared).")),
    Definition(MEMBERS_YOUTH, "count", D, ("Membres jeunes", "الأعضاء الشباب",
                                           "Young members"), (
        "Parmi les membres, le nombre de jeunes de 18 à 35 ans (déclaré).",
        "عدد الشباب من 18 إلى 35 سنة من بين الأعضاء (مصرح به).",
        "Of the members, the number aged 18 to 35 (declared).")),
    Definition(JOBS, "count", D, ("Emplois", "مناصب الشغل", "Jobs"), (
        "Emplois permanents ou saisonniers (en équivalent plein temps) à la fin du mois "
        "(déclaré).",
        "مناصب الشغل الدائمة أو الموسمية (بما يعادل الدوام الكامل) في نهاية الشهر (مصرح به).",
        "Permanent or seasonal jobs (full-time equivalent) at the month's end (declared).")),
    Definition(TRAININGS, "count", D, ("Formations suivies", "التكوينات المتابعة",
                                       "Trainings attended"), (
        "Nombre de sessions de formation suivies par des membres pendant le mois (déclaré).",
        "عدد دورات التكوين التي تابعها الأعضاء خلال الشهر (مصرح به).",
        "Number of training sessions attended by members in the month (declared).")),
    Definition(CERTIFICATIONS, "count", D, ("Certifications obtenues", "الشهادات المحصل عليها",
                                            "Certifications obtained"), (
        "Certifications ou labels obtenus pendant le mois : ONSSA, bio, IGP, AOP… (déclaré).",
        "الشهادات أو العلامات المحصل عليها خلال الشهر: أونسا، عضوي، بيان جغرافي، تسمية "
        "منشأ… (مصرح به).",
        "Certifications or labels obtained in the month: ONSSA, organic, PGI, PDO… "
        "(declared).")),
)

BY_CODE = {d.code: d for d in DEFINITIONS}
COMPUTED_CODES = tuple(d.code for d in DEFINITIONS if d.source == C)
DECLARED_CODES = tuple(d.code for d in DEFINITIONS if d.source == D)
ALL_CODES = tuple(d.code for d in DEFINITIONS)


def definition_rows() -> list[dict]:
    """The field values of every ``IndicatorDefinition`` row, in display order."""
    return [{"code": d.code, "position": index, "unit": d.unit, "source": d.source,
             "name_fr": d.name[0], "name_ar": d.name[1], "name_en": d.name[2],
             "definition_fr": d.text[0], "definition_ar": d.text[1], "definition_en": d.text[2]}
            for index, d in enumerate(DEFINITIONS, start=1)]


def definitions_sync(model) -> None:
    """Create or refresh the rows of ``model`` (the real or the historical one)."""
    for row in definition_rows():
        model.objects.update_or_create(code=row["code"], defaults=row)
