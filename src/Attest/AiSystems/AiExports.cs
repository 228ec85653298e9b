using System.Globalization;
using System.Text;
using Attest.Assets;
using Attest.Data;
using Attest.Documents;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Attest.AiSystems;

/// <summary>
/// Writes one impact assessment out as Markdown or PDF: an approved version exactly as it was frozen, or the working
/// copy as it stands. Both open with the control block an auditor looks for (status, version, who reviewed and
/// approved it, when it is next due) and then follow the assessment in ISO/IEC 42005 order.
/// </summary>
public static class ImpactAssessmentExport
{
    /// <summary>The formats <see cref="RenderAsync"/> writes.</summary>
    public static readonly IReadOnlyList<string> Formats = ["md", "pdf"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly string[] ImpactColumns = ["Dimension", "Benefit or harm", "Description", "Inherent rating", "Mitigation", "Controls", "Residual rating"];

    /// <summary>
    /// The assessment in <paramref name="format"/> (<c>md</c> or <c>pdf</c>), with its media type and a download name such
    /// as <c>AIA-003-triage-agent-v1.0.pdf</c> (or <c>…-draft.pdf</c> for the working copy).
    /// </summary>
    /// <param name="versionNumber">An approved version ("1.0", "v1.0", or "latest" for the latest approved); null for the working copy.</param>
    /// <exception cref="ValidationFailedException">The format is not one of <see cref="Formats"/> (field <c>format</c>).</exception>
    /// <exception cref="RecordNotFoundException">No such assessment in the acting organization, or no such version of it.</exception>
    public static async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(
        AttestDbContext db, Guid assessmentId, string? versionNumber, string format, DateTimeOffset generatedAt, CancellationToken cancellationToken = default)
    {
        var extension = format?.Trim().ToLowerInvariant() switch
        {
            "md" or "markdown" => "md",
            "pdf" => "pdf",
            _ => throw ValidationFailedException.For("format", $"'{format}' is not an impact assessment export format; use one of {string.Join(", ", Formats)}."),
        };
        var exported = versionNumber is null
            ? await WorkingCopyAsync(db, assessmentId, generatedAt, cancellationToken)
            : await FrozenAsync(db, assessmentId, versionNumber, generatedAt, cancellationToken);
        return extension == "md"
            ? (Utf8.GetBytes(ToMarkdown(exported)), "text/markdown; charset=utf-8", exported.FileName("md"))
            : (PdfDocumentWriter.Write(ToPrintable(exported), generatedAt), "application/pdf", exported.FileName("pdf"));
    }

    /// <summary>Everything an export prints: the content, what the heading says about its version, and the control block.</summary>
    internal sealed record ExportedAssessment(AssessmentContent Content, string? Number, string VersionLine, IReadOnlyList<(string Key, string Value)> Control)
    {
        /// <summary>Named as policies are (<c>AIA-003-triage-agent-v1.0.pdf</c>); the working copy ends in <c>-draft</c> instead of a version.</summary>
        public string FileName(string extension)
        {
            var name = PolicyExport.FileName(Content.Reference, Content.Title, Number ?? "0", extension);
            return Number is null ? name[..^$"-v0.{extension}".Length] + "-draft." + extension : name;
        }
    }

    private static async Task<ExportedAssessment> WorkingCopyAsync(AttestDbContext db, Guid id, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var detail = await ImpactAssessmentQueries.DetailAsync(db, id, cancellationToken);
        var status = ImpactAssessmentWorkflow.Describe(detail.Status);
        var latest = detail.Versions.FirstOrDefault(v => v.Number == detail.ApprovedNumber);
        var approved = detail.Status == AssessmentStatus.Approved && latest is not null;
        var control = new List<(string, string)>
        {
            ("Reference", detail.Content.Reference),
            ("Title", detail.Content.Title),
            ("Version", detail.ApprovedNumber.Length > 0 ? $"Working draft (latest approved version {detail.ApprovedNumber})" : "Working draft (never approved)"),
            ("Status", Capitalized(status) + (detail.Status == AssessmentStatus.InReview && detail.SubmittedAt is { } submitted ? $" (submitted {Utc(submitted)})" : "")),
            ("Approved by", approved ? latest!.ApprovedBy : $"Not yet approved (approver: {detail.Approver ?? "not named"})"),
            ("Approved at", approved ? Utc(latest!.ApprovedAt) : "Not yet approved"),
            ("Reviewed by", (detail.Reviewer ?? "Not named") + (detail.ReviewedAt is { } reviewed ? $" (reviewed {Utc(reviewed)})" : " (review pending)")),
            ("Next review", NextReview(detail.NextReviewOn)),
            ("Reassessment due", Due(detail.Due, detail.ReassessmentReason)),
            ("Generated at", Utc(generatedAt)),
        };
        return new ExportedAssessment(detail.Content, null, $"working draft, status {status}", control);
    }

    private static async Task<ExportedAssessment> FrozenAsync(AttestDbContext db, Guid id, string versionNumber, DateTimeOffset generatedAt, CancellationToken cancellationToken)
    {
        var header = await db.ImpactAssessments.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.ApprovedNumber, a.ReassessmentDue, a.ReassessmentReason, a.NextReviewOn })
            .FirstOrDefaultAsync(cancellationToken) ?? throw new RecordNotFoundException("Impact assessment", id);
        var wanted = versionNumber.Trim().TrimStart('v', 'V');
        if (wanted.Equals("latest", StringComparison.OrdinalIgnoreCase))
        {
            wanted = header.ApprovedNumber.Length > 0 ? header.ApprovedNumber : throw new RecordNotFoundException("Impact assessment version", versionNumber);
        }
        var frozen = await ImpactAssessmentQueries.VersionAsync(db, id, wanted, cancellationToken);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var due = ImpactAssessmentQueries.IsDue(header.ApprovedNumber, header.ReassessmentDue, header.NextReviewOn, today);
        var version = frozen.Version;
        var control = new List<(string, string)>
        {
            ("Reference", frozen.Content.Reference),
            ("Title", frozen.Content.Title),
            ("Version", version.Number),
            ("Status", version.Number == header.ApprovedNumber ? "Approved (latest approved version)" : $"Approved, superseded by version {header.ApprovedNumber}"),
            ("Approved by", version.ApprovedBy),
            ("Approved at", Utc(version.ApprovedAt)),
            ("Reviewed by", version.ReviewedBy.Length > 0 ? version.ReviewedBy : "Not recorded"),
            ("Next review", NextReview(header.NextReviewOn)),
            ("Reassessment due", Due(due, header.ReassessmentReason)),
            ("Generated at", Utc(generatedAt)),
        };
        return new ExportedAssessment(frozen.Content, version.Number, $"version {version.Number}", control);
    }

    // The SoA export's escaping: pipes, line breaks and Markdown punctuation in free text cannot break a table or change how it renders.
    private static string MarkdownText(string value) => Soa.SoaExport.MarkdownText(value);

    private static string NextReview(DateOnly? on) => on?.ToString("yyyy-MM-dd", Invariant) ?? "Not set";

    private static string Due(bool due, string reason)
    {
        if (!due) return "No";
        var reasons = string.Join("; ", reason.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return reasons.Length > 0 ? $"Yes: {reasons}" : "Yes: the scheduled review date has passed";
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"4 × 4 = 16 (high)": the two ratings, their product on the 25-point scale and its level.</summary>
    public static string Rating(int severity, int likelihood) =>
        $"{severity} × {likelihood} = {ImpactScale.Score(severity, likelihood).ToString(Invariant)} ({ImpactScale.Level(severity, likelihood)})";

    private static string Nature(ImpactNature nature) => nature == ImpactNature.Benefit ? "Benefit" : "Harm";

    private static string[] ImpactCells(AssessmentContent.ImpactLine impact) =>
    [
        ImpactScale.Of(impact.Dimension),
        Nature(impact.Nature),
        impact.Description,
        Rating(impact.Severity, impact.Likelihood),
        impact.Mitigation.Length > 0 ? impact.Mitigation : "None",
        impact.Controls.Count > 0 ? string.Join(", ", impact.Controls) : "None",
        Rating(impact.ResidualSeverity, impact.ResidualLikelihood),
    ];

    /// <summary>The impacts of each affected party in the order the parties are listed, then any whose party is no longer listed.</summary>
    private static IEnumerable<(string Heading, IReadOnlyList<AssessmentContent.ImpactLine> Impacts)> ImpactGroups(AssessmentContent content)
    {
        var byParty = content.Impacts.ToLookup(i => i.AffectedPartyId);
        foreach (var party in content.AffectedParties)
        {
            yield return ($"{party.Name} ({ImpactScale.Of(party.Kind)})", byParty[party.Id].ToList());
        }
        var listed = content.AffectedParties.Select(p => p.Id).ToHashSet();
        foreach (var orphans in content.Impacts.Where(i => !listed.Contains(i.AffectedPartyId)).GroupBy(i => i.AffectedPartyId))
        {
            yield return (orphans.First().AffectedParty is { Length: > 0 } name ? name : "Unnamed party", orphans.ToList());
        }
    }

    internal static string ToMarkdown(ExportedAssessment exported)
    {
        var content = exported.Content;
        var text = new StringBuilder();
        text.Append("# ").Append(MarkdownText($"{content.Reference} {content.Title}")).Append(" \u2014 ").Append(exported.VersionLine).Append("\n\n");

        text.Append("## Assessment control\n\n| Assessment control | |\n|---|---|\n");
        foreach (var (key, value) in exported.Control) text.Append("| ").Append(key).Append(" | ").Append(MarkdownText(value)).Append(" |\n");

        text.Append("\n## AI systems covered\n\n");
        MarkdownTable(text, ["Reference", "Name", "Service category"], content.Systems.Select(s => new[] { s.Reference, s.Name, s.Category.ToString() }), "No AI system named.");

        text.Append("\n## Scope and intended use\n\n").Append(Prose(content.ScopeAndIntendedUse));
        text.Append("\n## System description\n\n").Append(Prose(content.SystemDescription));

        text.Append("\n## Affected parties\n\n");
        MarkdownTable(text, ["Affected party", "Kind", "Description"],
            content.AffectedParties.Select(p => new[] { p.Name, ImpactScale.Of(p.Kind), p.Description }), "No affected party recorded.");

        text.Append("\n## Impacts\n");
        var groups = ImpactGroups(content).ToList();
        if (groups.Count == 0) text.Append("\nNo impact recorded.\n");
        foreach (var (heading, impacts) in groups)
        {
            text.Append("\n### ").Append(MarkdownText(heading)).Append("\n\n");
            MarkdownTable(text, ImpactColumns, impacts.Select(ImpactCells), "No impact recorded for this party.");
        }

        text.Append("\n## Stakeholder input\n\n");
        MarkdownTable(text, ["Who", "When", "What they said"],
            content.StakeholderInput.Select(s => new[] { s.Who, s.On.ToString("yyyy-MM-dd", Invariant), s.Said }), "No stakeholder input recorded.");

        text.Append("\n## Conclusion\n\n").Append(Prose(content.Conclusion));
        return text.ToString();
    }

    private static void MarkdownTable(StringBuilder text, IReadOnlyList<string> headers, IEnumerable<string[]> rows, string empty)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            text.Append(empty).Append('\n');
            return;
        }
        text.Append("| ").AppendJoin(" | ", headers).Append(" |\n|").Append(string.Concat(headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in list) text.Append("| ").AppendJoin(" | ", row.Select(MarkdownText)).Append(" |\n");
    }

    /// <summary>
    /// The author's own paragraphs, kept as written (lists and emphasis still render) except that raw HTML cannot: an
    /// assessment is not a web page, and a viewer that renders HTML in Markdown must not run what someone typed.
    /// </summary>
    private static string Prose(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return text.Length == 0 ? "Not written yet.\n" : text.Replace("<", "\\<", StringComparison.Ordinal) + "\n";
    }

    internal static PrintableDocument ToPrintable(ExportedAssessment exported)
    {
        var content = exported.Content;
        var blocks = new List<DocumentBlock> { new KeyValueTable(exported.Control) };

        blocks.Add(new Heading("AI systems covered", 1));
        blocks.Add(content.Systems.Count == 0
            ? new Paragraph("No AI system named.")
            : new Table(["Reference", "Name", "Service category"], content.Systems.Select(s => (IReadOnlyList<string>)[s.Reference, s.Name, s.Category.ToString()]).ToList(), [1, 3, 1.5]));

        blocks.Add(new Heading("Scope and intended use", 1));
        blocks.Add(new Paragraph(PlainProse(content.ScopeAndIntendedUse)));
        blocks.Add(new Heading("System description", 1));
        blocks.Add(new Paragraph(PlainProse(content.SystemDescription)));

        blocks.Add(new Heading("Affected parties", 1));
        blocks.Add(content.AffectedParties.Count == 0
            ? new Paragraph("No affected party recorded.")
            : new Table(["Affected party", "Kind", "Description"],
                content.AffectedParties.Select(p => (IReadOnlyList<string>)[p.Name, ImpactScale.Of(p.Kind), p.Description]).ToList(), [2, 1.5, 5]));

        blocks.Add(new Heading("Impacts", 1));
        var groups = ImpactGroups(content).ToList();
        if (groups.Count == 0) blocks.Add(new Paragraph("No impact recorded."));
        foreach (var (heading, impacts) in groups)
        {
            blocks.Add(new Heading(heading, 2));
            blocks.Add(impacts.Count == 0
                ? new Paragraph("No impact recorded for this party.")
                : new Table(ImpactColumns, impacts.Select(i => (IReadOnlyList<string>)ImpactCells(i)).ToList(), [1.4, 0.8, 3, 1.5, 2.5, 0.9, 1.5]));
        }

        blocks.Add(new Heading("Stakeholder input", 1));
        blocks.Add(content.StakeholderInput.Count == 0
            ? new Paragraph("No stakeholder input recorded.")
            : new Table(["Who", "When", "What they said"],
                content.StakeholderInput.Select(s => (IReadOnlyList<string>)[s.Who, s.On.ToString("yyyy-MM-dd", Invariant), s.Said]).ToList(), [2, 1, 6]));

        blocks.Add(new Heading("Conclusion", 1));
        blocks.Add(new Paragraph(PlainProse(content.Conclusion)));

        return new PrintableDocument($"{content.Reference} {content.Title}", Capitalized(exported.VersionLine), blocks) { Landscape = true };
    }

    private static string PlainProse(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return text.Length == 0 ? "Not written yet." : text;
    }
}

