"""The HTML pages of the web app: form, error and result pages (Dutch, no scripts)."""

from __future__ import annotations

from taalcheck.documents import SUPPORTED_SUFFIXES
from taalcheck.model import CheckResult
from taalcheck.report.html import esc, render_html

TEXT_FIELD = "tekst"
FILE_FIELD = "bestand"
ANONYMISE_FIELD = "anonimiseer"

PAGE_CSS = """
*{box-sizing:border-box}
html{font-size:18px}
body{margin:0;padding:1.5rem 2rem;font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;
 line-height:1.5;color:#1a1a1a;background:#fafafa}
main{max-width:52rem;margin:0 auto}
h1{font-size:2rem;margin:0 0 .5rem}
label{display:block;font-weight:600;margin:1.25rem 0 .35rem}
label.inline{display:inline;font-weight:400;margin:0}
.switch{margin:1rem 0 0}
textarea{width:100%;min-height:18rem;font:inherit;font-size:1.05rem;padding:.6rem;border:2px solid #888;
 border-radius:.4rem;background:#fff;color:inherit}
input[type=file]{font:inherit}
textarea:focus,input:focus,button:focus,a:focus{outline:3px solid #2A8FCB;outline-offset:2px}
button{margin-top:1.5rem;font:inherit;font-size:1.1rem;font-weight:700;padding:.55rem 1.6rem;border:0;
 border-radius:.4rem;background:#1a1a1a;color:#fff;cursor:pointer}
button:hover{background:#333}
.buttons{display:flex;flex-wrap:wrap;gap:1rem;align-items:baseline;margin:0}
button.secondary{background:#fff;color:#1a1a1a;border:2px solid #1a1a1a}
button.secondary:hover{background:#eee}
.hint{color:#555;font-size:.9rem;margin:.2rem 0}
.privacy{border-left:.4rem solid #007A5A;background:#fff;padding:.5rem .8rem;margin:1rem 0}
.error{border:2px solid #B0578A;border-radius:.4rem;background:#fff;padding:.6rem 1rem;margin:1rem 0}
"""


def size_label(size: int) -> str:
    """A byte count for people: "20 MB", "1,5 MB", "800 kB"."""
    if size >= 1_000_000:
        megabytes = size / 1_000_000
        return (f"{megabytes:.1f}".rstrip("0").rstrip(".").replace(".", ",")) + " MB"
    return f"{max(size // 1000, 1)} kB"


def page(title: str, body: str) -> str:
    """A complete page in the app's style around `body` (HTML)."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


LOCAL_PRIVACY = "Alles blijft op deze computer: de tekst wordt nergens heen gestuurd en niet bewaard."
SERVER_PRIVACY = (
    "De tekst gaat alleen naar de taalcheck-server van uw organisatie, wordt daar gecontroleerd "
    "en niet bewaard."
)


def form_page(max_upload_label: str, local: bool = True) -> str:
    """The start page: a text field, a file field and one button."""
    accept = ",".join(SUPPORTED_SUFFIXES)
    types = ", ".join(SUPPORTED_SUFFIXES)
    return page(
        "taalcheck – taaladvies",
        "<h1>taalcheck – taaladvies</h1>\n"
        "<p>Controleer een rapport op formuleringen die uitgaan van controle en beheersing, "
        "en lees suggesties voor taal vanuit visie, vertrouwen en verantwoordelijkheid.</p>\n"
        f'<p class="privacy">{LOCAL_PRIVACY if local else SERVER_PRIVACY}</p>\n'
        '<form method="post" action="/controleren" enctype="multipart/form-data">\n'
        f'<label for="{TEXT_FIELD}">Plak hier de tekst van uw rapport</label>\n'
        f'<textarea id="{TEXT_FIELD}" name="{TEXT_FIELD}" rows="16" spellcheck="false"></textarea>\n'
        f'<label for="{FILE_FIELD}">Of kies een bestand</label>\n'
        f'<input type="file" id="{FILE_FIELD}" name="{FILE_FIELD}" accept="{esc(accept)}" '
        f'aria-describedby="{FILE_FIELD}-uitleg">\n'
        f'<p class="hint" id="{FILE_FIELD}-uitleg">Bestandstypen: {esc(types)}; '
        f"hoogstens {esc(max_upload_label)}.</p>\n"
        f"{anonymise_switch()}\n"
        '<p class="buttons"><button type="submit">Controleren</button>\n'
        '<button type="submit" class="secondary" formaction="/opmerkingen" '
        'aria-describedby="opmerkingen-uitleg">Word-kopie met opmerkingen</button></p>\n'
        '<p class="hint" id="opmerkingen-uitleg">Met een Word-bestand: u krijgt een kopie (.docx) '
        "terug met bij elke passage een opmerking; uw eigen bestand blijft zoals het is.</p>\n"
        "</form>\n"
        '<p class="hint">Voor trainers en teams: <a href="/oefenen">oefenen met formuleren</a> · '
        '<a href="/vergelijken">voor en na vergelijken</a></p>',
    )


def anonymise_switch(what: str = "") -> str:
    """The 'names out' check box (form field `anonimiseer`, value `ja`)."""
    return (
        f'<p class="switch"><input type="checkbox" id="{ANONYMISE_FIELD}" name="{ANONYMISE_FIELD}" value="ja"> '
        f'<label for="{ANONYMISE_FIELD}" class="inline">Namen eruit: vervang namen, data, adressen, '
        f"telefoonnummers, BSN, zaaknummers en e-mailadressen door labels ([PERSOON-1] ...){what}</label></p>"
    )


def error_page(message: str) -> str:
    """A friendly Dutch page with one message and a way back."""
    return page(
        "taalcheck – er ging iets mis",
        "<h1>Dat lukte niet</h1>\n"
        f'<p class="error" role="alert">{esc(message)}</p>\n'
        '<p><a href="/">Terug naar het formulier</a></p>',
    )


BACK_LINK = '<nav class="back"><p><a href="/">← Nog een tekst controleren</a></p></nav>\n'


def result_page(result: CheckResult) -> str:
    """The standard HTML report with a link back to the form."""
    report = render_html(result)
    marker = "<main>\n"
    if marker in report:
        return report.replace(marker, marker + BACK_LINK, 1)
    return report.replace("<body>", "<body>\n" + BACK_LINK, 1)
