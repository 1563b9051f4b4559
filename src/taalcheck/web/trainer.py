"""Pages for trainers: the oefenmodus (rewrite a passage and watch the findings) and voor en na
(compare two versions). Scripts and styles are separate files served from /static/, so the pages
work under a strict Content-Security-Policy and without any connection to the internet."""

from __future__ import annotations

import json
from importlib import resources

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from taalcheck.comparison import compare
from taalcheck.documents import document_from_text
from taalcheck.model import CheckResult
from taalcheck.report.comparison import COMPARE_CSS, comparison_body
from taalcheck.report.html import balance_sentence, esc, highlight, stylesheet

from . import forms, jobs
from .engine import Engine
from .pages import ANONYMISE_FIELD, anonymise_switch, page, result_page
from .pool import CheckPool
from .practice import PASSAGES
from .security import OWN_FILES_MARK

#: Static files: name -> media type. Nothing else is served from /static/.
STATIC = {
    "oefenen.js": "text/javascript; charset=utf-8",
    "trainer.css": "text/css; charset=utf-8",
    "rapport.css": "text/css; charset=utf-8",
}
MAX_PRACTICE_CHARS = 20_000


def _head_links() -> str:
    return (
        '<link rel="stylesheet" href="/static/rapport.css"><link rel="stylesheet" href="/static/trainer.css">'
    )


def _trainer_page(title: str, body: str, script: bool = False) -> str:
    """A page in the app's style with the report and trainer stylesheets (and the practice script)."""
    html = page(title, body)
    extra = _head_links() + ('<script src="/static/oefenen.js" defer></script>' if script else "")
    return html.replace("</head>", extra + "\n</head>", 1)


def practice_page() -> str:
    options = "".join(
        f'<option value="{number}">{esc(title)}</option>' for number, (title, _text) in enumerate(PASSAGES)
    )
    passages = esc(json.dumps([text for _title, text in PASSAGES], ensure_ascii=False))
    return _trainer_page(
        "taalcheck – oefenen",
        '<nav class="back"><a href="/">← Terug naar controleren</a> · <a href="/vergelijken">Voor en na</a></nav>'
        "<h1>Oefenen met formuleren</h1>"
        '<p class="privacy">Alles blijft op deze computer en niets wordt bewaard: sluit u de pagina, dan is de '
        "tekst weg.</p>"
        '<p class="display"><input type="checkbox" id="groot"> <label for="groot">Grote letters '
        "(voor een beamer)</label></p>"
        '<section class="trainer-part"><h2>1. De uitgangstekst</h2>'
        '<label for="voorbeeld">Kies een voorbeeld</label>'
        f'<select id="voorbeeld"><option value="">– zelf een passage plakken –</option>{options}</select>'
        '<label for="origineel">Of plak een passage</label>'
        '<textarea id="origineel" rows="6" spellcheck="false"></textarea>'
        f"{anonymise_switch(', voordat de groep de tekst ziet')}"
        '<button type="button" id="start">Start de oefening</button>'
        '<p class="hint" id="start-status" aria-live="polite"></p></section>'
        '<section class="trainer-part" id="oefening" hidden><h2>2. Herschrijf de passage</h2>'
        '<label for="herschrijving">Uw herschrijving</label>'
        '<textarea id="herschrijving" rows="8" spellcheck="true"></textarea>'
        '<p><button type="button" id="controleer">Controleer</button> '
        '<span class="hint">De uitkomst verandert ook terwijl u typt.</span></p>'
        '<p class="trust-switch"><input type="checkbox" class="show-trust" id="vertrouwen" checked> '
        '<label for="vertrouwen" class="inline">Vertrouwensformuleringen markeren</label> '
        '<span class="hint">(<span class="trust">zo</span>: geen melding, ze tellen mee in de balans)</span></p>'
        '<div id="uitkomst" aria-live="polite"></div></section>'
        f'<div id="voorbeelden" data-passages="{passages}" hidden></div>',
        script=True,
    )


