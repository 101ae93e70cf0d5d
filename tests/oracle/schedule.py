"""The statutory schedule checked against an independent oracle.

England's bank holidays come from python's `holidays` package (not from
Kinplan's rules), and each due date is worked out again here from the
timescales in Working Together to Safeguard Children 2023 as Kinplan's
England profile states them (crates/kinplan-core/src/domain/profile.rs, `england`):

- first core group and visits (child protection): 10 working days;
- review conference: within 3 months of the initial conference, its
  report shared 5 working days before;
- assessment update: within 6 months;
- Child in Need: visits within 4 weeks, reviews within 6 weeks.

A deadline "within" a period that ends on a weekend or bank holiday is
met by the last working day on or before it. Months are added as
calendar months, a day past the month's end going to its last day
(31 January + 1 month = 28 or 29 February), as dateutil does.

Kinplan is asked through `kinplan-audit --json --today`, for plans
starting on random days from 2019 to 2030 (seeded, so a failure repeats).
Run by `make test`: AUDIT=target/debug/kinplan-audit .tools/py/bin/python
tests/oracle/schedule.py
"""

import copy
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import uuid

import holidays
from dateutil.relativedelta import relativedelta

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "fixtures", "sample-family.json")
AUDIT = os.environ.get("AUDIT", os.path.join(HERE, "..", "..", "target", "debug", "kinplan-audit"))
PER_YEAR = int(os.environ.get("ORACLE_PER_YEAR", "420"))
YEARS = range(2019, 2031)

BANK_HOLIDAYS = holidays.UK(subdiv="ENG", years=range(2018, 2033))


def working(day):
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


def add_working_days(day, n):
    step = 1 if n > 0 else -1
    left = abs(n)
    while left:
        day += dt.timedelta(days=step)
        if working(day):
            left -= 1
    return day


def on_or_before(day):
    while not working(day):
        day -= dt.timedelta(days=1)
    return day


def within(start, **period):
    return on_or_before(start + relativedelta(**period))


def expected(kind, start):
    if kind == "child_protection":
        review = within(start, months=3)
        return {
            "visit": add_working_days(start, 10),
            "first_core_group": add_working_days(start, 10),
            "review_conference": review,
            "review_report": add_working_days(review, -5),
            "assessment_update": within(start, months=6),
        }
    return {
        "visit": within(start, weeks=4),
        "cin_review": within(start, weeks=6),
        "assessment_update": within(start, months=6),
    }


def main():
    rng = random.Random(20261203)
    template = json.load(open(FIXTURE, encoding="utf-8"))
    base = template["cases"][0]
    checked, wrong = 0, []
    with tempfile.TemporaryDirectory() as scratch:
        for year in YEARS:
            cases, starts = [], {}
            for _ in range(PER_YEAR):
                start = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))
                case = copy.deepcopy(base)
                case["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                # No baby: babies are visited more often.
                for child in case["children"]:
                    child["age"] = {"date_of_birth": "2012-03-01"}
                plans = []
                for kind in ("child_protection", "child_in_need"):
                    plan = copy.deepcopy(base["documents"]["plans"][0])
                    plan["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                    plan["kind"] = kind
                    plan["start"] = start.isoformat()
                    plan["events"], plan["reviews"] = [], []
                    plans.append(plan)
                case["documents"]["plans"] = plans
                cases.append(case)
                starts[case["id"]] = start
            export = dict(template, cases=cases)
            path = os.path.join(scratch, f"starts-{year}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(export, f)
            out = subprocess.run([AUDIT, "--json", "--today", f"{year}-12-31", path],
                                 capture_output=True, text=True, check=True)
            audit = json.loads(out.stdout)
            for case in audit["files"][0]["cases"]:
                start = starts[case["id"]]
                for plan in case["plans"]:
                    if plan["schedule_problems"]:
                        wrong.append(f"{start} {plan['kind']}: {plan['schedule_problems']}")
                        continue
                    want = expected(plan["kind"], start)
                    got = {item["kind"]: dt.date.fromisoformat(item["due"]) for item in plan["schedule"]}
                    checked += 1
                    if got != want:
                        diff = {k: (str(got.get(k)), str(want.get(k)))
                                for k in set(got) | set(want) if got.get(k) != want.get(k)}
                        wrong.append(f"{start} {plan['kind']}: kinplan, oracle = {diff}")
    days = sorted(set(BANK_HOLIDAYS))
    print(f"schedule oracle: {checked} plans from {len(YEARS) * PER_YEAR} start dates in "
          f"{YEARS[0]}-{YEARS[-1]} checked against python holidays {holidays.__version__} "
          f"({len([d for d in days if d.year in YEARS])} England bank holidays); {len(wrong)} differ")
    for line in wrong[:20]:
        print("  " + line)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
