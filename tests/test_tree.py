"""Tests of build_tree (macros/tree.py): the question trees the guides walk.

The guide trees are checked against the decision functions themselves (every path ends on the
function's outcome, and every question asked can still change it), and their shapes, as outcome ids,
against trees written by hand from the contract (shared/design/guides.md).
"""

from __future__ import annotations

import itertools
import json

import pytest

from macros.decisions import GUIDES
from macros.decisions.model import Option, Question
from macros.tree import Ask, build_tree

TREE_GUIDES = [name for name, guide in GUIDES.items() if all(q.kind != "multi" for q in guide.questions)]
# Each guide's arguments and their valid answers, as its questions give them (each truth table in
# tests/truth_tables.py covers them all: test_decisions.py).
DOMAINS = {name: {q.name: q.values() for q in GUIDES[name].questions} for name in TREE_GUIDES}


@pytest.fixture(scope="module")
def trees():
    return {name: build_tree(GUIDES[name].questions, GUIDES[name].function) for name in TREE_GUIDES}


def answer_id(value):
    if isinstance(value, bool):
        return "yes" if value else "no"
    return value


def assignments(domain):
    for combo in itertools.product(*domain.values()):
        yield dict(zip(domain, combo, strict=False))


def walk(tree, assignment):
    """Walk the tree with these answers: the names asked, in order, and the leaf index reached."""
    node, asked = tree.root, []
    while isinstance(node, Ask):
        name = node.question.name
        asked.append(name)
        node = node.branches[answer_id(assignment[name])]
    return asked, node


def can_change(function, domain, assigned, name):
    """Whether some completion of the unanswered questions makes the answer to ``name`` matter."""
    rest = {n: v for n, v in domain.items() if n not in assigned and n != name}
    for completion in assignments(rest):
        outcomes = {function(**assigned, **completion, **{name: value}) for value in domain[name]}
        if len(outcomes) > 1:
            return True
    return False


def asks(tree):
    """Every question node, with the answers given before it: (assigned, node)."""
    found = []

    def visit(node, assigned):
        if isinstance(node, Ask):
            found.append((assigned, node))
            values = DOMAINS_BY_QUESTION[node.question.name]
            for value in values:
                visit(node.branches[answer_id(value)], {**assigned, node.question.name: value})

    visit(tree.root, {})
    return found


DOMAINS_BY_QUESTION = {name: values for domain in DOMAINS.values() for name, values in domain.items()}


@pytest.mark.parametrize("name", TREE_GUIDES)
def test_every_assignment_reaches_the_functions_outcome(trees, name):
    tree, function = trees[name], GUIDES[name].function
    for assignment in assignments(DOMAINS[name]):
        asked, leaf = walk(tree, assignment)
        assert len(asked) == len(set(asked)), f"a question is asked twice: {asked}"
        assert 0 <= leaf < len(tree.leaves)
        assert tree.leaves[leaf] == function(**assignment), assignment


@pytest.mark.parametrize("name", TREE_GUIDES)
def test_branches_are_exactly_the_answer_ids(trees, name):
    for _, node in asks(trees[name]):
        expected = [answer_id(v) for v in DOMAINS_BY_QUESTION[node.question.name]]
        assert list(node.branches) == expected


@pytest.mark.parametrize("name", TREE_GUIDES)
def test_no_useless_question(trees, name):
    function, domain = GUIDES[name].function, DOMAINS[name]
    for assigned, node in asks(trees[name]):
        assert can_change(function, domain, assigned, node.question.name), (assigned, node.question.name)


@pytest.mark.parametrize("name", TREE_GUIDES)
def test_to_json_is_serializable_and_indexes_the_leaves(trees, name):
    tree = trees[name]
    encoded = tree.to_json()
    assert json.loads(json.dumps(encoded)) == encoded
    used = set()

    def visit(node):
        if isinstance(node, dict):
            assert set(node) == {"q", "a"}
            assert node["q"] in DOMAINS[name]
            for child in node["a"].values():
                visit(child)
        else:
            assert type(node) is int and 0 <= node < len(tree.leaves)
            used.add(node)

    visit(encoded)
    assert used == set(range(len(tree.leaves))), "every leaf is reachable"
    assert len(set(tree.leaves)) == len(tree.leaves), "leaves are distinct"


def test_app_access_first_yes_ends_the_guide(trees):
    root = trees["app_access"].root
    assert isinstance(root, Ask) and root.question.name == "federated_accounts"
    assert isinstance(root.branches["yes"], int)
    for assigned, node in asks(trees["app_access"]):
        assert isinstance(node.branches["yes"], int), assigned


def test_pkce_asks_one_question(trees):
    root = trees["pkce"].root
    assert isinstance(root, Ask) and root.question.name == "platform"
    assert all(isinstance(child, int) for child in root.branches.values())


