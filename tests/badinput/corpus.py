"""A fixed corpus of nasty inputs, grouped by the GraphQL type they can be sent as.

Fixed (not random) so that a failure found once is found again on every run. Each value is
type-correct for its group on purpose: a wrong-typed value is refused by graphql-core's
coercion before any of our code runs, so it proves little; a right-typed nasty value reaches
our resolvers, services and the database.
"""
from __future__ import annotations

import base64
import json
from typing import Any


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode("ascii")


def nested(depth: int) -> Any:
    """``{"a": {"a": ... }}``: deep enough to hit recursion limits of naive walkers."""
    value: Any = "bottom"
    for _ in range(depth):
        value = {"a": value}
    return value


class RawJSON(str):
    """JSON text sent as it is: Python's own encoder refuses to nest deeper than ~1000."""


def nested_text(depth: int) -> str:
    return '{"a": ' * depth + '"bottom"' + "}" * depth


def encode(value: Any) -> str:
    """``json.dumps`` that inserts :class:`RawJSON` values verbatim."""
    raws: list[str] = []

    def swap(item: Any) -> Any:
        if isinstance(item, RawJSON):
            raws.append(str(item))
            return f"__raw_json_{len(raws) - 1}__"
        if isinstance(item, dict):
            return {k: swap(v) for k, v in item.items()}
        if isinstance(item, list):
            return [swap(v) for v in item]
        return item

    text = json.dumps(swap(value))
    for index, raw in enumerate(raws):
        text = text.replace(f'"__raw_json_{index}__"', raw, 1)
    return text


MEGABYTE = "x" * (1024 * 1024)

# Text that PostgreSQL, templates, parsers or our cleaning code may choke on.
STRINGS: dict[str, str] = {
    "empty": "",
    "blank": "   \t\n ",
    "huge-1mb": MEGABYTE,
    "long-arabic-300": "تعاونية " * 300,
    "nul": "abc\x00def",
    "only-nul": "\x00",
    "rtl-override": "\u202eetiuqsam\u202c.exe",
    "zero-width-joiner": "a\u200d\u200b\u200c\ufeffb",
    "sql-drop": "'; DROP TABLE catalog_product; --",
    "sql-or": "\" OR 1=1 --",
    "like-wildcards": "%_%\\",
    "emoji": "🧕🏽🌿🍯 argan 👩‍👩‍👧",
    "arabic": "زيت الأركان من تعاونية تيفاوين",
    "html": "<script>alert(1)</script><img src=x onerror=alert(1)>",
    "format-string": "%s%s%n {0} {name} ${x}",
    "lone-surrogate-escape": "\\ud800",
    "control-chars": "a\x01\x02\x1b[31mb\x7f",
    "newlines": "line1\r\nline2\rline3\u2028line4",
    "combining": "e\u0301\u0301\u0301\u0301\u0301",
    "numeric-text": "-1",
    "huge-number-text": "9" * 400,
    "nan-text": "NaN",
    "infinity-text": "Infinity",
    "exponent-text": "1e309",
    "email-like": "a@b",
    "path-traversal": "../../../../etc/passwd",
    "json-text": '{"a": [1, 2, {"b": null}]}',
}

# Values sent where an ID is expected (besides all the strings above).
IDS: dict[str, str] = {
    "id-empty": "",
    "id-garbage": "not-an-id",
    "id-bad-base64": "@@@===",
    "id-no-colon": b64("Product"),
    "id-no-type": b64(":1"),
    "id-negative": b64("Product:-1"),
    "id-zero": b64("Product:0"),
    "id-huge-pk": b64(f"Product:{2**70}"),
    "id-bigint-edge": b64(f"Product:{2**63}"),
    "id-text-pk": b64("Product:abc"),
    "id-nul-pk": b64("Product:1\x00"),
    "id-wrong-type-user": b64("User:1"),
    "id-wrong-type-order": b64("Order:1"),
    "id-wrong-type-checkout": b64("Checkout:1"),
    "id-uuid-for-int": b64("ProductVariant:3f2504e0-4f89-11d3-9a0c-0305e82c3301"),
    "id-int-for-uuid": b64("Checkout:12"),
    "id-base64-of-json": b64(json.dumps({"type": "Product", "id": 1})),
    "id-base64-of-number": b64("12345"),
    "id-sql": b64("Product:1; DROP TABLE catalog_product"),
    "id-unicode-digits": b64("Product:١٢"),  # Arabic-Indic digits: isdigit() but not ASCII
    "id-nested-b64": b64(b64("Product:1")),
}

