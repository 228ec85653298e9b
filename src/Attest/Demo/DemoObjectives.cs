using Attest.Audit;
using Attest.Data;
using Attest.Objectives;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's objectives: four strategic ones (AI agent protection, client data protection, continuity and resilience,
/// compliance) and three operational ones under them (access control, incident response, awareness), each measured. Twelve months of
/// history are written as the monthly schedule would have taken them — a year of steady improvement with a few amber and red months —
/// then one on-demand snapshot computes this month so far from the demo's real records (the agents still without a current impact
/// assessment keep that measure red, with the records behind it).
/// </summary>
public sealed class DemoObjectives(AttestDbContext db, SaveObjective objectives, SaveMeasure measures, TakeMeasurements take)
{
    /// <summary>One measure of the demo with its twelve monthly values, oldest first (null: nothing to measure that month).</summary>
    private sealed record Planned(string Title, MeasureSource Source, string? Key, TargetComparison Comparison, decimal Target, MeasureDirection Direction,
        decimal? Amber, MeasureUnit Unit, decimal?[] History, string DataSource = "", MeasureFrequency Frequency = MeasureFrequency.Monthly);

    private const MeasureDirection Up = MeasureDirection.HigherIsBetter;
    private const MeasureDirection Down = MeasureDirection.LowerIsBetter;

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: these records are only created once.
        if (await db.Objectives.AnyAsync(cancellationToken)) return;
        var ciso = people.TryGetValue(OrganizationRole.Manager, out var manager) ? manager : (Guid?)null;
        var cto = people.TryGetValue(OrganizationRole.Contributor, out var contributor) ? contributor : ciso;
        var ceo = people.TryGetValue(OrganizationRole.Admin, out var admin) ? admin : ciso;
        var email = ciso is { } id ? await db.Users.Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken) : null;
        using var asCiso = ciso is { } c ? db.Acting.ActAs(c, email ?? "demo", AuditChannel.Ui) : null;

        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var start = thisMonth.AddMonths(-13);
        string[] both = ["iso27001-2022", "iso42001-2023"];
        string[] isms = ["iso27001-2022"];

        var ai = await objectives.RunAsync(null, new ObjectiveInput("Protect our AI agents", ObjectiveKind.Strategic, cto,
            "Every AI agent that serves clients runs under the security controls its class requires and has a **current impact assessment** " +
            "(ISO/IEC 42005) before it is used, so that clients can trust what the agents do with their data.", null, ciso is null ? null : [ciso.Value], start, null,
            ReviewCadence.Quarterly, both), cancellationToken);
        var data = await objectives.RunAsync(null, new ObjectiveInput("Protect client data", ObjectiveKind.Strategic, ciso,
            "No critical vulnerability stays open on systems that hold client data, and no personal data breach reaches a client or a regulator. " +
            "Clients rate how we handle their data at least **4.2 of 5**.", null, null, start, null, ReviewCadence.Quarterly, isms), cancellationToken);
        var continuity = await objectives.RunAsync(null, new ObjectiveInput("Keep the platform available and resilient", ObjectiveKind.Strategic, cto,
            "Clients rely on the agents during their working day: **99.9 % monthly uptime**, critical incidents detected within an hour and contained within four.",
            null, null, start, null, ReviewCadence.Quarterly, isms), cancellationToken);
        var compliance = await objectives.RunAsync(null, new ObjectiveInput("Certify and stay compliant", ObjectiveKind.Strategic, ciso,
            "Certification to ISO/IEC 27001 and ISO/IEC 42001 as promised to enterprise clients, with policies kept within their review dates and every applicable " +
            "control of the Statement of Applicability implemented.", null, ceo is null ? null : [ceo.Value], start, thisMonth.AddMonths(5), ReviewCadence.Monthly, both), cancellationToken);
        var access = await objectives.RunAsync(null, new ObjectiveInput("Review access on time", ObjectiveKind.Operational, ciso,
            "Quarterly access reviews of every production system are completed by their due date, and revocations confirmed.", data, null, start, null,
            ReviewCadence.Quarterly, isms), cancellationToken);
        var response = await objectives.RunAsync(null, new ObjectiveInput("Learn from every incident", ObjectiveKind.Operational, ciso,
            "Every closed incident has a post-incident review with lessons learned and, where needed, corrective actions.", continuity, null, start, null,
            ReviewCadence.Quarterly, isms), cancellationToken);
        var awareness = await objectives.RunAsync(null, new ObjectiveInput("Everyone trained, from their first week", ObjectiveKind.Operational, ciso,
            "All staff complete their security and AI awareness training on time; joiners complete it within their first week.", data,
            ceo is null ? null : [ceo.Value], start, null, ReviewCadence.SemiAnnually, both), cancellationToken);

        // Reviewed by their owners on cadence, except the continuity objective, whose quarterly review is overdue.
        var reviewed = new (Guid Id, int MonthsAgo)[] { (ai, 1), (data, 2), (continuity, 4), (compliance, 0), (access, 2), (response, 2), (awareness, 2) };
        foreach (var (objectiveId, monthsAgo) in reviewed)
        {
            var objective = await db.Objectives.SingleAsync(o => o.Id == objectiveId, cancellationToken);
            objective.LastReviewedOn = today.AddMonths(-monthsAgo).AddDays(-3);
        }
        await db.SaveAsync("objective", cancellationToken);

        // Twelve months, oldest first: the year's story. Each row ends with last month.
        var plan = new (Guid Objective, Guid? Owner, Planned Measure)[]
        {
            (ai, cto, new("AI agents under their full control baseline", MeasureSource.Computed, "ai.control-baseline", TargetComparison.EqualTo, 100, Up, 95, MeasureUnit.Percent,
                [78.4m, 80.4m, 82.4m, 86.3m, 88.2m, 90.2m, 92.2m, 94.1m, 96.1m, 96.1m, 98m, 98m])),
            (ai, cto, new("AI agents with a current impact assessment", MeasureSource.Computed, "ai.impact-assessment-current", TargetComparison.EqualTo, 100, Up, 95, MeasureUnit.Percent,
                [70.6m, 74.5m, 78.4m, 82.4m, 86.3m, 90.2m, 92.2m, 96.1m, 98m, 96.1m, 94.1m, 94.1m])),
            (data, ciso, new("Open critical vulnerabilities", MeasureSource.Computed, "vulnerabilities.critical-open", TargetComparison.EqualTo, 0, Down, 2, MeasureUnit.Count,
                [5, 4, 3, 3, 2, 1, 2, 0, 1, 0, 0, 0])),
            (data, ciso, new("Personal data breaches", MeasureSource.Manual, null, TargetComparison.EqualTo, 0, Down, null, MeasureUnit.Count,
                [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], "Breach register kept by the DPO; confirmed at the monthly privacy meeting.")),
            (data, ciso, new("Client satisfaction with data handling", MeasureSource.Manual, null, TargetComparison.AtLeast, 4.2m, Up, 3.8m, MeasureUnit.Number,
                [null, null, 3.9m, null, null, 4.0m, null, null, 4.2m, null, null, 4.3m], "Quarterly client survey by the account team (1 to 5).", MeasureFrequency.Quarterly)),
            (continuity, cto, new("Monthly uptime of client-facing services", MeasureSource.Computed, "availability.monthly-uptime", TargetComparison.AtLeast, 99.9m, Up, 99.5m, MeasureUnit.Percent,
                [99.95m, 99.97m, 99.91m, 99.62m, 99.93m, 99.96m, 99.98m, 99.94m, 99.97m, 99.99m, 99.95m, 99.96m])),
            (continuity, cto, new("Longest time to detect a critical incident", MeasureSource.Computed, "incidents.critical-detect-max-hours", TargetComparison.LessThan, 1, Down, 2, MeasureUnit.Hours,
                [null, 3.5m, null, 1.4m, null, null, 0.8m, null, null, 0.5m, null, null])),
            (continuity, cto, new("Longest time to contain a critical incident", MeasureSource.Computed, "incidents.critical-contain-max-hours", TargetComparison.LessThan, 4, Down, 8, MeasureUnit.Hours,
                [null, 9.5m, null, 5.2m, null, null, 3.1m, null, null, 2.5m, null, null])),
            (compliance, ciso, new("Certification readiness (ISO 27001 and ISO 42001)", MeasureSource.Manual, null, TargetComparison.AtLeast, 90, Up, 75, MeasureUnit.Percent,
                [35, 41, 48, 55, 60, 64, 69, 73, 78, 82, 85, 88], "Readiness per clause of the certification programmes, read at the monthly compliance meeting.")),
            (compliance, ciso, new("Policies within their review date", MeasureSource.Computed, "policies.within-review", TargetComparison.EqualTo, 100, Up, 90, MeasureUnit.Percent,
                [72.7m, 81.8m, 90.9m, 90.9m, 100, 100, 90.9m, 100, 100, 100, 100, 100])),
            (compliance, ciso, new("Statement of Applicability coverage", MeasureSource.Computed, "soa.coverage", TargetComparison.AtLeast, 95, Up, 85, MeasureUnit.Percent,
                [61, 66, 70, 74, 78, 81, 84, 86, 88, 90, 92, 93])),
            (access, ciso, new("Access reviews completed on time", MeasureSource.Computed, "access.reviews-on-time", TargetComparison.EqualTo, 100, Up, 75, MeasureUnit.Percent,
                [null, null, 50, null, null, 75, null, null, 100, null, null, 100])),
            (response, ciso, new("Closed incidents with lessons learned", MeasureSource.Computed, "incidents.lessons-learned", TargetComparison.EqualTo, 100, Up, 80, MeasureUnit.Percent,
                [50, 66.7m, null, 75, 100, null, 100, 80, null, 100, 100, null])),
            (awareness, ciso, new("Training completion", MeasureSource.Computed, "training.completion", TargetComparison.EqualTo, 100, Up, 90, MeasureUnit.Percent,
                [81.3m, 84.7m, 86.2m, 88.9m, 90.4m, 92.1m, 93.5m, 94.8m, 95.2m, 96.7m, 97.4m, 96.9m])),
            (awareness, ciso, new("Joiners trained in their first week", MeasureSource.Computed, "training.joiners-first-week", TargetComparison.EqualTo, 100, Up, 80, MeasureUnit.Percent,
                [50, null, 66.7m, 100, null, 75, 100, 100, null, 100, 66.7m, 100])),
        };

        var casey = ciso is { } who ? await db.Users.Where(u => u.Id == who).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken) : null;
        foreach (var (objective, owner, m) in plan)
        {
            var measureId = await measures.RunAsync(null, new MeasureInput(objective, m.Title, m.Source, m.Comparison, m.Target, m.Direction, m.Unit,
                m.Key, m.DataSource, m.Amber, m.Frequency, m.Source == MeasureSource.Manual ? ciso : owner), cancellationToken);
            var measure = await db.Measures.AsNoTracking().SingleAsync(x => x.Id == measureId, cancellationToken);
            for (var i = 0; i < m.History.Length; i++)
            {
                var month = MeasurePeriod.Month(thisMonth.AddMonths(i - m.History.Length), zone);
                var value = m.History[i];
                var takenAt = Instant.Truncate(month.EndsBefore.AddHours(1));
                if (m.Source == MeasureSource.Manual)
                {
                    if (value is null) continue;
                    var entered = Instant.Truncate(month.EndsBefore.AddDays(2).AddHours(10));
                    db.Measurements.Add(TakeMeasurements.Freeze(measure, month, value, "entered by hand", MeasurementKind.Manual, entered, (ciso, casey ?? "demo"),
                        ManualNote(m.Title, value.Value, month)));
                    continue;
                }
                db.Measurements.Add(TakeMeasurements.Freeze(measure, month, value, value is null ? "nothing to measure this month" : "monthly snapshot",
                    MeasurementKind.Scheduled, takenAt, (null, "measurement schedule")));
            }
        }
        await db.SaveAsync("measurement", cancellationToken);

        // This month so far, computed from the demo's own records.
        await take.RunAsync(MeasurementKind.OnDemand, null, cancellationToken);
    }

    private static string ManualNote(string title, decimal value, MeasurePeriod month) => title switch
    {
        "Personal data breaches" when value > 0 => $"One breach in {month.Label}: a support export e-mailed to the wrong client contact; notified to the client and the ICO within 72 hours.",
        "Personal data breaches" => $"No personal data breach in {month.Label} (breach register reviewed).",
        "Client satisfaction with data handling" => $"Quarterly survey closing {month.Label}: average of the replies to 'How well do we protect your data?'.",
        _ => $"Read from the certification programmes' readiness per clause at the {month.Label} compliance meeting.",
    };
}
