using System.Globalization;
using System.Text;
using Attest.Data;
using Attest.Documents;
using Attest.Policies;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Attest.Risks;

/// <summary>
/// The whole risk register as a spreadsheet: one row per risk (every status), by reference, in the columns of <see cref="Columns"/>.
/// Likelihood and impact are numbers, levels are the level names of the methodology version each risk was rated under, owners
/// are member e-mails, treatments and statuses their names (<c>Mitigate</c>, <c>InTreatment</c>), dates yyyy-MM-dd, and linked
/// assets and controls their references ("AST-00001, AST-00002"). "Accepted by" and "Accepted on" come from the latest acceptance
/// decision while it is not stale. The file imports back unchanged (<see cref="ImportRiskRegister"/>), so an export is also the
/// template for an import.
/// </summary>
public static class RiskRegisterExport
{
    /// <summary>The header of both formats, in order; scripts rely on the first thirteen.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "Reference", "Title", "Owner", "Inherent likelihood", "Inherent impact", "Inherent level", "Treatment", "Residual likelihood", "Residual impact",
        "Residual level", "Accepted by", "Accepted on", "Status", "Category", "Description", "Threat", "Vulnerability", "Existing controls", "Treatment plan",
        "Target level", "Identified on", "Next review", "Assets", "Controls in place", "Planned controls", "Methodology version",
    ];

    /// <summary>Columns the import reads but never applies: they are worked out from the others or recorded elsewhere.</summary>
    public static readonly IReadOnlyList<string> ReadOnlyColumns = ["Inherent level", "Residual level", "Accepted by", "Accepted on", "Methodology version"];

    /// <summary>The name of the worksheet <see cref="XlsxAsync"/> writes.</summary>
    public const string SheetName = "Risks";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Column widths in the workbook, in characters, in the order of Columns.
    private static readonly int[] SheetWidths = [10, 40, 28, 10, 10, 12, 12, 10, 10, 12, 30, 12, 12, 18, 50, 30, 30, 30, 50, 12, 12, 12, 30, 24, 24, 10];

    /// <summary>The register as CSV (RFC 4180, UTF-8, no byte order mark).</summary>
    public static async Task<byte[]> CsvAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        var rows = await LoadAsync(db, cancellationToken);
        return Spreadsheets.Csv(Columns, rows.Select(row => row.Select(c => Convert.ToString(c, Invariant) ?? "").ToArray()));
    }

    /// <summary>The register as an Excel workbook (.xlsx) with one sheet, <see cref="SheetName"/>; likelihood, impact and the methodology version are numbers.</summary>
    public static async Task<byte[]> XlsxAsync(AttestDbContext db, CancellationToken cancellationToken = default)
    {
        return Attest.Documents.Spreadsheets.Xlsx(SheetName, Columns, SheetWidths, await LoadAsync(db, cancellationToken));
    }

    /// <summary>
    /// Every risk's cells in <see cref="Columns"/> order (numbers as <see cref="int"/>, missing ones null), by reference: four queries whatever the
    /// size of the register (methodology versions; risks with their owners and latest acceptances; asset links; control links).
    /// </summary>
    internal static async Task<List<object?[]>> LoadAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var risks = await db.Risks.AsNoTracking()
            .Select(r => new
            {
                r.Id, r.Reference, r.Title, r.Category, r.Description, r.Threat, r.Vulnerability, r.MethodologyId, r.InherentLikelihood, r.InherentImpact,
                r.InherentLevel, r.ExistingControls, r.Treatment, r.TreatmentPlan, r.ResidualLikelihood, r.ResidualImpact, r.ResidualLevel, r.TargetLevel,
                r.Status, r.IdentifiedOn, r.NextReviewOn,
                Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => u.Email).FirstOrDefault(),
                Accepted = db.RiskAcceptances.Where(a => a.RiskId == r.Id).OrderByDescending(a => a.AcceptedAt)
                    .Select(a => new { a.AcceptedBy, a.AcceptedAt, a.StaleSince }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var assets = (await db.RiskAssets.AsNoTracking().Join(db.Assets, l => l.AssetId, a => a.Id, (l, a) => new { l.RiskId, a.Reference }).ToListAsync(cancellationToken))
            .ToLookup(x => x.RiskId, x => x.Reference);
        var controls = (await db.RiskControls.AsNoTracking().Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => new { l.RiskId, l.Role, c.Reference }).ToListAsync(cancellationToken))
            .ToLookup(x => (x.RiskId, x.Role), x => x.Reference);

        static string List(IEnumerable<string> references) => string.Join(", ", references.Order(StringComparer.Ordinal));

        // Ordinal, so both databases give the same order whatever their collation.
        return risks.OrderBy(r => r.Reference, StringComparer.Ordinal).Select(r =>
        {
            var methodology = methodologies.GetValueOrDefault(r.MethodologyId);
            var accepted = r.Accepted is { StaleSince: null } ? r.Accepted : null;
            return new object?[]
            {
                r.Reference, r.Title, r.Owner ?? "",
                r.InherentLikelihood, r.InherentImpact, LevelName(methodology?.Definition, r.InherentLevel),
                r.Treatment.ToString(),
                r.ResidualLikelihood, r.ResidualImpact, LevelName(methodology?.Definition, r.ResidualLevel),
                accepted?.AcceptedBy ?? "",
                accepted is null ? "" : Date(DateOnly.FromDateTime(accepted.AcceptedAt.UtcDateTime)),
                r.Status.ToString(),
                r.Category, r.Description, r.Threat, r.Vulnerability, r.ExistingControls, r.TreatmentPlan,
                LevelName(methodology?.Definition, r.TargetLevel),
                Date(r.IdentifiedOn), r.NextReviewOn is { } next ? Date(next) : "",
                List(assets[r.Id]), List(controls[(r.Id, RiskControlRole.Existing)]), List(controls[(r.Id, RiskControlRole.Planned)]),
                methodology?.Number,
            };
        }).ToList();
    }

    internal static string LevelName(MethodologyDefinition? definition, int? level) =>
        definition is not null && level is { } index && index >= 0 && index < definition.Levels.Count ? definition.Levels[index].Name : "";

    internal static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);
}

