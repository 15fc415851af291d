"""Imports go one way: flows -> transforms, expectations, warehouse. Transforms stay pure."""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _sources(package):
    return [(p, p.read_text()) for p in (ROOT / package).rglob("*.py")]


def test_transforms_do_no_io_and_import_no_engine():
    banned = re.compile(
        r"^\s*(?:import|from)\s+(prefect|duckdb|great_expectations|flows|"
        r"warehouse|expectations)\b",
        re.MULTILINE,
    )
    io = re.compile(r"\b(open\(|read_text\(|write_text\(|read_bytes\(|requests\.|urlopen)")
    for path, text in _sources("transforms"):
        assert not banned.search(text), f"{path} imports an engine or an outer layer"
        assert not io.search(text), f"{path} does file or network I/O"


def test_nothing_imports_flows():
    pattern = re.compile(r"^\s*(?:import|from)\s+flows\b", re.MULTILINE)
    for package in ("transforms", "warehouse", "expectations"):
        for path, text in _sources(package):
            assert not pattern.search(text), f"{path} imports flows"


def test_command_modules_do_not_import_the_cli():
    """flows/cli.py registers every command; the modules defining them never import it back."""
    pattern = re.compile(r"^\s*(?:import|from)\s+flows\.cli\b|from flows import cli\b", re.M)
    for path, text in _sources("flows"):
        assert not pattern.search(text), f"{path} imports flows.cli"


def test_importing_the_settings_changes_nothing_in_the_process():
    code = (
        "import os, sys; before = dict(os.environ); import flows.settings; "
        "print(dict(os.environ) == before, 'pyarrow' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.split() == ["True", "False"], out.stderr


PACKAGES = ("flows", "transforms", "expectations", "warehouse")
# Functions over 60 lines the packages may hold, none over 100 (issue 15: short functions).
LONG, TOO_LONG, LONG_ALLOWED = 60, 100, 8


def _functions():
    import ast

    for package in PACKAGES:
        for path, text in _sources(package):
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                    length = node.end_lineno - node.lineno + 1
                    yield f"{path.relative_to(ROOT)}:{node.lineno} {node.name}", length


def test_no_function_is_too_long_to_read():
    lengths = dict(_functions())
    too_long = {name: n for name, n in lengths.items() if n > TOO_LONG}
    long = sorted((n, name) for name, n in lengths.items() if n > LONG)
    assert not too_long, f"functions over {TOO_LONG} lines: {too_long}"
    assert len(long) <= LONG_ALLOWED, f"{len(long)} functions over {LONG} lines: {long}"


def _private_uses(path, text):
    """Names with a leading underscore taken from another of the packages' modules: imported
    (``from m import _x``) or read off an imported module (``m._x``)."""
    import ast

    tree = ast.parse(text)
    modules = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            inside = node.module.split(".")[0] in PACKAGES
            for alias in node.names:
                if inside and alias.name.startswith("_") and not alias.name.startswith("__"):
                    yield f"{path.name}: from {node.module} import {alias.name}"
                modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                modules[alias.asname or alias.name.split(".")[0]] = alias.name

    def is_module(dotted):
        where = ROOT.joinpath(*dotted.split("."))
        return where.with_suffix(".py").is_file() or (where / "__init__.py").is_file()

    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and node.value.id in modules
            and modules[node.value.id].split(".")[0] in PACKAGES
            and is_module(modules[node.value.id])
        ):
            yield f"{path.name}: {node.value.id}.{node.attr}"


def test_no_module_uses_another_module_s_private_names():
    found = [
        use for package in PACKAGES for p, t in _sources(package) for use in _private_uses(p, t)
    ]
    assert found == []


def _table_type_mixes(tree):
    """Where a module lets a table come as pandas or Arrow: an annotation naming both a
    DataFrame and a Table (``pd.DataFrame | pa.Table``, either order, in a Union or Optional),
    and an ``isinstance`` test against either (a branch on the table's type)."""
    import ast

    def names(node):
        text = ast.unparse(node)
        return re.search(r"\bDataFrame\b", text) and re.search(r"\bTable\b", text)

    for node in ast.walk(tree):
        annotations, where = [], ""
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            args = node.args
            every = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
            annotations = [a.annotation for a in every if a is not None and a.annotation]
            annotations += [node.returns] if node.returns else []
            where = node.name
        elif isinstance(node, ast.AnnAssign):
            annotations, where = [node.annotation], ast.unparse(node.target)
        for annotation in annotations:
            if names(annotation):
                yield f"{node.lineno} {where}: {ast.unparse(annotation)}"
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "isinstance"
            and len(node.args) == 2
            and re.search(r"\b(?:DataFrame|Table)\b", ast.unparse(node.args[1]))
        ):
            yield f"{node.lineno} {ast.unparse(node)}"


def test_the_type_check_finds_a_table_that_may_be_either():
    import ast

    mixed = """
def f(df: pd.DataFrame | pa.Table, other: "pa.Table | pd.DataFrame | None") -> pa.Table:
    sub: Union[pd.DataFrame, pa.Table] = df
    if isinstance(df, pa.Table):
        return df
def g(t: Optional[pa.Table | pd.DataFrame] = None): ...
"""
    clean = """
def f(table: pa.Table, rows: list[dict]) -> pd.DataFrame:
    width: int = 3
    return isinstance(rows, list)
"""
    found = [line.split()[0] for line in _table_type_mixes(ast.parse(mixed))]
    assert sorted(found) == ["2", "2", "3", "4", "6"]
    assert list(_table_type_mixes(ast.parse(clean))) == []


def test_transforms_take_tables_of_one_type():
    """Tables enter a transform as Arrow only (issue 15): no signature takes pandas or Arrow,
    no branch on which one came, so no NaN cleaning halfway through; callers convert once."""
    import ast

    found = [
        f"{path.relative_to(ROOT)}:{use}"
        for path, text in _sources("transforms")
        for use in _table_type_mixes(ast.parse(text))
    ]
    assert found == []


def test_the_transforms_entry_points_take_arrow_tables():
    import inspect

    from transforms.entities import (
        detect_mentions,
        discover_entities,
        extract_names,
        name_candidates,
    )
    from transforms.events import extract_reports, merge_events, place_index
    from transforms.events.remerge import remerge_events

    tables = {
        detect_mentions: ["documents"],
        extract_names: ["documents"],
        name_candidates: ["mentions", "documents"],
        discover_entities: ["mentions", "documents"],
        extract_reports: ["documents", "mentions", "places"],
        merge_events: ["reports", "documents", "places", "entities"],
        remerge_events: ["candidates", "documents", "places", "entities"],
        place_index: ["places"],
    }
    for fn, params in tables.items():
        got = {p: inspect.signature(fn).parameters[p].annotation for p in params}
        assert got == dict.fromkeys(params, "pa.Table"), fn.__name__
