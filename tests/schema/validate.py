#!/usr/bin/python3
"""Validate accord YAML files against the JSON Schemas in schemas/.

Usage: validate.py --schemas DIR [--expect valid|invalid] [--list] PATH...

PATH is a file or a folder (searched recursively for *.yaml and *.yml).
Every non-empty YAML document is validated against document.schema.json.
Errors are printed as `FILE: error: JSON-PATH: MESSAGE` (MESSAGE ends with
`(document N)` in a file of several documents; a file that cannot be read as
YAML, or holds no record, gets one error with JSON-PATH `$`).

Exit status: 0 when every file matches the expectation (default `valid`;
with `--expect invalid` each file must have at least one error), 1 otherwise,
2 on a usage error (including a missing PATH or a broken schema folder).
`--list` prints `FILE valid|invalid` per file and exits 0.

Runs on Debian 12's /usr/bin/python3 (python3-jsonschema 4.10, python3-yaml).
"""
import argparse
import json
import pathlib
import re
import sys

import jsonschema
import yaml

ROOT_SCHEMA = "document.schema.json"


class CoreLoader(yaml.SafeLoader):
    """SafeLoader that types plain scalars by the YAML 1.2 core schema.

    PyYAML follows YAML 1.1, which would turn 2024-10-17 into a date and
    yes/no/on/off into booleans; accord (yaml-cpp side) reads YAML 1.2 core,
    where those stay strings. Mapping keys stay text as written. Aliases,
    duplicate keys and non-scalar keys are rejected.
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases are not part of the accord format", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        # Keys are field names: kept as written (JSON keys are text); no merge keys.
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    "found a key that is not a scalar", key_node.start_mark)
            if key_node.value in mapping:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    f"found duplicate key {key_node.value!r}", key_node.start_mark)
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_core_int(self, node):
        text = self.construct_scalar(node)
        if text.startswith("0o"):
            return int(text[2:], 8)
        if text.startswith("0x"):
            return int(text[2:], 16)
        return int(text, 10)

    def construct_core_float(self, node):
        text = self.construct_scalar(node).lower()
        if text.endswith(".inf"):
            return float("-inf") if text.startswith("-") else float("inf")
        if text == ".nan":
            return float("nan")
        return float(text)


# Replace PyYAML's YAML 1.1 implicit resolvers by the YAML 1.2 core schema.
CoreLoader.yaml_implicit_resolvers = {}
for _tag, _regexp, _first in [
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", list("-+0123456789.")),
]:
    CoreLoader.add_implicit_resolver("tag:yaml.org,2002:" + _tag, re.compile(_regexp), _first)
CoreLoader.add_constructor("tag:yaml.org,2002:int", CoreLoader.construct_core_int)
CoreLoader.add_constructor("tag:yaml.org,2002:float", CoreLoader.construct_core_float)


def load_validator(schema_dir):
    """A Draft 2020-12 validator for document.schema.json, every schema preloaded by $id."""
    store = {}
    for path in sorted(pathlib.Path(schema_dir).glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        if schema.get("$id") != path.name:  # editors resolve $ref by file name
            raise ValueError(f"{path}: $id must be {path.name!r}")
        store[path.name] = schema
    if ROOT_SCHEMA not in store:
        raise FileNotFoundError(f"{schema_dir}: no {ROOT_SCHEMA}")
    for uri, schema in store.items():  # a broken $ref would only show mid-validation
        for ref in _refs(schema):
            if _resolve(store, uri, ref) is None:
                raise ValueError(f"{uri}: $ref {ref!r} points at nothing")
    root = store[ROOT_SCHEMA]
    try:  # jsonschema >= 4.18 resolves $ref through a `referencing` registry
        from referencing import Registry, Resource
    except ImportError:  # jsonschema 4.10 (Debian 12): RefResolver with a store keyed by $id
        resolver = jsonschema.RefResolver(base_uri=ROOT_SCHEMA, referrer=root, store=store)
        return jsonschema.Draft202012Validator(root, resolver=resolver)
    registry = Registry().with_resources((uri, Resource.from_contents(schema)) for uri, schema in store.items())
    return jsonschema.Draft202012Validator(root, registry=registry)


def _refs(node):
    """Every `$ref` string in a schema."""
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        children = node.values()
    else:
        children = node if isinstance(node, list) else ()
    for child in children:
        yield from _refs(child)


def _resolve(store, uri, ref):
    """The schema a relative `$ref` names (FILE#/json/pointer), or None."""
    file, _, pointer = ref.partition("#")
    target = store.get(file or uri)
    for part in filter(None, pointer.split("/")):
        target = target.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(target, dict) else None
    return target if isinstance(target, (dict, bool)) else None


def yaml_files(paths):
    files = []
    for arg in paths:
        path = pathlib.Path(arg)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
        elif path.is_file():
            files.append(path)
        else:
            raise FileNotFoundError(f"{arg}: no such file or folder")
    return files


def file_errors(validator, path):
    """Error messages for one file, as `JSON-PATH: MESSAGE` strings."""
    try:
        with open(path, encoding="utf-8") as stream:
            documents = list(yaml.load_all(stream, Loader=CoreLoader))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError) as exc:
        return ["$: cannot read YAML: " + " ".join(str(exc).split())]
    errors = []
    records = 0
    several = sum(doc is not None for doc in documents) > 1
    for number, doc in enumerate(documents, 1):
        if doc is None:  # empty document (only comments, or `---` alone)
            continue
        records += len(doc) if isinstance(doc, list) else 1
        for err in sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path)):
            where = f" (document {number})" if several else ""
            errors.append(f"{err.json_path}: {err.message}{where}")
    if records == 0 and not errors:
        errors.append("$: file holds no record")
    return errors


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schemas", required=True, metavar="DIR", help="folder holding the *.schema.json files")
    parser.add_argument("--expect", choices=["valid", "invalid"], default="valid",
                        help="what every file must be (default: valid)")
    parser.add_argument("--list", action="store_true", help="print `FILE valid|invalid` per file, exit 0")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="YAML file or folder")
    args = parser.parse_args(argv)  # exits 2 on a usage error

    try:
        validator = load_validator(args.schemas)
        files = yaml_files(args.paths)
    except (OSError, ValueError, jsonschema.SchemaError) as exc:
        print(f"validate.py: error: {exc}", file=sys.stderr)
        return 2
    if not files:
        print("validate.py: error: no *.yaml or *.yml file found", file=sys.stderr)
        return 2

    ok = True
    for path in files:
        errors = file_errors(validator, path)
        if args.list:
            print(f"{path} {'invalid' if errors else 'valid'}")
            continue
        for message in errors:
            print(f"{path}: error: {message}")
        if args.expect == "invalid" and not errors:
            print(f"{path}: error: $: expected at least one error, found none")
        ok = ok and bool(errors) == (args.expect == "invalid")
    return 0 if ok or args.list else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
