"""The typed client in clients/python/ is generated from the schema the API serves now."""

from __future__ import annotations

import json
from pathlib import Path

from ninja.responses import NinjaJSONEncoder

from api.main import api

CLIENT = Path(__file__).resolve().parents[2] / "clients" / "python"


def test_the_committed_schema_is_the_one_the_api_serves() -> None:
    # Fails when an API change was not followed by scripts/generate-client.
    served = json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))
    committed = json.loads((CLIENT / "openapi.json").read_text(encoding="utf-8"))
    assert committed == served, "run scripts/generate-client"


def test_the_client_has_a_module_per_operation_named_as_in_the_schema() -> None:
    schema = api.get_openapi_schema()
    operations = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    generated = {p.stem for p in (CLIENT / "provenance_client" / "api").glob("*/*.py")}
    assert operations <= generated
    assert {"annotation_edit", "token_revoke", "check_article"} <= operations
