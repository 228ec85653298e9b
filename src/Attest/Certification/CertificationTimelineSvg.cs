using System.Globalization;
using System.Net;
using System.Text;

namespace Attest.Certification;

/// <summary>
/// Gantt-like timelines drawn on the server: a programme's milestones one per row (a bar from the planned to the done day, a diamond on the
/// planned day of an open step, a red bar from the planned day to today for a late one), and all programmes one per row. A dashed line marks
/// today and a solid one the target. Every shape has a title and the chart a summary, so it reads without colour or sight.
/// </summary>
/// <remarks>Presentation attributes only (the Content-Security-Policy forbids inline styles).</remarks>
public static class CertificationTimelineSvg
{
    private const int Label = 200;
    private const int Chart = 560;
    private const int Row = 22;
    private const int Top = 24;
    private const int Bottom = 8;

    private const string Done = "#2e7d4f";
    private const string Late = "#c0392b";
    private const string Open = "#2f5f98";
    private const string Muted = "#9aa3ad";
    private const string Ink = "#1d2430";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>One row per milestone of a programme.</summary>
    public static string Programme(CertificationStatus status, IReadOnlyList<MilestoneRow> milestones)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(milestones);
        var today = status.Today;
        var days = milestones.SelectMany(m => new[] { m.PlannedOn, m.DoneOn }).OfType<DateOnly>()
            .Append(today).Append(status.TargetOn).Append(status.ScopeEstablishedOn ?? status.TargetOn).ToList();
        var (from, to) = Range(days);
        var svg = Open_(milestones.Count, Summary(status), from, to);
        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            var y = Top + i * Row;
            var lateNow = m.IsLate(today);
            var state = m.Status switch
            {
                MilestoneStatus.Done => $"done {D(m.DoneOn)}",
                MilestoneStatus.NotApplicable => "not applicable",
                _ when lateNow => $"late: planned {D(m.PlannedOn)}, {today.DayNumber - m.PlannedOn!.Value.DayNumber} days ago",
                MilestoneStatus.InProgress => $"in progress, planned {D(m.PlannedOn)}",
                _ => m.PlannedOn is null ? "not planned" : $"planned {D(m.PlannedOn)}",
            };
            var title = E($"{m.Title}: {state}");
            svg.Append(Invariant, $"<text x=\"4\" y=\"{y + 15}\" fill=\"{(m.Status == MilestoneStatus.NotApplicable ? Muted : Ink)}\">{E(Clip(m.Title))}{(lateNow ? " (late)" : "")}</text>\n");
            if (m.Status == MilestoneStatus.Done && m.DoneOn is { } done)
            {
                var start = m.PlannedOn is { } p && p < done ? p : done;
                var end = m.PlannedOn is { } q && q > done ? q : done;
                Bar(svg, X(start, from, to), X(end, from, to), y, Done, title);
            }
            else if (lateNow)
            {
                Bar(svg, X(m.PlannedOn!.Value, from, to), X(today, from, to), y, Late, title);
            }
            else if (m.PlannedOn is { } planned && m.Status != MilestoneStatus.NotApplicable)
            {
                var x = X(planned, from, to);
                svg.Append(Invariant, $"<path d=\"M{x:0.#} {y + 4} l6 7 l-6 7 l-6 -7 z\" fill=\"{(m.Status == MilestoneStatus.InProgress ? Open : "#ffffff")}\" stroke=\"{Open}\" stroke-width=\"1.5\"><title>{title}</title></path>\n");
            }
            else
            {
                svg.Append(Invariant, $"<text x=\"{Label + 4}\" y=\"{y + 15}\" fill=\"{Muted}\"><title>{title}</title>{E(state)}</text>\n");
            }
        }
        return Close(svg, milestones.Count, today, status.TargetOn, from, to);
    }

    /// <summary>One row per programme: from the scope's establishment (or six months before the target) to the target.</summary>
    public static string Programmes(IReadOnlyList<CertificationStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(statuses);
        if (statuses.Count == 0) return "";
        var today = statuses[0].Today;
        var (from, to) = Range(statuses.SelectMany(s => new[] { Start(s), s.TargetOn }).Append(today).ToList());
        var summary = string.Join("; ", statuses.Select(s => $"{s.Standard} ({s.Name}): target {D(s.TargetOn)}, {Days(s.DaysToTarget)}, {s.MilestonesDone} of {s.MilestonesTotal} milestones done" +
                                                            (s.Certified ? ", certified" : s.OnTrack ? ", on track" : ", late")));
        var svg = Open_(statuses.Count, "Certification programmes: " + summary, from, to);
        for (var i = 0; i < statuses.Count; i++)
        {
            var s = statuses[i];
            var y = Top + i * Row;
            var title = E($"{s.Name}: {D(Start(s))} to target {D(s.TargetOn)}; {s.MilestonesDone} of {s.MilestonesTotal} milestones done; " +
                          (s.Certified ? "certified" : s.OnTrack ? "on track" : $"late ({s.LateMilestones} late milestones)"));
            svg.Append(Invariant, $"<text x=\"4\" y=\"{y + 15}\" fill=\"{Ink}\">{E(Clip(s.Name))}</text>\n");
            Bar(svg, X(Start(s), from, to), X(s.TargetOn, from, to), y, s.Certified ? Done : s.OnTrack ? Open : Late, title);
            if (s.NextMilestone is { PlannedOn: { } next } milestone && next >= from && next <= to)
            {
                var x = X(next, from, to);
                svg.Append(Invariant, $"<path d=\"M{x:0.#} {y + 4} l6 7 l-6 7 l-6 -7 z\" fill=\"#ffffff\" stroke=\"{Ink}\" stroke-width=\"1\"><title>{E($"Next: {milestone.Title}, planned {D(next)}")}</title></path>\n");
            }
        }
        return Close(svg, statuses.Count, today, null, from, to);
    }

    private static DateOnly Start(CertificationStatus s) => s.ScopeEstablishedOn ?? s.TargetOn.AddMonths(-6);

    private static (DateOnly From, DateOnly To) Range(IReadOnlyList<DateOnly> days)
    {
        var from = days.Min();
        var to = days.Max();
        // Whole months, with at least one, so the scale is readable and never divides by zero.
        from = new DateOnly(from.Year, from.Month, 1);
        to = new DateOnly(to.Year, to.Month, 1).AddMonths(1);
        return (from, to);
    }

    private static double X(DateOnly day, DateOnly from, DateOnly to) =>
        Label + 8 + (Chart - 16) * (double)(day.DayNumber - from.DayNumber) / Math.Max(1, to.DayNumber - from.DayNumber);

    private static StringBuilder Open_(int rows, string summary, DateOnly from, DateOnly to)
    {
        var width = Label + Chart;
        var height = Top + rows * Row + Bottom;
        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{E(summary)}\" font-family=\"system-ui, sans-serif\" font-size=\"11\">\n");
        svg.Append(Invariant, $"<title>{E(summary)}</title>\n");
        // Month ticks: every month on a short chart, every quarter or year on a longer one.
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        var step = months <= 12 ? 1 : months <= 36 ? 3 : 12;
        for (var month = from; month <= to; month = month.AddMonths(step))
        {
            var x = X(month, from, to);
            svg.Append(Invariant, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top - 4}\" y2=\"{height - Bottom}\" stroke=\"#e3e7ec\" stroke-width=\"1\"/>\n");
            svg.Append(Invariant, $"<text x=\"{x:0.#}\" y=\"12\" text-anchor=\"middle\" fill=\"{Muted}\" aria-hidden=\"true\">{month.ToString(step == 12 ? "yyyy" : "MMM yy", Invariant)}</text>\n");
        }
        return svg;
    }

    private static string Close(StringBuilder svg, int rows, DateOnly today, DateOnly? target, DateOnly from, DateOnly to)
    {
        var bottom = Top + rows * Row;
        if (target is { } t)
        {
            var x = X(t, from, to);
            svg.Append(Invariant, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top - 6}\" y2=\"{bottom}\" stroke=\"{Ink}\" stroke-width=\"2\"><title>Target {D(t)}</title></line>\n");
        }
        var now = X(today, from, to);
        svg.Append(Invariant, $"<line x1=\"{now:0.#}\" x2=\"{now:0.#}\" y1=\"{Top - 6}\" y2=\"{bottom}\" stroke=\"{Late}\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"><title>Today {D(today)}</title></line>\n");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Bar(StringBuilder svg, double x1, double x2, int y, string fill, string title) =>
        svg.Append(Invariant, $"<rect x=\"{x1:0.#}\" y=\"{y + 5}\" width=\"{Math.Max(4, x2 - x1):0.#}\" height=\"12\" rx=\"2\" fill=\"{fill}\"><title>{title}</title></rect>\n");

    private static string Summary(CertificationStatus s) =>
        $"{s.Name} timeline: target {D(s.TargetOn)} ({Days(s.DaysToTarget)}); {s.MilestonesDone} of {s.MilestonesTotal} milestones done, {s.LateMilestones} late";

    private static string Days(int days) => days >= 0 ? $"{days} days to target" : $"{-days} days past target";

    private static string D(DateOnly? day) => day?.ToString("yyyy-MM-dd", Invariant) ?? "—";

    private static string Clip(string text) => text.Length <= 30 ? text : text[..29] + "…";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
