package dev.lathe.evaluation.report;

/** The inline stylesheet of the HTML report (no external fonts or resources). */
public final class ReportStyle {
    public static final String CSS =
            """
            :root { --fg: #1f2328; --muted: #6b7280; --line: #e3e6ea; --bg: #f6f7f9; --accent: #0072B2; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--fg);
              font: 14px/1.45 -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif; }
            main { max-width: 1360px; margin: 0 auto; padding: 24px 28px 40px; }
            header h1 { margin: 0 0 4px; font-size: 26px; }
            .sub { margin: 0 0 18px; color: var(--muted); }
            h2 { font-size: 18px; margin: 0 0 10px; }
            h3 { font-size: 15px; margin: 6px 0 8px; }
            section { margin-bottom: 22px; }
            section:not(.cards):not(.plots) { background: #fff; border: 1px solid var(--line);
              border-radius: 8px; padding: 16px 18px; }
            .cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; }
            .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px;
              border-top: 3px solid var(--accent); }
            .card-label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .card-value { font-size: 24px; font-weight: 600; margin-top: 2px; font-variant-numeric: tabular-nums; }
            .plots { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 16px; }
            figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 8px; }
            figure svg { display: block; width: 100%; height: auto; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            th, td { text-align: left; padding: 5px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
            thead th { background: #f0f2f5; font-weight: 600; }
            tbody tr:nth-child(even) { background: #fafbfc; }
            tbody th { font-weight: 500; color: #374151; width: 1%; }
            .num { text-align: right; font-variant-numeric: tabular-nums; }
            .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 11px; word-break: break-all; }
            .tables { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 16px;
              align-items: start; margin-bottom: 22px; }
            .tables > section { margin-bottom: 0; }
            tbody th { white-space: nowrap; }
            tr.drifted td { background: #fdecea; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; }
            .badge.ok { background: #e6f4ea; color: #1e7a3c; }
            .badge.bad { background: #fbd5d0; color: #a42a16; }
            .note { color: var(--muted); margin: 0 0 10px; }
            .two-col { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 18px; }
            .two-col > div:last-child:nth-child(odd) { grid-column: 1 / -1; }
            svg .bar-value { fill: #374151; }
            svg .bar-value.inside { fill: #ffffff; }
            footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 10px; }
            """;

    private ReportStyle() {}
}
