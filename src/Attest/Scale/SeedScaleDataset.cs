using System.Diagnostics;
using System.Text.Json;
using Attest.Accounts;
using Attest.Audit;
using Attest.Policies;
using Attest.Context;
using Attest.Controls;
using Attest.Data;
using Attest.Frameworks;
using Attest.Organizations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Attest.Scale;

public enum ScaleSize
{
    Small,
    Large,
}

/// <summary>How much of each record the generator makes.</summary>
public sealed record ScaleVolumes(int People, int Controls, int LinksPerControl, int Parties, int Issues, int AuditEntries, int Documents)
{
    public static ScaleVolumes For(ScaleSize size) => size switch
    {
        ScaleSize.Large => new(People: 2_000, Controls: 10_000, LinksPerControl: 20, Parties: 200, Issues: 200, AuditEntries: 1_000_000, Documents: 300),
        _ => new(People: 50, Controls: 200, LinksPerControl: 20, Parties: 20, Issues: 20, AuditEntries: 20_000, Documents: 30),
    };
}

public sealed record ScaleReport(string Organization, IReadOnlyDictionary<string, long> Records, TimeSpan Elapsed);

/// <summary>
/// Fills an organization with a realistic, deterministic (seeded) enterprise-size dataset for benchmarks:
/// people, controls linked across the built-in frameworks and NIST SP 800-53, context records and a full,
/// verifiable audit trail. Rows go in by bulk batches, not one save per row. Development use only.
/// </summary>
public sealed class SeedScaleDataset(AttestDbContext db, CreateOrganization createOrganization, ImportFramework import, IPasswordHasher<User> hasher)
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
            var requirements = await db.Requirements.AsNoTracking().Where(r => r.Assessable && !r.Withdrawn).Select(r => r.Id).ToListAsync(cancellationToken);
            long links = 0;
            for (var i = 1; i <= volumes.Controls; i++)
            {
                var theme = Themes[random.Next(Themes.Length)];
                var control = new Control
                {
                    Id = NextGuid(random), OrganizationId = organization.Id, Reference = $"CTL-{i:00000}", Name = $"{theme} control {i}",
                    Description = $"How the organization handles {theme.ToLowerInvariant()} in area {i % 97}.", OwnerId = owners[random.Next(owners.Length)],
                    Status = (ImplementationStatus)random.Next(0, 5), ReviewFrequencyMonths = 12, NextReviewOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(random.Next(-60, 365)),
                    Tags = theme.ToLowerInvariant(), CreatedAt = start, UpdatedAt = start, Version = 1,
                };
                db.Controls.Add(control);
                audit.Created("Control", control.Id, control.Name);
                foreach (var requirement in Sample(random, requirements, volumes.LinksPerControl))
                {
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

            // The rest of the trail: two years of status changes on controls, in time order.
            var controlIds = await db.Controls.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken);
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

    private static readonly string[] Departments = ["Legal services", "Financial services", "Healthcare services", "Engineering", "Marketing", "Design", "Operations", "Security"];
    private static readonly string[] Themes = ["Access", "Encryption", "Logging", "Backup", "Supplier", "Training", "Incident", "Change", "Model evaluation", "Data quality", "Privacy", "Physical"];
    private static readonly string[] FirstNames = ["Ada", "Ben", "Chloe", "Dev", "Emma", "Femi", "Grace", "Hugo", "Ines", "Jon", "Kemi", "Liam", "Maya", "Noah", "Olu", "Priya"];
    private static readonly string[] LastNames = ["Adams", "Brown", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jones", "Khan", "Lopez"];
}