/// <summary>What a register import did: risks created, and existing risks it changed (rows that change nothing are not counted).</summary>
public sealed record RiskImportResult(int Created, int Updated);

/// <summary>
/// Imports a risk register, all or nothing. A CSV or XLSX file uses the columns of <see cref="RiskRegisterExport"/> (header names matched
/// ignoring case, spaces and punctuation; Reference and Title required, every other column optional, an unknown column refused). A row
/// whose Reference the organization already has updates that risk through <see cref="SaveRisk"/>; any other row creates one, keeping its
/// Reference when given (an empty one takes the next R-nnn). In a column the file has, the cell is the value: a blank cell clears it
/// (a blank Status, Identified on or Next review keeps what the risk says); a column the file leaves out keeps the risk's value.
/// Levels, the acceptance columns and the methodology version are computed, so they are read but never applied: a risk becomes
/// accepted only through an acceptance decision, never by writing Accepted in Status.
/// Every row is checked; one bad row means nothing is saved, and the error names every bad row ("row N: column: problem",
/// the header being row 1).
/// </summary>
/// <remarks>Rows are saved one by one in one transaction, and the context forgets each once saved: it is left with nothing tracked.</remarks>
public sealed class ImportRiskRegister(AttestDbContext db, SaveRisk saveRisk)
{
    /// <summary>The largest file accepted.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    private sealed record PlannedRow(int Index, string Label, RiskInput Input, Risk? Existing);

    /// <summary>Imports the register in <paramref name="content"/>; the format comes from the extension of <paramref name="fileName"/> (.csv or .xlsx).</summary>
    /// <exception cref="ValidationFailedException">The file cannot be read, or any row is wrong (field <c>File</c>; nothing was saved).</exception>
    public async Task<RiskImportResult> RunAsync(Stream content, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        fileName = string.IsNullOrWhiteSpace(fileName) ? "the file" : Path.GetFileName(fileName.Trim());
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            throw ValidationFailedException.For("File", $"'{fileName}' is not a risk register file Attest reads; use .csv or .xlsx with the columns of the risk register export.");
        }
        var bytes = await Spreadsheets.ReadLimitedAsync(content, fileName, MaxBytes, cancellationToken);
        var table = PolicyIndexTable.Read(bytes, fileName);
        // The CSV export escapes a cell a spreadsheet would run as a formula with an apostrophe; take it off again.
        if (extension == ".csv") table = table with { Rows = table.Rows.Select(r => r with { Cells = r.Cells.Select(Unescape).ToList() }).ToList() };
        var columns = RiskColumns.Match(table.Headers, fileName);
        var rows = table.Rows.Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
        if (rows.Count == 0) throw ValidationFailedException.For("File", $"{fileName} lists no risks: the table has a header but no rows.");

        var current = await RiskMethodologies.RequireCurrentAsync(db, cancellationToken);
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var existing = await db.Risks.AsNoTracking().ToListAsync(cancellationToken);
        var byReference = existing.ToDictionary(r => r.Reference, StringComparer.Ordinal);
        var assetLinks = (await db.RiskAssets.AsNoTracking().Select(l => new { l.RiskId, l.AssetId }).ToListAsync(cancellationToken)).ToLookup(l => l.RiskId, l => l.AssetId);
        var controlLinks = (await db.RiskControls.AsNoTracking().Select(l => new { l.RiskId, l.ControlId, l.Role }).ToListAsync(cancellationToken))
            .ToLookup(l => l.RiskId, l => new RiskControlInput(l.ControlId, l.Role));
        var assets = await ReferencesAsync(db.Assets.AsNoTracking().Select(a => new { a.Id, a.Reference }).ToListAsync(cancellationToken), a => a.Reference, a => a.Id);
        var controls = await ReferencesAsync(db.Controls.AsNoTracking().Select(c => new { c.Id, c.Reference }).ToListAsync(cancellationToken), c => c.Reference, c => c.Id);
        var owners = await PolicyPeople.FindAsync(db, rows.Select(r => Cell(r, columns.Index("Owner"))), cancellationToken);

        var errors = new List<(int Index, string Message)>();
        var planned = new List<PlannedRow>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = rows[index];
            var problems = new List<string>();
            var reference = Cell(row, columns.Index("Reference"));
            if (reference.Length > 0)
            {
                if (seen.TryGetValue(reference, out var first)) problems.Add($"Reference: {reference} is also used on {first}.");
                else seen[reference] = row.Label;
            }
            var risk = reference.Length > 0 ? byReference.GetValueOrDefault(reference) : null;
            var methodology = risk is not null && methodologies.TryGetValue(risk.MethodologyId, out var own) ? own : current;

            var title = Cell(row, columns.Index("Title"));
            if (title.Length == 0) problems.Add("Title: is required.");

            string? Text(string column, string? now) => columns.Has(column) ? Cell(row, columns.Index(column)) : now;

            Guid? ownerId = risk?.OwnerId;
            if (columns.Has("Owner"))
            {
                var ownerText = Cell(row, columns.Index("Owner"));
                ownerId = null;
                if (ownerText.Length > 0)
                {
                    if (owners.GetValueOrDefault(ownerText) is { UserId: { } user }) ownerId = user;
                    else problems.Add("Owner: " + PolicyPeople.Problem(ownerText, owners));
                }
            }

