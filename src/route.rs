//! The app's addresses.
//!
//! Routes live in the URL's hash (`#/cases/<id>/map`), so the site works from
//! any folder of any plain static server: a reload or a deep link always
//! fetches the same `index.html`, and no rewrite rules are needed. Parsing is
//! plain Rust and tested on the host.

use crate::domain::choice::Choice;
use uuid::Uuid;

use crate::domain::Tool;

/// The printable views of a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintView {
    /// The family's copy of one plan.
    FamilyPlan(Uuid),
    /// Words and Pictures: why people are worried, for the children.
    WordsAndPictures,
    /// The worker's Signs of Safety map, on one landscape page.
    SafetyMap,
    /// A child's Three Houses and "I have, I am, I can": only what they
    /// chose to share.
    ChildsWords(Uuid),
    /// A child's resilience matrix.
    Resilience(Uuid),
    /// The family's safety plan: rules, network, bottom lines.
    SafetyPlan,
    /// A child's own safety plan, on one A4 page with room to draw.
    ChildSafetyPlan(Uuid),
    /// The worker's chronology, every detail.
    Chronology,
    /// The chronology in the court's numbered format.
    CourtChronology,
    /// The genogram, on one landscape page.
    Genogram,
    /// The ecomap, on one landscape page.
    Ecomap,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    CaseList,
    CaseOverview(Uuid),
    CaseTool(Uuid, Tool),
    /// One plan of a case, in the plan editor.
    Plan(Uuid, Uuid),
    /// The quality self-check of one plan.
    PlanCheck(Uuid, Uuid),
    /// A page laid out for printing, with no app chrome.
    Print(Uuid, PrintView),
    /// Child mode for one child: the whole screen, locked.
    ChildMode(Uuid, Uuid),
    /// This device's practice profile.
    Settings,
    /// Setting, changing and timing the passphrase lock.
    Passphrase,
    NotFound,
}

