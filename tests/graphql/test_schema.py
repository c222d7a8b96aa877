"""The committed schema.graphql is the printed schema, and it stays Saleor-compatible."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from graphql import print_schema

from backend.graphql.api import schema

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
DIFF_TOOL = SHARED / "tools" / "saleor_schema_diff.py"


def test_committed_schema_matches_the_printed_schema():
    committed = (ROOT / "schema.graphql").read_text(encoding="utf-8")

    assert print_schema(schema.graphql_schema) == committed, (
        "The GraphQL schema changed: run `make schema` and commit schema.graphql.")


@pytest.mark.skipif(not DIFF_TOOL.exists(),
                    reason="../shared (Saleor's reference schema) is not beside this clone")
def test_schema_has_no_divergence_from_saleors():
    result = subprocess.run([sys.executable, str(DIFF_TOOL), str(ROOT / "schema.graphql")],
                            capture_output=True, text=True, cwd=ROOT, check=False)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "; 0 divergences," in result.stdout
