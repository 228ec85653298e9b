using System.Diagnostics;
using System.Text.Json;
using Attest.Accounts;
using Attest.AiSystems;
using Attest.Assets;
using Attest.Audit;
using Attest.Policies;
using Attest.Context;
using Attest.Controls;
using Attest.Data;
using Attest.Evidence;
using Attest.Frameworks;
using Attest.Organizations;
using Attest.Risks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attest.Scale;

public enum ScaleSize
{
    Small,
    Large,
}

/// <summary>
/// How much of each record the generator makes. <see cref="Assets"/> counts every asset, the AI systems among them; <see cref="Risks"/>
/// is the size of the risk register (one risk in fifty has an acceptance decision); <see cref="Evidence"/> counts evidence items.
/// </summary>
/// <see cref="PersonRecords"/> is the personnel register (the members among them, the rest people who do not sign in), each assigned the
/// awareness course; <see cref="Suppliers"/> the supplier register.
/// <see cref="Incidents"/> spread over two years, <see cref="IncidentActions"/> corrective actions raised from them, <see cref="Findings"/> vulnerability
/// findings over <see cref="ScannedAssets"/> software assets, continuity <see cref="Plans"/> and <see cref="Exercises"/>, and
/// <see cref="MonitoredServices"/> with 24 months of availability each; <see cref="Obligations"/> (licences among them), <see cref="Nonconformities"/>
/// and <see cref="Exceptions"/>; <see cref="Objectives"/> with five measures each and 24 months of measurements, <see cref="InternalAudits"/> with
/// 100 checklist items each, and <see cref="ManagementReviews"/> held (their inputs gathered and frozen) with the next one planned.
public sealed record ScaleVolumes(int People, int Controls, int LinksPerControl, int Parties, int Issues, int AuditEntries, int Documents, int Assets, int AiSystems, int Risks,
    int Evidence, int PersonRecords = 0, int Suppliers = 0, int Incidents = 0, int IncidentActions = 0, int Findings = 0, int ScannedAssets = 0, int Plans = 0,
    int Exercises = 0, int MonitoredServices = 0, int Obligations = 0, int Nonconformities = 0, int Exceptions = 0, int Objectives = 0, int InternalAudits = 0,
    int ManagementReviews = 0)
{
    public static ScaleVolumes For(ScaleSize size) => size switch
    {
        ScaleSize.Large => new(People: 2_000, Controls: 10_000, LinksPerControl: 20, Parties: 200, Issues: 200, AuditEntries: 1_000_000, Documents: 300,
            Assets: 10_000, AiSystems: 500, Risks: 5_000, Evidence: 100_000, PersonRecords: 10_000, Suppliers: 500,
            Incidents: 20_000, IncidentActions: 2_000, Findings: 50_000, ScannedAssets: 300, Plans: 50, Exercises: 200, MonitoredServices: 100,
            Obligations: 2_000, Nonconformities: 5_000, Exceptions: 1_000, Objectives: 60, InternalAudits: 40, ManagementReviews: 24),
        _ => new(People: 50, Controls: 200, LinksPerControl: 20, Parties: 20, Issues: 20, AuditEntries: 20_000, Documents: 30, Assets: 200, AiSystems: 20, Risks: 100,
            Evidence: 2_000, PersonRecords: 200, Suppliers: 20,
            Incidents: 400, IncidentActions: 40, Findings: 1_000, ScannedAssets: 10, Plans: 5, Exercises: 20, MonitoredServices: 10,
            Obligations: 100, Nonconformities: 200, Exceptions: 50, Objectives: 10, InternalAudits: 8, ManagementReviews: 4),
    };
}

public sealed record ScaleReport(string Organization, IReadOnlyDictionary<string, long> Records, TimeSpan Elapsed);

