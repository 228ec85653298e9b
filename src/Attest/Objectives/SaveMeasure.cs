using Attest.Data;
using Microsoft.EntityFrameworkCore;

namespace Attest.Objectives;

/// <summary>
/// A measure as forms and the API send it. A computed measure names a <see cref="LibraryKey"/> of <see cref="MeasureLibrary"/>; a manual
/// one says in <see cref="DataSourceNote"/> where its values come from. An empty <see cref="Position"/> puts a new measure last.
/// </summary>
public sealed record MeasureInput(
    Guid ObjectiveId,
    string Title,
    MeasureSource Source,
    TargetComparison Comparison,
    decimal Target,
    MeasureDirection Direction,
    MeasureUnit Unit,
    string? LibraryKey = null,
    string? DataSourceNote = null,
    decimal? AmberThreshold = null,
    MeasureFrequency Frequency = MeasureFrequency.Monthly,
    Guid? OwnerId = null,
    int? Position = null,
    bool Retired = false,
    string? Description = null,
    int Version = 0);

/// <summary>
/// Adds or updates a measure of an objective (clause 9.1): its source, target and comparison, the direction that is better, an amber
/// threshold on the bad side of the target, unit, frequency and owner. Retiring keeps it with its values and stops its snapshots.
/// The measure's objective does not change once it is created.
/// </summary>
public sealed class SaveMeasure(AttestDbContext db)
{
    public async Task<Guid> RunAsync(Guid? id, MeasureInput input, CancellationToken cancellationToken = default)
    {
        Measure? measure = null;
        if (id is not null)
        {
            measure = await db.Measures.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) ?? throw new RecordNotFoundException("Measure", id);
        }
        var objectiveId = measure?.ObjectiveId ?? input.ObjectiveId;
        var validation = new Validation()
            .Required(nameof(input.Title), input.Title, 300)
            .MaxLength(nameof(input.Description), input.Description, 4000)
            .MaxLength(nameof(input.DataSourceNote), input.DataSourceNote, 1000)
            .Defined(nameof(input.Source), input.Source)
            .Defined(nameof(input.Comparison), input.Comparison)
            .Defined(nameof(input.Direction), input.Direction)
            .Defined(nameof(input.Unit), input.Unit)
            .Defined(nameof(input.Frequency), input.Frequency);
        if (measure is null && !await db.Objectives.AnyAsync(o => o.Id == objectiveId, cancellationToken))
        {
            validation.Add(nameof(input.ObjectiveId), "is not an objective of this organization.");
        }
        await Context.OwnerRule.CheckAsync(db, validation, input.OwnerId, cancellationToken);

        var key = string.IsNullOrWhiteSpace(input.LibraryKey) ? null : input.LibraryKey.Trim();
        if (input.Source == MeasureSource.Computed)
        {
            if (key is null) validation.Add(nameof(input.LibraryKey), "is required for a computed measure: name a measure of the library.");
            else if (MeasureLibrary.Find(key) is null) validation.Add(nameof(input.LibraryKey), $"'{key}' is not a named measure of the library.");
        }
        else if (input.Source == MeasureSource.Manual)
        {
            if (key is not null) validation.Add(nameof(input.LibraryKey), "must be empty for a manual measure.");
            if (string.IsNullOrWhiteSpace(input.DataSourceNote)) validation.Add(nameof(input.DataSourceNote), "is required for a manual measure: say where its values come from.");
        }
        CheckTarget(validation, input);
        if (input.Position is < 0) validation.Add(nameof(input.Position), "cannot be negative.");
        validation.ThrowIfInvalid();

        if (measure is null)
        {
            measure = new Measure { ObjectiveId = objectiveId, Title = input.Title.Trim() };
            measure.Position = input.Position
                ?? (await db.Measures.Where(m => m.ObjectiveId == objectiveId).Select(m => (int?)m.Position).MaxAsync(cancellationToken) ?? 0) + 1;
            db.Measures.Add(measure);
        }
        else
        {
            db.Entry(measure).Property(m => m.Version).OriginalValue = input.Version;
            if (input.Position is { } position) measure.Position = position;
        }
        measure.Title = input.Title.Trim();
        measure.Description = input.Description?.Trim() ?? "";
        measure.Source = input.Source;
        measure.LibraryKey = input.Source == MeasureSource.Computed ? key : null;
        measure.DataSourceNote = input.DataSourceNote?.Trim() ?? "";
        measure.Comparison = input.Comparison;
        measure.Target = input.Target;
        measure.Direction = input.Direction;
        measure.AmberThreshold = input.AmberThreshold;
        measure.Unit = input.Unit;
        measure.Frequency = input.Frequency;
        measure.OwnerId = input.OwnerId;
        measure.Retired = input.Retired;
        await db.SaveAsync("measure", cancellationToken);
        return measure.Id;
    }

    /// <summary>
    /// The comparison must agree with the direction (≥ and &gt; mean higher is better, ≤ and &lt; lower), percentages lie within 0–100, and the
    /// amber threshold lies on the bad side of the target: a value between them is a near miss, beyond the threshold a miss.
    /// </summary>
    private static void CheckTarget(Validation validation, MeasureInput input)
    {
        if (input.Comparison is TargetComparison.AtLeast or TargetComparison.GreaterThan && input.Direction == MeasureDirection.LowerIsBetter)
        {
            validation.Add(nameof(input.Direction), $"must be HigherIsBetter for a target of {MeasureRules.Symbol(input.Comparison)}.");
        }
        if (input.Comparison is TargetComparison.AtMost or TargetComparison.LessThan && input.Direction == MeasureDirection.HigherIsBetter)
        {
            validation.Add(nameof(input.Direction), $"must be LowerIsBetter for a target of {MeasureRules.Symbol(input.Comparison)}.");
        }
        if (input.Unit == MeasureUnit.Percent)
        {
            if (input.Target is < 0 or > 100) validation.Add(nameof(input.Target), "must be between 0 and 100 for a percentage.");
            if (input.AmberThreshold is < 0 or > 100) validation.Add(nameof(input.AmberThreshold), "must be between 0 and 100 for a percentage.");
        }
        if (input.AmberThreshold is not { } amber) return;
        var target = input.Target;
        var badSide = input.Direction == MeasureDirection.HigherIsBetter
            ? input.Comparison == TargetComparison.GreaterThan ? amber <= target : amber < target
            : input.Comparison == TargetComparison.LessThan ? amber >= target : amber > target;
        if (!badSide)
        {
            var side = input.Direction == MeasureDirection.HigherIsBetter ? "below" : "above";
            validation.Add(nameof(input.AmberThreshold), $"must lie on the bad side of the target: {side} {MeasureRules.Format(target, input.Unit)} when {(input.Direction == MeasureDirection.HigherIsBetter ? "higher" : "lower")} is better.");
        }
    }
}
