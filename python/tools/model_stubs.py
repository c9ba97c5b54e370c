"""Writes ``zexa/_models.pyi``, the type stubs of the models, from the compiled classes.

The models are declared once, in ``python/src/models/classes.rs``: each getter's doc starts
with the field's Python type (``"Optional[str]: Email address, if any."``), which ``help()``
shows and from which this script writes the stub. ``python tools/model_stubs.py`` rewrites the
file; ``--check`` fails when it is out of date (the tests run that).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import List

STUB = Path(__file__).resolve().parent.parent / "zexa" / "_models.pyi"

HEADER = '''"""Type stubs of the models (``zexa._models``).

Written by ``python/tools/model_stubs.py`` from the classes compiled from
``python/src/models/classes.rs``: edit those, then run the script.
"""

from datetime import datetime
from typing import Any, Dict, Literal, Mapping, Optional, Tuple, Union, final

from typing_extensions import Self

__all__ = [{names}]
'''


def _doc(text: str, indent: str) -> str:
    body = text.replace("\n", "\n" + indent)
    return f'{indent}"""{body}"""'


def _property(name: str, doc: str, indent: str) -> List[str]:
    pytype, _, text = doc.partition(": ")
    return [f"{indent}@property", f"{indent}def {name}(self) -> {pytype}:", _doc(text, indent + "    ")]


def _model_base(model: type) -> List[str]:
    lines = ["", "class Model:", _doc(model.__doc__ or "", "    "), ""]
    lines += _property("extra", model.__dict__["extra"].__doc__, "    ")
    for name in ("from_dict", "from_json"):
        arg = "data: Mapping[str, Any]" if name == "from_dict" else "text: Union[str, bytes]"
        lines += ["    @classmethod", f"    def {name}(cls, {arg}) -> Self:"]
        lines.append(_doc(getattr(model, name).__doc__, "        "))
    lines += ["    def to_dict(self) -> Dict[str, Any]:", _doc(model.to_dict.__doc__, "        ")]
    lines += ["    def to_json(self) -> str:", _doc(model.to_json.__doc__, "        ")]
    lines += ["    def __copy__(self) -> Self:", _doc(model.__copy__.__doc__, "        ")]
    lines += ["    def __deepcopy__(self, memo: Any, /) -> Self:", _doc(model.__deepcopy__.__doc__, "        ")]
    return lines


def _model(cls: type) -> List[str]:
    fields = list(cls.__match_args__)  # type: ignore[attr-defined]
    lines = ["", "@final", f"class {cls.__name__}(Model):", _doc(cls.__doc__ or "", "    "), ""]
    names = ", ".join(f'"{name}"' for name in fields)
    lines.append(f"    __match_args__ = ({names}{',' if len(fields) == 1 else ''})")
    others = sorted(
        name
        for name, attr in vars(cls).items()
        if type(attr).__name__ == "getset_descriptor" and name not in fields and name != "extra"
    )
    for name in fields + others:
        lines += _property(name, vars(cls)[name].__doc__, "    ")
    return lines


def render() -> str:
    from zexa import _models, _native

    names = list(_models.__all__)
    lines = [HEADER.format(names=", ".join(f'"{n}"' for n in names)).rstrip("\n"), ""]
    for alias, values in _native.model_literal_types():
        lines.append(f"{alias} = Literal[{', '.join(json.dumps(v) for v in values)}]")
    lines += _model_base(_models.Model)
    lines += [line for name in names if name != "Model" for line in _model(getattr(_models, name))]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the stub is out of date")
    args = parser.parse_args()
    text = render()
    if args.check:
        if STUB.read_text(encoding="utf-8") != text:
            print(f"{STUB} is out of date: run python tools/model_stubs.py", file=sys.stderr)
            return 1
        return 0
    STUB.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