def practice_result(engine: Engine, original: str, rewrite: str) -> dict[str, object]:
    """The comparison of the original passage and the rewrite, for the practice page (in a check process)."""
    result = engine.check(
        [document_from_text(original, "uitgangstekst"), document_from_text(rewrite, "herschrijving")]
    )
    old, new = result.files
    comparison = compare(old, new)

    def item(finding) -> dict[str, str]:  # type: ignore[no-untyped-def]
        term = finding.entry.term if finding.entry else finding.rule
        return {"rule": finding.rule, "term": term, "text": finding.text}

    def balance(file) -> dict[str, object]:  # type: ignore[no-untyped-def]
        return {
            "control": file.balance.control,
            "trust": file.balance.trust,
            "ratio": file.balance.ratio,
            "sentence": balance_sentence(file.balance, "Balans"),
        }

    text = new.document.text if new.document is not None else ""
    return {
        "resolved": [item(finding) for finding in comparison.resolved],
        "added": [item(finding) for finding in comparison.added],
        "kept": [item(new_finding) for _old, new_finding in comparison.kept],
        "balance": {"old": balance(old), "new": balance(new)},
        "html": highlight(text, new.findings, "o", positives=new.positives),
    }


def compare_form_page() -> str:
    return _trainer_page(
        "taalcheck – voor en na",
        '<nav class="back"><a href="/">← Terug naar controleren</a> · <a href="/oefenen">Oefenen</a></nav>'
        "<h1>Voor en na: twee versies vergelijken</h1>"
        "<p>Plak de oude en de nieuwe versie, of kies twee bestanden. U ziet welke meldingen zijn opgelost, welke "
        "nieuw zijn en welke bleven, en de balans van beide.</p>"
        '<form method="post" action="/vergelijken" enctype="multipart/form-data" class="compare-form">'
        '<div class="pair"><div><label for="oud">Oude versie</label>'
        '<textarea id="oud" name="oud" rows="12" spellcheck="false"></textarea>'
        '<label for="oud-bestand">of een bestand</label><input type="file" id="oud-bestand" name="oud-bestand">'
        '</div><div><label for="nieuw">Nieuwe versie</label>'
        '<textarea id="nieuw" name="nieuw" rows="12" spellcheck="false"></textarea>'
        '<label for="nieuw-bestand">of een bestand</label><input type="file" id="nieuw-bestand" '
        'name="nieuw-bestand"></div></div>'
        f"{anonymise_switch()}"
        '<button type="submit">Vergelijken</button></form>',
    )


Version = tuple[str, str | bytes]


def compare_check(engine: Engine, old: Version, new: Version) -> CheckResult:
    """Both versions checked, from pasted texts or uploads ((name, text or bytes) each)."""
    from .jobs import read_upload

    documents = [
        document_from_text(content, name) if isinstance(content, str) else read_upload(content, name)
        for name, content in (old, new)
    ]
    return engine.check(documents)


def compare_page(result: CheckResult) -> str:
    """The comparison page for the two checked versions."""
    body = comparison_body(compare(*result.files))
    html = page(
        "taalcheck – voor en na",
        '<nav class="back"><a href="/vergelijken">← Nog een vergelijking</a></nav><h1>Voor en na</h1>' + body,
    )
    return html.replace("</head>", _head_links() + "\n</head>", 1)


def compare_result(engine: Engine, old: Version, new: Version) -> str:
    """The comparison page for two pasted texts or uploads (in a check process)."""
    return compare_page(compare_check(engine, old, new))


async def anonymous_compare_page(pool: CheckPool, old: Version, new: Version) -> str:
    """The comparison page with names replaced, one set of labels for both versions (checked in a
    check process, anonymised here like `anonymous_page`)."""
    from starlette.concurrency import run_in_threadpool

    result = await pool.run(compare_check, old, new)

    def render() -> str:
        from taalcheck.anonymise import Anonymiser

        return compare_page(Anonymiser().result(result))

    return await run_in_threadpool(render)