impl Route {
    /// Reads a route from `location.hash`, with or without the leading `#`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::CaseList,
            ["settings"] => Route::Settings,
            ["settings", "passphrase"] => Route::Passphrase,
            ["cases", id] => id.parse().map_or(Route::NotFound, Route::CaseOverview),
            ["cases", id, tool] => match (id.parse(), Tool::from_slug(tool)) {
                (Ok(id), Some(tool)) => Route::CaseTool(id, tool),
                _ => Route::NotFound,
            },
            ["cases", id, "plans", plan] => match (id.parse(), plan.parse()) {
                (Ok(id), Ok(plan)) => Route::Plan(id, plan),
                _ => Route::NotFound,
            },
            ["cases", id, "plans", plan, "check"] => match (id.parse(), plan.parse()) {
                (Ok(id), Ok(plan)) => Route::PlanCheck(id, plan),
                _ => Route::NotFound,
            },
            ["cases", id, "print", "plan", plan] => match (id.parse(), plan.parse()) {
                (Ok(id), Ok(plan)) => Route::Print(id, PrintView::FamilyPlan(plan)),
                _ => Route::NotFound,
            },
            ["cases", id, "print", "words-and-pictures"] => {
                id.parse().map_or(Route::NotFound, |id| {
                    Route::Print(id, PrintView::WordsAndPictures)
                })
            }
            ["cases", id, "child-mode", child] => match (id.parse(), child.parse()) {
                (Ok(id), Ok(child)) => Route::ChildMode(id, child),
                _ => Route::NotFound,
            },
            ["cases", id, "print", "child", child] => match (id.parse(), child.parse()) {
                (Ok(id), Ok(child)) => Route::Print(id, PrintView::ChildsWords(child)),
                _ => Route::NotFound,
            },
            ["cases", id, "print", "resilience", child] => match (id.parse(), child.parse()) {
                (Ok(id), Ok(child)) => Route::Print(id, PrintView::Resilience(child)),
                _ => Route::NotFound,
            },
            ["cases", id, "print", "my-safety-plan", child] => match (id.parse(), child.parse()) {
                (Ok(id), Ok(child)) => Route::Print(id, PrintView::ChildSafetyPlan(child)),
                _ => Route::NotFound,
            },
            ["cases", id, "print", "ecomap"] => id
                .parse()
                .map_or(Route::NotFound, |id| Route::Print(id, PrintView::Ecomap)),
            ["cases", id, "print", "genogram"] => id
                .parse()
                .map_or(Route::NotFound, |id| Route::Print(id, PrintView::Genogram)),
            ["cases", id, "print", "chronology"] => id.parse().map_or(Route::NotFound, |id| {
                Route::Print(id, PrintView::Chronology)
            }),
            ["cases", id, "print", "court-chronology"] => {
                id.parse().map_or(Route::NotFound, |id| {
                    Route::Print(id, PrintView::CourtChronology)
                })
            }
            ["cases", id, "print", "safety-plan"] => id.parse().map_or(Route::NotFound, |id| {
                Route::Print(id, PrintView::SafetyPlan)
            }),
            ["cases", id, "print", "map"] => id
                .parse()
                .map_or(Route::NotFound, |id| Route::Print(id, PrintView::SafetyMap)),
            _ => Route::NotFound,
        }
    }

    /// The `href` for a link to this route.
    pub fn href(&self) -> String {
        match self {
            Route::CaseList | Route::NotFound => "#/".into(),
            Route::CaseOverview(id) => format!("#/cases/{id}"),
            Route::CaseTool(id, tool) => format!("#/cases/{id}/{}", tool.slug()),
            Route::Plan(id, plan) => format!("#/cases/{id}/plans/{plan}"),
            Route::PlanCheck(id, plan) => format!("#/cases/{id}/plans/{plan}/check"),
            Route::Print(id, PrintView::FamilyPlan(plan)) => {
                format!("#/cases/{id}/print/plan/{plan}")
            }
            Route::Print(id, PrintView::WordsAndPictures) => {
                format!("#/cases/{id}/print/words-and-pictures")
            }
            Route::Print(id, PrintView::SafetyMap) => format!("#/cases/{id}/print/map"),
            Route::Print(id, PrintView::SafetyPlan) => format!("#/cases/{id}/print/safety-plan"),
            Route::Print(id, PrintView::Chronology) => format!("#/cases/{id}/print/chronology"),
            Route::Print(id, PrintView::Genogram) => format!("#/cases/{id}/print/genogram"),
            Route::Print(id, PrintView::Ecomap) => format!("#/cases/{id}/print/ecomap"),
            Route::Print(id, PrintView::CourtChronology) => {
                format!("#/cases/{id}/print/court-chronology")
            }
            Route::Print(id, PrintView::ChildSafetyPlan(child)) => {
                format!("#/cases/{id}/print/my-safety-plan/{child}")
            }
            Route::Print(id, PrintView::ChildsWords(child)) => {
                format!("#/cases/{id}/print/child/{child}")
            }
            Route::Print(id, PrintView::Resilience(child)) => {
                format!("#/cases/{id}/print/resilience/{child}")
            }
            Route::ChildMode(id, child) => format!("#/cases/{id}/child-mode/{child}"),
            Route::Settings => "#/settings".into(),
            Route::Passphrase => "#/settings/passphrase".into(),
        }
    }

    /// The case this route is inside, if any.
    pub fn case_id(&self) -> Option<Uuid> {
        match self {
            Route::CaseOverview(id)
            | Route::CaseTool(id, _)
            | Route::Plan(id, _)
            | Route::PlanCheck(id, _)
            | Route::Print(id, _)
            | Route::ChildMode(id, _) => Some(*id),
            Route::CaseList | Route::Settings | Route::Passphrase | Route::NotFound => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_round_trips_through_its_href() {
        let id = Uuid::new_v4();
        let mut routes = vec![
            Route::CaseList,
            Route::Settings,
            Route::Passphrase,
            Route::CaseOverview(id),
        ];
        routes.extend(Tool::ALL.iter().map(|&t| Route::CaseTool(id, t)));
        routes.push(Route::Plan(id, Uuid::new_v4()));
        routes.push(Route::PlanCheck(id, Uuid::new_v4()));
        routes.push(Route::Print(id, PrintView::FamilyPlan(Uuid::new_v4())));
        routes.push(Route::Print(id, PrintView::WordsAndPictures));
        routes.push(Route::Print(id, PrintView::SafetyMap));
        routes.push(Route::Print(id, PrintView::SafetyPlan));
        routes.push(Route::Print(id, PrintView::ChildSafetyPlan(Uuid::new_v4())));
        routes.push(Route::Print(id, PrintView::Chronology));
        routes.push(Route::Print(id, PrintView::CourtChronology));
        routes.push(Route::Print(id, PrintView::Genogram));
        routes.push(Route::Print(id, PrintView::Ecomap));
        routes.push(Route::Print(id, PrintView::ChildsWords(Uuid::new_v4())));
        routes.push(Route::Print(id, PrintView::Resilience(Uuid::new_v4())));
        routes.push(Route::ChildMode(id, Uuid::new_v4()));
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn empty_and_odd_hashes() {
        assert_eq!(Route::parse(""), Route::CaseList);
        assert_eq!(Route::parse("#"), Route::CaseList);
        assert_eq!(Route::parse("#/"), Route::CaseList);
        assert_eq!(Route::parse("#/cases/not-a-uuid"), Route::NotFound);
        assert_eq!(
            Route::parse("#/cases/6f1c1b8e-2f7a-4c1e-9a57-0d6a3f0d9b11/nope"),
            Route::NotFound
        );
        assert_eq!(Route::parse("#/elsewhere"), Route::NotFound);
    }
}
