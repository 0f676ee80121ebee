/// The public rule ids of RULES.md. `settings.rules` and waivers may name only these; the
/// diagnosis engine registers exactly one rule for each (a test keeps the two in step).
public enum RuleIDs {
    public static let structural = [
        "COV-01", "COV-02", "COV-03", "MAP-01", "CHAIN-01", "CHAIN-02", "CHAIN-03", "HOR-01",
        "PAIR-01", "CONF-01", "CONF-02", "ACC-01", "ACC-02", "ACC-03", "ACC-04", "ESC-01", "ESC-02",
        "GOV-01", "GOV-02", "GOV-03", "LOOP-01", "LOOP-02", "INC-01", "INC-02", "INC-03", "INC-04",
        "AI-01", "AI-02", "SMART-01", "BSC-01", "VP-01", "VAL-01", "VAL-02",
    ]
    public static let data = [
        "DATA-01", "DATA-02", "DATA-03", "DATA-04", "DATA-05", "DATA-07", "DATA-08", "DATA-09",
        "DATA-10", "DATA-11",
    ]
    public static let all = structural + data
}