# The shapes of the site's trees with outcome ids at the leaves, by hand from the contract: {question:
# {answer: ...}}; they pin the order in which each guide asks (a new guide needs no entry here).
EXPECTED_SHAPES = {
    "app_type": {"purpose": {"call-apis": "rest-api-app", "chat-bot": "bot", "extend-desktop-app": "add-in"}},
    "auth_method": {
        "users_sign_in": {
            "yes": {"has_user_interface": {"yes": "three-legged-oauth", "no": "three-legged-oauth"}},
            "no": {"has_user_interface": {"yes": "jwt", "no": "jwt"}},
        }
    },
    "pkce": {
        "platform": {
            "server-web": "recommended",
            "browser": "required",
            "ios": "required",
            "android": "required",
            "mobile-other": "required",
            "windows": "required",
            "mac": "required",
            "desktop-other": "required",
            "no-ui": "not-applicable",
        }
    },
    "refresh_tokens": {"stay_signed_in": {"yes": "enable", "no": "not-needed"}},
    "app_access": {
        "federated_accounts": {
            "yes": "public",
            "no": {
                "own_company_data_only": {
                    "yes": "private",
                    "no": {
                        "communication_platform": {
                            "yes": "private",
                            "no": {"for_ringcentral_customers": {"yes": "public", "no": "private"}},
                        }
                    },
                }
            },
        }
    },
    "partner_reach": {
        "access": {
            "private": "not-applicable",
            "public": {"restrict_to_partners": {"yes": "selected-partners", "no": "all-partners"}},
        }
    },
    "app_features": {
        "app_type": {
            "rest-api-app": {"interactive_messages": {"yes": "interactive-messages", "no": "none"}},
            "bot": {"interactive_messages": {"yes": "interactive-messages", "no": "none"}},
            "add-in": {
                "interactive_messages": {
                    "yes": {
                        "install_via_web": {
                            "yes": "integrated-installation+interactive-messages+web-installation",
                            "no": "integrated-installation+interactive-messages",
                        }
                    },
                    "no": {
                        "install_via_web": {
                            "yes": "integrated-installation+web-installation",
                            "no": "integrated-installation",
                        }
                    },
                }
            },
        }
    },
}


def shape(tree):
    def encode(node):
        if isinstance(node, int):
            return tree.leaves[node].id
        return {node.question.name: {answer: encode(child) for answer, child in node.branches.items()}}

    return encode(tree.root)


@pytest.mark.parametrize("name", sorted(EXPECTED_SHAPES))
def test_tree_shape(trees, name):
    assert shape(trees[name]) == EXPECTED_SHAPES[name]


@pytest.mark.parametrize("name", TREE_GUIDES)
def test_paths_match_the_tree(trees, name):
    tree = trees[name]
    paths = tree.paths()
    walked = set()
    for assignment in assignments(DOMAINS[name]):
        asked, leaf = walk(tree, assignment)
        walked.add((tuple((q, answer_id(assignment[q])) for q in asked), leaf))
    assert {(tuple((q.name, a) for q, a in steps), leaf) for steps, leaf in paths} == walked
    assert len(paths) == len(walked)


# --------------------------------------------------------------------------------------------------
# build_tree on made-up functions
# --------------------------------------------------------------------------------------------------

A = Question("a", "A?", "bool")
B = Question("b", "B?", "bool")
COLOUR = Question(
    "colour", "Colour?", "choice", (Option("red", "Red"), Option("green", "Green"), Option("blue", "Blue"))
)


def test_synthetic_b_matters_only_when_a():
    def f(*, a, b):
        return ("a-and-b" if b else "a-only") if a else "not-a"

    tree = build_tree((A, B), f)
    assert tree.to_json() == {"q": "a", "a": {"yes": {"q": "b", "a": {"yes": 0, "no": 1}}, "no": 2}}
    assert tree.leaves == ("a-and-b", "a-only", "not-a")


def test_synthetic_irrelevant_first_question_is_skipped():
    def f(*, a, b):
        return "b" if b else "not-b"

    tree = build_tree((A, B), f)
    assert tree.to_json() == {"q": "b", "a": {"yes": 0, "no": 1}}
    assert tree.leaves == ("b", "not-b")


def test_synthetic_constant_function_asks_nothing():
    tree = build_tree((A, COLOUR), lambda *, a, colour: "same")
    assert tree.to_json() == 0
    assert tree.leaves == ("same",)
    assert tree.paths() == [((), 0)]


def test_synthetic_choice_then_bool_with_shared_leaves():
    def f(*, colour, a):
        if colour == "red":
            return "stop"
        return "go" if a or colour == "green" else "stop"

    tree = build_tree((COLOUR, A), f)
    assert tree.to_json() == {"q": "colour", "a": {"red": 0, "green": 1, "blue": {"q": "a", "a": {"yes": 1, "no": 0}}}}
    assert tree.leaves == ("stop", "go")


def test_synthetic_question_order_is_kept_when_both_matter():
    def f(*, a, b):
        return a != b  # xor: both questions always matter

    tree = build_tree((B, A), f)
    assert tree.to_json() == {
        "q": "b",
        "a": {"yes": {"q": "a", "a": {"yes": 0, "no": 1}}, "no": {"q": "a", "a": {"yes": 1, "no": 0}}},
    }
    assert tree.leaves == (False, True)