            int? Rating(string column, int? now)
            {
                if (!columns.Has(column)) return now;
                var text = Cell(row, columns.Index(column));
                if (text.Length == 0) return null;
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
                problems.Add($"{column}: '{text}' is not a whole number.");
                return now;
            }
            var unreadable = problems.Count;
            var inherentLikelihood = Rating("Inherent likelihood", risk?.InherentLikelihood);
            var inherentImpact = Rating("Inherent impact", risk?.InherentImpact);
            var residualLikelihood = Rating("Residual likelihood", risk?.ResidualLikelihood);
            var residualImpact = Rating("Residual impact", risk?.ResidualImpact);
            // A rating that is not a number is reported as such, not also as half a rating.
            if (problems.Count == unreadable)
            {
                CheckRating(problems, "Inherent", inherentLikelihood, inherentImpact, methodology);
                CheckRating(problems, "Residual", residualLikelihood, residualImpact, methodology);
            }

            var treatment = risk?.Treatment ?? RiskTreatment.Undecided;
            if (columns.Has("Treatment"))
            {
                var text = Cell(row, columns.Index("Treatment"));
                if (text.Length == 0) treatment = RiskTreatment.Undecided;
                else if (ParseName<RiskTreatment>(text) is { } parsed) treatment = parsed;
                else problems.Add($"Treatment: '{text}' is not one of {Names<RiskTreatment>()}.");
            }
            var status = risk?.Status ?? RiskStatus.Identified;
            if (columns.Has("Status") && Cell(row, columns.Index("Status")) is { Length: > 0 } statusText)
            {
                if (ParseName<RiskStatus>(statusText) is { } parsed) status = parsed;
                else problems.Add($"Status: '{statusText}' is not one of {Names<RiskStatus>()}.");
            }

            var target = risk is null ? null : RiskRegisterExport.LevelName(methodology.Definition, risk.TargetLevel) is { Length: > 0 } name ? name : null;
            if (columns.Has("Target level"))
            {
                var text = Cell(row, columns.Index("Target level"));
                target = text.Length > 0 ? text : null;
                if (target is not null && !methodology.Definition.Levels.Any(l => string.Equals(l.Name, target, StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"Target level: '{target}' is not a level of methodology v{methodology.Number}: use {string.Join(", ", methodology.Definition.Levels.Select(l => l.Name))}.");
                }
            }

            DateOnly? identifiedOn = null;
            if (columns.Has("Identified on")) identifiedOn = DateCell(row, columns.Index("Identified on"), "Identified on", problems);
            var nextReview = risk?.NextReviewOn;
            if (columns.Has("Next review") && DateCell(row, columns.Index("Next review"), "Next review", problems) is { } next) nextReview = next;

            IReadOnlyList<Guid>? assetIds = null;
            if (columns.Has("Assets")) assetIds = Resolve(Cell(row, columns.Index("Assets")), assets, "Assets", "an asset", problems);
            IReadOnlyList<RiskControlInput>? controlInputs = null;
            if (columns.Has("Controls in place") || columns.Has("Planned controls"))
            {
                var linked = risk is null ? [] : controlLinks[risk.Id].ToList();
                var inPlace = columns.Has("Controls in place")
                    ? Resolve(Cell(row, columns.Index("Controls in place")), controls, "Controls in place", "a control", problems)
                    : linked.Where(c => c.Role == RiskControlRole.Existing).Select(c => c.ControlId).ToList();
                var plannedControls = columns.Has("Planned controls")
                    ? Resolve(Cell(row, columns.Index("Planned controls")), controls, "Planned controls", "a control", problems)
                    : linked.Where(c => c.Role == RiskControlRole.Planned).Select(c => c.ControlId).ToList();
                var both = inPlace.Intersect(plannedControls).ToList();
                if (both.Count > 0)
                {
                    var names = controls.Where(c => both.Contains(c.Value)).Select(c => c.Key).Distinct().Order(StringComparer.Ordinal);
                    problems.Add($"Controls in place: {string.Join(", ", names)} cannot be both in place and planned.");
                }
                controlInputs = inPlace.Select(c => new RiskControlInput(c, RiskControlRole.Existing))
                    .Concat(plannedControls.Except(inPlace).Select(c => new RiskControlInput(c, RiskControlRole.Planned))).ToList();
            }

            var input = new RiskInput(
                title,
                Description: Text("Description", risk?.Description),
                Threat: Text("Threat", risk?.Threat),
                Vulnerability: Text("Vulnerability", risk?.Vulnerability),
                Category: Text("Category", risk?.Category),
                OwnerId: ownerId,
                Reference: reference.Length > 0 ? reference : null,
                InherentLikelihood: inherentLikelihood,
                InherentImpact: inherentImpact,
                ExistingControls: Text("Existing controls", risk?.ExistingControls),
                Treatment: treatment,
                TreatmentPlan: Text("Treatment plan", risk?.TreatmentPlan),
                ResidualLikelihood: residualLikelihood,
                ResidualImpact: residualImpact,
                TargetLevel: target,
                Status: status,
                IdentifiedOn: identifiedOn,
                NextReviewOn: nextReview,
                AssetIds: assetIds,
                Controls: controlInputs,
                Version: risk?.Version ?? 0);
            foreach (var (field, messages) in ErrorsOf(SaveRisk.Validate(input)))
            {
                if (field == nameof(RiskInput.Title) && title.Length == 0) continue;
                problems.AddRange(messages.Select(m => $"{ColumnOf(field)}: {m}"));
            }
            errors.AddRange(problems.Select(p => (index, $"{row.Label}: {p}")));
            if (problems.Count == 0) planned.Add(new PlannedRow(index, row.Label, input, risk));
        }

