"""The project's apps form layers, and imports only go down them: no app imports one above it,
the caching layer at the bottom imports none, and no module imports itself through others.
Imports inside functions count too: deferring an import hides a circle, it does not remove it."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Bottom to top (README: "Layers"). Apps on one level do not import each other.
LAYERS = {
    "caching": 0,
    "typography": 0,
    "privacy": 0,
    "jobs": 1,  # built on privacy (it registers its personal data there)
    "figures": 1,
    "lessons": 2,
    "quizzes": 3,
    "workshops": 4,
    "recall": 4,  # retrieval practice: built on quizzes (and jobs, for its e-mails)
    "live": 5,
    "attendance": 5,
    "satisfaction": 5,  # questionnaires built on quizzes' questions without a right answer
    "attestations": 6,
    "convocations": 6,  # tells learners how to sign (attendance)
    "reporting": 6,  # beside attestations; home may show its page
    "accounts": 7,
    "home": 7,
    "config": 8,
}


def modules():
    for app in LAYERS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
                yield name.removesuffix(".__init__"), path


def imports(name, path):
    """The first-party modules `name` imports, at load time or inside a function (each as the
    longest known module name)."""
    tree = ast.parse(path.read_text())
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            if target.split(".")[0] in LAYERS:
                yield target


def test_imports_only_go_down_the_layers():
    wrong = []
    for name, path in modules():
        app = name.split(".")[0]
        for target in imports(name, path):
            other = target.split(".")[0]
            if other != app and LAYERS[other] >= LAYERS[app]:
                wrong.append(f"{name} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_itself_through_others():
    known = dict(modules())
    graph = {}
    for name, path in known.items():
        targets = set()
        for target in imports(name, path):
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                targets.add(target)
        graph[name] = targets
    cycles = []
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                cycles.append(" → ".join([*trail[trail.index(nxt) :], nxt]))
            elif nxt not in state:
                visit(nxt, [*trail, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(cycles)