/// <summary>
/// The AI system register as a workbook: one row per AI system with its ISO/IEC 42001 record, the models and datasets
/// it relies on, its baseline coverage and its latest approved impact assessment; and a second sheet listing every
/// requirement a system's baseline asks for that no implemented control of the system meets.
/// </summary>
public static class AiRegistryExport
{
    /// <summary>Name of the sheet with one row per AI system.</summary>
    public const string SystemsSheetName = "AI systems";

    /// <summary>Name of the sheet with one row per system and unmet baseline requirement.</summary>
    public const string GapsSheetName = "Coverage gaps";

    /// <summary>
    /// The workbook, in a fixed number of queries whatever the number of systems: systems with their assets, owners and
    /// classes; the models and datasets; the approved assessments and their versions; and the coverage (<see cref="AiCoverage.RunAsync"/>).
    /// Systems are listed by reference. Retired systems are listed too, with their coverage left empty (coverage counts only systems in service).
    /// </summary>
    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var systems = await db.AiSystems.AsNoTracking()
            .Join(db.Assets, s => s.AssetId, a => a.Id, (s, a) => new { System = s, a.Reference, a.Name, a.OwnerId })
            .Select(x => new
            {
                x.System, x.Reference, x.Name,
                Owner = db.Users.Where(u => u.Id == x.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
                Class = db.AiSystemClasses.Where(c => c.Id == x.System.ClassId).Select(c => c.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        // Every "uses" and "trained on" link out of an AI system or a model: enough to name each system's models and the datasets behind them.
        var links = await db.AssetDependencies.AsNoTracking()
            .Where(d => d.Kind == DependencyKind.Uses || d.Kind == DependencyKind.TrainedOn)
            .Join(db.Assets, d => d.FromAssetId, a => a.Id, (d, from) => new { d.FromAssetId, d.ToAssetId, d.Kind, FromType = from.Type })
            .Where(x => x.FromType == AssetType.AiSystem || x.FromType == AssetType.AiModel)
            .Join(db.Assets, x => x.ToAssetId, a => a.Id, (x, to) => new { x.FromAssetId, x.Kind, to.Id, to.Name, to.Type, to.VersionLabel })
            .ToListAsync(cancellationToken);
        var outOf = links.ToLookup(l => l.FromAssetId);

        var approved = await db.ImpactAssessmentSystems.AsNoTracking()
            .Join(db.ImpactAssessments.Where(a => a.ApprovedNumber != ""), l => l.AssessmentId, a => a.Id,
                (l, a) => new { l.AiSystemId, a.Id, a.Reference, a.ApprovedNumber, a.ReassessmentDue, a.NextReviewOn })
            .ToListAsync(cancellationToken);
        var approvedAt = (await db.ImpactAssessmentVersions.AsNoTracking()
                .Where(v => db.ImpactAssessments.Any(a => a.Id == v.AssessmentId && a.ApprovedNumber != ""))
                .Select(v => new { v.AssessmentId, v.ApprovedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(v => v.AssessmentId)
            .ToDictionary(g => g.Key, g => g.Max(v => v.ApprovedAt));
        var latestBySystem = approved.GroupBy(a => a.AiSystemId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => approvedAt.GetValueOrDefault(a.Id)).ThenByDescending(a => a.Reference, StringComparer.Ordinal).First());

        var coverage = (await AiCoverage.RunAsync(db, cancellationToken: cancellationToken)).Rows.ToDictionary(r => r.Id);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);

        var rows = new List<SystemRow>(systems.Count);
        var gaps = new List<GapRow>();
        foreach (var x in systems.OrderBy(s => s.Reference, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            var s = x.System;
            var models = outOf[s.AssetId].Where(l => l.Kind == DependencyKind.Uses && l.Type == AssetType.AiModel).DistinctBy(l => l.Id).ToList();
            var datasets = outOf[s.AssetId].Concat(models.SelectMany(m => outOf[m.Id]))
                .Where(l => l.Kind == DependencyKind.TrainedOn).DistinctBy(l => l.Id).ToList();
            var covered = coverage.GetValueOrDefault(s.Id);
            var latest = latestBySystem.GetValueOrDefault(s.Id);
            rows.Add(new SystemRow(
                x.Reference, x.Name, s.ServiceCategory.ToString(), x.Class ?? "", s.Purpose, s.IntendedUse, s.ClientsServed,
                Names(models.Select(m => (m.Name, m.VersionLabel))), Names(datasets.Select(d => (d.Name, d.VersionLabel))),
                Describe(s.Deployment), s.Regions, Capitalized(AiLabels.Of(s.Autonomy)), s.HumanOversight,
                YesNo(s.DisclaimerRequired), YesNo(s.DisclaimerImplemented), s.DisclaimerWhere,
                Capitalized(AiLabels.Of(s.EuAiActCategory)), s.EuAiActReason, s.Stage.ToString(), x.Owner ?? "",
                covered?.Required, covered?.Implemented, covered is null ? "" : string.Join(", ", covered.Gaps.Select(g => g.Code)),
                latest is null ? "None" : $"{latest.Reference} v{latest.ApprovedNumber}",
                latest is null ? "" : YesNo(ImpactAssessmentQueries.IsDue(latest.ApprovedNumber, latest.ReassessmentDue, latest.NextReviewOn, today))));
            if (covered is null) continue;
            gaps.AddRange(covered.Gaps.Select(g => new GapRow(x.Reference, x.Name, covered.Class ?? "", g.FrameworkKey, g.Code, g.Title)));
        }

        using var buffer = new MemoryStream();
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            StyleOptions = new OpenXmlStyleOptions { WrapCellContents = true, VerticalAlignment = VerticalCellAlignment.Top },
        };
        var sheets = new Dictionary<string, object> { [SystemsSheetName] = rows, [GapsSheetName] = gaps };
        MiniExcel.SaveAs(buffer, sheets, printHeader: true, excelType: ExcelType.XLSX, configuration: configuration);
        return buffer.ToArray();
    }

    private static string Names(IEnumerable<(string Name, string Version)> assets) =>
        string.Join("; ", assets.Select(a => a.Version.Length > 0 ? $"{a.Name} ({a.Version})" : a.Name).Order(StringComparer.Ordinal));

    private static string Describe(DeploymentModel deployment) => deployment == DeploymentModel.OnPremises ? "On premises" : deployment.ToString();

    private static string YesNo(bool value) => value ? "Yes" : "No";

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    // Typed rows, so each sheet has its header even when it has no rows, and the counts stay numbers.
    private sealed record SystemRow(
        [property: ExcelColumnName("Reference"), ExcelColumnWidth(12)] string Reference,
        [property: ExcelColumnName("Name"), ExcelColumnWidth(28)] string Name,
        [property: ExcelColumnName("Service category"), ExcelColumnWidth(14)] string ServiceCategory,
        [property: ExcelColumnName("Class"), ExcelColumnWidth(20)] string Class,
        [property: ExcelColumnName("Purpose"), ExcelColumnWidth(40)] string Purpose,
        [property: ExcelColumnName("Intended use"), ExcelColumnWidth(40)] string IntendedUse,
        [property: ExcelColumnName("Clients served"), ExcelColumnWidth(28)] string ClientsServed,
        [property: ExcelColumnName("Models used"), ExcelColumnWidth(30)] string Models,
        [property: ExcelColumnName("Datasets"), ExcelColumnWidth(30)] string Datasets,
        [property: ExcelColumnName("Deployment"), ExcelColumnWidth(12)] string Deployment,
        [property: ExcelColumnName("Regions"), ExcelColumnWidth(16)] string Regions,
        [property: ExcelColumnName("Autonomy"), ExcelColumnWidth(18)] string Autonomy,
        [property: ExcelColumnName("Human oversight"), ExcelColumnWidth(36)] string HumanOversight,
        [property: ExcelColumnName("Disclaimer required"), ExcelColumnWidth(10)] string DisclaimerRequired,
        [property: ExcelColumnName("Disclaimer implemented"), ExcelColumnWidth(10)] string DisclaimerImplemented,
        [property: ExcelColumnName("Disclaimer shown where"), ExcelColumnWidth(24)] string DisclaimerWhere,
        [property: ExcelColumnName("EU AI Act category"), ExcelColumnWidth(14)] string EuAiActCategory,
        [property: ExcelColumnName("EU AI Act reason"), ExcelColumnWidth(36)] string EuAiActReason,
        [property: ExcelColumnName("Stage"), ExcelColumnWidth(12)] string Stage,
        [property: ExcelColumnName("Owner"), ExcelColumnWidth(20)] string Owner,
        [property: ExcelColumnName("Required"), ExcelColumnWidth(10)] int? Required,
        [property: ExcelColumnName("Implemented"), ExcelColumnWidth(12)] int? Implemented,
        [property: ExcelColumnName("Gaps"), ExcelColumnWidth(24)] string Gaps,
        [property: ExcelColumnName("Latest approved assessment"), ExcelColumnWidth(18)] string LatestAssessment,
        [property: ExcelColumnName("Reassessment due"), ExcelColumnWidth(12)] string ReassessmentDue);

    private sealed record GapRow(
        [property: ExcelColumnName("Reference"), ExcelColumnWidth(12)] string Reference,
        [property: ExcelColumnName("AI system"), ExcelColumnWidth(28)] string AiSystem,
        [property: ExcelColumnName("Class"), ExcelColumnWidth(20)] string Class,
        [property: ExcelColumnName("Framework"), ExcelColumnWidth(16)] string Framework,
        [property: ExcelColumnName("Requirement"), ExcelColumnWidth(12)] string Requirement,
        [property: ExcelColumnName("Title"), ExcelColumnWidth(50)] string Title);
}
