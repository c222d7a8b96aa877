"""Demo content: pages on fair pay, delivery and joining CoopStore, and the ``navbar`` and
``footer`` menus (the slugs Saleor's storefront reads), in French, Arabic and English.

Idempotent: rows are keyed on slugs; a second run updates them in place and rebuilds the two
menus' items.
"""
from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from catalog.models import Category, Collection

from .models import Menu, MenuItem, MenuItemTranslation, Page, PageTranslation, PageType


@dataclass(frozen=True)
class Tr:
    fr: str
    ar: str
    en: str


def _p(text: str) -> dict:
    return {"type": "paragraph", "data": {"text": text}}


def _h(text: str) -> dict:
    return {"type": "header", "data": {"text": text, "level": 2}}


def _ul(*items: str) -> dict:
    return {"type": "list", "data": {"style": "unordered", "items": list(items)}}


def _q(text: str, caption: str) -> dict:
    return {"type": "quote", "data": {"text": text, "caption": caption}}


@dataclass(frozen=True)
class PageSpec:
    slug: str
    label: Tr  # the link's text in the footer
    title: Tr
    description: Tr
    blocks: dict[str, list[dict]]


PAGES = [
    PageSpec(
        slug="prix-juste",
        label=Tr("Prix juste", "السعر العادل", "Fair pay"),
        title=Tr("Le prix juste, dirham par dirham", "السعر العادل، درهماً بدرهم",
                 "Fair pay, dirham by dirham"),
        description=Tr(
            "Comment CoopStore partage chaque paiement entre la coopérative, ses membres, "
            "le livreur et la plateforme.",
            "كيف يوزّع كوب ستور كل أداء بين التعاونية وأعضائها والموزّع والمنصّة.",
            "How CoopStore shares every payment between the cooperative, its members, the "
            "courier and the platform."),
        blocks={
            "fr": [
                _p("Quand vous payez, vous voyez <b>avant de valider</b> la part de chacun : "
                   "la coopérative, la commission de la plateforme, le partenaire de "
                   "livraison, les frais de paiement et, si vous le souhaitez, le fonds de "
                   "solidarité."),
                _h("Où va votre argent"),
                _ul("La plus grande part revient à la coopérative qui a produit.",
                    "La coopérative la répartit entre ses membres selon leur contribution.",
                    "Le livreur régional est payé pour chaque colis remis.",
                    "La plateforme garde une commission publiée, la même pour toutes."),
                _p("Les montants sont calculés au centime près et s'additionnent toujours "
                   "exactement au prix payé ; le reçu les montre à nouveau."),
                _q("Nous savons enfin ce que chaque vente nous rapporte.",
                   "Une présidente de coopérative d'argan, Souss-Massa"),
            ],
            "ar": [
                _p("عند الأداء، ترى <b>قبل التأكيد</b> نصيب كل طرف: التعاونية، وعمولة المنصّة، "
                   "وشريك التوصيل، ومصاريف الأداء، وصندوق التضامن إن رغبت في ذلك."),
                _h("أين تذهب نقودك"),
                _ul("النصيب الأكبر يعود إلى التعاونية المنتِجة.",
                    "توزّعه التعاونية على أعضائها حسب مساهمة كل واحد.",
                    "يتقاضى الموزّع الجهوي أجره عن كل طرد يسلّمه.",
                    "تحتفظ المنصّة بعمولة معلنة، واحدة للجميع."),
                _p("تُحسب المبالغ بدقّة السنتيم ومجموعها يساوي دائماً الثمن المؤدّى؛ "
                   "ويعرضها الوصل مرة أخرى."),
                _q("أخيراً نعرف ما تدرّه علينا كل عملية بيع.",
                   "رئيسة تعاونية للأركان، سوس ماسة"),
            ],
            "en": [
                _p("When you pay, you see <b>before you confirm</b> everyone's share: the "
                   "cooperative, the platform's commission, the delivery partner, the payment "
                   "fee and, if you wish, the solidarity fund."),
                _h("Where your money goes"),
                _ul("The largest share goes to the cooperative that made the product.",
                    "The cooperative shares it among its members by their contribution.",
                    "The regional courier is paid for every parcel delivered.",
                    "The platform keeps a published commission, the same for everyone."),
                _p("Amounts are computed to the centime and always add up exactly to the "
                   "price paid; the receipt shows them again."),
                _q("At last we know what each sale brings us.",
                   "The president of an argan cooperative, Souss-Massa"),
            ],
        }),
    PageSpec(
        slug="livraison",
        label=Tr("Livraison", "التوصيل", "Delivery"),
        title=Tr("Livraison en circuit court", "التوصيل عبر الدائرة القصيرة",
                 "Short-circuit delivery"),
        description=Tr(
            "Des partenaires régionaux prennent le colis à la coopérative et vous le "
            "remettent, par le chemin le plus court.",
            "شركاء جهويون يأخذون الطرد من التعاونية ويسلّمونه لك عبر أقصر طريق.",
            "Regional partners pick the parcel up at the cooperative and hand it to you, the "
            "short way."),
        blocks={
            "fr": [
                _p("Chaque commande est préparée par la coopérative elle-même, puis confiée à "
                   "un partenaire de livraison de sa région."),
                _h("Le chemin le plus court"),
                _ul("Même ville : livraison directe, souvent le lendemain.",
                    "Même région : un seul partenaire, sans entrepôt.",
                    "Ailleurs au Maroc : un passage par un relais régional, pas plus."),
                _p("La distance parcourue est calculée et affichée : vous savez combien de "
                   "kilomètres a fait votre huile d'argan."),
                _p("Vous suivez chaque étape sur la page de suivi et par e-mail ; le livreur "
                   "vous demande un code à la remise."),
            ],
            "ar": [
                _p("تُحضَّر كل طلبية من طرف التعاونية نفسها، ثم تُسلَّم لشريك توصيل من جهتها."),
                _h("أقصر طريق"),
                _ul("نفس المدينة: توصيل مباشر، غالباً في اليوم الموالي.",
                    "نفس الجهة: شريك واحد، دون مستودع.",
                    "باقي مناطق المغرب: مرور واحد عبر نقطة جهوية، لا أكثر."),
                _p("تُحسب المسافة المقطوعة وتُعرض: تعرف كم كيلومتراً قطع زيت الأركان الخاص بك."),
                _p("تتابع كل مرحلة في صفحة التتبّع وعبر البريد الإلكتروني؛ ويطلب منك الموزّع "
                   "رمزاً عند التسليم."),
            ],
            "en": [
                _p("Every order is packed by the cooperative itself, then handed to a delivery "
                   "partner from its region."),
                _h("The shortest way"),
                _ul("Same city: direct delivery, often the next day.",
                    "Same region: one partner, no warehouse.",
                    "Elsewhere in Morocco: one stop at a regional hub, no more."),
                _p("The distance travelled is computed and shown: you know how many "
                   "kilometres your argan oil came."),
                _p("You follow every step on the tracking page and by e-mail; the courier asks "
                   "you for a code at the door."),
            ],
        }),
    PageSpec(
        slug="rejoindre-cooperative",
        label=Tr("Coopératives : nous rejoindre", "التعاونيات: انضمّوا إلينا",
                 "Cooperatives: join us"),
        title=Tr("Rejoindre CoopStore comme coopérative", "انضمّوا إلى كوب ستور كتعاونية",
                 "Join CoopStore as a cooperative"),
        description=Tr(
            "Vendez vos produits du terroir dans tout le Maroc, au prix que vous fixez.",
            "بيعوا منتجاتكم المجالية في كل المغرب، بالسعر الذي تحدّدونه.",
            "Sell your terroir products all over Morocco, at the price you set."),
        blocks={
            "fr": [
                _p("CoopStore est ouvert aux coopératives agréées de toutes les régions du "
                   "Maroc, petites ou grandes, en particulier aux coopératives de femmes."),
                _h("Les étapes"),
                _ul("Écrivez-nous avec votre numéro d'agrément et vos produits.",
                    "Un membre du réseau vous rend visite ou vous appelle.",
                    "Vous recevez l'accès au tableau de bord : produits, photos, stock, prix.",
                    "Vos ventes et votre solde apparaissent dans votre espace, au dirham près."),
                _p("Vous fixez vos prix ; la commission est publiée et identique pour toutes "
                   "les coopératives. Écrivez à <a href=\"mailto:cooperatives@coopstore.ma\">"
                   "cooperatives@coopstore.ma</a>."),
            ],
            "ar": [
                _p("كوب ستور مفتوح للتعاونيات المعتمدة في كل جهات المغرب، صغيرة كانت أو "
                   "كبيرة، وخاصة التعاونيات النسائية."),
                _h("المراحل"),
                _ul("راسلونا برقم الاعتماد وبمنتجاتكم.",
                    "يزوركم أو يتصل بكم عضو من الشبكة.",
                    "تحصلون على لوحة التحكّم: المنتجات والصور والمخزون والأسعار.",
                    "تظهر مبيعاتكم ورصيدكم في فضائكم، بدقّة الدرهم."),
                _p("أنتم من يحدّد الأسعار؛ والعمولة معلنة وموحّدة لكل التعاونيات. راسلونا على "
                   "<a href=\"mailto:cooperatives@coopstore.ma\">cooperatives@coopstore.ma</a>."),
            ],
            "en": [
                _p("CoopStore is open to registered cooperatives from every region of "
                   "Morocco, small or large, and to women's cooperatives above all."),
                _h("The steps"),
                _ul("Write to us with your registration number and your products.",
                    "A member of the network visits or calls you.",
                    "You get the dashboard: products, photos, stock, prices.",
                    "Your sales and balance show in your space, to the dirham."),
                _p("You set your prices; the commission is published and the same for every "
                   "cooperative. Write to <a href=\"mailto:cooperatives@coopstore.ma\">"
                   "cooperatives@coopstore.ma</a>."),
            ],
        }),
    PageSpec(
        slug="devenir-partenaire-livraison",
        label=Tr("Partenaires de livraison", "شركاء التوصيل", "Delivery partners"),
        title=Tr("Devenir partenaire de livraison", "كونوا شريكاً في التوصيل",
                 "Become a delivery partner"),
        description=Tr(
            "Transporteurs et coursiers régionaux : livrez les colis des coopératives de "
            "votre région.",
            "الناقلون والموزّعون الجهويون: وصّلوا طرود تعاونيات جهتكم.",
            "Regional carriers and couriers: deliver the parcels of your region's "
            "cooperatives."),
        blocks={
            "fr": [
                _p("Vous livrez déjà dans votre ville ou votre région ? CoopStore vous confie "
                   "les colis des coopératives proches, au plus court."),
                _h("Comment ça marche"),
                _ul("Vous indiquez les villes et les régions que vous couvrez.",
                    "Vous acceptez les colis sur votre tableau de bord, même hors connexion.",
                    "Vous remettez le colis contre le code du client ou une photo.",
                    "Vous êtes payé pour chaque livraison ; l'argent encaissé est suivi."),
                _p("Écrivez à <a href=\"mailto:partenaires@coopstore.ma\">"
                   "partenaires@coopstore.ma</a>."),
            ],
            "ar": [
                _p("هل توصّلون بالفعل داخل مدينتكم أو جهتكم؟ يعهد إليكم كوب ستور بطرود "
                   "التعاونيات القريبة، عبر أقصر طريق."),
                _h("كيف يعمل ذلك"),
                _ul("تحدّدون المدن والجهات التي تغطّونها.",
                    "تقبلون الطرود في لوحة التحكّم، حتى دون اتصال.",
                    "تسلّمون الطرد مقابل رمز الزبون أو صورة.",
                    "تتقاضون أجركم عن كل توصيل؛ ويُتتبّع المال المحصّل."),
                _p("راسلونا على <a href=\"mailto:partenaires@coopstore.ma\">"
                   "partenaires@coopstore.ma</a>."),
            ],
            "en": [
                _p("Already delivering in your city or region? CoopStore hands you the parcels "
                   "of nearby cooperatives, the short way."),
                _h("How it works"),
                _ul("You say which cities and regions you cover.",
                    "You accept parcels on your board, even offline.",
                    "You hand the parcel over against the customer's code or a photo.",
                    "You are paid for every delivery; cash collected is tracked."),
                _p("Write to <a href=\"mailto:partenaires@coopstore.ma\">"
                   "partenaires@coopstore.ma</a>."),
            ],
        }),
]

