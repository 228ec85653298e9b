using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Attest.Data;
using Attest.Documents;
using Attest.Improvement;
using Attest.InternalAudits;
using Attest.Objectives;
using Attest.Policies;
using Attest.Reviews;
using Attest.Risks;
using Attest.Soa;
using Microsoft.EntityFrameworkCore;

namespace Attest.AuditPacks;

/// <summary>What an export produced: how many files the manifest lists, the manifest's SHA-256, the key that signed it, and the export record.</summary>
public sealed record AuditPackResult(Guid ExportId, DateOnly AsAt, int FileCount, string ManifestSha256, string KeyFingerprint, string FileName);

/// <summary>
/// Writes the audit pack: a ZIP holding the ISMS's records as they stood at the end of a day in the organization's zone — the SoA version in
/// force, the published policies in force with their approvals and acknowledgement figures, the risk register and treatment tasks, objectives
/// and measurements, completed internal audits, held management reviews, the nonconformity register with corrective actions, and an evidence
/// index — each file listed with its SHA-256 in <c>manifest.json</c>, signed with the organization's key (<c>manifest.sig</c>,
/// <c>signing-key.pem</c>). Each export is recorded (<see cref="AuditPackExport"/>) and so enters the audit trail. The number of queries is fixed
/// whatever the size of the records.
/// </summary>
public sealed class BuildAuditPack(AttestDbContext db, PackSigningKeys keys)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Builds the pack of the acting organization as at the end of <paramref name="asAt"/> and writes it to <paramref name="output"/> (left open).</summary>
    /// <exception cref="ValidationFailedException">The date is after today in the organization's zone (field <c>asAt</c>).</exception>
    public async Task<AuditPackResult> RunAsync(DateOnly asAt, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var organizationId = db.Acting.RequireOrganization();
        var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId).Select(o => new { o.Name, o.TimeZone }).SingleAsync(cancellationToken);
        var zone = OrganizationTime.Zone(organization.TimeZone);
        var now = Instant.Now(db.Clock);
        var today = OrganizationTime.Date(now, zone);
        if (asAt > today)
        {
            throw ValidationFailedException.For("asAt",
                $"{Day(asAt)} is in the future; a pack shows records as they stood on a day that has begun (today is {Day(today)} in {zone.Id}).");
        }
        var end = OrganizationTime.StartOfDay(asAt.AddDays(1), zone);
        var pack = new Pack(organization.Name, asAt, end, now, zone);

        await AddSoaAsync(pack, cancellationToken);
        await AddPoliciesAsync(pack, cancellationToken);
        await AddRisksAsync(pack, cancellationToken);
        await AddObjectivesAsync(pack, cancellationToken);
        await AddInternalAuditsAsync(pack, cancellationToken);
        await AddManagementReviewsAsync(pack, cancellationToken);
        await AddNonconformitiesAsync(pack, cancellationToken);
        await AddEvidenceIndexAsync(pack, cancellationToken);

        var (key, signer) = await keys.SignerAsync(cancellationToken);
        using (signer)
        {
            pack.Files.Insert(0, ("README.txt", Utf8.GetBytes(Readme(pack, organization.Name, key.Fingerprint))));
            var manifest = new PackManifest(PackManifest.CurrentFormat, organization.Name, asAt, zone.Id, now, db.Acting.Actor,
                new PackManifestKey(key.Id, key.Fingerprint, PackManifest.Algorithm),
                pack.Files.Select(f => new PackManifestFile(f.Path, Convert.ToHexStringLower(SHA256.HashData(f.Content)), f.Content.LongLength)).ToList());
            var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, PackManifest.Json);
            var signature = signer.SignData(manifestBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            var manifestSha = Convert.ToHexStringLower(SHA256.HashData(manifestBytes));

            var export = new AuditPackExport
            {
                AsAt = asAt,
                ExportedAt = now,
                ExportedByUserId = db.Acting.UserId,
                ExportedBy = db.Acting.Actor,
                FileCount = pack.Files.Count,
                ManifestSha256 = manifestSha,
                SigningKeyId = key.Id,
            };
            db.AuditPackExports.Add(export);
            await db.SaveAsync("audit pack export", cancellationToken);

            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                void Add(string name, byte[] content)
                {
                    var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                    entry.LastWriteTime = now;
                    using var stream = entry.Open();
                    stream.Write(content);
                }
                foreach (var (path, content) in pack.Files) Add(path, content);
                Add(PackManifest.ManifestName, manifestBytes);
                Add(PackManifest.SignatureName, Encoding.ASCII.GetBytes(Convert.ToBase64String(signature) + "\n"));
                Add(PackManifest.PublicKeyName, Encoding.ASCII.GetBytes(key.PublicKeyPem + "\n"));
            }
            buffer.Position = 0;
            await buffer.CopyToAsync(output, cancellationToken);
            return new AuditPackResult(export.Id, asAt, pack.Files.Count, manifestSha, key.Fingerprint, FileName(organization.Name, asAt));
        }
    }

    /// <summary><c>audit-pack-lumen-professional-services-2026-11-20.zip</c>.</summary>
    public static string FileName(string organization, DateOnly asAt)
    {
        var slug = new StringBuilder();
        foreach (var c in organization.Trim().ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        return $"audit-pack-{slug.ToString().Trim('-')}-{Day(asAt)}.zip".Replace("--", "-", StringComparison.Ordinal);
    }

    private sealed class Pack(string organization, DateOnly asAt, DateTimeOffset end, DateTimeOffset generatedAt, TimeZoneInfo zone)
    {
        public string Organization { get; } = organization;
        public DateOnly AsAt { get; } = asAt;
        /// <summary>The first instant after the as-at day in the organization's zone: records of instants before it count.</summary>
        public DateTimeOffset End { get; } = end;
        public DateTimeOffset GeneratedAt { get; } = generatedAt;
        public TimeZoneInfo Zone { get; } = zone;
        public List<(string Path, byte[] Content)> Files { get; } = [];
        /// <summary>What each part holds, for README.txt.</summary>
        public List<string> Notes { get; } = [];

        public void Add(string path, byte[] content) => Files.Add((path, content));
    }

    private async Task AddSoaAsync(Pack pack, CancellationToken cancellationToken)
    {
        // The newest version approved before the end of the day is the one in force that day.
        var frameworkKeys = StatementOfApplicability.Frameworks.ToList();
        var approved = await db.SoaVersions.AsNoTracking().Where(v => v.ApprovedAt < pack.End)
            .Join(db.Frameworks.Where(f => frameworkKeys.Contains(f.Key)), v => v.FrameworkId, f => f.Id, (v, f) => new { v.Id, v.FrameworkId, v.Major, v.Minor, f.Key, f.Name })
            .ToListAsync(cancellationToken);
        var inForce = approved.GroupBy(v => v.FrameworkId).Select(g => g.OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor).First()).ToList();
        var ids = inForce.Select(v => v.Id).ToList();
        var versions = await db.SoaVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).ToListAsync(cancellationToken);
        foreach (var framework in inForce.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var version = versions.Single(v => v.Id == framework.Id);
            var document = new SoaDocument(framework.FrameworkId, framework.Key, framework.Name, pack.Organization, version.Number, version.ApprovedAt, version.ApprovedBy,
                version.Note, JsonSerializer.Deserialize<List<SoaRow>>(version.Rows, StatementOfApplicability.Json)!);
            foreach (var format in new[] { SoaExportFormat.Csv, SoaExportFormat.Xlsx, SoaExportFormat.Pdf })
            {
                using var buffer = new MemoryStream();
                SoaExport.Write(document, format, buffer, pack.GeneratedAt);
                pack.Add("soa/" + SoaExport.FileName(document, format), buffer.ToArray());
            }
            pack.Notes.Add($"soa/: {framework.Name} SoA version {version.Number}, approved {Utc(version.ApprovedAt)} by {version.ApprovedBy}: the newest approved by the as-at date, as frozen at approval.");
        }
        var missing = frameworkKeys.Except(inForce.Select(v => v.Key)).ToList();
        if (missing.Count > 0) pack.Notes.Add($"soa/: no Statement of Applicability had been approved by the as-at date for {string.Join(", ", missing)}.");
    }

    private async Task AddPoliciesAsync(Pack pack, CancellationToken cancellationToken)
    {
        // In force on the day: the version of each document published last before the end of the day — unless the document had been retired
        // by then (a retired version's last change is its retirement).
        var published = await db.DocumentVersions.AsNoTracking()
            .Where(v => v.PublishedAt != null && v.PublishedAt < pack.End
                && (v.Status == DocumentVersionStatus.Published || v.Status == DocumentVersionStatus.Superseded || v.Status == DocumentVersionStatus.Retired))
            .Select(v => new { v.Id, v.DocumentId, v.PublishedAt, v.Status, v.UpdatedAt, v.EffectiveOn, v.NeededAcceptance })
            .ToListAsync(cancellationToken);
        var inForce = published.GroupBy(v => v.DocumentId).Select(g => g.MaxBy(v => v.PublishedAt)!)
            .Where(v => !(v.Status == DocumentVersionStatus.Retired && v.UpdatedAt < pack.End))
            .ToDictionary(v => v.Id);
        var ids = inForce.Keys.ToList();
        var versions = await PolicyExport.LoadAsync(db, ids, cancellationToken);
        var accepted = await db.DocumentAcceptances.AsNoTracking().Where(a => ids.Contains(a.VersionId) && a.AcceptedAt < pack.End)
            .Select(a => new { a.VersionId, a.UserId }).ToListAsync(cancellationToken);
        var assigned = await db.DocumentAssignments.AsNoTracking().Where(a => ids.Contains(a.VersionId) && a.AssignedAt < pack.End)
            .Select(a => new { a.VersionId, a.UserId }).ToListAsync(cancellationToken);
        var byDocument = inForce.Values.ToDictionary(v => v.DocumentId);
        var acceptedBy = accepted.ToLookup(a => a.VersionId, a => a.UserId);
        var assignedTo = assigned.ToLookup(a => a.VersionId, a => a.UserId);

        var index = new List<string[]>();
        foreach (var version in versions)
        {
            var facts = byDocument[version.DocumentId];
            var markdown = version.FileName("md");
            var pdf = version.FileName("pdf");
            pack.Add("policies/" + markdown, Utf8.GetBytes(PolicyExport.ToMarkdown(version)));
            pack.Add("policies/" + pdf, PdfDocumentWriter.Write(PolicyExport.ToPrintable(version), pack.GeneratedAt));
            var n = acceptedBy[facts.Id].Distinct().Count();
            var m = acceptedBy[facts.Id].Concat(assignedTo[facts.Id]).Distinct().Count();
            index.Add([
                version.Reference, version.Title, version.Number, Utc(facts.PublishedAt!.Value), facts.EffectiveOn is { } effective ? Day(effective) : "",
                version.Control.FirstOrDefault(c => c.Key == "Approved by").Value ?? "", facts.NeededAcceptance ? "yes" : "no",
                n.ToString(Invariant), m.ToString(Invariant), $"acknowledged {n} of {m}", markdown, pdf,
            ]);
        }
        pack.Add("policies/index.csv", Spreadsheets.Csv(
            ["Reference", "Title", "Version", "Published at", "Effective on", "Approved by", "Acceptance required", "Acknowledged", "Of", "Acknowledgement", "Markdown", "PDF"],
            index));
        pack.Notes.Add($"policies/: {index.Count} published document versions in force on the as-at date (published by then and not replaced or retired by then), " +
            "as Markdown and PDF; index.csv gives each one's approvals and acknowledgement figures. \"Acknowledged N of M\": N people had accepted that version " +
            "by the end of the day; M adds those asked to accept it by then whose duty is still on record. The document-control block in each file shows the " +
            "version's status today (a version in force then may since have been superseded).");
    }

    private async Task AddRisksAsync(Pack pack, CancellationToken cancellationToken)
    {
        var existing = (await db.Risks.AsNoTracking().Where(r => r.IdentifiedOn <= pack.AsAt).Select(r => r.Reference).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var register = (await RiskRegisterExport.LoadAsync(db, cancellationToken)).Where(row => existing.Contains((string)row[0]!)).ToList();
        pack.Add("risks/risk-register.csv", Spreadsheets.Csv(RiskRegisterExport.Columns, register.Select(row => row.Select(c => Convert.ToString(c, Invariant) ?? "").ToArray())));

        var tasks = await db.RiskTasks.AsNoTracking().Where(t => t.CreatedAt < pack.End)
            .Join(db.Risks.Where(r => r.IdentifiedOn <= pack.AsAt), t => t.RiskId, r => r.Id, (t, r) => new
            {
                Risk = r.Reference, t.Title, t.DueOn, t.CompletedOn, t.CreatedAt,
                Owner = db.Users.Where(u => u.Id == t.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Control = db.Controls.Where(c => c.Id == t.ControlId).Select(c => c.Reference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        pack.Add("risks/treatment-tasks.csv", Spreadsheets.Csv(["Risk", "Task", "Owner", "Control", "Due on", "State on the as-at date", "Completed on"],
            tasks.OrderBy(t => t.Risk, StringComparer.Ordinal).ThenBy(t => t.CreatedAt).Select(t =>
            {
                var done = t.CompletedOn is { } completed && completed <= pack.AsAt;
                var state = done ? "Done" : t.DueOn is { } due && due < pack.AsAt ? "Overdue" : "Open";
                return new[] { t.Risk, t.Title, t.Owner ?? "", t.Control ?? "", t.DueOn is { } d ? Day(d) : "", state, done ? Day(t.CompletedOn!.Value) : "" };
            })));

        var assessment = await db.RiskAssessments.AsNoTracking().Where(a => a.CompletedAt != null && a.CompletedAt < pack.End)
            .OrderByDescending(a => a.CompletedAt).Select(a => new { a.Title, a.CompletedAt, a.CompletedBy, a.Snapshot }).FirstOrDefaultAsync(cancellationToken);
        if (assessment is not null && assessment.Snapshot.Length > 0)
        {
            pack.Add("risks/risk-assessment-snapshot.csv", Spreadsheets.Csv(
                ["Reference", "Title", "Category", "Owner", "Methodology version", "Inherent likelihood", "Inherent impact", "Inherent level", "Treatment",
                    "Residual likelihood", "Residual impact", "Residual level", "Status", "Accepted by", "Accepted on"],
                RiskSnapshots.Read(assessment.Snapshot).Select(r => new[]
                {
                    r.Reference, r.Title, r.Category, r.Owner ?? "", r.MethodologyNumber.ToString(Invariant), Number(r.InherentLikelihood), Number(r.InherentImpact),
                    r.InherentLevel ?? "", r.Treatment.ToString(), Number(r.ResidualLikelihood), Number(r.ResidualImpact), r.ResidualLevel ?? "", r.Status.ToString(),
                    r.AcceptedBy ?? "", r.AcceptedOn is { } on ? Day(on) : "",
                })));
        }
        pack.Notes.Add($"risks/: risk-register.csv lists the {register.Count} risks identified on or before the as-at date, in the register's import/export " +
            "columns, with their ratings, treatment and acceptance as they stand at generation (the register keeps no history of ratings); treatment-tasks.csv " +
            "their treatment tasks recorded by then, done or open as judged by completion dates." +
            (assessment is null ? " No risk assessment had been completed by the as-at date."
                : $" risk-assessment-snapshot.csv is the register as frozen by the last risk assessment completed by then (\"{assessment.Title}\", completed {Utc(assessment.CompletedAt!.Value)} by {assessment.CompletedBy}): the exact ratings of that day."));
    }

    private async Task AddObjectivesAsync(Pack pack, CancellationToken cancellationToken)
    {
        var objectives = await db.Objectives.AsNoTracking().Where(o => o.StartOn <= pack.AsAt)
            .Select(o => new
            {
                o.Id, o.Reference, o.Title, o.Kind, o.Status, o.StartOn, o.TargetOn, o.ReviewCadence, o.Goal,
                Owner = db.Users.Where(u => u.Id == o.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var objectiveIds = objectives.Select(o => o.Id).ToList();
        var references = objectives.ToDictionary(o => o.Id, o => o.Reference);
        var measures = await db.Measures.AsNoTracking().Where(m => objectiveIds.Contains(m.ObjectiveId))
            .Select(m => new { m.Id, m.ObjectiveId, m.Title, m.Source, m.LibraryKey, m.DataSourceNote, m.Comparison, m.Target, m.AmberThreshold, m.Direction, m.Unit, m.Frequency, m.Position, m.Retired })
            .ToListAsync(cancellationToken);
        var measureIds = measures.Select(m => m.Id).ToList();
        var byId = measures.ToDictionary(m => m.Id);
        var measurements = await db.Measurements.AsNoTracking().Where(m => measureIds.Contains(m.MeasureId) && m.TakenAt < pack.End)
            .Select(m => new { m.MeasureId, m.PeriodStart, m.PeriodEnd, m.Value, m.Status, m.Comparison, m.Target, m.Kind, m.TakenAt, m.TakenBy, m.Note, m.Detail })
            .ToListAsync(cancellationToken);

        pack.Add("objectives/objectives.csv", Spreadsheets.Csv(["Reference", "Title", "Kind", "Status today", "Owner", "Starts on", "Target date", "Review cadence", "Goal"],
            objectives.OrderBy(o => o.Reference, StringComparer.Ordinal).Select(o => new[]
            {
                o.Reference, o.Title, o.Kind.ToString(), o.Status.ToString(), o.Owner ?? "", Day(o.StartOn), o.TargetOn is { } t ? Day(t) : "", o.ReviewCadence.ToString(), o.Goal,
            })));
        pack.Add("objectives/measures.csv", Spreadsheets.Csv(["Objective", "Measure", "Source", "Library measure", "Data source", "Target", "Amber threshold", "Direction", "Unit", "Frequency", "Retired"],
            measures.OrderBy(m => references[m.ObjectiveId], StringComparer.Ordinal).ThenBy(m => m.Position).Select(m => new[]
            {
                references[m.ObjectiveId], m.Title, m.Source.ToString(), m.LibraryKey ?? "", m.DataSourceNote, MeasureRules.FormatTarget(m.Comparison, m.Target, m.Unit),
                m.AmberThreshold is { } amber ? MeasureRules.Format(amber, m.Unit) : "", m.Direction.ToString(), m.Unit.ToString(), m.Frequency.ToString(), m.Retired ? "yes" : "no",
            })));
        pack.Add("objectives/measurements.csv", Spreadsheets.Csv(
            ["Objective", "Measure", "Period start", "Period end", "Value", "Raw value", "Status", "Target then", "Kind", "Taken at (UTC)", "Taken by", "Note", "Detail"],
            measurements.OrderBy(m => references[byId[m.MeasureId].ObjectiveId], StringComparer.Ordinal).ThenBy(m => byId[m.MeasureId].Position).ThenBy(m => m.PeriodStart).ThenBy(m => m.TakenAt)
                .Select(m =>
                {
                    var measure = byId[m.MeasureId];
                    return new[]
                    {
                        references[measure.ObjectiveId], measure.Title, Day(m.PeriodStart), Day(m.PeriodEnd), MeasureRules.Format(m.Value, measure.Unit),
                        m.Value?.ToString(Invariant) ?? "", m.Status.ToString(), MeasureRules.FormatTarget(m.Comparison, m.Target, measure.Unit), m.Kind.ToString(),
                        Utc(m.TakenAt), m.TakenBy, m.Note, m.Detail,
                    };
                })));
        pack.Notes.Add($"objectives/: {objectives.Count} objectives started on or before the as-at date with their measures (definitions as they stand), and the " +
            $"{measurements.Count} measurements taken by the end of that day — each kept as taken, with the target and status of its day.");
    }

    private async Task AddInternalAuditsAsync(Pack pack, CancellationToken cancellationToken)
    {
        var audits = await db.InternalAudits.AsNoTracking().Where(a => a.Status == InternalAuditStatus.Completed && a.CompletedOn != null && a.CompletedOn <= pack.AsAt)
            .Select(a => new
            {
                a.Id, a.Reference, a.Title, a.Scope, a.Criteria, a.AuditorName, a.IndependenceStatement, a.PlannedStart, a.PlannedEnd, a.StartedOn, a.CompletedOn, a.Conclusion,
                Programme = db.AuditProgrammes.Where(p => p.Id == a.ProgrammeId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var ids = audits.Select(a => a.Id).ToList();
        var items = await db.AuditChecklistItems.AsNoTracking().Where(i => ids.Contains(i.AuditId))
            .Select(i => new
            {
                i.Id, i.AuditId, i.Position, i.Question, i.Result, i.Notes, i.IsReaudit, i.AssessedOn, i.AssessedBy,
                Requirement = db.Requirements.Where(r => r.Id == i.RequirementId).Select(r => r.Code + " " + r.Title).FirstOrDefault(),
                Nonconformity = db.Nonconformities.Where(n => n.Id == i.NonconformityId).Select(n => n.Reference).FirstOrDefault(),
                Reaudit = db.Nonconformities.Where(n => n.Id == i.ReauditOfNonconformityId).Select(n => n.Reference).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var evidence = (await db.AuditItemEvidence.AsNoTracking().Where(e => db.AuditChecklistItems.Any(i => i.Id == e.ItemId && ids.Contains(i.AuditId)))
                .Join(db.EvidenceItems, l => l.EvidenceId, e => e.Id, (l, e) => new { l.ItemId, e.Reference })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ItemId, e => e.Reference);
        var references = audits.ToDictionary(a => a.Id, a => a.Reference);

        pack.Add("internal-audits/audits.csv", Spreadsheets.Csv(
            ["Reference", "Title", "Programme", "Scope", "Criteria", "Auditor", "Independence", "Planned start", "Planned end", "Started on", "Completed on", "Conclusion"],
            audits.OrderBy(a => a.Reference, StringComparer.Ordinal).Select(a => new[]
            {
                a.Reference, a.Title, a.Programme ?? "", a.Scope, a.Criteria, a.AuditorName, a.IndependenceStatement, Day(a.PlannedStart), Day(a.PlannedEnd),
                a.StartedOn is { } s ? Day(s) : "", Day(a.CompletedOn!.Value), a.Conclusion,
            })));
        pack.Add("internal-audits/checklists.csv", Spreadsheets.Csv(
            ["Audit", "Position", "Requirement", "Question", "Result", "Notes", "Nonconformity", "Re-audit of", "Assessed on", "Assessed by", "Evidence"],
            items.OrderBy(i => references[i.AuditId], StringComparer.Ordinal).ThenBy(i => i.Position).Select(i => new[]
            {
                references[i.AuditId], i.Position.ToString(Invariant), i.Requirement ?? "", i.Question, i.Result.ToString(), i.Notes, i.Nonconformity ?? "",
                i.Reaudit ?? (i.IsReaudit ? "yes" : ""), i.AssessedOn is { } on ? Day(on) : "", i.AssessedBy, string.Join(", ", evidence[i.Id].Order(StringComparer.Ordinal)),
            })));
        pack.Notes.Add($"internal-audits/: the {audits.Count} internal audits completed on or before the as-at date, with their checklists (results per requirement, evidence by reference).");
    }

    private async Task AddManagementReviewsAsync(Pack pack, CancellationToken cancellationToken)
    {
        var reviews = await db.ManagementReviews.AsNoTracking().Where(r => r.Status == ManagementReviewStatus.Held && r.HeldOn <= pack.AsAt)
            .Select(r => new { r.Id, r.Reference, r.Title, r.HeldOn, r.Attendees, r.Minutes, r.Conclusions, r.InputsJson, r.SignedOffBy })
            .ToListAsync(cancellationToken);
        var ids = reviews.Select(r => r.Id).ToList();
        var decisions = (await db.ReviewDecisions.AsNoTracking().Where(d => ids.Contains(d.ReviewId)).Select(d => new { d.ReviewId, d.Position, d.Kind, d.Text })
                .ToListAsync(cancellationToken))
            .ToLookup(d => d.ReviewId);
        var actions = (await db.CorrectiveActions.AsNoTracking().Where(a => a.Source == ActionSource.ManagementReview && a.SourceId != null && ids.Contains(a.SourceId.Value))
                .Select(a => new { ReviewId = a.SourceId!.Value, a.Reference, a.Title, a.DueOn, a.CompletedOn, Owner = db.Users.Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ReviewId);

        var index = new List<string[]>();
        foreach (var review in reviews.OrderBy(r => r.Reference, StringComparer.Ordinal))
        {
            var text = new StringBuilder();
            text.Append("# ").Append(review.Reference).Append(' ').Append(SoaExport.MarkdownText(review.Title)).Append("\n\n");
            text.Append("- **Held on:** ").Append(Day(review.HeldOn)).Append('\n');
            text.Append("- **Signed off by:** ").Append(SoaExport.MarkdownText(review.SignedOffBy.Length > 0 ? review.SignedOffBy : "not recorded")).Append('\n');
            text.Append("- **Attendees:** ").Append(SoaExport.MarkdownText(review.Attendees)).Append("\n\n");
            text.Append("## Minutes\n\n").Append(review.Minutes.Trim()).Append("\n\n");
            text.Append("## Conclusions\n\n").Append(review.Conclusions.Trim()).Append("\n\n");
            text.Append("## Decisions\n\n");
            var reviewDecisions = decisions[review.Id].OrderBy(d => d.Position).ToList();
            if (reviewDecisions.Count == 0) text.Append("None recorded.\n");
            foreach (var decision in reviewDecisions) text.Append("- ").Append(decision.Kind).Append(": ").Append(SoaExport.MarkdownText(decision.Text)).Append('\n');
            text.Append("\n## Actions\n\n");
            var reviewActions = actions[review.Id].OrderBy(a => a.Reference, StringComparer.Ordinal).ToList();
            if (reviewActions.Count == 0) text.Append("None recorded.\n");
            else text.Append("| Action | Owner | Due | State on the as-at date |\n|---|---|---|---|\n");
            foreach (var action in reviewActions)
            {
                var state = action.CompletedOn is { } done && done <= pack.AsAt ? $"Done {Day(done)}" : action.DueOn is { } due && due < pack.AsAt ? "Overdue" : "Open";
                text.Append("| ").Append(action.Reference).Append(' ').Append(SoaExport.MarkdownText(action.Title)).Append(" | ").Append(SoaExport.MarkdownText(action.Owner ?? ""))
                    .Append(" | ").Append(action.DueOn is { } d ? Day(d) : "").Append(" | ").Append(state).Append(" |\n");
            }
            pack.Add($"management-reviews/{review.Reference}.md", Utf8.GetBytes(text.ToString()));
            if (review.InputsJson is { Length: > 0 } inputs) pack.Add($"management-reviews/{review.Reference}-inputs.json", Utf8.GetBytes(inputs));
            index.Add([review.Reference, review.Title, Day(review.HeldOn), review.SignedOffBy, reviewDecisions.Count.ToString(Invariant), reviewActions.Count.ToString(Invariant),
                review.InputsJson is { Length: > 0 } ? $"{review.Reference}-inputs.json" : ""]);
        }
        pack.Add("management-reviews/index.csv", Spreadsheets.Csv(["Reference", "Title", "Held on", "Signed off by", "Decisions", "Actions", "Inputs"], index));
        pack.Notes.Add($"management-reviews/: the {index.Count} management reviews held on or before the as-at date: the inputs exactly as frozen when each was held " +
            "(JSON), and minutes, conclusions, decisions and actions (action state judged by completion dates).");
    }

    private async Task AddNonconformitiesAsync(Pack pack, CancellationToken cancellationToken)
    {
        var asAt = pack.AsAt;
        var all = await NonconformityRegister.AllAsync(db, new NonconformityFilter(), cancellationToken);
        var raised = all.Where(n => n.Row.RaisedOn <= asAt).ToList();
        pack.Add("nonconformities/nonconformities.csv", Spreadsheets.Csv(NonconformityExport.Columns, raised.Select(x =>
        {
            var row = x.Row;
            var closedOn = row.ClosedOn is { } closed && closed <= asAt ? closed : (DateOnly?)null;
            var status = closedOn is null ? NonconformityStatus.Open : NonconformityStatus.Closed;
            return new[]
            {
                row.Reference, row.Title, NonconformityLabels.Of(row.Grade), NonconformityLabels.Of(row.Source),
                string.Join(" ", new[] { row.SourceReference, row.SourceTitle }.Where(t => !string.IsNullOrEmpty(t))), x.ExternalReference, row.RequirementCode ?? "",
                row.OwnerName ?? "", Day(row.RaisedOn), row.DueOn is { } due ? Day(due) : "", closedOn is null ? "Not closed" : NonconformityLabels.Of(status),
                closedOn is { } c ? Day(c) : "", NonconformityRegister.AgeDays(status, row.RaisedOn, closedOn, asAt).ToString(Invariant),
                NonconformityRegister.IsOverdue(status, row.DueOn, asAt) ? "yes" : "no", x.Description, x.RootCause, x.Correction, closedOn is null ? "" : x.ClosureNote,
            };
        })));

        var ids = raised.Select(n => n.Row.Id).ToList();
        var references = raised.ToDictionary(n => n.Row.Id, n => n.Row.Reference);
        var checks = await db.EffectivenessChecks.AsNoTracking().Where(c => ids.Contains(c.NonconformityId) && c.CheckedOn <= asAt)
            .Select(c => new { c.NonconformityId, c.CheckedOn, c.CheckedBy, c.Effective, c.Note, c.RecordedAt }).ToListAsync(cancellationToken);
        pack.Add("nonconformities/effectiveness-checks.csv", Spreadsheets.Csv(["Nonconformity", "Checked on", "Checked by", "Effective", "Note"],
            checks.OrderBy(c => references[c.NonconformityId], StringComparer.Ordinal).ThenBy(c => c.CheckedOn).ThenBy(c => c.RecordedAt)
                .Select(c => new[] { references[c.NonconformityId], Day(c.CheckedOn), c.CheckedBy, c.Effective ? "yes" : "no", c.Note })));

        var (actions, text) = await CorrectiveActionRegister.AllAsync(db, new CorrectiveActionFilter(), cancellationToken);
        var raisedActions = actions.Where(a => a.RaisedOn <= asAt).ToList();
        pack.Add("nonconformities/corrective-actions.csv", Spreadsheets.Csv(CorrectiveActionExport.Columns, raisedActions.Select(a =>
        {
            var (description, outcome, control, risk) = text[a.Id];
            var finished = a.CompletedOn is { } completed && completed <= asAt && !a.IsOpen;
            var stop = finished ? a.CompletedOn!.Value : asAt;
            var overdue = !finished && a.DueOn is { } due && due < asAt ? asAt.DayNumber - due.DayNumber : (int?)null;
            return new[]
            {
                a.Reference, a.Title, CorrectiveActionLabels.Of(a.Source), a.SourceLabel ?? "", a.OwnerName ?? "", Day(a.RaisedOn), a.DueOn is { } d ? Day(d) : "",
                finished ? CorrectiveActionLabels.Of(a.Status) : "Open", finished ? Day(a.CompletedOn!.Value) : "", Math.Max(0, stop.DayNumber - a.RaisedOn.DayNumber).ToString(Invariant),
                overdue?.ToString(Invariant) ?? "", control ?? "", risk ?? "", description, finished ? outcome : "",
            };
        })));
        pack.Notes.Add($"nonconformities/: the {raised.Count} nonconformities raised on or before the as-at date, closed or not as judged by their closing dates " +
            $"(age and overdue as at that day), their effectiveness checks made by then, and the {raisedActions.Count} corrective actions recorded by then " +
            "(raised on = the day recorded), done or open as judged by completion dates.");
    }

    private async Task AddEvidenceIndexAsync(Pack pack, CancellationToken cancellationToken)
    {
        // The version of each item that was current on the day: the highest-numbered one collected by then.
        var versions = await db.EvidenceVersions.AsNoTracking().Where(v => v.CollectedOn <= pack.AsAt)
            .Join(db.EvidenceItems, v => v.EvidenceId, e => e.Id, (v, e) => new
            {
                v.EvidenceId, v.Number, e.Reference, e.Title, e.Kind, v.CollectedOn, v.ValidUntil, v.FileName, v.Url,
                Sha256 = db.EvidenceFiles.Where(f => f.Id == v.FileId).Select(f => f.Sha256).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var current = versions.GroupBy(v => v.EvidenceId).Select(g => g.MaxBy(v => v.Number)!).OrderBy(v => v.Reference, StringComparer.Ordinal).ToList();
        var controls = (await db.EvidenceLinks.AsNoTracking().Where(l => l.Target == Evidence.EvidenceTarget.Control)
                .Join(db.Controls, l => l.TargetId, c => c.Id, (l, c) => new { l.EvidenceId, c.Reference })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.EvidenceId, l => l.Reference);
        pack.Add("evidence/index.csv", Spreadsheets.Csv(["Reference", "Title", "Kind", "Version", "Controls", "Collected on", "Valid until", "Valid on the as-at date", "File name", "SHA-256", "Link"],
            current.Select(v => new[]
            {
                v.Reference, v.Title, v.Kind.ToString(), v.Number.ToString(Invariant), string.Join(", ", controls[v.EvidenceId].Order(StringComparer.Ordinal)),
                Day(v.CollectedOn), v.ValidUntil is { } until ? Day(until) : "", v.ValidUntil is { } u && u < pack.AsAt ? "expired" : "yes",
                v.FileName ?? "", v.Sha256 ?? "", v.Url ?? "",
            })));
        pack.Notes.Add($"evidence/: index.csv lists the {current.Count} evidence items collected on or before the as-at date, each in the version current then " +
            "(the latest collected by that day), with the SHA-256 under which the evidence store keeps its file. The files themselves are not in the pack.");
    }

    private static string Readme(Pack pack, string organization, string fingerprint)
    {
        var text = new StringBuilder();
        text.Append("AUDIT PACK\n==========\n\n");
        text.Append("An \"as at\" export of the information security management system's records for a certification auditor, made by Attest.\n\n");
        text.Append("Organization:  ").Append(organization).Append('\n');
        text.Append("As at:         end of ").Append(Day(pack.AsAt)).Append(" (").Append(pack.Zone.Id).Append(")\n");
        text.Append("Generated at:  ").Append(Utc(pack.GeneratedAt)).Append('\n');
        text.Append("Key:           ECDSA P-256, SHA-256 fingerprint ").Append(fingerprint).Append("\n\n");
        text.Append("WHAT EACH PART HOLDS, AND HOW IT IS DATED\n\n");
        text.Append("Records count when their own dates (approved, published, identified, raised, held, completed, collected, taken) fall on or before\n");
        text.Append("the as-at date in the organization's time zone. Where a record keeps no history, the pack says it shows the record as it stands now.\n\n");
        foreach (var note in pack.Notes) text.Append("- ").Append(note).Append("\n\n");
        text.Append("HOW TO VERIFY\n\n");
        text.Append("manifest.json lists every file of the pack (except manifest.json, manifest.sig and signing-key.pem) with its SHA-256 and size.\n");
        text.Append("manifest.sig is an ECDSA P-256 / SHA-256 signature of the exact bytes of manifest.json: DER, then base64.\n");
        text.Append("signing-key.pem is the organization's public key; compare its fingerprint with the one the organization shows on its\n");
        text.Append("audit pack page in Attest (and above).\n\n");
        text.Append("With Attest:\n    attest pack verify PACK.zip\n\n");
        text.Append("By hand (after unzipping):\n");
        text.Append("    openssl pkey -pubin -in signing-key.pem -outform DER | sha256sum     # the key fingerprint\n");
        text.Append("    base64 -d manifest.sig > manifest.sig.der\n");
        text.Append("    openssl dgst -sha256 -verify signing-key.pem -signature manifest.sig.der manifest.json\n");
        text.Append("    sha256sum FILE                                                     # compare with its \"sha256\" in manifest.json\n");
        return text.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";

    private static string Number(int? value) => value?.ToString(Invariant) ?? "";
}