        var created = 0;
        var updated = 0;
        var outer = db.Database.CurrentTransaction;
        await using var transaction = outer is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        const string savepoint = "risk_register_import";
        if (outer is not null) await outer.CreateSavepointAsync(savepoint, cancellationToken);
        // Rows that name their reference go first, so the references given to the others never take one the file uses.
        foreach (var row in planned.OrderBy(r => r.Input.Reference is null).ThenBy(r => r.Index))
        {
            if (row.Existing is { } risk
                && Same(risk, row.Input, methodologies.GetValueOrDefault(risk.MethodologyId)?.Definition ?? current.Definition, assetLinks[risk.Id].ToList(), controlLinks[risk.Id].ToList()))
            {
                continue;
            }
            try
            {
                await saveRisk.RunAsync(row.Existing?.Id, row.Input, cancellationToken);
                if (row.Existing is null) created++;
                else updated++;
            }
            catch (ValidationFailedException refused)
            {
                errors.AddRange(refused.Errors.SelectMany(e => e.Value.Select(m => (row.Index, $"{row.Label}: {ColumnOf(e.Key)}: {m}"))));
            }
            finally
            {
                // Every save walks every tracked entity: forgetting what is saved keeps the thousandth row as cheap as the first.
                db.ChangeTracker.Clear();
            }
        }
        if (errors.Count > 0)
        {
            if (transaction is not null) await transaction.RollbackAsync(cancellationToken);
            else await outer!.RollbackToSavepointAsync(savepoint, cancellationToken);
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["File"] = errors.OrderBy(e => e.Index).Select(e => e.Message).Distinct().ToArray(),
            });
        }
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        else await outer!.ReleaseSavepointAsync(savepoint, cancellationToken);
        return new RiskImportResult(created, updated);
    }

    private static async Task<Dictionary<string, Guid>> ReferencesAsync<T>(Task<List<T>> load, Func<T, string> reference, Func<T, Guid> id)
    {
        var result = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in (await load).OrderBy(reference, StringComparer.Ordinal)) result.TryAdd(reference(item).Trim(), id(item));
        return result;
    }

    /// <summary>"AST-00001, AST-00002" (commas, semicolons or line breaks) as ids; an unknown reference is a problem of the row.</summary>
    private static List<Guid> Resolve(string cell, IReadOnlyDictionary<string, Guid> known, string column, string what, List<string> problems)
    {
        var ids = new List<Guid>();
        foreach (var reference in cell.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (known.TryGetValue(reference, out var id)) { if (!ids.Contains(id)) ids.Add(id); }
            else problems.Add($"{column}: {reference} is not {what} of this organization.");
        }
        return ids;
    }

    private static void CheckRating(List<string> problems, string which, int? likelihood, int? impact, RiskMethodologies.Loaded methodology)
    {
        var definition = methodology.Definition;
        if (likelihood is null != impact is null)
        {
            problems.Add($"{which} {(likelihood is null ? "likelihood" : "impact")}: rate both the {which.ToLowerInvariant()} likelihood and impact, or neither.");
            return;
        }
        if (likelihood is { } l && (l < 1 || l > definition.Likelihood.Count))
        {
            problems.Add($"{which} likelihood: {l} is not on the scale of methodology v{methodology.Number}: use 1 to {definition.Likelihood.Count} ({string.Join(", ", definition.Likelihood.Select(s => s.Label))}).");
        }
        if (impact is { } i && (i < 1 || i > definition.Impact.Count))
        {
            problems.Add($"{which} impact: {i} is not on the scale of methodology v{methodology.Number}: use 1 to {definition.Impact.Count} ({string.Join(", ", definition.Impact.Select(s => s.Label))}).");
        }
    }

    private static DateOnly? DateCell(PolicyIndexRow row, int? column, string name, List<string> problems)
    {
        var text = Cell(row, column);
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment) && moment.TimeOfDay == TimeSpan.Zero) return DateOnly.FromDateTime(moment);
        problems.Add($"{name}: '{text}' is not a date; write it as yyyy-MM-dd.");
        return null;
    }

    /// <summary>Whether saving <paramref name="input"/> would leave <paramref name="risk"/> and its links as they are (line ends aside).</summary>
    private static bool Same(Risk risk, RiskInput input, MethodologyDefinition definition, IReadOnlyList<Guid> assets, IReadOnlyList<RiskControlInput> controls)
    {
        int? target = null;
        if (!string.IsNullOrWhiteSpace(input.TargetLevel))
        {
            var index = definition.Levels.ToList().FindIndex(l => string.Equals(l.Name, input.TargetLevel.Trim(), StringComparison.OrdinalIgnoreCase));
            if (index < 0) return false;
            target = index;
        }
        static bool Equal(string? written, string stored) => Normalize(written) == Normalize(stored);
        return (input.Reference is null || input.Reference.Trim() == risk.Reference)
            && Equal(input.Title, risk.Title) && Equal(input.Description, risk.Description) && Equal(input.Threat, risk.Threat)
            && Equal(input.Vulnerability, risk.Vulnerability) && Equal(input.Category, risk.Category) && Equal(input.ExistingControls, risk.ExistingControls)
            && Equal(input.TreatmentPlan, risk.TreatmentPlan)
            && input.OwnerId == risk.OwnerId
            && input.InherentLikelihood == risk.InherentLikelihood && input.InherentImpact == risk.InherentImpact
            && input.ResidualLikelihood == risk.ResidualLikelihood && input.ResidualImpact == risk.ResidualImpact
            && input.Treatment == risk.Treatment && input.Status == risk.Status && target == risk.TargetLevel
            && (input.IdentifiedOn is null || input.IdentifiedOn == risk.IdentifiedOn)
            && input.NextReviewOn == risk.NextReviewOn
            && (input.AssetIds is null || input.AssetIds.ToHashSet().SetEquals(assets))
            && (input.Controls is null || input.Controls.Select(c => (c.ControlId, c.Role)).ToHashSet().SetEquals(controls.Select(c => (c.ControlId, c.Role))));
    }

    private static string Normalize(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();

    private static IReadOnlyDictionary<string, string[]> ErrorsOf(Validation validation)
    {
        try
        {
            validation.ThrowIfInvalid();
            return new Dictionary<string, string[]>();
        }
        catch (ValidationFailedException invalid)
        {
            return invalid.Errors;
        }
    }

    /// <summary>The column a field of <see cref="RiskInput"/> is read from, for messages.</summary>
    private static string ColumnOf(string field) => field switch
    {
        nameof(RiskInput.OwnerId) => "Owner",
        nameof(RiskInput.InherentLikelihood) => "Inherent likelihood",
        nameof(RiskInput.InherentImpact) => "Inherent impact",
        nameof(RiskInput.ResidualLikelihood) => "Residual likelihood",
        nameof(RiskInput.ResidualImpact) => "Residual impact",
        nameof(RiskInput.ExistingControls) => "Existing controls",
        nameof(RiskInput.TreatmentPlan) => "Treatment plan",
        nameof(RiskInput.TargetLevel) => "Target level",
        nameof(RiskInput.IdentifiedOn) => "Identified on",
        nameof(RiskInput.NextReviewOn) => "Next review",
        nameof(RiskInput.AssetIds) => "Assets",
        nameof(RiskInput.Controls) => "Controls",
        _ => field,
    };

    private static string Cell(PolicyIndexRow row, int? column) => column is { } index ? row.Cell(index) : "";

    private static string Unescape(string cell)
    {
        var value = cell.TrimStart();
        return value.Length > 1 && value[0] == '\'' && value[1] is '=' or '@' or '+' or '-' or '\t' or '\r' ? value[1..] : cell;
    }

    /// <summary>An enum value by its name, ignoring case, spaces and punctuation ("in treatment"); never by number.</summary>
    private static TEnum? ParseName<TEnum>(string text) where TEnum : struct, Enum
    {
        var wanted = PolicyIndexColumns.Normalize(text);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (PolicyIndexColumns.Normalize(value.ToString()) == wanted) return value;
        }
        return null;
    }

    private static string Names<TEnum>() where TEnum : struct, Enum => string.Join(", ", Enum.GetNames<TEnum>());
}

