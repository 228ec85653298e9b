using System.Text.Json;
using System.Text.Json.Serialization;
using Attest.Controls;
using Attest.Data;
using Attest.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace Attest.Soa;

/// <summary>One Annex A control in the SoA, with everything an auditor reads on its row.</summary>
public sealed record SoaRow(
    string Code,
    string Title,
    string Theme,
    bool Applicable,
    InclusionReasons Reasons,
    string Justification,
    ImplementationStatus Status,
    IReadOnlyList<string> Controls,
    IReadOnlyList<string> Policies,
    int EvidenceCount,
    /// <summary>Open risks treated by the implementing controls: why the control is applicable. Absent from versions approved before risks existed.</summary>
    IReadOnlyList<string>? Risks = null,
    /// <summary>"current", "stale" (an implementing control's evidence has expired) or "missing" (required and none); null when nothing is known.</summary>
    string? EvidenceState = null);

/// <summary>A Statement of Applicability: the live draft, or an approved version.</summary>
public sealed record SoaDocument(
    Guid FrameworkId,
    string FrameworkKey,
    string FrameworkName,
    string OrganizationName,
    string? Number,
    DateTimeOffset? ApprovedAt,
    string? ApprovedBy,
    string? Note,
    IReadOnlyList<SoaRow> Rows)
{
    public bool IsDraft => Number is null;
    public int Applicable => Rows.Count(r => r.Applicable);
    public int Excluded => Rows.Count(r => !r.Applicable);
    public int Implemented => Rows.Count(r => r.Applicable && r.Status == ImplementationStatus.Implemented);
}

public sealed record SoaVersionRow(Guid Id, string Number, DateTimeOffset ApprovedAt, string ApprovedBy, string Note);

public sealed record SoaChange(string Code, string Title, string Field, string Before, string After);

/// <summary>Builds SoAs: the draft live from the data, approved versions from their frozen rows.</summary>
public static class StatementOfApplicability
{
    /// <summary>Framework keys whose Annex A is kept in a Statement of Applicability.</summary>
    public static readonly IReadOnlyList<string> Frameworks = ["iso27001-2022", "iso42001-2023"];

    /// <summary>Up to this many implementing controls are named on a row; beyond it the row gives their number.</summary>
    public const int ListedControls = 20;

    internal static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static async Task<Framework> FrameworkAsync(AttestDbContext db, string key, CancellationToken cancellationToken = default)
    {
        if (!Frameworks.Contains(key)) throw ValidationFailedException.For("framework", $"'{key}' has no Statement of Applicability; use one of {string.Join(", ", Frameworks)}.");
        return await db.Frameworks.AsNoTracking().FirstOrDefaultAsync(f => f.Key == key, cancellationToken)
            ?? throw new RecordNotFoundException("Framework", key);
    }

