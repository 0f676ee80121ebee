import PlumblineCore
import Testing

/// The bundled knowledge base is consistent, and matching works on the names people write.
@Suite struct KnowledgeBaseTests {
    static let kb = try! KnowledgeBase.bundled()

    @Test func sizeAndCoverage() {
        #expect(Self.kb.kpis.count >= 200)
        #expect(Self.kb.pairs.count >= 60)
        #expect(Self.kb.pairs.filter { $0.kind == .conflict }.count >= 10)
        let functions = Set(Self.kb.kpis.map(\.function))
        for f in [
            "sales", "marketing", "customer-support", "product", "engineering", "operations", "supply-chain", "finance",
            "hr",
            "ai-data-science", "healthcare", "education", "public-sector",
        ] {
            #expect(functions.contains(f), "no KPIs for \(f)")
        }
        for kpi in Self.kb.kpis {
            #expect(!kpi.failureMode.isEmpty && !kpi.formula.isEmpty && !kpi.unit.isEmpty, "\(kpi.id) is incomplete")
        }
        // Every KPI is reachable by a rule or a suggestion: in a pair, a theme, or a block's typical list.
        let referenced = Set(
            Self.kb.pairs.flatMap { [$0.a, $0.b] } + Self.kb.themes.flatMap { $0.outcomeKPIs + $0.leadingKPIs })
        #expect(Double(referenced.count) / Double(Self.kb.kpis.count) > 0.4)
    }

    @Test func idsAreUniqueAndReferencesResolve() {
        let ids = Self.kb.kpis.map(\.id)
        #expect(Set(ids).count == ids.count)
        for pair in Self.kb.pairs {
            #expect(Self.kb[pair.a] != nil, "pair names unknown KPI \(pair.a)")
            #expect(Self.kb[pair.b] != nil, "pair names unknown KPI \(pair.b)")
            #expect(!pair.reason.isEmpty && !pair.source.isEmpty)
        }
        for theme in Self.kb.themes {
            for id in theme.outcomeKPIs {
                #expect(Self.kb[id]?.level.isResult == true, "\(theme.id): \(id) is not an outcome KPI")
            }
            for id in theme.leadingKPIs { #expect(Self.kb[id] != nil, "\(theme.id): unknown \(id)") }
        }
    }

    @Test func noNameOrSynonymBelongsToTwoEntries() {
        var owner: [String: String] = [:]
        for kpi in Self.kb.kpis {
            for term in [kpi.name] + kpi.synonyms {
                let key = term.lowercased().filter { $0.isLetter || $0.isNumber }
                if let other = owner[key], other != kpi.id {
                    Issue.record("'\(term)' names both \(other) and \(kpi.id)")
                }
                owner[key] = kpi.id
            }
        }
    }

    @Test func everyEntryMatchesItsOwnNameAndSynonyms() {
        for kpi in Self.kb.kpis {
            for term in [kpi.name] + kpi.synonyms {
                #expect(Self.kb.match(name: term)?.entry.id == kpi.id, "'\(term)' should match \(kpi.id)")
            }
        }
    }

    @Test(arguments: [
        ("AHT", "average-handle-time"), ("Avg. handle time", "average-handle-time"),
        ("Average handling time (mins)", "average-handle-time"), ("FCR %", "first-contact-resolution"),
        ("Monthly new sign-ups", "new-signups"), ("# of signups", "new-signups"),
        ("Units picked per hour", "units-picked-per-hour"),
        ("Customer churn", "customer-churn-rate"), ("Model AUC on holdout", "model-auc"),
        ("Fulfilment cost per order", "cost-per-order"),
        ("30-day readmissions", "readmission-rate"), ("NPS", "net-promoter-score"), ("OTIF", "on-time-delivery"),
    ])
    func realNamesMatch(_ name: String, _ expected: String) {
        let match = Self.kb.match(name: name)
        #expect(match?.entry.id == expected, "'\(name)' matched \(match?.entry.id ?? "nothing")")
        #expect(match?.explanation.isEmpty == false)
    }

    @Test(arguments: ["Revenue", "Rate", "Time", "Score", "Headcount of the Lisbon office", "Widgets"])
    func genericNamesMatchNothing(_ name: String) {
        #expect(Self.kb.match(name: name) == nil, "'\(name)' matched \(Self.kb.match(name: name)?.entry.id ?? "")")
    }

    @Test func matchExplainsItself() throws {
        let m = try #require(Self.kb.match(name: "AHT"))
        #expect(m.basis == .name)
        #expect(m.explanation == "its name is 'AHT' (a name for Average handle time)")
        let phrase = try #require(Self.kb.match(name: "Weekly AHT for tier 1"))
        #expect(phrase.basis == .phrase)
    }

    @Test func themesRecogniseObjectives() {
        #expect(Self.kb.theme(for: "Reduce customer churn and grow renewals")?.id == "customer-retention")
        #expect(Self.kb.theme(for: "Deliver every order on time and accurate")?.id == "delivery-reliability")
        #expect(Self.kb.theme(for: "Improve patient outcomes across the network")?.id == "patient-outcomes")
    }
}