/// <summary>Which column of a register sheet holds what, from header names written with any case, spacing and punctuation.</summary>
internal sealed class RiskColumns
{
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["owneremail"] = "owner",
        ["nextreviewon"] = "nextreview",
        ["methodology"] = "methodologyversion",
        ["existingcontrolstext"] = "existingcontrols",
    };

    private readonly Dictionary<string, int> _found;

    private RiskColumns(Dictionary<string, int> found) => _found = found;

    public bool Has(string column) => _found.ContainsKey(PolicyIndexColumns.Normalize(column));

    public int? Index(string column) => _found.TryGetValue(PolicyIndexColumns.Normalize(column), out var index) ? index : null;

    public static RiskColumns Match(IReadOnlyList<string> headers, string fileName)
    {
        var known = RiskRegisterExport.Columns.ToDictionary(PolicyIndexColumns.Normalize, c => c);
        var found = new Dictionary<string, int>();
        var errors = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var name = PolicyIndexColumns.Normalize(headers[i]);
            if (name.Length == 0) continue;
            name = Aliases.GetValueOrDefault(name, name);
            if (!known.ContainsKey(name))
            {
                errors.Add($"{fileName}: column '{headers[i].Trim()}' is not a risk register column; the columns are {string.Join(", ", RiskRegisterExport.Columns)}.");
            }
            else if (found.TryGetValue(name, out var other)) errors.Add($"{fileName}: columns '{headers[other].Trim()}' and '{headers[i].Trim()}' are both {known[name]}; keep one.");
            else found[name] = i;
        }
        foreach (var required in new[] { "Reference", "Title" })
        {
            if (!found.ContainsKey(PolicyIndexColumns.Normalize(required))) errors.Add($"{fileName} has no {required} column; the header row needs at least Reference and Title.");
        }
        if (errors.Count > 0) throw new ValidationFailedException(new Dictionary<string, string[]> { ["File"] = errors.ToArray() });
        // The computed columns are recognised, so a re-import of an export is accepted, and then forgotten.
        foreach (var readOnly in RiskRegisterExport.ReadOnlyColumns) found.Remove(PolicyIndexColumns.Normalize(readOnly));
        return new RiskColumns(found);
    }
}

