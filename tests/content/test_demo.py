"""The demo content: four pages in fr/ar/en and the navbar and footer menus, idempotent."""
from __future__ import annotations

from backend.content.demo import seed_content
from backend.content.models import Menu, MenuItem, Page, PageTranslation
from backend.content.selectors import storefront_menu
from catalog.models import Collection, CollectionChannelListing
from tests.factories.catalog import CategoryFactory


def test_seed_content_makes_pages_and_both_menus_and_is_idempotent(channel):
    CategoryFactory(slug="huiles", name="Huiles")
    featured = Collection.objects.create(name="À la une", slug="featured-products")
    CollectionChannelListing.objects.create(collection=featured, channel=channel,
                                            is_published=True)
    seed_content()
    seed_content()
    assert set(Page.objects.published().values_list("slug", flat=True)) == {
        "prix-juste", "livraison", "rejoindre-cooperative", "devenir-partenaire-livraison"}
    assert PageTranslation.objects.count() == 8
    assert set(Menu.objects.values_list("slug", flat=True)) == {"navbar", "footer"}
    navbar = MenuItem.objects.filter(menu__slug="navbar").order_by("tree_id", "lft")
    assert [(i.name, i.collection_id is not None, i.category_id is not None)
            for i in navbar] == [("À la une", True, False), ("Huiles", False, True)]
    assert MenuItem.objects.filter(menu__slug="footer").count() == 6
    for page in Page.objects.prefetch_related("translations"):
        assert page.content["blocks"]
        assert {t.language_code for t in page.translations.all()} == {"ar", "en"}
        assert all(t.content["blocks"] for t in page.translations.all())


def test_the_demo_footer_reads_in_arabic(channel):
    seed_content()
    footer = storefront_menu(slug="footer", language="ar")
    assert [group.name for group in footer] == ["كوب ستور", "انضمّوا إلينا"]
    assert [link.href for link in footer[1].children] == [
        "/ar/pages/rejoindre-cooperative/", "/ar/pages/devenir-partenaire-livraison/"]
