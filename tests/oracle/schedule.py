"""The statutory schedule checked against an independent oracle, for each
of the four nations' shipped practice profiles.

Each nation's bank holidays come from python's `holidays` package (not
from Kinplan's rules), and each due date is worked out again here from
the published timescales, as `../shared/nations.md` gives them with their
sources; where a nation sets no figure, its profile ships England's and
so does this oracle:

- England (Working Together to Safeguard Children 2023): first core group
  and visits (child protection) 10 working days; review conference within
  3 months of the initial conference, its report shared 5 working days
  before; assessment update within 6 months; Child in Need visits within
  4 weeks, reviews within 6 weeks.
- Wales (Wales Safeguarding Procedures 2019): first core group within 10
  working days, first review within three months; the rest England's.
- Scotland (National Guidance 2021, updated 2023, Appendix D): first core
  group within 15 working days of the Child Protection Planning Meeting,
  review within 6 months; visits are not set nationally (England's).
- Northern Ireland (SBNI procedures): a child on a plan seen at least
  every four weeks, first review after three months; the rest England's.

A deadline "within" a period that ends on a weekend or bank holiday is
met by the last working day on or before it. Months are added as
calendar months, a day past the month's end going to its last day
(31 January + 1 month = 28 or 29 February), as dateutil does.

Kinplan is asked through `kinplan-audit --json --today --profile`, for plans
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

# For each nation: its `holidays` subdivision, the first core group in
# working days, how child protection visits are counted, and the months to
# the first review.
NATIONS = {
    "england": ("ENG", 10, {"working_days": 10}, 3),
    "wales": ("WLS", 10, {"working_days": 10}, 3),
    "scotland": ("SCT", 15, {"working_days": 10}, 6),
    "northern-ireland": ("NIR", 10, {"weeks": 4}, 3),
}


class Calendar:
    def __init__(self, subdiv):
        self.holidays = holidays.UK(subdiv=subdiv, years=range(2018, 2033))

    def working(self, day):
        return day.weekday() < 5 and day not in self.holidays

    def add_working_days(self, day, n):
        step = 1 if n > 0 else -1
        left = abs(n)
        while left:
            day += dt.timedelta(days=step)
            if self.working(day):
                left -= 1
        return day

    def within(self, start, **period):
        day = start + relativedelta(**period)
        while not self.working(day):
            day -= dt.timedelta(days=1)
        return day

    def after(self, start, period):
        if "working_days" in period:
            return self.add_working_days(start, period["working_days"])
        return self.within(start, **period)


def expected(nation, calendar, kind, start):
    _, first_core_group, visits, first_review = NATIONS[nation]
    if kind == "child_protection":
        review = calendar.within(start, months=first_review)
        return {
            "visit": calendar.after(start, visits),
            "first_core_group": calendar.add_working_days(start, first_core_group),
            "review_conference": review,
            "review_report": calendar.add_working_days(review, -5),
            "assessment_update": calendar.within(start, months=6),
        }
    return {
        "visit": calendar.within(start, weeks=4),
        "cin_review": calendar.within(start, weeks=6),
        "assessment_update": calendar.within(start, months=6),
    }


def main():
    rng = random.Random(20261203)
    template = json.load(open(FIXTURE, encoding="utf-8"))
    base = template["cases"][0]
    checked, wrong = 0, []
    calendars = {nation: Calendar(subdiv) for nation, (subdiv, *_) in NATIONS.items()}
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
            for nation, calendar in calendars.items():
                out = subprocess.run([AUDIT, "--json", "--today", f"{year}-12-31",
                                      "--profile", nation, path],
                                     capture_output=True, text=True, check=True)
                audit = json.loads(out.stdout)
                for case in audit["files"][0]["cases"]:
                    start = starts[case["id"]]
                    for plan in case["plans"]:
                        if plan["schedule_problems"]:
                            wrong.append(f"{nation} {start} {plan['kind']}: {plan['schedule_problems']}")
                            continue
                        want = expected(nation, calendar, plan["kind"], start)
                        got = {item["kind"]: dt.date.fromisoformat(item["due"]) for item in plan["schedule"]}
                        checked += 1
                        if got != want:
                            diff = {k: (str(got.get(k)), str(want.get(k)))
                                    for k in set(got) | set(want) if got.get(k) != want.get(k)}
                            wrong.append(f"{nation} {start} {plan['kind']}: kinplan, oracle = {diff}")
    print(f"schedule oracle: {checked} plans from {len(YEARS) * PER_YEAR} start dates in "
          f"{YEARS[0]}-{YEARS[-1]}, for each of {len(NATIONS)} nations' profiles, checked against "
          f"python holidays {holidays.__version__}; {len(wrong)} differ")
    for line in wrong[:20]:
        print("  " + line)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
