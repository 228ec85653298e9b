using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Attest.Assets;
using Attest.Continuity;
using Attest.Improvement;
using Attest.Incidents;
using Attest.Organizations;
using Attest.Vulnerabilities;
using Microsoft.EntityFrameworkCore;

namespace Attest.Scale;

/// <summary>
/// Issue 8's registers at enterprise size: two years of incidents with their timelines, breach assessments and corrective actions; scanner
/// findings over the software estate; continuity plans, exercises and monthly availability. A generator of its own (seeded separately) so the
/// rest of the dataset stays exactly as before.
/// </summary>
public sealed partial class SeedScaleDataset
{
    private static readonly IncidentSettings Sla = IncidentSettings.Defaults();

    private async Task SeedOperationsAsync(Guid organizationId, ScaleVolumes volumes, List<(Guid Id, OrganizationRole Role, string Department)> people, Guid[] owners,
        AuditWriter audit, DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, TextWriter? progress, Stopwatch watch, CancellationToken cancellationToken)
    {
        if (volumes.Incidents == 0 && volumes.Findings == 0 && volumes.Plans == 0) return;
        var random = new Random(20261123);
        var assets = await db.Assets.AsNoTracking().Where(a => a.Lifecycle == AssetLifecycle.InUse).OrderBy(a => a.Reference).Select(a => new { a.Id, a.Type, a.Name })
            .ToListAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => people.Select(p => p.Id).Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var reporters = people.Select(p => p.Id).ToArray();
        var suppliers = await db.Suppliers.AsNoTracking().OrderBy(s => s.Reference).Select(s => s.Id).ToListAsync(cancellationToken);

        var incidents = await SeedIncidentsAsync(organizationId, volumes, random, assets.Select(a => a.Id).ToList(), reporters, owners, suppliers,
            users.ToDictionary(u => u.Key, u => u.Value.DisplayName), audit, start, now, counts, cancellationToken);
        progress?.WriteLine($"  {volumes.Incidents} incidents, {counts["incident events"]} timeline events, {counts["breach assessments"]} breach assessments ({watch.Elapsed.TotalSeconds:0.0} s)");
        var software = assets.Where(a => a.Type == AssetType.Software).Take(volumes.ScannedAssets).Select(a => (a.Id, a.Name)).ToList();
        await SeedFindingsAsync(organizationId, volumes, random, software, owners, audit, start, now, counts, cancellationToken);
        progress?.WriteLine($"  {volumes.Findings} vulnerability findings on {software.Count} assets, {counts["vulnerability scans"]} scans ({watch.Elapsed.TotalSeconds:0.0} s)");
        var services = assets.Where(a => a.Type is AssetType.Service or AssetType.AiSystem or AssetType.Software).Select(a => (a.Id, a.Name)).ToList();
        var exercises = await SeedContinuityAsync(organizationId, volumes, random, services, assets.Select(a => a.Id).ToList(), suppliers, owners, audit, start, now, counts, cancellationToken);
        progress?.WriteLine($"  {volumes.Plans} continuity plans, {volumes.Exercises} exercises, {volumes.MonitoredServices} monitored services × 24 months ({watch.Elapsed.TotalSeconds:0.0} s)");
        await SeedActionsAsync(organizationId, volumes, random, incidents, exercises, people.Select(p => p.Id).ToArray(), owners, audit, now, counts, cancellationToken);
        progress?.WriteLine($"  {counts["corrective actions"]} corrective actions ({watch.Elapsed.TotalSeconds:0.0} s)");
    }

