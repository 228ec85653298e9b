using Attest.Data;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Organizations;
using Microsoft.EntityFrameworkCore;

namespace Attest.Demo;

/// <summary>
/// A year of the demo organization's incidents, through the same use cases people use: mostly Low, some Medium, a few High; one Critical
/// outage that met its SLA, one High key leak whose containment missed it; a personal data breach notified to the ICO and the client in
/// time; a lost encrypted laptop judged not notifiable; AI agents giving wrong or harmful answers; model provider outages; three still
/// open (one breach still being assessed, its clock running). Closed incidents carry their review; several raised corrective actions, some
/// done, one overdue. Dates are relative to the day the demo is loaded; loading again adds nothing.
/// </summary>
public sealed class DemoIncidents(AttestDbContext db, ReportIncident report, SaveIncident save, ChangeIncidentStatus change, AddIncidentNote note,
    RecordIncidentReview review, SaveBreachAssessment assess, LogBreachNotification notify, SaveCorrectiveAction actions)
{
    /// <summary>The critical incident that met every limit.</summary>
    public const string CriticalMet = "Agent orchestration service down for all clients after a failed deployment";
    /// <summary>The high incident whose containment took longer than its SLA.</summary>
    public const string HighMissed = "Leaked cloud access key used to start crypto-mining instances";
    /// <summary>The personal data breach notified to the authority and the client within 72 hours.</summary>
    public const string NotifiedBreach = "Legal research agent retrieved another client's matter notes";
    /// <summary>Open, with personal data still being assessed: the clock runs.</summary>
    public const string BreachBeingAssessed = "Campaign reporting agent e-mailed a contact list to the wrong client";

    private enum Who { Ciso, Cto, Employee }

    /// <summary>
    /// One incident: when it was detected (days ago and hour of day), how long each step took in minutes (null: not reached), who reported
    /// and handles it, what it touched, and its review.
    /// </summary>
    private sealed record Entry(double DaysAgo, string Title, IncidentCategory Category, IncidentSeverity Severity, int? DetectAfter, int? TriageAfter, int? ContainAfter,
        int? EradicateAfter, int? RecoverAfter, int? CloseAfterDays, Who Reporter, Who Handler, string Description, string RootCause = "", string Lessons = "",
        string[]? Assets = null, string? Supplier = null, string[]? Risks = null, string[]? Controls = null, string Clients = "", string Data = "", bool PersonalData = false,
        string[]? Notes = null);

    private static readonly Entry[] Notable =
    [
        new(212.4, CriticalMet, IncidentCategory.Availability, IncidentSeverity.Critical, 8, 12, 95, 140, 210, 6, Who.Cto, Who.Cto,
            "Every agent returned 503 after the 14:10 release: a configuration change removed the model routing table. Datadog paged the on-call engineer at 14:18.",
            "A configuration file was changed by hand in the release branch and skipped the pre-deployment check that validates the routing table.",
            "Configuration goes through the same pipeline checks as code; the canary stage now exercises one agent per service line before full rollout.",
            ["Agent orchestration service", "Client web app and API"], null, ["R-020", "R-024"], ["CTL-022", "CTL-023", "CTL-012"], "All clients", "None",
            Notes: ["Rolled back to the previous release at 15:53; traffic recovering.", "Status page updated; client success team informed the ten largest clients."]),
        new(118.6, HighMissed, IncidentCategory.UnauthorizedAccess, IncidentSeverity.High, 190, 30, 1860, 2400, 2700, 12, Who.Ciso, Who.Cto,
            "GuardDuty reported cryptocurrency mining from a sandbox account. An access key printed by a debug step in a public CI log had been used from outside.",
            "A debug step echoed environment variables in a CI job of a public repository; the key was long-lived and over-permissioned in the sandbox account.",
            "Containment took 31 hours because the key was also used by a nightly job nobody owned; keys are now federated (OIDC) and every job has an owner.",
            ["Amazon Web Services (eu-west-1)", "CI/CD pipelines"], "GitHub", ["R-021", "R-022"], ["CTL-007", "CTL-012", "CTL-014"], "", "None (sandbox only)",
            Notes: ["Key deactivated; the nightly export job failed and was restarted with a new key by mistake, which kept the attacker's access.",
                "Second key revoked; instances terminated; account quarantined with an SCP."]),
        new(74.3, NotifiedBreach, IncidentCategory.DataLeak, IncidentSeverity.High, 45, 20, 70, 300, 480, 9, Who.Employee, Who.Ciso,
            "A solicitor noticed that an answer of the Legal research agent quoted notes from a matter of another client. The shared retrieval index had no tenant filter for one corpus.",
            "A re-indexing job for the legal knowledge corpus wrote client matter notes into the shared index without the tenant tag, so the tenant filter did not exclude them.",
            "Client matter notes never go into shared indexes; the indexing job refuses documents without a tenant tag, and an evaluation checks cross-tenant retrieval on every release.",
            ["Legal research agent", "Client legal matter files", "Legal knowledge corpus"], "Pinecone", ["R-007"], ["CTL-008", "CTL-020", "CTL-010"],
            "Two legal clients (the owner of the notes and the client who received them)", "Matter notes: names, employment disputes, salaries", PersonalData: true,
            Notes: ["Agent paused for all legal clients; index rebuilt with tenant tags.", "Receiving client confirmed deletion of the answer in writing."]),
        new(41.2, "Employment law advice agent stated the wrong statutory notice period", IncidentCategory.AiMisbehaviour, IncidentSeverity.Medium, 300, 60, 120, 1440, 2880, 5,
            Who.Employee, Who.Cto,
            "The agent told a client's HR manager that one week's notice applies after five years' service. A Lumen solicitor caught it in review before it was sent.",
            "The model answered from general knowledge instead of the statute retrieved; the prompt did not require answers to quote the retrieved source.",
            "Answers on statutory entitlements must quote the retrieved provision; the evaluation suite gained 40 statutory-entitlement questions.",
            ["Employment law advice agent"], "Anthropic", ["R-003", "R-027"], ["CTL-010", "CTL-008"], "One mid-market client (HR team)", "None"),
        new(160.5, "Legal research agent cited a judgment that does not exist", IncidentCategory.AiMisbehaviour, IncidentSeverity.Medium, 1440, 120, 240, 2880, 4320, 10,
            Who.Employee, Who.Cto,
            "A trainee found that a case cited in a research memo could not be found in any report. The memo had been sent to the client.",
            "The citation checker only verified the format of citations, not their existence in the corpus.",
            "Every citation is now resolved against the corpus before an answer is shown; unresolved ones are flagged in red to the reviewer.",
            ["Legal research agent"], null, ["R-003"], ["CTL-008", "CTL-010"], "One legal client", "None"),
        new(96.7, "Social media response agent replied insensitively to a bereaved customer", IncidentCategory.AiMisbehaviour, IncidentSeverity.High, 35, 10, 25, 600, 1440, 7,
            Who.Employee, Who.Ciso,
            "The agent answered a customer's post about a bereavement with a promotional offer on a client's account. The client's social team deleted it 35 minutes later.",
            "Sentiment checks ran only on the customer's post language, not on topics requiring a human; auto-posting was on for the weekend.",
            "Sensitive topics (bereavement, health, complaints) always go to a human; auto-posting is off outside staffed hours.",
            ["Social media response agent"], null, ["R-010"], ["CTL-010", "CTL-021"], "One retail marketing client", "None"),
        new(57.9, "OpenAI API degraded: drafting agents timed out for three hours", IncidentCategory.Supplier, IncidentSeverity.Medium, 6, 15, 40, null, 190, 2,
            Who.Cto, Who.Cto,
            "Elevated latency and errors at the model provider; drafting and extraction agents timed out. Failover to the second provider was switched on by hand.",
            "Provider-side incident; our automatic failover only triggered on hard errors, not on timeouts.",
            "Failover now triggers on latency as well as errors, and is tested monthly.",
            ["Agent orchestration service"], "OpenAI", ["R-006"], ["CTL-023", "CTL-015"], "Clients of the drafting and extraction agents", "None"),
        new(23.4, "Anthropic API elevated error rate during a regional incident", IncidentCategory.Supplier, IncidentSeverity.Low, 4, 20, 30, null, 95, 1, Who.Cto, Who.Cto,
            "About 8 % of requests failed for 90 minutes; automatic failover handled most of them.",
            "Provider-side incident.", "Latency-based failover worked as designed; no change needed.",
            ["Agent orchestration service"], "Anthropic", ["R-006"], ["CTL-023"]),
        new(140.1, "Staff laptop left on a train", IncidentCategory.Other, IncidentSeverity.Low, 600, 30, 45, null, null, 3, Who.Employee, Who.Ciso,
            "A consultant left a company laptop on a train; it was reported lost the next morning and wiped remotely.",
            "Human error.", "Reminder in the monthly security note; the laptop was encrypted and wiped, so no data was exposed.",
            ["Staff laptops"], null, ["R-029"], ["CTL-019"], "", "Work files of one consultant", PersonalData: true),
        new(1.6, "Clinical coding agent suggested wrong codes after a model update", IncidentCategory.AiMisbehaviour, IncidentSeverity.High, 240, 30, 90, null, null, null,
            Who.Employee, Who.Cto,
            "Clinical coders saw a jump in rejected suggestions after the provider's model update; two wrong codes reached a client's draft claim before review.",
            Assets: ["Clinical coding agent"], Risks: ["R-006", "R-013"], Controls: ["CTL-008", "CTL-010"], Clients: "One healthcare client", Data: "Draft claims (no patient identifiers)",
            Notes: ["Pinned the previous model version; re-running the evaluation suite on the new one."]),
        new(0.2, "Unusual sign-in attempts against Okta from a new country", IncidentCategory.UnauthorizedAccess, IncidentSeverity.Medium, 20, null, null, null, null, null,
            Who.Ciso, Who.Ciso, "Okta ThreatInsight flagged 40 failed sign-ins on three accounts from an unexpected country within ten minutes.",
            Assets: ["Okta Workforce Identity"], Risks: ["R-035"], Controls: ["CTL-004"]),
        new(0.85, BreachBeingAssessed, IncidentCategory.DataLeak, IncidentSeverity.Medium, 60, 25, 50, null, null, null, Who.Employee, Who.Ciso,
            "A scheduled campaign report attached the contact list of one client's event to the report sent to another client.",
            Assets: ["Campaign performance reporting agent", "Client marketing briefs and campaign data"], Risks: ["R-007"], Controls: ["CTL-020"],
            Clients: "Two marketing clients", Data: "Names and e-mail addresses of about 300 event attendees", PersonalData: true),
    ];

    /// <summary>Everyday events: mostly Low, some Medium; each is cycled through the year with its own review.</summary>
    private static readonly (string Title, IncidentCategory Category, IncidentSeverity Severity, string Description, string Lessons, string[] Risks, string[] Controls, string[] Assets)[] Routine =
    [
        ("Phishing e-mail reported by staff", IncidentCategory.Other, IncidentSeverity.Low, "A credential-phishing e-mail imitating a file-sharing notice reached several inboxes and was reported.",
            "Reported within minutes by trained staff; the sender domain was blocked tenant-wide.", ["R-026"], ["CTL-017"], ["Google Workspace"]),
        ("Password shared in a Slack channel", IncidentCategory.UnauthorizedAccess, IncidentSeverity.Low, "A service password was pasted into a team channel.",
            "Rotated; the secret scanner now also watches Slack.", ["R-021"], ["CTL-004"], ["Slack"]),
        ("Client data pasted into a consumer AI tool", IncidentCategory.DataLeak, IncidentSeverity.Medium, "A consultant used a personal chatbot account to summarise a client report.",
            "Blocked consumer AI domains on managed laptops; AI literacy module updated with this example.", ["R-025"], ["CTL-017", "CTL-019"], ["Staff laptops"]),
        ("Agent loop exhausted the daily model budget", IncidentCategory.Availability, IncidentSeverity.Medium, "A tool-calling loop in an agent consumed the day's token budget by 11:00.",
            "Per-session step limits added to every agent; budget alerts at 50 % and 80 %.", ["R-024"], ["CTL-012"], ["Agent orchestration service"]),
        ("Malicious browser extension blocked", IncidentCategory.Malware, IncidentSeverity.Low, "Endpoint protection blocked a browser extension that exfiltrated page contents.",
            "Extensions are now allow-listed on managed browsers.", ["R-029"], ["CTL-019"], ["Staff laptops"]),
        ("Critical CVE in an agent container base image", IncidentCategory.Other, IncidentSeverity.Medium, "The scanner reported a remotely exploitable library in a production image.",
            "Base images rebuilt nightly; critical findings block deployment.", ["R-022"], ["CTL-014"], ["Agent orchestration service"]),
        ("Visitor followed staff through the office door", IncidentCategory.Other, IncidentSeverity.Low, "A visitor tailgated into the London office and was escorted to reception.",
            "Reminder to staff; reception now issues badges before the door.", [], ["CTL-024"], []),
        ("Expired TLS certificate on a staging site", IncidentCategory.Availability, IncidentSeverity.Low, "A staging hostname served an expired certificate for a day.",
            "Staging certificates moved to automatic renewal and the external check covers them.", [], ["CTL-006"], ["Client web app and API"]),
        ("Prompt injection attempt in an uploaded contract", IncidentCategory.AiMisbehaviour, IncidentSeverity.Low, "A counterparty contract contained hidden instructions to the reviewing agent; the input filter stripped them.",
            "The filter worked; the sample was added to the injection test suite.", ["R-001"], ["CTL-008"], ["Contract review and redlining agent"]),
        ("Marketing copy agent wrote an unsupported health claim", IncidentCategory.AiMisbehaviour, IncidentSeverity.Low, "A draft ad claimed a supplement 'cures fatigue'; the compliance agent flagged it before review.",
            "Claims checking worked; the copy agent's prompt now lists prohibited claim types.", ["R-009"], ["CTL-010"], ["Campaign copywriting agent"]),
    ];

    public async Task RunAsync(IReadOnlyDictionary<OrganizationRole, Guid> people, CancellationToken cancellationToken = default)
    {
        // Loading again changes nothing: the register is only filled once.
        if (await db.Incidents.AnyAsync(cancellationToken)) return;
        var assets = (await db.Assets.AsNoTracking().Select(a => new { a.Name, a.Id }).ToListAsync(cancellationToken))
            .GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var risks = await db.Risks.AsNoTracking().ToDictionaryAsync(r => r.Reference, r => r.Id, cancellationToken);
        var controls = await db.Controls.AsNoTracking().ToDictionaryAsync(c => c.Reference, c => c.Id, cancellationToken);
        var suppliers = (await db.Suppliers.AsNoTracking().Select(s => new { s.Name, s.Id }).ToListAsync(cancellationToken))
            .GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        var context = new Lookups(people, assets, risks, controls, suppliers);
        var now = Instant.Now(db.Clock);

        var ids = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var entry in Notable) ids[entry.Title] = await AddAsync(entry, context, now, cancellationToken);

        // Routine events spread over the year: every ninth day or so, cycling through the kinds, a few Medium among the Low.
        for (var i = 0; i < 28; i++)
        {
            var (title, category, severity, description, lessons, riskRefs, controlRefs, assetNames) = Routine[i % Routine.Length];
            var daysAgo = 360 - i * 12.7 - (i % 3) * 0.3;
            var quick = severity == IncidentSeverity.Low;
            // One Low phishing report a month was detected slowly; the rest quickly.
            var detectAfter = i % 7 == 3 ? 2 * 24 * 60 : 15 + i * 7 % 90;
            var entry = new Entry(daysAgo, title, category, severity, detectAfter, 30 + i % 5 * 10, quick ? 120 + i * 11 % 300 : 300 + i * 37 % 900, null,
                quick ? 600 + i * 13 % 600 : 1440 + i * 53 % 1440, 2 + i % 4, i % 2 == 0 ? Who.Employee : Who.Ciso, i % 3 == 0 ? Who.Cto : Who.Ciso, description,
                "See the description.", lessons, assetNames, null, riskRefs, controlRefs);
            await AddAsync(entry, context, now, cancellationToken);
        }

        await BreachesAsync(ids, now, cancellationToken);
        await ActionsAsync(ids, context, now, cancellationToken);
    }

    private sealed record Lookups(IReadOnlyDictionary<OrganizationRole, Guid> People, Dictionary<string, Guid> Assets, Dictionary<string, Guid> Risks,
        Dictionary<string, Guid> Controls, Dictionary<string, Guid> Suppliers)
    {
        public Guid Person(Who who) => who switch
        {
            Who.Cto => People[OrganizationRole.Contributor],
            Who.Employee => People[OrganizationRole.Employee],
            _ => People[OrganizationRole.Manager],
        };

        public static string Local(Who who) => who switch { Who.Cto => "owner", Who.Employee => "employee", _ => "ciso" };
    }

    private async Task<int> VersionAsync(Guid id, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return await db.Incidents.Where(i => i.Id == id).Select(i => i.Version).SingleAsync(cancellationToken);
    }

    private async Task<Guid> AddAsync(Entry e, Lookups lookups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var detected = Instant.Truncate(now.AddDays(-e.DaysAgo));
        var occurred = e.DetectAfter is { } lag ? detected.AddMinutes(-lag) : (DateTimeOffset?)null;
        var assetIds = (e.Assets ?? []).Where(lookups.Assets.ContainsKey).Select(a => lookups.Assets[a]).Distinct().ToList();
        Guid id;
        using (db.Acting.ActAs(lookups.Person(e.Reporter), $"{Lookups.Local(e.Reporter)}@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui))
        {
            id = await report.RunAsync(new IncidentReportInput(e.Title, e.Description, e.Category, e.Severity, occurred, detected, assetIds, e.Clients, e.Data, e.PersonalData),
                cancellationToken);
        }
        var handler = lookups.Person(e.Handler);
        using var acting = db.Acting.ActAs(handler, $"{Lookups.Local(e.Handler)}@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
        var supplier = e.Supplier is { } s && lookups.Suppliers.TryGetValue(s, out var found) ? found : (Guid?)null;
        await save.RunAsync(id, new IncidentInput(e.Title, e.Description, e.Category, e.Severity, handler, occurred, detected, null, e.Clients, e.Data, e.PersonalData, supplier,
            await VersionAsync(id, cancellationToken)), cancellationToken);

        var steps = new List<(IncidentStatus Status, DateTimeOffset At)>();
        void Step(IncidentStatus status, int? minutes)
        {
            if (minutes is { } m && detected.AddMinutes(m) <= now) steps.Add((status, detected.AddMinutes(m)));
        }
        Step(IncidentStatus.Triaged, e.TriageAfter);
        Step(IncidentStatus.Contained, e.ContainAfter);
        Step(IncidentStatus.Eradicated, e.EradicateAfter);
        Step(IncidentStatus.Recovered, e.RecoverAfter);
        var notes = e.Notes ?? [];
        for (var i = 0; i < steps.Count; i++)
        {
            await change.RunAsync(id, steps[i].Status, steps[i].At, null, await VersionAsync(id, cancellationToken), cancellationToken);
            if (i < notes.Length) await note.RunAsync(id, notes[i], steps[i].At.AddMinutes(5), cancellationToken);
        }
        if (e.CloseAfterDays is { } days && !string.IsNullOrEmpty(e.Lessons))
        {
            var last = steps.Count > 0 ? steps[^1].At : detected;
            var closedAt = last.AddDays(days) <= now ? last.AddDays(days) : now;
            await review.RunAsync(id, new IncidentReviewInput(e.RootCause, e.Lessons, OrganizationTime.Date(closedAt.AddHours(-2), TimeZoneInfo.Utc),
                Links(e.Risks, lookups.Risks, "Reviewed after this incident."), Links(e.Controls, lookups.Controls, "Tested by this incident."),
                await VersionAsync(id, cancellationToken)), cancellationToken);
            await change.RunAsync(id, IncidentStatus.Closed, closedAt, null, await VersionAsync(id, cancellationToken), cancellationToken);
        }
        else if (e.Risks is not null || e.Controls is not null)
        {
            await review.RunAsync(id, new IncidentReviewInput("", "", null, Links(e.Risks, lookups.Risks, "Realised by this incident (under investigation)."),
                Links(e.Controls, lookups.Controls, "Under review."), await VersionAsync(id, cancellationToken)), cancellationToken);
        }
        return id;
    }

    private static List<IncidentLinkInput> Links(string[]? references, Dictionary<string, Guid> ids, string note) =>
        (references ?? []).Where(ids.ContainsKey).Select(r => new IncidentLinkInput(ids[r], note)).ToList();

    private async Task BreachesAsync(Dictionary<string, Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        async Task<BreachAssessment> Breach(Guid incident)
        {
            db.ChangeTracker.Clear();
            return await db.BreachAssessments.AsNoTracking().SingleAsync(b => b.IncidentId == incident, cancellationToken);
        }

        // The notified breach: aware when the solicitor reported it, assessed as a risk to the people in the notes, the ICO told on day two and both clients the same day.
        var notified = ids[NotifiedBreach];
        var b = await Breach(notified);
        await assess.RunAsync(notified, new BreachInput(b.AwareAt, BreachStatus.Notifiable, BreachRisk.Risk, "Names, employment disputes, salary figures",
            "Employees of one legal client named in matter notes", 14, 3, "Embarrassment and loss of confidentiality for the employees named; no financial or identity data.",
            "Agent paused; index rebuilt with tenant tags; receiving client confirmed deletion in writing.", "ICO", Version: b.Version), cancellationToken);
        await notify.RunAsync(notified, new BreachNotificationInput(NotificationRecipient.SupervisoryAuthority, "ICO", b.AwareAt.AddHours(31), "ICO breach reporting portal",
            "Initial report: one answer of a legal research agent disclosed notes of another client's matter (14 people). Contained within 2 hours; receiving client confirmed deletion.",
            "ICO/2026/0481", "Casey Ciso"), cancellationToken);
        await notify.RunAsync(notified, new BreachNotificationInput(NotificationRecipient.Client, "The client whose matter notes were disclosed", b.AwareAt.AddHours(20),
            "Call with the general counsel, confirmed by e-mail", "What happened, what was disclosed to whom, the deletion confirmation, and the changes made.", "", "Casey Ciso"), cancellationToken);

        // The laptop: encrypted and wiped, so unlikely to result in a risk to anyone.
        var laptop = ids["Staff laptop left on a train"];
        b = await Breach(laptop);
        await assess.RunAsync(laptop, new BreachInput(b.AwareAt, BreachStatus.NotNotifiable, BreachRisk.Unlikely, "Work files with client contact details", "Client contacts", 50,
            MeasuresTaken: "Remote wipe confirmed by the device management console the next morning.",
            NotNotifiableReason: "Full-disk encryption (BitLocker, TPM and PIN) was on and the device was wiped remotely: the data is unintelligible to anyone who finds it (Art. 34(3)(a)).",
            Version: b.Version), cancellationToken);

        // Still being assessed: the categories known so far, the decision not yet taken.
        var open = ids[BreachBeingAssessed];
        b = await Breach(open);
        await assess.RunAsync(open, new BreachInput(b.AwareAt, BreachStatus.Assessing, BreachRisk.Risk, "Names and e-mail addresses", "Attendees of a client's event", 300,
            LikelyConsequences: "Unsolicited contact; possible phishing using the event as a pretext.", Authority: "ICO", Version: b.Version), cancellationToken);
        await notify.RunAsync(open, new BreachNotificationInput(NotificationRecipient.Client, "The client whose attendee list was sent", now.AddHours(-4), "E-mail to the client's DPO",
            "Early notice while we assess: what was sent, to whom, and the deletion we have requested.", "", "Casey Ciso"), cancellationToken);
    }

    private async Task ActionsAsync(Dictionary<string, Guid> ids, Lookups lookups, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = OrganizationTime.Date(now, await OrganizationTime.ZoneAsync(db, cancellationToken));
        var cto = lookups.Person(Who.Cto);
        var ciso = lookups.Person(Who.Ciso);
        (string Incident, string Title, Guid Owner, int DueInDays, bool Done, string? Control)[] planned =
        [
            (CriticalMet, "Run configuration changes through the release pipeline checks", cto, -180, true, "CTL-022"),
            (CriticalMet, "Add a canary stage exercising one agent per service line", cto, -170, true, "CTL-023"),
            (HighMissed, "Replace long-lived CI keys with OIDC federation", cto, -90, true, "CTL-007"),
            (HighMissed, "Give every scheduled job a named owner in the service catalogue", cto, -20, false, "CTL-003"),
            (NotifiedBreach, "Refuse indexing of documents without a tenant tag", cto, -50, true, "CTL-008"),
            (NotifiedBreach, "Add cross-tenant retrieval tests to the release evaluation", cto, 10, false, "CTL-008"),
            ("Social media response agent replied insensitively to a bereaved customer", "Route sensitive topics to a human reviewer", ciso, -60, true, "CTL-010"),
            ("Clinical coding agent suggested wrong codes after a model update", "Re-evaluate the new model version before unpinning", cto, 14, false, "CTL-008"),
        ];
        using var acting = db.Acting.ActAs(ciso, $"ciso@{LoadDemoOrganization.EmailDomain}", Audit.AuditChannel.Ui);
        foreach (var (incident, title, owner, due, done, control) in planned)
        {
            var dueOn = today.AddDays(due);
            await actions.RunAsync(null, new CorrectiveActionInput(title, Source: ActionSource.Incident, SourceId: ids[incident], OwnerId: owner, DueOn: dueOn,
                Status: done ? ActionStatus.Done : ActionStatus.Open, CompletedOn: done ? dueOn.AddDays(-3) : null,
                Outcome: done ? "Done and verified at the follow-up review." : null,
                ControlId: control is not null && lookups.Controls.TryGetValue(control, out var c) ? c : null), cancellationToken);
        }
    }
}
