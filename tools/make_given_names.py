"""Regenerate data/given_names_census.txt: the commonest US first names of the 1990 census (public domain),
as shipped by the `names` package (dev-time only: `pip install names`)."""

from __future__ import annotations

from pathlib import Path

import names

# a name this frequent (percent of people) or more is common enough to tell a person by
MIN_PERCENT = 0.005

src = Path(names.__file__).parent
out = Path(__file__).resolve().parents[1] / "src/aigraph/extraction/data/given_names_census.txt"
found: set[str] = set()
for f in ("dist.male.first", "dist.female.first"):
    for line in (src / f).read_text("ascii").splitlines():
        name, percent = line.split()[:2]
        if float(percent) >= MIN_PERCENT and len(name) >= 3:
            found.add(name.capitalize())
out.write_text(
    "# US first names of the 1990 census (public domain), from the `names` package: tools/make_given_names.py\n"
    + "\n".join(sorted(found)) + "\n",
    encoding="utf-8",
)
print(out, len(found))