FOOTER_GROUPS = [
    (Tr("CoopStore", "كوب ستور", "CoopStore"), ["prix-juste", "livraison"]),
    (Tr("Nous rejoindre", "انضمّوا إلينا", "Join us"),
     ["rejoindre-cooperative", "devenir-partenaire-livraison"]),
]
FEATURED = Tr("À la une", "مختارات", "Featured")
NAVBAR_COLLECTIONS = ["featured-products"]


def _page_upsert(page_type: PageType, spec: PageSpec) -> Page:
    page, _ = Page.objects.update_or_create(slug=spec.slug, defaults={
        "page_type": page_type, "title": spec.title.fr, "content": {"blocks": spec.blocks["fr"]},
        "seo_title": spec.title.fr[:70], "seo_description": spec.description.fr[:300],
        "is_published": True})
    if page.published_at is None:
        page.published_at = timezone.now()
        page.save(update_fields=["published_at"])
    for language in ("ar", "en"):
        PageTranslation.objects.update_or_create(page=page, language_code=language, defaults={
            "title": getattr(spec.title, language),
            "content": {"blocks": spec.blocks[language]},
            "seo_title": getattr(spec.title, language)[:70],
            "seo_description": getattr(spec.description, language)[:300]})
    return page


def _item(menu: Menu, name: Tr, order: int, parent: MenuItem | None = None,
          **link: object) -> MenuItem:
    item = MenuItem.objects.create(menu=menu, name=name.fr, parent=parent, sort_order=order,
                                   **link)
    MenuItemTranslation.objects.bulk_create([
        MenuItemTranslation(menu_item=item, language_code="ar", name=name.ar),
        MenuItemTranslation(menu_item=item, language_code="en", name=name.en)])
    return item


