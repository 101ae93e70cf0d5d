"""Kinplan's bank holidays for each UK calendar, checked day by day
against python's `holidays` package, an independent implementation.

Every weekday of 2019 to 2030 must be a holiday in Kinplan exactly when it
is one in `holidays.UK(subdiv=...)` for England, Wales, Scotland and
Northern Ireland. (`holidays` also lists the real day of a holiday that
falls at a weekend, beside its substitute; a weekend is never a working
day, so only weekdays are compared.)

Kinplan's days come from `cargo run --example bank_holidays`, built by
`cargo test`. Run by `make test`:
HOLIDAYS=target/debug/examples/bank_holidays .tools/py/bin/python tests/oracle/bank_holidays.py
"""

import datetime as dt
import os
import subprocess
import sys

import holidays

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.environ.get("HOLIDAYS", os.path.join(HERE, "..", "..", "target", "debug", "examples", "bank_holidays"))
FIRST, LAST = 2019, 2030
CALENDARS = {"ENG": "england-and-wales", "WLS": "england-and-wales", "SCT": "scotland", "NIR": "northern-ireland"}


def kinplan(calendar):
    out = subprocess.run([TOOL, calendar, str(FIRST), str(LAST)], check=True, capture_output=True, text=True).stdout
    return {dt.date.fromisoformat(line) for line in out.split()}


def main():
    failures = []
    checked = 0
    for subdiv, calendar in CALENDARS.items():
        ours = kinplan(calendar)
        theirs = holidays.UK(subdiv=subdiv, years=range(FIRST, LAST + 1))
        day = dt.date(FIRST, 1, 1)
        while day <= dt.date(LAST, 12, 31):
            if day.weekday() < 5:
                checked += 1
                if (day in ours) != (day in theirs):
                    failures.append(f"{subdiv} {day}: Kinplan {'holiday' if day in ours else 'working day'}, holidays {theirs.get(day, 'working day')}")
            day += dt.timedelta(days=1)
    for f in failures:
        print(f)
    print(f"bank holidays: {checked} weekdays across 4 calendars, {len(failures)} disagreements")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
