"""A fast yes/no check of a JSON value against an exchange schema, compiled once from the schema itself.

jsonschema interprets the schema for every value: ≈ 10-20 ms for a report payload, most of the
time a province spends importing 3,321 files. The published schemas use a small subset of JSON
Schema, which compiles here into plain Python closures (≈ 1 ms a payload). The compiled check
only ever says "valid": a schema using any keyword outside the subset does not compile (None),
and a value it finds invalid goes to jsonschema, which stays the authority and writes the
message. tests/test_exchange_schema.py checks that both agree on thousands of altered payloads.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

_ANNOTATIONS = {"$schema", "$id", "title", "description", "$comment", "$defs", "format", "examples", "default"}
_TYPES: dict[str, Check] = {
    "object": lambda v: type(v) is dict,
    "array": lambda v: type(v) is list,
    "string": lambda v: type(v) is str,
    "integer": lambda v: type(v) is int,  # bool is not an integer; floats never reach here (parse_json)
    "number": lambda v: type(v) is int or type(v) is float,
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
}


class Unsupported(Exception):
    """The schema uses a keyword (or a form of one) that this compiler does not handle."""


def compile_schema(schema: Any) -> Check | None:
    """A check equivalent to the schema, or None when the schema goes beyond the supported subset."""
    try:
        return _compile(schema)
    except Unsupported:
        return None


def _scalar_values(values: list[Any]) -> list[Any]:
    if any(isinstance(v, dict | list) for v in values):
        raise Unsupported("enum/const of objects or arrays")
    return values


def _same(a: Any, b: Any) -> bool:
    return type(a) is type(b) and a == b  # JSON: true is not 1


def _compile(node: Any) -> Check:
    if node is True or node == {}:
        return lambda v: True
    if node is False:
        return lambda v: False
    if not isinstance(node, dict):
        raise Unsupported(repr(node)[:40])
    unknown = set(node) - _ANNOTATIONS - _KEYWORDS
    if unknown:
        raise Unsupported(", ".join(sorted(unknown)))
    fused = _leaf(node)
    if fused is not None:
        return fused
    checks: list[Check] = []
    n = node

    if "type" in n:
        names = n["type"] if isinstance(n["type"], list) else [n["type"]]
        tests = [_TYPES[t] for t in names]
        checks.append(tests[0] if len(tests) == 1 else lambda v: any(t(v) for t in tests))
    if "enum" in n:
        values = _scalar_values(list(n["enum"]))
        checks.append(lambda v: any(_same(v, e) for e in values))
    if "const" in n:
        [const] = _scalar_values([n["const"]])
        checks.append(lambda v: _same(v, const))
    if "minimum" in n or "maximum" in n:
        low, high = n.get("minimum"), n.get("maximum")

        def bounds(v: Any) -> bool:
            if type(v) is not int and type(v) is not float:
                return True
            return (low is None or v >= low) and (high is None or v <= high)

        checks.append(bounds)
    if "minLength" in n or "maxLength" in n or "pattern" in n:
        shortest, longest = n.get("minLength", 0), n.get("maxLength")
        pattern = re.compile(n["pattern"]) if "pattern" in n else None

        def text(v: Any) -> bool:
            if type(v) is not str:
                return True
            if len(v) < shortest or (longest is not None and len(v) > longest):
                return False
            return pattern is None or pattern.search(v) is not None

        checks.append(text)
    if _OBJECT & set(n):
        checks.append(_object(n))
    if _ARRAY & set(n):
        checks.append(_array(n))
    for key, combine in (("allOf", all), ("anyOf", any)):
        if key in n:
            subs = [_compile(s) for s in n[key]]
            checks.append(lambda v, subs=subs, combine=combine: combine(s(v) for s in subs))
    if "oneOf" in n:
        one_of = [_compile(s) for s in n["oneOf"]]
        checks.append(lambda v: sum(1 for s in one_of if s(v)) == 1)
    if "not" in n:
        negated = _compile(n["not"])
        checks.append(lambda v: not negated(v))
    if "if" in n:
        cond = _compile(n["if"])
        then = _compile(n.get("then", True))
        other = _compile(n.get("else", True))
        checks.append(lambda v: then(v) if cond(v) else other(v))
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)
    return lambda v: all(c(v) for c in checks)


def _leaf(n: dict[str, Any]) -> Check | None:
    """One closure for the commonest leaves (a bounded integer, a bounded string): most of a payload's values."""
    keys = set(n) - _ANNOTATIONS
    if n.get("type") == "integer" and keys <= {"type", "minimum", "maximum"}:
        low, high = n.get("minimum", float("-inf")), n.get("maximum", float("inf"))
        return lambda v: type(v) is int and low <= v <= high
    if n.get("type") == "string" and keys <= {"type", "minLength", "maxLength"}:
        shortest, longest = n.get("minLength", 0), n.get("maxLength", float("inf"))
        return lambda v: type(v) is str and shortest <= len(v) <= longest
    return None


_OBJECT = {"properties", "required", "additionalProperties", "maxProperties", "minProperties", "propertyNames"}
_ARRAY = {"items", "minItems", "maxItems"}
_KEYWORDS = {
    "type",
    "enum",
    "const",
    "minimum",
    "maximum",
    "minLength",
    "maxLength",
    "pattern",
    *_OBJECT,
    *_ARRAY,
    "allOf",
    "anyOf",
    "oneOf",
    "not",
    "if",
    "then",
    "else",
}


def _object(n: dict[str, Any]) -> Check:
    props = {k: _compile(s) for k, s in n.get("properties", {}).items()}
    required = tuple(n.get("required", ()))
    extra = n.get("additionalProperties", True)
    extra_check = None if extra is True else _compile(extra)
    fewest, most = n.get("minProperties", 0), n.get("maxProperties")
    names = _compile(n["propertyNames"]) if "propertyNames" in n else None

    def check(v: Any) -> bool:
        if type(v) is not dict:
            return True
        if len(v) < fewest or (most is not None and len(v) > most):
            return False
        for key in required:
            if key not in v:
                return False
        for key, value in v.items():
            sub = props.get(key)
            if sub is not None:
                if not sub(value):
                    return False
            elif extra_check is not None and not extra_check(value):
                return False
            if names is not None and not names(key):
                return False
        return True

    return check


def _array(n: dict[str, Any]) -> Check:
    items = n.get("items", True)
    if isinstance(items, list):
        raise Unsupported("items as a list (use prefixItems)")
    item = _compile(items)
    fewest, most = n.get("minItems", 0), n.get("maxItems")

    def check(v: Any) -> bool:
        if type(v) is not list:
            return True
        if len(v) < fewest or (most is not None and len(v) > most):
            return False
        return all(item(x) for x in v)

    return check