def _tr_of(instance: Category | Collection, field: str = "name") -> Tr:
    return Tr(getattr(instance, field), instance.translated(field, "ar"),
              instance.translated(field, "en"))


@transaction.atomic
def seed_content() -> str:
    """Pages and the two menus; returns a one-line summary."""
    page_type, _ = PageType.objects.update_or_create(
        slug="informations", defaults={"name": "Informations"})
    pages = {spec.slug: _page_upsert(page_type, spec) for spec in PAGES}

    navbar, _ = Menu.objects.update_or_create(slug="navbar", defaults={"name": "navbar"})
    footer, _ = Menu.objects.update_or_create(slug="footer", defaults={"name": "footer"})
    MenuItem.objects.filter(menu__in=[navbar, footer]).delete()

    order = 0
    for collection in Collection.objects.filter(slug__in=NAVBAR_COLLECTIONS).prefetch_related(
            "translations"):
        _item(navbar, FEATURED, order, collection=collection)
        order += 1
    roots = Category.objects.filter(parent__isnull=True).prefetch_related("translations")
    for category in roots.order_by("tree_id"):
        _item(navbar, _tr_of(category), order, category=category)
        order += 1

    for index, (title, slugs) in enumerate(FOOTER_GROUPS):
        group = _item(footer, title, index)
        for position, slug in enumerate(slugs):
            page = pages[slug]
            spec = next(s for s in PAGES if s.slug == slug)
            _item(footer, spec.label, position, parent=group, page=page)
    return (f"{len(pages)} pages, menus navbar ({order} items) and footer "
            f"({sum(len(s) for _t, s in FOOTER_GROUPS)} links)")
