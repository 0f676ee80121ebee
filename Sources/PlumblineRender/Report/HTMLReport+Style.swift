extension HTMLReport {
    // MARK: Stylesheet

    /// Screen and print styles. For print: A4 landscape, every section on a new page, pictures
    /// scaled to fit one page, and rows, groups and figures kept whole where they fit.
    static let stylesheet = """
        @page { size: A4 landscape; margin: 10mm 12mm; }
        :root { color: \(Palette.ink); background: \(Palette.paper); \
        font-family: \(TextMetrics.fontFamily); font-size: 14px; line-height: 1.4; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { max-width: 1200px; margin: 0 auto; padding: 24px; }
        section.page { break-before: page; padding-top: 8px; }
        section.page:first-of-type { break-before: auto; }
        section.page + section.page { border-top: 1px solid \(Palette.rule); margin-top: 32px; }
        h1 { font-size: 30px; margin: 4px 0 8px; }
        h2 { font-size: 22px; margin: 0 0 10px; break-after: avoid; }
        h3 { font-size: 16px; margin: 14px 0 4px; break-after: avoid; }
        .kicker { text-transform: uppercase; letter-spacing: .08em; color: \(Palette.mutedInk); margin: 0; }
        .summary { font-size: 16px; max-width: 60em; }
        .headline { font-size: 18px; }
        .headline .big { font-size: 40px; font-weight: bold; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
        .facts dt { color: \(Palette.mutedInk); }
        .facts dd { margin: 0; }
        .note, .detail, .clean { color: \(Palette.mutedInk); margin: 2px 0 6px; }
        table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; }
        th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid \(Palette.rule); }
        th { background: \(Palette.panel); font-weight: 600; }
        caption { text-align: left; font-weight: bold; padding: 4px 0; }
        tr, .group > h3, figure { break-inside: avoid; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .score-tables { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
        .bar { display: inline-block; width: 110px; height: 10px; background: \(Palette.panel); \
        border: 1px solid \(Palette.rule); vertical-align: middle; }
        .bar > span { display: block; height: 100%; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 3px; color: #fff; font-size: 12px; }
        .badge.sev-error { background: \(Palette.colour(for: .error)); }
        .badge.sev-warning { background: \(Palette.colour(for: .warning)); }
        .badge.sev-info { background: \(Palette.colour(for: .info)); }
        table.findings td:nth-child(1) { width: 5.5em; }
        table.findings td:nth-child(2) { width: 5.5em; white-space: nowrap; }
        table.findings td:nth-child(3) { width: 30%; }
        table.findings td:nth-child(4) { width: 30%; }
        ul.compact { margin: 2px 0; padding-left: 18px; }
        table.findings .evidence { color: \(Palette.mutedInk); font-size: 12px; }
        .status.approved { color: #2e7d32; font-weight: bold; }
        .status.changes-requested { color: \(Palette.colour(for: .error)); font-weight: bold; }
        .status.pending { color: \(Palette.colour(for: .warning)); font-weight: bold; }
        figure.picture { margin: 0; }
        figure.picture svg { display: block; width: 100%; height: auto; }
        a { color: \(Palette.colour(for: .info)); }
        @media print {
          :root { font-size: 9pt; }
          body { max-width: none; padding: 0; }
          section.page + section.page { border-top: none; margin-top: 0; }
          h1 { font-size: 24pt; }
          figure.picture svg { max-height: 172mm; }
          th, td { padding: 1px 4px; }
          table.findings, ul.compact { font-size: 8pt; line-height: 1.25; }
          h3 { margin: 8px 0 2px; }
        }

        """
}
