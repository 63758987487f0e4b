"""Imports go one way: cli -> runner -> backends -> process -> schema (docs/architecture.md).

Read from the source with ``ast``, so an import hidden inside a function counts too.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"

#: Each module (or package) and the modules above it that it must never import.
ABOVE = {
    "pipeline.process": ("pipeline.runner", "pipeline.backends", "pipeline.cli"),
    "pipeline.schema": ("pipeline.process", "pipeline.runner", "pipeline.backends", "pipeline.cli"),
    "pipeline.backends": ("pipeline.runner", "pipeline.cli"),
    "pipeline.runner": ("pipeline.cli",),
    "pipeline.components": ("pipeline.process", "pipeline.runner", "pipeline.backends"),
    "pipeline.evaluate": ("pipeline.runner", "pipeline.backends", "pipeline.cli"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports resolved."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


@pytest.mark.parametrize("lower", sorted(ABOVE))
def test_no_import_goes_back_up(lower: str) -> None:
    modules = [p for p in PACKAGE.rglob("*.py") if within(module_name(p), lower)]
    assert modules, f"no module {lower}"
    wrong = sorted(
        f"{module_name(path)} imports {name}"
        for path in modules
        for name in imported(path)
        if any(within(name, upper) for upper in ABOVE[lower])
    )
    assert not wrong, wrong


#: Packages whose modules never import each other both ways (a shared piece goes to a lower
#: module, as evaluate/common.py and review/page.py).
NO_MUTUAL_IMPORTS = (
    "pipeline",
    "pipeline.backends",
    "pipeline.components.entities",
    "pipeline.corpus",
    "pipeline.evaluate",
    "pipeline.io",
    "pipeline.lang",
    "pipeline.review",
)


def sibling_imports(package: str) -> dict[str, set[str]]:
    """For each module of ``package`` (not its sub-packages), the sibling modules it imports."""
    folder = PACKAGE.parent.joinpath(*package.split("."))
    modules = {module_name(p): p for p in folder.glob("*.py") if p.name != "__init__.py"}
    return {
        name: {other for other in modules if other != name and other in imported(path)}
        for name, path in modules.items()
    }


@pytest.mark.parametrize("package", NO_MUTUAL_IMPORTS)
def test_no_module_imports_a_sibling_that_imports_it_back(package: str) -> None:
    siblings = sibling_imports(package)
    assert siblings, f"no modules in {package}"
    cycles = sorted(
        f"{a} <-> {b}" for a, imports in siblings.items() for b in imports if a in siblings[b]
    )
    assert not cycles, cycles


def test_the_import_reader_sees_imports_inside_functions() -> None:
    """A cycle hidden in a function counts: the CLI imports the gold checks lazily."""
    assert "pipeline.evaluate.gold" in imported(PACKAGE / "cli" / "scoring.py")
    assert "pipeline.review.page" in sibling_imports("pipeline.review")["pipeline.review.speakers"]


def test_the_import_reader_resolves_relative_imports() -> None:
    found = imported(PACKAGE / "backends" / "local.py")
    assert {"pipeline.process", "pipeline.backends.base", "pipeline.nlp"} <= found


def test_the_public_api_is_lazy_and_points_at_the_layers() -> None:
    """``import pipeline`` loads no spaCy; ``pipeline.extract`` etc. are the layers' functions."""
    script = (
        "import sys, pipeline\n"
        "assert 'spacy' not in sys.modules, 'import pipeline imported spaCy'\n"
        "from pipeline import nlp, process, runner\n"
        "assert pipeline.extract is runner.extract\n"
        "assert pipeline.process_text is process.process_text\n"
        "assert pipeline.load is nlp.load\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