    /// <summary>
    /// Incidents detected evenly over two years, mostly low and medium; each reaches a status according to its age (nearly all older ones closed)
    /// with a timestamp for every step, detection and containment mostly within the severity's default SLA (about one in eight late), and the
    /// stored durations from <see cref="IncidentClock.Recompute"/>. About two affected assets each; one in twenty involves personal data and has a
    /// breach assessment — notifiable ones notified, some late with a reason. Returns the reviewed incidents (id, detection) for actions.
    /// </summary>
    private async Task<List<(Guid Id, DateTimeOffset DetectedAt)>> SeedIncidentsAsync(Guid organizationId, ScaleVolumes volumes, Random random, List<Guid> assets,
        Guid[] reporters, Guid[] owners, List<Guid> suppliers, Dictionary<Guid, string> names, AuditWriter audit, DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts,
        CancellationToken cancellationToken)
    {
        var reviewed = new List<(Guid, DateTimeOffset)>();
        long events = 0, links = 0, breaches = 0, notifications = 0;
        var span = (now - start).TotalSeconds;
        string[] handlers = ["Security operations", "Platform on-call", "AI safety desk"];
        for (var i = 1; i <= volumes.Incidents; i++)
        {
            // Evenly over the two years, with jitter, so every month has incidents and the newest are still open.
            var detected = Instant.Truncate(start.AddSeconds(span * (i - 1) / volumes.Incidents + random.Next(0, 3_600)));
            if (detected > now) detected = now.AddMinutes(-random.Next(5, 120));
            var roll = random.Next(100);
            var severity = roll < 55 ? IncidentSeverity.Low : roll < 85 ? IncidentSeverity.Medium : roll < 97 ? IncidentSeverity.High : IncidentSeverity.Critical;
            var limits = IncidentClock.Limits(Sla, severity);
            var category = (IncidentCategory)random.Next(7);
            var late = random.Next(8) == 0;
            var detectTaken = TimeSpan.FromSeconds(limits.Detect.TotalSeconds * (late ? 1.1 + random.NextDouble() : 0.05 + random.NextDouble() * 0.9));
            var containTaken = TimeSpan.FromSeconds(limits.Contain.TotalSeconds * (random.Next(8) == 0 ? 1.05 + random.NextDouble() : 0.1 + random.NextDouble() * 0.85));
            var age = now - detected;
            // Older incidents went through every step; the last few weeks' are spread along the way.
            var reached = age > TimeSpan.FromDays(45) ? (random.Next(50) == 0 ? IncidentStatus.Recovered : IncidentStatus.Closed)
                : (IncidentStatus)Math.Min(5, (int)(age.TotalDays / 45 * 6 + random.Next(0, 2)));
            var reportedAt = detected.AddMinutes(random.Next(1, 30));
            var triagedAt = reportedAt.AddMinutes(random.Next(5, 90));
            var containedAt = detected + containTaken;
            if (containedAt < triagedAt) containedAt = triagedAt.AddMinutes(5);
            var eradicatedAt = containedAt.AddHours(random.Next(1, 24));
            var recoveredAt = eradicatedAt.AddHours(random.Next(1, 12));
            var closedAt = recoveredAt.AddDays(random.Next(1, 20));
            DateTimeOffset? Upto(IncidentStatus status, DateTimeOffset at) => reached >= status && at <= now ? Instant.Truncate(at) : null;
            var personal = i % 20 == 7;
            var reporter = reporters[random.Next(reporters.Length)];
            var owner = owners[random.Next(owners.Length)];
            var viaApi = random.Next(4) == 0;
            var incident = new Incident
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"INC-{i:00000}",
                Title = $"{IncidentTitles[(int)category]} ({Themes[i % Themes.Length].ToLowerInvariant()}, case {i})",
                Description = $"Generated for the scale lab: {IncidentTitles[(int)category].ToLowerInvariant()} handled by {handlers[i % handlers.Length].ToLowerInvariant()}.",
                Category = category, Severity = severity, Channel = viaApi ? IncidentChannel.Api : IncidentChannel.Form, ReporterId = viaApi ? null : reporter,
                ReportedBy = viaApi ? "Datadog monitoring" : names.GetValueOrDefault(reporter, "Staff member"), OwnerId = owner,
                OccurredAt = random.Next(10) == 0 ? null : Instant.Truncate(detected - detectTaken), DetectedAt = detected, ReportedAt = Instant.Truncate(reportedAt),
                TriagedAt = Upto(IncidentStatus.Triaged, triagedAt), ContainedAt = Upto(IncidentStatus.Contained, containedAt), EradicatedAt = Upto(IncidentStatus.Eradicated, eradicatedAt),
                RecoveredAt = Upto(IncidentStatus.Recovered, recoveredAt), ClosedAt = Upto(IncidentStatus.Closed, closedAt),
                AffectedClients = random.Next(3) == 0 ? $"Client segment {i % 20}" : "", AffectedData = personal ? "Client staff contact details" : "",
                PersonalData = personal, SupplierId = category == IncidentCategory.Supplier && suppliers.Count > 0 ? suppliers[i % suppliers.Count] : null,
                CreatedAt = detected, UpdatedAt = detected, Version = 1,
            };
            // The status is the last step whose time has come.
            incident.Status = incident.ClosedAt is not null ? IncidentStatus.Closed : incident.RecoveredAt is not null ? IncidentStatus.Recovered
                : incident.EradicatedAt is not null ? IncidentStatus.Eradicated : incident.ContainedAt is not null ? IncidentStatus.Contained
                : incident.TriagedAt is not null ? IncidentStatus.Triaged : IncidentStatus.Reported;
            if (incident.Status == IncidentStatus.Closed)
            {
                incident.RootCause = $"{Themes[random.Next(Themes.Length)]} weakness: a missing check let the event through.";
                incident.LessonsLearned = "Add the check, monitor for the pattern, and brief the team.";
                incident.ReviewedOn = DateOnly.FromDateTime(closedAt.UtcDateTime).AddDays(-1);
                reviewed.Add((incident.Id, detected));
            }
            IncidentClock.Recompute(incident, TimeZoneInfo.Utc);
            db.Incidents.Add(incident);
            audit.Created("Incident", incident.Id, $"{incident.Reference} {incident.Title}");

            var previous = (IncidentStatus?)null;
            foreach (var (status, at) in new (IncidentStatus, DateTimeOffset?)[]
                     {
                         (IncidentStatus.Reported, incident.ReportedAt), (IncidentStatus.Triaged, incident.TriagedAt), (IncidentStatus.Contained, incident.ContainedAt),
                         (IncidentStatus.Eradicated, incident.EradicatedAt), (IncidentStatus.Recovered, incident.RecoveredAt), (IncidentStatus.Closed, incident.ClosedAt),
                     })
            {
                if (at is not { } when) break;
                db.IncidentEvents.Add(new IncidentEvent
                {
                    Id = NextGuid(random), OrganizationId = organizationId, IncidentId = incident.Id, At = when, RecordedAt = when, RecordedBy = incident.ReportedBy,
                    Kind = IncidentEventKind.Status, FromStatus = previous, ToStatus = status, Text = status == IncidentStatus.Reported ? "Reported." : $"Moved to {status}.",
                });
                previous = status;
                events++;
            }
            foreach (var asset in Sample(random, assets, random.Next(1, 4)))
            {
                db.IncidentAssets.Add(new IncidentAsset { Id = NextGuid(random), OrganizationId = organizationId, IncidentId = incident.Id, AssetId = asset });
                links++;
            }
            if (personal)
            {
                var aware = Instant.Truncate(detected.AddMinutes(random.Next(10, 600)));
                var deadline = BreachClock.Deadline(aware, Sla.NotificationHours);
                var open = incident.Status != IncidentStatus.Closed;
                var notifiable = random.Next(10) < 3;
                var breach = new BreachAssessment
                {
                    Id = NextGuid(random), OrganizationId = organizationId, IncidentId = incident.Id, AwareAt = aware,
                    Status = open && now < deadline ? BreachStatus.Assessing : notifiable ? BreachStatus.Notified : BreachStatus.NotNotifiable,
                    Risk = notifiable ? (random.Next(4) == 0 ? BreachRisk.HighRisk : BreachRisk.Risk) : BreachRisk.Unlikely,
                    DataCategories = "Names, business e-mail addresses", DataSubjects = "Client staff", ApproximateSubjects = random.Next(1, 5_000), ApproximateRecords = random.Next(1, 20_000),
                    LikelyConsequences = notifiable ? "Phishing aimed at the people concerned." : "None expected: the data was encrypted and the key was not exposed.",
                    MeasuresTaken = "Access revoked, credentials rotated, logs reviewed.", Authority = "ICO",
                    CreatedAt = aware, UpdatedAt = aware, Version = 1,
                };
                if (breach.Status != BreachStatus.Assessing)
                {
                    breach.DecidedAt = aware.AddHours(random.Next(2, 48));
                    breach.DecidedBy = names.GetValueOrDefault(owner, "Incident handler");
                    if (breach.Status == BreachStatus.NotNotifiable) breach.NotNotifiableReason = "Unlikely to result in a risk to the people's rights and freedoms: the data was encrypted.";
                }
                db.BreachAssessments.Add(breach);
                audit.Created("BreachAssessment", breach.Id, incident.Reference);
                breaches++;
                if (breach.Status == BreachStatus.Notified)
                {
                    // One in six authority notifications misses the 72 hours and records why.
                    var sent = aware.AddHours(random.Next(6) == 0 ? random.Next(73, 120) : random.Next(4, 70));
                    if (sent > deadline) breach.DelayReason = "The affected records were confirmed only after the forensic copy was analysed.";
                    foreach (var (recipient, name) in breach.Risk == BreachRisk.HighRisk
                                 ? new[] { (NotificationRecipient.SupervisoryAuthority, "ICO"), (NotificationRecipient.Client, $"Client segment {i % 20}"), (NotificationRecipient.DataSubjects, "People concerned") }
                                 : [(NotificationRecipient.SupervisoryAuthority, "ICO"), (NotificationRecipient.Client, $"Client segment {i % 20}")])
                    {
                        db.BreachNotifications.Add(new BreachNotification
                        {
                            Id = NextGuid(random), OrganizationId = organizationId, BreachId = breach.Id, Recipient = recipient, RecipientName = name, SentAt = Instant.Truncate(sent),
                            Method = recipient == NotificationRecipient.SupervisoryAuthority ? "Authority portal" : "E-mail", Content = "What happened, the data concerned, and what we did.",
                            ExternalReference = recipient == NotificationRecipient.SupervisoryAuthority ? $"ICO/{i:000000}" : "", SentBy = breach.DecidedBy,
                            RecordedAt = Instant.Truncate(sent), RecordedBy = breach.DecidedBy,
                        });
                        notifications++;
                        sent = sent.AddHours(random.Next(1, 24));
                    }
                }
            }
            if (i % 2_000 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["incidents"] = volumes.Incidents;
        counts["incident events"] = events;
        counts["incident asset links"] = links;
        counts["breach assessments"] = breaches;
        counts["breach notifications"] = notifications;
        return reviewed;
    }

    /// <summary>
    /// Scanner findings over the software assets: each asset has one image target scanned monthly for two years (Trivy or SARIF), findings of
    /// every severity first seen along the way; about four in five were fixed by a later scan (with the time to remediate), the rest are open,
    /// in progress, risk-accepted or false positives, open ones often past their SLA.
    /// </summary>
    private async Task SeedFindingsAsync(Guid organizationId, ScaleVolumes volumes, Random random, List<(Guid Id, string Name)> software, Guid[] owners, AuditWriter audit,
        DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        if (software.Count == 0 || volumes.Findings == 0) return;
        var settings = new VulnerabilitySettings();
        var perAsset = (volumes.Findings + software.Count - 1) / software.Count;
        var number = 0;
        long scans = 0;
        foreach (var (assetId, name) in software)
        {
            var sarif = random.Next(3) == 0;
            var target = sarif ? $"{Slug(name)} source" : $"registry.scale.example/{Slug(name)}:latest";
            // A scan a month, oldest first.
            var scanIds = new List<(Guid Id, DateTimeOffset At)>();
            for (var m = 0; m < 24; m++)
            {
                var at = Instant.Truncate(start.AddDays(m * 30.4 + random.Next(0, 5)));
                if (at > now) break;
                var scan = new VulnerabilityScan
                {
                    Id = NextGuid(random), OrganizationId = organizationId, AssetId = assetId, Format = sarif ? FindingSource.Sarif : FindingSource.Trivy,
                    Tool = sarif ? "CodeQL 2.19.1" : "Trivy 0.56.2", Target = target, FileName = sarif ? "results.sarif" : "trivy.json",
                    FileSha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{assetId}/{m}"))), ImportedAt = at, ImportedBy = "CI pipeline",
                    CreatedAt = at, UpdatedAt = at, Version = 1,
                };
                db.VulnerabilityScans.Add(scan);
                audit.Created("VulnerabilityScan", scan.Id, $"{target} {at:yyyy-MM-dd}");
                scanIds.Add((scan.Id, at));
                scans++;
            }
            for (var f = 0; f < perAsset && number < volumes.Findings; f++)
            {
                number++;
                var roll = random.Next(100);
                var severity = roll < 5 ? VulnerabilitySeverity.Critical : roll < 25 ? VulnerabilitySeverity.High : roll < 65 ? VulnerabilitySeverity.Medium : VulnerabilitySeverity.Low;
                var first = scanIds[random.Next(scanIds.Count)];
                var statusRoll = random.Next(100);
                // Anything seen in the latest scan that is not fixed is still there; a fix needs a later scan.
                var laterScans = scanIds.Where(s => s.At > first.At).ToList();
                var status = laterScans.Count > 0 && statusRoll < 80 ? FindingStatus.Fixed
                    : statusRoll < 88 ? FindingStatus.Open : statusRoll < 94 ? FindingStatus.InProgress : statusRoll < 97 ? FindingStatus.RiskAccepted : FindingStatus.FalsePositive;
                var fixedBy = status == FindingStatus.Fixed ? laterScans[Math.Min(laterScans.Count - 1, random.Next(0, severity >= VulnerabilitySeverity.High ? 2 : 6))] : ((Guid Id, DateTimeOffset At)?)null;
                var cve = $"CVE-{2019 + random.Next(7)}-{random.Next(1_000, 60_000)}";
                var package = Packages[random.Next(Packages.Length)];
                var location = sarif ? $"src/{Themes[random.Next(Themes.Length)].ToLowerInvariant().Replace(' ', '-')}/handler{f}.ts:{random.Next(1, 400)}" : $"{package}@1.{random.Next(20)}.{random.Next(10)}";
                var rule = sarif ? $"js/{SarifRules[random.Next(SarifRules.Length)]}" : cve;
                var firstDay = DateOnly.FromDateTime(first.At.UtcDateTime);
                db.VulnerabilityFindings.Add(new VulnerabilityFinding
                {
                    Id = NextGuid(random), OrganizationId = organizationId, Number = number, AssetId = assetId, Source = sarif ? FindingSource.Sarif : FindingSource.Trivy, Target = target,
                    Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{target}\n{rule}\n{location}\n{number}"))), RuleId = rule,
                    Title = sarif ? $"{rule.Split('/')[1].Replace('-', ' ')} in handler {f}" : $"{package}: {cve}", Location = location, Package = sarif ? "" : package,
                    InstalledVersion = sarif ? "" : location.Split('@')[1], FixedVersion = sarif ? "" : $"1.{random.Next(20, 30)}.0", Severity = severity,
                    CvssScore = severity switch { VulnerabilitySeverity.Critical => 9.8, VulnerabilitySeverity.High => 7.5, VulnerabilitySeverity.Medium => 5.3, _ => 3.1 },
                    HelpUrl = sarif ? "" : $"https://avd.aquasec.com/nvd/{cve.ToLowerInvariant()}", Status = status,
                    StatusReason = status switch
                    {
                        FindingStatus.FalsePositive => "The vulnerable code path is not reachable: the function is never called.",
                        FindingStatus.RiskAccepted => "Accepted until the vendor ships a fix; the service is not exposed to the internet.",
                        _ => "",
                    },
                    OwnerId = status is FindingStatus.InProgress or FindingStatus.RiskAccepted || random.Next(3) == 0 ? owners[random.Next(owners.Length)] : null,
                    FirstSeenAt = first.At, FirstScanId = first.Id, LastScanId = fixedBy is null ? scanIds[^1].Id : first.Id, DueOn = firstDay.AddDays(settings.DaysFor(severity)),
                    FixedAt = fixedBy?.At, RemediateSeconds = fixedBy is { } fx ? (long)(fx.At - first.At).TotalSeconds : null, FixedByScanId = fixedBy?.Id,
                    CreatedAt = first.At, UpdatedAt = fixedBy?.At ?? first.At, Version = 1,
                });
            }
            await SaveAndClearAsync(cancellationToken);
        }
        counts["vulnerability scans"] = scans;
        counts["vulnerability findings"] = number;
    }

    /// <summary>
    /// Continuity and recovery plans for critical services (RTO/RPO, owners, steps, two to four dependencies), exercises of them over two years
    /// (a quarterly restore test each for the recovery plans among them, the rest tabletops and fail-overs), and monitored services with a month of
    /// availability each for 24 months, nearly all meeting 99.9 %. Returns the exercises that found issues (id, date) for follow-up actions.
    /// </summary>
    private async Task<List<(Guid Id, DateOnly HeldOn)>> SeedContinuityAsync(Guid organizationId, ScaleVolumes volumes, Random random, List<(Guid Id, string Name)> services,
        List<Guid> assets, List<Guid> suppliers, Guid[] owners, AuditWriter audit, DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var plans = new List<(Guid Id, PlanKind Kind, int? Rto, int? Rpo, string Title)>();
        for (var i = 1; i <= volumes.Plans && services.Count > 0; i++)
        {
            var service = services[(i * 7) % services.Count];
            var kind = i % 2 == 0 ? PlanKind.Recovery : PlanKind.Continuity;
            var approved = DateOnly.FromDateTime(start.UtcDateTime).AddDays(random.Next(0, 300));
            var plan = new ContinuityPlan
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"BCP-{i:000}", Title = $"{(kind == PlanKind.Recovery ? "Recovery" : "Continuity")} of {service.Name}",
                Kind = kind, Status = i % 10 == 0 ? PlanStatus.Draft : PlanStatus.Approved, ServiceAssetId = service.Id, RtoMinutes = new[] { 60, 240, 480, 1440 }[i % 4],
                RpoMinutes = new[] { 15, 60, 240, 1440 }[i % 4], OwnerId = owners[random.Next(owners.Length)], DeputyId = owners[random.Next(owners.Length)],
                Activation = "An outage longer than 30 minutes, or loss of data integrity.", Steps = "1. Declare the incident.\n2. Fail over or restore.\n3. Verify with the checklist.\n4. Inform clients.",
                Contacts = "Platform on-call; the cloud provider's support; the client success lead.", ApprovedOn = i % 10 == 0 ? null : approved,
                LastReviewedOn = approved.AddMonths(12) <= today ? approved.AddMonths(12) : approved, NextReviewOn = (approved.AddMonths(12) <= today ? approved.AddMonths(12) : approved).AddMonths(12),
                CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.ContinuityPlans.Add(plan);
            audit.Created("ContinuityPlan", plan.Id, plan.Title);
            foreach (var asset in Sample(random, assets, random.Next(2, 5)))
            {
                db.PlanAssets.Add(new PlanAsset { Id = NextGuid(random), OrganizationId = organizationId, PlanId = plan.Id, AssetId = asset });
            }
            if (suppliers.Count > 0) db.PlanSuppliers.Add(new PlanSupplier { Id = NextGuid(random), OrganizationId = organizationId, PlanId = plan.Id, SupplierId = suppliers[i % suppliers.Count] });
            plans.Add((plan.Id, kind, plan.RtoMinutes, plan.RpoMinutes, plan.Title));
        }
        await SaveAndClearAsync(cancellationToken);

        var withIssues = new List<(Guid, DateOnly)>();
        var first = DateOnly.FromDateTime(start.UtcDateTime);
        var days = today.DayNumber - first.DayNumber;
        for (var i = 1; i <= volumes.Exercises && plans.Count > 0; i++)
        {
            var plan = plans[i % plans.Count];
            var held = first.AddDays((int)((long)days * i / (volumes.Exercises + 1)));
            var type = plan.Kind == PlanKind.Recovery ? (i % 3 == 0 ? ExerciseType.Failover : ExerciseType.RestoreTest) : (i % 4 == 0 ? ExerciseType.Simulation : ExerciseType.Tabletop);
            var upcoming = held > today.AddDays(-7) && i > volumes.Exercises - 3;
            var roll = random.Next(10);
            var result = upcoming ? ExerciseResult.Planned : roll < 6 ? ExerciseResult.Passed : roll < 9 ? ExerciseResult.PassedWithIssues : ExerciseResult.Failed;
            var measured = type is ExerciseType.RestoreTest or ExerciseType.Failover && !upcoming;
            var exercise = new ContinuityExercise
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"EX-{i:000}", Title = $"{ExerciseLabel(type)}: {plan.Title}", PlanId = plan.Id, Type = type,
                HeldOn = held, Result = result, OwnerId = owners[random.Next(owners.Length)], Participants = "Platform team, security, client success",
                Scenario = type == ExerciseType.RestoreTest ? "Restore last night's backup into an isolated account and check the data." : "The primary region is unavailable for a day.",
                AchievedRtoMinutes = measured ? (int)((plan.Rto ?? 240) * (result == ExerciseResult.Failed ? 1.3 : 0.5 + random.NextDouble() * 0.4)) : null,
                AchievedRpoMinutes = measured ? (int)((plan.Rpo ?? 60) * (0.2 + random.NextDouble() * 0.7)) : null,
                IssuesFound = result is ExerciseResult.PassedWithIssues or ExerciseResult.Failed ? "The runbook missed a step; one credential had expired." : "",
                CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.ContinuityExercises.Add(exercise);
            audit.Created("ContinuityExercise", exercise.Id, exercise.Title);
            if (exercise.IssuesFound.Length > 0) withIssues.Add((exercise.Id, held));
        }
        await SaveAndClearAsync(cancellationToken);

        var month = OrganizationTime.Month(now, TimeZoneInfo.Utc);
        long records = 0;
        for (var i = 1; i <= volumes.MonitoredServices && services.Count > 0; i++)
        {
            var service = services[(i * 13) % services.Count];
            var monitored = new MonitoredService
            {
                Id = NextGuid(random), OrganizationId = organizationId, Name = $"{service.Name} (monitor {i})", AssetId = service.Id, TargetPercent = i % 10 == 0 ? 99.5 : 99.9,
                OwnerId = owners[random.Next(owners.Length)], CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.MonitoredServices.Add(monitored);
            audit.Created("MonitoredService", monitored.Id, monitored.Name);
            for (var m = 24; m >= 1; m--)
            {
                var missed = random.Next(25) == 0;
                var downtime = missed ? random.Next(60, 600) : random.Next(0, 40);
                var minutes = 30 * 24 * 60;
                db.AvailabilityRecords.Add(new AvailabilityRecord
                {
                    Id = NextGuid(random), OrganizationId = organizationId, ServiceId = monitored.Id, Month = OrganizationTime.AddMonths(month, -m),
                    UptimePercent = Math.Round(100.0 * (minutes - downtime) / minutes, 3), TargetPercent = monitored.TargetPercent, DowntimeMinutes = downtime,
                    Source = AvailabilitySource.Api, Note = missed ? "Regional outage; see the linked incident." : "", CreatedAt = now, UpdatedAt = now, Version = 1,
                });
                records++;
            }
            if (i % 20 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["continuity plans"] = plans.Count;
        counts["continuity exercises"] = volumes.Exercises;
        counts["monitored services"] = volumes.MonitoredServices;
        counts["availability records"] = records;
        return withIssues;
    }

    /// <summary>
    /// Corrective actions from post-incident reviews (as many as the volumes ask) and one per exercise that found issues: raised a few days after
    /// the review, due two to eight weeks later; most done (some late), the recent ones open or in progress, and a few cancelled.
    /// </summary>
    private async Task SeedActionsAsync(Guid organizationId, ScaleVolumes volumes, Random random, List<(Guid Id, DateTimeOffset DetectedAt)> incidents,
        List<(Guid Id, DateOnly HeldOn)> exercises, Guid[] everyone, Guid[] owners, AuditWriter audit, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var sources = new List<(ActionSource Source, Guid Id, DateTimeOffset Raised)>();
        if (incidents.Count > 0)
        {
            for (var i = 0; i < volumes.IncidentActions; i++)
            {
                var (id, detected) = incidents[(int)((long)i * incidents.Count / volumes.IncidentActions)];
                sources.Add((ActionSource.Incident, id, detected.AddDays(random.Next(2, 10))));
            }
        }
        sources.AddRange(exercises.Select(e => (ActionSource.ContinuityExercise, e.Id, new DateTimeOffset(e.HeldOn.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))));
        var number = 0;
        foreach (var (source, sourceId, raisedAt) in sources.OrderBy(s => s.Raised))
        {
            number++;
            var raised = raisedAt > now ? now.AddDays(-1) : Instant.Truncate(raisedAt);
            var raisedOn = DateOnly.FromDateTime(raised.UtcDateTime);
            var due = raisedOn.AddDays(random.Next(14, 57));
            var age = today.DayNumber - raisedOn.DayNumber;
            var roll = random.Next(100);
            var status = roll < 4 ? ActionStatus.Cancelled
                : age > 90 ? (roll < 92 ? ActionStatus.Done : ActionStatus.InProgress)
                : roll < 40 ? ActionStatus.Done : roll < 70 ? ActionStatus.InProgress : ActionStatus.Open;
            DateOnly? completed = status == ActionStatus.Done ? raisedOn.AddDays(Math.Min(Math.Max(age, 1), random.Next(5, random.Next(10) == 0 ? 90 : 50))) : null;
            if (completed > today) completed = today;
            var owner = random.Next(5) == 0 ? everyone[random.Next(everyone.Length)] : owners[random.Next(owners.Length)];
            var theme = ActionThemes[random.Next(ActionThemes.Length)];
            var action = new CorrectiveAction
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"CA-{number:0000}", Title = theme, Description = $"Raised from the review: {theme.ToLowerInvariant()}.",
                Source = source, SourceId = sourceId, OwnerId = owner, DueOn = due, Status = status, CompletedOn = completed,
                Outcome = status == ActionStatus.Done ? "Done and checked by the incident handler." : status == ActionStatus.Cancelled ? "Superseded by a wider change." : "",
                CreatedAt = raised, UpdatedAt = completed is { } c ? new DateTimeOffset(c.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : raised, Version = 1,
            };
            db.CorrectiveActions.Add(action);
            audit.Created("CorrectiveAction", action.Id, $"{action.Reference} {action.Title}");
            if (number % 1_000 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["corrective actions"] = number;
    }

    private static string ExerciseLabel(ExerciseType type) => type switch
    {
        ExerciseType.RestoreTest => "Restore test",
        ExerciseType.FullInterruption => "Full interruption test",
        _ => type.ToString(),
    };

    private static readonly string[] IncidentTitles =
    [
        "Malware blocked on a laptop", "Unauthorized access attempt", "Data sent to the wrong client", "Agent gave a wrong professional answer",
        "Service unavailable", "Supplier outage", "Policy breach",
    ];
    private static readonly string[] Packages = ["openssl", "musl", "libcurl", "zlib", "lodash", "axios", "express", "jsonwebtoken", "log4j-core", "requests", "urllib3", "glibc"];
    private static readonly string[] SarifRules = ["sql-injection", "xss", "path-injection", "insecure-randomness", "hardcoded-credentials", "regex-injection", "missing-rate-limiting"];
    private static readonly string[] ActionThemes =
    [
        "Add an output filter to the agent", "Rotate the exposed credentials", "Tighten the storage bucket policy", "Add monitoring for the failure pattern",
        "Update the runbook", "Brief the team on the lesson learned", "Enforce phishing-resistant MFA", "Review the supplier's incident process",
        "Add an evaluation case for the wrong answer", "Test the restore again after the fix",
    ];
}
