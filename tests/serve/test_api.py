"""The REST API on the demo store: every filter, paging, errors, the token rule, verdicts."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the serve extra (fastapi) is not installed")
pytest.importorskip("httpx", reason="httpx (for fastapi's TestClient) is not installed")

from fastapi.testclient import TestClient

from hadath.serve.app import create_app


@pytest.fixture(scope="module")
def client(demo_db: Path) -> TestClient:
    return TestClient(create_app(demo_db))


def _sql_count(db: Path, where: str = "1", params: tuple[Any, ...] = ()) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM events AS e JOIN articles AS a "
                            f"ON a.id = e.article_id WHERE {where}", params).fetchone()[0]


def _all(client: TestClient, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    return response.json()


def test_api_events_unfiltered_counts_every_event(client: TestClient, demo_db: Path) -> None:
    found = _all(client)
    assert found["total"] == _sql_count(demo_db) == len(found["events"]) > 40
    first = found["events"][0]
    assert {"article_id", "idx", "source", "target", "cameo", "plover", "quad_class",
            "evidence", "sentence", "trigger", "verdict"} <= set(first)


@pytest.mark.parametrize(("params", "where", "values"), [
    ({"source": "RUS"}, "e.source_code LIKE 'RUS%'", ()),
    ({"source": "rusgov"}, "e.source_code LIKE 'RUSGOV%'", ()),
    ({"target": "DZA"}, "e.target_code LIKE 'DZA%'", ()),
    ({"actor": "DZA"}, "(e.source_code LIKE 'DZA%' OR e.target_code LIKE 'DZA%')", ()),
    ({"root": "04"}, "e.cameo_root = '04'", ()),
    ({"root": "4"}, "e.cameo_root = '04'", ()),
    ({"cameo": "04"}, "e.cameo LIKE '04%'", ()),
    ({"cameo": "040"}, "e.cameo LIKE '040%'", ()),
    ({"plover": "CONSULT"}, "e.plover_type = 'CONSULT'", ()),
    ({"quad_class": 4}, "e.quad_class = 4", ()),
    ({"since": "2024-03-10"}, "e.date >= '2024-03-10'", ()),
    ({"until": "2024-03-06"}, "e.date <= '2024-03-06'", ()),
    ({"since": "2024-03", "until": "2024-03"}, "e.date LIKE '2024-03%'", ()),
    ({"outlet": "hadath-sample"}, "a.source = ?", ("hadath-sample",)),
    ({"actor": "RUS", "root": "03"},
     "(e.source_code LIKE 'RUS%' OR e.target_code LIKE 'RUS%') AND e.cameo_root = '03'", ()),
])
def test_api_events_filter_matches_sql(client: TestClient, demo_db: Path,
                                       params: dict[str, Any], where: str,
                                       values: tuple[Any, ...]) -> None:
    found = _all(client, **params)
    expected = _sql_count(demo_db, where, values)
    assert expected > 0, "the demo store should have events for this filter"
    assert found["total"] == expected == len(found["events"])


def test_api_events_text_search_finds_the_articles(client: TestClient, demo_db: Path) -> None:
    found = _all(client, q="لافروف")
    assert found["total"] == _sql_count(demo_db, "a.text LIKE '%لافروف%'") >= 5
    assert "seed" in {e["article_id"] for e in found["events"]}
    assert _all(client, q="لافروف*", source="FRA")["total"] == 1


def test_api_events_evidence_reads_the_article(client: TestClient) -> None:
    found = _all(client, q="لافروف")
    text = client.get("/v1/articles/seed").json()["text"]
    for event in (e for e in found["events"] if e["article_id"] == "seed"):
        ev = event["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        trig = event["trigger"]
        assert text[trig["start"]:trig["end"]] == trig["text"]


def test_api_events_paging_is_stable_and_complete(client: TestClient) -> None:
    whole = _all(client)["events"]
    pages = []
    for offset in range(0, len(whole), 7):
        page = client.get("/v1/events", params={"limit": 7, "offset": offset}).json()
        assert page["total"] == len(whole)
        pages += page["events"]
    key = [(e["article_id"], e["idx"]) for e in pages]
    assert key == [(e["article_id"], e["idx"]) for e in whole]
    assert len(set(key)) == len(key)


@pytest.mark.parametrize(("params", "status", "message"), [
    ({"root": "99"}, 400, "not a CAMEO root"),
    ({"source": "R;--"}, 400, "not an actor code"),
    ({"cameo": "4x"}, 400, "not a CAMEO code"),
    ({"since": "yesterday"}, 400, "not an ISO date"),
    ({"q": '"'}, 400, "no words"),
    ({"verdict": "maybe"}, 400, "verdict"),
    ({"limit": 501}, 400, "at most 500"),
    ({"limit": 0}, 422, "limit"),
    ({"offset": -1}, 422, "offset"),
    ({"quad_class": 7}, 422, "quad_class"),
])
def test_api_events_bad_filters_are_clear_4xx(client: TestClient, params: dict[str, Any],
                                             status: int, message: str) -> None:
    response = client.get("/v1/events", params=params)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status and message in body["error"]


def test_api_article_has_text_and_every_span(client: TestClient) -> None:
    article = client.get("/v1/articles/seed").json()
    text = article["text"]
    assert article["entities"] and article["actors"] and article["events"] and article["quotes"]
    for entity in article["entities"]:
        assert text[entity["start"]:entity["end"]] == entity["text"]
    for quote in article["quotes"]:
        assert text[quote["start"]:quote["end"]] == quote["text"]
    for actor in article["actors"]:
        assert all(0 <= start < end <= len(text) for start, end in actor["mentions"])
    assert [e["idx"] for e in article["events"]] == list(range(len(article["events"])))


def test_api_article_unknown_is_404(client: TestClient) -> None:
    response = client.get("/v1/articles/no-such-article")
    assert response.status_code == 404 and "no-such-article" in response.json()["error"]


def test_api_actors_list_and_one(client: TestClient) -> None:
    listed = client.get("/v1/actors", params={"prefix": "DZA"}).json()
    assert listed["total"] >= 2 and all(a["code"].startswith("DZA") for a in listed["actors"])
    dza = next(a for a in listed["actors"] if a["code"] == "DZAGOV")
    assert dza["given"] > 0 and dza["articles"] > 0
    one = client.get("/v1/actors/RUS").json()
    assert one["code"] == "RUS" and one["given"] >= 2
    assert "DZA" in {p["partner"] for p in one["partners"]["partners"]}
    assert client.get("/v1/actors/XYZ").status_code == 404


def test_api_quotes_filter_by_speaker(client: TestClient) -> None:
    quotes = client.get("/v1/quotes", params={"speaker": "DZAGOV", "limit": 100}).json()
    assert quotes["total"] == len(quotes["quotes"]) >= 10
    assert all(q["speaker"]["code"].startswith("DZAGOV") for q in quotes["quotes"])
    assert client.get("/v1/quotes", params={"q": "لافروف"}).json()["total"] >= 1


def test_api_dyads_rus_dza_both_ways(client: TestClient, demo_db: Path) -> None:
    found = client.get("/v1/dyads", params={"source": "RUS", "target": "DZA",
                                            "symmetric": "true", "period": "day"}).json()
    expected = _sql_count(
        demo_db, "e.negated = 0 AND length(coalesce(e.date, a.published)) >= 10 AND ("
        "(e.source_code LIKE 'RUS%' AND e.target_code LIKE 'DZA%') OR "
        "(e.source_code LIKE 'DZA%' AND e.target_code LIKE 'RUS%'))")
    assert sum(d["events"] for d in found["dyads"]) == expected >= 1
    assert all((d["source"], d["target"]) == ("RUS", "DZA") for d in found["dyads"])
    assert all(d["cooperation"] + d["conflict"] == d["events"] for d in found["dyads"])
    month = client.get("/v1/dyads", params={"period": "month", "level": "country"}).json()
    assert all(len(d["period"]) == 7 for d in month["dyads"])
    week = client.get("/v1/dyads", params={"period": "week"}).json()["dyads"]
    assert week and all(d["period"] <= "2024-12-31" for d in week)
    assert client.get("/v1/dyads", params={"period": "year"}).status_code == 422


def test_api_network_and_places(client: TestClient) -> None:
    net = client.get("/v1/network", params={"level": "country"}).json()
    ids = {n["id"] for n in net["nodes"]}
    assert {"RUS", "DZA", "LBY"} <= ids
    assert all(e["source"] in ids and e["target"] in ids and e["quad_class"] in (1, 2, 3, 4)
               for e in net["edges"])
    places = client.get("/v1/places").json()["places"]
    assert any(p["name"] == "Moscow" for p in places)
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)


def test_api_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/v1/code", "/v1/events", "/v1/articles/{article_id}", "/v1/actors", "/v1/quotes",
            "/v1/dyads", "/v1/verdicts"} <= set(paths)
    assert "requestBody" in paths["/v1/code"]["post"]


def test_api_code_returns_the_coded_document(client: TestClient) -> None:
    response = client.post("/v1/code", json={
        "text": "التقى لافروف نظيره الجزائري أمس في موسكو", "published": "2020-07-09"})
    assert response.status_code == 200
    doc = response.json()
    assert doc["events"][0]["cameo"].startswith("04")
    assert doc["events"][0]["source"]["code"] == "RUSGOV"


@pytest.mark.parametrize(("body", "status", "message"), [
    (b"{not json", 400, "not valid JSON"),
    (b"\xff\xfe", 400, "not valid JSON"),
    (b'{"txt": "x"}', 422, "text"),
    (b'{"text": ""}', 422, "text"),
    (b'["a list"]', 422, "invalid request"),
])
def test_api_code_bad_bodies(client: TestClient, body: bytes, status: int, message: str) -> None:
    response = client.post("/v1/code", content=body,
                           headers={"content-type": "application/json"})
    assert response.status_code == status and message in response.json()["error"]


def test_api_code_oversize_is_413(demo_db: Path) -> None:
    small = TestClient(create_app(demo_db, max_body_bytes=1000, max_text_chars=50))
    big = small.post("/v1/code", json={"text": "ب" * 2000})
    assert big.status_code == 413 and "over 1000 bytes" in big.json()["error"]

    def chunks():  # no Content-Length: counted while read
        for _ in range(30):
            yield b'{"text": "' + b"a" * 100

    assert small.post("/v1/code", content=chunks(),
                      headers={"content-type": "application/json"}).status_code == 413
    long_text = small.post("/v1/code", json={"text": "ب" * 60})
    assert long_text.status_code == 413 and "at most 50" in long_text.json()["error"]


@pytest.mark.parametrize(("host", "token", "header", "status"), [
    ("127.0.0.1", None, None, 200),
    ("localhost", None, None, 200),
    ("0.0.0.0", None, None, 403),
    ("0.0.0.0", "s3cret", None, 401),
    ("0.0.0.0", "s3cret", "Bearer wrong", 401),
    ("0.0.0.0", "s3cret", "Basic s3cret", 401),
    ("0.0.0.0", "s3cret", "Bearer s3cret", 200),
    ("127.0.0.1", "s3cret", None, 401),
    ("127.0.0.1", "s3cret", "Bearer s3cret", 200),
])
def test_api_post_token_rule(demo_db: Path, host: str, token: str | None, header: str | None,
                             status: int) -> None:
    app_client = TestClient(create_app(demo_db, token=token, host=host))
    headers = {"Authorization": header} if header else {}
    response = app_client.post("/v1/code", json={"text": "قال الرئيس"}, headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"
    assert app_client.get("/v1/events", params={"limit": 1}).status_code == 200  # GET: open


def test_api_verdicts_are_stored_and_shown(fresh_demo_db: Path) -> None:
    app_client = TestClient(create_app(fresh_demo_db))
    post = app_client.post
    assert post("/v1/verdicts", json={"article_id": "seed", "idx": 0,
                                      "verdict": "right"}).status_code == 200
    fixed = post("/v1/verdicts", json={"article_id": "seed", "idx": 1, "verdict": "corrected",
                                       "cameo": "042", "target": "DZA", "note": "visit"})
    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["verdict"]["cameo"] == "042"
    assert post("/v1/verdicts", json={"article_id": "seed", "idx": 3,
                                      "verdict": "wrong"}).status_code == 200
    events = _all(app_client, q="لافروف")["events"]
    by_idx = {e["idx"]: e["verdict"] for e in events if e["article_id"] == "seed"}
    assert by_idx[0]["verdict"] == "right" and by_idx[1]["target"] == "DZA"
    assert by_idx[3]["verdict"] == "wrong" and by_idx[2] is None
    assert _all(app_client, verdict="corrected")["total"] == 1
    assert _all(app_client, verdict="none")["total"] == _all(app_client)["total"] - 3


@pytest.mark.parametrize(("body", "status", "message"), [
    ({"article_id": "seed", "idx": 99, "verdict": "right"}, 404, "no event 99"),
    ({"article_id": "seed", "idx": 0, "verdict": "maybe"}, 422, "verdict"),
    ({"article_id": "seed", "idx": 0, "verdict": "corrected", "cameo": "999"}, 422,
     "not a CAMEO code"),
    ({"article_id": "seed", "idx": 0, "verdict": "corrected", "source": "r-u"}, 422,
     "not an actor code"),
    ({"article_id": "seed", "idx": 0, "verdict": "corrected"}, 422, "must change"),
])
def test_api_verdicts_refused(fresh_demo_db: Path, body: dict[str, Any], status: int,
                              message: str) -> None:
    response = TestClient(create_app(fresh_demo_db)).post("/v1/verdicts", json=body)
    assert response.status_code == status and message in response.json()["error"]


def test_api_no_page_fetches_from_a_cdn(client: TestClient) -> None:
    for url in ("/", "/articles/seed", "/map", "/network", "/docs"):
        assert "http" not in "".join(re.findall(r'(?:src|href)="(?!http://testserver)([^"]*)"',
                                               client.get(url).text))


def test_api_serve_command_checks_its_token(demo_db: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from hadath.cli import main

    monkeypatch.delenv("HADATH_TEST_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", str(demo_db), "--token-env",
                                       "HADATH_TEST_TOKEN"])
    assert result.exit_code == 1 and "HADATH_TEST_TOKEN: that variable is not set" in result.output


def test_api_serve_command_refuses_a_newer_store(fresh_demo_db: Path) -> None:
    from click.testing import CliRunner

    from hadath.cli import main

    with sqlite3.connect(fresh_demo_db) as conn:
        conn.execute("PRAGMA user_version = 99")
    result = CliRunner().invoke(main, ["serve", str(fresh_demo_db)])
    assert result.exit_code == 1 and "newer than this hadath's" in result.output