async def anonymous_page(pool: CheckPool, text: str | None, upload: tuple[str, bytes] | None) -> str:
    """The result page with names replaced: checked in a check process, anonymised here.

    The de-identification lists load once in this (server) process, which takes some seconds the
    first time; the check processes stay small and within their time budget.
    """
    from starlette.concurrency import run_in_threadpool

    result = await pool.run(jobs.check_result, text, upload)

    def render() -> str:
        from taalcheck.anonymise import Anonymiser

        return result_page(Anonymiser().result(result))

    return await run_in_threadpool(render)


# -- routes -----------------------------------------------------------------------------------


OWN_FILES = {OWN_FILES_MARK.decode(): "1"}


async def practice(request: Request) -> Response:
    return HTMLResponse(practice_page(), headers=OWN_FILES)


async def practice_check(request: Request) -> Response:
    """JSON in ({"origineel", "herschrijving"}), JSON out; nothing is kept."""
    try:
        data = json.loads(await request.body())
        original, rewrite = str(data["origineel"]), str(data["herschrijving"])
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"fout": "Het verzoek kon niet worden gelezen."}, status_code=400)
    if len(original) + len(rewrite) > MAX_PRACTICE_CHARS:
        return JSONResponse({"fout": "Dat is te lang voor een oefening; neem een kortere passage."}, 400)
    from .routes import _pool

    return JSONResponse(await _pool(request).run(practice_result, original, rewrite))


async def practice_anonymise(request: Request) -> Response:
    """JSON in ({"tekst"}), the text with names replaced out; nothing is kept. Done in this (server)
    process, where the de-identification lists stay loaded."""
    from starlette.concurrency import run_in_threadpool

    try:
        text = str(json.loads(await request.body())["tekst"])
    except (ValueError, KeyError, TypeError):
        return JSONResponse({"fout": "Het verzoek kon niet worden gelezen."}, status_code=400)
    if len(text) > MAX_PRACTICE_CHARS:
        return JSONResponse({"fout": "Dat is te lang voor een oefening; neem een kortere passage."}, 400)
    from taalcheck.anonymise import anonymised_text

    return JSONResponse({"tekst": await run_in_threadpool(anonymised_text, text)})


async def compare_form(request: Request) -> Response:
    return HTMLResponse(compare_form_page(), headers=OWN_FILES)


async def compare_submit(request: Request) -> Response:
    form = await forms.parse_form(request, max_files=2)
    versions: list[Version] = []
    for field in ("oud", "nieuw"):
        text = form.get(field)
        upload = form.get(f"{field}-bestand")
        data = b""
        if isinstance(upload, UploadFile):  # also an empty file field
            data = await upload.read()
            await upload.close()
        if isinstance(upload, UploadFile) and upload.filename:
            from .jobs import upload_name

            versions.append((upload_name(upload.filename), data))
        elif isinstance(text, str) and text.strip():
            versions.append(
                ("oude versie" if field == "oud" else "nieuwe versie", text.replace("\r\n", "\n"))
            )
        else:
            raise forms.FormError("Plak of kies zowel een oude als een nieuwe versie.")
    from .routes import _pool

    if form.get(ANONYMISE_FIELD) == "ja":
        page_html = await anonymous_compare_page(_pool(request), versions[0], versions[1])
    else:
        page_html = await _pool(request).run(compare_result, versions[0], versions[1])
    return HTMLResponse(page_html, headers=OWN_FILES)


async def static(request: Request) -> Response:
    name = request.path_params["name"]
    if name == "rapport.css":
        return Response(stylesheet() + COMPARE_CSS, media_type=STATIC[name])
    if name not in STATIC:
        return Response("Niet gevonden.", status_code=404, media_type="text/plain; charset=utf-8")
    content = resources.files("taalcheck.web").joinpath("static", name).read_bytes()
    return Response(content, media_type=STATIC[name])


ROUTES = [
    Route("/oefenen", practice, methods=["GET"]),
    Route("/oefenen/controleren", practice_check, methods=["POST"]),
    Route("/oefenen/anonimiseren", practice_anonymise, methods=["POST"]),
    Route("/vergelijken", compare_form, methods=["GET"]),
    Route("/vergelijken", compare_submit, methods=["POST"]),
    Route("/static/{name}", static, methods=["GET"]),
]