    /// <summary>The draft, computed from decisions, controls and their links (three queries whatever the size).</summary>
    public static async Task<SoaDocument> DraftAsync(AttestDbContext db, string frameworkKey, CancellationToken cancellationToken = default)
    {
        var framework = await FrameworkAsync(db, frameworkKey, cancellationToken);
        var organizationName = await db.Organizations.Where(o => o.Id == framework.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        // Status per requirement from EXISTS probes that stop at the first matching control, and the number of
        // implementing controls from the link index: cheap however many controls implement a requirement.
        var links = db.ControlRequirements.AsNoTracking();
        var controls = db.Controls.AsNoTracking();
        var requirements = await db.Requirements.AsNoTracking()
            .Where(r => r.FrameworkId == framework.Id && r.Kind == RequirementKind.Control && !r.Withdrawn)
            .OrderBy(r => r.SortOrder)
            .Select(r => new
            {
                r.Id, r.Code, r.Title,
                Theme = db.Requirements.Where(p => p.Id == r.ParentId).Select(p => p.Title).FirstOrDefault() ?? "",
                Total = links.Count(l => l.RequirementId == r.Id),
                Implemented = links.Any(l => l.RequirementId == r.Id && controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.Implemented)),
                Partial = links.Any(l => l.RequirementId == r.Id && controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.PartiallyImplemented)),
                Planned = links.Any(l => l.RequirementId == r.Id && controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.Planned)),
                NotStarted = links.Any(l => l.RequirementId == r.Id && controls.Any(c => c.Id == l.ControlId && c.Status == ImplementationStatus.NotStarted)),
            })
            .ToListAsync(cancellationToken);
        var decisions = await db.SoaDecisions.AsNoTracking().Where(d => d.FrameworkId == framework.Id)
            .ToDictionaryAsync(d => d.RequirementId, cancellationToken);

        // Name the implementing controls where there are few enough to read; otherwise the row says how many.
        var listable = requirements.Where(r => r.Total is > 0 and <= ListedControls).Select(r => r.Id).ToList();
        var implementing = await links.Where(l => listable.Contains(l.RequirementId))
            .Join(controls, l => l.ControlId, c => c.Id, (l, c) => new { l.RequirementId, l.ControlId, c.Reference, c.EvidenceRequired, c.EvidenceFreshnessDays })
            .ToListAsync(cancellationToken);
        var references = implementing.ToLookup(l => l.RequirementId, l => l.Reference);

        // Evidence, in one query: items linked to the requirement itself or to a named implementing control, and whether each of those
        // controls' evidence is current (the same rule as everywhere: EvidenceFreshness.StateOf).
        var controlIds = implementing.Select(l => l.ControlId).Distinct().ToList();
        var requirementIds = requirements.Select(r => r.Id).ToList();
        // Two index ranges joined by UNION ALL (an OR of the two would scan every link).
        var evidence = await db.EvidenceLinks.AsNoTracking().Where(l => l.Target == Evidence.EvidenceTarget.Control && controlIds.Contains(l.TargetId))
            .Concat(db.EvidenceLinks.AsNoTracking().Where(l => l.Target == Evidence.EvidenceTarget.Requirement && requirementIds.Contains(l.TargetId)))
            .Join(db.EvidenceItems, l => l.EvidenceId, e => e.Id, (l, e) => new { l.Target, l.TargetId, l.EvidenceId, e.ValidUntil, e.CollectedOn })
            .ToListAsync(cancellationToken);
        var evidenceByControl = evidence.Where(e => e.Target == Evidence.EvidenceTarget.Control).ToLookup(e => e.TargetId);
        var evidenceByRequirement = evidence.Where(e => e.Target == Evidence.EvidenceTarget.Requirement).ToLookup(e => e.TargetId, e => e.EvidenceId);
        var today = DateOnly.FromDateTime(db.Clock.GetUtcNow().UtcDateTime);
        var controlStates = implementing.DistinctBy(l => l.ControlId).ToDictionary(l => l.ControlId, l =>
        {
            var items = evidenceByControl[l.ControlId].ToList();
            return Evidence.EvidenceFreshness.StateOf(l.EvidenceRequired, items.Count, items.Max(i => i.ValidUntil),
                items.Where(i => i.ValidUntil == null).Select(i => (DateOnly?)i.CollectedOn).Max(), l.EvidenceFreshnessDays, today).State;
        });
        var controlsOf = implementing.ToLookup(l => l.RequirementId, l => l.ControlId);
        (int Count, string? State) EvidenceOf(Guid requirementId)
        {
            var items = evidenceByRequirement[requirementId].Concat(controlsOf[requirementId].SelectMany(c => evidenceByControl[c].Select(e => e.EvidenceId))).Distinct().Count();
            var states = controlsOf[requirementId].Select(c => controlStates[c]).ToList();
            var state = states.Contains(Evidence.EvidenceState.Stale) ? "stale"
                : states.Contains(Evidence.EvidenceState.Missing) ? "missing"
                : items > 0 ? "current" : null;
            return (items, state);
        }
        // Published documents that address each control, by reference.
        var frameworkId = framework.Id;
        var policies = (await db.DocumentRequirements.AsNoTracking()
                .Join(db.DocumentVersions.Where(v => v.Status == Policies.DocumentVersionStatus.Published), l => l.VersionId, v => v.Id, (l, v) => new { l.RequirementId, v.DocumentId })
                .Join(db.Documents, x => x.DocumentId, d => d.Id, (x, d) => new { x.RequirementId, d.Reference })
                .Join(db.Requirements.Where(r => r.FrameworkId == frameworkId), x => x.RequirementId, r => r.Id, (x, _) => x)
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.RequirementId, p => p.Reference);

        // Open risks treated by the implementing controls, by reference: the risks that make each control applicable. Named where the
        // controls are few enough to name (as above); the SoA entry page lists them for any control.
        var risks = (await db.ControlRequirements.AsNoTracking()
                .Where(l => listable.Contains(l.RequirementId))
                .Join(db.RiskControls, l => l.ControlId, rc => rc.ControlId, (l, rc) => new { l.RequirementId, rc.RiskId })
                .Join(db.Risks.Where(r => r.Status != Risks.RiskStatus.Closed), x => x.RiskId, r => r.Id, (x, r) => new { x.RequirementId, r.Reference })
                .Distinct()
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.RequirementId, p => p.Reference);

        var rows = requirements.Select(r =>
        {
            var decision = decisions.GetValueOrDefault(r.Id);
            var applicable = decision?.Applicable ?? true;
            var status = applicable ? Combine(r.Implemented, r.Partial, r.Planned, r.NotStarted) : ImplementationStatus.NotApplicable;
            IReadOnlyList<string> shown = r.Total <= ListedControls ? references[r.Id].Order(StringComparer.Ordinal).ToList() : [$"{r.Total} controls"];
            var (evidence, evidenceState) = EvidenceOf(r.Id);
            return new SoaRow(r.Code, r.Title, r.Theme, applicable, decision?.Reasons ?? InclusionReasons.None, decision?.Justification ?? "",
                status, shown, policies[r.Id].Distinct().Order(StringComparer.Ordinal).ToList(), evidence, risks[r.Id].Order(StringComparer.Ordinal).ToList(),
                applicable ? evidenceState : null);
        }).ToList();
        return new SoaDocument(framework.Id, framework.Key, framework.Name, organizationName, null, null, null, null, rows);
    }

    /// <summary>An approved version by number ("1.0"), or the newest with "latest".</summary>
    public static async Task<SoaDocument> VersionAsync(AttestDbContext db, string frameworkKey, string number, CancellationToken cancellationToken = default)
    {
        var framework = await FrameworkAsync(db, frameworkKey, cancellationToken);
        var versions = db.SoaVersions.AsNoTracking().Where(v => v.FrameworkId == framework.Id);
        SoaVersion? version;
        if (number is "latest")
        {
            version = await versions.OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor).FirstOrDefaultAsync(cancellationToken);
            if (version is null) throw ValidationFailedException.For("version", $"no Statement of Applicability for {frameworkKey} has been approved yet.");
        }
        else
        {
            var parts = number.Split('.');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var major) || !int.TryParse(parts[1], out var minor))
            {
                throw ValidationFailedException.For("version", $"'{number}' is not a version number such as 1.0, or 'latest'.");
            }
            version = await versions.FirstOrDefaultAsync(v => v.Major == major && v.Minor == minor, cancellationToken)
                ?? throw ValidationFailedException.For("version", $"version {number} of the {frameworkKey} Statement of Applicability does not exist.");
        }
        var organizationName = await db.Organizations.Where(o => o.Id == framework.OrganizationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return new SoaDocument(framework.Id, framework.Key, framework.Name, organizationName, version.Number, version.ApprovedAt, version.ApprovedBy, version.Note,
            JsonSerializer.Deserialize<List<SoaRow>>(version.Rows, Json)!);
    }

    public static async Task<IReadOnlyList<SoaVersionRow>> VersionsAsync(AttestDbContext db, string frameworkKey, CancellationToken cancellationToken = default)
    {
        var framework = await FrameworkAsync(db, frameworkKey, cancellationToken);
        return await db.SoaVersions.AsNoTracking().Where(v => v.FrameworkId == framework.Id)
            .OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
            .Select(v => new SoaVersionRow(v.Id, v.Major + "." + v.Minor, v.ApprovedAt, v.ApprovedBy, v.Note))
            .ToListAsync(cancellationToken);
    }

    /// <summary>What differs between two SoAs, control by control and field by field.</summary>
    public static IReadOnlyList<SoaChange> Compare(SoaDocument before, SoaDocument after)
    {
        var changes = new List<SoaChange>();
        var old = before.Rows.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var row in after.Rows)
        {
            if (!old.Remove(row.Code, out var was))
            {
                changes.Add(new SoaChange(row.Code, row.Title, "Control", "(not present)", "added"));
                continue;
            }
            void Check(string field, string a, string b)
            {
                if (a != b) changes.Add(new SoaChange(row.Code, row.Title, field, a, b));
            }
            Check("Applicable", YesNo(was.Applicable), YesNo(row.Applicable));
            Check("Reasons", Describe(was.Reasons), Describe(row.Reasons));
            Check("Justification", was.Justification, row.Justification);
            Check("Status", Describe(was.Status), Describe(row.Status));
            Check("Controls", string.Join(", ", was.Controls), string.Join(", ", row.Controls));
            Check("Policies", string.Join(", ", was.Policies), string.Join(", ", row.Policies));
            Check("Evidence", was.EvidenceCount.ToString(System.Globalization.CultureInfo.InvariantCulture), row.EvidenceCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        changes.AddRange(old.Values.Select(r => new SoaChange(r.Code, r.Title, "Control", "present", "(removed)")));
        return changes;
    }

    /// <summary>
    /// A requirement's status from which statuses occur among the controls that implement it (controls marked
    /// not applicable are ignored): all implemented → implemented; some implemented or partial → partially; else planned or not started.
    /// </summary>
    public static ImplementationStatus Combine(bool anyImplemented, bool anyPartial, bool anyPlanned, bool anyNotStarted) =>
        anyImplemented && !anyPartial && !anyPlanned && !anyNotStarted ? ImplementationStatus.Implemented
        : anyImplemented || anyPartial ? ImplementationStatus.PartiallyImplemented
        : anyPlanned ? ImplementationStatus.Planned
        : ImplementationStatus.NotStarted;

    public static string YesNo(bool value) => value ? "Yes" : "No";

    public static string Describe(ImplementationStatus status) => status switch
    {
        ImplementationStatus.NotStarted => "Not started",
        ImplementationStatus.Planned => "Planned",
        ImplementationStatus.PartiallyImplemented => "Partially implemented",
        ImplementationStatus.Implemented => "Implemented",
        ImplementationStatus.NotApplicable => "Not applicable",
        _ => status.ToString(),
    };

    public static string Describe(InclusionReasons reasons) => reasons == InclusionReasons.None ? "" : string.Join(", ",
        new[] { (InclusionReasons.RiskTreatment, "Risk treatment"), (InclusionReasons.Legal, "Legal"), (InclusionReasons.Contractual, "Contractual"), (InclusionReasons.BusinessNeed, "Business need") }
            .Where(r => reasons.HasFlag(r.Item1)).Select(r => r.Item2));
}

