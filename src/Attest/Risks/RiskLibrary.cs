using Attest.Controls;
using Attest.Data;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;

namespace Attest.Risks;

/// <summary>
/// A common risk of an AI-services business, ready to add to a register. <see cref="Requirements"/> names, in the ISO notation, the
/// Annex A controls that usually treat it (ISO/IEC 27001 and ISO/IEC 42001).
/// </summary>
public sealed record LibraryRisk(string Key, string Title, string Category, string Threat, string Vulnerability, string Description, RiskTreatment SuggestedTreatment,
    string SuggestedPlan, string Requirements);

/// <summary>The library of common risks.</summary>
public static partial class RiskLibrary
{
    public static LibraryRisk? Find(string? key) => Entries.FirstOrDefault(e => string.Equals(e.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Adds a library risk to the register in one step: its text, and the organization's controls that implement the requirements it names —
/// implemented ones as controls in place, the others as planned treatment. The owner rates it afterwards.
/// </summary>
public sealed class AddRiskFromLibrary(AttestDbContext db, SaveRisk save)
{
    public async Task<Guid> RunAsync(string key, Guid? ownerId, CancellationToken cancellationToken = default)
    {
        var entry = RiskLibrary.Find(key) ?? throw ValidationFailedException.For("Key", $"'{key}' is not in the risk library.");
        var index = await RequirementIndex.LoadAsync(db, cancellationToken: cancellationToken);
        var requirements = IsoNotation.Parse(entry.Requirements, index, "Requirements");
        var controls = await db.ControlRequirements.AsNoTracking().Where(l => requirements.Contains(l.RequirementId))
            .Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => new { c.Id, c.Status })
            .Distinct().Take(30).ToListAsync(cancellationToken);
        return await save.RunAsync(null, new RiskInput(entry.Title, entry.Description, entry.Threat, entry.Vulnerability, entry.Category, ownerId,
            Treatment: entry.SuggestedTreatment, TreatmentPlan: entry.SuggestedPlan,
            Controls: controls.Where(c => c.Status != ImplementationStatus.NotApplicable)
                .Select(c => new RiskControlInput(c.Id, c.Status == ImplementationStatus.Implemented ? RiskControlRole.Existing : RiskControlRole.Planned)).ToList(),
            LibraryKey: entry.Key), cancellationToken);
    }
}
