"""Sizes and shared layouts (ARCHITECTURE.md, "Layout"): small modules, one layout per kind of page, styles in files.

- No Python module over about 400 lines outside migrations and reference data: split by concept into a package.
- The account pages with a form (login, password change, reset, new password) extend one layout.
- PDF templates carry no inline styles: the print stylesheet (static/css/print.css) holds them.
"""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_MODULE_LINES = 400
SOURCES = ["wellfare", "governance", "patti", "laboratori", "imprese", "civic_center", "wellfare_lab", "fundraising"]
REFERENCE_DATA = {"governance/reference_data.py", "governance/results/reference.py"}


def python_modules():
    for top in [*SOURCES, "tests"]:
        for path in sorted((ROOT / top).rglob("*.py")) if (ROOT / top).exists() else []:
            relative = path.relative_to(ROOT).as_posix()
            if "migrations" not in path.parts and relative not in REFERENCE_DATA:
                yield relative, path


def module_lengths() -> dict[str, int]:
    return {name: len(path.read_text().splitlines()) for name, path in python_modules()}


def test_no_module_is_over_400_lines():
    too_long = {name: n for name, n in module_lengths().items() if n > MAX_MODULE_LINES}
    assert not too_long, f"modules over {MAX_MODULE_LINES} lines (split them by concept): {too_long}"


@pytest.mark.parametrize(
    "name", ["login.html", "password_change_form.html", "password_reset_form.html", "password_reset_confirm.html"]
)
def test_account_forms_share_one_layout(name):
    text = (ROOT / "templates" / "registration" / name).read_text()
    assert text.startswith('{% extends "registration/form_page.html" %}')
    assert "<form" not in text  # the form itself lives in the layout


def pdf_templates():
    return sorted(p for top in SOURCES + ["templates"] for p in (ROOT / top).rglob("*pdf*.html"))


def test_there_are_pdf_templates_to_check():
    assert len(pdf_templates()) >= 3


@pytest.mark.parametrize("path", pdf_templates(), ids=lambda p: p.name)
def test_pdf_templates_take_their_styles_from_the_print_stylesheet(path):
    text = path.read_text()
    assert "css/print.css" in text
    assert "<style" not in text and "style=" not in text