/// <summary>Loads "draft" (the live SoA), "latest" or a version number such as "1.0".</summary>
public static class SoaDocuments
{
    public static Task<SoaDocument> LoadAsync(AttestDbContext db, string frameworkKey, string? version, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(version) || version == "draft"
            ? StatementOfApplicability.DraftAsync(db, frameworkKey, cancellationToken)
            : StatementOfApplicability.VersionAsync(db, frameworkKey, version, cancellationToken);

    /// <summary>What changed from one SoA to another; the same SoA named twice is read once.</summary>
    public static async Task<IReadOnlyList<SoaChange>> CompareAsync(AttestDbContext db, string frameworkKey, string? from, string? to, CancellationToken cancellationToken = default)
    {
        static string Name(string? version) => string.IsNullOrEmpty(version) ? "draft" : version;
        var earlier = await LoadAsync(db, frameworkKey, from, cancellationToken);
        var later = Name(from) == Name(to) ? earlier : await LoadAsync(db, frameworkKey, to, cancellationToken);
        return StatementOfApplicability.Compare(earlier, later);
    }
}

/// <summary>A SoA version (or the draft) rendered as a download, the same for the UI, the API and the CLI.</summary>
public sealed record SoaFile(byte[] Content, string ContentType, string FileName, SoaDocument Document);

public static class SoaFiles
{
    public static async Task<SoaFile> RenderAsync(AttestDbContext db, string frameworkKey, string? version, string? format, CancellationToken cancellationToken = default)
    {
        var kind = SoaExport.ParseFormat(format ?? "xlsx");
        var document = await SoaDocuments.LoadAsync(db, frameworkKey, version, cancellationToken);
        using var output = new MemoryStream();
        SoaExport.Write(document, kind, output, db.Clock.GetUtcNow());
        return new SoaFile(output.ToArray(), SoaExport.ContentType(kind), SoaExport.FileName(document, kind), document);
    }
}