/// <summary>
/// The printable risk methodology an auditor asks for (ISO/IEC 27001 6.1.2, ISO/IEC 42001 6.1.2): the approach, both scales, the
/// matrix, the levels with who may accept them and how often they are reviewed, who holds acceptance authority, and every version.
/// </summary>
public static class RiskMethodologyDocument
{
    /// <summary>The formats <see cref="RenderAsync"/> writes.</summary>
    public static readonly IReadOnlyList<string> Formats = ["pdf", "md"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Version <paramref name="number"/> (null: the current one) in <paramref name="format"/> (<c>pdf</c> or <c>md</c>), with its media type and
    /// a download name such as <c>risk-methodology-v2.pdf</c>. Two queries.
    /// </summary>
    /// <exception cref="ValidationFailedException">The format is unknown (field <c>format</c>), the organization has no methodology, or no such version (field <c>Version</c>).</exception>
    public static async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(
        AttestDbContext db, int? number, string format, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var extension = ReportFormat.Of(format, "risk methodology");
        var organization = await ReportFormat.OrganizationNameAsync(db, cancellationToken);
        var versions = await db.RiskMethodologies.AsNoTracking()
            .Select(m => new { m.Number, m.Name, m.Approach, m.Definition, m.ChangeNote, m.CreatedAt, m.CreatedBy })
            .ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            throw ValidationFailedException.For("Methodology", "this organization has no risk methodology yet: start from the ready-made 5 × 5 or 3 × 3 one under Risks → Methodology.");
        }
        versions = versions.OrderByDescending(v => v.Number).ToList();
        var latest = versions[0].Number;
        var wanted = number ?? latest;
        var chosen = versions.FirstOrDefault(v => v.Number == wanted) ?? throw ValidationFailedException.For("Version",
            $"risk methodology v{wanted} does not exist; the versions are {string.Join(", ", versions.OrderBy(v => v.Number).Select(v => "v" + v.Number.ToString(Invariant)))}.");
        var definition = MethodologyDefinition.Parse(chosen.Definition);

        var facts = new List<(string Key, string Value)>
        {
            ("Organization", organization),
            ("Methodology", chosen.Name),
            ("Version", $"v{chosen.Number}" + (chosen.Number == latest ? " (current)" : $" (superseded by v{latest})")),
            ("Created by", chosen.CreatedBy),
            ("Created at", ReportFormat.Utc(chosen.CreatedAt)),
            ("Change note", chosen.ChangeNote.Length > 0 ? chosen.ChangeNote : "None"),
            ("Generated at", ReportFormat.Utc(now)),
        };
        string[] scaleHeaders = ["Number", "Label", "Description"];
        List<string[]> Scale(IReadOnlyList<ScaleStep> steps) => steps.Select((s, i) => new[] { (i + 1).ToString(Invariant), s.Label, s.Description }).ToList();
        var matrixHeaders = new[] { "Likelihood \\ Impact" }.Concat(definition.Impact.Select((s, i) => $"{i + 1} {s.Label}")).ToArray();
        var matrix = Enumerable.Range(1, definition.Likelihood.Count).Reverse()
            .Select(l => new[] { $"{l} {definition.Likelihood[l - 1].Label}" }
                .Concat(Enumerable.Range(1, definition.Impact.Count).Select(i => RiskRegisterExport.LevelName(definition, definition.LevelOf(l, i)))).ToArray())
            .ToList();
        string[] levelHeaders = ["Level", "Colour", "Who may accept", "Review (months)", "Description"];
        var levels = definition.Levels.Select(l => new[] { l.Name, l.Colour, definition.WhoMayAccept(l.AcceptableBy), l.ReviewMonths.ToString(Invariant), l.Description }).ToList();
        var authority = new List<(string Key, string Value)>
        {
            ("CISO authority", string.Join(", ", MethodologyDefinition.Titles(definition.CisoTitles))),
            ("Executive authority", string.Join(", ", MethodologyDefinition.Titles(definition.ExecutiveTitles))),
        };
        string[] versionHeaders = ["Version", "Date", "By", "Change note"];
        var history = versions.Select(v => new[] { $"v{v.Number}", v.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd", Invariant), v.CreatedBy, v.ChangeNote }).ToList();
        var fileName = $"risk-methodology-v{chosen.Number}.{extension}";

        if (extension == "md")
        {
            var text = new StringBuilder();
            text.Append("# ").Append(Md(chosen.Name)).Append(" \u2014 v").Append(chosen.Number.ToString(Invariant)).Append("\n\n");
            ReportFormat.MarkdownFacts(text, facts);
            text.Append("\n## Approach\n\n").Append(ReportFormat.Prose(chosen.Approach));
            text.Append("\n## Likelihood scale\n\n");
            ReportFormat.MarkdownTable(text, scaleHeaders, Scale(definition.Likelihood), "No steps.");
            text.Append("\n## Impact scale\n\n");
            ReportFormat.MarkdownTable(text, scaleHeaders, Scale(definition.Impact), "No steps.");
            text.Append("\n## Risk matrix\n\nRows are likelihood (highest first), columns impact; each cell is the level of the risk.\n\n");
            ReportFormat.MarkdownTable(text, matrixHeaders, matrix, "No matrix.");
            text.Append("\n## Risk levels\n\n");
            ReportFormat.MarkdownTable(text, levelHeaders, levels, "No levels.");
            text.Append("\n## Acceptance authority\n\n");
            ReportFormat.MarkdownFacts(text, authority);
            text.Append("\n## Versions\n\n");
            ReportFormat.MarkdownTable(text, versionHeaders, history, "No versions.");
            return (Utf8.GetBytes(text.ToString()), "text/markdown; charset=utf-8", fileName);
        }

        var blocks = new List<DocumentBlock>
        {
            new KeyValueTable(facts),
            new Heading("Approach", 1),
            new Paragraph(ReportFormat.PlainProse(chosen.Approach)),
            new Heading("Likelihood scale", 1),
            ReportFormat.Table(scaleHeaders, Scale(definition.Likelihood), [0.8, 2, 6]),
            new Heading("Impact scale", 1),
            ReportFormat.Table(scaleHeaders, Scale(definition.Impact), [0.8, 2, 6]),
            new Heading("Risk matrix", 1),
            new Paragraph("Rows are likelihood (highest first), columns impact; each cell is the level of the risk."),
            ReportFormat.Table(matrixHeaders, matrix, [2.2, .. definition.Impact.Select(_ => 1.5)]),
            new Heading("Risk levels", 1),
            ReportFormat.Table(levelHeaders, levels, [1.3, 1, 3.5, 1.2, 4]),
            new Heading("Acceptance authority", 1),
            new KeyValueTable(authority),
            new Heading("Versions", 1),
            ReportFormat.Table(versionHeaders, history, [0.8, 1.2, 2.5, 5]),
        };
        var document = new PrintableDocument(chosen.Name, $"{organization} \u2014 version {chosen.Number}", blocks) { Landscape = true };
        return (PdfDocumentWriter.Write(document, now), "application/pdf", fileName);
    }

    private static string Md(string value) => ReportFormat.Md(value);
}

/// <summary>
/// The risk treatment plan (ISO/IEC 27001 6.1.3 e and f): for every open risk being mitigated, transferred or avoided, or with treatment
/// tasks, what will be done (plan, planned controls, tasks with owners and due dates), where it should end (residual and target level)
/// and what has been accepted; a summary of open risks by residual level and of open and overdue tasks comes first.
/// </summary>
public static class RiskTreatmentPlanReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The report as PDF, with its media type and a download name such as <c>risk-treatment-plan-2026-03-01.pdf</c>.</summary>
    public static Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(AttestDbContext db, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RenderAsync(db, "pdf", now, cancellationToken);

    /// <summary>
    /// The report in <paramref name="format"/> (<c>pdf</c> or <c>md</c>) with its media type and a download name such as
    /// <c>risk-treatment-plan-2026-03-01.pdf</c>. Five queries whatever the size of the register; tasks are overdue when open
    /// and due before the day of <paramref name="now"/> (UTC).
    /// </summary>
    public static async Task<(byte[] Content, string ContentType, string FileName)> RenderAsync(
        AttestDbContext db, string format, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var extension = ReportFormat.Of(format, "treatment plan");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var organization = await ReportFormat.OrganizationNameAsync(db, cancellationToken);
        var methodologies = await RiskMethodologies.AllAsync(db, cancellationToken);
        var current = methodologies.Values.MaxBy(m => m.Number);
        var risks = (await db.Risks.AsNoTracking().Where(r => r.Status != RiskStatus.Closed)
                .Select(r => new
                {
                    r.Id, r.Reference, r.Title, r.MethodologyId, r.InherentLikelihood, r.InherentImpact, r.InherentLevel, r.Treatment, r.TreatmentPlan,
                    r.ResidualLikelihood, r.ResidualImpact, r.ResidualLevel, r.TargetLevel, r.Status,
                    Owner = db.Users.Where(u => u.Id == r.OwnerId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefault(),
                    Accepted = db.RiskAcceptances.Where(a => a.RiskId == r.Id).OrderByDescending(a => a.AcceptedAt)
                        .Select(a => new { a.AcceptedBy, a.AcceptedAt, a.ValidUntil, a.LevelName, a.StaleSince, a.StaleReason }).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .OrderBy(r => r.Reference, StringComparer.Ordinal).ToList();
        var tasks = (await db.RiskTasks.AsNoTracking()
                .Where(t => db.Risks.Any(r => r.Id == t.RiskId && r.Status != RiskStatus.Closed))
                .Select(t => new
                {
                    t.RiskId, t.Title, t.DueOn, t.CompletedOn, t.CreatedAt,
                    Owner = db.Users.Where(u => u.Id == t.OwnerId).Select(u => new { u.DisplayName, u.Email }).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken))
            .ToLookup(t => t.RiskId);
        var planned = (await db.RiskControls.AsNoTracking().Where(l => l.Role == RiskControlRole.Planned)
                .Join(db.Controls, l => l.ControlId, c => c.Id, (l, c) => new { l.RiskId, c.Reference, c.Name })
                .ToListAsync(cancellationToken))
            .ToLookup(x => x.RiskId);

        static string Person(string? name, string? email) => !string.IsNullOrWhiteSpace(name) ? name.Trim() : !string.IsNullOrWhiteSpace(email) ? email : "Not assigned";
        string Level(Guid methodologyId, int? level, int? likelihood, int? impact)
        {
            var name = RiskRegisterExport.LevelName(methodologies.GetValueOrDefault(methodologyId)?.Definition, level);
            if (name.Length == 0) return "Not rated";
            return likelihood is { } l && impact is { } i ? $"{name} ({l} \u00d7 {i})" : name;
        }

        // Summary: every open risk by residual level, from the highest level of the current methodology down.
        var byLevel = risks.GroupBy(r => RiskRegisterExport.LevelName(methodologies.GetValueOrDefault(r.MethodologyId)?.Definition, r.ResidualLevel))
            .ToDictionary(g => g.Key, g => g.Count());
        var levelOrder = (current?.Definition.Levels.Select(l => l.Name).Reverse() ?? []).ToList();
        var summary = levelOrder.Select(name => new[] { name, byLevel.GetValueOrDefault(name).ToString(Invariant) })
            .Concat(byLevel.Keys.Where(k => k.Length > 0 && !levelOrder.Contains(k)).Order(StringComparer.Ordinal).Select(k => new[] { k, byLevel[k].ToString(Invariant) }))
            .Append(["Not rated", byLevel.GetValueOrDefault("").ToString(Invariant)])
            .ToList();
        var allTasks = tasks.SelectMany(g => g).ToList();
        var openTasks = allTasks.Count(t => t.CompletedOn is null);
        var overdueTasks = allTasks.Count(t => t.CompletedOn is null && t.DueOn < today);
        var inPlan = risks.Where(r => r.Treatment is RiskTreatment.Mitigate or RiskTreatment.Transfer or RiskTreatment.Avoid || tasks[r.Id].Any()).ToList();

        var facts = new List<(string Key, string Value)>
        {
            ("Organization", organization),
            ("Generated at", ReportFormat.Utc(now)),
            ("Current methodology", current is null ? "None yet" : $"{current.Name} (v{current.Number})"),
            ("Open risks", risks.Count.ToString(Invariant)),
            ("Risks in this plan", inPlan.Count.ToString(Invariant)),
            ("Open tasks", openTasks.ToString(Invariant)),
            ("Overdue tasks", overdueTasks.ToString(Invariant)),
        };
        string[] summaryHeaders = ["Residual level", "Open risks"];
        string[] taskHeaders = ["Task", "Owner", "Due", "State"];

        var sections = inPlan.Select(r =>
        {
            var acceptance = r.Accepted is not { } a
                ? "None"
                : $"{a.LevelName} accepted by {a.AcceptedBy} on {RiskRegisterExport.Date(DateOnly.FromDateTime(a.AcceptedAt.UtcDateTime))}, valid until {RiskRegisterExport.Date(a.ValidUntil)}"
                  + (a.StaleSince is { } stale ? $"; STALE since {RiskRegisterExport.Date(DateOnly.FromDateTime(stale.UtcDateTime))}" + (a.StaleReason.Length > 0 ? $" ({a.StaleReason})" : "")
                      : a.ValidUntil < today ? "; EXPIRED" : "");
            var controls = planned[r.Id].OrderBy(c => c.Reference, StringComparer.Ordinal).Select(c => $"{c.Reference} {c.Name}").ToList();
            var details = new List<(string Key, string Value)>
            {
                ("Owner", r.Owner is null ? "Not assigned" : Person(r.Owner.DisplayName, r.Owner.Email)),
                ("Status", RiskLabels.Of(r.Status)),
                ("Inherent level", Level(r.MethodologyId, r.InherentLevel, r.InherentLikelihood, r.InherentImpact)),
                ("Treatment", RiskLabels.Of(r.Treatment)),
                ("Treatment plan", r.TreatmentPlan.Length > 0 ? ReportFormat.PlainProse(r.TreatmentPlan) : "Not written yet."),
                ("Planned controls", controls.Count > 0 ? string.Join("; ", controls) : "None"),
                ("Residual level", Level(r.MethodologyId, r.ResidualLevel, r.ResidualLikelihood, r.ResidualImpact)),
                ("Target level", RiskRegisterExport.LevelName(methodologies.GetValueOrDefault(r.MethodologyId)?.Definition, r.TargetLevel) is { Length: > 0 } target ? target : "Not set"),
                ("Acceptance", acceptance),
            };
            var taskRows = tasks[r.Id].OrderBy(t => t.CompletedOn is not null).ThenBy(t => t.DueOn is null).ThenBy(t => t.DueOn).ThenBy(t => t.CreatedAt)
                .Select(t => new[]
                {
                    t.Title, t.Owner is null ? "Not assigned" : Person(t.Owner.DisplayName, t.Owner.Email), t.DueOn is { } due ? RiskRegisterExport.Date(due) : "No date",
                    t.CompletedOn is { } done ? $"Done {RiskRegisterExport.Date(done)}" : t.DueOn < today ? "OVERDUE" : "Open",
                })
                .ToList();
            return (Heading: $"{r.Reference} {r.Title}", Details: details, Tasks: taskRows);
        }).ToList();
        var fileName = $"risk-treatment-plan-{RiskRegisterExport.Date(today)}.{extension}";

        if (extension == "md")
        {
            var text = new StringBuilder("# Risk treatment plan\n\n");
            ReportFormat.MarkdownFacts(text, facts);
            text.Append("\n## Risks by residual level\n\n");
            ReportFormat.MarkdownTable(text, summaryHeaders, summary, "No open risks.");
            text.Append("\n## Treatment\n");
            if (sections.Count == 0) text.Append("\nNo open risk is being treated.\n");
            foreach (var section in sections)
            {
                text.Append("\n### ").Append(ReportFormat.Md(section.Heading)).Append("\n\n");
                ReportFormat.MarkdownFacts(text, section.Details);
                text.Append('\n');
                ReportFormat.MarkdownTable(text, taskHeaders, section.Tasks, "No treatment tasks.");
            }
            return (Utf8.GetBytes(text.ToString()), "text/markdown; charset=utf-8", fileName);
        }

        var blocks = new List<DocumentBlock>
        {
            new KeyValueTable(facts),
            new Heading("Risks by residual level", 1),
            ReportFormat.Table(summaryHeaders, summary, [2, 1]),
            new Heading("Treatment", 1),
        };
        if (sections.Count == 0) blocks.Add(new Paragraph("No open risk is being treated."));
        foreach (var section in sections)
        {
            blocks.Add(new Heading(section.Heading, 2));
            blocks.Add(new KeyValueTable(section.Details));
            blocks.Add(section.Tasks.Count == 0 ? new Paragraph("No treatment tasks.") : ReportFormat.Table(taskHeaders, section.Tasks, [5, 2.5, 1.3, 1.5]));
        }
        var document = new PrintableDocument("Risk treatment plan", $"{organization} \u2014 ISO/IEC 27001 6.1.3", blocks) { Landscape = true };
        return (PdfDocumentWriter.Write(document, now), "application/pdf", fileName);
    }
}

/// <summary>What the risk reports share: the format argument, the organization's name, times, and Markdown pieces.</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Of(string? format, string what) => format?.Trim().ToLowerInvariant() switch
    {
        "md" or "markdown" => "md",
        "pdf" => "pdf",
        _ => throw ValidationFailedException.For("format", $"'{format}' is not a {what} format; use pdf or md."),
    };

    public static async Task<string> OrganizationNameAsync(AttestDbContext db, CancellationToken cancellationToken)
    {
        var id = db.Acting.RequireOrganization();
        return await db.Organizations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
    }

    public static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC";

    public static string Md(string value) => Soa.SoaExport.MarkdownText(value);

    /// <summary>Markdown as written (lists and emphasis still render) but raw HTML cannot: a viewer must not run what someone typed.</summary>
    public static string Prose(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        return text.Length == 0 ? "Not written yet.\n" : text.Replace("<", "\\<", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Markdown for a PDF, which prints text as it is: line ends made even and bold marks taken off.</summary>
    public static string PlainProse(string value)
    {
        var text = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("**", "", StringComparison.Ordinal).Trim();
        return text.Length == 0 ? "Not written yet." : text;
    }

    public static void MarkdownFacts(StringBuilder text, IEnumerable<(string Key, string Value)> facts)
    {
        foreach (var (key, value) in facts) text.Append("- **").Append(key).Append(":** ").Append(Md(value)).Append('\n');
    }

    public static void MarkdownTable(StringBuilder text, IReadOnlyList<string> headers, IEnumerable<string[]> rows, string empty)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            text.Append(empty).Append('\n');
            return;
        }
        text.Append("| ").AppendJoin(" | ", headers.Select(Md)).Append(" |\n|").Append(string.Concat(headers.Select(_ => "---|"))).Append('\n');
        foreach (var row in list) text.Append("| ").AppendJoin(" | ", row.Select(Md)).Append(" |\n");
    }

    public static DocumentBlock Table(IReadOnlyList<string> headers, IEnumerable<string[]> rows, IReadOnlyList<double> weights) =>
        new Table(headers, rows.Select(r => (IReadOnlyList<string>)r).ToList(), weights);
}