/// <summary>
/// Fills an organization with a realistic, deterministic (seeded) enterprise-size dataset for benchmarks:
/// people, controls linked across the built-in frameworks and NIST SP 800-53, context records, documents, the asset
/// inventory and AI registry, the risk register, evidence with stored files and a full, verifiable audit trail. Rows go in by bulk batches, not one save per row. Development use only.
/// </summary>
public sealed partial class SeedScaleDataset(AttestDbContext db, CreateOrganization createOrganization, ImportFramework import, IPasswordHasher<User> hasher,
    EvidenceUploads uploads, IEvidenceStore store)
{
    public const string Password = "scale lab password";
    private const int Batch = 10_000;

    public async Task<ScaleReport> RunAsync(ScaleSize size, string organizationName, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var volumes = ScaleVolumes.For(size);
        var random = new Random(20261122);
        if (await db.Organizations.AnyAsync(o => o.Name == organizationName, cancellationToken))
        {
            throw ValidationFailedException.For("organization", $"'{organizationName}' already exists; the generator fills a new organization.");
        }
        var organization = await createOrganization.RunAsync(new NewOrganization(organizationName, "UTC"), null, cancellationToken);
        using var acting = db.Acting.ActIn(organization.Id, OrganizationRole.Admin);
        await using (var low = typeof(SeedScaleDataset).Assembly.GetManifestResourceStream("Attest.Scale.nist-sp800-53-rev5-low.json")!)
        {
            await import.RunAsync(Frameworks.Oscal.OscalCatalogReader.ReadCatalog(low, "nist-sp800-53-rev5-low.json", "nist-sp800-53-rev5-low"), FrameworkSource.Imported, cancellationToken, "NIST_SP-800-53_rev5_catalog");
        }
        progress?.WriteLine($"  frameworks loaded ({watch.Elapsed.TotalSeconds:0.0} s)");

        var now = Instant.Now(db.Clock);
        var start = now.AddYears(-2);
        var counts = new Dictionary<string, long>();
        var audit = new AuditWriter(organization.Id, start, now, volumes.AuditEntries);
        var existing = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.OrganizationId == organization.Id, cancellationToken);
        audit.Continue(existing.Sequence, existing.Hash);
        db.BulkLoading = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // People: one shared hash keeps generation fast; every account signs in with Password.
            var hash = hasher.HashPassword(new User(), Password);
            var people = new List<(Guid Id, OrganizationRole Role, string Department)>();
            for (var i = 0; i < volumes.People; i++)
            {
                var role = i switch { 0 => OrganizationRole.Admin, < 5 => OrganizationRole.Manager, < 60 => OrganizationRole.Contributor, < 65 => OrganizationRole.Auditor, _ => OrganizationRole.Employee };
                var email = $"person{i:0000}@{Slug(organizationName)}.example";
                var user = new User
                {
                    Id = NextGuid(random), UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                    EmailConfirmed = true, DisplayName = $"{FirstNames[i % FirstNames.Length]} {LastNames[(i / FirstNames.Length) % LastNames.Length]} {i}",
                    PasswordHash = hash, LockoutEnabled = true, CreatedAt = start,
                };
                db.Users.Add(user);
                var department = Departments[i % Departments.Length];
                db.Memberships.Add(new Membership
                {
                    Id = NextGuid(random), OrganizationId = organization.Id, UserId = user.Id, Role = role, CreatedAt = start, Version = 1, Department = department,
                    JobTitle = i switch { 0 => "CEO", 1 => "CISO", 2 => "CTO", _ => null },
                });
                audit.Created("User", user.Id, user.Email);
                audit.Created("Membership", user.Id, role.ToString());
                people.Add((user.Id, role, department));
            }
            await FlushAsync(cancellationToken);
            counts["people"] = volumes.People;
            progress?.WriteLine($"  {volumes.People} people ({watch.Elapsed.TotalSeconds:0.0} s)");

            var owners = people.Where(p => p.Role is OrganizationRole.Contributor or OrganizationRole.Manager).Select(p => p.Id).ToArray();
            // In catalog order, the same on every provider, so the seeded samples pick the same requirements everywhere.
            var requirements = (await db.Requirements.AsNoTracking().Where(r => r.Assessable && !r.Withdrawn)
                    .Join(db.Frameworks, r => r.FrameworkId, f => f.Id, (r, f) => new { r.Id, f.Key, r.SortOrder, r.Code })
                    .ToListAsync(cancellationToken))
                .OrderBy(r => r.Key, StringComparer.Ordinal).ThenBy(r => r.SortOrder).ThenBy(r => r.Code, StringComparer.Ordinal).Select(r => r.Id).ToList();
            long links = 0;
            // Kept for the AI registry, which applies controls that meet its classes' baselines.
            var controlsByRequirement = new Dictionary<Guid, List<(Guid Control, bool Implemented)>>();
            var controlIds = new List<Guid>(volumes.Controls);
            for (var i = 1; i <= volumes.Controls; i++)
            {
                var theme = Themes[random.Next(Themes.Length)];
                var control = new Control
                {
                    Id = NextGuid(random), OrganizationId = organization.Id, Reference = $"CTL-{i:00000}", Name = $"{theme} control {i}",
                    Description = $"How the organization handles {theme.ToLowerInvariant()} in area {i % 97}.", OwnerId = owners[random.Next(owners.Length)],
                    Status = (ImplementationStatus)random.Next(0, 5), ReviewFrequencyMonths = 12, NextReviewOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(-60, 365)),
                    Tags = theme.ToLowerInvariant(), CreatedAt = start, UpdatedAt = start, Version = 1,
                    // One control in five needs current evidence (no random draw here, so the rest of the dataset is as before).
                    EvidenceRequired = i % 5 == 0, EvidenceFreshnessDays = i % 5 == 0 ? FreshnessPeriods[i / 5 % FreshnessPeriods.Length] : null,
                };
                db.Controls.Add(control);
                audit.Created("Control", control.Id, control.Name);
                controlIds.Add(control.Id);
                foreach (var requirement in Sample(random, requirements, volumes.LinksPerControl))
                {
                    if (!controlsByRequirement.TryGetValue(requirement, out var linked)) controlsByRequirement[requirement] = linked = [];
                    linked.Add((control.Id, control.Status == ImplementationStatus.Implemented));
                    var link = new ControlRequirement { Id = NextGuid(random), OrganizationId = organization.Id, ControlId = control.Id, RequirementId = requirement };
                    db.ControlRequirements.Add(link);
                    audit.Created("ControlRequirement", link.Id, requirement.ToString());
                    links++;
                }
                if (i % 500 == 0) await FlushAsync(cancellationToken);
            }
            await FlushAsync(cancellationToken);
            counts["controls"] = volumes.Controls;
            counts["control-requirement links"] = links;
            progress?.WriteLine($"  {volumes.Controls} controls, {links} links ({watch.Elapsed.TotalSeconds:0.0} s)");

            for (var i = 0; i < volumes.Parties; i++)
            {
                var party = new InterestedParty
                {
                    Id = NextGuid(random), OrganizationId = organization.Id, Name = $"Client segment {i}", Kind = PartyKind.External, Concerns = ManagementSystem.Both,
                    Requirements = "Confidentiality, availability and certified management systems.", HowAddressed = "Contracts, SoA and trust page.",
                    OwnerId = owners[random.Next(owners.Length)], CreatedAt = start, UpdatedAt = start, Version = 1,
                };
                db.InterestedParties.Add(party);
                audit.Created("InterestedParty", party.Id, party.Name);
            }
            for (var i = 0; i < volumes.Issues; i++)
            {
                var issue = new ContextIssue
                {
                    Id = NextGuid(random), OrganizationId = organization.Id, Title = $"{Themes[i % Themes.Length]} issue {i}", Kind = (PartyKind)(i % 2),
                    Category = (IssueCategory)(i % 7), Concerns = ManagementSystem.Both, Description = "Generated for the scale lab.", Effect = "Monitored.",
                    CreatedAt = start, UpdatedAt = start, Version = 1,
                };
                db.ContextIssues.Add(issue);
                audit.Created("ContextIssue", issue.Id, issue.Title);
            }
            await FlushAsync(cancellationToken);
            counts["interested parties"] = volumes.Parties;
            var documents = await SeedDocumentsAsync(organization.Id, volumes, random, people, requirements, owners, audit, start, now, counts, cancellationToken);
            progress?.WriteLine($"  {volumes.Documents} documents, {documents} assignments ({watch.Elapsed.TotalSeconds:0.0} s)");
            counts["issues"] = volumes.Issues;
            await SeedAssetsAsync(organization.Id, volumes, random, people, owners, controlIds, controlsByRequirement, audit, start, now, counts, cancellationToken);
            progress?.WriteLine($"  {volumes.Assets} assets, {volumes.AiSystems} AI systems, {counts["impact assessments"]} impact assessments ({watch.Elapsed.TotalSeconds:0.0} s)");
            await SeedRisksAsync(organization.Id, volumes, random, people, owners, controlIds, audit, start, now, counts, cancellationToken);
            progress?.WriteLine($"  {volumes.Risks} risks, {counts["risk treatment tasks"]} treatment tasks, {counts["risk acceptances"]} acceptances ({watch.Elapsed.TotalSeconds:0.0} s)");
            await SeedEvidenceAsync(organization.Id, volumes, random, owners, controlIds, audit, start, now, counts, cancellationToken);
            progress?.WriteLine($"  {volumes.Evidence} evidence items, {counts["evidence versions"]} versions, {counts["evidence files"]} stored files, " +
                                $"{counts["controls requiring evidence"]} controls requiring evidence ({watch.Elapsed.TotalSeconds:0.0} s)");

            await SeedPeopleAndTrainingAsync(organization.Id, volumes, random, people, audit, start, now, counts, cancellationToken);
            progress?.WriteLine($"  {volumes.PersonRecords} people in the register, {counts["training assignments"]} training assignments ({watch.Elapsed.TotalSeconds:0.0} s)");
            await SeedSuppliersAsync(organization.Id, volumes, random, owners, audit, start, now, counts, cancellationToken);
            progress?.WriteLine($"  {volumes.Suppliers} suppliers, {counts["supplier certifications"]} certifications ({watch.Elapsed.TotalSeconds:0.0} s)");
            await SeedOperationsAsync(organization.Id, volumes, people, owners, audit, start, now, counts, progress, watch, cancellationToken);
            await SeedComplianceAsync(organization.Id, volumes, controlIds, owners, audit, start, now, counts, progress, watch, cancellationToken);
            await SeedAssuranceAsync(organization.Id, volumes, owners, audit, now, counts, progress, watch, cancellationToken);

            // The rest of the trail: two years of status changes on controls, in time order.
            while (audit.Remaining > 0)
            {
                var statuses = Enum.GetNames<ImplementationStatus>();
                audit.Updated("Control", controlIds[random.Next(controlIds.Count)], "Status", statuses[random.Next(statuses.Length)], statuses[random.Next(statuses.Length)]);
            }
            long written = 0;
            foreach (var chunk in audit.Entries().Chunk(Batch))
            {
                db.AuditEntries.AddRange(chunk);
                await FlushAsync(cancellationToken);
                written += chunk.Length;
                if (written % 200_000 == 0) progress?.WriteLine($"  {written} audit entries ({watch.Elapsed.TotalSeconds:0.0} s)");
            }
            var head = await db.AuditChainHeads.SingleAsync(h => h.OrganizationId == organization.Id, cancellationToken);
            head.Sequence = audit.LastSequence;
            head.Hash = audit.LastHash;
            db.Entry(head).State = EntityState.Modified;
            await FlushAsync(cancellationToken);
            counts["audit entries"] = audit.LastSequence;
        }
        finally
        {
            db.BulkLoading = false;
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
        return new ScaleReport(organizationName, counts, watch.Elapsed);

        async Task FlushAsync(CancellationToken token)
        {
            await db.SaveChangesAsync(token);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// The personnel register: every member is a person linked to their account, the rest do not sign in; one in fifty has left.
    /// Everyone must take the awareness course within 30 days of joining and yearly; about four in five have completed it, and
    /// the engineering department also has the secure development course.
    /// </summary>
    private async Task SeedPeopleAndTrainingAsync(Guid organizationId, ScaleVolumes volumes, Random random, List<(Guid Id, OrganizationRole Role, string Department)> members,
        AuditWriter audit, DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var emails = await db.Users.AsNoTracking().Where(u => members.Select(m => m.Id).Contains(u.Id)).Select(u => new { u.Id, u.Email, u.DisplayName })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var courses = new[]
        {
            new Training.Course { Id = NextGuid(random), OrganizationId = organizationId, Reference = "TRN-01", Title = "Security awareness essentials", DurationMinutes = 30, PassingScore = 80, CreatedAt = start, UpdatedAt = start, Version = 1 },
            new Training.Course { Id = NextGuid(random), OrganizationId = organizationId, Reference = "TRN-02", Title = "Secure development and AI safety", DurationMinutes = 60, CreatedAt = start, UpdatedAt = start, Version = 1 },
        };
        db.Courses.AddRange(courses);
        var everyone = new Training.TrainingRequirement
        {
            Id = NextGuid(random), OrganizationId = organizationId, CourseId = courses[0].Id, Name = "Everyone on joining and yearly", DueWithinDays = 30, RenewEveryMonths = 12,
            EffectiveFrom = DateOnly.FromDateTime(start.UtcDateTime), CreatedAt = start, UpdatedAt = start, Version = 1,
        };
        var engineering = new Training.TrainingRequirement
        {
            Id = NextGuid(random), OrganizationId = organizationId, CourseId = courses[1].Id, Name = "Engineering", Audience = Training.TrainingAudience.Department,
            AudienceValue = "Engineering", DueWithinDays = 60, EffectiveFrom = DateOnly.FromDateTime(start.UtcDateTime), CreatedAt = start, UpdatedAt = start, Version = 1,
        };
        db.TrainingRequirements.AddRange(everyone, engineering);
        foreach (var course in courses) audit.Created("Course", course.Id, course.Title);
        long assignments = 0;
        for (var i = 0; i < volumes.PersonRecords; i++)
        {
            var member = i < members.Count ? members[i] : ((Guid Id, OrganizationRole Role, string Department)?)null;
            var department = member?.Department ?? Departments[i % Departments.Length];
            var email = member is { } m && emails.TryGetValue(m.Id, out var user) ? user.Email! : $"staff{i:00000}@people.example";
            var joined = today.AddDays(-random.Next(10, 2_000));
            var person = new People.Person
            {
                Id = NextGuid(random), OrganizationId = organizationId, Name = member is { } n && emails.TryGetValue(n.Id, out var named) ? named.DisplayName : $"{FirstNames[i % FirstNames.Length]} {LastNames[i / 7 % LastNames.Length]} {i}",
                Email = email, EmailKey = People.PersonLookup.KeyOf(email), Type = i % 6 == 5 ? People.PersonType.Contractor : People.PersonType.Employee,
                Department = department, Role = department + " specialist", StartDate = joined, EndDate = i % 50 == 49 ? today.AddDays(-random.Next(1, 200)) : null,
                Screening = People.ScreeningStatus.Passed, ScreenedOn = joined.AddDays(-10), ConfidentialitySignedOn = joined.AddDays(-5), UserId = member?.Id,
                Source = People.PersonSource.Import, CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.People.Add(person);
            audit.Created("Person", person.Id, person.Name);
            if (person.EndDate is null)
            {
                foreach (var (course, requirement, within) in department == "Engineering" ? [(courses[0], everyone, 30), (courses[1], engineering, 60)] : new[] { (courses[0], everyone, 30) })
                {
                    var due = joined.AddDays(within);
                    var done = random.Next(100) < 80;
                    var completion = done ? new Training.TrainingCompletion
                    {
                        Id = NextGuid(random), OrganizationId = organizationId, PersonId = person.Id, CourseId = course.Id, CompletedOn = due.AddDays(-random.Next(0, within)),
                        Score = course.PassingScore is null ? null : random.Next(80, 101), Source = Training.CompletionSource.Import, RecordedAt = now, RecordedBy = "scale lab",
                    } : null;
                    if (completion is not null) db.TrainingCompletions.Add(completion);
                    db.TrainingAssignments.Add(new Training.TrainingAssignment
                    {
                        Id = NextGuid(random), OrganizationId = organizationId, PersonId = person.Id, CourseId = course.Id, RequirementId = requirement.Id,
                        AssignedOn = joined, DueOn = due, CompletionId = completion?.Id, CompletedOn = completion?.CompletedOn, Version = 1,
                    });
                    assignments++;
                }
            }
            if (i % 2_000 == 1_999) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["people in the register"] = volumes.PersonRecords;
        counts["training assignments"] = assignments;
    }

    /// <summary>Suppliers of every criticality, each with one or two certifications (some expiring soon) and one in ten overdue for review.</summary>
    private async Task SeedSuppliersAsync(Guid organizationId, ScaleVolumes volumes, Random random, Guid[] owners, AuditWriter audit,
        DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        string[] certifications = ["ISO/IEC 27001:2022", "SOC 2 Type II", "ISO/IEC 42001:2023", "ISO/IEC 27701:2019"];
        long held = 0;
        for (var i = 1; i <= volumes.Suppliers; i++)
        {
            var criticality = (Suppliers.SupplierCriticality)(i % 4);
            var supplier = new Suppliers.Supplier
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"SUP-{i:000}", Name = $"{Themes[i % Themes.Length]} supplier {i}",
                Service = $"{Themes[i % Themes.Length]} service", Criticality = criticality, ProcessesPersonalData = i % 3 == 0, Subprocessor = i % 6 == 0,
                DpaSignedOn = i % 6 == 0 && i % 4 != 0 ? today.AddDays(-random.Next(30, 900)) : null, LastReviewOn = today.AddDays(-random.Next(30, 400)),
                NextReviewOn = today.AddDays(i % 10 == 0 ? -random.Next(1, 60) : random.Next(1, 365)), RiskLevel = criticality, OwnerId = owners[random.Next(owners.Length)],
                CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.Suppliers.Add(supplier);
            audit.Created("Supplier", supplier.Id, supplier.Name);
            for (var c = 0; c < 1 + i % 2; c++)
            {
                db.SupplierCertifications.Add(new Suppliers.SupplierCertification
                {
                    Id = NextGuid(random), OrganizationId = organizationId, SupplierId = supplier.Id, Name = certifications[(i + c) % certifications.Length],
                    ValidUntil = today.AddDays(random.Next(-30, 1_000)),
                });
                held++;
            }
        }
        await SaveAndClearAsync(cancellationToken);
        counts["suppliers"] = volumes.Suppliers;
        counts["supplier certifications"] = held;
    }

    /// <summary>
    /// Documents as a large organization keeps them: the first 24 are policies for all personnel, the rest procedures and
    /// standards for one department each; every document has a superseded 1.0 and a published 1.1 approved by the CISO and CEO,
    /// every third also a 1.2 draft; about four in five assignments are accepted. Returns the number of assignments.
    /// </summary>
    private async Task<long> SeedDocumentsAsync(Guid organizationId, ScaleVolumes volumes, Random random, List<(Guid Id, OrganizationRole Role, string Department)> people,
        List<Guid> requirements, Guid[] owners, AuditWriter audit, DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var readers = people.Where(p => p.Role != OrganizationRole.Auditor).ToList();
        long assignments = 0, versions = 0;
        for (var i = 1; i <= volumes.Documents; i++)
        {
            var policy = i <= 24;
            var kind = policy ? DocumentKind.Policy : i % 2 == 0 ? DocumentKind.Procedure : DocumentKind.Standard;
            var department = policy ? null : Departments[i % Departments.Length];
            var document = new Document
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"{SaveDocument.PrefixOf(kind)}{i:0000}", Kind = kind,
                Title = $"{Themes[i % Themes.Length]} {DocumentLabels.Of(kind).ToLowerInvariant()} {i}", OwnerId = owners[random.Next(owners.Length)],
                Classification = i % 5 == 0 ? DocumentClassification.Public : DocumentClassification.Internal, ReviewMonths = 12, ReviewCycle = "annual",
                Distribution = policy ? DocumentDistribution.AllPersonnel : DocumentDistribution.Groups, DistributionGroups = department ?? "",
                ListPublicly = i % 5 == 0, CreatedAt = start, UpdatedAt = start, Version = 3,
            };
            var effective = today.AddDays(-random.Next(30, 420));
            document.LastReviewedOn = effective;
            document.NextReviewOn = effective.AddMonths(12);
            DocumentVersion Version(int minor, DocumentVersionStatus status)
            {
                var version = new DocumentVersion
                {
                    Id = NextGuid(random), OrganizationId = organizationId, DocumentId = document.Id, Major = 1, Minor = minor, Status = status, Title = document.Title,
                    Summary = $"What {document.Title} covers.", Body = $"## Purpose\n\nWhy {document.Title} exists.\n\n## Rules\n\n- Rule {minor + 1} of {i}.\n- Another rule.",
                    ChangeNote = minor == 0 ? "First version" : $"Revision {minor}", CreatedAt = start, UpdatedAt = start, Version = 1,
                    SubmittedAt = status == DocumentVersionStatus.Draft ? null : start, EffectiveOn = status is DocumentVersionStatus.Draft ? null : effective,
                    PublishedAt = status is DocumentVersionStatus.Draft ? null : start, PublishedById = status is DocumentVersionStatus.Draft ? null : owners[0],
                    NeededAcceptance = minor == 0,
                };
                db.DocumentVersions.Add(version);
                audit.Created("DocumentVersion", version.Id, version.Title + " " + version.Number);
                foreach (var requirement in Sample(random, requirements, 8))
                {
                    db.DocumentRequirements.Add(new DocumentRequirement { Id = NextGuid(random), OrganizationId = organizationId, VersionId = version.Id, RequirementId = requirement });
                }
                if (status != DocumentVersionStatus.Draft)
                {
                    foreach (var title in new[] { "CISO", "CEO" })
                    {
                        db.DocumentApprovals.Add(new DocumentApproval
                        {
                            Id = NextGuid(random), OrganizationId = organizationId, DocumentId = document.Id, VersionId = version.Id, RequiredJobTitle = title,
                            RequestedAt = start, Decision = ApprovalDecision.Approved, DecidedById = people[title == "CEO" ? 0 : 1].Id, DecidedAt = start, Version = 1,
                        });
                    }
                }
                versions++;
                return version;
            }
            var first = Version(0, DocumentVersionStatus.Superseded);
            var published = Version(1, DocumentVersionStatus.Published);
            var latest = i % 3 == 0 ? Version(2, DocumentVersionStatus.Draft) : published;
            document.PublishedVersionId = published.Id;
            document.LatestVersionId = latest.Id;
            db.Documents.Add(document);
            audit.Created("Document", document.Id, document.Title);
            foreach (var title in new[] { "CISO", "CEO" })
            {
                db.DocumentApprovers.Add(new DocumentApprover { Id = NextGuid(random), OrganizationId = organizationId, DocumentId = document.Id, JobTitle = title });
            }
            foreach (var reader in readers.Where(r => policy || r.Department == department))
            {
                var accepted = random.Next(5) != 0;
                var at = start.AddDays(random.Next(1, 700));
                db.DocumentAssignments.Add(new DocumentAssignment
                {
                    Id = NextGuid(random), OrganizationId = organizationId, DocumentId = document.Id, UserId = reader.Id, VersionId = accepted ? first.Id : published.Id,
                    AssignedAt = at, DueOn = DateOnly.FromDateTime(at.UtcDateTime).AddDays(14), OpenedAt = accepted ? at : null, AcceptedAt = accepted ? at.AddHours(1) : null, Version = 1,
                });
                if (accepted)
                {
                    db.DocumentAcceptances.Add(new DocumentAcceptance
                    {
                        Id = NextGuid(random), OrganizationId = organizationId, DocumentId = document.Id, VersionId = first.Id, UserId = reader.Id, OpenedAt = at, AcceptedAt = at.AddHours(1),
                    });
                }
                assignments++;
            }
            if (i % 10 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        counts["documents"] = volumes.Documents;
        counts["document versions"] = versions;
        counts["document assignments"] = assignments;
        return assignments;
    }

    /// <summary>
    /// The asset inventory and AI registry: assets of every type (the AI systems among them) with owners, classification,
    /// CIA ratings and lifecycle; models trained on datasets; every AI system using a model, running on a cloud service and
    /// processing an information asset; three classes with baselines of about ten ISO Annex A requirements; about one applied
    /// control per baseline requirement (mostly implemented ones, so coverage varies); and an impact assessment for one AI
    /// system in five — approved with a frozen version, in review, or draft.
    /// </summary>
    private async Task SeedAssetsAsync(Guid organizationId, ScaleVolumes volumes, Random random, List<(Guid Id, OrganizationRole Role, string Department)> people,
        Guid[] owners, List<Guid> controlIds, Dictionary<Guid, List<(Guid Control, bool Implemented)>> controlsByRequirement, AuditWriter audit,
        DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Creating the organization normally sets up the default levels already; make them only where it did not.
        var levels = await db.ClassificationLevels.AsNoTracking().OrderBy(l => l.Rank).Select(l => l.Id).ToArrayAsync(cancellationToken);
        if (levels.Length == 0) levels = new Guid[DefaultClassifications.Levels.Length];
        for (var i = 0; i < levels.Length && levels[i] == Guid.Empty; i++)
        {
            var level = new ClassificationLevel
            {
                Id = NextGuid(random), OrganizationId = organizationId, Name = DefaultClassifications.Levels[i].Name, Rank = i, HandlingRules = DefaultClassifications.Levels[i].Rules,
                CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.ClassificationLevels.Add(level);
            audit.Created("ClassificationLevel", level.Id, level.Name);
            levels[i] = level.Id;
        }

        // The plan: cloud services first, then datasets, models, the rest of the inventory, and the AI systems last.
        var systemCount = Math.Min(volumes.AiSystems, volumes.Assets);
        var modelCount = Math.Clamp(systemCount / 12, 4, 40);
        var cloudCount = Math.Clamp(systemCount / 50, 3, CloudServices.Length);
        var datasetCount = modelCount * 2;
        var otherCount = Math.Max(0, volumes.Assets - systemCount - modelCount - cloudCount - datasetCount);
        AssetType[] mix = [.. Enumerable.Repeat(AssetType.Information, 7), .. Enumerable.Repeat(AssetType.Software, 4), AssetType.Service, AssetType.Service,
            .. Enumerable.Repeat(AssetType.Hardware, 5), AssetType.PeopleGroup, AssetType.Location];
        var plan = Enumerable.Repeat(AssetType.Service, cloudCount).Concat(Enumerable.Repeat(AssetType.Dataset, datasetCount)).Concat(Enumerable.Repeat(AssetType.AiModel, modelCount))
            .Concat(Enumerable.Range(0, otherCount).Select(i => mix[i % mix.Length])).Concat(Enumerable.Repeat(AssetType.AiSystem, systemCount)).ToList();
        var byType = new Dictionary<AssetType, List<(Guid Id, string Reference, string Name, AssetLifecycle Lifecycle)>>();
        for (var n = 1; n <= plan.Count; n++)
        {
            var type = plan[n - 1];
            var kind = byType.TryGetValue(type, out var same) ? same.Count : 0;
            var roll = random.Next(100);
            var lifecycle = type == AssetType.Service && kind < cloudCount ? AssetLifecycle.InUse
                : roll < 85 ? AssetLifecycle.InUse : roll < 92 ? AssetLifecycle.Planned : roll < 98 ? AssetLifecycle.Retired : AssetLifecycle.Disposed;
            var (name, provider, versionLabel, origin) = Describe(type, kind, n, random);
            if (type == AssetType.Service && kind < cloudCount) (name, provider) = (CloudServices[kind].Name, CloudServices[kind].Provider);
            var asset = new Asset
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"AST-{n:00000}", Name = name, Type = type,
                Description = $"{AssetLabels.Of(type)} generated for the scale lab ({Themes[n % Themes.Length].ToLowerInvariant()}).",
                OwnerId = owners[random.Next(owners.Length)], Custodian = Departments[random.Next(Departments.Length)] + " team",
                ClassificationId = levels[type is AssetType.Location or AssetType.PeopleGroup ? random.Next(2) : random.Next(levels.Length)],
                Confidentiality = random.Next(1, 5), Integrity = random.Next(1, 5), Availability = random.Next(1, 5), Criticality = (Criticality)random.Next(4),
                Location = type == AssetType.Service && kind < cloudCount ? CloudServices[kind].Region : Locations[random.Next(Locations.Length)], Lifecycle = lifecycle,
                Tags = $"{AssetLabels.Of(type).ToLowerInvariant()}, {Themes[random.Next(Themes.Length)].ToLowerInvariant()}", Provider = provider, VersionLabel = versionLabel,
                Origin = origin, CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.Assets.Add(asset);
            audit.Created("Asset", asset.Id, asset.Name);
            if (same is null) byType[type] = same = [];
            same.Add((asset.Id, asset.Reference, asset.Name, asset.Lifecycle));
            if (n % 2_000 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);
        List<(Guid Id, string Reference, string Name, AssetLifecycle Lifecycle)> Of(AssetType type) => byType.GetValueOrDefault(type) ?? [];
        var clouds = Of(AssetType.Service).Take(cloudCount).ToList();
        var models = Of(AssetType.AiModel);
        var datasets = Of(AssetType.Dataset);
        var information = Of(AssetType.Information);
        var systems = Of(AssetType.AiSystem);

        long dependencies = 0;
        void Depend(Guid from, Guid to, DependencyKind kind)
        {
            var dependency = new AssetDependency { Id = NextGuid(random), OrganizationId = organizationId, FromAssetId = from, ToAssetId = to, Kind = kind };
            db.AssetDependencies.Add(dependency);
            audit.Created("AssetDependency", dependency.Id, $"{kind}");
            dependencies++;
        }
        foreach (var model in models)
        {
            foreach (var dataset in Sample(random, datasets.Select(d => d.Id).ToList(), random.Next(1, 3))) Depend(model.Id, dataset, DependencyKind.TrainedOn);
            Depend(model.Id, clouds[random.Next(clouds.Count)].Id, DependencyKind.RunsOn);
        }
        foreach (var software in Of(AssetType.Software))
        {
            Depend(software.Id, clouds[random.Next(clouds.Count)].Id, DependencyKind.RunsOn);
            if (information.Count > 0) Depend(software.Id, information[random.Next(information.Count)].Id, DependencyKind.Processes);
        }
        foreach (var system in systems)
        {
            Depend(system.Id, models[random.Next(models.Count)].Id, DependencyKind.Uses);
            Depend(system.Id, clouds[random.Next(clouds.Count)].Id, DependencyKind.RunsOn);
            if (information.Count > 0) Depend(system.Id, information[random.Next(information.Count)].Id, DependencyKind.Processes);
        }
        await SaveAndClearAsync(cancellationToken);

        // Three classes, each with a baseline drawn from the ISO/IEC 42001 and 27001 Annex A controls, in catalog order.
        var annexA = (await db.Requirements.AsNoTracking().Where(r => r.Assessable && !r.Withdrawn && r.Code.StartsWith("A."))
                .Join(db.Frameworks.Where(f => f.Key == "iso42001-2023" || f.Key == "iso27001-2022"), r => r.FrameworkId, f => f.Id, (r, f) => new { r.Id, f.Key, r.SortOrder, r.Code })
                .ToListAsync(cancellationToken))
            .OrderBy(x => x.Key, StringComparer.Ordinal).ThenBy(x => x.SortOrder).ThenBy(x => x.Code, StringComparer.Ordinal).Select(x => x.Id).ToList();
        var classes = new List<(Guid Id, List<Guid> Baseline)>();
        foreach (var (className, size) in new[] { ("Client-facing professional agent", 10), ("Client-facing technical agent", 10), ("Internal assistant", 8) })
        {
            var systemClass = new AiSystemClass
            {
                Id = NextGuid(random), OrganizationId = organizationId, Name = className, Description = $"Every {className.ToLowerInvariant()} must meet this baseline.",
                CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.AiSystemClasses.Add(systemClass);
            audit.Created("AiSystemClass", systemClass.Id, systemClass.Name);
            var baseline = Sample(random, annexA, size).ToList();
            foreach (var requirement in baseline)
            {
                var row = new AiSystemClassRequirement { Id = NextGuid(random), OrganizationId = organizationId, ClassId = systemClass.Id, RequirementId = requirement };
                db.AiSystemClassRequirements.Add(row);
                audit.Created("AiSystemClassRequirement", row.Id, requirement.ToString());
            }
            classes.Add((systemClass.Id, baseline));
        }
        await SaveAndClearAsync(cancellationToken);

        var categories = Enum.GetValues<ServiceCategory>();
        var records = new List<(Guid Id, string Reference, string Name, ServiceCategory Category, List<Guid> Controls)>(systems.Count);
        long applied = 0;
        for (var i = 0; i < systems.Count; i++)
        {
            var (assetId, reference, name, lifecycle) = systems[i];
            var category = categories[random.Next(categories.Length)];
            var regulated = category is ServiceCategory.Legal or ServiceCategory.Financial or ServiceCategory.Healthcare;
            var classRoll = random.Next(100);
            (Guid Id, List<Guid> Baseline)? systemClass = classRoll < 50 ? classes[0] : classRoll < 85 ? classes[1] : classRoll < 98 ? classes[2] : null;
            var euRoll = random.Next(100);
            var eu = euRoll < 3 ? EuAiActCategory.High : euRoll < 35 ? EuAiActCategory.Limited : euRoll < 95 ? EuAiActCategory.Minimal : EuAiActCategory.NotAssessed;
            var disclaimer = regulated && random.Next(10) != 0;
            var system = new AiSystem
            {
                Id = NextGuid(random), OrganizationId = organizationId, AssetId = assetId, ClassId = systemClass?.Id,
                Purpose = $"Delivers {category.ToString().ToLowerInvariant()} work: {Themes[i % Themes.Length].ToLowerInvariant()} tasks for client {i % 97}.",
                IntendedUse = "Staff or clients submit a task; a qualified person reviews the output before it is used.",
                ForeseeableMisuse = "Relying on the output without review; using it outside the service line it was evaluated for.",
                ServiceCategory = category, ClientsServed = $"Client segment {i % 20}", TrainingData = i % 3 == 0 ? "Fine-tuned on an own dataset; see the linked datasets." : "Foundation model as provided.",
                Deployment = (DeploymentModel)(random.Next(10) switch { < 8 => 0, 8 => 2, _ => 1 }), Regions = CloudServices[random.Next(CloudServices.Length)].Region,
                Autonomy = (AutonomyLevel)random.Next(4), HumanOversight = "A named reviewer approves or samples the output.",
                DisclaimerRequired = regulated, DisclaimerImplemented = disclaimer, DisclaimerWhere = disclaimer ? "Shown with every output." : "",
                EuAiActCategory = eu, EuAiActReason = eu == EuAiActCategory.NotAssessed ? "" : $"Classified as {AiLabels.Of(eu)} at the last review.",
                Stage = lifecycle switch
                {
                    AssetLifecycle.Planned => random.Next(2) == 0 ? AiLifecycleStage.Development : AiLifecycleStage.Validation,
                    AssetLifecycle.InUse => AiLifecycleStage.Deployed,
                    _ => AiLifecycleStage.Retired,
                },
                CreatedAt = start, UpdatedAt = start, Version = 1,
            };
            db.AiSystems.Add(system);
            audit.Created("AiSystem", system.Id, name);
            // About one control per baseline requirement, mostly implemented ones; now and then one is missing, so coverage varies.
            var chosen = new List<Guid>();
            foreach (var requirement in systemClass?.Baseline ?? [])
            {
                if (random.Next(100) < 5 || !controlsByRequirement.TryGetValue(requirement, out var linked)) continue;
                var implemented = linked.Where(l => l.Implemented).ToList();
                var pick = implemented.Count > 0 && random.Next(100) < 92 ? implemented[random.Next(implemented.Count)] : linked[random.Next(linked.Count)];
                if (!chosen.Contains(pick.Control)) chosen.Add(pick.Control);
            }
            while (chosen.Count < 6 && controlIds.Count > chosen.Count)
            {
                var extra = controlIds[random.Next(controlIds.Count)];
                if (!chosen.Contains(extra)) chosen.Add(extra);
            }
            foreach (var controlId in chosen)
            {
                var link = new AiSystemControl { Id = NextGuid(random), OrganizationId = organizationId, AiSystemId = system.Id, ControlId = controlId };
                db.AiSystemControls.Add(link);
                audit.Created("AiSystemControl", link.Id, controlId.ToString());
                applied++;
            }
            records.Add((system.Id, reference, name, category, chosen));
            if (i % 500 == 499) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);

        // Impact assessments for one system in five: six in ten approved (some now due), two in review, two drafts.
        var (ceo, ciso, cto) = (people[0].Id, people[1].Id, people[2].Id);
        var names = await db.Users.AsNoTracking().Where(u => u.Id == ceo || u.Id == ciso || u.Id == cto).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var controlReferences = controlIds.Select((id, index) => (id, index)).ToDictionary(c => c.id, c => $"CTL-{c.index + 1:00000}");
        long entries = 0;
        var number = 0;
        for (var i = 0; i < records.Count; i += 5)
        {
            number++;
            var (systemId, reference, name, category, controls) = records[i];
            // Three is coprime with ten, so even the small dataset gets every state.
            var roll = number * 3 % 10;
            var status = roll < 6 ? AssessmentStatus.Approved : roll < 8 ? AssessmentStatus.InReview : AssessmentStatus.Draft;
            var submitted = start.AddDays(random.Next(30, 700));
            var approver = random.Next(2) == 0 ? ceo : ciso;
            var due = status == AssessmentStatus.Approved && number % 7 == 1;
            var assessment = new ImpactAssessment
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"AIA-{number:000}", Title = $"Impact assessment: {name}", OwnerId = owners[random.Next(owners.Length)],
                Status = status, ScopeAndIntendedUse = $"{name}, as used by the client segments it serves.", SystemDescription = "Agent, model, cloud service and data as registered in the inventory.",
                Conclusion = status == AssessmentStatus.Draft ? "" : "Acceptable with the mitigations and controls listed.", ReviewerId = cto, ApproverId = approver,
                SubmittedAt = status == AssessmentStatus.Draft ? null : submitted, ReviewedAt = status == AssessmentStatus.Draft || roll == 7 ? null : submitted.AddDays(2),
                NextReviewOn = status == AssessmentStatus.Approved ? today.AddDays(random.Next(-60, 365)) : null,
                ReassessmentDue = due, ReassessmentReason = due ? $"{today.AddDays(-random.Next(1, 90)):yyyy-MM-dd}: the models it uses changed" : "",
                ApprovedNumber = status == AssessmentStatus.Approved ? "1.0" : "", CreatedAt = submitted.AddDays(-14), UpdatedAt = submitted, Version = 1,
            };
            db.ImpactAssessments.Add(assessment);
            audit.Created("ImpactAssessment", assessment.Id, assessment.Title);
            var covered = new ImpactAssessmentSystem { Id = NextGuid(random), OrganizationId = organizationId, AssessmentId = assessment.Id, AiSystemId = systemId };
            db.ImpactAssessmentSystems.Add(covered);
            audit.Created("ImpactAssessmentSystem", covered.Id, name);
            var parties = new List<AssessmentContent.PartyLine>();
            var impacts = new List<AssessmentContent.ImpactLine>();
            var inputs = new List<AssessmentContent.InputLine>();
            foreach (var (partyName, kind) in new[] { ("Business clients", AffectedKind.Clients), ("Clients' customers", AffectedKind.ClientsCustomers), ("Employees", AffectedKind.Employees) })
            {
                var party = new AffectedParty { Id = NextGuid(random), OrganizationId = organizationId, AssessmentId = assessment.Id, Name = partyName, Kind = kind, Description = $"{partyName} affected by {name}." };
                db.AffectedParties.Add(party);
                audit.Created("AffectedParty", party.Id, party.Name);
                parties.Add(new(party.Id, party.Name, party.Kind, party.Description));
            }
            for (var e = 0; e < 6; e++)
            {
                var benefit = e == 5;
                var (severity, likelihood) = (random.Next(2, 6), random.Next(2, 6));
                var high = !benefit && random.Next(20) == 0;
                var entry = new ImpactEntry
                {
                    Id = NextGuid(random), OrganizationId = organizationId, AssessmentId = assessment.Id, AffectedPartyId = parties[e % parties.Count].Id,
                    Dimension = (ImpactDimension)random.Next(10), Nature = benefit ? ImpactNature.Benefit : ImpactNature.Harm,
                    Description = benefit ? "Faster, cheaper delivery of the service." : $"Potential harm {e + 1} to {Themes[random.Next(Themes.Length)].ToLowerInvariant()}.",
                    Severity = severity, Likelihood = likelihood, Mitigation = benefit ? "" : "Reviewed output, evaluation before release, monitoring.",
                    ResidualSeverity = benefit ? severity : high ? 5 : Math.Max(1, severity - 1), ResidualLikelihood = benefit ? likelihood : high ? 3 : Math.Max(1, likelihood - 2),
                };
                db.ImpactEntries.Add(entry);
                audit.Created("ImpactEntry", entry.Id, entry.Description);
                entries++;
                var mitigatedBy = new List<string>();
                if (!benefit && controls.Count > 0)
                {
                    var mitigating = new ImpactEntryControl { Id = NextGuid(random), OrganizationId = organizationId, ImpactEntryId = entry.Id, ControlId = controls[random.Next(controls.Count)] };
                    db.ImpactEntryControls.Add(mitigating);
                    audit.Created("ImpactEntryControl", mitigating.Id, mitigating.ControlId.ToString());
                    mitigatedBy.Add(controlReferences[mitigating.ControlId]);
                }
                impacts.Add(new(entry.Id, entry.AffectedPartyId, parties[e % parties.Count].Name, entry.Dimension, entry.Nature, entry.Description, entry.Severity, entry.Likelihood,
                    entry.Mitigation, entry.ResidualSeverity, entry.ResidualLikelihood, mitigatedBy));
            }
            for (var s = 0; s < 2; s++)
            {
                var input = new StakeholderInput
                {
                    Id = NextGuid(random), OrganizationId = organizationId, AssessmentId = assessment.Id, Who = s == 0 ? "Client representative" : "Delivery lead",
                    On = DateOnly.FromDateTime(submitted.UtcDateTime).AddDays(-7 + s), Said = "Supports the use with the listed mitigations; asked for clearer information for users.",
                };
                db.StakeholderInputs.Add(input);
                audit.Created("StakeholderInput", input.Id, input.Who);
                inputs.Add(new(input.Id, input.Who, input.On, input.Said));
            }
            if (status == AssessmentStatus.Approved)
            {
                // Frozen as ImpactAssessmentQueries.ContentAsync reads an assessment, in the same order, without a query per assessment.
                var content = new AssessmentContent(assessment.Reference, assessment.Title, assessment.ScopeAndIntendedUse, assessment.SystemDescription, assessment.Conclusion,
                    [new(systemId, reference, name, category)], parties.OrderBy(p => p.Kind).ThenBy(p => p.Name).ToList(),
                    impacts.OrderBy(x => x.AffectedParty).ThenBy(x => x.Dimension).ThenBy(x => x.Nature).ToList(), inputs.OrderBy(x => x.On).ThenBy(x => x.Who).ToList());
                var version = new ImpactAssessmentVersion
                {
                    Id = NextGuid(random), OrganizationId = organizationId, AssessmentId = assessment.Id, Major = 1, Minor = 0, ApprovedAt = submitted.AddDays(3),
                    ApprovedBy = names[approver], ReviewedBy = names[cto], Content = JsonSerializer.Serialize(content, ImpactAssessmentQueries.Json),
                };
                db.ImpactAssessmentVersions.Add(version);
                audit.Created("ImpactAssessmentVersion", version.Id, "1.0");
            }
            if (number % 50 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);

        counts["assets"] = plan.Count;
        counts["AI systems"] = systems.Count;
        counts["asset dependencies"] = dependencies;
        counts["AI system controls"] = applied;
        counts["impact assessments"] = number;
        counts["impact entries"] = entries;
    }

    /// <summary>
    /// The risk register: the ready-made 5 × 5 methodology as version 1, and risks in four categories, each affecting three distinct
    /// assets and treated by three distinct controls (the third planned when a treatment is chosen), owned by the CISO (three in ten),
    /// the CTO (one in ten) or another owner; inherent and residual ratings with their levels from the matrix; mostly open statuses
    /// (one in ten closed); review dates of which about one in five is past; a treatment task for one risk in three; and for one risk
    /// in fifty an acceptance decision by whoever the level needs (some since expired, one in ten stale).
    /// </summary>
    private async Task SeedRisksAsync(Guid organizationId, ScaleVolumes volumes, Random random, List<(Guid Id, OrganizationRole Role, string Department)> people,
        Guid[] owners, List<Guid> controlIds, AuditWriter audit, DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var (methodologyName, definition) = MethodologyTemplates.Get(MethodologyTemplates.FiveByFive);
        var (ceo, ciso, cto) = (people[0].Id, people[1].Id, people[2].Id);
        var methodology = new RiskMethodology
        {
            Id = NextGuid(random), OrganizationId = organizationId, Number = 1, Name = methodologyName, Approach = MethodologyTemplates.Approach,
            Definition = definition.Serialize(), ChangeNote = $"Adopted the ready-made {MethodologyTemplates.FiveByFive} methodology.", CreatedAt = start,
            CreatedBy = "scale generator", CreatedByUserId = ciso,
        };
        db.RiskMethodologies.Add(methodology);
        audit.Created("RiskMethodology", methodology.Id, methodology.Name);
        await SaveAndClearAsync(cancellationToken);

        var assetIds = await db.Assets.AsNoTracking().Where(a => a.Lifecycle != AssetLifecycle.Disposed).OrderBy(a => a.Reference).Select(a => a.Id).ToListAsync(cancellationToken);
        var deciders = owners.Append(ceo).Append(ciso).Distinct().ToArray();
        var names = await db.Users.AsNoTracking().Where(u => deciders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} <{u.Email}>", cancellationToken);
        var controlReferences = controlIds.Select((id, index) => (id, index)).ToDictionary(c => c.id, c => $"CTL-{c.index + 1:00000}");
        long assetLinks = 0, controlLinks = 0, tasks = 0, acceptances = 0;
        for (var i = 1; i <= volumes.Risks; i++)
        {
            var (title, category, threat, vulnerability) = RiskThemes[random.Next(RiskThemes.Length)];
            var department = Departments[random.Next(Departments.Length)];
            var ownerRoll = random.Next(10);
            var owner = ownerRoll < 3 ? ciso : ownerRoll == 3 ? cto : owners[random.Next(owners.Length)];
            var accepted = i % 50 == 25;
            var roll = random.Next(100);
            var status = accepted ? RiskStatus.Accepted
                : roll < 5 ? RiskStatus.Identified : roll < 20 ? RiskStatus.Assessed : roll < 57 ? RiskStatus.InTreatment : roll < 90 ? RiskStatus.Treated : RiskStatus.Closed;
            var treatmentRoll = random.Next(100);
            var treatment = status switch
            {
                RiskStatus.Identified => RiskTreatment.Undecided,
                RiskStatus.Accepted => RiskTreatment.Accept,
                RiskStatus.Assessed => treatmentRoll < 60 ? RiskTreatment.Undecided : treatmentRoll < 80 ? RiskTreatment.Mitigate : treatmentRoll < 90 ? RiskTreatment.Accept : RiskTreatment.Transfer,
                _ => treatmentRoll < 78 ? RiskTreatment.Mitigate : treatmentRoll < 90 ? RiskTreatment.Transfer : RiskTreatment.Avoid,
            };
            int? likelihood = null, impact = null, residualLikelihood = null, residualImpact = null, inherentLevel = null, residualLevel = null, target = null;
            if (status != RiskStatus.Identified)
            {
                likelihood = random.Next(1, 6);
                impact = random.Next(2, 6);
                inherentLevel = definition.LevelOf(likelihood.Value, impact.Value);
                target = Math.Min(random.Next(2), inherentLevel.Value);
            }
            if (treatment != RiskTreatment.Undecided && likelihood is { } l && impact is { } im)
            {
                residualLikelihood = treatment == RiskTreatment.Avoid ? 1 : Math.Max(1, l - random.Next(0, treatment == RiskTreatment.Accept ? 2 : 3));
                residualImpact = treatment == RiskTreatment.Accept ? im : Math.Max(1, im - random.Next(0, 2));
                // Nobody may accept a Critical residual risk: what is accepted was brought below it.
                while (treatment == RiskTreatment.Accept && definition.LevelOf(residualLikelihood.Value, residualImpact.Value) >= definition.Levels.Count - 1) residualLikelihood--;
                residualLevel = definition.LevelOf(residualLikelihood.Value, residualImpact.Value);
            }
            var risk = new Risk
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"R-{i:00000}", Title = $"{title} in {department.ToLowerInvariant()} (area {i % 97})",
                Description = $"Generated for the scale lab: {title.ToLowerInvariant()} as it affects {department.ToLowerInvariant()}.", Threat = threat, Vulnerability = vulnerability,
                Category = category, OwnerId = owner, MethodologyId = methodology.Id, InherentLikelihood = likelihood, InherentImpact = impact, InherentLevel = inherentLevel,
                ExistingControls = status == RiskStatus.Identified ? "" : "The linked controls in place, as operated today.", Treatment = treatment,
                TreatmentPlan = treatment switch
                {
                    RiskTreatment.Mitigate => "Implement or strengthen the planned control, then confirm it works at the next review.",
                    RiskTreatment.Transfer => "Covered by the insurance policy and the supplier's contract; confirmed at each renewal.",
                    RiskTreatment.Avoid => "Stop the activity that gives rise to the risk.",
                    RiskTreatment.Accept => "Retain the risk by a recorded decision of someone with the authority its level needs.",
                    _ => "",
                },
                ResidualLikelihood = residualLikelihood, ResidualImpact = residualImpact, ResidualLevel = residualLevel, TargetLevel = target, Status = status,
                IdentifiedOn = today.AddDays(-random.Next(20, 1000)),
                NextReviewOn = status == RiskStatus.Closed ? null : status == RiskStatus.Identified ? today.AddDays(random.Next(7, 60)) : today.AddDays(random.Next(-90, 365)),
                CreatedAt = start, UpdatedAt = start.AddDays(random.Next(0, 700)), Version = 1,
            };
            db.Risks.Add(risk);
            audit.Created("Risk", risk.Id, $"{risk.Reference} {risk.Title}");
            foreach (var assetId in Sample(random, assetIds, 3))
            {
                var link = new RiskAsset { Id = NextGuid(random), OrganizationId = organizationId, RiskId = risk.Id, AssetId = assetId };
                db.RiskAssets.Add(link);
                audit.Created("RiskAsset", link.Id, assetId.ToString());
                assetLinks++;
            }
            var controls = Sample(random, controlIds, 3).ToList();
            var planned = treatment is RiskTreatment.Mitigate or RiskTreatment.Transfer or RiskTreatment.Avoid ? controls[^1] : (Guid?)null;
            foreach (var controlId in controls)
            {
                var link = new RiskControl
                {
                    Id = NextGuid(random), OrganizationId = organizationId, RiskId = risk.Id, ControlId = controlId,
                    Role = controlId == planned ? RiskControlRole.Planned : RiskControlRole.Existing,
                };
                db.RiskControls.Add(link);
                audit.Created("RiskControl", link.Id, controlReferences[controlId]);
                controlLinks++;
            }
            if (i % 3 == 0)
            {
                var due = today.AddDays(random.Next(-60, 120));
                var done = status is RiskStatus.Treated or RiskStatus.Closed || (status == RiskStatus.InTreatment && random.Next(3) == 0);
                var task = new RiskTask
                {
                    Id = NextGuid(random), OrganizationId = organizationId, RiskId = risk.Id, OwnerId = owner, DueOn = due,
                    Title = planned is { } control ? $"Implement {controlReferences[control]} for {risk.Reference}"
                        : treatment == RiskTreatment.Accept ? $"Prepare the acceptance decision for {risk.Reference}" : $"Rate {risk.Reference} and decide its treatment",
                    ControlId = planned, CompletedOn = done ? (due < today ? due : today).AddDays(-random.Next(0, 10)) : null, CreatedAt = start, UpdatedAt = start, Version = 1,
                };
                db.RiskTasks.Add(task);
                audit.Created("RiskTask", task.Id, task.Title);
                tasks++;
            }
            if (status == RiskStatus.Accepted)
            {
                var level = residualLevel!.Value;
                var decider = definition.Levels[level].AcceptableBy switch { AcceptanceAuthority.Executive => ceo, AcceptanceAuthority.Ciso => ciso, _ => owner };
                // Taken within about a validity period and a third ago: most still valid, some expired.
                var acceptedAt = Instant.Truncate(now.AddDays(-random.Next(5, definition.Levels[level].ReviewMonths * 40)).AddMinutes(-random.Next(0, 600)));
                var validUntil = DateOnly.FromDateTime(acceptedAt.UtcDateTime).AddMonths(definition.Levels[level].ReviewMonths);
                var stale = acceptances % 10 == 9;
                var acceptance = new RiskAcceptance
                {
                    Id = NextGuid(random), OrganizationId = organizationId, RiskId = risk.Id, AcceptedAt = acceptedAt, AcceptedByUserId = decider, AcceptedBy = names[decider],
                    Authority = decider == ceo ? AcceptanceAuthority.Executive : decider == ciso ? AcceptanceAuthority.Ciso : AcceptanceAuthority.RiskOwner,
                    Comment = "Treating it further costs more than the risk; what remains is accepted until the next review.",
                    Likelihood = residualLikelihood!.Value, Impact = residualImpact!.Value, Level = level, LevelName = definition.Levels[level].Name, MethodologyNumber = methodology.Number,
                    ValidUntil = validUntil, StaleSince = stale ? acceptedAt.AddDays(random.Next(1, 5)) : null, StaleReason = stale ? "changed after acceptance: affected assets" : "",
                };
                db.RiskAcceptances.Add(acceptance);
                audit.Created("RiskAcceptance", acceptance.Id, $"{risk.Reference} {acceptance.LevelName}");
                if (risk.NextReviewOn is null || risk.NextReviewOn > validUntil) risk.NextReviewOn = validUntil;
                acceptances++;
            }
            if (i % 500 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);

        counts["risks"] = volumes.Risks;
        counts["risk-asset links"] = assetLinks;
        counts["risk-control links"] = controlLinks;
        counts["risk treatment tasks"] = tasks;
        counts["risk acceptances"] = acceptances;
    }

    /// <summary>
    /// Evidence as automated checks and people collect it over two years: 70 % check results (mostly passed), 20 % files, 5 % links and
    /// 5 % notes, each supporting one or two controls (one control in seven has none, so some required controls show "evidence missing");
    /// about 15 % with a valid-until date already past and 10 % with one still ahead; one version each, a tenth collected twice. Files
    /// are a set of distinct small PDFs, CSV exports, PNG screenshots and text exports, written to the evidence store so downloads work,
    /// and shared by many items as uploads of the same export are. One control in five requires evidence (set with the controls).
    /// </summary>
    private async Task SeedEvidenceAsync(Guid organizationId, ScaleVolumes volumes, Random random, Guid[] owners, List<Guid> controlIds, AuditWriter audit,
        DateTimeOffset start, DateTimeOffset now, Dictionary<string, long> counts, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Files first, into the store, then their rows: what a row names is always there to download.
        var fileCount = Math.Clamp(volumes.Evidence / 50, 20, 2_000);
        var files = new List<(Guid Id, string Name)>(fileCount);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var n = 1; n <= fileCount; n++)
        {
            var theme = Themes[n % Themes.Length];
            var (name, content) = (n % 10) switch
            {
                < 4 => ($"{Slug(theme)}-report-{n:0000}.pdf", Demo.DemoEvidence.Pdf($"{theme} report {n}", $"Generated for the scale lab: evidence file {n}.",
                    $"Scope: {Departments[n % Departments.Length].ToLowerInvariant()}.", "Result: operating effectively.")),
                < 7 => ($"{Slug(theme)}-export-{n:0000}.csv", System.Text.Encoding.UTF8.GetBytes(
                    $"item,owner,status,checked_on\n{string.Join("\n", Enumerable.Range(1, 5 + n % 20).Select(r => $"{theme} item {r},person{(n * r) % 50:0000},ok,{today.AddDays(-(n % 700)):yyyy-MM-dd}"))}\n")),
                < 9 => ($"{Slug(theme)}-screenshot-{n:0000}.png", Demo.DemoEvidence.Png($"scale-{theme}", n)),
                _ => ($"{Slug(theme)}-rules-{n:0000}.txt", System.Text.Encoding.UTF8.GetBytes($"{theme} configuration export {n}\n\nrule-1 = enforced\nrule-2 = enforced\nrevision = {n}\n")),
            };
            using var received = await uploads.ReceiveAsync(new MemoryStream(content), name, cancellationToken);
            if (!seen.Add(received.Sha256)) continue;
            await store.PutAsync(received.Sha256, received.TemporaryPath, cancellationToken);
            var file = new EvidenceFile
            {
                Id = NextGuid(random), OrganizationId = organizationId, Sha256 = received.Sha256, Size = received.Size, ContentType = received.ContentType,
                CreatedAt = start.AddDays(random.Next(0, 700)),
            };
            db.EvidenceFiles.Add(file);
            audit.Created("EvidenceFile", file.Id, received.FileName);
            files.Add((file.Id, received.FileName));
        }
        await SaveAndClearAsync(cancellationToken);

        var supported = controlIds.Where((_, index) => index % 7 != 3).ToList();
        string[] checks = ["MFA enforced for every account", "No storage bucket is public", "Backups completed in the last 24 hours", "TLS certificates valid for 14 more days",
            "Disk encryption on every laptop", "No critical vulnerability past its deadline", "Audit logging enabled in every cloud account", "Leavers' access removed within a day",
            "Agent evaluation suite passed for the released version", "Dependency scanning enabled on every repository"];
        string[] references = ["Runbook", "Dashboard", "Ticket", "Wiki page", "Vendor report"];
        long versions = 0, links = 0;
        for (var i = 1; i <= volumes.Evidence; i++)
        {
            var roll = random.Next(100);
            var kind = roll < 70 ? EvidenceKind.CheckResult : roll < 90 ? EvidenceKind.File : roll < 95 ? EvidenceKind.Link : EvidenceKind.Note;
            var collected = today.AddDays(-random.Next(0, 730));
            var validityRoll = random.Next(100);
            DateOnly? validUntil = null;
            if (validityRoll < 15)
            {
                // Already past: some day from collection up to yesterday.
                if (collected >= today) collected = today.AddDays(-random.Next(1, 730));
                validUntil = collected.AddDays(random.Next(0, today.DayNumber - collected.DayNumber));
            }
            else if (validityRoll < 25)
            {
                validUntil = today.AddDays(random.Next(1, 365));
            }
            var twice = i % 10 == 0;
            var file = kind == EvidenceKind.File ? files[random.Next(files.Count)] : ((Guid Id, string Name)?)null;
            var check = checks[random.Next(checks.Length)];
            var passed = kind == EvidenceKind.CheckResult ? random.Next(100) < 92 : (bool?)null;
            var at = Instant.Truncate(new DateTimeOffset(collected.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddMinutes(random.Next(6 * 60, 20 * 60)));
            var item = new EvidenceItem
            {
                Id = NextGuid(random), OrganizationId = organizationId, Reference = $"EV-{i:000000}", Kind = kind,
                Title = kind switch
                {
                    EvidenceKind.CheckResult => $"{check} ({collected:yyyy-MM-dd})",
                    EvidenceKind.File => $"{Themes[i % Themes.Length]} evidence: {file!.Value.Name}",
                    EvidenceKind.Link => $"{references[i % references.Length]}: {Themes[i % Themes.Length].ToLowerInvariant()} {i}",
                    _ => $"{Themes[i % Themes.Length]} review note {i}",
                },
                Source = kind == EvidenceKind.CheckResult ? EvidenceSource.Check : i % 4 == 0 ? EvidenceSource.Api : EvidenceSource.Uploaded,
                OwnerId = owners[random.Next(owners.Length)], CollectedOn = collected, ValidUntil = validUntil, CurrentVersion = twice ? 2 : 1,
                FileId = file?.Id, FileName = file?.Name, Url = kind == EvidenceKind.Link ? $"https://wiki.scale.example/evidence/{i}" : null,
                Note = kind switch
                {
                    EvidenceKind.CheckResult => passed == true ? $"{check}: passed on every target." : $"{check}: failed on {random.Next(1, 6)} target(s); ticket raised.",
                    EvidenceKind.Note => "Reviewed with the control owner; operating as described.",
                    _ => "",
                },
                Passed = passed, CreatedAt = at, UpdatedAt = at, Version = 1,
            };
            db.EvidenceItems.Add(item);
            audit.Created("EvidenceItem", item.Id, $"{item.Reference} {item.Title}");
            if (twice)
            {
                // The earlier collection, kept as version 1 (for a file, an earlier export).
                var earlierOn = collected.AddDays(-random.Next(30, 180));
                var earlierFile = kind == EvidenceKind.File ? files[random.Next(files.Count)] : ((Guid Id, string Name)?)null;
                var earlier = new EvidenceVersion
                {
                    Id = NextGuid(random), OrganizationId = organizationId, EvidenceId = item.Id, Number = 1, FileId = earlierFile?.Id, FileName = earlierFile?.Name,
                    Url = item.Url, Note = item.Note, CollectedOn = earlierOn, ValidUntil = null, CreatedAt = at.AddDays(earlierOn.DayNumber - collected.DayNumber),
                    CreatedBy = "scale generator",
                };
                db.EvidenceVersions.Add(earlier);
                audit.Created("EvidenceVersion", earlier.Id, $"{item.Reference} v1");
                versions++;
            }
            var current = new EvidenceVersion
            {
                Id = NextGuid(random), OrganizationId = organizationId, EvidenceId = item.Id, Number = item.CurrentVersion, FileId = item.FileId, FileName = item.FileName,
                Url = item.Url, Note = item.Note, CollectedOn = collected, ValidUntil = validUntil, CreatedAt = at, CreatedBy = "scale generator",
            };
            db.EvidenceVersions.Add(current);
            audit.Created("EvidenceVersion", current.Id, $"{item.Reference} v{current.Number}");
            versions++;
            foreach (var controlId in Sample(random, supported, random.Next(1, 3)))
            {
                var link = new EvidenceLink { Id = NextGuid(random), OrganizationId = organizationId, EvidenceId = item.Id, Target = EvidenceTarget.Control, TargetId = controlId };
                db.EvidenceLinks.Add(link);
                audit.Created("EvidenceLink", link.Id, controlId.ToString());
                links++;
            }
            if (i % 5_000 == 0) await SaveAndClearAsync(cancellationToken);
        }
        await SaveAndClearAsync(cancellationToken);

        counts["evidence items"] = volumes.Evidence;
        counts["evidence versions"] = versions;
        counts["evidence files"] = files.Count;
        counts["evidence-control links"] = links;
        counts["controls requiring evidence"] = controlIds.Count / 5;
    }

    private static (string Name, string Provider, string VersionLabel, ModelOrigin Origin) Describe(AssetType type, int kind, int n, Random random)
    {
        switch (type)
        {
            case AssetType.AiModel:
                var (model, provider, origin) = Models[kind % Models.Length];
                return ($"{model} #{kind + 1}", provider, $"{2024 + random.Next(3)}.{random.Next(1, 13):00}", origin);
            case AssetType.Dataset:
                var purpose = (kind % 3) switch { 0 => "Fine-tuning set", 1 => "Evaluation set", _ => "Retrieval corpus" };
                return ($"{purpose} {kind + 1}: {Departments[kind % Departments.Length].ToLowerInvariant()}", "Own", $"v{random.Next(1, 9)}", ModelOrigin.NotApplicable);
            case AssetType.AiSystem:
                return ($"{Themes[kind % Themes.Length]} agent {kind + 1}", "", $"{random.Next(1, 5)}.{random.Next(10)}", ModelOrigin.NotApplicable);
            case AssetType.Software:
                return ($"{SoftwareNames[kind % SoftwareNames.Length]} {kind + 1}", "", $"{random.Next(1, 12)}.{random.Next(20)}.{random.Next(10)}", ModelOrigin.NotApplicable);
            case AssetType.Service:
                return ($"{ServiceNames[kind % ServiceNames.Length]} {kind + 1}", ServiceNames[kind % ServiceNames.Length].Split(' ')[0], "", ModelOrigin.NotApplicable);
            case AssetType.PeopleGroup:
                return ($"{Departments[kind % Departments.Length]} team {kind + 1}", "", "", ModelOrigin.NotApplicable);
            case AssetType.Location:
                return ($"{Locations[kind % Locations.Length]} site {kind + 1}", "", "", ModelOrigin.NotApplicable);
            case AssetType.Hardware:
                return ($"{HardwareNames[kind % HardwareNames.Length]} {n:00000}", "", "", ModelOrigin.NotApplicable);
            default:
                return ($"{InformationNames[kind % InformationNames.Length]} ({Departments[kind % Departments.Length].ToLowerInvariant()}) {kind + 1}", "", "", ModelOrigin.NotApplicable);
        }
    }

    private async Task SaveAndClearAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Appends hash-chained entries after the organization's existing chain, oldest first.</summary>
    private sealed class AuditWriter
    {
        private readonly Guid _organizationId;
        private readonly DateTimeOffset _start;
        private readonly TimeSpan _step;
        private readonly List<(AuditAction Action, string Type, Guid Id, string Changes)> _pending = [];
        private readonly int _target;

        public AuditWriter(Guid organizationId, DateTimeOffset start, DateTimeOffset end, int target)
        {
            _organizationId = organizationId;
            _start = start;
            _target = target;
            _step = TimeSpan.FromTicks(Math.Max(10, (end - start).Ticks / Math.Max(1, target)) / 10 * 10);
        }

        public long LastSequence { get; private set; }
        public string LastHash { get; private set; } = AuditChain.Genesis;
        public long Remaining => Math.Max(0, _target - _pending.Count - _existing);
        private long _existing;

        public void Created(string type, Guid id, string? summary) =>
            _pending.Add((AuditAction.Created, type, id, JsonSerializer.Serialize(new Dictionary<string, object?> { ["Summary"] = new { after = summary } })));

        public void Updated(string type, Guid id, string field, string before, string after) =>
            _pending.Add((AuditAction.Updated, type, id, JsonSerializer.Serialize(new Dictionary<string, object?> { [field] = new { before, after } })));

        public void Continue(long sequence, string hash)
        {
            LastSequence = sequence;
            LastHash = hash;
            _existing = sequence;
        }

        public IEnumerable<AuditEntry> Entries()
        {
            var at = _start;
            foreach (var (action, type, id, changes) in _pending)
            {
                var entry = new AuditEntry
                {
                    OrganizationId = _organizationId, Sequence = LastSequence + 1, OccurredAt = Instant.Truncate(at), Actor = "scale generator",
                    Channel = AuditChannel.Import, Action = action, RecordType = type, RecordId = id.ToString(), Changes = changes, PreviousHash = LastHash, Hash = "",
                };
                entry.Hash = AuditChain.HashOf(entry);
                LastSequence = entry.Sequence;
                LastHash = entry.Hash;
                at += _step;
                yield return entry;
            }
        }
    }

    private static IEnumerable<Guid> Sample(Random random, List<Guid> from, int count)
    {
        var picked = new HashSet<int>();
        while (picked.Count < Math.Min(count, from.Count)) picked.Add(random.Next(from.Count));
        return picked.Select(i => from[i]);
    }

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static string Slug(string name) => new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray()) is { Length: > 0 } slug ? slug : "scale";

    /// <summary>Days evidence stays fresh for the controls that require it.</summary>
    private static readonly int[] FreshnessPeriods = [30, 90, 90, 180, 365];
    private static readonly string[] Departments = ["Legal services", "Financial services", "Healthcare services", "Engineering", "Marketing", "Design", "Operations", "Security"];
    private static readonly string[] Themes = ["Access", "Encryption", "Logging", "Backup", "Supplier", "Training", "Incident", "Change", "Model evaluation", "Data quality", "Privacy", "Physical"];
    private static readonly (string Name, string Provider, string Region)[] CloudServices =
    [
        ("AWS eu-west-1", "Amazon Web Services", "eu-west-1"), ("Google Cloud europe-west4", "Google Cloud", "europe-west4"), ("Azure westeurope", "Microsoft", "westeurope"),
        ("AWS eu-central-1", "Amazon Web Services", "eu-central-1"), ("Google Cloud europe-west1", "Google Cloud", "europe-west1"), ("Azure northeurope", "Microsoft", "northeurope"),
        ("Azure uksouth", "Microsoft", "uksouth"), ("AWS eu-west-2", "Amazon Web Services", "eu-west-2"), ("Google Cloud europe-west2", "Google Cloud", "europe-west2"),
        ("OVHcloud GRA", "OVHcloud", "gra"),
    ];
    private static readonly (string Name, string Provider, ModelOrigin Origin)[] Models =
    [
        ("Claude Sonnet", "Anthropic", ModelOrigin.ThirdParty), ("GPT-4.1", "OpenAI", ModelOrigin.ThirdParty), ("Gemini Pro", "Google", ModelOrigin.ThirdParty),
        ("Mistral Large", "Mistral AI", ModelOrigin.ThirdParty), ("Llama 3.1 70B Instruct", "Meta", ModelOrigin.OpenSource), ("multilingual-e5-large", "Hugging Face", ModelOrigin.OpenSource),
        ("Own fine-tuned model", "Own", ModelOrigin.Own),
    ];
    private static readonly (string Title, string Category, string Threat, string Vulnerability)[] RiskThemes =
    [
        ("Prompt injection through client documents", "AI agents", "Instructions hidden in a client document steer an agent's output or make it disclose other documents.",
            "Untrusted document text shares the agent's context with its instructions."),
        ("Inaccurate professional output reaches a client", "AI agents", "A wrong answer from an agent is delivered as professional advice.",
            "Reviewers approve drafts under time pressure; evaluation covers common cases only."),
        ("Biased model decisions", "AI agents", "Agent outputs systematically disadvantage a group of people.",
            "Training data reflects historic decisions; no fairness measure is tracked."),
        ("Model behaviour changes after a provider update", "AI agents", "A foundation model update changes output quality or safety without notice.",
            "Agents reference model aliases; no continuous evaluation in production."),
        ("Misconfigured cloud storage", "Cloud infrastructure", "A storage bucket is made public and client data is downloaded.",
            "Policies differ across the clouds; posture management does not cover all accounts."),
        ("Regional cloud outage", "Cloud infrastructure", "A cloud region is unavailable for more than a day.",
            "Services run in a single region without tested fail-over."),
        ("Compromised administrator account", "Cloud infrastructure", "An attacker phishes or hijacks an administrator session.",
            "Standing administrator rights and long sessions."),
        ("Ransomware on production data", "Cloud infrastructure", "Production data and backups are encrypted or deleted by an attacker.",
            "Backups are reachable from production credentials."),
        ("Phishing of remote staff", "People", "A lure captures credentials or an MFA approval.", "Push MFA is still allowed for some accounts."),
        ("Insider misuse of client data", "People", "Someone with access browses or exports client data without a business reason.",
            "Broad standing access; bulk reads are not alerted on."),
        ("Loss of key people", "People", "A person holding unique knowledge leaves or is unavailable.", "Knowledge is not documented or shared."),
        ("Supplier breach exposes our data", "Suppliers", "A supplier holding our data is breached.", "Limited assurance over the supplier's controls."),
        ("Supplier service failure", "Suppliers", "A critical supplier stops delivering its service.", "No tested alternative supplier or exit plan."),
        ("Data transferred outside the EU", "Suppliers", "A supplier processes client data outside the agreed regions.",
            "Regions are set per service by configuration we do not fully control."),
    ];
    private static readonly string[] InformationNames = ["Client contracts", "Client financial records", "Patient referrals", "Board papers", "Customer support tickets", "Supplier invoices", "Employee records", "Sales pipeline", "Project files"];
    private static readonly string[] SoftwareNames = ["Billing service", "Client portal", "Data pipeline", "Reporting service", "Integration gateway", "Mobile app", "Agent orchestration service"];
    private static readonly string[] ServiceNames = ["Slack workspace", "HubSpot CRM", "Zendesk ticketing", "Workday HR", "Google Workspace", "Datadog monitoring", "GitHub organization"];
    private static readonly string[] HardwareNames = ["Laptop", "Mobile phone", "Firewall", "Network switch", "Build server", "Security key"];
    private static readonly string[] Locations = ["London", "Manchester", "Edinburgh", "Dublin", "Amsterdam", "Berlin", "Paris", "Madrid", "Remote"];
    private static readonly string[] FirstNames = ["Ada", "Ben", "Chloe", "Dev", "Emma", "Femi", "Grace", "Hugo", "Ines", "Jon", "Kemi", "Liam", "Maya", "Noah", "Olu", "Priya"];
    private static readonly string[] LastNames = ["Adams", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones", "Khan", "Lopez"];
}
