using Attest.Continuity;
using Attest.Data;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// The demo organization's business continuity: plans for the agent platform, the client web app and the restore of client data; a year of
/// quarterly restore tests (one passed with issues, with a follow-up action), a tabletop exercise and a failover test; and twelve months of
/// uptime for the agent platform and the client web app, mostly above 99.9 % with one month missed — the month of the demo's availability
/// incident when there is one, otherwise five months ago. Everything goes through the use cases people use; dates are relative to the day
/// the demo is loaded. Without the inventory or the incidents it still loads, with plans that name no service.
/// </summary>
public sealed class DemoContinuity(AttestDbContext db, SaveContinuityPlan savePlan, SaveContinuityExercise saveExercise, SaveMonitoredService saveService,
    RecordAvailability record, SaveCorrectiveAction saveAction)
{
    public const string AgentPlatform = "Agent platform";
    public const string ClientWebApp = "Client web app and API";
    /// <summary>How many months ago the missed month is when the demo has no availability incident to take it from.</summary>
    public const int FallbackMissedMonthsAgo = 5;

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: the continuity records are only created once.
        if (await db.ContinuityPlans.AnyAsync(cancellationToken) || await db.MonitoredServices.AnyAsync(cancellationToken)) return;
        var zone = await OrganizationTime.ZoneAsync(db, cancellationToken);
        var today = OrganizationTime.Date(db.Clock.GetUtcNow(), zone);
        var assets = (await db.Assets.AsNoTracking().Select(a => new { a.Name, a.Id }).ToListAsync(cancellationToken))
            .GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        Guid? Asset(string name) => assets.TryGetValue(name, out var id) ? id : null;
        List<Guid> Assets(params string[] names) => names.Select(Asset).Where(a => a is not null).Select(a => a!.Value).ToList();
        var suppliers = (await db.Suppliers.AsNoTracking().Select(s => new { s.Name, s.Id }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        List<Guid> Suppliers(params string[] names) => names.Where(suppliers.ContainsKey).Select(n => suppliers[n]).ToList();
        var ciso = people[OrganizationRole.Manager];
        var cto = people[OrganizationRole.Contributor];

        using var acting = db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
        var platform = await savePlan.RunAsync(null, new ContinuityPlanInput("Agent platform recovery", PlanKind.Recovery, PlanStatus.Approved,
            ServiceAssetId: Asset("Agent orchestration service"), Rto: "4h", Rpo: "1h", OwnerId: cto, DeputyId: ciso,
            Activation: "Invoke when the agent orchestration service is unavailable or returning errors for more than **30 minutes** in a production region, " +
                "or when a model provider outage stops more than one service line, and the on-call engineer cannot restore it by a rollback.",
            Steps: """
                1. On-call engineer declares the incident in the incident register (category *Availability*) and pages the platform lead.
                2. Freeze deployments; confirm whether the fault is ours (last release, configuration) or a cloud or model provider's.
                3. Ours: roll back to the last release tagged `stable`; verify with the synthetic agent checks.
                4. Provider: switch affected agents to their secondary model route (Claude ↔ GPT-4.1 ↔ Gemini) through the routing table.
                5. Region lost: restore the orchestration database from the latest snapshot in eu-central-1 and redeploy with the `dr` pipeline.
                6. Tell delivery leads which agents are degraded; professional review continues by hand for urgent matters.
                7. Confirm recovery with the synthetic checks and a reviewed sample of outputs; record achieved restore time in the incident.
                """,
            Contacts: """
                - **Platform lead (owner):** Olu Owner — on-call rota in PagerDuty
                - **Deputy:** Casey Ciso
                - **AWS Enterprise Support:** severity *Business-critical system down*, via the console
                - **Anthropic / OpenAI / Google Cloud:** status pages and enterprise support contacts in the supplier register
                """,
            LastReviewedOn: today.AddMonths(-4), NextReviewOn: today.AddMonths(8),
            AssetIds: Assets("Amazon Web Services (eu-west-1)", "Google Cloud (europe-west4)", "Microsoft Azure (westeurope)", "Agent prompts and output logs", "CI/CD pipelines"),
            SupplierIds: Suppliers("Amazon Web Services", "Anthropic", "OpenAI", "Google Cloud")), cancellationToken);
        var webApp = await savePlan.RunAsync(null, new ContinuityPlanInput("Client web app continuity", PlanKind.Continuity, PlanStatus.Approved,
            ServiceAssetId: Asset("Client web app and API"), Rto: "2h", Rpo: "15min", OwnerId: cto, DeputyId: ciso,
            Activation: "Invoke when clients cannot sign in, submit work or download deliverables for more than **15 minutes**.",
            Steps: """
                1. Put the status page into *degraded* and post the first client notice within 30 minutes.
                2. Fail the web tier over to the standby deployment in eu-central-1 (runbook `webapp-failover`).
                3. Clients with urgent deliverables receive them by secure e-mail from their delivery lead.
                4. Once the primary is healthy, fail back outside business hours and close the status page incident.
                """,
            Contacts: "- **Client communications:** delivery leads per service line\n- **Status page:** platform on-call",
            LastReviewedOn: today.AddMonths(-2), NextReviewOn: today.AddMonths(10),
            AssetIds: Assets("Amazon Web Services (eu-west-1)", "Agent orchestration service"), SupplierIds: Suppliers("Amazon Web Services", "Okta")), cancellationToken);
        var restore = await savePlan.RunAsync(null, new ContinuityPlanInput("Client data restore", PlanKind.Recovery, PlanStatus.Approved,
            ServiceAssetId: Asset("Client legal matter files"), Rto: "8h", Rpo: "24h", OwnerId: ciso, DeputyId: cto,
            Activation: "Invoke when client data is lost, corrupted or encrypted (ransomware), or a client asks for a point-in-time restore.",
            Steps: """
                1. Identify the affected data sets and the last known-good backup (daily, encrypted, copied to eu-central-1).
                2. Restore into an isolated account; verify checksums and a sample of documents with the delivery lead.
                3. Promote the restored data; re-run the retrieval index build for affected corpora.
                4. Record the restore time and the age of the backup in the exercise or incident.
                """,
            Contacts: "- **Data owner:** Casey Ciso\n- **Backup operator:** platform on-call",
            LastReviewedOn: today.AddMonths(-11), NextReviewOn: today.AddDays(-10),
            AssetIds: Assets("Client legal matter files", "Client financial records", "Client health information", "Amazon Web Services (eu-west-1)"),
            SupplierIds: Suppliers("Amazon Web Services")), cancellationToken);

        // Quarterly restore tests over the past year; the second one took too long and raised a follow-up action.
        var tests = new (int MonthsAgo, ExerciseResult Result, string Rto, string Rpo, string Issues)[]
        {
            (11, ExerciseResult.Passed, "5h", "20h", ""),
            (8, ExerciseResult.PassedWithIssues, "9h 30min", "22h", "The restore of the health data set ran past the 8-hour objective: the snapshot copy to the isolated account was throttled. The runbook did not say to raise the copy quota first."),
            (5, ExerciseResult.Passed, "6h", "18h", ""),
            (2, ExerciseResult.Passed, "4h 45min", "12h", ""),
        };
        foreach (var (monthsAgo, result, rto, rpo, issues) in tests)
        {
            var heldOn = today.AddMonths(-monthsAgo);
            var exercise = await saveExercise.RunAsync(null, new ContinuityExerciseInput($"Quarterly client data restore test ({heldOn:MMMM yyyy})", ExerciseType.RestoreTest, heldOn, result,
                restore, ciso, "Casey Ciso, platform on-call engineer, legal delivery lead",
                "Restored the previous night's backups of the legal, financial and health data sets into an isolated account and checked 50 documents per set.",
                rto, rpo, issues), cancellationToken);
            if (result == ExerciseResult.PassedWithIssues)
            {
                await saveAction.RunAsync(null, new CorrectiveActionInput("Raise the snapshot copy quota before restores and add it to the runbook",
                    "The restore test ran past its objective because the snapshot copy was throttled.", ActionSource.ContinuityExercise, exercise, cto, heldOn.AddDays(30),
                    ActionStatus.Done, heldOn.AddDays(21), "Quota raised permanently in the backup account; runbook step 2 updated."), cancellationToken);
            }
        }
        await saveExercise.RunAsync(null, new ContinuityExerciseInput("Tabletop: model provider outage during a client deadline", ExerciseType.Tabletop, today.AddMonths(-6),
            ExerciseResult.PassedWithIssues, platform, ciso, "Alex Admin, Casey Ciso, Olu Owner, delivery leads of the six service lines",
            "Anthropic's API is down for six hours on the day a legal client's due diligence report is due; the secondary route to GPT-4.1 has not been evaluated for that agent.",
            null, null, "Two legal agents had no evaluated secondary model route. Delivery leads did not know where the client notice templates are."), cancellationToken);
        await saveExercise.RunAsync(null, new ContinuityExerciseInput("Web app failover to eu-central-1", ExerciseType.Failover, today.AddMonths(-3), ExerciseResult.Passed,
            webApp, cto, "Olu Owner, platform engineering team", "Failed the client web app and API over to the standby deployment during a maintenance window and back.",
            "1h 10min", "5min", ""), cancellationToken);
        await saveExercise.RunAsync(null, new ContinuityExerciseInput("Agent platform regional recovery simulation", ExerciseType.Simulation, today.AddMonths(1),
            ExerciseResult.Planned, platform, cto, "Platform engineering team", "Simulated loss of eu-west-1: restore orchestration from snapshots in eu-central-1."), cancellationToken);

        // Twelve months of uptime; the missed month is the demo's availability incident's month when it has one.
        var currentMonth = OrganizationTime.Month(today);
        var window = Enumerable.Range(1, 12).Select(i => OrganizationTime.AddMonths(currentMonth, -i)).ToList();
        var platformService = await saveService.RunAsync(null, new MonitoredServiceInput(AgentPlatform, Asset("Agent orchestration service"), 99.9, cto), cancellationToken);
        var webService = await saveService.RunAsync(null, new MonitoredServiceInput(ClientWebApp, Asset("Client web app and API"), 99.9, cto), cancellationToken);
        // One month is missed: the most recent availability incident's, on the service whose asset it affected (the platform when both).
        var platformIncident = await IncidentMonthAsync(Asset("Agent orchestration service"), window, cancellationToken);
        var webIncident = await IncidentMonthAsync(Asset("Client web app and API"), window, cancellationToken);
        int? platformMissed = null, webMissed = null;
        if (webIncident is { } w && (platformIncident is null || w > platformIncident)) webMissed = w;
        else platformMissed = platformIncident ?? OrganizationTime.AddMonths(currentMonth, -FallbackMissedMonthsAgo);
        var figures = new[] { 99.97, 99.95, 99.99, 99.93, 99.96, 99.98, 99.94, 99.99, 99.92, 99.97, 99.95, 99.96 };
        for (var i = 0; i < window.Count; i++)
        {
            var month = window[i];
            var platformUptime = month == platformMissed ? 99.41 : figures[i];
            var webUptime = month == webMissed ? 99.62 : figures[(i + 5) % figures.Length];
            await record.RunAsync(new AvailabilityInput(platformService, OrganizationTime.MonthText(month), platformUptime,
                (int)Math.Round(AvailabilityArithmetic.MinutesIn(month) * (100 - platformUptime) / 100), month == platformMissed ? "Regional outage: see the incident." : null),
                AvailabilitySource.Api, cancellationToken);
            await record.RunAsync(new AvailabilityInput(webService, OrganizationTime.MonthText(month), webUptime,
                (int)Math.Round(AvailabilityArithmetic.MinutesIn(month) * (100 - webUptime) / 100), month == webMissed ? "Outage: see the incident." : null),
                AvailabilitySource.Api, cancellationToken);
        }
    }

    /// <summary>The month of the most recent availability incident affecting the asset within the window, if any.</summary>
    private async Task<int?> IncidentMonthAsync(Guid? assetId, IReadOnlyList<int> window, CancellationToken cancellationToken)
    {
        if (assetId is not { } asset) return null;
        var first = window.Min();
        var last = window.Max();
        return await db.IncidentAssets.AsNoTracking().Where(l => l.AssetId == asset)
            .Join(db.Incidents.Where(i => i.Category == IncidentCategory.Availability && i.DetectedMonth >= first && i.DetectedMonth <= last), l => l.IncidentId, i => i.Id, (_, i) => i.DetectedMonth)
            .OrderByDescending(m => m).Select(m => (int?)m).FirstOrDefaultAsync(cancellationToken);
    }
}