INTS: dict[str, int] = {
    "int-minus-one": -1,
    "int-zero": 0,
    "int-max32": 2**31 - 1,
    "int-min32": -(2**31),
    "int-large": 10**6,
}

# Beyond 32 bits: GraphQL's Int refuses them, Float/Decimal/JSON carry them further.
BIG_NUMBERS: dict[str, Any] = {
    "num-2-31": 2**31,
    "num-2-63": 2**63,
    "num-2-64": 2**64,
    "num-1e20": 1e20,
    "num-minus-1e20": -1e20,
    "num-tiny": 1e-300,
    "num-many-decimals": 0.1234567890123456789,
}

FLOATS: dict[str, Any] = {
    **{k: float(v) for k, v in INTS.items()},
    **BIG_NUMBERS,
    "float-half": 0.5,
    "float-minus-half": -0.5,
}

# Decimal arrives as text as well as numbers (see STACK.md); NaN and 1e309 only exist as text.
DECIMAL_TEXTS: dict[str, str] = {
    "dec-nan": "NaN",
    "dec-snan": "sNaN",
    "dec-inf": "Infinity",
    "dec-1e309": "1e309",
    "dec-minus": "-0.01",
    "dec-many-digits": "1." + "1" * 100,
    "dec-huge": "9" * 100,
}

JSONS: dict[str, Any] = {
    "json-nested-200": nested(200),
    "json-nested-5000": RawJSON(nested_text(5000)),
    "json-empty-object": {},
    "json-list": [1, "a", None, {"b": []}],
    "json-null-bytes": {"k\x00": "v\x00"},
    "json-huge-list": list(range(10_000)),
    "json-wide-object": {f"k{i}": i for i in range(5_000)},
    "json-string": "just a string",
    "json-number": 2**63,
    "json-text-of-nested": nested_text(5000),
}

LIST_SIZES: dict[str, int] = {"list-empty": 0, "list-huge": 5_000}



def _pick(group: dict[str, Any], *names: str) -> dict[str, Any]:
    return {name: group[name] for name in names}


_STRINGS_AS_OTHER = _pick(STRINGS, "empty", "nul", "huge-1mb", "rtl-override", "sql-drop",
                          "emoji", "arabic", "zero-width-joiner")
DATES: dict[str, str] = {
    "date-impossible": "2026-13-45", "date-year-zero": "0000-01-01", "date-far": "9999-12-31",
    "datetime-far-tz": "9999-12-31T23:59:59+14:00", "date-negative-year": "-0001-01-01",
    **_pick(STRINGS, "empty", "nul", "nan-text", "huge-number-text", "sql-drop"),
}
UUIDS: dict[str, str] = {
    "uuid-nil": "00000000-0000-0000-0000-000000000000", "uuid-garbage": "not-a-uuid",
    "uuid-braces": "{3f2504e0-4f89-11d3-9a0c-0305e82c3301}", **_STRINGS_AS_OTHER,
}
ENUMS: dict[str, str] = {"enum-unknown": "NOT_A_VALUE", **_pick(STRINGS, "empty", "nul")}


def values_for(type_name: str) -> dict[str, Any]:
    """The corpus values worth sending where a scalar of ``type_name`` is expected."""
    if type_name == "String":
        return STRINGS
    if type_name == "ID":
        return {**IDS, **_STRINGS_AS_OTHER}
    if type_name in ("Int", "PositiveInt"):
        return {**INTS, **_pick(BIG_NUMBERS, "num-2-31", "num-2-63")}
    if type_name == "Float":
        return FLOATS
    if type_name in ("Decimal", "PositiveDecimal", "WeightScalar"):
        return {**FLOATS, **DECIMAL_TEXTS}
    if type_name in ("JSONString",):
        return {"jsonstring-nested": nested_text(5000), **_STRINGS_AS_OTHER,
                "jsonstring-list": "[1, 2]", "jsonstring-number": "1e309"}
    if type_name in ("JSON", "Metadata", "GenericScalar"):
        return {**JSONS, **_pick(STRINGS, "nul", "huge-1mb")}
    if type_name in ("Date", "DateTime"):
        return DATES
    if type_name == "UUID":
        return UUIDS
    if type_name == "ENUM":
        return ENUMS
    return {}  # Boolean has no nasty value; Upload is exercised by the media tests
