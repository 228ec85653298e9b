using System.Text.Json;
using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Soa;

public sealed record SoaDecisionInput(string Code, bool Applicable, InclusionReasons Reasons, string? Justification, int Version = 0);

/// <summary>Records whether an Annex A control applies and why; an exclusion must say why.</summary>
public sealed class SaveSoaDecision(AttestDbContext db)
{
    public async Task RunAsync(string frameworkKey, SoaDecisionInput input, CancellationToken cancellationToken = default)
    {
        var framework = await StatementOfApplicability.FrameworkAsync(db, frameworkKey, cancellationToken);
        var requirement = await db.Requirements.Where(r => r.FrameworkId == framework.Id && r.Code == input.Code && r.Kind == Frameworks.RequirementKind.Control)
            .Select(r => new { r.Id }).FirstOrDefaultAsync(cancellationToken)
            ?? throw ValidationFailedException.For(nameof(input.Code), $"{input.Code} is not an Annex A control of {framework.Name}.");
        var validation = new Validation().MaxLength(nameof(input.Justification), input.Justification, 4000);
        if (!input.Applicable && string.IsNullOrWhiteSpace(input.Justification))
        {
            validation.Add(nameof(input.Justification), $"is required when {input.Code} is excluded: say why it does not apply.");
        }
        if ((input.Reasons & ~(InclusionReasons.RiskTreatment | InclusionReasons.Legal | InclusionReasons.Contractual | InclusionReasons.BusinessNeed)) != 0)
        {
            validation.Add(nameof(input.Reasons), "must be a combination of RiskTreatment, Legal, Contractual and BusinessNeed.");
        }
        validation.ThrowIfInvalid();

        var decision = await db.SoaDecisions.FirstOrDefaultAsync(d => d.FrameworkId == framework.Id && d.RequirementId == requirement.Id, cancellationToken);
        if (decision is null)
        {
            decision = new SoaDecision { FrameworkId = framework.Id, RequirementId = requirement.Id };
            db.SoaDecisions.Add(decision);
            if (input.Version != 0) throw new EditConflictException("SoA entry");
        }
        else
        {
            db.Entry(decision).Property(d => d.Version).OriginalValue = input.Version;
        }
        decision.Applicable = input.Applicable;
        decision.Reasons = input.Applicable ? input.Reasons : InclusionReasons.None;
        decision.Justification = input.Justification?.Trim() ?? "";
        await db.SaveAsync("SoA entry", cancellationToken);
    }
}

/// <summary>Freezes the current draft as the next numbered version (1.0, 1.1 … or 2.0 when <c>major</c>).</summary>
public sealed class ApproveSoa(AttestDbContext db)
{
    public async Task<string> RunAsync(string frameworkKey, bool major, string? note, CancellationToken cancellationToken = default)
    {
        var draft = await StatementOfApplicability.DraftAsync(db, frameworkKey, cancellationToken);
        var missing = draft.Rows.Where(r => !r.Applicable && string.IsNullOrWhiteSpace(r.Justification)).Select(r => r.Code).ToList();
        if (missing.Count > 0)
        {
            throw ValidationFailedException.For("Justification", $"excluded controls need a justification before approval: {string.Join(", ", missing)}.");
        }
        new Validation().MaxLength("Note", note, 1000).ThrowIfInvalid();
        var latest = await db.SoaVersions.Where(v => v.FrameworkId == draft.FrameworkId)
            .OrderByDescending(v => v.Major).ThenByDescending(v => v.Minor)
            .Select(v => new { v.Major, v.Minor }).FirstOrDefaultAsync(cancellationToken);
        var (nextMajor, nextMinor) = latest is null ? (1, 0) : major ? (latest.Major + 1, 0) : (latest.Major, latest.Minor + 1);
        var version = new SoaVersion
        {
            FrameworkId = draft.FrameworkId,
            Major = nextMajor,
            Minor = nextMinor,
            ApprovedAt = Instant.Now(db.Clock),
            ApprovedBy = db.Acting.Actor,
            ApprovedByUserId = db.Acting.UserId,
            Note = note?.Trim() ?? "",
            Rows = JsonSerializer.Serialize(draft.Rows, StatementOfApplicability.Json),
        };
        db.SoaVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (DatabaseProvider.IsUniqueViolation(e))
        {
            throw new EditConflictException("Statement of Applicability");
        }
        return version.Number;
    }
}
