"""sitemap.xml and robots.txt: what search engines are told about the storefront."""
from __future__ import annotations


def test_the_sitemap_lists_every_visible_product_in_each_language(client, shop):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    xml = response.content.decode()
    for slug in ("huile-argan-alimentaire", "safran-de-taliouine", "dattes-mejhoul"):
        for prefix in ("", "/ar", "/en"):
            assert f"<loc>http://testserver{prefix}/products/{slug}/</loc>" in xml
    assert xml.count("/products/") == 3 * 3 * 5  # loc + 4 alternates, per product and language
    assert ('<xhtml:link rel="alternate" hreflang="x-default" '
            'href="http://testserver/products/dattes-mejhoul/"/>') in xml


def test_the_sitemap_lists_categories_cooperatives_regions_and_home(client, shop):
    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/</loc>" in xml
    assert "<loc>http://testserver/ar/categories/huile-d-argan/</loc>" in xml
    assert "<loc>http://testserver/en/cooperatives/tifawin/</loc>" in xml
    assert xml.count("<loc>http://testserver/regions/") == 12


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_pages(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response.content.decode() == (
        "User-agent: *\n"
        "Disallow: /search/\nDisallow: /ar/search/\nDisallow: /en/search/\n"
        "Disallow: /cart/\nDisallow: /ar/cart/\nDisallow: /en/cart/\n"
        "Disallow: /checkout/\nDisallow: /ar/checkout/\nDisallow: /en/checkout/\n"
        "Disallow: /account/\nDisallow: /ar/account/\nDisallow: /en/account/\n"
        "Sitemap: http://testserver/sitemap.xml\n")
