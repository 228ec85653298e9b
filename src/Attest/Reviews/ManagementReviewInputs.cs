using System.Text.Json;
using System.Text.Json.Serialization;
using Attest.AiSystems;
using Attest.Certification;
using Attest.Context;
using Attest.Data;
using Attest.Improvement;
using Attest.Incidents;
using Attest.InternalAudits;
using Attest.Objectives;
using Attest.Risks;
using Attest.Suppliers;
using Microsoft.EntityFrameworkCore;
using RiskState = Attest.Risks.RiskStatus;

namespace Attest.Reviews;

/// <summary>
/// The inputs of a management review (ISO/IEC 27001 and 42001 clause 9.3.2), gathered from Attest's records as they stood at the end of
/// <see cref="AsAt"/> in the organization's zone, with the changes counted over the window after <see cref="Since"/> (the previous held
/// review's date) up to <see cref="AsAt"/>. Frozen as JSON when the review is held, so a held review always shows what was put before it.
/// </summary>
public sealed record ManagementReviewInputs(
    DateOnly AsAt,
    DateOnly Since,
    DateTimeOffset GatheredAt,
    ManagementReviewInputs.PreviousActions Actions,
    ManagementReviewInputs.ContextChanges Context,
    IReadOnlyList<ManagementReviewInputs.MeasureInput> Measures,
    ManagementReviewInputs.ImprovementStatus Improvement,
    ManagementReviewInputs.AuditResults Audits,
    ManagementReviewInputs.IncidentSummary Incidents,
    ManagementReviewInputs.RiskStatus Risks,
    ManagementReviewInputs.SupplierPerformance Suppliers,
    ManagementReviewInputs.Opportunities Improvements,
    ManagementReviewInputs.AiAssessmentStatus AiAssessments)
{
    /// <summary>How an action stood on the day: Open, Overdue, Done or Cancelled.</summary>
    public sealed record ActionInput(string ReviewReference, string Reference, string Title, string? Owner, DateOnly? DueOn, string State, DateOnly? CompletedOn);

    /// <summary>(a) The actions raised by earlier reviews.</summary>
    public sealed record PreviousActions(IReadOnlyList<ActionInput> Items)
    {
        public int Open => Items.Count(i => i.State is "Open" or "Overdue");
        public int Overdue => Items.Count(i => i.State == "Overdue");
        public int Done => Items.Count(i => i.State == "Done");
    }

    /// <summary>One issue or interested party added, changed or removed in the window.</summary>
    public sealed record ContextChange(string Kind, string Name, string Change, DateOnly On);

    /// <summary>(b) Changes in external and internal issues and interested parties.</summary>
    public sealed record ContextChanges(IReadOnlyList<ContextChange> Items, int Issues, int Parties);

    /// <summary>(c, e) One measure with its value as at the day and the trend over its last values.</summary>
    public sealed record MeasureInput(
        string ObjectiveReference, string ObjectiveTitle, string Measure, string Value, string Target, MeasureStatus Status, string Trend, DateOnly? PeriodEnd,
        MeasureUnit Unit, decimal TargetValue, IReadOnlyList<MeasureTrendSvg.Point> History);

    /// <summary>Counts of one nonconformity grade: open at the end of the day, raised and closed in the window.</summary>
    public sealed record GradeCount(FindingGrade Grade, int OpenAsAt, int Raised, int Closed);

    /// <summary>An open action past its due date on the day.</summary>
    public sealed record OverdueAction(string Reference, string Title, string Source, string? Owner, DateOnly DueOn);

    /// <summary>(d) Nonconformities and corrective actions.</summary>
    public sealed record ImprovementStatus(
        IReadOnlyList<GradeCount> Nonconformities, IReadOnlyList<FindingInput> OpenNonconformities,
        int ActionsOpen, int ActionsOverdue, int ActionsRaised, int ActionsDone, IReadOnlyList<OverdueAction> OverdueActions);

    /// <summary>A finding open on the day.</summary>
    public sealed record FindingInput(string Reference, string Title, FindingGrade Grade, DateOnly RaisedOn, DateOnly? DueOn);

    /// <summary>An internal or external audit completed in the window.</summary>
    public sealed record AuditInput(string Kind, string Reference, string Title, DateOnly CompletedOn, string Conclusion, int Nonconformities, int Observations, int Opportunities);

    /// <summary>(e) Audit results.</summary>
    public sealed record AuditResults(IReadOnlyList<AuditInput> Items);

    /// <summary>An incident whose detection, containment or recovery missed its severity's limit.</summary>
    public sealed record MissedIncident(string Reference, string Title, IncidentSeverity Severity, string Missed);

    /// <summary>(f) Incidents detected in the window, by severity, and those that missed their targets.</summary>
    public sealed record IncidentSummary(IReadOnlyList<SeverityCount> BySeverity, IReadOnlyList<MissedIncident> Missed)
    {
        public int Total => BySeverity.Sum(s => s.Count);
    }

    public sealed record SeverityCount(IncidentSeverity Severity, int Count);

    public sealed record LevelCount(string Level, int Count);

    /// <summary>(g) Risks open on the day by their current level (residual when rated, else inherent), treatment tasks overdue, acceptances.</summary>
    public sealed record RiskStatus(IReadOnlyList<LevelCount> OpenByLevel, int Open, int Untreated, int TasksOverdue, int AcceptancesCurrent, int AcceptancesStale);

    public sealed record SupplierCount(SupplierCriticality Criticality, int Active, int ReviewedInWindow, int ReviewOverdue);

    /// <summary>(h) Active suppliers by criticality: reviewed in the window, review overdue on the day.</summary>
    public sealed record SupplierPerformance(IReadOnlyList<SupplierCount> ByCriticality);

    /// <summary>(i) Observations and opportunities open on the day, and audit checklist opportunities not taken into the register.</summary>
    public sealed record Opportunities(IReadOnlyList<FindingInput> Open, int AuditOpportunities);

    /// <summary>(j) ISO/IEC 42001: AI system impact assessments.</summary>
    public sealed record AiAssessmentStatus(int Draft, int InReview, int Approved, int ReviewOverdue, int ReassessmentDue);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ManagementReviewInputs FromJson(string json) =>
        JsonSerializer.Deserialize<ManagementReviewInputs>(json, Json) ?? throw new InvalidOperationException("A held management review has no inputs.");

    /// <summary>How many open items are listed at most in one section (the counts are always complete).</summary>
    public const int ListLimit = 50;

    /// <summary>
    /// Gathers the inputs as at the end of <paramref name="asAt"/> in the organization's zone. The window runs from the day after
    /// <paramref name="since"/> (the previous held review's date; twelve months before <paramref name="asAt"/> when null) to <paramref name="asAt"/>.
    /// "As at" is judged from dates the records keep: a nonconformity closed after the day counts as open; an action done after it as open;
    /// anything created after the end of the day is left out. A fixed number of queries, however many records there are.
    /// </summary>
    /// <param name="zone">The organization's zone when the caller has read it already; read here otherwise.</param>
    public static async Task<ManagementReviewInputs> GatherAsync(AttestDbContext db, DateOnly asAt, DateOnly? since, CancellationToken cancellationToken = default,
        TimeZoneInfo? zone = null)
    {
        zone ??= await OrganizationTime.ZoneAsync(db, cancellationToken);
        var from = since ?? asAt.AddMonths(-12);
        if (from > asAt) from = asAt;
        var windowStart = OrganizationTime.StartOfDay(from.AddDays(1), zone);
        var end = OrganizationTime.StartOfDay(asAt.AddDays(1), zone);
        var organizationId = db.CurrentOrganizationId;

        // The figures in one round trip: one scalar subquery each, from a one-row source.
        var f = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new
        {
            MajorOpen = db.Nonconformities.Count(n => n.Grade == FindingGrade.Major && n.RaisedOn <= asAt && (n.ClosedOn == null || n.ClosedOn > asAt)),
            MinorOpen = db.Nonconformities.Count(n => n.Grade == FindingGrade.Minor && n.RaisedOn <= asAt && (n.ClosedOn == null || n.ClosedOn > asAt)),
            ObservationOpen = db.Nonconformities.Count(n => n.Grade == FindingGrade.Observation && n.RaisedOn <= asAt && (n.ClosedOn == null || n.ClosedOn > asAt)),
            OpportunityOpen = db.Nonconformities.Count(n => n.Grade == FindingGrade.Opportunity && n.RaisedOn <= asAt && (n.ClosedOn == null || n.ClosedOn > asAt)),
            MajorRaised = db.Nonconformities.Count(n => n.Grade == FindingGrade.Major && n.RaisedOn > from && n.RaisedOn <= asAt),
            MinorRaised = db.Nonconformities.Count(n => n.Grade == FindingGrade.Minor && n.RaisedOn > from && n.RaisedOn <= asAt),
            ObservationRaised = db.Nonconformities.Count(n => n.Grade == FindingGrade.Observation && n.RaisedOn > from && n.RaisedOn <= asAt),
            OpportunityRaised = db.Nonconformities.Count(n => n.Grade == FindingGrade.Opportunity && n.RaisedOn > from && n.RaisedOn <= asAt),
            MajorClosed = db.Nonconformities.Count(n => n.Grade == FindingGrade.Major && n.ClosedOn > from && n.ClosedOn <= asAt),
            MinorClosed = db.Nonconformities.Count(n => n.Grade == FindingGrade.Minor && n.ClosedOn > from && n.ClosedOn <= asAt),
            ObservationClosed = db.Nonconformities.Count(n => n.Grade == FindingGrade.Observation && n.ClosedOn > from && n.ClosedOn <= asAt),
            OpportunityClosed = db.Nonconformities.Count(n => n.Grade == FindingGrade.Opportunity && n.ClosedOn > from && n.ClosedOn <= asAt),
            ActionsOpen = db.CorrectiveActions.Count(a => a.CreatedAt < end && !(a.Status == ActionStatus.Done && a.CompletedOn <= asAt) && !(a.Status == ActionStatus.Cancelled && a.UpdatedAt < end)),
            ActionsOverdue = db.CorrectiveActions.Count(a => a.CreatedAt < end && !(a.Status == ActionStatus.Done && a.CompletedOn <= asAt) && !(a.Status == ActionStatus.Cancelled && a.UpdatedAt < end) && a.DueOn < asAt),
            ActionsRaised = db.CorrectiveActions.Count(a => a.CreatedAt >= windowStart && a.CreatedAt < end),
            ActionsDone = db.CorrectiveActions.Count(a => a.Status == ActionStatus.Done && a.CompletedOn > from && a.CompletedOn <= asAt),
            TasksOverdue = db.RiskTasks.Count(t => t.CreatedAt < end && t.DueOn < asAt && (t.CompletedOn == null || t.CompletedOn > asAt)),
            AcceptancesCurrent = db.RiskAcceptances.Count(a => a.AcceptedAt < end && a.ValidUntil >= asAt && (a.StaleSince == null || a.StaleSince >= end)),
            AcceptancesStale = db.RiskAcceptances.Count(a => a.AcceptedAt < end && a.StaleSince < end),
            AssessmentsDraft = db.ImpactAssessments.Count(a => a.CreatedAt < end && a.Status == AssessmentStatus.Draft),
            AssessmentsInReview = db.ImpactAssessments.Count(a => a.CreatedAt < end && a.Status == AssessmentStatus.InReview),
            AssessmentsApproved = db.ImpactAssessments.Count(a => a.CreatedAt < end && a.ApprovedNumber != ""),
            AssessmentsOverdue = db.ImpactAssessments.Count(a => a.CreatedAt < end && a.ApprovedNumber != "" && a.NextReviewOn < asAt),
            AssessmentsReassess = db.ImpactAssessments.Count(a => a.CreatedAt < end && a.ReassessmentDue),
            AuditOpportunities = db.AuditChecklistItems.Count(i => (i.Result == AuditResult.OpportunityForImprovement || i.Result == AuditResult.Observation) &&
                i.NonconformityId == null && i.AssessedOn <= asAt),
            CriticalDetect = db.IncidentSettings.Select(s => (int?)s.CriticalDetectMinutes).FirstOrDefault(),
            CriticalContain = db.IncidentSettings.Select(s => (int?)s.CriticalContainMinutes).FirstOrDefault(),
            CriticalRecover = db.IncidentSettings.Select(s => (int?)s.CriticalRecoverMinutes).FirstOrDefault(),
            HighDetect = db.IncidentSettings.Select(s => (int?)s.HighDetectMinutes).FirstOrDefault(),
            HighContain = db.IncidentSettings.Select(s => (int?)s.HighContainMinutes).FirstOrDefault(),
            HighRecover = db.IncidentSettings.Select(s => (int?)s.HighRecoverMinutes).FirstOrDefault(),
            MediumDetect = db.IncidentSettings.Select(s => (int?)s.MediumDetectMinutes).FirstOrDefault(),
            MediumContain = db.IncidentSettings.Select(s => (int?)s.MediumContainMinutes).FirstOrDefault(),
            MediumRecover = db.IncidentSettings.Select(s => (int?)s.MediumRecoverMinutes).FirstOrDefault(),
            LowDetect = db.IncidentSettings.Select(s => (int?)s.LowDetectMinutes).FirstOrDefault(),
            LowContain = db.IncidentSettings.Select(s => (int?)s.LowContainMinutes).FirstOrDefault(),
            LowRecover = db.IncidentSettings.Select(s => (int?)s.LowRecoverMinutes).FirstOrDefault(),
        }).FirstAsync(cancellationToken);

        var supplierCounts = await db.Suppliers.AsNoTracking()
            .Where(s => s.Status == SupplierStatus.Active && s.CreatedAt < end)
            .GroupBy(s => s.Criticality)
            .Select(g => new SupplierCount(g.Key, g.Count(), g.Count(s => s.LastReviewOn > from && s.LastReviewOn <= asAt), g.Count(s => s.NextReviewOn < asAt)))
            .ToListAsync(cancellationToken);

        // (a) actions of earlier held reviews, and every action overdue on the day, in one query.
        var actions = await db.CorrectiveActions.AsNoTracking()
            .Where(a => a.CreatedAt < end)
            .Where(a => (a.Source == ActionSource.ManagementReview && db.ManagementReviews.Any(r => r.Id == a.SourceId && r.HeldOn < asAt && r.Status == ManagementReviewStatus.Held))
                || (a.DueOn < asAt && !(a.Status == ActionStatus.Done && a.CompletedOn <= asAt) && !(a.Status == ActionStatus.Cancelled && a.UpdatedAt < end)))
            .OrderBy(a => a.Reference)
            .Select(a => new
            {
                a.Reference, a.Title, a.Source, a.DueOn, a.Status, a.CompletedOn, a.UpdatedAt,
                Review = a.Source == ActionSource.ManagementReview ? db.ManagementReviews.Where(r => r.Id == a.SourceId).Select(r => r.Reference).FirstOrDefault() : null,
                Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .Take(ListLimit * 4)
            .ToListAsync(cancellationToken);
        string StateOf(ActionStatus status, DateOnly? completed, DateTimeOffset updated, DateOnly? due) =>
            status == ActionStatus.Done && completed <= asAt ? "Done"
            : status == ActionStatus.Cancelled && updated < end ? "Cancelled"
            : due < asAt ? "Overdue" : "Open";
        var previous = actions.Where(a => a.Review is not null)
            .Select(a => new ActionInput(a.Review!, a.Reference, a.Title, a.Owner, a.DueOn, StateOf(a.Status, a.CompletedOn, a.UpdatedAt, a.DueOn), a.Status == ActionStatus.Done && a.CompletedOn <= asAt ? a.CompletedOn : null))
            .OrderBy(a => a.ReviewReference, StringComparer.Ordinal).ThenBy(a => a.Reference, StringComparer.Ordinal).ToList();
        var overdue = actions.Where(a => StateOf(a.Status, a.CompletedOn, a.UpdatedAt, a.DueOn) == "Overdue")
            .Select(a => new OverdueAction(a.Reference, a.Title, CorrectiveActionLabels.Of(a.Source), a.Owner, a.DueOn!.Value)).OrderBy(a => a.DueOn).Take(ListLimit).ToList();

        // (b) issues and interested parties: added and changed from the records' own times, removed from the audit trail.
        var issues = db.ContextIssues.AsNoTracking().Where(i => (i.CreatedAt >= windowStart && i.CreatedAt < end) || (i.CreatedAt < windowStart && i.UpdatedAt >= windowStart && i.UpdatedAt < end))
            .Select(i => new { Kind = 0, Name = i.Title, i.CreatedAt, i.UpdatedAt });
        var parties = db.InterestedParties.AsNoTracking().Where(p => (p.CreatedAt >= windowStart && p.CreatedAt < end) || (p.CreatedAt < windowStart && p.UpdatedAt >= windowStart && p.UpdatedAt < end))
            .Select(p => new { Kind = 1, p.Name, p.CreatedAt, p.UpdatedAt });
        var changed = await issues.Concat(parties).ToListAsync(cancellationToken);
        // Every removal of an issue or party is read (they are few) and the window applied here: a time condition in SQL would lead the
        // planner to walk the trail by time, through every entry of the window, instead of by record type.
        var removed = (await db.AuditEntries.AsNoTracking()
                .Where(e => (e.RecordType == nameof(ContextIssue) || e.RecordType == nameof(InterestedParty)) && e.Action == Audit.AuditAction.Deleted)
                .Select(e => new { e.RecordType, e.Changes, e.OccurredAt })
                .ToListAsync(cancellationToken))
            .Where(e => e.OccurredAt >= windowStart && e.OccurredAt < end).ToList();
        var context = changed.Select(c => new ContextChange(c.Kind == 0 ? "Issue" : "Interested party", c.Name, c.CreatedAt >= windowStart ? "Added" : "Changed",
                OrganizationTime.Date(c.CreatedAt >= windowStart ? c.CreatedAt : c.UpdatedAt, zone)))
            .Concat(removed.Select(r => new ContextChange(r.RecordType == nameof(ContextIssue) ? "Issue" : "Interested party",
                RemovedName(r.Changes, r.RecordType == nameof(ContextIssue) ? "Title" : "Name"), "Removed", OrganizationTime.Date(r.OccurredAt, zone))))
            .OrderBy(c => c.On).ThenBy(c => c.Kind, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

        // (c, e) measures as stored, never recomputed.
        var measures = (await MeasureQueries.AsAtAsync(db, asAt, 12, false, cancellationToken))
            .Select(m => new MeasureInput(m.ObjectiveReference, m.ObjectiveTitle, m.MeasureTitle, m.ValueText, m.TargetText, m.Status, TrendOf(m.History, m.Direction),
                m.Latest?.PeriodEnd, m.Unit, m.Target, MeasureTrendSvg.Points(m.History)))
            .ToList();

        // (d, i) findings open on the day.
        var openFindings = await db.Nonconformities.AsNoTracking()
            .Where(n => n.RaisedOn <= asAt && (n.ClosedOn == null || n.ClosedOn > asAt))
            .OrderBy(n => n.Grade).ThenBy(n => n.RaisedOn).ThenBy(n => n.Reference)
            .Select(n => new FindingInput(n.Reference, n.Title, n.Grade, n.RaisedOn, n.DueOn))
            .Take(ListLimit * 2)
            .ToListAsync(cancellationToken);

        // (e) audits completed in the window.
        var internalAudits = await InternalAuditQueries.CompletedBetweenAsync(db, from.AddDays(1), asAt, cancellationToken);
        var externalAudits = await db.ExternalAudits.AsNoTracking()
            .Where(a => a.Status == ExternalAuditStatus.Completed && a.EndOn > from && a.EndOn <= asAt)
            .Select(a => new
            {
                a.Reference, a.Kind, a.CertificationBody, a.EndOn, a.Conclusion,
                Nonconformities = db.Nonconformities.Count(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && (n.Grade == FindingGrade.Major || n.Grade == FindingGrade.Minor)),
                Observations = db.Nonconformities.Count(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && n.Grade == FindingGrade.Observation),
                Opportunities = db.Nonconformities.Count(n => n.Source == NonconformitySource.ExternalAudit && n.SourceId == a.Id && n.Grade == FindingGrade.Opportunity),
            })
            .ToListAsync(cancellationToken);
        var audits = internalAudits.Select(a => new AuditInput("Internal", a.Reference, a.Title, a.CompletedOn, a.Conclusion, a.Nonconformities, a.Observations, a.Opportunities))
            .Concat(externalAudits.Select(a => new AuditInput("External", a.Reference, $"{a.Kind} audit{(a.CertificationBody.Length > 0 ? " by " + a.CertificationBody : "")}", a.EndOn,
                a.Conclusion.ToString(), a.Nonconformities, a.Observations, a.Opportunities)))
            .OrderBy(a => a.CompletedOn).ThenBy(a => a.Reference, StringComparer.Ordinal).ToList();

        // (f) incidents detected in the window, judged against the severity limits as at the end of the day.
        var incidentRows = await db.Incidents.AsNoTracking()
            .Where(i => i.DetectedAt >= windowStart && i.DetectedAt < end)
            .OrderBy(i => i.DetectedAt)
            .Select(i => new
            {
                i.Reference, i.Title, i.Severity, i.OccurredAt, i.DetectedAt, i.ContainedAt, i.RecoveredAt,
            })
            .ToListAsync(cancellationToken);
        var settings = IncidentSettings.Defaults();
        if (f.CriticalDetect is not null)
        {
            (settings.CriticalDetectMinutes, settings.CriticalContainMinutes, settings.CriticalRecoverMinutes) = (f.CriticalDetect.Value, f.CriticalContain!.Value, f.CriticalRecover!.Value);
            (settings.HighDetectMinutes, settings.HighContainMinutes, settings.HighRecoverMinutes) = (f.HighDetect!.Value, f.HighContain!.Value, f.HighRecover!.Value);
            (settings.MediumDetectMinutes, settings.MediumContainMinutes, settings.MediumRecoverMinutes) = (f.MediumDetect!.Value, f.MediumContain!.Value, f.MediumRecover!.Value);
            (settings.LowDetectMinutes, settings.LowContainMinutes, settings.LowRecoverMinutes) = (f.LowDetect!.Value, f.LowContain!.Value, f.LowRecover!.Value);
        }
        DateTimeOffset? By(DateTimeOffset? at) => at < end ? at : null;
        var missed = incidentRows
            .Select(i => (i, Verdict: IncidentClock.Evaluate(new IncidentTimes(i.OccurredAt, i.DetectedAt, By(i.ContainedAt), By(i.RecoveredAt)), IncidentClock.Limits(settings, i.Severity), end)))
            .Where(x => x.Verdict.Breached)
            .Select(x => new MissedIncident(x.i.Reference, x.i.Title, x.i.Severity, string.Join(", ",
                new[] { (x.Verdict.Detect, "detection"), (x.Verdict.Contain, "containment"), (x.Verdict.Recover, "recovery") }.Where(v => v.Item1 == SlaState.Breached).Select(v => v.Item2))))
            .Take(ListLimit).ToList();
        var bySeverity = Enum.GetValues<IncidentSeverity>().OrderDescending().Select(s => new SeverityCount(s, incidentRows.Count(i => i.Severity == s))).ToList();

        // (g) risks open on the day by level, named by the methodology version each was rated under.
        var riskGroups = await db.Risks.AsNoTracking()
            .Where(r => r.IdentifiedOn <= asAt && r.CreatedAt < end && (r.Status != RiskState.Closed || r.UpdatedAt >= end))
            .GroupBy(r => new { r.MethodologyId, Level = r.ResidualLevel ?? r.InherentLevel })
            .Select(g => new
            {
                g.Key.MethodologyId, g.Key.Level, Count = g.Count(), Untreated = g.Count(r => r.Treatment == RiskTreatment.Undecided),
                Definition = db.RiskMethodologies.Where(m => m.Id == g.Key.MethodologyId).Select(m => m.Definition).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var levels = riskGroups
            .Select(g => (Name: LevelName(g.Definition, g.Level), Rank: g.Level ?? -1, g.Count))
            .GroupBy(g => g.Name)
            .Select(g => (g.Key, Rank: g.Max(x => x.Rank), Count: g.Sum(x => x.Count)))
            .OrderByDescending(g => g.Rank).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new LevelCount(g.Key, g.Count)).ToList();

        FindingGrade[] grades = [FindingGrade.Major, FindingGrade.Minor, FindingGrade.Observation, FindingGrade.Opportunity];
        int[] open = [f.MajorOpen, f.MinorOpen, f.ObservationOpen, f.OpportunityOpen];
        int[] raised = [f.MajorRaised, f.MinorRaised, f.ObservationRaised, f.OpportunityRaised];
        int[] closed = [f.MajorClosed, f.MinorClosed, f.ObservationClosed, f.OpportunityClosed];
        return new ManagementReviewInputs(
            asAt, from, Instant.Now(db.Clock),
            new PreviousActions(previous),
            new ContextChanges(context, context.Count(c => c.Kind == "Issue"), context.Count(c => c.Kind != "Issue")),
            measures,
            new ImprovementStatus(grades.Select((g, i) => new GradeCount(g, open[i], raised[i], closed[i])).ToList(),
                openFindings.Where(n => n.Grade is FindingGrade.Major or FindingGrade.Minor).Take(ListLimit).ToList(),
                f.ActionsOpen, f.ActionsOverdue, f.ActionsRaised, f.ActionsDone, overdue),
            new AuditResults(audits),
            new IncidentSummary(bySeverity, missed),
            new RiskStatus(levels, riskGroups.Sum(g => g.Count), riskGroups.Sum(g => g.Untreated), f.TasksOverdue, f.AcceptancesCurrent, f.AcceptancesStale),
            new SupplierPerformance(Enum.GetValues<SupplierCriticality>().OrderDescending()
                .Select(c => supplierCounts.FirstOrDefault(s => s.Criticality == c) ?? new SupplierCount(c, 0, 0, 0)).ToList()),
            new Opportunities(openFindings.Where(n => n.Grade is FindingGrade.Observation or FindingGrade.Opportunity).Take(ListLimit).ToList(), f.AuditOpportunities),
            new AiAssessmentStatus(f.AssessmentsDraft, f.AssessmentsInReview, f.AssessmentsApproved, f.AssessmentsOverdue, f.AssessmentsReassess));
    }

    /// <summary>
    /// Improving, worsening or steady: the latest value against the mean of up to three values before it, read in the measure's direction.
    /// A dash when there are fewer than two values.
    /// </summary>
    public static string TrendOf(IReadOnlyList<MeasureQueries.StoredValue> history, MeasureDirection direction)
    {
        var values = history.Where(h => h.Value is not null).Select(h => h.Value!.Value).ToList();
        if (values.Count < 2) return "—";
        var latest = values[^1];
        var before = values.Take(values.Count - 1).TakeLast(3).Average();
        var tolerance = Math.Max(Math.Abs(before) * 0.01m, 0.0001m);
        if (Math.Abs(latest - before) <= tolerance) return "Steady";
        var up = latest > before;
        return up == (direction == MeasureDirection.HigherIsBetter) ? "Improving" : "Worsening";
    }

    private static string LevelName(string? definition, int? level)
    {
        if (level is not { } index) return "Not rated";
        if (definition is null) return $"Level {index + 1}";
        try
        {
            var levels = MethodologyDefinition.Parse(definition).Levels;
            return index >= 0 && index < levels.Count ? levels[index].Name : $"Level {index + 1}";
        }
        catch (JsonException)
        {
            return $"Level {index + 1}";
        }
    }

    private static string RemovedName(string changes, string field)
    {
        try
        {
            using var document = JsonDocument.Parse(changes);
            return document.RootElement.TryGetProperty(field, out var change) && change.TryGetProperty("before", out var before) && before.ValueKind == JsonValueKind.String
                ? before.GetString() ?? "(unnamed)" : "(unnamed)";
        }
        catch (JsonException)
        {
            return "(unnamed)";
        }
    }
}
